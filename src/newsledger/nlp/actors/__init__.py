"""Actors: gazetteer lookup, entity repair, titles, metonymy and pronouns -> doc._.actors.

component.py is the spaCy component and owns the order of steps; state.py holds one document's
pass; people.py decides which person a name is; metonymy.py whether a capital is a place;
references.py resolves titles and descriptions, pronouns.py pronouns; parse.py is what all of them
read off the dependency parse. The gazetteer's data is read by newsledger.lexicons.gazetteer;
actor ids come from newsledger.slug.
"""
from .component import ActorsComponent, make_actors

__all__ = ["ActorsComponent", "make_actors"]
