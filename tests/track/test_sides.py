"""Whose side an actor is on (records.same_side, track/refer.on_side), and a follow-up about the holder's
deadline for someone else (track/refer._owed_by_another). Hand-made records of our own (no spaCy)."""
from __future__ import annotations

import pytest

from newsledger.records import same_side
from newsledger.track.match import ActorInfo
from newsledger.track.refer import _with_third_party, on_side

from .test_followups import _articles, _ingest, _tracked, record

INFOS = {"united-states": ActorInfo("united-states", "country", "USA"),
         "us-department-of-commerce": ActorInfo("us-department-of-commerce", "government", "USA"),
         "us-department-of-the-treasury": ActorInfo("us-department-of-the-treasury", "government", "USA"),
         "donald-trump": ActorInfo("donald-trump", "person", "USA"),
         "nvidia": ActorInfo("nvidia", "organization", "USA"),
         "japan": ActorInfo("japan", "country", "JPN"),
         "nissan": ActorInfo("nissan", "organization", "JPN"),
         "kurdistan-workers-party": ActorInfo("kurdistan-workers-party", "group", "TUR"),
         "turkey": ActorInfo("turkey", "country", "TUR")}


def test_people_and_agencies_act_for_their_state():
    assert same_side(INFOS["donald-trump"], INFOS["united-states"])
    assert same_side(INFOS["us-department-of-commerce"], INFOS["united-states"])
    assert on_side("us-department-of-commerce", "us-department-of-the-treasury", INFOS)   # two ministries


def test_a_business_group_and_a_unit_named_after_it_are_one_side():
    infos = {i: ActorInfo(i, "organization", "IND") for i in ("adani-group", "adani-ports", "adani-green-energy",
                                                              "tata-motors", "tata-steel")}
    assert on_side("adani-ports", "adani-group", infos) and on_side("adani-group", "adani-green-energy", infos)
    assert not on_side("tata-steel", "tata-motors", infos)     # two units: no group named
    infos["adani-group"] = ActorInfo("adani-group", "group", "IND")  # a group of people, no business group
    assert not on_side("adani-ports", "adani-group", infos)


@pytest.mark.parametrize("actor, country", [("nvidia", "united-states"), ("nissan", "japan"),
                                            ("kurdistan-workers-party", "turkey")])
def test_companies_and_armed_groups_do_not_act_for_their_home_state(actor, country):
    assert not same_side(INFOS[actor], INFOS[country])
    assert not on_side(actor, country, INFOS)
    assert not on_side(actor, "us-department-of-commerce", INFOS)


DEADLINE = record(
    "chips-1", "2026-05-04",
    "The Commerce Department gave Nvidia until June 30 to sell its stake in the Ohio chip plant or face "
    "export penalties.",
    commitments=[{"kind": "ultimatum", "holder": "us-department-of-commerce", "counterparty": "nvidia",
                  "content": "sell its stake in the Ohio chip plant", "due": "2026-06-30"}])
_OTHER = ("The Commerce Department on Monday extended by 30 days the deadline for Intel to sell its stake in "
          "the Arizona chip plant, citing talks with buyers.")
OTHER = record(
    "chips-2", "2026-06-01", _OTHER,
    commitments=[{"kind": "ultimatum", "holder": "us-department-of-commerce", "counterparty": "intel",
                  "content": "sell its stake in the Arizona chip plant", "due": "2026-07-31"}],
    times=[("30 days", "DURATION", "P30D")])
OWN = record(
    "chips-3", "2026-06-01",
    "The Commerce Department on Monday extended by 30 days the deadline for Nvidia to sell its stake in "
    "the Ohio chip plant, citing talks with buyers.",
    times=[("30 days", "DURATION", "P30D")])


@pytest.mark.parametrize("order", [1, -1])
def test_the_holders_deadline_for_another_party_does_not_link(make_store, order):
    _not_linked(make_store, OTHER, order)


def _not_linked(make_store, other, order):
    store = make_store()
    _ingest(store, [DEADLINE, other][::order])
    c = _tracked(store, "chips-1")
    assert _articles(c) == ["chips-1"] and (c["status"], c["due"]) == ("open", "2026-06-30")


def test_the_same_deadline_moved_still_links(make_store):
    store = make_store()
    _ingest(store, [DEADLINE, OWN])
    c = _tracked(store, "chips-1")
    assert _articles(c) == ["chips-1", "chips-3"] and (c["status"], c["due"]) == ("extended", "2026-07-30")


