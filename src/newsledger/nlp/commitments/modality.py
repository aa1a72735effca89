"""Whether a clause commits anyone: commitments' decisions on the shared reading of English.

A commitment is recorded only when it is asserted: "did not pledge", "could guarantee", "Will Germany
pledge more tanks?", "asked whether Russia would agree", "will pledge if ..." and "hopes to sign"
record nothing. Negation, modals, conditions and questions are read by nlp/grammar (words in
data/english.yaml); this module says what each reading means for a commitment.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Token

from ...lexicons.english import load_english
from ..grammar import modality as grammar
from ..grammar.syntax import governor, is_verb, to_infinitive
from .syntax import clause_text

# How far up the tree a condition, a negating head or an intention still governs the clause.
CLIMB = 6
# Links through which a refusing or denied head keeps its complement from committing anyone:
# "refused to pledge" (xcomp), "did not say that it would guarantee" (ccomp).
REFUSED_THROUGH = frozenset({"xcomp", "ccomp"})
# Every modal but the future makes a commitment hypothetical. A commitment is itself about the
# future, and "will" is how one is made ("We will rebuild the bridge by June"); "would", "could",
# "can" say it might be made, "must" and "should" that someone wants it made. The grammar reads
# "should" as an obligation for every extractor: for an event under a reporting verb that is a
# demand (events' record), for a commitment it means none has been made yet.
HYPOTHETICAL_MODALS = grammar.ALL_MODALS - {"future"}
# The modals of a warned act that is foretold: "would impose sanctions", "will send troops".
FORETELLING_MODALS = frozenset({"future", "conditional"})

_EN = load_english()


def negated(tok: Token) -> bool:
    """The word's own clause is denied (nlp/grammar): "did not confirm", "never pledged", "no longer
    intends", "no country pledged", "left without signing"."""
    return grammar.negated(tok)


def refused(node: Token) -> bool:
    """A head that keeps `node`'s clause from being done: a negating verb ("refused to pledge") or a
    denied one ("did not agree to pledge"), through an infinitive or a complement clause."""
    return grammar.negating_head(node, through=REFUSED_THROUGH) is not None


def foretold(verb: Token) -> bool:
    """The verb's act is foretold, not reported done ("would impose", "will send")."""
    return grammar.modal(verb, FORETELLING_MODALS) is not None


def split_that_clause(verb: Token) -> Optional[Token]:
    """The foretold verb of a that-clause the parse split at its subject's infinitive ("has promised that a
    commission to investigate the deaths of protesters will be set up by the end of May": the parse heads the
    clause with "investigate" and hangs "will be set up" beside or below it). A to-infinitive takes no "that"
    and no nominal subject of its own, so one with both is a noun's modifier; the clause's verb is the next
    one after it with a modal of the future ("will", "would", "shall"), beside it or below it."""
    if not to_infinitive(verb) or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) or \
            not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return None
    near = [c for c in verb.children if c.dep_ in ("ccomp", "conj")]
    near += [c for c in verb.head.children if c.dep_ in ("ccomp", "conj") and c is not verb]
    return next((v for v in sorted(near, key=lambda t: t.i) if v.i > verb.i and foretold(v)), None)


def generic(noun: Token) -> bool:
    """A commitment noun that names no one commitment: "any agreement", "no deal", "every pledge"."""
    return any(c.dep_ == "det" and c.lower_ in _EN.generic_determiners for c in noun.children)


def unreal(noun: Token) -> bool:
    """A commitment noun whose thing is not (yet) made: "the proposed deal", "a possible ceasefire"."""
    return any(c.dep_ == "amod" and c.lemma_.lower() in _EN.hypothetical_modifiers for c in noun.children)


def hypothetical(tok: Token) -> bool:
    """The clause of `tok` (its governing verb for a noun) commits no one: a modal other than the
    future, a question, a condition ("if", "unless", "as long as"), an open "whether", an intention
    or modal head over it ("hopes to sign", "would prefer to agree"), or a refusing head; a first person's
    "can" on a speech act is the act done ("I can guarantee that ...", grammar.performative)."""
    verb = tok if is_verb(tok) else governor(tok)
    if verb is None:
        return False
    # "I can guarantee that ...": the guarantee given by saying it, not a possible one
    kinds = HYPOTHETICAL_MODALS - _EN.performative_modals if grammar.performative(verb) else HYPOTHETICAL_MODALS
    if grammar.question(verb) or grammar.hypothetical(verb, kinds=kinds, hops=CLIMB):
        return True
    if grammar.conditional(verb, hops=CLIMB) is not None:
        return True
    node = verb
    for _ in range(CLIMB):
        if refused(node):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def condition_clause(heads: Iterable[Optional[Token]]) -> Optional[Token]:
    """The head of the first condition clause on one of `heads` ("if Moscow refused", "unless …")."""
    for h in heads:
        if h is not None:
            found = grammar.conditions(h)
            if found:
                return found[0]
    return None


def condition_text(heads: Iterable[Optional[Token]]) -> Optional[str]:
    """The text of the first condition clause on one of `heads`."""
    clause = condition_clause(heads)
    return clause_text(clause.subtree) if clause is not None else None
