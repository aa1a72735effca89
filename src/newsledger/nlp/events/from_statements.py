"""Verbal events from statements: what the statements component found said is also what was done.

CAMEO codes verbal acts (appeal 02, intent 03, praise 051, demand 10, disapprove 11, reject 12, threaten
13) by the kind of speech act the words make. A statement with a named speaker yields its event by
its kind, or its cue where the kind is not enough (data/statement_events.tsv), unless the event coder
already coded its cue (or passed it over on purpose, as a public statement). The speaker is the
source; the target is found as for any event from the cue's frame, else the actor the statement is
about. So statements and events never disagree about what was said.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Span, Token

from .coder import Candidate, SentenceCoder
from .reading import is_verbal
from ..grammar import conditional, question, verb_lemmas
from ...lexicons.events import StatementEvents
from ...records import Statement
from ..extensions import Uncoded

# The frame a verbal act's code gives it: whom a demand, an appeal, a refusal or a threat is addressed
# to is found as for the event words of that frame.
FRAME_OF_ROOT = {"02": "appeal", "10": "demand", "12": "reject", "13": "threat"}
PARTICLE_DEPS = frozenset({"prt", "prep"})


def cue_head(cue: Span) -> Optional[Token]:
    """The word that carries the cue: the span's head ("has ordered" -> ordered)."""
    head = cue.root
    return head if head.pos_ in ("VERB", "NOUN", "ADJ", "AUX") or is_verbal(head) else None


def cue_keys(head: Token, cue: Span) -> tuple[str, ...]:
    """The cue's lemmas, phrasal ones first ("called on" -> "call on", "call")."""
    lemmas = verb_lemmas(head) if is_verbal(head) else [head.lemma_.lower()]
    particles = [c.lower_ for c in head.children
                 if c.dep_ in PARTICLE_DEPS and cue.start <= c.i < cue.end]
    return tuple([f"{lemma} {p}" for p in particles for lemma in lemmas] + list(lemmas))


def statement_candidates(sent: Span, statements: Iterable[Statement], coder: SentenceCoder,
                         table: StatementEvents, taken: set[int],
                         uncoded: Optional[list[Uncoded]] = None) -> list[Candidate]:
    """Candidates for the verbal acts of the sentence's statements whose cue no event covers; the
    statements whose kind and cue map to no event go to `uncoded` with the table's reason."""
    doc = sent.doc
    out: list[Candidate] = []
    for st in statements:
        start, end = st.cue.span
        if st.speaker is None or st.negated or not (sent.start_char <= start and end <= sent.end_char):
            continue
        cue = doc.char_span(start, end, alignment_mode="expand")
        if cue is None or any(t.i in taken for t in cue):
            continue
        head = cue_head(cue)
        if head is None or any(t.pos_ == "ADJ" for t in cue):
            continue        # "is critical of", "eager to": how someone stands, not what they did
        row = table.lookup(st.kind, cue_keys(head, cue))
        if row is None or row.code is None:
            if uncoded is not None:
                why = row.why if row is not None else "no row in data/statement_events.tsv"
                uncoded.append(Uncoded((start, end), (sent.start_char, sent.end_char),
                                       f"statement ({st.kind}) that maps to no event: {why}"))
            continue
        if conditional(head) is not None or question(head):
            continue
        frame = FRAME_OF_ROOT.get(row.code[:2], "")
        trigger = tuple(t for t in cue if t.pos_ not in ("AUX", "PART") or t.i == head.i) or (head,)
        cand = coder.modality(head, row.code, trigger, frame, nominal=head.pos_ == "NOUN")
        if cand.negated or (cand.hypothetical and frame != "threat"):
            continue        # "did not criticize", "may demand": nothing was done
        cand.speaker = st.speaker
        if st.speaker_mention is not None:
            mention = doc.char_span(*st.speaker_mention.span, alignment_mode="expand")
            cand.speaker_token = mention.root if mention is not None else None
        cand.about = tuple(st.about)
        cand.needs_target = row.needs_target
        taken.update(t.i for t in cue)
        out.append(cand)
    return out


def taken_tokens(coder: SentenceCoder, cands: list[Candidate], skipped_tokens: Iterable[Token]) -> set[int]:
    """Tokens already part of a coded event, or passed over by the coder for a reason of its own."""
    taken = set(coder.absorbed)
    for cand in cands:
        taken.update(t.i for t in cand.layers)
        taken.update(t.i for t in cand.trigger)
        taken.add(cand.top.i)
    taken.update(t.i for t in skipped_tokens)
    return taken