# The holder's dealings with another state, the counterparty named nowhere: no report on this deadline.
ANOTHER_STATE = record(
    "chips-4", "2026-06-01",
    "The Commerce Department put back to Sept. 15 the sale of its stake in a chip plant it had lined up for "
    "Mexico by June 30, an official said.",
    times=[("Sept. 15", "DATE", "2026-09-15"), ("June 30", "DATE", "2026-06-30")])


@pytest.mark.parametrize("order", [1, -1])
def test_the_holders_act_for_another_state_does_not_link(make_store, order):
    _not_linked(make_store, ANOTHER_STATE, order)


# A new commitment of the counterparty (its other party not read): not a report on the old one.
NEW_BETWEEN_THEM = record(
    "chips-5", "2026-05-20",
    "Nvidia agreed with the Commerce Department on Tuesday to report every sale of chips from its Ohio plant "
    "to buyers abroad by the end of September, the department said.",
    commitments=[{"kind": "agreement", "holder": "nvidia", "counterparty": None,
                  "content": "report every sale of chips from its Ohio plant to buyers abroad", "due": "2026-09-30"}],
    times=[("the end of September", "DATE", "2026-09-30")])


@pytest.mark.parametrize("order", [1, -1])
def test_a_new_commitment_of_the_same_sides_does_not_take_the_old_thread(make_store, order):
    store = make_store()
    _ingest(store, [DEADLINE, NEW_BETWEEN_THEM][::order])
    assert _articles(_tracked(store, "chips-1")) == ["chips-1"]
    assert _articles(_tracked(store, "chips-5")) == ["chips-5"]


@pytest.mark.parametrize("text, holder, cp, placed", [
    ("The plant remains on course, a company spokeswoman said.", "nvidia", "japan", {"nvidia"}),
    ("The plant remains on course, a spokesman for the trade ministry said.", "nvidia", "japan", {"japan"}),
    # two companies: whose spokeswoman is not told; a ministry voice is no company's
    ("The plant remains on course, a company spokeswoman said.", "nvidia", "nissan", set()),
    ("The plant remains on course, a ministry official said.", "nvidia", "nissan", set()),
])
def test_an_unnamed_voice_speaks_for_the_one_side_its_body_describes(text, holder, cp, placed):
    from newsledger.track.sides import place_unnamed_voices
    from newsledger.track.sentences import split_sentences
    [s] = split_sentences(text)
    place_unnamed_voices([s], holder, cp, {holder, cp}, INFOS)
    assert s.actors == placed


def test_one_reading_of_who_owes_the_act_and_to_whom():
    """A pledge's act is owed by its holder to its counterparty, an ultimatum's by the counterparty to the
    holder (refer._doer); the reader of whether a text names the receiving side (refer._promised) asks
    the same side. An ultimatum with no counterparty found falls to its holder to do, owed to no side
    known: the holder is not also the side that receives it."""
    from newsledger.track.refer import _doer, _promised
    pledge = {"kind": "pledge", "holder": "japan", "counterparty": "philippines", "content": "send 40 generators"}
    ultimatum = {"kind": "ultimatum", "holder": "united-states", "counterparty": "mexico",
                 "content": "close the border crossings"}
    alone = {**ultimatum, "counterparty": None}
    assert _doer(pledge) == ("japan", "philippines")
    assert _promised(pledge, {})[1]("the generators reached the Philippines")
    assert _doer(ultimatum) == ("mexico", "united-states")
    assert _promised(ultimatum, {})[1]("Washington and the United States")
    assert not _promised(ultimatum, {})[1]("Mexico closed them")
    assert _doer(alone) == ("united-states", None)
    assert _promised(alone, {})[1] is None


@pytest.mark.parametrize("text, joined", [
    # the side with another body, the second described before its name: what those two did
    ("Lufthansa and the pilots' union Vereinigung Cockpit reached an agreement on pensions.", True),
    ("Lufthansa and Vereinigung Cockpit reached an agreement on pensions.", True),
    # a name between them is no description: not the two parties joined
    ("Lufthansa and its ground staff met Verdi on Monday; Vereinigung Cockpit stayed away.", False),
])
def test_a_body_joined_with_the_side_is_a_third_party(text, joined):
    infos = {"lufthansa": ActorInfo("lufthansa", "organization", "DEU"),
             "vereinigung-cockpit": ActorInfo("vereinigung-cockpit", "organization", "DEU"),
             "verdi": ActorInfo("verdi", "organization", "DEU")}
    rec = record("hubs-2", "2027-02-17", text)
    assert _with_third_party(rec, "lufthansa", "verdi", infos) is joined
