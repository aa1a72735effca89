"""Statements: who said what (cues, speakers, content spans, kinds, negation) -> doc._.statements.

The rules live beside this module (rules.py chooses among the constructions' proposals, see its
docstring for which module finds what); quotes.py marks direct-speech regions; lexicons/cues.py reads
data/cues.tsv and data/statements/*.tsv; learned.py is a cue detector for verbs the lexicon lacks;
boundary.py a CRF that re-cuts each statement's content. This module turns their character spans into
records.Statement: the speaker's actor id (via doc._.actors), the actors the content is about, the
time the statement was made, and which statement reports it (`reported_by`, an index into the list).
"""
from __future__ import annotations

import os
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...records import BODY_TYPES, Statement, TextSpan
from ...settings import env_flag
from ...lexicons.commitments import load_lexicon as commitment_lexicon
from ...lexicons.companies import load_org_titles
from ...lexicons.cues import load_lexicon
from .quotes import QuoteRegions
from .boundary import BoundaryModel, shipped as shipped_boundary
from .context import Attribution
from .learned import AcceptModel, LinearModel, shipped, shipped_accept
from .rules import find_attributions
from ..actors.companies import described_company
from ..actors.metonymy import demonym_of_origin
from ..doc_text import doc_text
from ..extensions import ActorIndex
from ..grammar.doc_cache import cached, kids
from ..grammar.syntax import relative_antecedent


