"""Material events by the CAMEO/PLOVER definitions, on sentences we wrote: one or more per category,
the false friends of their words, and sentences where no event must come out. Run through the full
pipeline (actors included), as extraction runs."""
from __future__ import annotations

import pytest

from newsledger.extraction import extract
from newsledger.lexicons.events import load_lexicon


def events_of(text: str) -> list[dict]:
    from newsledger.nlp.pipeline import cached_pipeline
    return [e.to_dict() for e in extract(text, published="2025-09-01", nlp=cached_pipeline()).events]


def codes(text: str) -> list[str]:
    return [e["code"] for e in events_of(text)]


def has(text: str, prefix: str, source: str | None = None, target: str | None = None) -> bool:
    return any(e["code"].startswith(prefix) and (source is None or e["source"] == source)
               and (target is None or e["target"] == target) for e in events_of(text))


def sides(text: str, root: str) -> list[tuple]:
    return [(e["source"], e["target"]) for e in events_of(text) if e["code"].startswith(root)]


# --- the lexicon's own rules ----------------------------------------------------------------------------
def test_new_rows_say_why():
    """Rows of the material categories carry the codebook's reason (the sixth column)."""
    lex = load_lexicon()
    for pattern, kind in (("strike", "verb"), ("open border", "verb_obj"), ("financial support", "noun_mod"),
                          ("back down", "phrasal"), ("apprehend", "verb"), ("154 @peacekeeping", "recode")):
        entries = [e for e in lex.entries if e.pattern == pattern and e.kind == kind]
        assert entries and all(e.why for e in entries), pattern


# --- AID 07 ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,code", [
    ("Norway gave financial support to Malawi.", "071"),
    ("Canada gave humanitarian assistance to Haiti.", "073"),
    ("The charity flew tons of medicine into Yemen.", "073"),
    ("Poland accepted 3,000 refugees from Ukraine.", "075"),
    ("Turkey opened its borders to refugees from Syria.", "075"),
    ("Fiji is sending troops to the peacekeeping force in Lebanon.", "074"),
    ("China sent a team of doctors to Italy.", "073"),
    ("Ghana deployed a contingent of peacekeepers to Mali.", "074"),
])
def test_aid_by_what_is_given(text, code):
    assert code in codes(text), (text, codes(text))


def test_a_team_or_contingent_sent_is_what_it_is_made_of():
    assert "154" in codes("Ghana deployed a contingent to Mali.")
    assert codes("The doctor sent a letter to the minister.") == []


def test_a_deployment_without_peacekeeping_stays_mobilization():
    assert any(c.startswith("15") for c in codes("Russia sent troops to the border with Georgia."))
    assert not any(c.startswith("074") for c in codes("Russia sent troops to the border with Georgia."))


def test_support_or_resources_provided_are_aid_and_support_voiced_is_not():
    assert has("The EU provides support to farmers in Kenya.", "070", source="european-union", target="kenya")
    assert has("The United Nations sent more resources to Colombia.", "070", target="colombia")
    assert any(c.startswith("033") for c in codes("Germany is willing to provide support to Jordan."))
    assert not any(c.startswith("07") for c in codes("The senator voiced his support for Jordan."))
    assert not any(c.startswith("07") for c in codes("The report describes support for the plan among voters."))


def test_a_decree_signed_is_no_agreement_and_its_act_is_the_signer_s():
    assert codes("Putin signed a decree on pensions.") == []
    assert has("Zelensky signed a decree granting citizenship to 14 foreigners.", "080", source="volodymyr-zelensky")
    assert "057" in codes("Libya and Bulgaria signed a treaty of friendship.")


# --- SUPPORT 057: an agreement concluded, not an intent ------------------------------------------------
@pytest.mark.parametrize("text", [
    "Chile and Peru reached an agreement on fishing rights.",
    "Britain and Norway have agreed a new trade agreement.",
    "Chile and Peru have agreed to a rollover trade deal.",
    "Chile and Peru agreed on a deal over fishing rights.",
    "Chile and Peru concluded a deal on fishing rights.",
])
def test_an_agreement_concluded_is_signed(text):
    events = events_of(text)
    assert events and all(e["code"] == "057" and not e["hypothetical"] for e in events), (text, events)
    assert has(text, "057", source="chile", target="peru") or has(text, "057", source="united-kingdom",
                                                                     target="norway"), events


