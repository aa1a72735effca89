"""How a cue is qualified: negated ("did not say"), hedged ("reportedly said"), asked ("Do you know ...?"),
or a bare imperative ("Ask any voter") that is the writer's word to the reader. Negation and questions
are read through nlp/grammar (the same reading every extractor has); hedges are statements' own words
(data/statements/modifiers.tsv).
"""
from __future__ import annotations

import functools
from typing import Optional

from spacy.strings import hash_string
from spacy.tokens import Token

from ..grammar.doc_cache import kids
from ..grammar.modality import NEGATORS, negating_head, negator, without
from ..grammar.syntax import SUBJECT_DEPS
from .context import Reading

# A negating head keeps its own infinitive from being said ("declined to say"): one statement.
_INFINITIVE = frozenset({"xcomp"})


def negated(r: Reading, verb: Token) -> bool:
    """The cue is denied: a negator of its own ("has not confirmed", "no longer says"; not a quotation's
    "Probably not" the parse hung on the cue), "without" ("left without saying"), or a negating or
    denied head it hangs on ("refused to comment on", "did not want to say")."""
    neg = negator(verb, subject=False)
    if neg is not None and r.quotes.containing(neg.idx, neg.idx + 1) is None:
        return True
    return without(verb) or negating_head(verb) is not None


def negated_saying(r: Reading, tok: Token) -> Optional[Token]:
    """The cue verb under a negating head ("declined to say whether ..."): one statement, negated."""
    inner = next((c for c in kids(tok) if c.dep_ == "xcomp" and r.is_cue_verb(c)), None)
    head = negating_head(inner, through=_INFINITIVE, negated_heads=False) if inner is not None else None
    return inner if head is not None and head.i == tok.i else None


def hedged(r: Reading, verb: Token, content_root: Optional[Token]) -> bool:
    """A hedge of the lexicon ("reportedly", "allegedly") on the cue, its head or the content's head."""
    hedges = _hashes(r.lex.hedges)     # (compared as lowercase hashes: no string made per child)
    for tok in (verb, verb.head, content_root):
        if tok is None:
            continue
        if any(c.lower in hedges for c in kids(tok)):
            return True
    return False


@functools.lru_cache(maxsize=8)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """The StringStore hashes of `words` (what Token.lower holds for a word whose lowercase is one)."""
    return frozenset(hash_string(w) for w in words)


def imperative(tok: Token) -> bool:
    """A bare verb opening its sentence with no subject ("Ask any voter", "Don't believe them")."""
    if tok.dep_ != "ROOT" or tok.tag_ != "VB" or any(c.dep_ in SUBJECT_DEPS | {"expl"} for c in kids(tok)):
        return False
    first = next((t for t in tok.sent if not (t.is_punct or t.is_space)), tok)
    lead = [c for c in tok.lefts if c.dep_ in ("aux", "neg", "advmod")]
    return first.i == (lead[0].i if lead else tok.i) and all(
        c.lower_ == "do" or c.lower_ in NEGATORS or c.dep_ == "advmod" for c in lead)
