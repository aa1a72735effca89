"""Actors: entities plus gazetteer -> doc._.actors (an ActorIndex). FIRST VERSION, to be replaced."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Actor
from .extensions import ActorIndex
from .slug import slugify

_TYPES = {"PERSON": "person", "GPE": "country", "ORG": "organization", "NORP": "group"}


class ActorsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        index = ActorIndex()
        for ent in doc.ents:
            kind = _TYPES.get(ent.label_)
            if kind is None:
                continue
            actor = index.add(Actor(id=slugify(ent.text), name=ent.text, type=kind))
            index.add_mention(actor.id, ent.start_char, ent.end_char)
        doc._.actors = index
        return doc


@Language.factory("newsledger_actors")
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
