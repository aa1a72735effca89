"""Unnamed sides of an event: "protesters", "the militants", "police", "dozens of villagers", and
places of no known country ("a state of siege in Pando"). When the words of a side name no actor of the
gazetteer, the event still has a side: an actor of its own, made here, whose mention is those words.
The nouns are data (data/actors/common_groups.tsv); `arguments.Arguments` supplies `index`,
`sentence_country`, `place_country` and the noun-phrase readings used below.
"""
from __future__ import annotations

import functools
from typing import Optional

from spacy.tokens import Token

from ..grammar import ACTIVE_SUBJECT_DEPS
from ...lexicons.cues import load_lexicon as load_cues
from ...lexicons.events import load_lexicon
from ...lexicons.gazetteer import common_groups
from ...records import Actor
from ...slug import slugify


class UnnamedSides:
    """Actors made for sides the text names by a common noun or an unplaced place.

    They are made while arguments are weighed, before it is known which reading is kept: `made_sides`
    lists them, and the events component forgets those that end up as no event's side, so that
    "pledge to send troops" leaves no actor "troops" for the other extractors to take as a party."""

    made_sides: set[str]

    def _made(self, actor_id: str) -> None:
        if actor_id not in self.index.actors:
            self.made_sides.add(actor_id)

    def unknown_place_actor(self, tok: Token) -> Optional[str]:
        """An actor for a place of no known country, named as an event's side."""
        loc = self._named_place(tok)
        if loc is None or loc.country or self.place_country(loc):
            return None
        known = self.index.at(*loc.span)
        if known is not None:
            return known
        actor_id = slugify(loc.name)
        if actor_id in self.index.actors:
            actor_id = f"{actor_id}-place"
        self._made(actor_id)
        self.index.add(Actor(id=actor_id, name=loc.name, type="other"))
        self.index.add_mention(actor_id, loc.span[0], loc.span[1], kind="place")
        return actor_id

    def group_actors(self, head: Token) -> list[str]:
        """An unnamed side named by a common noun ("protesters", "the militants", "police"), and each
        coordinated one: an actor of its own (data/actors/common_groups.tsv), with the country of its
        place ("demonstrators in Yerevan") or of the one country its sentence is about."""
        out = []
        for tok in [head, *(c for c in head.children if c.dep_ == "conj")]:
            found = self._group_actor(tok)
            if found:
                out.append(found)
        return out

    def speaker_side(self, head: Token) -> Optional[str]:
        """A speaker that names no actor ("teachers said", "the committee declared that"): whoever
        speaks is a side, as a common group noun is (its type and country as there); else an actor
        of its own named by the speaker's words, a group of the place. Not for pronouns or names, nor
        for an event noun, a natural force or an instrument (_not_agent: "the sanctions show")."""
        if not unnamed_speaker(head) or _not_agent(head.lemma_.lower()):
            return None
        return self._group_actor(head) or self._group_actor(head, row=SPEAKER_ROW)

    def subject_side(self, head: Token) -> Optional[str]:
        """People named by a plural common noun as the active subject of an event verb ("the Southeast
        Asian nations pledged", "federal investigators shared evidence"): whoever does an act is a
        side, an actor of its own as a speaker is. Not an event ("sanctions hit the economy"), a
        natural force or an instrument named as an event's modifier ("rockets hit", "rocket attack"):
        the event lexicon's words."""
        if head.tag_ != "NNS" or head.ent_type_ or head.dep_ != "nsubj":
            return None
        if _not_agent(head.lemma_.lower()):
            return None
        return self._group_actor(head, row=SPEAKER_ROW)

    def _group_actor(self, head: Token, state: Optional[str] = None,
                     row: Optional[tuple[str, str]] = None) -> Optional[str]:
        if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and not head.ent_type_):
            return None     # ("the Government", "Police" capitalised, but no named entity's word)
        row = row or common_groups().get(head.lemma_.lower()) or common_groups().get(head.lower_)
        if row is None or self.index.for_token(head) is not None:
            return None
        left = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ != "det" and c.dep_ != "cc"])
        if row[0] == "quantity":
            # "dozens of demonstrators": the counted people are the side, named from the count on
            counted = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"), None)
            row = common_groups().get(counted.lemma_.lower()) if counted is not None and counted.pos_ == "NOUN" else None
            if row is None or row[0] == "quantity" or self.index.for_token(counted) is not None:
                return None
            head = counted
        kind, home = row
        start, end = head.doc[left].idx, head.idx + len(head.text)
        # Its country: a word of its own phrase ("Palestinian armed groups"), else (not for armed
        # groups) its place or its sentence's one country.
        named = state or self._modifier_actor(head, 0)
        country = self.index.actors[named].country if named else None
        if not country and home == "place":
            where = self._where_from(head) or self.sentence_country()
            country = self.index.actors[where].country if where else None
        name = head.doc[left:head.i + 1].text
        actor_id = slugify(name)
        if actor_id in self.index.actors and self.index.actors[actor_id].type != kind:
            actor_id = f"{actor_id}-{kind}"
        self._made(actor_id)
        self.index.add(Actor(id=actor_id, name=name, type=kind, country=country))
        self.index.add_mention(actor_id, start, end, kind="description")
        return actor_id


def unnamed_speaker(head: Token) -> bool:
    """The head of a speaker's words that names no actor but someone ("teachers said", "the committee
    declared that"): a common noun, no entity's word, the active subject of the cue, not a speech-act
    noun ("the report said" names what was said, not who said it). The statements that pass make
    their verbal act; `speaker_side` makes the side."""
    return (head.pos_ == "NOUN" and not head.ent_type_ and head.dep_ in ACTIVE_SUBJECT_DEPS
            and head.lemma_.lower() not in load_cues().nouns)


def _not_agent(lemma: str) -> bool:
    """An event noun, a natural force, or an event's instrument (the modifier of an event noun). A word
    that modifies event nouns but names people ("military", "terrorist", "general": a common group
    row) is no instrument: as a phrase's head ("the generals said") it names who acts."""
    lex = load_lexicon()
    return lemma in lex.nouns or lemma in lex.nonagent or (lemma in _event_modifiers() and lemma not in common_groups())


@functools.lru_cache(maxsize=1)
def _event_modifiers() -> frozenset[str]:
    return frozenset(mod for mod, _ in load_lexicon().noun_mod)


# The (type, home) of a speaker no common group noun names: people of the place.
SPEAKER_ROW = ("group", "place")

# Where something is moved from or to: "withdrew troops from Syria", "sent soldiers to Mali".
MOVED_PREPS = frozenset({"from", "to", "into", "out"})


def moved(np: Token) -> bool:
    """The object of an act that moves it somewhere: the verb (or event noun) it is the object of,
    or the noun itself, has a from/to/into phrase."""
    if np.dep_ not in ("dobj", "pobj") or np.dep_ == "pobj" and np.head.lower_ != "of":
        return False
    head = np.head.head if np.dep_ == "pobj" else np.head
    return any(c.dep_ in ("prep", "prt") and c.lower_ in MOVED_PREPS for h in (head, np) for c in h.children)
