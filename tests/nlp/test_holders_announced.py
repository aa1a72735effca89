"""Holders of acts announced by the side that will do them (issue 21, helper found22; chains k280-k283): a UN
agency named by what it does ("a spokesperson for the UN food agency"), "the agency" naming it again, a pledge
to hold off ("will not strike until"), and a passive transfer of a named fund ("will be paid out to farmers").
Sentences written for these tests."""
from __future__ import annotations

import pytest

from newsledger.extraction import extract

from .test_holders import actors as actors_index
from .test_holders import nlp_actors  # noqa: F401  (the actors-only pipeline, a fixture)


def held(nlp, text, published="2027-03-02"):
    return {(c.kind, c.holder) for c in extract(text, published=published, nlp=nlp).commitments}


def speakers(nlp, text, published="2027-03-02"):
    return [s.speaker for s in extract(text, published=published, nlp=nlp).statements]


# ---- a UN agency named by what it does, and "the agency" -----------------------------------------------
def test_un_agency_description_is_the_agency(nlp):
    text = ("GENEVA — UNICEF will ship 300,000 measles vaccines to Chad by the end of May, a spokeswoman for "
            "the UN children's agency said on Friday.")
    assert ("pledge", "unicef") in held(nlp, text)


def test_un_food_agency_holds_what_it_will_deliver(nlp):
    text = ("ROME — The World Food Programme will truck 5,000 tonnes of maize into Malawi by the end of "
            "June, a spokesman for the UN food agency said on Monday.")
    assert ("pledge", "world-food-programme") in held(nlp, text)


def test_the_agency_names_the_last_agency_again(nlp):
    text = ("GENEVA — The International Atomic Energy Agency said on Monday that it had lost contact with "
            "the plant.\n\nThe agency said it would send a new team of inspectors to the site by the end of March.")
    assert ("pledge", "international-atomic-energy-agency") in held(nlp, text)


def test_the_agency_is_no_company(nlp_actors):
    """Must not: "the agency" after a company names no company (a company's name says no agency)."""
    text = "Boeing said on Monday that it had delayed deliveries. The agency said it would review the plan."
    index = actors_index(nlp_actors, text)
    start = text.index("The agency")
    assert index.at(start, start + len("The agency")) is None


def test_un_agency_foretelling_another_side_is_no_pledge(nlp):
    """Must not: what a UN agency says another side will do is no pledge of either."""
    text = ("GENEVA — Sudan's army will reopen the Adre crossing by the end of the month, a spokesperson for "
            "the UN refugee agency said on Tuesday.")
    assert not any(h in ("unhcr", "sudan") for _, h in held(nlp, text))


# ---- holding off until a date: "will not strike until ..." ---------------------------------------------
def restraints(nlp, text, published="2027-03-02"):
    return [(c.holder, c.content, c.due) for c in extract(text, published=published, nlp=nlp).commitments]


def test_union_will_not_strike_until_a_date_is_a_pledge(nlp):
    text = ("LONDON — Unite will not call strikes at Heathrow until the end of August while pay talks go on, "
            "Unite general secretary Sharon Graham said on Monday.")
    found = restraints(nlp, text)
    assert any(h == "unite" and c.startswith("not call strikes") and due == "2027-08-31" for h, c, due in found)


def test_members_possessive_union_and_its_chairman(nlp):
    """ "the GDL train drivers' union": the possessive names the members, the union is GDL; "union chairman"
    speaks for it."""
    text = ("FRANKFURT — The GDL train drivers' union will not call strikes at Deutsche Bahn until the end of "
            "June, union chairman Mario Reiss said on Tuesday.")
    assert any(h == "gdl" for h, _, _ in restraints(nlp, text))


def test_holding_off_with_no_date_is_no_pledge(nlp):
    """Must not: "will not strike" with no date held to is a stance."""
    text = "LONDON — Unite will not call strikes at Heathrow, Unite general secretary Sharon Graham said on Monday."
    assert not restraints(nlp, text)


def test_delay_is_no_restraint(nlp):
    """Must not: "will not reopen the line until June" tells a delay, not a pledge."""
    text = ("MADRID — Renfe will not reopen the Madrid-Segovia line until the end of June, the rail operator's "
            "chairman said on Monday.")
    assert not restraints(nlp, text)


# ---- a fund named as a body, paid out: the money handed over, not a side --------------------------------
def test_named_fund_paid_out_is_the_speakers_pledge(nlp):
    text = ("ROME — The new 30 million euro Wildfire Relief Fund will be paid out to farmers in Sardinia by the "
            "end of October, Agriculture Minister Francesco Lollobrigida said on Thursday.")
    assert ("pledge", "italy") in held(nlp, text)


def test_named_side_in_a_passive_is_who_it_is_done_to(nlp):
    """Must not: a named side as the passive's subject is who the act is done to, no pledge of the speaker."""
    text = ("NAIROBI — Kenya Airways will be privatised by the end of June, Finance Minister John Mbadi said "
            "on Thursday.")
    assert not held(nlp, text)


