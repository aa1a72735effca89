"""Organisations read from the English around their names (nlp/actors/described.py): a description whose head
noun is a kind of body (data/actors/org_descriptions.tsv) in front of the name, after it, or in apposition.
Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

from .test_actors import nlp_actors, run  # noqa: F401  (the fixture: the model plus our actors component)


def actors(nlp, text: str):
    return {a.id: a for a in run(nlp, text).actors.values() if a.mentions}


@pytest.mark.parametrize("text, org, country", [
    # a description in front of the name (compound or apposition in the parse)
    ("The Dutch rail operator Arriva Rail will run the night trains from December.", "arriva-rail", "NLD"),
    ("Finnish state utility Fortum will close two coal plants by 2027, it said.", "fortum", "FIN"),
    ("The Portuguese state lender Caixa Geral de Depositos will cut its fees, the bank said.",
     "caixa-geral-de-depositos", "PRT"),
    ("The Austrian university TU Graz will open a battery laboratory next year.", "tu-graz", "AUT"),
    # a description after the name
    ("Uppsala Kommunfastigheter company will build 300 homes, the mayor said.", "uppsala-kommunfastigheter", None),
    # a description in apposition after the name
    ("ZAMTEL, the Zambian state telecoms company, will lay a new cable to Malawi.", "zamtel", "ZMB"),
])
def test_a_described_name_is_an_organisation(nlp_actors, text, org, country):
    found = actors(nlp_actors, text)
    assert org in found, sorted(found)
    assert found[org].type == "organization"
    assert found[org].country == country


def test_the_organisation_acts_for_itself_not_for_the_country(nlp_actors):
    found = actors(nlp_actors, "Swedish state utility Kraftbolaget will raise prices in April.")
    assert found["kraftbolaget"].type == "organization"
    assert "sweden" in found        # the demonym is still the country's mention


@pytest.mark.parametrize("text, not_org", [
    # a person described by an office or a trade, not by a body's head noun
    ("Maria Lindqvist, a bank teller, said the queues were long.", "maria-lindqvist"),
    ("The company founder Jonas Berg said sales fell.", "jonas-berg"),
    ("The company CEO Jonas Berg said sales fell.", "ceo-jonas-berg"),
    # a place before a description says where the body is
    ("The Malmo university will open a new campus.", "malmo"),
    ("Workers at the Gdansk shipyard company went on strike.", "gdansk"),
    # no description at all: a proper name doing what organisations do is not enough
    ("Karin Lindqvist will invest 2 billion crowns in the plant, she said.", "karin-lindqvist"),
    ("Apple pie sales rose in Sweden last year.", "apple-pie"),
    # an armed group is left to the gazetteer and the tagger
    ("The militant group Jaish al-Adl said it carried out the attack.", "jaish-al-adl"),
])
def test_must_not_make_an_organisation(nlp_actors, text, not_org):
    found = actors(nlp_actors, text)
    assert not (not_org in found and found[not_org].type == "organization"), found.get(not_org)


@pytest.mark.parametrize("text", [
    "The board gave the KRX authority over new listings.",          # a state body's head after a name: no name of its
    "The veteran producer Brandtfilm Holm said shooting starts in May.",   # a head that describes people as well
    "The political group Framtid Nu said it would march on Sunday.",      # a political group, left to the other readings
])
def test_the_reader_leaves_alone(nlp_actors, text):
    from newsledger.nlp.actors.described import described_names
    doc = nlp_actors(text)
    assert described_names(doc, 0, [], frozenset(), {}) == []
