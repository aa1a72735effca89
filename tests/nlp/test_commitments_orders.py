"""Deadlines set by an order (issue 21): the time an order gives in a clause of its own, to the party ordered
("ordered X to ..., and gave it six weeks to ...", "..., giving the company 72 hours to comply"); with sentences
that must not give one. Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.nlp.test_commitments import commitments


def _one(found, holder, key="holder"):
    """The one commitment whose `key` (holder, or counterparty) is `holder`."""
    hits = [c for c in found if c[key] == holder]
    assert len(hits) == 1, found
    return hits[0]


def test_an_order_with_the_time_given_in_a_coordinated_clause(nlp):
    c = _one(commitments(nlp, "LONDON — Britain's Competition and Markets Authority on Tuesday ordered Vodafone "
                              "to repay customers who were overcharged for roaming, and gave it six weeks to make "
                              "the refunds.", published="2025-03-04"), "competition-and-markets-authority")
    assert c["kind"] in ("ultimatum", "deadline") and c["counterparty"] == "vodafone"
    assert c["due"] == "2025-04-15" and c["content"].startswith("repay customers")
    assert "six weeks" not in c["content"]


def test_an_order_with_the_time_given_by_a_participle(nlp):
    c = _one(commitments(nlp, "BRASILIA — Brazil's Supreme Court on Tuesday ordered Google to take down 20 YouTube "
                              "videos that spread false claims about the vote, giving the company 72 hours to "
                              "comply.", published="2025-03-04"), "supreme-court")
    assert c["counterparty"] == "google" and c["due"] == "2025-03-07"
    assert c["content"].startswith("take down") and "comply" not in c["content"]


def test_an_order_with_a_date_given_to_the_company(nlp):
    c = _one(commitments(nlp, "SEOUL — South Korea's Fair Trade Commission on Wednesday ordered Naver to stop "
                              "favouring its own shopping service in search results, and gave the company until "
                              "June 30 to change its rules.", published="2025-03-05"), "fair-trade-commission")
    assert c["counterparty"] == "naver" and c["due"] == "2025-06-30"


@pytest.mark.parametrize("text", [
    # what is given is no time, or goes to another party
    "ROME — An Italian court on Monday ordered Ryanair to pay the fine, and gave its reasons in a 40-page ruling.",
    "ROME — Italy on Monday ordered Ryanair to pay the fine and gave the workers 30 days to apply for aid.",
])
def test_a_give_clause_that_sets_no_time_for_the_ordered_party_must_not_date_the_order(nlp, text):
    assert not [c for c in commitments(nlp, text) if c["counterparty"] == "ryanair" and c["due"]]


def test_an_order_told_as_what_the_party_must_do(nlp):
    c = _one(commitments(nlp, "BRUSSELS — The European Commission has told Austria's OMV it must sell its stake in "
                              "the Romanian gas field by June 30 or face a fine, an EU official said on Friday.",
                         published="2025-03-07"), "european-commission")
    assert c["counterparty"] == "omv" and c["due"] == "2025-06-30"
    assert c["content"].startswith("sell its stake") and "must" not in c["content"]


@pytest.mark.parametrize("text", [
    # advice, not an order; the one told is not the one who must act
    "BRUSSELS — The European Commission has told Austria's OMV it should sell its stake by June 30.",
    "BRUSSELS — EU Commissioner Dan Jorgensen told reporters that Europe must cut its gas use by June 30.",
])
def test_what_must_not_read_as_an_order(nlp, text):
    assert not [c for c in commitments(nlp, text, published="2025-03-07") if c["kind"] in ("ultimatum", "deadline")]


# ---- the time given where the parse hangs it inside the ordered act (found22b) ------------------------------

@pytest.mark.parametrize("text, holder, due", [
    # the ordered act ends in a relative clause; the give clause is hung on its last verb
    ("ROME — Italy's antitrust authority AGCM on Tuesday ordered Ryanair to stop charging fees that travel agents "
     "say are hidden from customers, giving the airline 30 days to comply.", "agcm", "2025-04-03"),
])
def test_an_order_whose_time_given_the_parse_hung_inside_the_act(nlp, text, holder, due):
    c = _one(commitments(nlp, text, published="2025-03-04"), holder)
    assert c["counterparty"] == "ryanair" and c["due"] == due
    assert c["content"].startswith("stop charging fees") and "comply" not in c["content"]


def test_a_give_clause_inside_the_act_that_gives_another_party_time_must_not_date_the_order(nlp):
    text = ("ROME — An Italian court on Monday ordered Ryanair to compensate passengers who were stranded in Bergamo, "
            "and gave the workers 30 days to apply for aid.")
    assert not [c for c in commitments(nlp, text) if c["counterparty"] == "ryanair" and c["due"]]


def test_an_order_to_a_party_named_after_what_it_is(nlp):
    """"the ride-hailing platform Uber": the name set right after the common noun is who is ordered."""
    c = _one(commitments(nlp, "ANKARA — Turkey's competition board on Thursday ordered the ride-hailing platform Uber "
                              "to publish its fares within 30 days.", published="2025-03-06"), "turkey")
    assert c["counterparty"] == "uber" and c["due"] == "2025-04-05"


def test_an_order_to_a_party_described_but_not_named_sets_no_deadline(nlp):
    text = "ANKARA — Turkey's competition board on Thursday ordered the ride-hailing platform to publish its fares within 30 days."
    assert not [c for c in commitments(nlp, text) if c["kind"] in ("ultimatum", "deadline")]


def test_a_possessor_of_two_words_is_read_whole(nlp):
    # "South Korea's antitrust regulator" is read as "Italy's competition authority" is: the possessor's whole name
    found = commitments(nlp, "SEOUL — South Korea's antitrust regulator on Tuesday gave Meta 60 days to change its "
                             "advertising contracts.", published="2027-03-02")
    c = _one(found, "meta", key="counterparty")
    assert c["kind"] == "ultimatum" and c["holder"] == "south-korea" and c["due"] == "2027-05-01"


def test_an_order_to_a_class_named_by_a_common_noun_is_a_deadline(nlp):
    c = _one(commitments(nlp, "BRASILIA — Brazil's civil aviation agency Anac on Tuesday ordered airlines to replace "
                              "the oxygen masks on 120 older jets within 30 days.", published="2027-03-02"), "anac")
    assert c["kind"] in ("ultimatum", "deadline") and c["counterparty"] is None
    assert c["due"] == "2027-04-01" and c["content"].startswith("replace the oxygen masks")


def test_time_given_to_a_party_described_in_an_apposition(nlp):
    # "gave Lundin Gold (LUG), the operator of ..., 90 days to": the parse hangs the days on the description
    c = _one(commitments(nlp, "QUITO — Ecuador's mining ministry gave Lundin Gold (LUG), the operator of the Fruta "
                              "del Norte mine, 90 days to submit a new water plan.", published="2027-03-03"),
             "lundin-gold", key="counterparty")
    assert c["kind"] == "ultimatum" and c["due"] == "2027-06-01" and c["content"] == "submit a new water plan"


def test_a_regulator_described_is_the_regulating_body_the_story_names(nlp):
    # news introduces a regulator by what it does and names it later in the story (actors/references.py)
    text = ("LAGOS — Nigeria's aviation regulator gave Arik Air 14 days to pay its debts to airports. The Nigerian "
            "Civil Aviation Authority said the carrier owed 4 billion naira.")
    c = _one(commitments(nlp, text, published="2027-03-03"), "arik-air", key="counterparty")
    assert c["holder"] == "nigerian-civil-aviation-authority" and c["due"] == "2027-03-17"
    # two regulating bodies named: the description names neither, and stays its country's
    text = text.replace("4 billion naira.", "4 billion naira, and the Nigerian Communications Commission said it "
                                            "would audit the carrier's phone bills.")
    c = _one(commitments(nlp, text, published="2027-03-03"), "arik-air", key="counterparty")
    assert c["holder"] == "nigeria"


def test_an_order_with_the_time_given_as_a_bare_noun_phrase(nlp):
    # "gave the water utility 60 days to do it": the parse hangs "60 days" as a bare noun phrase (npadvmod)
    c = _one(commitments(nlp, "KINGSTON — Jamaica's Office of Utilities Regulation on Tuesday ordered the National "
                              "Water Commission to repair 300 leaking mains in St. Catherine, and gave the water "
                              "utility 60 days to do it.", published="2027-03-02"), "office-of-utilities-regulation")
    assert c["counterparty"] == "national-water-commission" and c["due"] == "2027-05-01"
    assert c["content"] == "repair 300 leaking mains in St. Catherine"


def test_a_mayor_told_with_the_city_and_no_name_acts_for_the_city(nlp):
    c = _one(commitments(nlp, "GOTHENBURG — Gothenburg's mayor on Monday gave IFK Goteborg 14 days to ban flares "
                              "from its stadium.", published="2027-03-03"), "city-of-gothenburg")
    assert c["kind"] == "ultimatum" and c["due"] == "2027-03-17"


def test_a_bodys_word_to_its_own_members_sets_no_deadline(nlp):
    text = ("CHINGOLA — Miners at Mopani Copper Mines received their overdue wages on Friday, the National Union of "
            "Miners and Allied Workers said on Monday, and the union told its members to report for their shifts as "
            "normal in November.")
    assert not [c for c in commitments(nlp, text, published="2027-10-25") if c["kind"] in ("ultimatum", "deadline")]


# A deadline told as what a named party must do by a time, in the words of the one who sets it
# (triggers.from_said_must). Sentences written for these tests.
@pytest.mark.parametrize("text, holder, counterparty, due, content", [
    ("Hamas must release the remaining hostages by Saturday, Israel said on Tuesday.",
     "israel", "hamas", "2025-03-08", "release the remaining hostages"),
    ("Turkey said on Tuesday that Sweden must extradite the two men by March 31.",
     "turkey", "sweden", "2025-03-31", "extradite the two men"),
    # an aside after the act, and a clause of its own joined to it, are no part of the act
    # a name no list holds, laid the "must" on, is a body that can be bound (actors/acting.py)
    ("Ofwat said on Tuesday that Anglian Water must cut leaks by a fifth by March 31.", "ofwat", "anglian-water",
     "2025-03-31", "cut leaks by a fifth"),
    ("Manila said on Tuesday that Beijing must remove the barrier at Scarborough Shoal by Friday, with the coast "
     "guard saying it was ready to act.", "philippines", "china", "2025-03-07", "remove the barrier at Scarborough Shoal"),
])
def test_a_named_party_that_must_act_by_a_time_is_under_the_speakers_deadline(nlp, text, holder, counterparty, due,
                                                                             content):
    c = _one(commitments(nlp, text, published="2025-03-04"), counterparty, key="counterparty")
    assert (c["kind"], c["holder"], c["due"], c["content"]) == ("ultimatum", holder, due, content)


@pytest.mark.parametrize("text", [
    "Hamas must release the remaining hostages, Israel's prime minister said on Tuesday.",      # no time: a demand
    "We must finish the bridge by June, Ghana's roads minister said on Tuesday.",              # the speaker's own duty
    "Israel's prime minister said on Tuesday that Hamas must not attack by Saturday.",         # denied
    "Israel's prime minister asked whether Hamas must release the hostages by Saturday.",      # asked
    "Germany must send more tanks to Ukraine by June.",                                         # nobody says it
])
def test_must_not_a_demand_with_no_time_the_speakers_own_duty_or_no_speaker(nlp, text):
    assert not [c for c in commitments(nlp, text, published="2025-03-04") if c["kind"] in ("ultimatum", "deadline")]


def test_the_same_deadline_told_again_in_a_quote_is_one_commitment(nlp):
    found = commitments(nlp, "BRUSSELS — The European Commission gave Meta Platforms until June 30 to change its "
                             "advertising model, Commission spokesman Thomas Regnier said on Tuesday. \"Meta must "
                             "offer users a real choice, and it must do so by the end of June,\" Regnier said.",
                        published="2025-03-04")
    assert [(c["holder"], c["due"]) for c in found if c["kind"] == "ultimatum"] == [("european-commission", "2025-06-30")]


def test_a_deadline_at_an_hour_of_a_named_day_is_due_that_day(nlp):
    # the parse hangs "on Oct. 19" on the verb, apart from "by 6 a.m.": the hour is on that day
    c = _one(commitments(nlp, "EDMONTON — Elections Canada will publish results from every riding by 6 a.m. on "
                              "Oct. 19, its chief electoral officer said on Wednesday.", published="2025-06-16"),
             "pledge", key="kind")
    assert c["due"] == "2025-10-19"
