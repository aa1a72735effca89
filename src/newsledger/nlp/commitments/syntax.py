"""The parse as the commitment rules read it: subjects, conjuncts, governors, infinitives, clause text.

These are this package's own readings of the dependency tree. nlp/grammar/syntax.py is to become the
one reading for every extractor; when it does, these functions give way to it one by one.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Span, Token

# Dependency labels of a verb's object (or predicative complement) in the spaCy English models.
OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")


def clause_text(tokens: Iterable[Token]) -> str:
    """The words of a token set in order, with the doc's own spacing, trimmed of edge punctuation
    and of a leading "to", "that", "and" or "for" that only introduces the clause."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].dep_ in ("aux", "mark", "cc") and toks[0].lower_ in ("to", "that", "and", "for")):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    out = []
    for n, t in enumerate(toks):
        gap = n + 1 < len(toks) and toks[n + 1].i != t.i + 1
        out.append(t.text + (" " if gap and not t.whitespace_ else t.whitespace_))
    return "".join(out).strip()


def sentence_span(sent: Span) -> tuple[int, int]:
    """Character offsets of a sentence without its trailing whitespace (a record's evidence)."""
    text = sent.text
    return sent.start_char, sent.start_char + len(text.rstrip())


def particle(tok: Token) -> Optional[str]:
    """The particle or word right after a verb that makes a phrase of it ("made good on", "walked back")."""
    for c in tok.children:
        if c.dep_ in ("prt", "acomp", "oprd") or (c.dep_ in ("prep", "advmod") and c.i == tok.i + 1):
            return c.lower_
    return None


def conjuncts(tok: Token) -> list[Token]:
    """Every token coordinated with `tok` ("Germany and France"), in text order, `tok` not included."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def subject(verb: Token) -> Optional[Token]:
    """The subject of a verb (the agent of a passive), climbing through coordination, xcomp and
    relative clauses ("the deal Trump announced": the antecedent)."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
            if c.dep_ == "agent":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
            continue
        break
    return None


def governor(tok: Token) -> Optional[Token]:
    """The nearest verb above a token (the token itself if it is one)."""
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def dominates(head: Token, tok: Token) -> bool:
    """Whether `tok` is in the subtree of `head`."""
    node = tok
    for _ in range(40):
        if node.i == head.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def infinitive(*heads: Optional[Token]) -> Optional[Token]:
    """A to-infinitive hanging on one of `heads` ("until Friday to accept", "three days to respond")."""
    for h in heads:
        if h is None:
            continue
        for c in h.children:
            if c.dep_ in ("advcl", "xcomp", "relcl", "acl", "ccomp") and c.pos_ in ("VERB", "AUX") and \
                    any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return c
    return None