class StatementsComponent:
    def __init__(self, nlp: Language, name: str, learned_cues: bool = True, cue_model: Optional[str] = None,
                 refine_boundaries: Optional[bool] = None, boundary_model: Optional[str] = None,
                 nested: Optional[bool] = None, accept_model: Optional[str] = None,
                 learned_filter: bool = True, refine_starts: Optional[bool] = None):
        self.name = name
        # Statements reported inside another's words ("According to the Kremlin, Putin said ..."), each
        # with `reported_by`: on unless NEWSLEDGER_NESTED_STATEMENTS=0 or nested=False. (PolNeAR marks
        # only the outer statement, the inner one as part of its words: the scorer leaves reported
        # statements out and counts them apart, eval/attribution.py.)
        if nested is None:
            nested = env_flag("NEWSLEDGER_NESTED_STATEMENTS") is not False
        self.nested = nested
        self.lexicon = load_lexicon()
        # The learned detector for verbs the lexicon lacks (learned.py); off -> rules only.
        self.cue_model: Optional[LinearModel] = None
        if learned_cues:
            path = cue_model or os.environ.get("NEWSLEDGER_CUE_MODEL")
            self.cue_model = LinearModel.load(path) if path else shipped()
        # The learned statement filter (learned.py: statement_features): drops a proposed statement the
        # model scores unlikely to be one an annotator marks, with its source right; off with
        # learned_cues or learned_filter false (the rules' proposals alone, as the rules' tests read
        # them). PolNeAR attribution F1, 2-fold CV on train 0.6816 -> 0.6852, dev (trained on all of
        # train) 0.7307 -> 0.7339.
        self.accept_model: Optional[AcceptModel] = None
        if learned_cues and learned_filter:
            path = accept_model or os.environ.get("NEWSLEDGER_ACCEPT_MODEL")
            self.accept_model = AcceptModel.load(path) if path else shipped_accept()
        # The learned content-boundary refiner (boundary.py); off -> the rules' spans. It moves the end of
        # a span that stops before its sentence does (and no cue follows in it) to the gold's conventions,
        # within min_jaccard of the rules' span (exact content F1 on PolNeAR dev, out of sample, 0.6492 ->
        # 0.6555; train 0.6250 -> 0.6295). On unless NEWSLEDGER_REFINE_BOUNDARIES=0: with the parse read
        # once per doc (grammar/doc_cache.py) it keeps the statements under 6% of the parse
        # (bench/throughput.py, docs/scaling.md). `refine_starts` (NEWSLEDGER_REFINE_STARTS=1) also
        # re-begins the words of a verb's clause or object from the whole window (rules.recut: dev
        # 0.6569 -> 0.6598, two-fold CV on train +0.0022 and +0.0020), at half again the statements' time
        # (bench: 5% of the parse without it, 8% with it): off by default.
        self.boundary: Optional[BoundaryModel] = None
        path = boundary_model or os.environ.get("NEWSLEDGER_BOUNDARY_MODEL")
        if refine_boundaries is None:
            refine_boundaries = bool(path) or env_flag("NEWSLEDGER_REFINE_BOUNDARIES") is not False
        if refine_boundaries:
            self.boundary = BoundaryModel.load(path) if path else shipped_boundary()
        if refine_starts is None:
            refine_starts = bool(env_flag("NEWSLEDGER_REFINE_STARTS"))
        self.refine_starts = refine_starts

    def __call__(self, doc: Doc) -> Doc:
        with cached(doc):       # each token's children and sentence read once (grammar/doc_cache.py)
            return self._extract(doc)

    def _extract(self, doc: Doc) -> Doc:
        text = doc_text(doc)     # Doc.text joins every token: built once per doc
        found = find_attributions(doc, self.lexicon, QuoteRegions(text), text=text,
                                 cue_model=self.cue_model, boundary=self.boundary,
                                 accept_model=self.accept_model, refine_starts=self.refine_starts)
        if not self.nested:
            found = [a for a in found if a.reported_by is None]
        index: Optional[ActorIndex] = doc._.actors
        published = doc._.published.isoformat() if doc._.published is not None else None
        times = sorted(doc._.times or [], key=lambda t: t.span)
        kept = _dedupe(found)
        statements = [self._record(doc, text, a, index, times, published) for a in kept]
        at = {(a.cue, a.content): i for i, a in enumerate(kept)}
        for a, st in zip(kept, statements):
            if a.reported_by is not None:
                st.reported_by = at.get((a.reported_by.cue, a.reported_by.content))
        doc._.statements = statements
        return doc

    def _record(self, doc: Doc, text: str, a: Attribution, index: Optional[ActorIndex], times,
                published) -> Statement:
        speaker_id = None
        mention = None
        if a.speaker is not None:
            mention = TextSpan(text[a.speaker[0]:a.speaker[1]], a.speaker)
            if index is not None:
                tok = doc[a.speaker_token] if a.speaker_token is not None else None
                naming = _naming(a.speaker, tok)
                # "..., the German carmaker said": the company named last before it
                company = described_company(tok, index) if tok is not None else None
                body = _named_body(index, naming)
                speaker_id = company or body or _owner_named(tok, index, naming) or index.at(*naming) \
                    or _described_owner(tok, index)
                if company is None and body is None and speaker_id is not None and tok is not None and demonym_of_origin(
                        doc, index.mention_at(*naming), tok):
                    # "Norwegian fishermen said": where the speakers come from, not Norway speaking;
                    # an unnamed group, as "teachers said" is (events make its side)
                    speaker_id = None
                noun = relative_antecedent(tok) if speaker_id is None and tok is not None else None
                if noun is not None:
                    # "Caddell, who said ..." -> the noun the relative clause hangs on
                    speaker_id = index.for_token(noun)
        about: list[str] = []      # who the content is about, the speaker aside ("he reached ...")
        if index is not None:
            for m in index.mentions_in(*a.content):
                if m.actor_id not in about and m.actor_id != speaker_id:
                    about.append(m.actor_id)
            words = doc.char_span(*a.content)
            noun = relative_antecedent(words[0]) if words is not None and len(words) == 1 else None
            if noun is not None:
                # "the senator, whom the mayor endorsed": the pronoun stands for the noun it follows
                antecedent = index.for_token(noun)
                if antecedent is not None and antecedent != speaker_id and antecedent not in about:
                    about.append(antecedent)
        return Statement(
            cue=TextSpan(text[a.cue[0]:a.cue[1]], a.cue),
            content=TextSpan(text[a.content[0]:a.content[1]], a.content),
            span=a.sentence, speaker=speaker_id, speaker_mention=mention, kind=a.kind,
            negated=a.negated, hedged=a.hedged, quote=a.quote, about=about,
            time=_time_of(doc, a, times) or published)


def _named_body(index: ActorIndex, naming: tuple[int, int]) -> Optional[str]:
    """The body a speaker's words name beside a nationality word ("The French union CGT said", "The German
    services union Verdi said", "Russian energy giant Gazprom said"): the nationality says where the body is
    from; the body, named, is who speaks (issue 21: an organisation's words are its own, not its country's).
    None where the words name no body besides a nationality word."""
    inside = list(index.mentions_in(*naming))
    if not any(m.kind == "demonym" for m in inside):
        return None
    bodies = [m for m in inside if m.kind != "demonym"
              and getattr(index.actors.get(m.actor_id), "type", None) in BODY_TYPES]
    return max(bodies, key=lambda m: (m.end - m.start, -m.start)).actor_id if bodies else None


