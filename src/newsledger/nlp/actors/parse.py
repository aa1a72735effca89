"""What the actors read off spaCy's parse: subjecthood, the preposition a phrase is the object of,
appositions and coordination. Coordination comes from the shared reading (nlp/grammar/syntax.py);
the rest is what only the actors ask of a clause.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..grammar.syntax import HEADING_BREAKS, first_conjunct, is_root

# The subjects that rank a mention: syntax.SUBJECT_DEPS without the passive clausal subject
# (csubjpass), which the ranking of antecedents was made without.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Nominal subjects only: the subjects a pronoun or a noun phrase can be.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Entity labels of quantities and dates: such words are never part of a name or a title phrase.
NUMERIC_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def subject_rank(tok: Token, sentence_root: int) -> int:
    """0 when `tok` (or the coordination it is in) is the subject of its sentence's root, 1 when it
    is the subject of another clause, 2 when it is no subject."""
    tok = first_conjunct(tok)
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


# What ends a wire dateline ("MOGADISHU, Somalia --", "KABUL (Pajhwok) :", "BEIJING:"): the breaks
# that set a heading off from its sentence.
DATELINE_ENDS = HEADING_BREAKS


def dateline_end(doc: Doc) -> int:
    """The token after a wire dateline at the start of the text ("MOGADISHU, Somalia --", "TEHRAN --",
    "(CNN)"), else 0. A dateline says where the story was filed and by whom: none of its words is an
    actor of the story."""
    n = len(doc)
    i = 0
    if n > 3 and doc[0].text == "(" and doc[1].text.isupper() and doc[2].text == ")":
        return 3                                  # "(CNN) Italian police have arrested …"
    while i < n and i < 4 and doc[i].is_alpha and doc[i].text.isupper() and len(doc[i].text) > 1:
        i += 1
    if i == 0 or (i == 1 and len(doc[0].text) < 3):
        return 0
    if i < n and doc[i].text == ",":              # ", Somalia" / ", D.C."
        j = i + 1
        while j < n and j < i + 4 and doc[j].text[:1].isupper() and doc[j].text not in DATELINE_ENDS:
            j += 1
        i = j
    if i < n and doc[i].text == "(":              # "(Pajhwok)", "(AP)"
        close = next((j for j in range(i + 1, min(n, i + 6)) if doc[j].text == ")"), None)
        if close is None:
            return 0
        i = close + 1
        if i < n and doc[i].text not in DATELINE_ENDS and doc[i].text[:1].isupper():
            return i                              # "JERUSALEM (Reuters) Israel said …"
    if i < n and doc[i].text in DATELINE_ENDS:
        return i + 1
    return 0