def test_an_agreement_still_to_come_or_refused_is_no_signing():
    assert set(codes("Chile and Peru will reach an agreement on fishing rights.")) == {"037"}
    assert set(codes("Chile and Peru failed to reach an agreement on fishing rights.")) == {"127"}
    # an act agreed to stays an intent; a preposition naming whom something goes to is no object
    assert not any(c == "057" for c in codes("Chile and Peru agreed to hold joint exercises."))
    assert not any(c == "057" for c in codes("Chile contributed troops to the peace deal's monitoring force."))
    assert codes("The talks in Lima were about a possible deal.") == []


# --- ASSAULT 19x and the false friends of strike and fight -----------------------------------------------
def test_striking_a_target_is_force_and_striking_a_deal_is_not():
    assert has("Israeli jets struck a Hamas base in Gaza.", "19", source="israel")
    assert has("The air force carried out strikes against the rebels in Yemen.", "19")
    struck = codes("Brazil and Argentina struck a deal on beef exports.")
    assert struck and all(c == "057" for c in struck)
    assert not any(c[:2] in ("14", "18", "19") for c in codes("The governor struck a conciliatory tone."))


def test_hitting_a_target_is_force_and_hitting_a_record_or_out_at_is_not():
    assert has("Rebel artillery hit army positions near the airport in Aden.", "19")
    assert codes("Exports from Kenya hit a record in May.") == []
    assert codes("Kenya was hit hard by the drought.") == []
    assert not any(c[:2] in ("18", "19", "20") for c in codes("The minister hit out at the court in Kenya."))


def test_fighting_an_epidemic_or_a_fire_is_no_force():
    assert not any(c[:2] in ("18", "19", "20") for c in codes("Germany is fighting the Ebola epidemic in Guinea."))
    assert not any(c[:2] in ("18", "19", "20") for c in codes("Greece battled wildfires near Athens."))
    assert any(c.startswith("19") for c in codes("Iraq fought Iran for eight years."))


def test_a_natural_force_is_no_actor():
    assert not any(c[:2] in ("18", "19", "20") for c in codes("An earthquake struck Nepal on Saturday."))


def test_human_shields_are_assault_by_those_who_use_them():
    assert has("The militants used civilians in Syria as human shields.", "184")


def test_an_attack_in_words_is_criticism():
    found = codes("France launched a scathing attack on Italy over migration.")
    assert any(c.startswith("11") for c in found) and not any(c[:2] in ("18", "19") for c in found)


# --- PROTEST 14 and its false friends ---------------------------------------------------------------------
def test_demonstrating_something_is_not_a_protest():
    assert not any(c.startswith("14") for c in codes("The grant demonstrates Japan's commitment to Kenya."))


def test_workers_striking_for_pay_strike_not_attack():
    found = codes("Teachers in Kenya struck for higher pay.")
    assert not any(c[:2] in ("18", "19") for c in found)


# --- YIELD 08 and refusals --------------------------------------------------------------------------------
def test_a_decision_taken_is_the_act_decided_and_a_plan_an_intent():
    decided = events_of("Japan has decided to lift the economic sanctions on India.")
    assert decided and all(e["code"] == "085" and e["hypothetical"] for e in decided), decided
    assert all(c.startswith("03") for c in codes("Japan plans to lift the economic sanctions on India.")) and \
        codes("Japan plans to lift the economic sanctions on India.")
    assert codes("Japan has decided to stay at home.") == []


def test_backing_down_and_complying_yield():
    assert has("Japan backed down over the tariffs on South Korea.", "08")
    assert has("Iraq complied with the resolution of the United Nations.", "08")


def test_a_withheld_concession_or_agreement_is_a_refusal():
    assert has("India did not give permission for the rally.", "12")
    found = events_of("Chile and Peru failed to reach agreement on fishing.")
    assert found and all(e["code"].startswith("12") for e in found)
    assert sorted((e["source"], e["target"]) for e in found) == [("chile", "peru"), ("peru", "chile")]
    # an act without a refusal counterpart stays what it is, negated
    [e] = [e for e in events_of("Russia did not attack Ukraine.") if e["code"][:2] == "19"]
    assert e["negated"] is True


def test_granting_yields():
    assert has("The court in Lagos granted the union's request.", "08", source=None)
    assert "080" in codes("The European Union granted Britain a delay.")
    assert "075" in codes("Peru granted asylum to the officers.")     # a grant with a row of its own
    assert codes("The grant from the foundation paid for the school.") == []


def test_laying_down_arms_demobilizes():
    assert "0873" in codes("The rebels in Colombia laid down their weapons.")
    assert any(c.startswith("035") for c in codes("Colombia's rebels said they will lay down their arms."))
    assert codes("The law lays down strict rules for exports.") == []


