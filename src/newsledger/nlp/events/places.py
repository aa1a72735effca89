"""Where an event happened and which place it was done to: place readings for `arguments.Arguments`.

Places are the ActorIndex's (`place_at`) or the parse's named entities; a place has a country where the
index knows it. `Arguments` supplies `index`, `country` and `place_country`.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from ...records import Location
from ..grammar import EMBEDDED_CLAUSE_DEPS

# Prepositions whose place object is what an act is done to ("aid to Gaza", "an attack against Sinai").
OBJECT_PLACE_PREPS = frozenset({"to", "against", "on", "toward", "towards", "into", "at"})
# Prepositions that name where something happened.
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "on", "over",
                         "into", "from"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# "…, following their meeting in Alaska": an earlier or surrounding event, not a part of this one
# (neither absorbed into it nor giving it a place).
TIME_PREPS = frozenset({"following", "after", "before", "during", "since", "despite", "amid", "amidst",
                        "ahead", "prior"})
# Other clauses (and punctuation): their places are not this event's.
CLAUSE_DEPS = EMBEDDED_CLAUSE_DEPS | {"punct"}


class PlaceReading:
    """Place lookups over `self.index` (an ActorIndex)."""

    def place(self, tok: Token, doc_ents: dict[int, Span]) -> Optional[Location]:
        """The place a prepositional object names, with its country where the index knows it."""
        loc = self.index.place_at(tok.idx, tok.idx + len(tok.text))
        if loc is not None:
            return loc
        ent = doc_ents.get(tok.i)
        if ent is None or ent.label_ not in PLACE_LABELS:
            return None
        actor_id = self.index.at(ent.start_char, ent.end_char)
        actor = self.index.actors.get(actor_id) if actor_id else None
        # A country named as the place: it is where, and the event's target too.
        return Location(name=ent.text, span=(ent.start_char, ent.end_char),
                        country=actor.country if actor is not None else None)

    def location_of(self, tokens: list[Token], doc_ents: dict[int, Span]) -> Optional[Location]:
        """The nearest place adjunct of the event words or of the phrases they govern ("contribute
        troops to a force in Liberia"), not looking into other clauses."""
        seen: set[int] = set()
        frontier = list(tokens)
        for _ in range(3):
            found = self._place_adjunct(frontier, doc_ents)
            if found is not None:
                return found
            seen.update(t.i for t in frontier)
            frontier = [c for t in frontier for c in t.children
                        if c.i not in seen and c.dep_ not in CLAUSE_DEPS
                        and not (c.dep_ == "prep" and c.lower_ in TIME_PREPS)]
            if not frontier:
                break
        return None

    def _place_adjunct(self, tokens: list[Token], doc_ents: dict[int, Span]) -> Optional[Location]:
        for tok in tokens:
            if tok.pos_ == "NOUN":      # "a Kabul car bombing"
                for child in tok.children:
                    if child.dep_ == "compound" and child.pos_ == "PROPN":
                        loc = self.index.place_at(child.idx, child.idx + len(child.text))
                        if loc is not None:
                            return loc
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            loc = self._named_place(pobj)
                            if loc is not None:
                                return loc
                            if child.lower_ in ("in", "at", "near", "outside", "inside"):
                                loc = self.place(pobj, doc_ents)
                                if loc is not None:
                                    return loc
        return None

    def _place_token(self, tok: Token) -> Optional[Location]:
        loc = self.index.place_at(tok.idx, tok.idx + len(tok.text))
        if loc is not None:
            return loc
        mention = self.index.mention_at(tok.idx, tok.idx + len(tok.text))
        if mention is not None and mention.kind == "metonym":
            # a capital read as its government ("Beirut"), here in a place phrase: the place
            actor = self.index.actors.get(mention.actor_id)
            if actor is not None and actor.country:
                span = tok.doc.char_span(mention.start, mention.end)
                return Location(name=span.text if span is not None else tok.text,
                                span=(mention.start, mention.end), country=actor.country)
        return None

    def _named_place(self, noun: Token) -> Optional[Location]:
        """The place a noun names, itself or through its name: "the capital Kabul", "the Iraqi city
        of Basra", "a residential sector of eastern Beirut"."""
        loc = self.index.place_at(noun.idx, noun.idx + len(noun.text))
        if loc is not None or noun.pos_ != "NOUN":
            return loc
        for child in noun.children:
            if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN":
                loc = self._place_token(child)
                if loc is not None:
                    return loc
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        loc = self._place_token(pobj)
                        if loc is not None:
                            return loc
        return None

    def object_place(self, tokens: list[Token]) -> Optional[Location]:
        """A place named as what the event words act on: their object or the object of a target
        preposition ("threatened to shell Haifa", "suspended aid to Gaza"), nearest words first."""
        for tok in reversed(tokens):
            nouns = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
            nouns += [pobj for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in OBJECT_PLACE_PREPS
                      for pobj in c.children if pobj.dep_ == "pobj"]
            for noun in nouns:
                loc = self._named_place(noun)
                if loc is not None and self.place_country(loc):
                    return loc
        return None

    def is_place(self, tok: Token) -> bool:
        return self.index.place_at(tok.idx, tok.idx + len(tok.text)) is not None
