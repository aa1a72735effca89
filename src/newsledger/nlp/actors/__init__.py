"""Actors: gazetteer lookup, entity repair, titles, metonymy and pronouns -> doc._.actors.

component.py is the spaCy component; gazetteer.py reads data/actors/; coref.py resolves pronouns and
short names; slug.py makes actor ids.
"""
from .component import ActorsComponent, make_actors

__all__ = ["ActorsComponent", "make_actors"]
