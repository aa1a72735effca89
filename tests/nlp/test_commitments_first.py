"""Commitments of the first article that were missed (issue 21): a passive whose agent acts, a body of
members acting through its members, a threat due by its condition's date; with sentences that must not
give one. Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.nlp.test_commitments import commitments


def _only(found, kind=None):
    kinds = {kind} if kind != "threat" else {"threat", "ultimatum"}
    hits = [c for c in found if kind is None or c["kind"] in kinds]
    assert len(hits) == 1, found
    return hits[0]


def test_a_passive_agent_holds_the_pledge(nlp):
    c = _only(commitments(nlp, "Emergency loans for Malawi's hospitals will be paid out by the World Bank "
                               "before the end of August, the lender said on Friday."), "pledge")
    assert c["holder"] == "world-bank" and c["due"] == "2025-08-31"
    assert "World Bank" not in c["content"] and "paid out" in c["content"]


def test_a_passive_agent_of_another_side_is_no_pledge_of_the_speaker(nlp):
    found = commitments(nlp, "The bridge will be rebuilt by Chinese engineers before the end of August, "
                             "the ministry said on Friday.")
    assert not [c for c in found if c["holder"] == "china"], found


def test_a_union_acts_through_its_members(nlp):
    c = _only(commitments(nlp, "EDINBURGH — Nurses in Scotland will strike for three days from June 2 unless "
                               "ministers improve their pay offer by May 20, the RCN said on Monday."), "threat")
    assert c["holder"] == "royal-college-of-nursing" and c["due"] == "2025-05-20"
    assert c["conditions"].startswith("unless")


def test_its_members_are_the_unions(nlp):
    c = _only(commitments(nlp, "Unite said on Monday that its members would stage a walkout at the Felixstowe "
                               "port from April 14 unless the owners raised their pay offer by April 10."),
              "threat")
    assert c["holder"] == "unite" and c["due"] == "2025-04-10"


@pytest.mark.parametrize("text", [
    "Patients will wait longer for operations this winter, the RCN said on Monday.",
    "Nurses will be busier this winter, the RCN said on Monday.",
    # one word with no condition on another side is too little to track
    "DETROIT — “We will deliver,” UAW President Shawn Fain said on Tuesday.",
    "DETROIT — “If we win the vote, we will celebrate,” UAW President Shawn Fain said on Tuesday.",
])
def test_what_a_union_foresees_is_no_commitment(nlp, text):
    assert commitments(nlp, text) == []


def test_a_conditional_threat_falls_due_by_its_condition(nlp):
    c = _only(commitments(nlp, "“If Canada does not drop its dairy tariffs by July 1, we will impose a 25 "
                               "percent tariff on Canadian cars,” President Donald Trump told reporters on Monday."),
              "threat")
    assert c["holder"] == "donald-trump" and c["counterparty"] == "canada" and c["due"] == "2025-07-01"


def test_a_warning_falls_due_by_its_condition(nlp):
    c = _only(commitments(nlp, "The European Commission warned Poland on Monday that it would cut its farm "
                               "subsidies if Warsaw did not scrap the tax by the end of May."), "threat")
    assert c["holder"] == "european-commission" and c["due"] == "2025-05-31"


@pytest.mark.parametrize("text", [
    "We will open the new terminal in June if the weather allows, the airport's owner Heathrow said.",
    "Asked about the bill, Senator John Thune said that he would say no.",
    "The prime minister said she would like to visit Kyiv in the spring.",
])
def test_no_commitment(nlp, text):
    assert commitments(nlp, text) == []


def test_walking_out_is_no_status(nlp):
    """"walk" is a status verb only as "walk back"; "will walk out" is an act announced."""
    found = commitments(nlp, "Pilots will walk out for two days from May 5 unless the airline restores their "
                             "pensions by May 1, the British Airline Pilots' Association said.")
    assert [c["kind"] for c in found] in (["threat"], ["ultimatum"]), found


def test_the_union_is_the_body_of_members_named_before(nlp):
    found = commitments(nlp, "Talks between the railway company and the Ghana Railway Workers Union ended on "
                             "Friday. The union said its members would strike from June 9 unless the company "
                             "raises their wages by June 2.")
    c = _only(found, "threat")
    assert c["holder"] == "ghana-railway-workers-union" and c["due"] == "2025-06-02"


def test_the_union_names_no_state_or_company(nlp):
    """No body of members named before: "the union" names no one (not the company, not Ghana)."""
    found = commitments(nlp, "Ghana Railway Company met drivers on Friday. The union said its members would "
                             "strike from June 9 unless the company raises their wages by June 2.")
    assert found == [], found


def test_a_citys_council_holds_its_ultimatum(nlp):
    c = _only(commitments(nlp, "LISBON — Lisbon's city council on Monday gave Uber until September 1 to register "
                               "all of its drivers with the transport office or lose its licence."),
              "ultimatum")
    assert c["holder"] == "city-of-lisbon" and c["counterparty"] == "uber" and c["due"] == "2025-09-01"


def test_a_countrys_councils_are_no_city_government(nlp):
    found = commitments(nlp, "Britain's town councils gave Uber until September 1 on Monday to register all "
                             "its drivers.")
    assert not [c for c in found if "council" in (c["holder"] or "")], found


def test_a_given_name_after_the_dateline_is_part_of_the_name(nlp):
    c = _only(commitments(nlp, "LONDON — Sadiq Khan, the mayor of London, promised on Monday to open 20 new "
                               "swimming pools by the end of 2027."), "promise")
    assert c["holder"] == "sadiq-khan" and c["due"] == "2027-12-31"


def test_the_federal_government_of_the_dateline(nlp):
    """No country named but the dateline's: "the federal government" is that country's."""
    c = _only(commitments(nlp, "ABUJA — The federal government promised on Tuesday to pay the arrears of "
                               "120,000 pensioners by the end of June."), "promise")
    assert c["holder"] == "nigeria" and c["due"] == "2025-06-30"


def test_the_government_of_another_named_country_is_not_the_datelines(nlp):
    found = commitments(nlp, "ABUJA — Ghana and Togo met on Monday. The federal government promised on "
                             "Tuesday to pay the arrears of 120,000 pensioners by the end of June.")
    assert not [c for c in found if c["holder"] == "nigeria"], found


def test_leave_to_act_told_by_the_body_that_gives_it(nlp):
    """"will be allowed to": a permission the announcing body gives (no time given: "allow" is also a verb
    of more time)."""
    c = _only(commitments(nlp, "Students will be allowed to resit the exams by the end of August, Oxford "
                               "University said on Friday."), "pledge")
    assert c["holder"] == "oxford-university" and c["due"] == "2025-08-31"


def test_leave_given_in_the_past_is_no_pledge(nlp):
    assert commitments(nlp, "Students were allowed to resit the exams last August, Oxford University said on "
                            "Friday.") == []


def test_a_body_by_its_initials_tells_its_members_act(nlp):
    c = _only(commitments(nlp, "LONDON — The BMA said doctors would strike unless the government made a new pay "
                               "offer by March 13."), "threat")
    assert c["holder"] == "british-medical-association" and c["due"] == "2025-03-13"
    assert c["content"] == "doctors strike"


def test_the_city_of_the_dateline(nlp):
    c = _only(commitments(nlp, "CHICAGO — The city gave ride-hailing firms until May 1 to install cameras in their "
                               "cars, Mayor Brandon Johnson said on Tuesday."), "ultimatum")
    assert c["holder"] == "city-of-chicago" and c["due"] == "2025-05-01"


def test_the_city_after_another_place_is_not_the_datelines(nlp):
    found = commitments(nlp, "CHICAGO — Officials in Milwaukee met on Monday. The city gave ride-hailing firms "
                             "until May 1 to install cameras in their cars.")
    assert not [c for c in found if c["holder"] == "city-of-chicago"], found


def test_the_name_beside_a_company_description_is_the_receiver(nlp):
    # the parse makes "company" the object and "Chevron" its apposition: the name is who is given the time
    c = _only(commitments(nlp, "Ecuador gave the oil company Chevron 60 days to pay the fine or lose its licence."),
              "ultimatum")
    assert c["holder"] == "ecuador" and c["counterparty"] == "chevron" and c["due"] == "2025-05-03"


def test_time_given_hung_on_the_infinitive(nlp):
    # "60 days on Monday to sign": the parse hangs the time given on the infinitive, not on "gave"
    c = _only(commitments(nlp, "Ecuador's government gave the mining company Chevron 60 days on Monday to sign "
                               "a settlement of its tax debt."), "ultimatum")
    assert c["counterparty"] == "chevron" and c["due"] == "2025-05-02"   # 60 days from that Monday, March 3
    assert c["content"].startswith("sign a settlement") and "days" not in c["content"]


@pytest.mark.parametrize("text", [
    "Peru gave the mining company Glencore a list of demands on Friday to clean up the spill.",   # no time given
    "Peru gave the company 60 days on Friday to clean up the spill.",                            # nobody named
])
def test_no_ultimatum_without_time_and_receiver(nlp, text):
    assert not [c for c in commitments(nlp, text) if c["kind"] == "ultimatum"]


def test_an_eu_commissioner_announces_for_the_eu(nlp):
    c = _only(commitments(nlp, "The European Union will pay Jordan 200 million euros in budget support by the end "
                               "of June, EU Commissioner Dubravka Suica said on Monday."), "pledge")
    assert c["holder"] == "european-union" and c["due"] == "2025-06-30"


def test_a_commissioner_of_another_body_does_not_announce_for_the_eu(nlp):
    found = commitments(nlp, "The European Union will pay Jordan 200 million euros in budget support by the end "
                             "of June, UN refugee commissioner Filippo Grandi said on Monday.")
    assert not [c for c in found if c["holder"] == "european-union"], found


def test_an_underwritten_loan_is_guaranteed_by_the_agent(nlp):
    c = _only(commitments(nlp, "A 2 billion zloty loan to the Gdansk shipyard will be underwritten by Poland's "
                               "development bank BGK until 2030, the finance ministry said on Tuesday."), "guarantee")
    assert c["holder"] == "bgk" and "loan to the Gdansk shipyard" in c["content"]


def test_underwriting_done_last_year_is_no_commitment(nlp):
    assert commitments(nlp, "Sace underwrote a loan to Fincantieri last year.") == []


def test_the_body_named_beside_a_countrys_description(nlp):
    c = _only(commitments(nlp, "Poland's development bank BGK pledged to lend 2 billion zlotys to farmers by June."),
              "pledge")
    assert c["holder"] == "bgk"


@pytest.mark.parametrize("text, holder", [
    ("Poland's development bank pledged to lend 2 billion zlotys to farmers by June.", "poland"),   # no name beside
    ("Russia's president Vladimir Putin pledged to send grain to Egypt by June.", "vladimir-putin"),  # a person
])
def test_no_body_beside_a_countrys_description(nlp, text, holder):
    assert _only(commitments(nlp, text), "pledge")["holder"] == holder



@pytest.mark.parametrize("receiver, bound", [
    ("parliament", True),           # untagged here, "Parliament" an actor further on: one name, one body
    ("the committee", False),       # must not: another noun is not the body named later
])
def test_a_state_body_named_by_its_common_noun(nlp, receiver, bound):
    found = commitments(nlp, f"NAIROBI — Kenya's High Court on Monday gave {receiver} until June 30 to amend the "
                             "election law. Parliament said it would study the ruling.")
    hits = [c for c in found if c["kind"] == "ultimatum" and c["counterparty"] == "parliament"]
    assert [c["due"] for c in hits] == (["2025-06-30"] if bound else []), found


def test_a_threat_of_one_word_under_a_condition(nlp):
    c = _only(commitments(nlp, "DETROIT — “If GM closes the Lordstown plant, we will strike,” UAW President Shawn "
                               "Fain said on Tuesday."), "threat")
    assert c["holder"] == "united-auto-workers" and c["counterparty"] == "general-motors"
    assert c["content"] == "strike" and c["conditions"].startswith("If GM closes")


def test_leave_given_in_the_passive_is_the_tellers_promise(nlp):
    c = _only(commitments(nlp, "ANKARA — Greek fishing boats will be allowed to shelter in the port of Bodrum "
                               "from June 1, Turkey's foreign ministry spokesman Oncu Keceli said on Tuesday."),
              "pledge")
    assert c["holder"] == "turkey" and c["counterparty"] == "greece" and c["due"] == "2025-06-01"


@pytest.mark.parametrize("text", [
    # leave told by the side given it; leave with no time to hold it to
    "ATHENS — Greek fishing boats will be allowed to shelter in Bodrum from June 1, Greece's shipping minister said.",
    "ANKARA — Greek fishing boats will be allowed to shelter in Bodrum, Turkey's foreign ministry spokesman said.",
])
def test_leave_that_is_no_promise_of_the_teller(nlp, text):
    assert not [c for c in commitments(nlp, text) if c["content"].startswith("Greek fishing boats")]


def test_a_that_clause_after_a_phrase_is_the_promise(nlp):
    c = _only(commitments(nlp, "VILNIUS — Lithuanian President Gitanas Nauseda said on Tuesday that German Chancellor "
                               "Friedrich Merz had promised him in a phone call that Germany would fund 5,000 "
                               "drones for Lithuania."), "promise")
    assert c["holder"] == "friedrich-merz"
    assert c["content"] == "Germany fund 5,000 drones for Lithuania"


def test_a_relative_clause_after_a_phrase_is_not_the_promise(nlp):
    found = commitments(nlp, "BERLIN — Merz promised voters at a rally that had drawn 5,000 people to cut taxes.")
    assert not [c for c in found if "drawn" in c["content"]], found