def _described_owner(tok: Optional[Token], index: ActorIndex) -> Optional[str]:
    """The company an officer or a spokesperson is told of by a description of it: "the company's chief
    executive said", "the airline's spokeswoman said" speak for the company the description names again
    (actors/companies.described_company), as "its chief executive" speaks for the one "its" takes up. Only
    an officer's title (data/actors/org_titles.tsv) or an own voice (data/commitments.yaml own_voices):
    "the company's critics said" are not the company."""
    if tok is None or tok.pos_ != "NOUN":
        return None
    owner = next((c for c in kids(tok) if c.dep_ == "poss"), None)
    if owner is None:
        return None
    words = " %s " % " ".join(t.lower_ for t in tok.doc[owner.i + 1:tok.i + 1])
    if tok.lemma_.lower() not in commitment_lexicon().word_lists["own_voices"] and \
            not any(f" {title} " in words for title in load_org_titles()):
        return None
    return described_company(owner, index)


def _naming(span: tuple[int, int], head) -> tuple[int, int]:
    """The speaker's words before a relative clause or participle describing it: "Chris Cox, who runs
    the NRA's lobbying arm" is Chris Cox, not the NRA."""
    if head is None:
        return span
    ends = [c.left_edge.idx for c in kids(head) if c.dep_ in ("relcl", "acl") and c.i > head.i
            and span[0] < c.left_edge.idx < span[1]]
    return (span[0], min(ends)) if ends else span


def _time_of(doc: Doc, a: Attribution, times) -> Optional[str]:
    """The value of a time expression attached to the cue ("said Friday", "on Monday, X warned")."""
    if not times:
        return None
    cue = doc[a.cue_token]
    lo, hi = cue.left_edge.idx, cue.right_edge.idx + len(cue.right_edge.text)
    for t in times:
        s, e = t.span
        if s < lo or e > hi:
            continue
        if s < a.content[1] and a.content[0] < e:
            continue            # inside what was said: not when it was said
        if a.speaker is not None and s < a.speaker[1] and a.speaker[0] < e:
            continue
        if t.type in ("DATE", "TIME"):
            return t.value
    return None


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: set[tuple] = set()
    out = []
    for a in sorted(found, key=lambda a: (a.content[0], a.cue[0])):
        key = (a.cue, a.content)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


@Language.factory("newsledger_statements", default_config={
    "learned_cues": True, "cue_model": None, "refine_boundaries": None, "boundary_model": None,
    "nested": None, "accept_model": None, "refine_starts": None})
def make_statements(nlp: Language, name: str, learned_cues: bool, cue_model: Optional[str],
                    refine_boundaries: Optional[bool], boundary_model: Optional[str],
                    nested: Optional[bool], accept_model: Optional[str],
                    refine_starts: Optional[bool]) -> StatementsComponent:
    """`learned_cues`: also take verbs the lexicon lacks when the learned detector scores them as cues
    (false: the lexicon alone); `cue_model`: a model file of your own (`newsledger train attribution`)
    instead of the shipped one (or set NEWSLEDGER_CUE_MODEL to its path). `refine_boundaries`: re-cut
    each statement's content with the learned boundary model (default: on, unless
    NEWSLEDGER_REFINE_BOUNDARIES=0 and no boundary model of your own is given); `refine_starts`: also
    re-begin a verb's clause or object from the model's reading of the whole window (default: off,
    unless NEWSLEDGER_REFINE_STARTS=1; slower by half the statements' time);
    `boundary_model`: a model file of your own instead of the shipped one (or NEWSLEDGER_BOUNDARY_MODEL).
    `nested`: also give the statements reported inside another's words, each with `reported_by`
    (default: on, unless NEWSLEDGER_NESTED_STATEMENTS=0). `accept_model`: a statement filter of your
    own (`python -m newsledger.nlp.statements.train accept`) instead of the shipped one (or
    NEWSLEDGER_ACCEPT_MODEL); off with `learned_cues` false."""
    return StatementsComponent(nlp, name, learned_cues=learned_cues, cue_model=cue_model,
                               refine_boundaries=refine_boundaries, boundary_model=boundary_model,
                               nested=nested, accept_model=accept_model, refine_starts=refine_starts)


def _owner_named(tok: Optional[Token], index: ActorIndex, naming) -> Optional[str]:
    """The body an office or voice noun is "of" or "for", when its phrase names more than one side: "the head
    of AWS in Germany" speaks for AWS, not for Germany (the longest name of the phrase)."""
    if tok is None or tok.pos_ != "NOUN" or len({m.actor_id for m in index.mentions_in(*naming)}) < 2:
        return None
    for p in kids(tok):
        if p.dep_ == "prep" and p.lower_ in ("of", "for"):
            for g in kids(p):
                if g.dep_ == "pobj":
                    return index.for_token(g)
    return None
