"""Attribution rules over a parsed Doc: cue -> speaker, content, modifiers.

Each rule reads dependency arcs the parser already computed; nothing here re-parses or scans the
doc more than a few times. The output is character spans (`Attribution`); statements.py turns them
into records (actor ids, times, kinds).

Constructions:
  verb cues        "X said (that) ...", "..., X said", "“A,” he said, “B.”", "X told reporters ...",
                   "X, speaking ..., warned that", "X was quoted as saying", "it was reported that"
  noun cues        "X's claim that ...", "criticism from the West that ...", "In a statement, X ..."
  prepositions     "according to X, ...", "in a CNN poll, ..."
  lead-ins         "Trump: Cruz has to come a long way" (a name, a colon, the words)
  sign-offs        "“Tonight showed who he is.”― Jane Roe"
Afterwards a direct quotation that goes on past its cue ("“A,” she said. “B.”") is joined into one span.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Token

from ...eval.attribution import jaccard
from .learned import NAME_ENTS, PERSONAL_PRONOUNS, LinearModel, features as cue_features
from ...lexicons.cues import Cue, Lexicon
from .quotes import QuoteRegions

if TYPE_CHECKING:
    from .boundary import BoundaryModel

CharSpan = tuple[int, int]

# Dependents of a cue verb that carry what was said when there is no clause ("thanked Xi and Modi",
# "dismissed proposals for a buffer zone", "called Trump “unhinged”").
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "dative", "attr", "acomp"})
# Prepositions whose object is the content of a cue without a clause ("accused Russia of seeking",
# "warned about", "praised X for ...").
_CONTENT_PREPS = frozenset({"of", "about", "for", "on", "against", "over", "that", "into", "as"})
_STANCE_PREPS = frozenset({"of", "for", "on", "about", "against", "to"})
# What a feeling is about: "pleased with", "confident in", "dismayed at", "surprised by", "upset over".
_FEELING_PREPS = frozenset({"with", "in", "at", "by", "over"})
# What the object of a light verb is about: "raised questions about the deal", "concerns over the cost".
_LIGHT_PREPS = frozenset({"about", "over", "on", "of", "for", "against", "regarding"})
_NOT_CONTENT_TAIL = frozenset({"punct", "cc", "conj", "agent", "parataxis", "advcl", "relcl", "ccomp", "dep"})
# A comma or dash that opens an aside of the writer's ("..., which raised concerns", "— one of ...").
_ASIDE_DEPS = frozenset({"relcl", "appos", "advmod", "npadvmod", "acl", "amod"})
# How a cue without a subject reaches its speaker ("..., warning that" -> the main verb's subject).
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "ccomp", "acomp"})
_SUBJ_DEPS = ("nsubj", "nsubjpass")
# Dependents of a subject that are not part of its naming words.
_NOT_NAME_DEPS = frozenset({"relcl", "acl", "punct", "advcl", "ccomp", "parataxis", "cc"})
# "“...”― Stephanie Egan" at a line's end: a quotation signed with a dash and a name.
_NAME = r"(?:[A-Z][\w.'’-]*)(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|of|de|van|von|,)){0,5}"
_SIGN_OFF = re.compile(r"[ \t\xa0]*([―—–-])[ \t\xa0]*(" + _NAME + r")[ \t\xa0]*(?=\n|$)")
# The same after a closing quotation mark, found without quotation regions (for quotes whose opening
# mark is typed the wrong way round: "”Fear. ...” ― Edwin Monroy").
_LINE_SIGN_OFF = re.compile(r"(?<=[”\"’])[ \t\xa0]*([―—–])[ \t\xa0]*(" + _NAME + r")[ \t\xa0]*(?=\n|$)")
# Pronouns that name people, as subjects or as holders ("her attack on").
_PERSONAL = PERSONAL_PRONOUNS | {"my", "our", "your", "his", "her", "their", "whose"}
_RELATIVES = frozenset({"which", "that", "who", "what"})
_LEAD_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART"})
_STRIP = " \t\n,;:—–-"
# Words of a cue's own after it, before a comma that closes a set-off cue ("A, he told me on Friday, B").
_CUE_ADJUNCTS = frozenset({"dobj", "dative", "prep", "npadvmod", "advmod", "prt", "agent"})
# A verb that can open the rest of a clause after an aside ("..., would cost", "..., be removed").
_FINITE = frozenset({"MD", "VBZ", "VBD", "VBP", "VB"})
# Prepositions whose gerund is the object's doing ("accused Russia of seeking", "kept him from saying");
# after "by", "without", "before" ... it is the subject's ("won the nomination by promising ...").
_OBJECT_CONTROL = frozenset({"of", "from", "for", "into", "against"})
# Prepositions of a cue's setting, not of what was said: "said in a statement", "told reporters at a rally".
_SETTING_PREPS = frozenset({"in", "at", "during", "to", "after", "before", "from", "via", "through", "by"})
_MADE_IN_PREPS = frozenset({"in", "with", "from", "at", "of"})
# How far a quotation may go on after its cue and speaker ("“A,” said X, a professor at Y who advised Z.
# “B.”" is one statement): long appositions run to 250 characters (160 lost 8 of PolNeAR train's).
_SPEAKER_GAP = 250
_WH_OBJECTS = frozenset({"what", "which", "that"})
# Relative pronouns that stand for a noun before them ("a view, which I share", "Caddell, who said").
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
# Verbs that link a subject to a predicate adjective: "is", "remains", "grew" (eager, skeptical, ...).
_COPULAS = frozenset({"be", "seem", "appear", "remain", "feel", "become", "sound", "look", "grow", "stay"})
_PHRASE_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "appos", "npadvmod", "compound", "conj"})
_LEADING_CC = frozenset({"but", "and", "so", "yet", "or"})
# Words that stand for what was said ("said yes", "said so").
_PRO_ANSWERS = frozenset({"yes", "no", "so"})


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


class _Finder:
    def __init__(self, doc: Doc, lex: Lexicon, quotes: QuoteRegions, text: Optional[str] = None,
                 cue_model: Optional[LinearModel] = None, boundary: Optional["BoundaryModel"] = None):
        self.cue_model = cue_model
        self.boundary = boundary
        self.doc = doc
        self.text = doc.text if text is None else text
        self.lex = lex
        self.quotes = quotes
        self._quote_before: dict[int, Optional[CharSpan]] = {}

    # ---- spans -------------------------------------------------------------------------------
    def trim(self, start: int, end: int) -> CharSpan:
        t = self.text
        while start < end and t[start] in _STRIP:
            start += 1
        while end > start and t[end - 1] in _STRIP:
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
        """The words naming a speaker: the subject's subtree without relative clauses and the like."""
        start, end = head.idx, head.idx + len(head.text)
        for c in head.children:
            if c.dep_ in _NOT_NAME_DEPS:
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

    # ---- speakers ----------------------------------------------------------------------------
    def subject(self, verb: Token) -> Optional[Token]:
        """The verb's nsubj; of two, the nearer one before it ("12:15 p.m.\\n\\nDonald Trump says": a
        timestamp line the parse also made a subject)."""
        subj = None
        for c in verb.children:
            if c.dep_ == "nsubj":
                if subj is None or subj.i < c.i < verb.i:
                    subj = c
        return subj

    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)

    def agent(self, verb: Token) -> Optional[Token]:
        for c in verb.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if self.is_passive(verb):
            # "was called a liar by the mayor": the parse hung the by-phrase on the predicate noun
            for c in verb.children:
                if c.dep_ in ("oprd", "attr", "dobj"):
                    by = next((g for g in c.rights if g.dep_ == "prep" and g.lower_ == "by"), None)
                    obj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
                    if obj is not None and (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ or obj.tag_ == "NNS"
                                            or any(g.dep_ in ("det", "poss") for g in obj.children)):
                        return obj      # (not "by mistake", "by default")
        return None

    def as_saying(self, verb: Token) -> Optional[Token]:
        """The cue verb of "was quoted as saying", "is reported as telling" under a passive verb."""
        if not self.is_passive(verb):
            return None
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                return next((g for g in c.children if g.dep_ == "pcomp" and self.is_cue_verb(g)), None)
        return None

    def speaker_of(self, verb: Token) -> Optional[Token]:
        if self.is_passive(verb) or (verb.tag_ == "VBN" and self.agent(verb) is not None):
            # (a bare participle with its agent is passive too: "as reported by Western Journalism")
            agent = self.agent(verb)
            if agent is None and self.as_saying(verb) is not None:
                # "“A,” Braynard is quoted as saying": the one quoted is the speaker
                return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            return agent
        subj = self.subject(verb)
        if subj is not None:
            return subj
        outer = verb.head.head
        if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.dep_ == "ccomp" \
                and verb.head.tag_ == verb.tag_ == outer.tag_ and self.is_cue_verb(outer):
            subj = self.subject(outer)
            if subj is not None:
                return subj     # "China said it was opposed to the test and warned North Korea": China warned
        if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ in ("VB", "VBG", "VBN"):
            # "said he would order a review and warned against hackers": a finite verb cannot be parallel
            # to the infinitive it hangs on; it goes with the first finite verb above, and its subject
            h = verb.head
            while h.head.i != h.i:
                h = h.head
                if h.tag_ == verb.tag_:
                    subj = self.subject(h)
                    if subj is not None:
                        return subj
                    break
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            # "Asked about the plan, Clinton said ...": a bare participle's subject is the one asked; who
            # asked is not named
            return None
        h = verb
        fallback = None     # a thing as subject ("the initiative"): kept only if no agent shows up higher
        for _ in range(5):
            if h.dep_ == "acl" and h.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                return h.head if fallback is None else fallback
            if h.dep_ == "advmod" and h.pos_ == "ADV" and h.head.pos_ in ("VERB", "AUX"):
                pass        # "stopped short of calling", "aside from saying": on to the adverb's verb
            elif h.dep_ not in _CLIMB_DEPS or h.head.i == h.i:
                return fallback
            if h.dep_ == "pcomp" and h.head.dep_ == "prep" and h.head.head.pos_ == "NOUN":
                # "Mr. Ban's record on promoting women", "his campaign theme of questioning trade deals"
                poss = next((c for c in h.head.head.children if c.dep_ == "poss"), None)
                if poss is not None:
                    return poss
            if h.dep_ == "pcomp" and h.head.dep_ == "prep" and h.head.lower_ in _OBJECT_CONTROL:
                # object control: "accused Russia of seeking ..." -> Russia seeks
                obj = next((c for c in h.head.head.children if c.dep_ == "dobj" and c.i < h.head.i), None)
                if obj is not None:     # (not "After saying A, she left the room": no object before it)
                    return obj
            branch, h = h, h.head
            if h.dep_ == "ccomp" and h.head.i != h.i and self.is_cue_verb(h.head) and verb.tag_ == "VBG":
                # "X emphasized that A, suggesting B": the participle is X's, not A's subject's
                branch, h = h, h.head
            # "Bemoaning the system, Trump said ...", "After saying A, she left": a participle opening
            # the sentence is its subject's
            fronted = (branch.i < h.i and verb.i < h.i and verb.tag_ in ("VBG", "VBN")
                       and (branch.dep_ == "advcl" or (branch.dep_ == "prep" and verb.dep_ == "pcomp")))
            for c in h.children:
                if c.dep_ in _SUBJ_DEPS and (c.i < verb.i or fronted):
                    if verb.tag_ != "VBG" or c.pos_ in ("PROPN", "PRON") or c.ent_type_:
                        return c
                    fallback = fallback or c
        return fallback

    def is_person(self, tok: Optional[Token]) -> bool:
        """A subject that names people: a person's name or a personal pronoun (not "it")."""
        if tok is None:
            return False
        if tok.pos_ == "PRON":
            return tok.lower_ in _PERSONAL
        return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and not tok.ent_type_)

    def speaker_span(self, tok: Optional[Token]) -> tuple[Optional[CharSpan], Optional[int]]:
        if tok is None:
            return None, None
        if tok.lower_ in self.lex.non_speakers and not (tok.dep_ == "nsubj" and tok.lower_ == "it"
                                                       and not self.is_passive(tok.head)):
            return None, None   # "it was reported", "there were claims"; but "it said" names the body
        return self.name_span(tok), tok.i

    # ---- modifiers ---------------------------------------------------------------------------
    def negated(self, verb: Token) -> bool:
        for c in verb.children:
            if (c.dep_ == "neg" or (c.dep_ in ("advmod", "aux") and c.lower_ in self.lex.negators)) and (
                    self.quotes.containing(c.idx, c.idx + 1) is None):   # not the quote's "Probably not"
                return True
        h = verb
        while h.dep_ in ("xcomp", "pcomp", "prep") and h.head.i != h.i:
            h = h.head
            if h.lemma_.lower() in self.lex.neg_heads:
                return True
            if any(c.dep_ == "neg" for c in h.children):
                return True
        return False

    def hedged(self, verb: Token, content_root: Optional[Token]) -> bool:
        for tok in (verb, verb.head, content_root):
            if tok is None:
                continue
            if any(c.lower_ in self.lex.hedges for c in tok.children):
                return True
        return False

    def cue_span(self, verb: Token, extra: tuple[Token, ...] = ()) -> CharSpan:
        toks = [verb, *extra]
        for c in verb.children:
            if c.dep_ in ("aux", "auxpass", "neg") and verb.i - 4 <= c.i < verb.i:
                toks.append(c)
            elif c.dep_ == "prt":
                toks.append(c)
        # keep the cue contiguous: from the first of its words to the verb/particle
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
        return start, end

    def set_off(self, tok: Token, s_start: int, s_end: int) -> bool:
        """The cue and its subject sit between commas inside the sentence: "A, the clerk said, B"."""
        subj = self.subject(tok)
        left = subj.left_edge.idx if subj is not None and subj.i < tok.i else tok.idx
        right = tok.idx + len(tok.text)
        for c in tok.rights:
            # the cue's own words after it, up to the comma: "he told me on Friday,", "Stumpf explained
            # earlier in the hearing,"
            c_start, c_end = self.subtree_span(c)
            if (c.dep_ not in _CUE_ADJUNCTS or self.text[right:c_start].strip()
                    or self.quotes.overlapping(c_start, c_end)):
                break
            right = c_end
        before, after = self.text[s_start:left], self.text[right:s_end]
        return (before.rstrip().endswith(",") and after.lstrip().startswith(",")
                and bool(before.strip(" ,\n")) and bool(after.strip(" ,.\n")))

    def as_reported(self, tok: Token) -> bool:
        """ "as the senator said", "as reported by X": the comparative as, the cue's words being the
        clause it hangs on. Not the "as" of time ("as she said, “...”", "as he mentioned the wage"),
        which has words of its own, nor "as if to say"."""
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i), None)
        if mark is None or self.doc[mark.i + 1].lower_ in ("if", "though", "soon", "long", "well") or (
                mark.i and self.doc[mark.i - 1].lower_ in ("even", "just", "almost", "so")):
            return False
        idiom_it = "it" in self.lex.phrasal.get(self.lex.verb_lemma(tok.lemma_.lower(), tok.lower_), {})
        if any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative", "attr", "oprd") and not (
                c.dep_ == "dobj" and c.lower_ == "it" and idiom_it) for c in tok.children):
            return False    # (but "as one analyst put it": the "it" is the idiom's, cues.tsv "put it")
        nxt = self.text[tok.right_edge.idx + len(tok.right_edge.text):].lstrip(" ,:")
        return not nxt.startswith(("“", '"', "''", "‘"))

    def as_content(self, tok: Token) -> CharSpan:
        """The words an as-clause cue reports: the clause after it ("As X said, A"), before it ("A, as X
        said") or, set off inside it, the whole sentence ("A1, as X noted, A2")."""
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head    # "The network, as X put it, is a weapon": the parse hung it on the subject
        h_start, h_end = self.subtree_span(head)
        c_start, c_end = self.subtree_span(tok)
        s_start, s_end = self.sentence_span(tok)
        lo, hi = max(h_start, s_start), min(h_end, s_end)
        before = self.text[lo:c_start].strip(_STRIP)
        after = self.text[c_end:hi].strip(_STRIP + ".")
        if before.lower() in _LEADING_CC:
            before = ""
            lo = c_start
        if before and after:
            return self.trim_period(lo, hi)
        if after:
            return self.trim_period(c_end, hi)
        return self.trim_period(lo, c_start)

    def root_set_off(self, tok: Token) -> bool:
        """A cue the parse made the root, set off inside the clause it reports: "These employees,
        Stumpf explained, were well paid" (not "On Friday, he reported gains, citing ...")."""
        if any(c.dep_ in ("ccomp", "xcomp", "oprd", "attr") or (c.dep_ == "dobj" and c.pos_ != "PRON")
               for c in tok.children):
            return False
        s_start, s_end = self.sentence_span(tok)
        if not self.set_off(tok, s_start, s_end):
            return False
        comma = self.text.find(",", tok.idx, s_end)
        nxt = self.doc.char_span(comma + 1, s_end, alignment_mode="contract")
        if nxt is None or not len(nxt):
            return False
        first = nxt[0]
        return first.dep_ not in ("cc", "prep", "mark", "advmod", "punct") and first.tag_ != "VBG"

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

    # ---- constructions -----------------------------------------------------------------------
    def verb_cue(self, tok: Token, cue: Cue, extra: tuple[Token, ...]) -> Optional[Attribution]:
        if cue.frame == "raising":
            return self.raising(tok, cue)
        if cue.frame == "light":
            return self.light_verb(tok)
        if self.imperative(tok):
            return None     # "Don't blame Bush.", "Call it viral fundraising.": the writer's word to the reader
        if tok.lemma_.lower() in ("say", "suppose", "assume") and tok.head.lemma_.lower() == "let" and any(
                c.dep_ in _SUBJ_DEPS and c.lower_ in ("'s", "’s", "us") for c in tok.children):
            return None     # "Let's say you think ...": a supposition ("Let's hope ..." is still a wish)
        if tok.tag_ == "VBG" and tok.lemma_.lower() in ("assume", "suppose") and self.subject(tok) is None:
            return None     # "assuming that the cut is legal, ...": a supposition, no one's report
        if self.linking_idiom(tok):
            return None     # "Having said that, ...", "That said, ...", "It goes without saying that ..."
        saying = self.as_saying(tok)
        if saying is not None and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in saying.children):
            return None     # "X was quoted as saying that A": the saying is the statement, X its speaker
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and self.agent(tok) is None and cue.frame in ("object", "personal"):
            return None     # "a firm called Acme", "a man named Smith": naming, no one's statement
        speaker_tok = self.speaker_of(tok)
        if cue.frame == "personal" and not self.is_person(speaker_tok) and not self.regarding(tok, speaker_tok):
            return None     # "the army attacked the town" is an act; "the senator attacked the plan" a stance
        inner = None
        if tok.lemma_.lower() in self.lex.neg_heads:
            inner = next((c for c in tok.children if c.dep_ == "xcomp" and self.is_cue_verb(c)), None)
        cue_span = self.cue_span(tok, extra)
        if saying is not None:      # "“A,” X is quoted as saying": the cue is all of "quoted as saying"
            cue_span = (cue_span[0], max(cue_span[1], saying.idx + len(saying.text)))
        block = self.colon_block(tok) if cue.frame in ("speech", "utterance") else None
        if block is not None:
            # "He said:" closing its paragraph: the words are the next paragraph (or the quotation
            # that starts there, over as many paragraphs as it runs)
            content, rule, content_root = self.trim(*block), "verb-colon-block", None
            sent = tok.sent
        else:
            content, rule, content_root = self.verb_content(tok, cue, extra)
            if content is None:
                rule = "verb-colon"
                content = self.after_colon(tok)
                if content is None:
                    return None
            lo, hi = self.paragraph(tok)
            sent = tok.sent
            if rule == "verb-quote":
                # "“Fine!” he wrote.": the parse ended a sentence at the quotation's "!", before its cue
                content = self.trim(max(content[0], lo), min(content[1], hi))
            else:
                content = self.trim(max(content[0], sent.start_char, lo), min(content[1], sent.end_char, hi))
        if rule in ("verb-ccomp", "verb-object") and content[1] > tok.idx:
            content = (content[0], self.before_aside(content))
        if rule in ("verb-ccomp", "verb-object", "verb-inside") and content[1] > tok.idx:
            content = (content[0], self.past_colon(content[1]))
        if content[1] - content[0] < 2:
            return None
        words = self.doc.char_span(content[0], content[1], alignment_mode="expand")
        if words is not None and len(words) == 1 and words[0].pos_ in ("ADP", "PART"):
            return None     # "never asked for", "we know of": a stranded preposition says nothing
        content = self.extend_to_quotes(content, cue_span)
        if cue.frame in ("speech", "utterance") and content[1] <= cue_span[0]:
            content = (content[0], self.and_after_cue(tok, content[1], sent.end_char))
        if cue.frame in ("speech", "utterance") and content[0] >= cue_span[1] and self.quotes.containing(
                content[0], content[0] + 1) is not None:
            # "“No,” he said, “we will not.”" however the parse split it: one span, first quote to last
            before = self.quote_before(tok)
            if before is not None and self.text[before[0]:before[1]].rstrip("”\"'’ ").endswith((",", "—", "–", "-")):
                content = (before[0], content[1])     # (“A,” not “A.”: a sentence of its own)
        if rule == "verb-closing":
            after = next((c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i), None)
            if after is not None:
                speaker_tok = after
        if (speaker_tok is not None and cue.frame in ("speech", "utterance")
                and self.quotes.containing(speaker_tok.idx, speaker_tok.idx + 1) is not None
                and self.quotes.containing(tok.idx, tok.idx + 1) is None):
            # "“It is in panic mode. Full panic mode,” said Leslie Wimes": a word of the quotation is
            # no speaker; the name after the cue is
            speaker_tok = self.name_after_cue(tok)
        if speaker_tok is not None and speaker_tok.lower_ == "you" and self.question(tok):
            return None     # "Do you know where the returns are?": the writer asking the reader
        speaker, spk_i = self.speaker_span(speaker_tok)
        if content[1] <= cue_span[0] and cue.frame in ("speech", "utterance"):
            content, speaker, spk_i = self.speaker_after_quote(tok, content, cue_span, speaker, spk_i)
        kind, negated = cue.kind, self.negated(tok)
        if inner is not None:
            # "declined to say whether ...": one statement, the saying's kind, negated
            cue_span = (cue_span[0], inner.idx + len(inner.text))
            kind = self.lex.verb(self.lex.verb_lemma(inner.lemma_.lower(), inner.lower_)).kind
            negated = True
        return Attribution(
            cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
            kind=kind, negated=negated, hedged=self.hedged(tok, content_root),
            quote=self.quote_kind(content, cue_span), sentence=(sent.start_char, sent.end_char), rule=rule)

    def linking_idiom(self, tok: Token) -> bool:
        """The writer's own links made of "say": "having said that", "that said", "goes without saying"."""
        if tok.lemma_.lower() != "say":
            return False
        first = tok.sent[0]
        after = [t.text.lower() for t in self.doc[tok.i + 1:tok.i + 3]]
        if tok.i <= first.i + 1 and self.doc[tok.i - 1].lower_ in ("having", "that") and after and (
                after[0] == "," or (after[0] in ("that", "this") and after[1:] == [","])):
            return True
        return tok.head.lower_ == "without" and tok.head.head.lemma_.lower() == "go"

    def question(self, tok: Token) -> bool:
        """The cue's sentence asks (ends with a question mark, closing quotes and brackets aside)."""
        return self.text[tok.sent.start_char:tok.sent.end_char].rstrip().rstrip("”\"'’)").endswith("?")

    @staticmethod
    def imperative(tok: Token) -> bool:
        """A bare verb opening its sentence with no subject ("Ask any voter", "Don't believe them")."""
        if tok.dep_ != "ROOT" or tok.tag_ != "VB" or any(c.dep_ in _SUBJ_DEPS + ("expl",) for c in tok.children):
            return False
        first = next((t for t in tok.sent if not (t.is_punct or t.is_space)), tok)
        lead = [c for c in tok.lefts if c.dep_ in ("aux", "neg", "advmod")]
        return first.i == (lead[0].i if lead else tok.i) and all(
            c.lower_ in ("do", "not", "n't") or c.dep_ == "advmod" for c in lead)

    def light_verb(self, tok: Token) -> Optional[Attribution]:
        """ "The senator raised questions about the deal", "the mayor raised concerns that it would fail":
        the verb's object is a cue noun that carries the statement; the verb's subject holds it, and
        what the noun is about (its preposition's object, or its that-clause) is the content."""
        obj, noun = self.light_object(tok)
        if noun is None or noun.frame in ("source", "medium"):
            return None
        comp = next((c for c in obj.rights if (c.dep_ == "prep" and c.lower_ in _LIGHT_PREPS and not self.when(c)
                                                and any(g.dep_ in ("pobj", "pcomp") for g in c.children))
                     or (c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that")), None)
        if comp is None:
            return None
        words = [g for g in comp.children if g.dep_ in ("pobj", "pcomp")] if comp.dep_ == "prep" else [comp]
        content = self.trim(*self.span_of(words))
        cue_end = comp.idx + len(comp.text) if comp.dep_ == "prep" else obj.idx + len(obj.text)
        cue_span = (self.cue_span(tok)[0], cue_end)
        speaker, spk_i = self.speaker_span(self.speaker_of(tok))
        return Attribution(
            cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
            kind=noun.kind, negated=self.negated(tok), quote=self.quote_kind(content),
            sentence=(tok.sent.start_char, tok.sent.end_char), rule="light-verb")

    def light_object(self, tok: Token) -> tuple[Optional[Token], Optional[Cue]]:
        """A light verb's object and, when it is one, the cue noun it is ("raised questions")."""
        obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
        return obj, (self.lex.nouns.get(obj.lemma_.lower()) if obj is not None else None)

    def verb_content(self, tok: Token, cue: Cue, extra: tuple[Token, ...]
                     ) -> tuple[Optional[CharSpan], str, Optional[Token]]:
        """Where a verb cue's words are, by its frame: (span or None, rule name, the content's head)."""
        comps = [c for c in tok.children if c.dep_ == "ccomp"]
        if len(comps) > 1 and comps[0].i < tok.i and any(
                c.dep_ == "nsubj" and c.i > tok.i for c in tok.children) and "\n" not in self.text[comps[0].idx:tok.idx]:
            # "“A,” said David Brock, who heads Correct the Record": a speaker after the cue, so the
            # clause before it is what was said (the later "clause" is the parse misreading a name)
            comps = [c for c in comps if c.i < tok.i]
        if len(comps) > 1 and comps[-1].i > tok.i:
            # a clause before the cue as well as after: the parser ran a headline or an earlier
            # paragraph into this sentence ("Kremlin says ...\n\nLavrov said on Tuesday that A")
            comps = [c for c in comps if c.i > tok.i]
        if comps and comps[-1].i < tok.i and cue.frame != "utterance" and any(
                c.dep_ == "dobj" and c.i > tok.i for c in tok.children):
            # "Voters are angry; the senator clarified nothing", "World leaders denounce the test; others
            # vow consequences": a clause before a cue with an object of its own is not what it reports
            comps = []
        content_root = comps[0] if comps else None
        content: Optional[CharSpan] = None
        rule = "verb-ccomp"
        frame = cue.frame
        if comps:
            content = self.span_of(comps)
            content = (content[0], self.before_cue_participle(comps[-1], content[1]))
            rel = self.relative_before(tok, comps[0]) if tok.dep_ == "relcl" else None
            if rel is not None:
                # "a vote, which she has said was a mistake": the clause from "which" on, cue and all
                content = (rel.idx, content[1])
            elif content[0] < tok.idx < content[1] and not self.quotes.overlapping(*content):
                # a misparse put the cue inside its own clause: keep the words after the cue
                after = (tok.idx + len(tok.text), content[1])
                content = after if self.trim(*after)[1] - self.trim(*after)[0] > 8 else (content[0], tok.idx)
        elif frame in ("speech", "utterance") and (stray := self.stray_that_clause(tok)) is not None:
            # "telling customers at a breakfast spot that “I need you”": the parse hung the cue's
            # that-clause on the last noun before it
            content_root, content = stray, self.subtree_span(stray)
            if stray.right_edge.dep_ == "cc":    # "... and" whose conjunct the parse hung on the cue
                content = self.trim(content[0], stray.right_edge.idx)
        elif frame in ("speech", "utterance") and (adv := self.clause_as_adverbial(tok)) is not None:
            # "tweeted in the early morning hours that Machado was ...": the parse made the cue's
            # that-clause adverbial
            content_root, content = adv, self.subtree_span(adv)
            other = next((c for c in adv.rights if c.dep_ == "conj" and self.is_cue_verb(c)), None)
            if other is not None:     # "... and encouraged Americans to": a report of its own
                cc = [c for c in adv.rights if c.dep_ == "cc" and c.i < other.i]
                content = self.trim(content[0], (cc[-1] if cc else other.left_edge).idx)
        elif frame not in ("speech", "utterance"):
            pass
        elif tok.dep_ == "advcl" and tok.head.i != tok.i and self.as_reported(tok):
            # "As the senator said, the plan is dead": the clause the as-clause hangs on
            rule, content_root, content = "verb-as", tok.head, self.as_content(tok)
        elif tok.dep_ in ("ROOT", "conj") and self.root_set_off(tok):
            # "These employees, Stumpf explained, were well paid": the parse made the cue the root
            rule = "verb-inside"
            content_root = tok
            content = self.trim_period(*self.sentence_span(tok))
        elif tok.dep_ in ("parataxis", "ccomp") and frame != "utterance" and any(
                c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS) for c in tok.rights):
            pass    # "A, but he hardly clarified the matter": the cue has words of its own, found below
        elif (tok.dep_ == "parataxis" or (tok.dep_ == "ccomp" and not self.is_cue_verb(tok.head))) or (
                tok.dep_ == "advcl" and self.subject(tok) is not None and tok.i > tok.head.i
                and not any(c.dep_ in ("mark", "dobj", "advmod") for c in tok.children)):
            # (a clause reported by a cue verb is that verb's content, not a report of its own head:
            # "Lovas said he cannot comment on the letter")
            # the cue sits inside or after the clause it reports: "A is B, he said", "“A,” he said, “B.”"
            head = tok.head
            content_root = head
            rule = "verb-inside"
            h_start, h_end = self.subtree_span(head)
            c_start, c_end = self.subtree_span(tok)
            s_start, s_end = self.sentence_span(tok)
            if self.set_off(tok, s_start, s_end):
                # ", he said, " set off inside the sentence: the report is the whole sentence, whichever
                # clause the parse hung the cue on ("Though A was smooth, he said, B would be hard")
                content = self.trim_period(s_start, s_end)
            elif c_end >= h_end:
                content = (h_start, c_start)
            elif c_start <= h_start:
                content = (c_end, h_end)
            else:
                content = (h_start, h_end)
        if content is None and frame in ("speech", "utterance"):
            content = self.closing_cue(tok)
            if content is not None:
                rule = "verb-closing"
        if content is None and frame in ("speech", "utterance"):
            content = self.adjacent_quote(tok)
            if content is not None:
                rule = "verb-quote"
        if content is None and frame in ("speech", "utterance"):
            # "75 percent said yes", "half said so": a word that stands for the answer
            pro = next((c for c in tok.rights if c.lower_ in _PRO_ANSWERS and c.dep_ in ("intj", "advmod", "dobj")
                        and c.i == tok.i + 1), None)
            if pro is not None:
                content, rule, content_root = (pro.idx, pro.idx + len(pro.text)), "verb-object", pro
        if content is None and cue.kind == "question":
            # "asked the actress if she had ever been discriminated against": the parse made the question
            # an adverbial clause
            q = next((c for c in tok.rights if c.dep_ == "advcl" and c.left_edge.lower_ in ("if", "whether")), None)
            if q is not None:
                rule, content_root, content = "verb-ccomp", q, self.subtree_span(q)
        if content is None and frame == "utterance":
            # "told his advisers to find a way", "tells them to go and vote": an order, its infinitive
            inf = next((c for c in tok.rights if c.dep_ == "xcomp" and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
            if inf is not None:
                rule, content_root, content = "verb-object", inf, self.subtree_span(inf)
        if content is None and extra and extra[0].dep_ == "mark":
            # "is calling for the United States to step up": the parse made "for ... to" a clause
            fc = extra[0].head
            rule, content_root = "verb-object", fc
            content = (extra[0].nbor().idx, self.subtree_span(fc)[1])
        if content is None and frame in ("speech", "object", "personal"):
            has_obj = any(c.dep_ == "dobj" for c in tok.children)
            objs = [c for c in tok.children
                    if (c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS
                                                   and c not in extra and (c.lower_ != "as" or has_obj)
                                                   and not self.when(c) and any(g.i > c.i for g in c.children)
                                                   and not (has_obj and self.setting(c, last=False))))
                    and c.i > tok.i]     # (not a stranded "know of", nor a "reported on Wednesday")
            if extra:
                objs += [g for p in extra for g in p.children if g.dep_ in ("pobj", "pcomp")]
            rule = "verb-object"
            xcomps = [c for c in objs if c.dep_ == "xcomp"]
            if xcomps and any(c.dep_ in ("dobj", "dative") and c.i < xcomps[0].i for c in objs):
                objs = [c for c in objs if c.i >= xcomps[0].i]   # "warned officials to act": to act
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            # "Mrs. Clinton is seen as more capable": the whole clause, subject to "as" phrase, is the view
            view_end = self.regards_as(tok) if subj is not None and subj.i < tok.i else None
            if (view_end is None and subj is not None and subj.i < tok.i and objs and objs[0].dep_ == "xcomp"
                    and self.agent(tok) is None and subj.lower_ not in self.lex.non_speakers):
                # "The president is expected to run again": with no one named as expecting it, the whole
                # clause, subject and infinitive, is what is expected
                view_end = objs[-1].right_edge.idx + len(objs[-1].right_edge.text)
            if (view_end is None and subj is not None and subj.i < tok.i and objs and self.is_passive(tok)
                    and subj.lower_ not in self.lex.non_speakers and not any(c.dep_ == "dobj" for c in objs)):
                # "Pence was also dubbed the debate winner", "peacekeepers have been accused of hurting
                # civilians": what is said is said of the subject, so the words run from it (not so with
                # an object: "mourners were offered flowers" names who was offered)
                last = max(objs, key=lambda c: c.right_edge.i)
                view_end = last.right_edge.idx + len(last.right_edge.text)
            if objs and view_end is not None:
                rule, content_root = "verb-passive", subj
                content = (subj.left_edge.idx, view_end)
            elif objs:
                content_root = objs[0]
                # "what officials called a hate crime", "which Mr. Trump called a disgrace": the wh-word
                # before the cue is its object too, and opens the words
                wh = next((c for c in tok.lefts if c.dep_ == "dobj" and c.lower_ in _WH_OBJECTS), None)
                if wh is not None:
                    objs = [wh] + objs
                # what follows the object belongs to it ("showed Clinton with an 8-point lead")
                tail = [c for c in tok.children if c.i > objs[-1].i and (
                    c.dep_ not in _NOT_CONTENT_TAIL or self.object_infinitive(c, objs[-1])
                    or self.parallel_object(tok, c, objs)
                    or (c.dep_ == "advcl" and c.left_edge.lower_ == "as"    # "sees Trump as most likely to"
                        and c.left_edge.i == objs[-1].right_edge.i + 1))]
                # the words stop at a phrase that says when or where they were said: "endorsed Clinton
                # during a conference call", "rebuked Trump in December", "endorsed Cruz last week"
                cut = next((i for i, c in enumerate(tail) if self.setting(c, last=i == len(tail) - 1)), None)
                if cut is not None:
                    while cut > 0 and self.setting(tail[cut - 1], last=True):
                        cut -= 1    # "blasted Clinton Wednesday on The Laura Ingraham Show"
                    tail = tail[:cut]
                content = self.span_of(objs + tail)
            elif tok.dep_ == "relcl" and (rel := next((c for c in tok.lefts if c.dep_ == "dobj"
                                                       and c.lower_ in RELATIVE_PRONOUNS), None)) is not None:
                # "a view, which I share", "a candidate who many members oppose": the relative pronoun
                # stands for what is shared or opposed
                rule, content_root, content = "verb-object", rel, (rel.idx, rel.idx + len(rel.text))
            elif self.is_passive(tok):
                if subj is not None and subj.lower_ not in self.lex.non_speakers:
                    rule = "verb-passive"
                    content_root = subj
                    content = self.subtree_span(subj)
                    if view_end is not None:
                        content = (content[0], view_end)
        return content, rule, content_root

    def parallel_object(self, tok: Token, c: Token, objs: list[Token]) -> bool:
        """A conjunct the parse hung on the cue that goes with its object: "wants to triple X, grow Y
        and create Z" (an infinitive cannot be parallel to "wants"), "mentioned refinancing loans and
        forcing universities to spend"."""
        first = objs[0]
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and first.dep_ in ("dobj", "oprd") \
                and first.pos_ in ("NOUN", "PROPN", "PRON"):
            return True      # "questioned Trump's values and his readiness": a noun is no verb's conjunct
        if c.dep_ == "advcl" and c.tag_ == "VBG" and first.dep_ == "xcomp" and first.tag_ == "VBG" \
                and not any(g.dep_ in _SUBJ_DEPS + ("mark",) for g in c.children):
            return True      # "supported eliminating caucuses, limiting the number of ...": a list
        if c.dep_ != "conj" or c.tag_ == tok.tag_ or any(g.dep_ in _SUBJ_DEPS + ("aux", "neg") for g in c.children):
            return False     # ("didn't respond": a finite verb of the speaker's own)
        if any(g.dep_ == "conj" and any(h.dep_ in _SUBJ_DEPS for h in g.children) for g in c.subtree):
            return False     # ("fix X and he pledged ...": the next clause is another statement)
        if first.dep_ == "xcomp":
            return c.tag_ == first.tag_
        # ("refinancing student loans": a gerund the parse read as an adjective of its object)
        return c.tag_ == "VBG" and (first.tag_ == "VBG" or (
            first.left_edge.tag_ == "VBG" and first.left_edge.dep_ == "amod"))

    def setting(self, c: Token, last: bool) -> bool:
        """A phrase after a cue's object that says when or where, not what: a date phrase ("in December",
        "for years"), a during- or since-phrase, an occasion ("at a rally", "in an interview":
        data/statements/settings.tsv), or, closing the words, a bare date or "here" ("last week",
        "Tuesday morning"; before a "by saying ..." it may still be part of the act)."""
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None:
                return False
            if self.when(c) or c.lower_ in ("during", "since"):
                return True
            if c.lower_ not in ("in", "on", "at", "via", "through"):
                return False
            lemma = obj.lemma_.lower()
            # "in a speech", "at a rally"; a statement noun too ("in a tweet"), unless it is itself about
            # something ("in support of the plan")
            return lemma in self.lex.settings or (lemma in self.lex.nouns and not any(
                g.dep_ == "prep" and g.lower_ in ("of", "for") for g in obj.children))
        return last and c.dep_ in ("npadvmod", "advmod") and (
            c.ent_type_ in ("DATE", "TIME") or c.lower_ in ("here", "there"))

    @staticmethod
    def when(prep: Token) -> bool:
        """A phrase that says when, not what: "reported on Wednesday"."""
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        return obj is not None and obj.ent_type_ in ("DATE", "TIME") and obj.right_edge.i == obj.i

    def and_after_cue(self, tok: Token, end: int, sent_end: int) -> int:
        """ "A, the agency said in a June report, and B": the report goes on past its cue with "and" and a
        clause (or quotation) of its own, unless that clause has a cue of its own ("and he said ...")."""
        right = max([tok.idx + len(tok.text)] + [self.subtree_span(c)[1] for c in tok.rights
                                                 if c.dep_ in _CUE_ADJUNCTS or c.dep_ in _SUBJ_DEPS])
        m = re.match(r"\s*,\s+and\s+", self.text[right:sent_end])
        if m is None:
            return end
        words = self.doc.char_span(right + m.end(), sent_end, alignment_mode="contract")
        if words is None or any(self.is_cue_verb(t) for t in words) or not (
                any(t.dep_ in _SUBJ_DEPS for t in words) or self.quotes.overlapping(right, sent_end)):
            return end
        return self.trim_period(end, sent_end)[1]

    def past_colon(self, end: int) -> int:
        """Words that stop at a colon go on past it, to the end of the sentence after it: "offered a
        snappy retort: “No one is tearing this up.”", "reiterated his pledges: rebuilding the military,
        ...". A colon closing its paragraph goes on only into a quotation opening the next one ("said
        that given the field:\n\n“There's only one: Trump.”"); a list or a new topic there is the writer's."""
        text = self.text
        j = end
        while j < len(text) and text[j] in "”\"'’ ":
            j += 1
        if j >= len(text) or text[j] != ":":
            return end
        start = j + 1
        nl = text.find("\n", start)
        nl = len(text) if nl < 0 else nl
        closes_paragraph = not text[start:nl].strip()
        start = len(text) - len(text[start:].lstrip()) if closes_paragraph else start + len(text[start:nl]) - len(text[start:nl].lstrip())
        region = self.quotes.containing(start, start + 1) if start < len(text) else None
        if region is not None and region[0] == start:
            return region[1]
        if closes_paragraph:
            return end
        words = self.doc.char_span(start, nl, alignment_mode="expand")
        if words is None or not len(words):
            return end
        return self.trim_period(start, min(words[0].sent.end_char, nl))[1]

    def stray_that_clause(self, tok: Token) -> Optional[Token]:
        """A that-clause the parse attached as a relative clause or a noun's complement to a noun among
        the cue's own words ("telling customers at a breakfast spot that ...", "tweeted in the early
        hours that ..."): its "that" is a complementizer (mark) or read as an adverb, where a real relative
        clause has it as a pronoun (subject or object), and the noun is no cue noun that takes a clause of
        its own ("the claim that ...")."""
        for c in tok.rights:
            if c.dep_ not in ("dobj", "dative", "prep", "npadvmod"):
                continue
            for t in c.subtree:
                first = t.left_edge
                if t.dep_ in ("relcl", "acl") and first.lower_ == "that" and first.dep_ in ("mark", "advmod") \
                        and first.head.i == t.i and t.head.lemma_.lower() not in self.lex.nouns:
                    h = t.head      # the noun must be one of the cue's own phrases
                    while h.i != tok.i and h.dep_ in _PHRASE_DEPS:
                        h = h.head
                    if h.i == tok.i:
                        return t
        return None

    @staticmethod
    def for_clause(tok: Token) -> Optional[Token]:
        """The "for X to do Y" clause after a verb, which the parse makes adverbial."""
        return next((c for c in tok.rights if c.dep_ == "advcl" and c.left_edge.lower_ == "for"
                     and c.left_edge.dep_ == "mark" and c.left_edge.i < c.i), None)

    def clause_as_adverbial(self, tok: Token) -> Optional[Token]:
        """A clause with a subject after the cue, opened by "that", that the parse hung on the cue as an
        adverbial clause (a "when" or "while" clause stays the setting it is)."""
        for c in tok.rights:
            if c.dep_ != "advcl" or self.subject(c) is None:
                continue
            first = c.left_edge
            if first.head.i == c.i and first.lower_ == "that":
                return c
        return None

    def closing_cue(self, tok: Token) -> Optional[CharSpan]:
        """ "A, police said.", "A, said Geert Wilders, a founder of the party.": the cue and its speaker
        close the sentence after a comma, and the parse hung the words before them on the cue as
        something other than its clause (a subject, an adverbial clause)."""
        doc = self.doc
        if tok.dep_ != "ROOT" or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VB"):
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "dobj", "oprd", "attr", "dative", "acomp") for c in tok.children):
            return None
        first = tok     # the cue's own words before it: "police said", "has not said"
        for c in reversed(list(tok.lefts)):
            if c.dep_ in ("aux", "neg", "advmod", "nsubj") and c.right_edge.i == first.i - 1:
                first = c.left_edge
        comma = doc[first.i - 1] if first.i > tok.sent.start else None
        if comma is None or comma.text not in (",", "—", "–"):
            return None
        s_start, s_end = self.sentence_span(tok)
        if comma.idx <= s_start:
            return None
        for c in tok.rights:    # after the cue only its speaker and setting: "said Tuesday in a statement"
            if c.dep_ not in ("nsubj", "npadvmod", "prep", "advmod", "punct") or (
                    c.dep_ == "prep" and c.lower_ not in _SETTING_PREPS):
                return None
        if self.quotes.overlapping(tok.idx, min(tok.sent.end_char, s_end)):
            return None
        if not any(c.dep_ == "nsubj" for c in tok.children):
            return None
        words = doc.char_span(s_start, comma.idx, alignment_mode="contract")
        subj = self.subject(tok)
        if words is None or not (any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words) or any(
                t.head.i == tok.i and (t.dep_ in ("dep", "csubj") or (t.dep_ == "nsubj" and t.i != subj.i))
                for t in words)):
            # "In December, the Times wrote ...": no clause before the comma ("People like Scott, he
            # said" is one, though the parse read "like" as a preposition)
            return None
        return self.trim(s_start, comma.idx)

    def regarding(self, tok: Token, spk: Optional[Token]) -> bool:
        """ "Developers see golf courses as wasted space": a view held by whoever the subject `spk`
        names, people or not (but not "it" or "there"), or by no one named ("she is seen as an outsider")."""
        if self.regards_as(tok) is None:
            return False
        if self.is_passive(tok):
            return True     # "she is seen as an outsider": held by no one named
        return spk is not None and spk.lower_ not in self.lex.non_speakers

    def regards_as(self, tok: Token) -> Optional[int]:
        """The end of an "as" phrase that says how the object (or passive subject) is regarded: "sees
        golf courses as wasted space", "is seen as more capable"; None without one."""
        for c in tok.rights:
            if c.lower_ == "as" and c.dep_ in ("prep", "advmod") or (
                    c.dep_ in ("advcl", "oprd") and c.left_edge.lower_ == "as"
                    and not any(g.dep_ in _SUBJ_DEPS for g in c.children)):   # (not "as night fell")
                return c.right_edge.idx + len(c.right_edge.text)
        return None

    def object_infinitive(self, c: Token, obj: Token) -> bool:
        """ "defended his call to raise the minimum wage": an infinitive right after the object that the
        parse hung on the cue belongs to the object (not when it is a cue of its own: "called a
        meeting to discuss the test")."""
        return (c.dep_ == "advcl" and c.left_edge.i == obj.right_edge.i + 1 and c.left_edge.lower_ == "to"
                and c.left_edge.dep_ == "aux" and not self.is_cue_verb(c))

    def speaker_after_quote(self, tok: Token, content: CharSpan, cue_span: CharSpan,
                            speaker: Optional[CharSpan], spk_i: Optional[int]):
        """A quotation before its cue whose speaker the parse misplaced."""
        region = self.quotes.containing(content[0], content[0] + 1)
        if region is not None and region[0] == content[0] and region[1] < content[1]:
            # "“A,” Gene Sperling, an adviser, said": the parse put the speaker into the quote's clause
            gap = self.doc.char_span(region[1], cue_span[0], alignment_mode="contract")
            content = region
            if speaker is None and gap is not None and any(t.pos_ in ("PROPN", "NOUN") for t in gap):
                speaker = self.trim(gap.start_char, gap.end_char)
                spk_i = gap.root.i
        if speaker is None:
            # "“A,” added a South Carolina Democrat": the subject comes after the verb
            after = self.name_after_cue(tok)
            if after is not None:
                speaker, spk_i = self.speaker_span(after)
        return content, speaker, spk_i

    @staticmethod
    def name_after_cue(tok: Token) -> Optional[Token]:
        """The name after an inverted cue ("“A,” added a South Carolina Democrat", "said Leslie Wimes"),
        whatever relation the parse gave it."""
        return next((c for c in tok.children if c.i > tok.i and c.dep_ in ("nsubj", "dobj", "attr", "npadvmod")
                     and c.pos_ in ("PROPN", "NOUN")), None)

    def before_aside(self, span: CharSpan) -> int:
        """The end of a content span before a trailing aside: ", which ...", ", well above ...", "— one of"."""
        doc = self.doc
        words = doc.char_span(span[0], span[1], alignment_mode="contract")
        if words is None:
            return span[1]
        for t in words[1:-1]:
            if t.text == ";" and not self.quotes.containing(t.idx, t.idx + 1):
                return t.idx        # "A; B": the reported clause ends at the semicolon, B is the writer's
            if t.text in (",", "—", "–") and not self.quotes.containing(t.idx, t.idx + 1):
                nxt = doc[t.i + 1]
                if nxt.lower_ in ("which", "who") or (nxt.dep_ in _ASIDE_DEPS and nxt.head.i < t.i):
                    if self.clause_resumes(t, words):
                        continue
                    return t.idx
        return span[1]

    def clause_resumes(self, comma: Token, words) -> bool:
        """Whether an aside opened at `comma` sits inside the words rather than after them: the clause's
        head comes after it, or (the parse hung the clause on the aside) the aside closes with a second
        comma and the clause goes on with its verb ("the plan, which voters approved, would cost ...") or
        with a phrase of a word before the aside ("accused Cruz, who was born in Cuba, of associating")."""
        if words.root.i > comma.i:
            return True     # "that in the three largest counties, which include X, voters were ..."
        for t in words[comma.i - words.start + 1:]:
            if t.text in (",", "—", "–"):
                nxt = t.nbor() if t.i + 1 < len(self.doc) else None
                if nxt is not None and nxt.i < words.end and nxt.dep_ == "prep" and (
                        nxt.head.i < comma.i or nxt.head.i >= words.end or nxt.head.i < words.start):
                    return True     # "accused Cruz, who was born in Cuba, of associating with ..."
                return nxt is not None and nxt.i < words.end and nxt.tag_ in _FINITE
        return False

    def relative_before(self, tok: Token, comp: Token) -> Optional[Token]:
        """The relative pronoun of a cue's relative clause that its reported clause is about: the
        clause's own subject ("which he said was wrong") or, as the parser sometimes has it, the cue's
        object ("which she said was a mistake")."""
        for w in (comp.left_edge, next((c for c in tok.children if c.dep_ == "dobj"), None)):
            if w is not None and w.i < tok.i and w.lower_ in _RELATIVES:
                return w
        return None

    def before_cue_participle(self, head: Token, end: int) -> int:
        """ "analysts said X, citing Y": the participle is the speaker's act, not part of X."""
        doc = self.doc
        for c in head.children:
            if c.i <= head.i or not self.is_cue_verb(c):
                continue
            if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and doc[c.i - 1].text in (",", "—", "–"):
                return min(end, doc[c.i - 1].idx)
            if c.dep_ == "conj" and c.tag_ == "VBD" and doc[c.i - 1].dep_ == "cc" and self.lex.verb(
                    self.lex.verb_lemma(c.lemma_.lower(), c.lower_)).frame in ("speech", "utterance"):
                # "said that A and noted that B": the second report is a statement of its own
                return min(end, doc[c.i - 1].idx)
        return end

    def quote_before(self, tok: Token) -> Optional[CharSpan]:
        """The quotation that ends right before a cue and its speaker ("“A,” Trump said")."""
        # (asked twice of a speech cue: for its words, then for an interrupted quotation)
        if tok.i not in self._quote_before:
            self._quote_before[tok.i] = self._find_quote_before(tok)
        return self._quote_before[tok.i]

    def _find_quote_before(self, tok: Token) -> Optional[CharSpan]:
        # (a word of the quotation the parse hung on the cue, "“Probably not,” Moore said", is not one)
        words = [tok] + [c for c in tok.children if c.dep_ in ("nsubj", "aux", "neg", "advmod")
                         and self.quotes.containing(c.idx, c.idx + 1) is None]
        left = min(w.left_edge.idx if w.dep_ == "nsubj" else w.idx for w in words)
        region = self.quotes.before(left)
        if region is not None:
            s, e = region
            if e <= left and len(self.text[e:left]) <= 3 and not self.text[e:left].strip(" ,—–-"):
                return s, e
        return None

    def adjacent_quote(self, tok: Token) -> Optional[CharSpan]:
        """A quotation right before the cue and its speaker ("“A,” Trump told a rally") or right after
        the cue and its addressee ("and said, “No.”"), when the parse did not make it the complement."""
        text = self.text
        region = self.quote_before(tok)
        if region is not None:
            return region
        right = tok.idx + len(tok.text)
        region = self.quotes.first_from(right)
        if region is not None:
            s, e = region
            gap = text[right:s]
            if len(gap) <= 3 and not gap.strip(" ,:—–-"):
                return s, e
            # "As Dell said last week in Tel Aviv, “...”": only the cue's own modifiers in between
            if len(gap) <= 60 and "\n" not in gap and gap.rstrip().endswith((",", ":")):
                last = self.doc.char_span(right, s, alignment_mode="contract")
                if last is not None and all(t.head.i == tok.i or tok.i < t.head.i < s and t.head.idx < s
                                            and t.head.dep_ in ("prep", "pobj", "npadvmod", "compound", "det",
                                                                "amod", "dobj", "dative")
                                            or t.is_punct for t in last):
                    return s, e
        return None

    def raising(self, tok: Token, cue: Cue) -> Optional[Attribution]:
        """ "The event seemed an insult away from a brawl": the clause is the content, no speaker named
        unless an experiencer is ("seemed to Harrison")."""
        subj = next((c for c in tok.children if c.dep_ in _SUBJ_DEPS), None)
        comp = [c for c in tok.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp") and c.i > tok.i]
        if subj is None or not comp or subj.lower_ in self.lex.non_speakers and not comp:
            return None
        if (self.is_person(subj) or subj.ent_type_ in NAME_ENTS) and any(
                c.dep_ == "xcomp" and self.is_cue_verb(c) for c in comp):
            return None     # "he appeared to suggest that A": his suggestion, the cue's statement
        start = subj.left_edge.idx
        last = max(c.right_edge for c in comp)
        content = self.trim(start, last.idx + len(last.text))
        spk = None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                spk = next((g for g in c.children if g.dep_ == "pobj"), None)
        speaker, spk_i = self.speaker_span(spk)
        return Attribution(
            cue=self.cue_span(tok), cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
            kind=cue.kind, negated=self.negated(tok), hedged=True, quote=self.quote_kind(content),
            sentence=(tok.sent.start_char, tok.sent.end_char), rule="verb-raising")

    def colon_block(self, tok: Token) -> Optional[CharSpan]:
        """The paragraph after "X said:" when the colon ends the cue's paragraph, or the quotation
        opening that paragraph (quotations may run over several paragraphs)."""
        text = self.text
        colon = self.colon_after(tok, ("prt", "advmod", "npadvmod"))
        if colon is None:
            return None
        after = colon.idx + 1
        nl = text.find("\n", after)
        if nl < 0 or text[after:nl].strip():
            return None
        start = nl
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text):
            return None
        region = self.quotes.first_from(start)
        if region is not None and region[0] == start:
            return region
        end = text.find("\n", start)
        return start, (end if end >= 0 else len(text))

    def after_colon(self, tok: Token) -> Optional[CharSpan]:
        """ "X said:" with the words in the next sentence or quotation."""
        doc = self.doc
        colon = self.colon_after(tok, ("prt", "advmod"))
        if colon is None:
            return None
        region = self.quotes.next_after(colon.idx + 1)
        if region is not None:
            return region
        if colon.i + 1 < len(doc):
            nxt = doc[colon.i + 1]
            return nxt.idx, nxt.sent.end_char
        return None

    def colon_after(self, tok: Token, skip: tuple[str, ...]) -> Optional[Token]:
        """The colon right after a cue verb ("said:"), past up to two of its `skip` dependents
        ("said Friday:")."""
        doc = self.doc
        j = tok.i + 1
        while j < len(doc) and doc[j].dep_ in skip and j - tok.i < 3:
            j += 1
        return doc[j] if j < len(doc) and doc[j].text == ":" else None

    def noun_cue(self, tok: Token, cue: Cue) -> Optional[Attribution]:
        clause = None
        for c in tok.children:
            # (a "that" the parse made a complementizer marks the noun's content even when it hung the
            # clause as a relative one: "says in a statement that the budget will pass")
            if c.dep_ in ("acl", "ccomp", "appos", "relcl") and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark":
                clause = c
                break
        if clause is None:
            return self.noun_stance(tok, cue) if cue.frame in ("stance", "personal") else None
        spk = None
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in NAME_ENTS):
                spk = c     # "Tulsa police's claim", "a New York Times report that ..."
            elif c.dep_ == "prep" and c.lower_ in ("from", "by", "of") and c.i < clause.i:
                spk = next((g for g in c.children if g.dep_ == "pobj"), spk)
        if spk is None and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            spk = self.subject(tok.head) if tok.dep_ == "dobj" else self.agent(tok.head)
        if spk is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _MADE_IN_PREPS:
            # "says in a statement that ...", "stirred controversy with an assertion that ...",
            # "backed away from a suggestion that ...": the verb's subject made it
            verb = tok.head.head
            if verb.dep_ == "advmod":      # "backed away from"
                verb = verb.head
            if verb.pos_ == "VERB":
                spk = self.subject(verb)
        cue_span = (tok.idx, tok.idx + len(tok.text))
        content = self.extend_to_quotes(self.trim(*self.subtree_span(clause)), cue_span)
        speaker, spk_i = self.speaker_span(spk)
        return Attribution(
            cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
            kind=cue.kind, negated=self.negated(tok.head) if tok.dep_ == "dobj" else False,
            hedged=self.hedged(tok, clause), quote=self.quote_kind(content),
            sentence=(tok.sent.start_char, tok.sent.end_char))

    def noun_stance(self, tok: Token, cue: Cue) -> Optional[Attribution]:
        """ "Trump's proposal to ban Muslims", "Clinton's criticism of the deal": a possessor holds it."""
        spk = next((c for c in tok.children if c.dep_ == "poss"), None)
        if spk is None:
            # "criticism from the unions over the plan": the from/by phrase names the holder
            by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
            spk = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        if spk is None or spk.pos_ not in ("PROPN", "PRON", "NOUN"):
            return None     # with no holder named the speaker is elsewhere: guessing none costs more than it finds
        if cue.frame == "personal" and not self.is_person(spk):
            return None     # "Trump's attacks on Curiel" are words; "Russia's attack on Kyiv" is an act
        comp = next((c for c in tok.children if c.i > tok.i and (
            (c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
            or (c.dep_ == "prep" and c.lower_ in _STANCE_PREPS and not self.when(c)))), None)
        if comp is None:
            return None     # ("his remarks on Saturday": when, not what)
        content = self.trim(*self.subtree_span(comp))
        if comp.dep_ == "prep":
            content = (comp.idx + len(comp.text) + 1, content[1])
        content = self.trim(*content)
        if content[1] - content[0] < 2:
            return None
        speaker, spk_i = self.speaker_span(spk)
        cue_span = (tok.idx, tok.idx + len(tok.text))
        return Attribution(
            cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
            kind=cue.kind, quote=self.quote_kind(content), sentence=(tok.sent.start_char, tok.sent.end_char),
            rule="noun-stance")

    def adjective_cue(self, tok: Token, cue: Cue) -> Optional[Attribution]:
        """ "X is eager to ...", "X was critical of ...", "X remains confident that ...": a stance the
        subject of the copula holds; the adjective's complement is what it is about."""
        verb = tok.head
        if verb.lemma_.lower() not in _COPULAS or verb.i > tok.i:
            return None
        subj = self.subject(verb)
        if subj is None or subj.lower_ in self.lex.non_speakers or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
            return None     # "it is clear that ..." names no one who holds the view
        comps = [c for c in tok.children if c.i > tok.i and (c.dep_ in ("ccomp", "xcomp") or (
            c.dep_ == "prep" and (c.lower_ in _STANCE_PREPS or (tok.pos_ == "ADJ" and c.lower_ in _FEELING_PREPS))))]
        if not comps:
            return None
        content = self.trim(*self.span_of(comps))
        if comps[0].dep_ == "prep":
            content = self.trim(comps[0].idx + len(comps[0].text), content[1])   # "critical of [the plan]"
        lo, hi = self.sentence_span(tok)
        content = (content[0], min(content[1], hi))
        if content[1] - content[0] < 2:
            return None
        cue_span = (min(verb.idx, tok.idx), tok.idx + len(tok.text))
        content = self.extend_to_quotes(content, cue_span)
        speaker, spk_i = self.speaker_span(subj)
        return Attribution(
            cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
            kind=cue.kind, negated=self.negated(verb), hedged=self.hedged(verb, comps[0]),
            quote=self.quote_kind(content), sentence=(lo, hi), rule="adjective" if tok.pos_ == "ADJ" else "role")

    def in_statement(self, tok: Token) -> Optional[Attribution]:
        """ "In a statement, the ministry rejected ...": the verb's clause is what the statement said."""
        prep = tok.head
        verb = prep.head
        if prep.lower_ != "in" or verb.pos_ not in ("VERB", "AUX") or self.is_cue_verb(verb):
            return None
        subj = self.subject(verb)
        if subj is None:
            return None
        start = subj.right_edge.idx + len(subj.right_edge.text) if subj.i < verb.i else verb.idx
        end = verb.right_edge.idx + len(verb.right_edge.text)
        p_start, p_end = self.subtree_span(prep)
        if p_start > start:
            end = min(end, p_start)
        content = self.trim_period(start, end)
        if content[1] - content[0] < 2:
            return None
        speaker, spk_i = self.speaker_span(subj)
        cue_span = self.trim(p_start, p_end)
        return Attribution(
            cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
            kind="claim", negated=self.negated(verb), hedged=self.hedged(verb, None),
            quote=self.quote_kind(content), sentence=(tok.sent.start_char, tok.sent.end_char))

    def in_source(self, tok: Token, cue: Cue) -> Optional[Attribution]:
        """ "In a CNN poll, Clinton led by five points": the poll says the rest of the sentence."""
        prep = tok.head
        p_start, p_end = self.subtree_span(prep)
        sent = tok.sent
        lo, hi = self.paragraph(tok)
        s_start, s_end = max(sent.start_char, lo), min(sent.end_char, hi)
        before = self.text[s_start:p_start]
        after = self.text[p_end:s_end]
        if not before.strip(_STRIP + "“\"") and after.startswith(","):
            content = (p_end, s_end)       # "In a CNN poll, Clinton led ..."
        elif before.rstrip().endswith(",") and not after.strip(" .\n"):
            content = (s_start, p_start)   # "... led by five points, in a CNN poll."
        else:
            return None
        content = self.trim_period(*content)
        if content[1] - content[0] < 8:
            return None
        speaker, spk_i = self.speaker_span(tok)
        return Attribution(
            cue=(prep.idx, prep.idx + len(prep.text)), cue_token=prep.i, content=content, speaker=speaker,
            speaker_token=spk_i, kind=cue.kind, quote=self.quote_kind(content),
            sentence=(sent.start_char, sent.end_char), rule="in-source")

    def according_to(self, tok: Token, words: tuple[str, ...], cue: Cue) -> Optional[Attribution]:
        doc = self.doc
        last = doc[tok.i + len(words) - 1]
        src = next((c for c in last.children if c.dep_ == "pobj"), None)
        if src is None:
            src = next((c for c in tok.children if c.dep_ == "pobj"), None)
        name_start = None
        if src is None:
            # "according to show insiders": the tagger read the noun's modifier as a verb
            comp = next((c for c in last.children if c.dep_ == "pcomp"), None)
            if comp is not None:
                src = next((c for c in comp.children if c.dep_ == "dobj"), comp)
                name_start = comp.left_edge.idx
        if src is None or src.lemma_.lower() in self.lex.non_sources:
            return None         # "according to plan" names a manner, not a source
        # The sentence is what the source says: the words before the cue, or after it when it leads.
        sent = tok.sent
        lo, hi = self.paragraph(tok)
        s_start, s_end = max(sent.start_char, lo), min(sent.end_char, hi)
        c_start, c_end = self.subtree_span(tok)
        if c_start <= s_start and c_end >= s_end:
            # the parse hung the whole sentence on "According": the cue phrase ends with its source's
            # name, at the first comma after it
            c_start = tok.idx
            c_end = src.idx + len(src.text)
            for t in self.doc[src.i + 1:sent.end]:
                if t.is_punct:
                    break
                c_end = t.idx + len(t.text)
        before = self.text[s_start:c_start].strip(_STRIP + "“\"'‘")
        if before and self.text[c_end:s_end].lstrip().startswith(",") and sent.root.idx > c_end:
            # set off inside the clause, whose verb comes after it: "Since November, according to the
            # group, troops have killed 400 protesters" -> the whole sentence
            content = (s_start, s_end)
        elif before:
            content = (s_start, c_start)
        else:
            content = (c_end, s_end)
        content = self.trim_period(*content)
        head = tok.head
        if content[1] - content[0] < 2:
            return None
        cue_span = (tok.idx, last.idx + len(last.text))
        content = self.extend_to_quotes(content, cue_span)
        speaker, spk_i = self.speaker_span(src)
        if speaker is not None and speaker[1] > c_end > speaker[0]:
            speaker = self.trim(speaker[0], c_end)      # the name ends where the cue phrase does
        if speaker is not None and name_start is not None:
            speaker = (name_start, speaker[1])
        return Attribution(
            cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
            kind=cue.kind, hedged=self.hedged(head, None), quote=self.quote_kind(content),
            sentence=(tok.sent.start_char, tok.sent.end_char), rule="according-to")

    def lead_in(self, sent) -> Optional[Attribution]:
        """ "Trump: Cruz has to come a long way", "TAPPER: And obviously ..." — a short name opening a
        paragraph, a colon, then the words (to the paragraph's end)."""
        text = self.text
        said = sent[0].text == "Said"       # "Said Ellis: “...”", anywhere in a paragraph
        if sent.start_char and text[sent.start_char - 1] != "\n" and not said:
            return None
        title = sent.start_char == 0 and "\n" in text     # "Former AG Mukasey at RNC: Clinton ..."
        limit = 10 if title else 6
        toks = list(sent[:limit + 2])
        for k, t in enumerate(toks):
            if t.text == ":":
                break
        else:
            return None
        if k == 0 or k > limit:
            return None
        name = toks[1:k] if said else toks[:k]
        if not name:
            return None
        # taggers often call a name before a colon a common noun: a capitalised word will do, unless it
        # is an editorial label ("Note:", "Update:")
        words = [t for t in name if t.is_alpha and not t.is_stop]
        named = (bool(words) and all(t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS or t.is_title or t.is_upper
                                     for t in words)
                 and not any(t.lower_ in self.lex.labels for t in name))
        if not named or not all(t.pos_ in _LEAD_POS or t.is_punct or (title and t.pos_ in ("ADP", "NUM"))
                                        for t in name):
            return None
        colon = toks[k]
        start = colon.idx + 1
        region = self.quotes.next_after(start)
        if region is not None:
            content = region
        else:
            end = text.find("\n", start)
            content = self.trim(start, end if end >= 0 else len(text))
        if content[1] - content[0] < 8:
            return None
        head = max(name, key=lambda t: (t.pos_ == "PROPN", t.i))
        cue = sent[0] if said else colon
        return Attribution(
            cue=(cue.idx, cue.idx + len(cue.text)), cue_token=cue.i, content=content,
            speaker=self.trim(name[0].idx, name[-1].idx + len(name[-1].text)), speaker_token=head.i,
            kind="claim", quote=self.quote_kind(content), sentence=(sent.start_char, sent.end_char),
            rule="lead-in")

    def learned_cue(self, tok: Token, lemma: str, kind: str = "other") -> Optional[Attribution]:
        """A verb taken as a cue because the learned detector says so (one the lexicon does not list,
        or a clause/utterance verb with only an object); its words are found as for a lexicon verb of
        frame `object` (a clause, else its object)."""
        if not self.cue_model.is_cue(self.verb_features(tok)):
            return None
        found = self.verb_cue(tok, Cue(lemma, "verb", kind, "object"), ())
        if found is not None:
            found.rule = "learned-" + found.rule
        return found

    def verb_features(self, tok: Token) -> list[str]:
        """What the learned detector sees of a verb (the same at training and at run time)."""
        lemma = self.lex.verb_lemma(tok.lemma_.lower(), tok.lower_)
        known = self.lex.verbs.get(lemma)
        frame = known.frame if known is not None else ("phrasal" if lemma in self.lex.phrasal else "none")
        return cue_features(tok, self.speaker_of(tok), frame, self.adjacent_quote(tok) is not None)

    def is_cue_verb(self, tok: Token) -> bool:
        cue = self.lex.verb(self.lex.verb_lemma(tok.lemma_.lower(), tok.lower_))
        if cue is not None and cue.frame == "light":    # "raise" is a cue only with a cue noun
            return self.light_object(tok)[1] is not None
        return cue is not None

    # ---- driver ------------------------------------------------------------------------------
    def candidates(self) -> list[Attribution]:
        """Every statement the constructions propose, nested ones included."""
        lex = self.lex
        out: list[Attribution] = []
        first_words = {k[0]: k for k in lex.preps}
        for tok in self.doc:
            if self.quotes.containing(tok.idx, tok.idx + 1) is not None:
                continue        # words inside a quotation belong to its speaker's statement
            pos = tok.pos_
            lower = tok.lower_
            found = None
            if pos == "VERB":
                lemma = lex.verb_lemma(tok.lemma_.lower(), lower)
                if lemma in lex.verbs or lemma in lex.phrasal:
                    parts = [c for c in tok.children if c.dep_ in ("prt", "prep") and c.i > tok.i]
                    words = tuple(c.lower_ for c in parts)
                    if any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.rights):
                        words += ("it",)     # "as one analyst put it"
                    fc = self.for_clause(tok)
                    if fc is not None:      # "calls for X to do Y": the "for" opens a clause
                        words += ("for",)
                    cue = lex.verb(lemma, words)
                    if cue is not None:
                        extra = tuple(c for c in parts if c.dep_ == "prep" and " " in cue.words
                                      and c.lower_ == cue.words.split()[1])
                        if fc is not None and not extra and cue.words.endswith(" for"):
                            extra = (fc.left_edge,)
                        found = self.verb_cue(tok, cue, extra)
                        if found is None and self.cue_model is not None and cue.frame in ("clause", "light"):
                            # "feared the re-emergence of a German colossus": an object where
                            # the frame expects a clause (or a light verb's object is no cue noun),
                            # taken when the detector agrees
                            found = self.learned_cue(tok, lemma, cue.kind)
                    elif self.cue_model is not None:
                        # a phrasal cue's verb without its particle ("opened a bridge", not "opened up
                        # about"): no lexicon cue, so the detector decides as for any other verb
                        found = self.learned_cue(tok, lemma)
                elif self.cue_model is not None:
                    found = self.learned_cue(tok, lemma)
            elif pos == "NOUN":
                lemma = tok.lemma_.lower()
                cue = lex.nouns.get(lemma)
                if cue is not None and cue.frame == "source":
                    if tok.dep_ == "pobj" and tok.head.lower_ == "in":
                        found = self.in_source(tok, cue)
                elif cue is not None and cue.frame == "role":
                    if tok.dep_ == "attr":      # "the senator is a critic of the plan"
                        found = self.adjective_cue(tok, cue)
                elif cue is not None:
                    found = self.noun_cue(tok, cue)
                    if found is None and cue.frame == "medium" and tok.dep_ == "pobj":
                        found = self.in_statement(tok)
            elif pos == "ADJ" and tok.dep_ == "acomp":
                cue = lex.adjectives.get(tok.lemma_.lower())
                if cue is not None:
                    found = self.adjective_cue(tok, cue)
            if found is None and lower in first_words:
                words = first_words[lower]
                if tuple(t.lower_ for t in self.doc[tok.i:tok.i + len(words)]) == words:
                    found = self.according_to(tok, words, lex.preps[words])
            if found is not None:
                out.append(found)
        for sent in self.doc.sents:
            found = self.lead_in(sent)
            if found is not None:
                out.append(found)
        out.extend(self.headline(out))
        out.extend(self.sign_offs())
        self.continue_quotes(out)
        return out

    def run(self) -> list[Attribution]:
        """The statements of the doc: the constructions' proposals, less cues that are a word of an
        "according to" source ("according to show insiders") or learned cues inside another's speaker,
        less those nested in another's words."""
        found = self.candidates()
        names = [(a.speaker, a.rule == "according-to") for a in found if a.speaker is not None]
        found = [a for a in found if not any(
            n[0] <= a.cue[0] and a.cue[1] <= n[1] and (source or a.rule.startswith("learned"))
            for n, source in names)]
        found = one_cue_per_words(outermost(found))
        if self.boundary is not None:
            for a in found:     # the learned refiner re-cuts each statement's words (boundary.py)
                a.content = self.boundary.refine(self, a)
        # a construction misled by the parse can leave no words at all: no statement without content
        found = [a for a in found if a.content[1] > a.content[0]]
        return [a for a in found if not self.says_nothing(a)]

    def says_nothing(self, a: Attribution) -> bool:
        """Words that cannot be what was said: one adjective or verb ("feel terrible", "see fit"), or a
        plural pronoun or "that" as a subject ("the plans were announced: they", "that was rejected").
        (PolNeAR train: 3 of 42 such statements right.)"""
        words = self.doc.char_span(*a.content, alignment_mode="expand")
        if words is None or len(words) != 1:
            return False
        w = words[0]
        return (w.pos_ in ("ADJ", "VERB", "AUX") or w.lower_ in ("they", "them")
                or (w.lower_ == "that" and w.dep_ != "dobj"))

    def headline(self, found: list[Attribution]) -> list[Attribution]:
        """ "Conservative Icon Morton Blackwell Endorses Ted Cruz": taggers read title case as names, so
        the first line (the title) is matched on word forms: names, a cue verb, the rest."""
        text = self.text
        end = text.find("\n")
        if end <= 0 or end > 200 or any(a.cue[0] < end for a in found):
            return []
        line = self.doc.char_span(0, end, alignment_mode="contract")
        if line is None or len(line) < 3:
            return []
        for tok in line[1:-1]:
            lemma = self.lex.verb_lemma(tok.lemma_.lower(), tok.lower_)
            cue = self.lex.verbs.get(lemma) or self.lex.verbs.get(tok.lower_)
            if cue is None or cue.frame in ("clause", "raising", "light"):
                continue
            name = line[:tok.i - line.start]
            if not all(t.is_title or t.is_upper or t.is_punct or t.is_digit or t.is_stop for t in name):
                return []
            content = self.trim_period(tok.idx + len(tok.text), end)
            if content[1] - content[0] < 4:
                return []
            return [Attribution(
                cue=(tok.idx, tok.idx + len(tok.text)), cue_token=tok.i, content=content,
                speaker=self.trim(name.start_char, name.end_char), speaker_token=name.root.i, kind=cue.kind,
                quote=self.quote_kind(content), sentence=(0, end), rule="headline")]
        return []

    def sign_offs(self) -> list[Attribution]:
        """ "“Tonight showed who he is.”― Jane Roe": the name after the dash is the speaker."""
        out = []
        text = self.text
        for s, e in self.quotes.regions:
            m = _SIGN_OFF.match(text, e)
            if m is not None:
                out.append(self.signed_quote(m, (s, e), s, self.trim(*m.span(2))))
        taken = {a.cue for a in out if a is not None}
        for m in _LINE_SIGN_OFF.finditer(text):
            if m.span(1) in taken:
                continue
            start = text.rfind("\n", 0, m.start()) + 1
            while start < m.start() and text[start].isspace():
                start += 1
            if start >= m.start() or text[start] not in "“”\"«":
                continue
            name = self.trim(*m.span(2))
            if text[name[1] - 1] == "." and name[1] - name[0] > 3 and text[name[1] - 3] != " ":
                name = (name[0], name[1] - 1)       # "― Steve Quinlan." (but "― John Q.")
            out.append(self.signed_quote(m, self.trim(start, m.start()), start, name))
        return [a for a in out if a is not None]

    def signed_quote(self, m: re.Match, content: CharSpan, start: int, name: CharSpan
                     ) -> Optional[Attribution]:
        """The statement of a quotation signed with a dash and a name (`m`: group 1 the dash, group 2
        the name); None when the name is no tokens of the parse."""
        words = self.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if words is None:
            return None
        return Attribution(
            cue=m.span(1), cue_token=words.root.i, content=content, speaker=name,
            speaker_token=words.root.i, kind="claim", quote="direct", sentence=(start, m.end()),
            rule="sign-off")

    def continue_quotes(self, found: list[Attribution]) -> None:
        """Direct speech that goes on after its cue: "“A,” she said. “B.”" is one statement, A to B."""
        claimed = sorted(a.content for a in found)
        starts = [c[0] for c in claimed]
        cue_starts = sorted(a.cue[0] for a in found)

        def taken(region: CharSpan, owner: Attribution) -> bool:
            i = bisect.bisect_left(starts, region[0])
            for c in claimed[max(0, i - 1):i + 2]:
                if c is not owner.content and c[0] < region[1] and region[0] < c[1]:
                    return True
            return False

        text = self.text
        for a in found:
            if a.content[1] <= a.cue[0]:
                # the words came first ("“A,” she said. “B.”"): B must open right after the cue's clause
                tail = a.cue[1]
                region = self.quotes.first_from(tail)
                if region is None:
                    continue
                gap = text[tail:region[0]].rstrip()
                if len(gap) > _SPEAKER_GAP or "\n" in gap or not gap.endswith((".", ",", ":")) or taken(region, a):
                    continue
                j = bisect.bisect_right(cue_starts, tail)
                if not gap.endswith(".") and j < len(cue_starts) and cue_starts[j] < region[0]:
                    continue    # "..., he said, citing “X”": the next quotation is the citing's
            elif a.content[1] > a.cue[0]:
                # the words follow the cue: a quotation may go on right after them
                end = a.content[1]
                while end < len(text) and text[end] in ".,;!? ":
                    end += 1
                region = self.quotes.next_after(end, limit=4)
                if region is None or taken(region, a):
                    continue
            else:
                continue
            end = region[1]
            for _ in range(20):   # further paragraphs of the same speech
                nxt = self.quotes.next_after(end, limit=4)
                if nxt is None or taken(nxt, a):
                    break
                if _mark_kind(text[nxt[0]]) != _mark_kind(text[region[0]]):
                    break       # a speech goes on in the marks it began with; other marks are another's
                end = nxt[1]
            a.content = (a.content[0], end)


