"""How a cue is qualified: negated ("did not say"), hedged ("reportedly said"), asked ("Do you know ...?"),
or a bare imperative ("Ask any voter") that is the writer's word to the reader. Each is one named
function of the cue's tokens, so a shared reading of negation and modality can replace it in one place.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .context import Reading
from .speakers import SUBJECT_DEPS


def negated(r: Reading, verb: Token) -> bool:
    """The cue is denied: a negation of its own (not a quotation's "Probably not"), or a negating head
    it hangs on ("refused to comment on", "did not want to say")."""
    for c in verb.children:
        if (c.dep_ == "neg" or (c.dep_ in ("advmod", "aux") and c.lower_ in r.lex.negators)) and (
                r.quotes.containing(c.idx, c.idx + 1) is None):   # not the quote's "Probably not"
            return True
    h = verb
    while h.dep_ in ("xcomp", "pcomp", "prep") and h.head.i != h.i:
        h = h.head
        if h.lemma_.lower() in r.lex.neg_heads:
            return True
        if any(c.dep_ == "neg" for c in h.children):
            return True
    return False


def negated_saying(r: Reading, tok: Token) -> Optional[Token]:
    """The cue verb under a negating head ("declined to say whether ..."): one statement, negated."""
    if tok.lemma_.lower() in r.lex.neg_heads:
        return next((c for c in tok.children if c.dep_ == "xcomp" and r.is_cue_verb(c)), None)
    return None


def hedged(r: Reading, verb: Token, content_root: Optional[Token]) -> bool:
    """A hedge of the lexicon ("reportedly", "allegedly") on the cue, its head or the content's head."""
    for tok in (verb, verb.head, content_root):
        if tok is None:
            continue
        if any(c.lower_ in r.lex.hedges for c in tok.children):
            return True
    return False


def question(r: Reading, tok: Token) -> bool:
    """The cue's sentence asks (ends with a question mark, closing quotes and brackets aside)."""
    return r.text[tok.sent.start_char:tok.sent.end_char].rstrip().rstrip("”\"'’)").endswith("?")


def imperative(tok: Token) -> bool:
    """A bare verb opening its sentence with no subject ("Ask any voter", "Don't believe them")."""
    if tok.dep_ != "ROOT" or tok.tag_ != "VB" or any(c.dep_ in SUBJECT_DEPS + ("expl",) for c in tok.children):
        return False
    first = next((t for t in tok.sent if not (t.is_punct or t.is_space)), tok)
    lead = [c for c in tok.lefts if c.dep_ in ("aux", "neg", "advmod")]
    return first.i == (lead[0].i if lead else tok.i) and all(
        c.lower_ in ("do", "not", "n't") or c.dep_ == "advmod" for c in lead)
