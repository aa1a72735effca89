"""Whether a clause commits anyone: negation, modals, questions, conditions, intentions.

A commitment is recorded only when it is asserted: "did not pledge", "could guarantee", "Will Germany
pledge more tanks?", "asked whether Russia would agree" and "hopes to sign" record nothing. These are
this package's own readings (word lists in data/commitments.yaml); nlp/grammar/modality.py is to become
the one reading for every extractor.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Token

from ...lexicons.commitments import Lexicon
from ..grammar import modality as grammar
from .syntax import clause_text, governor

# How far up the tree a condition, a negating head or an intention still governs the clause.
_CLIMB = 6
# Links through which a refusing or denied head keeps its complement from committing anyone:
# "refused to pledge" (xcomp), "did not say that it would guarantee" (ccomp).
REFUSED_THROUGH = frozenset({"xcomp", "ccomp"})


def negated(tok: Token) -> bool:
    """The word's own clause is denied (nlp/grammar): "did not confirm", "never pledged", "no longer
    intends", "no country pledged", "left without signing"."""
    return grammar.negated(tok)


def refused(node: Token) -> bool:
    """A head that keeps `node`'s clause from being done: a negating verb ("refused to pledge") or a
    denied one ("did not agree to pledge"), through an infinitive or a complement clause."""
    return grammar.negating_head(node, through=REFUSED_THROUGH) is not None


def has_modal(verb: Token, lex: Lexicon) -> bool:
    """A modal auxiliary of the lexicon on the verb ("could guarantee", "would agree")."""
    return any(c.dep_ == "aux" and c.lower_ in lex.modals for c in verb.children)


def is_future(verb: Token, lex: Lexicon) -> bool:
    """A future auxiliary on the verb ("would impose", "will send"; data: threat_future_aux)."""
    return any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in verb.children)


def in_question(verb: Token) -> bool:
    """The verb's sentence asks ("Will Germany pledge more tanks?")."""
    return verb.sent.text.rstrip().rstrip("\"'”’").endswith("?")


def under_condition_or_intent(verb: Token, lex: Lexicon) -> bool:
    """Above the verb: an if/whether clause mark, a negating head ("refused to agree"), an intention
    ("hopes to sign") or a modal head ("would prefer to agree"): not (yet) a commitment."""
    node = verb
    for _ in range(_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ in lex.hypo_marks for c in node.children):
            return True
        if refused(node):
            return True
        if node.dep_ == "xcomp" and (node.head.lemma_.lower() in lex.intent_heads or has_modal(node.head, lex)):
            return True
        if node.head.i == node.i or node.dep_ == "ROOT":
            break
        node = node.head
    return False


def hypothetical(tok: Token, lex: Lexicon) -> bool:
    """The clause of `tok` (its governing verb for a noun) is modal, a question, conditional,
    under a negating head or only intended."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else governor(tok)
    if verb is None:
        return False
    return has_modal(verb, lex) or in_question(verb) or under_condition_or_intent(verb, lex)


def condition_text(heads: Iterable[Optional[Token]], lex: Lexicon) -> Optional[str]:
    """The text of a condition clause ("if Moscow refused", "unless …") on one of `heads`."""
    clause = condition_clause(heads, lex)
    return clause_text(clause.subtree) if clause is not None else None


def condition_clause(heads: Iterable[Optional[Token]], lex: Lexicon) -> Optional[Token]:
    """The head of the first condition clause on one of `heads`."""
    for h in heads:
        if h is None:
            continue
        for c in h.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.condition_marks for m in c.children):
                return c
    return None
