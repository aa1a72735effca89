"""The reading of one parsed article that every construction works on, and the span helpers they share.

A `Reading` holds the doc, its text, the cue lexicon, the quotation regions and the optional learned cue
detector; its methods turn tokens into character spans (trimmed, a subtree, a speaker's naming words,
the sentence or paragraph of a token), say how much of a span is quoted, and whether a verb is a cue.
`Attribution` is what a construction proposes: character spans of cue, content and speaker, and how the
words were reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Token

from ...lexicons.cues import Cue, Lexicon
from ..grammar.doc_cache import kids
from ..grammar.syntax import tells_when
from .learned import AcceptModel, LinearModel
from .quotes import QuoteRegions
from .spans import CharSpan

# What trim() strips from a span's edges.
STRIP = " \t\n,;:—–-"
# Dependents of a subject that are not part of its naming words.
_NOT_NAME_DEPS = frozenset({"relcl", "acl", "punct", "advcl", "ccomp", "parataxis", "cc"})


@dataclass
class Attribution:
    cue: CharSpan
    cue_token: int                # the head word of the cue (a token index)
    content: CharSpan
    speaker: Optional[CharSpan]   # the words naming the speaker here, or None
    speaker_token: Optional[int]  # head of those words
    kind: str
    negated: bool = False
    hedged: bool = False
    quote: str = "indirect"
    sentence: CharSpan = (0, 0)
    rule: str = ""                # which construction found it (for debugging and tests)
    # The statement whose words report this one ("According to the Kremlin, Putin said ..." -> Putin's
    # statement is reported by the Kremlin's), or None.
    reported_by: Optional["Attribution"] = field(default=None, compare=False, repr=False)


class Reading:
    """One parsed article as the constructions read it. `memo` holds per-doc caches of the helpers
    (keyed by the helper's name), so that what is asked twice of a token is found once."""

    def __init__(self, doc: Doc, lex: Lexicon, quotes: QuoteRegions, text: Optional[str] = None,
                 cue_model: Optional[LinearModel] = None, accept_model: Optional[AcceptModel] = None):
        self.cue_model = cue_model
        self.accept_model = accept_model
        self.doc = doc
        self.text = doc.text if text is None else text
        self.lex = lex
        self.quotes = quotes
        self.memo: dict[str, dict] = {}

    def trim(self, start: int, end: int) -> CharSpan:
        t = self.text
        while start < end and t[start] in STRIP:
            start += 1
        while end > start and t[end - 1] in STRIP:
            end -= 1
        return start, end

    def trim_period(self, start: int, end: int) -> CharSpan:
        """trim(), and the sentence's closing full stop off too (words reported, not the sentence)."""
        start, end = self.trim(start, end)
        if end > start and self.text[end - 1] == ".":
            end -= 1
        return start, end

    def subtree_span(self, tok: Token) -> CharSpan:
        left, right = tok.left_edge, tok.right_edge
        return left.idx, right.idx + len(right.text)

    def span_of(self, toks: list[Token]) -> CharSpan:
        start = min(t.left_edge.idx for t in toks)
        end = max(t.right_edge.idx + len(t.right_edge.text) for t in toks)
        return start, end

    def name_span(self, head: Token) -> CharSpan:
        """The words naming a speaker: the subject's subtree without the clauses that say something of
        their own. As PolNeAR marks sources (train): a relative clause describes the speaker ("Chris
        Cox, who runs the NRA's lobbying arm", "those whose top issue was health care") unless it
        holds a saying of its own ("Barkley, who said ..., added"), and so does a participle that
        follows its noun ("a poll released Monday", "people briefed on the talks")."""
        start, end = head.idx, head.idx + len(head.text)
        for c in kids(head):
            if c.dep_ in _NOT_NAME_DEPS and not self.describes(head, c):
                continue
            if c.dep_ == "prep" and c.i > head.i and tells_when(c) and not any(
                    t.is_punct for t in self.doc[head.i + 1:c.i]):
                continue        # "Trump on Thursday said": the verb's time, which the parse hung on the name
            if _across_governor(head, c):
                continue
            s, e = self.subtree_span(c)
            start, end = min(start, s), max(end, e)
        if "\n" in self.text[start:end]:
            # a name never runs over a line break: of "4:20 p.m.\n\nJoe Biden says", the line next to
            # the verb names the speaker, not the timestamp line before it
            if head.i <= head.head.i:
                start = self.text.rfind("\n", start, end) + 1
            else:
                end = self.text.find("\n", start, end)
        return self.trim(start, end)


    def describes(self, head: Token, clause: Token) -> bool:
        """A relative clause or a following participle that is part of the speaker's naming words.

        A relative clause whose verb can cue stays in unless that verb reports words of its own
        ("Edward Rendell, who supports Mrs. Clinton, said" keeps it; "Barkley, who said ..., added"
        does not); an aside set off by a comma after a bare one-word name the article has already
        used ("Reid, who endorsed Clinton in February, said") is news about someone the reader
        knows, not the words naming them, and stays out. (PolNeAR train, the two together: 74
        sources made exact, 63 lost; dev 3 and 2.) A participle set off by a comma after a thing
        tells which one it is ("the latest poll, conducted in May", "one such document, obtained by
        The Post") and stays; after a name or a pronoun it tells how the one named was at the time
        ("Clinton, surrounded by her aides, said") and does not (train 9 made exact, 5 lost; dev 1, 0)."""
        if clause.i < head.i:
            return False
        if clause.dep_ == "acl":
            if clause.tag_ != "VBN" or self.is_cue_verb(clause) or (
                    self.doc[clause.left_edge.i - 1].is_punct
                    and (head.ent_type_ == "PERSON" or head.pos_ in ("PROPN", "PRON"))):
                return False        # ("Clinton, speaking in Iowa", "a firm called Acme", "Clinton,
                #                     surrounded by her aides": not a description)
        elif clause.dep_ != "relcl":
            return False
        elif head.pos_ == "PROPN" and self.doc[clause.left_edge.i - 1].text == "," \
                and all(c.i == clause.i or c.is_punct for c in kids(head)) \
                and self.text.find(head.text, 0, head.idx) >= 0:
            return False        # a bare name the article used before: the aside is news about them
        return not any(t.pos_ in ("VERB", "AUX") and self.is_cue_verb(t) and _says_something(t)
                       for t in clause.subtree)

    def sentence_span(self, tok: Token) -> CharSpan:
        """The sentence of a token, within its paragraph."""
        lo, hi = self.paragraph(tok)
        return max(tok.sent.start_char, lo), min(tok.sent.end_char, hi)

    def paragraph(self, tok: Token) -> CharSpan:
        """The paragraph (line) holding a token: parses sometimes run sentences across paragraphs."""
        lo = self.text.rfind("\n", 0, tok.idx) + 1
        hi = self.text.find("\n", tok.idx)
        return lo, (hi if hi >= 0 else len(self.text))

    def quote_kind(self, span: CharSpan, cue: Optional[CharSpan] = None) -> str:
        """direct: all quoted (an interrupting "he said" aside); mixed: some quoted words; else indirect."""
        regions = self.quotes.overlapping(*span)
        if not regions:
            return "indirect"
        covered = sum(min(e, span[1]) - max(s, span[0]) for s, e in regions)
        body = len(self.text[span[0]:span[1]].strip())
        if cue is not None and regions[0][0] <= span[0] and regions[-1][1] >= span[1]:
            for (_, e), (s, _) in zip(regions, regions[1:]):
                if e <= cue[0] and cue[1] <= s and s - e <= 80:
                    covered += s - e      # "“No,” he said, “we will not.”": the aside is the cue's
        return "direct" if covered >= 0.85 * body else "mixed"

    def extend_to_quotes(self, span: CharSpan, cue: CharSpan) -> CharSpan:
        start, end = span
        for s, e in self.quotes.overlapping(start, end):
            if s <= cue[0] < e:
                continue        # a malformed region that swallows the cue: do not trust it
            start, end = min(start, s), max(end, e)
        return start, end


    def is_cue_verb(self, tok: Token) -> bool:
        cue = self.lex.verb(self.lex.verb_lemma(tok.lemma_.lower(), tok.lower_))
        if cue is not None and cue.frame in ("light", "light-only"):    # "raise" is a cue only with a cue noun
            return self.light_object(tok)[1] is not None
        return cue is not None


    def light_object(self, tok: Token) -> tuple[Optional[Token], Optional[Cue]]:
        """A light verb's object and, when it is one, the cue noun it is ("raised questions")."""
        obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
        verb = self.lex.verb_lemma(tok.lemma_.lower(), tok.lower_)
        return obj, (self.lex.light_noun(obj.lemma_.lower(), verb) if obj is not None else None)


def _says_something(verb: Token) -> bool:
    """A cue verb that reports words of its own: it has a clause under it ("who said the plan would
    fail", "who urged Congress to act"), not only an object ("who endorsed Clinton", "who opposes
    abortion": what the speaker is, told through a verb that can cue elsewhere)."""
    return any(c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"))
               for c in kids(verb))


def _across_governor(head: Token, child: Token) -> bool:
    """The words under `child` lie on the far side of a word that governs `head`: the parse hung on
    the subject a phrase that follows its verb ("A majority of voters expect Clinton to win ..., the
    first of the election, ... -- 44 percent to 34 percent": "first" an apposition of "majority").
    A name is one stretch of words before or after its verb, never across it (PolNeAR train: 10
    sources made exact, none lost; dev 1 and none)."""
    lo, hi = min(head.i, child.left_edge.i), max(head.i, child.right_edge.i)
    return any(lo < a.i < hi for a in head.ancestors)