def _mark_kind(ch: str) -> str:
    """Curly or straight: the kind of quotation mark a region opens with."""
    return "curly" if ch in "“”«»" else "straight"


def outermost(found: list[Attribution]) -> list[Attribution]:
    """Statements whose cue lies inside another statement's words are dropped: "Macron highlighted that
    Putin faced a deadline set by Trump" is Macron's statement, not Trump's; "accused Russia of seeking
    to delay" reports no statement of Russia's. (On PolNeAR train, such nested cues are right one time in
    four.)"""
    kept: list[Attribution] = []
    for a in sorted(found, key=lambda a: a.content[0] - a.content[1]):     # widest first
        if not any(k.content[0] <= a.cue[0] and a.cue[1] <= k.content[1] for k in kept):
            kept.append(a)
    return kept


def one_cue_per_words(found: list[Attribution]) -> list[Attribution]:
    """Two cues that claim the same words (their spans overlap by at least half of their union: "posted a
    photo, saying “A”", "Asked if ..., she said “A”") make one statement, the first cue's. (On PolNeAR
    train 3 of the 38 statements this drops were right; content F1 +0.0006 on train and dev.)"""
    kept: list[Attribution] = []
    for a in sorted(found, key=lambda a: a.cue[0]):
        if not any(jaccard(k.content, a.content) >= 0.5 for k in kept):
            kept.append(a)
    return kept


def find_attributions(doc: Doc, lex: Lexicon, quotes: Optional[QuoteRegions] = None,
                      text: Optional[str] = None, cue_model: Optional[LinearModel] = None,
                      boundary: Optional["BoundaryModel"] = None) -> list[Attribution]:
    """Statements of one parsed article. `cue_model` (learned.py, optional) adds the verbs the cue
    lexicon does not list; `boundary` (boundary.py, optional) re-cuts each statement's content."""
    text = doc.text if text is None else text
    return _Finder(doc, lex, quotes or QuoteRegions(text), text, cue_model, boundary).run()
