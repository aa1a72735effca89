"""Due dates as news gives them (issue 21): the end of a decade, a quarter, a day without its year in a past
clause, a period the parse hangs on the reporting verb; with sentences that must not give one. Sentences
written for these tests."""
from __future__ import annotations

from tests.nlp.test_commitments import commitments
from tests.nlp.test_commitments_orders import _one


def test_the_end_of_the_decade(nlp):
    c = _one(commitments(nlp, "LISBON — Portugal will keep its tax break for young workers until the end of the "
                              "decade, Finance Minister Joaquim Miranda Sarmento said on Tuesday.",
                         published="2025-03-04"), "portugal")
    assert c["due"] == "2029-12-31" and "decade" not in c["content"]


def test_a_quarter_said_after_it_ended_is_next_years(nlp):
    c = _one(commitments(nlp, "TAIPEI — Foxconn will open its new server plant in Guadalajara in the first quarter, "
                              "the company said on Tuesday.", published="2025-10-07"), "foxconn")
    assert c["due"] == "2026-03-31"


def test_a_day_without_its_year_in_a_past_clause_is_the_nearest(nlp):
    c = _one(commitments(nlp, "TOKYO — Honda will keep paying the staff whose shifts were cancelled after the "
                              "flood until at least Sept. 15, the company said on Tuesday.",
                         published="2025-07-08"), "honda")
    assert c["due"] == "2025-09-15"


def test_a_past_day_in_a_past_clause_stays_past(nlp):
    c = _one(commitments(nlp, "TOKYO — Honda will rehire the workers who were laid off by March 3, the company "
                              "said on Tuesday.", published="2025-03-11"), "honda")
    assert c["due"] is None


def test_a_period_on_the_reporting_verb_places_the_act_to_come(nlp):
    c = _one(commitments(nlp, "TOULOUSE — Airbus will deliver the first A350F freighters to Air France from its "
                              "plant in Toulouse, France, in 2027, Airbus Chief Executive Guillaume Faury said on "
                              "Tuesday.", published="2025-03-04"), "airbus")
    assert c["due"] == "2027"


def test_a_past_period_on_the_reporting_verb_is_when_it_was_told(nlp):
    found = commitments(nlp, "TOULOUSE — Airbus will deliver the first A350F freighters to Air France from its "
                             "plant in Toulouse, France, Airbus Chief Executive Guillaume Faury told a conference in "
                             "February.", published="2025-03-04")
    assert not [c for c in found if c["due"]], found


# A period counts from the day it was set: the day the ordering verb names for itself, before the day the words
# were said and the publication date (nlp/commitments/due.anchor_of).


def test_a_period_counts_from_the_day_its_verb_names(nlp):
    c = _one(commitments(nlp, "ROME — Italy's antitrust watchdog ordered Amazon on Tuesday to change its delivery "
                              "contracts within 60 days, the regulator said.", published="2027-04-14"),
             "amazon", key="counterparty")
    assert c["due"] == "2027-06-12"     # Tuesday, April 13, and 60 days: not from the publication date


def test_a_period_said_on_a_day_counts_from_that_day(nlp):
    c = _one(commitments(nlp, "ULAANBAATAR — Mongolia's tax department told Erdene Resource it must pay 45 billion "
                              "tugriks in back taxes within 30 days, the department said on Monday.",
                         published="2027-04-14"), "erdene-resource", key="counterparty")
    assert c["due"] == "2027-05-12"     # Monday, April 12, the day it was said


def test_a_period_with_no_day_named_counts_from_publication(nlp):
    c = _one(commitments(nlp, "SANTIAGO — Chile's Supreme Court gave the lithium miner Albemarle 90 days to submit a "
                              "new water plan for its Atacama operations.", published="2027-04-14"),
             "albemarle", key="counterparty")
    assert c["due"] == "2027-07-13"


def test_a_dateline_the_parse_hung_in_the_clause_is_no_part_of_the_content(nlp):
    found = commitments(nlp, "MANILA — Under the agreement, Japan will supply the Philippines with five coastal "
                             "radar systems by the end of 2028.", published="2027-03-03")
    c = _one(found, "japan")
    assert c["content"].startswith("supply the Philippines") and "MANILA" not in c["content"]
