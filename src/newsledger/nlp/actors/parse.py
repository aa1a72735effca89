"""What the actors read off spaCy's parse: subjecthood, the preposition a phrase is the object of,
appositions and coordination. Coordination comes from the shared reading (nlp/grammar/syntax.py);
the rest is what only the actors ask of a clause.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..grammar.dateline import past_dateline
from ..grammar.syntax import first_conjunct, is_root

# The subjects that rank a mention: syntax.SUBJECT_DEPS without the passive clausal subject
# (csubjpass), which the ranking of antecedents was made without.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Nominal subjects only: the subjects a pronoun or a noun phrase can be.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Entity labels of quantities and dates: such words are never part of a name or a title phrase.
NUMERIC_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def subject_rank(tok: Token, sentence_root: int) -> int:
    """0 when `tok` (or the coordination it is in) is the subject of its sentence's root, 1 when it
    is the subject of another clause, 2 when it is no subject. The apposition the parse hung on a wire
    dateline it took for the subject ("PARIS — Bpifrance, the French state lender, will lend") is the
    subject (grammar/dateline.py past_dateline)."""
    tok = first_conjunct(tok)
    if tok.dep_ == "appos" and tok.head.dep_ in SUBJECT_DEPS and past_dateline(tok.head).i == tok.i:
        tok = tok.head
    if tok.dep_ not in SUBJECT_DEPS:
        return 2
    return 0 if tok.head.i == sentence_root else 1


def is_nominal_subject(tok: Token) -> bool:
    return tok.dep_ in NOMINAL_SUBJECT_DEPS


def outside_coordination(tok: Token) -> Token:
    """The phrase `tok` is a conjunct or an apposition of, climbed to the outermost one."""
    while tok.dep_ in ("conj", "appos") and not is_root(tok):
        tok = tok.head
    return tok


def governing_preposition(doc: Doc, s: int, e: int) -> Optional[Token]:
    """The preposition whose object the span is (through conjunctions), or None."""
    tok = outside_coordination(doc[e - 1])
    return tok.head if tok.dep_ == "pobj" else None


def apposition_heads(root: Token, start: int, end: int) -> list[Token]:
    """The heads of appositions to the name [start, end) whose last token is `root`: one after it
    ("Witkoff, the US special envoy,") and the phrase it is itself apposed to, before it ("the US
    special envoy, Steve Witkoff")."""
    heads = [c for c in root.children if c.dep_ == "appos" and c.i >= end]
    if root.dep_ == "appos" and root.head.i < start:
        heads.append(root.head)
    return heads
