"""Threats told as one's own coercive act on a condition of how things go (issue 21: "Lithuania will close its
road crossings with Belarus from Dec. 1 if smuggling balloons keep drifting across"): the side that will act
holds the threat, with the side the act is aimed at as counterparty; sentences that must not give one.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsledger.extraction import extract


def _threats(nlp, text, published="2027-09-13"):
    return [c.to_dict() for c in extract(text, published=published, nlp=nlp).commitments if c.kind == "threat"]


def test_a_coercive_act_on_a_condition_of_how_things_go_is_a_threat(nlp):
    found = _threats(nlp, "WARSAW — Poland will close its two remaining border crossings with Belarus from Oct. 1 "
                          "if groups of migrants keep being pushed across the frontier, Prime Minister Donald Tusk "
                          "said on Monday.")
    assert [(c["holder"], c["counterparty"], c["due"]) for c in found] == [("poland", "belarus", "2027-10-01")]
    assert found[0]["content"].startswith("close its two remaining border crossings")
    assert found[0]["conditions"].startswith("if groups of migrants")


@pytest.mark.parametrize("text", [
    # the holder's own condition: a campaign promise, no threat
    "WARSAW — If elected, Poland's new government will close the border crossings with Belarus, opposition leader "
    "Jaroslaw Kaczynski said on Monday.",
    # an act that coerces no one: reopening is no threat
    "WARSAW — Poland will reopen its border crossings with Belarus from Oct. 1 if the number of migrants keeps "
    "falling, Prime Minister Donald Tusk said on Monday.",
])
def test_what_must_not_read_as_a_threat(nlp, text):
    assert not _threats(nlp, text)


def test_a_threat_falls_due_on_the_day_its_condition_names(nlp):
    """"... if the government applies its levy to the company when the charge takes effect on July 1": the
    condition is put to the test that day."""
    found = _threats(nlp, "SYDNEY — Meta Platforms said on Wednesday it would stop Australians from seeing or "
                          "sharing news on Facebook if the government applies its levy to the company when the "
                          "charge takes effect on July 1.", published="2027-04-14")
    assert [(c["holder"], c["due"]) for c in found] == [("meta", "2027-07-01")]


def test_a_past_day_in_the_condition_is_no_due_date(nlp):
    """Must not: "unless it stops the migrant caravans that crossed the border on Monday": Monday tells when
    something else happened."""
    for text in ("VILNIUS — Lithuania will close its border crossings with Belarus unless Minsk stops the balloon "
                 "flights that resumed on Monday, Prime Minister Inga Ruginiene said on Wednesday.",
                 "WASHINGTON — Trump threatened on Wednesday to impose tariffs on Mexico unless it stops the migrant "
                 "caravans that crossed the border on Monday."):
        found = _threats(nlp, text, published="2027-04-14")
        assert found and all(c["due"] is None for c in found)


def test_members_the_parse_took_for_the_saying_verbs_object_strike_for_their_union(nlp):
    # "its members" hung as the object of "said", and "down" (to down tools: to strike) tagged a preposition:
    # the clause's subject is the phrase before it (grammar.syntax.object_subject), its modal makes it a verb
    found = _threats(nlp, "NAIROBI — The Kenya Union of Clinical Officers (KUCO) said on Monday its members at "
                          "Kenyatta National Hospital (KNH) would down tools from March 1 unless the hospital paid "
                          "two months of arrears by Feb. 20.", published="2027-02-09")
    assert [(c["holder"], c["due"]) for c in found] == [("kenya-union-of-clinical-officers", "2027-02-20")]
    assert found[0]["content"].startswith("down tools") and found[0]["conditions"].startswith("unless the hospital")


def test_a_players_union_threatens_through_its_players_by_a_day_to_come(nlp):
    # the players are the members a players' association acts through (ner.yaml civic_member_words); the day the
    # condition asks for is one to come, though the condition's perfect tense reads it back a year
    found = _threats(nlp, "NEW YORK — Players will not report to training camps in January unless a new collective "
                          "agreement with the league has been reached by Jan. 10, the NBA Players Association said "
                          "on Monday.", published="2027-11-15")
    assert [(c["holder"], c["due"]) for c in found] == [("nba-players-association", "2028-01-10")]