# ---- "the head of X in Y": the voice of X -----------------------------------------------------------------
def test_head_of_a_body_in_a_country_speaks_for_the_body(nlp):
    text = ("BEIJING — \"We will open 12 new dealerships in China by the end of next year,\" the head of BMW in China "
            "said on Tuesday.")
    assert "bmw" in speakers(nlp, text)
    assert ("pledge", "bmw") in held(nlp, text)


def test_head_of_an_unnamed_body_keeps_the_named_side(nlp):
    """Must not: an office "of" no named body leaves the phrase's name as the speaker ("the head of the
    delegation in Brussels" is no one the phrase names, Brussels stays the phrase's name)."""
    text = ("\"We will sign the accord by Friday,\" the head of the Ukrainian delegation in Brussels said on "
            "Tuesday.")
    assert "ukraine" in speakers(nlp, text) or not any(s for s in speakers(nlp, text) if s and "brussels" in s)


# ---- the day a beginning is set for --------------------------------------------------------------------
def dues(nlp, text, published="2027-03-02"):
    return [c.due for c in extract(text, published=published, nlp=nlp).commitments]


def test_start_on_a_day_falls_due_that_day(nlp):
    text = ("NAIROBI — Kenya will start vaccinating 3 million children against measles on June 7, Health "
            "Minister Aden Duale said on Monday.")
    assert "2027-06-07" in dues(nlp, text)


def test_act_on_a_day_that_is_no_beginning_has_no_start_due(nlp):
    """Must not: "on" names the day of a beginning only; "will meet on Tuesday" takes no due from it here."""
    text = "NAIROBI — Kenya will host talks with Somalia on June 7, Foreign Minister Musalia Mudavadi said on Monday."
    assert "2027-06-07" not in dues(nlp, text)


# ---- an act withheld until another side does what the condition demands ------------------------------------
def test_will_not_act_unless_another_side_does_is_a_threat(nlp):
    found = [c for c in extract("ACCRA — The Ghana Medical Association said on Monday its members would not attend to "
                                "outpatients unless the government paid their allowances by April 30.",
                                published="2027-03-02", nlp=nlp).commitments]
    assert [(c.kind, c.holder, c.due) for c in found] == [("threat", "ghana-medical-association", "2027-04-30")]
    assert found[0].content == "not attend to outpatients"     # the act withheld, told so


# ---- "extend" a thing is an act, "extend" a time a status ----------------------------------------------------
def test_extending_a_thing_is_the_act_promised(nlp):
    assert held(nlp, "LONDON — Vodafone will extend its fibre network to 500,000 more homes by the end of the year, "
                     "its chief executive said.") == {("pledge", "vodafone")}


def test_extending_a_spell_of_holding_off_is_no_new_pledge(nlp):
    assert held(nlp, "WASHINGTON — The United States will extend the pause on new tariffs by 90 days, the White House "
                     "said.") == set()


def test_staff_a_union_speaks_for_strike_for_it(nlp):
    # "Staff", capitalised after the dateline's dash, is the member word it is; the union is one of university
    # and college staff (data/actors/ner.yaml civic_member_words)
    found = extract("CARDIFF — Staff at Cardiff University will walk out from March 9 unless management withdraws "
                    "its plan to cut 400 jobs, the University and College Union said.",
                    published="2027-03-02", nlp=nlp).commitments
    assert [(c.kind, c.holder) for c in found] == [("threat", "university-and-college-union")]


def test_the_government_of_a_story_is_its_country(nlp):
    # "the government", an actor of its common noun with the state's country: the country acts, as a holder
    assert held(nlp, "HELSINKI — Finland's main farmers' union said on Monday that the government had promised to "
                     "pay drought aid to grain growers before Christmas.") == {("promise", "finland")}


# ---- a work of the speaker's own, with a date: its target --------------------------------------------------
@pytest.mark.parametrize("text, holder", [
    ("MADRID — Iberdrola said on Monday that its new offshore wind farm off Galicia would be in operation by the "
     "end of 2028.", "iberdrola"),
    ("PARIS — SNCF said the extension of the RER E line to Nanterre would carry its first passengers before the "
     "end of the year.", "sncf"),
])
def test_what_a_work_of_the_speakers_own_will_do_by_a_date_is_its_pledge(nlp, text, holder):
    found = extract(text, published="2027-03-02", nlp=nlp).commitments
    assert [(c.kind, c.holder) for c in found] == [("pledge", holder)]
    assert found[0].content.startswith(("its new offshore wind farm", "the extension of the RER E line"))


@pytest.mark.parametrize("text", [
    "FRANKFURT — Inflation will fall below 2 percent by June, the Bundesbank said.",     # a forecast
    "BERLIN — The talks will resume by Friday, Siemens said.",                         # an event, no work
    "MADRID — Mexico's new refinery will be ready by June, Repsol said.",               # another's work
    "MADRID — Iberdrola said its new offshore wind farm off Galicia would be in operation.",    # no date
])
def test_what_is_no_work_of_the_speakers_own_with_a_date_is_no_pledge(nlp, text):
    assert held(nlp, text) == set()