# --- CONSULT 04 -------------------------------------------------------------------------------------------
def test_attending_or_taking_part_in_a_meeting_consults():
    assert has("Buhari attended the summit in London.", "04", source="muhammadu-buhari")
    assert has("Iran participated in the talks in Vienna.", "04", source="iran")
    assert has("Abiy Ahmed held bilateral discussions with Mohamed Farmajo.", "040", source="abiy-ahmed")
    assert codes("Obama attended the funeral in Paris.") == []
    assert codes("The discussion of the budget in Congress was long.") == []


# --- MOBILIZE 15, COERCE 17, COOPERATE 06 -----------------------------------------------------------------
def test_increasing_forces_mobilizes_and_reinforcing_a_commitment_does_not():
    assert has("Israel beefed up its troop presence on the border with Lebanon.", "154")
    assert not any(c.startswith("15") for c in codes("Germany reinforced its commitment to Jordan."))


def test_coercion_by_warrant_and_closed_press():
    assert has("A court in Kenya issued an arrest warrant for the former minister.", "17")
    assert has("Algeria suspended publication of two newspapers.", "1721")


def test_drills_and_intelligence_sharing_are_cooperation():
    assert has("India and France held naval exercises in the Indian Ocean.", "062")
    assert has("Kenya teamed up with Uganda against poachers.", "060")


def test_violence_by_protesters_is_violent_protest_and_against_them_is_not():
    assert has("Protesters burned the embassy of Denmark in Beirut.", "145")
    found = codes("Egyptian police opened fire to disperse demonstrators in Cairo.")
    assert found and not any(c.startswith("14") for c in found)


def test_unnamed_strikers_are_people_of_their_place():
    assert has("Thousands of workers in Brazil went on strike.", "143", source="brazil")


def test_a_vehicle_or_an_earthquake_that_strikes_is_no_attack():
    assert not any(c[:2] in ("18", "19", "20") for c in codes("A truck struck a guard rail near Lyon."))
    assert not any(c[:2] in ("18", "19", "20")
                   for c in codes("The earthquake that struck southern Turkey destroyed hundreds of houses."))


def test_a_meeting_not_held_is_no_refusal():
    assert not any(c.startswith("12") for c in codes("Trump had not met Putin before the summit."))


def test_people_named_by_a_plural_noun_that_act_are_a_side():
    # whoever does an act is a side, in the common groups list or not
    assert has("The Andean nations pledged support for Peru.", "05", source="andean-nations", target="peru")
    assert has("Federal investigators shared evidence with Kenya.", "06", source="federal-investigators")


def test_no_side_for_an_event_a_force_or_an_instrument_as_subject():
    # "sanctions", "floods", "rockets" do no act: the event keeps no source
    for text in ("Sanctions hit the Iranian economy.", "Rockets hit the town of Sderot.",
                 "Floods destroyed the bridge in Kenya."):
        assert all(e["source"] is None for e in events_of(text)), text


def test_an_economic_measure_hitting_something_is_no_use_of_force():
    # "sanctions hit the economy" tells the measure's effect; the jets that hit positions use force
    assert codes("Sanctions hit the Iranian economy.") == []
    assert codes("Inflation hit households across Kenya.") == []
    assert has("Israeli jets hit Hamas positions in Gaza on Saturday.", "19", source="israel")


def test_the_doers_own_possessive_names_no_target():
    # "their donations" are the donors': the recipient is whom they go to, not one donor to another
    found = sides("Chile and Peru provided their annual donations to Kenya.",
                  "07")
    assert sorted(found) == [("chile", "kenya"), ("peru", "kenya")]


def test_forces_offered_are_what_is_given_not_whom_it_is_for():
    # the intent to give military aid (CAMEO 0332) names whom the troops go to help, not the troops
    found = sides("Chile offered to send troops to help the Peruvian army.",
                  "033")
    assert found == [("chile", "peru")]
    found = sides("Chile offered to send troops.",
                  "033")
    assert found == [("chile", None)]


def test_aid_goes_where_its_purpose_lies():
    # no recipient named: the place of the aid's purpose is (CAMEO 07 names the recipient)
    found = sides("Chile gave 20 million dollars to promote private investment and economic development"
                  " in Peru.", "07")
    assert found == [("chile", "peru")]
    found = sides("Chile gave 20 million dollars to rebuild schools.",
                  "07")
    assert found == [("chile", None)]
