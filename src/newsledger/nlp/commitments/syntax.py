"""The parse as the commitment rules read it: who acts, infinitives, particles, clause text.

Subjects, agents, conjuncts and governors are read by nlp/grammar/syntax.py; this module says which
of them the commitment rules take (`acting_subject`) and turns token sets into a record's text.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Span, Token

from ...lexicons.companies import civic_name, load_civic_member_words
from ..grammar import syntax as grammar
from ..grammar.dateline import dateline_end, past_dateline
from ..grammar.syntax import SHARED_SUBJECT_DEPS, subject, to_infinitive

# What a commitment verb is about: its object or predicative complement (grammar.OBJECT_DEPS without
# the dative and indirect object, which name who it is made to: the rules read those apart).
OBJECT_DEPS = tuple(sorted(grammar.OBJECT_DEPS - {"dative", "iobj"}))


def clause_text(tokens: Iterable[Token]) -> str:
    """The words of a token set in order, with the doc's own spacing, trimmed of edge punctuation
    and of a leading "to", "that", "and" or "for" that only introduces the clause. The words of a wire
    dateline are no part of it, wherever the parse hung them ("MANILA — Under the agreement, Japan will supply")."""
    toks = sorted(tokens, key=lambda t: t.i)
    if toks and toks[0].i < 8:
        filed = dateline_end(toks[0].doc)
        toks = [t for t in toks if t.i >= filed]
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


# Only a relative clause proper stands for the noun it modifies. A clause hung on a noun as `acl`
# names what the noun is about, not who does it: "his intention to give Saddam Hussein a final
# deadline" (the intention gives nothing; the holder would be read from the possessor).
HOLDER_RELATIVE_DEPS = frozenset({"relcl"})


def acting_subject(verb: Token) -> Optional[Token]:
    """Who acts in a verb's clause, for a holder or a giver: its subject, a passive's agent ("was
    pledged by Germany"), the noun a relative clause modifies ("the minister who pledged"), or the
    subject shared through coordination and an infinitive ("agreed and pledged", "decided to pledge")."""
    return past_dateline(subject(verb, climb=SHARED_SUBJECT_DEPS, relative=True, agents=True, hops=3,
                                 relative_deps=HOLDER_RELATIVE_DEPS))


def infinitive(*heads: Optional[Token]) -> Optional[Token]:
    """A to-infinitive hanging on one of `heads` ("until Friday to accept", "three days to respond")."""
    for h in heads:
        if h is None:
            continue
        for c in h.children:
            if c.dep_ in ("advcl", "xcomp", "relcl", "acl", "ccomp") and c.pos_ in ("VERB", "AUX") and \
                    to_infinitive(c):
                return c
    return None


def points_back(verb: Token) -> bool:
    """A commitment verb in the past heading a restrictive relative clause with no infinitive of its own ("the
    four patrol ships Norway promised Ghana arrived", "the last of the vessels it had promised the Philippines"):
    the noun it modifies is the thing promised, and the clause presupposes a promise told before; it makes no new
    commitment. A clause set off by a comma ("the package, which Norway pledged on Monday, ...") may tell one."""
    if verb.dep_ != "relcl" or verb.tag_ not in ("VBD", "VBN") or any(
            c.dep_ == "xcomp" or (c.dep_ == "advcl" and to_infinitive(c)) for c in verb.children):
        return False
    first = min(t.i for t in verb.subtree)
    return first == 0 or verb.doc[first - 1].text != ","


def members_possessive(poss: Token) -> bool:
    """A possessive naming the members of the body it goes with, a kind and no owner: "the GDL train drivers'
    union", "the farmers' association" (a body of members' head, data/actors/civic_bodies.tsv, with a member
    word, data/actors/ner.yaml civic_member_words); "his powers", "Russia's army" are owned."""
    return poss.dep_ == "poss" and poss.tag_ == "NNS" and not any(c.dep_ == "poss" for c in poss.children) and \
        civic_name([poss.lower_, poss.head.lower_], load_civic_member_words())
