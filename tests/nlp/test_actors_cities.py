"""A city's own government (nlp/actors/cities.py): "the city of X", "X City Hall", "City Hall said", a mayor
speaking for the city, the city's name acting for it once the story is about its government; a capital's name
alone still acts for its national government. Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

from .test_actors import nlp_actors, run  # noqa: F401  (the fixture: the model plus our actors component)


def mentioned(index, text, actor_id):
    a = index.actors.get(actor_id)
    return [text[s:e] for s, e in a.mentions] if a else []


@pytest.mark.parametrize("text, actor_id, words", [
    ("The city of Lyon will repave the old bridges by June, officials said.", "city-of-lyon", "The city of Lyon"),
    ("MUNICH — The tram line to the airport will open in May, City Hall said on Monday.", "city-of-munich",
     "City Hall"),
    ("Barcelona City Hall said it would add bus lanes.", "city-of-barcelona", "Barcelona City Hall"),
    ("Milan's city council voted for the plan on Monday.", "city-of-milan", "Milan's city council"),
    # "the city" acting, and the city named in its mayor's title, once the document names the city's government
    ("The city will open 2,000 school places by August, Gothenburg's mayor Jonas Attenius said.",
     "city-of-gothenburg", "The city"),
    ("The city will open 2,000 school places by August, Gothenburg's mayor Jonas Attenius said.",
     "city-of-gothenburg", "Gothenburg"),
    # a capital's name alone is still its state acting
    ("PARIS — Paris will send 40 generators to Moldova, the mayor's deputy said.", "france", "Paris"),
])
def test_words_naming_a_city_government(nlp_actors, text, actor_id, words):
    index = run(nlp_actors, text)
    assert words in mentioned(index, text, actor_id)
    assert index.actors[actor_id].type == ("country" if actor_id == "france" else "government")


@pytest.mark.parametrize("text, not_actor", [
    ("Talks were held in the city of Lyon on Tuesday.", "city-of-lyon"),        # a place
    ("Barcelona will host the summit in October.", "city-of-barcelona"),         # no city government named
    ("MUNICH — The tram line will open in May, City Hall said.", "city-hall"),  # no body of its own
    ("PARIS — Paris will send 40 generators to Moldova, the mayor's deputy said.", "city-of-paris"),
])
def test_must_not_name_a_city_government(nlp_actors, text, not_actor):
    assert not_actor not in run(nlp_actors, text).actors


def test_a_mayor_speaks_for_the_city_government(nlp_actors):
    index = run(nlp_actors, "MUNICH — The city will open three pools by June, Munich Mayor Anna Keller said on Monday.")
    keller = next(a for a in index.actors.values() if a.type == "person" and "Keller" in a.name)
    assert "Mayor of City of Munich" in keller.roles


def test_the_city_acts_once_its_government_is_named(nlp_actors):
    text = ("Barcelona will build 500 flats by October, the mayor of Barcelona, Carla Puig, said. "
            "Barcelona is hot in July.")
    index = run(nlp_actors, text)
    spans = index.actors["city-of-barcelona"].mentions
    assert (0, 9) in spans                                 # the acting subject (and the city in the mayor's title)
    assert text.rindex("Barcelona") not in {s for s, _ in spans}
    assert any(p.name == "Barcelona" for p in index.places)                      # the last: a place


def test_the_city_names_no_government_when_the_document_names_none(nlp_actors):
    index = run(nlp_actors, "The city will grow by a fifth in ten years, the planning minister said.")
    assert not [a for a in index.actors.values() if a.name.startswith("City of ")]
