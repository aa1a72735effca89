"""What one token means for event coding: its lexicon reading, looked up from the parse around it.

A reading names the lexicon entry and the words that carry it ("called off", "aerial attack").
Only token attributes already computed by spaCy are used; every lookup is a dict access.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from ..grammar import verb_lemmas
from ...lexicons.events import Entry, Lexicon

# Tokens inside these named entities name things ("Asia-Pacific Economic Cooperation", "Ceasefire
# Committee"), they do not report events.
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW",
                         "PRODUCT", "LANGUAGE"})
# What a verb acts on, active or passive: the noun that can name its event ("launched an attack",
# "an attack was launched"); grammar.OBJECT_DEPS without the dative, with the passive subject.
THEME_DEPS = frozenset({"dobj", "nsubjpass", "oprd", "attr"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# Particles that make phrasal verbs even after the object ("forced the agency out of the country").
PARTICLES = frozenset({"out", "off", "down", "up", "back", "over"})
# Prepositions through which a prepositional verb takes its object ("agreed on a deal", "agreed to a
# deal"), read as the object for verb + object rows when the preposition follows a verb that has no
# object of its own ("contributed troops to the force": "to" names whom it goes to).
OBJECT_PREPS = frozenset({"on", "to", "upon"})


@dataclass(frozen=True)
class Reading:
    token: Token
    entry: Entry
    words: tuple[Token, ...]    # the tokens naming it, in text order

    @property
    def code(self) -> Optional[str]:
        return self.entry.code

    @property
    def frame(self) -> str:
        return self.entry.frame

    @property
    def nominal(self) -> bool:
        return self.entry.kind in ("noun", "noun_mod", "noun_prep")


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def read_token(tok: Token, lex: Lexicon) -> Optional[Reading]:
    """The lexicon reading of `tok` as an event word (coded, frame or adjective), or None.

    Light and reporting verbs are not readings: they only matter through the words they govern.
    """
    if tok.ent_type_ in NAME_LABELS or tok.pos_ == "PROPN":
        return None
    if is_verbal(tok):
        reading = _read_verb(tok, lex)
        if reading is not None and lex.nonagent and _nonagent(tok, lex):
            return None     # "an earthquake struck the city": a natural force acts, no one's event
        return reading
    return _read_other(tok, lex)


def _read_verb(tok: Token, lex: Lexicon) -> Optional[Reading]:
    """A verb: phrasal, with its object, infinitive or clause, alone, or a predicate adjective."""
    lemmas = verb_lemmas(tok)
    for child in tok.children:
        if particle_of(tok, child):
            for lemma in lemmas:
                entry = lex.phrasal.get((lemma, child.lower_))
                if entry is not None:
                    return Reading(tok, entry, _words(tok, child))
    for child in tok.children:
        if child.dep_ in THEME_DEPS:
            reading = _with_object(tok, lemmas, child, lex)
            if reading is not None:
                return reading
        elif (child.dep_ == "prep" and 0 < child.i - tok.i <= 2 and child.lower_ in OBJECT_PREPS
              and not any(c.dep_ in ("dobj", "dative") for c in tok.children)):
            # a prepositional verb's object: "agreed on a trade deal", "agreed to a rollover deal"
            for pobj in child.children:
                reading = _with_object(tok, lemmas, pobj, lex) if pobj.dep_ == "pobj" else None
                if reading is not None:
                    return reading
        elif child.dep_ == "xcomp":
            entry = lex.verb_xcomp.get((lemmas[0], _lemma(child)))
            if entry is not None:
                return Reading(tok, entry, (tok,))
        elif child.dep_ == "ccomp" and lemmas[0] in lex.verb_clause:
            return Reading(tok, lex.verb_clause[lemmas[0]], (tok,))
    for lemma in lemmas:
        entry = lex.verbs.get(lemma)
        if entry is not None:
            return Reading(tok, entry, (tok,))
    adj = lex.adjs.get(tok.lower_)
    if adj is not None and _takes_complement(tok):
        return Reading(tok, adj, (tok,))
    return None


def _with_object(tok: Token, lemmas: tuple[str, ...], obj: Token, lex: Lexicon) -> Optional[Reading]:
    """The verb + object row of `tok` with the object `obj` ("launched an attack"), or None."""
    for obj_lemma in _object_lemmas(obj, lex):
        for lemma in lemmas:
            entry = lex.verb_obj.get((lemma, obj_lemma))
            if entry is not None:
                return Reading(tok, entry, _words(tok, obj))
    return None


def particle_of(verb: Token, child: Token) -> bool:
    """`child` makes a phrasal verb with `verb`: a particle, or a preposition or adverb right after
    the verb ("called for", "pushing hard for"), not one in an adjunct ("called on Sunday for")."""
    return child.dep_ == "prt" or (child.dep_ in ("prep", "advmod") and (
        0 < child.i - verb.i <= 2 or child.lower_ in PARTICLES))


def _read_other(tok: Token, lex: Lexicon) -> Optional[Reading]:
    """A noun (with its modifier, "of" head or preposition) or a predicate adjective."""
    lemma = _lemma(tok)
    if tok.pos_ == "NOUN":
        # "war" in "war economy" modifies, it is not the event; but "mediation" in "mediation mission"
        # is the event its carrier noun stands for.
        if tok.dep_ in ("compound", "amod") and _lemma(tok.head) not in lex.carriers:
            return None
        if tok.dep_ == "pobj" and tok.head.lower_ == "with" and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None     # "with the aid of", "with the help of": by what means, not aid given
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS:
                entry = lex.noun_mod.get((_lemma(child), lemma))
                if entry is not None:
                    return Reading(tok, entry, tuple(sorted((tok, child), key=lambda t: t.i)))
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            entry = lex.noun_mod.get((_lemma(tok.head.head), lemma))   # "state of siege"
            if entry is not None:
                return Reading(tok, entry, (tok.head.head, tok.head, tok))
        for child in _noun_preps(tok, lex):
            entry = lex.noun_prep.get((lemma, child.lower_))
            if entry is not None:
                return Reading(tok, entry, (tok,))
        entry = lex.nouns.get(lemma)
        if entry is not None:
            return Reading(tok, entry, (tok,))
        return None
    if tok.pos_ == "ADJ":
        entry = lex.adjs.get(tok.lower_)
        if entry is not None and _takes_complement(tok):
            return Reading(tok, entry, (tok,))
    return None


def _noun_preps(noun: Token, lex: Lexicon) -> list[Token]:
    """The prepositions of an event noun: its own, and for the object of a light verb those the parser
    hung on the verb right after the noun ("filed charges against the mayor": the charge is against
    the mayor; a light verb's object carries the event, so its complement is the noun's)."""
    own = [c for c in noun.children if c.dep_ == "prep"]
    head = noun.head
    if noun.dep_ in THEME_DEPS and head.i < noun.i and light_verb(head, lex):
        end = noun.right_edge.i
        own += [c for c in head.children if c.dep_ == "prep" and c.i == end + 1]
    return own


def _nonagent(tok: Token, lex: Lexicon) -> bool:
    """The verb's doer is a natural force or a vehicle: its subject, its passive agent ("struck by a
    car"), or the noun a relative clause's "that/which" stands for ("an earthquake that struck")."""
    for child in tok.children:
        if child.dep_ == "nsubj":
            if _lemma(child) in lex.nonagent:
                return True
            if child.tag_ == "WDT" and tok.dep_ == "relcl" and _lemma(tok.head) in lex.nonagent:
                return True
        elif child.dep_ == "agent":
            if any(p.dep_ == "pobj" and _lemma(p) in lex.nonagent for p in child.children):
                return True
    return False


def _words(tok: Token, other: Token) -> tuple[Token, ...]:
    """The trigger words: verb and particle/object when close, else the verb alone ("forced X out")."""
    if abs(other.i - tok.i) > 3:
        return (tok,)
    return tuple(sorted((tok, other), key=lambda t: t.i))


def _object_lemmas(obj: Token, lex: Lexicon) -> list[str]:
    """The object's lemma, and for a carrier noun its modifier's ("halt mediation efforts")."""
    out = [_lemma(obj)]
    for child in obj.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            out.append(_lemma(child))
        elif child.dep_ == "prep" and child.lower_ == "of" and (
                _lemma(obj) in lex.carriers or _lemma(obj) in lex.measure):
            # "a mission of observers", "tons of medicine", "thousands of refugees"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.append(_lemma(pobj))
                    out.extend(_lemma(m) for m in pobj.children if m.dep_ in ("compound", "amod"))
    return out


def _takes_complement(tok: Token) -> bool:
    return any(c.dep_ in ("xcomp", "prep", "ccomp") for c in tok.children)


def light_verb(tok: Token, lex: Lexicon) -> bool:
    """A light or aspectual verb whose event-noun complement is the event ("launched an attack")."""
    if not is_verbal(tok):
        return False
    for lemma in verb_lemmas(tok):
        if lemma in lex.light:
            return True
        if any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in lex.light for c in tok.children):
            return True
    return False
