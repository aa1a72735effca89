"""Who did it to whom (nlp/events/arguments.py) through the whole pipeline, on sentences we wrote.

Each test reads the events' sides as the words that name them (the actor's mentions) and as the
state they code as (the actor's country): the two ways events are scored.
"""
from __future__ import annotations

import pytest

from newsledger.extraction import extract


def sides(nlp, text: str) -> list[tuple[str, str, str, str]]:
    """(code, source words, target words, target country) of each event; words are the side's
    mentions joined by '|', '' for no side."""
    record = extract(text, published="2025-09-01", nlp=nlp).to_dict()
    actors = {a["id"]: a for a in record["actors"]}

    def words(actor_id):
        if actor_id is None:
            return ""
        return "|".join(text[s:e] for s, e in actors[actor_id]["mentions"])

    return [(e["code"], words(e["source"]), words(e["target"]),
             (actors.get(e["target"]) or {}).get("country") or "") for e in record["events"]]


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    return {(s, t) for _, s, t, _ in sides(nlp, text)}


def has_pair(nlp, text: str, source: str, target: str) -> bool:
    """Some event's source is named by words containing `source` and its target by `target`."""
    return any(source in s and target in t for s, t in pairs(nlp, text))


# --- frames: subject, passive agent, object, preposition, possessor ---------------------------------
def test_subject_and_object(nlp):
    assert has_pair(nlp, "Turkish troops attacked Kurdish positions in Iraq on Monday.", "Turkish", "")
    assert has_pair(nlp, "Egypt condemned Israel on Sunday.", "Egypt", "Israel")


def test_passive_agent_is_the_source(nlp):
    assert has_pair(nlp, "Omar Haddad was arrested by Jordanian police on Tuesday.", "Jordanian", "Omar Haddad")


def test_against_phrase_is_the_target(nlp):
    assert has_pair(nlp, "Ghana filed a complaint against Nigeria at the United Nations.", "Ghana", "Nigeria")


def test_possessor_of_an_event_noun_is_the_source(nlp):
    assert has_pair(nlp, "Russia's attack on Ukraine killed twelve people.", "Russia", "Ukraine")


def test_purpose_clause_is_addressed_to_the_object_of_the_verb(nlp):
    # "summoned the ambassador to complain": the complaint is made to the ambassador's state
    assert has_pair(nlp, "Sweden summoned the Chinese ambassador to complain.", "Sweden", "Chinese")


def test_the_subject_of_a_bare_clause_is_what_the_verb_acts_on(nlp):
    # "allow X access", "accept X fleeing": a small clause's subject is the verb's object
    assert has_pair(nlp, "Chile will not accept any Bolivian migrants fleeing the drought.", "Chile", "Bolivian")
    assert has_pair(nlp, "Peru has agreed to allow Red Cross workers expanded access to the prisons.",
                    "Peru", "Red Cross")


def test_forces_sent_are_not_the_side_they_are_sent_to(nlp):
    # CAMEO 07 names the recipient: the troops sent are what is given
    for text, place in (("Ghana on Monday announced the deployment of 150 troops to Mali on a peacekeeping "
                         "mission.", "Mali"),
                        ("The Spanish army sent 200 troops in Lebanon to serve as a peacekeeping force.", "Lebanon")):
        aid = [(s, t) for code, s, t, _ in sides(nlp, text) if code.startswith("07")]
        assert aid and all(s and t == place for s, t in aid)


def test_a_discussion_is_with_the_one_called_not_the_topic(nlp):
    # CAMEO 04: the counterpart of a consultation is whom one called or met; the topic is no side
    found = [(s, t) for code, s, t, _ in sides(nlp, "Chilean President Gabriel Boric called Peruvian President "
                                                     "Dina Boluarte to discuss trade with Bolivia.")
             if code.startswith("04")]
    assert found and all("Boluarte" in t for _, t in found)


# --- coordination ----------------------------------------------------------------------------------
def test_coordinated_sources_give_one_event_each(nlp):
    found = pairs(nlp, "Germany and France condemned Iran on Friday.")
    assert any("Germany" in s and "Iran" in t for s, t in found)
    assert any("France" in s and "Iran" in t for s, t in found)


def test_sides_agreeing_together_are_each_other_s_counterpart(nlp):
    # an agreement between the sides named together, even when it also names what it is about
    found = pairs(nlp, "Chile and Peru agreed to share data on Bolivia.")
    assert any("Chile" in s and "Peru" in t for s, t in found)
    assert any("Peru" in s and "Chile" in t for s, t in found)
    found = pairs(nlp, "Norway and Sweden held talks on fishing rights with Denmark.")
    assert any("Norway" in s and "Sweden" in t for s, t in found)


def test_coordinated_modifiers_name_one_side_each(nlp):
    # "Chilean and Peruvian forces": each adjective names a side, each the other's counterpart here
    for text in ("Chilean and Peruvian armed forces have agreed to undertake a joint naval exercise.",
                 "The navies of Chile and Peru performed joint drills in May."):
        found = pairs(nlp, text)
        assert any("Chil" in s and "Peru" in t for s, t in found)
        assert any("Peru" in s and "Chil" in t for s, t in found)


def test_coordinated_unnamed_targets_give_one_event_each(nlp):
    found = pairs(nlp, "Kenyan police arrested students and teachers in Nairobi.")
    assert any("students" in t for _, t in found) and any("teachers" in t for _, t in found)


# --- titles and demonyms ---------------------------------------------------------------------------
def test_a_demonym_title_gives_the_country(nlp):
    found = sides(nlp, "Peruvian Foreign Minister Luis Alvarado condemned Chile.")
    assert found and all("Chile" in t for _, _, t, _ in found)
    record = extract("Peruvian Foreign Minister Luis Alvarado condemned Chile.", published="2025-09-01",
                     nlp=nlp).to_dict()
    source = next(a for a in record["actors"] if a["id"] == record["events"][0]["source"])
    assert source["country"] == "PER"


def test_a_person_of_unknown_nationality_stays_the_side_and_codes_as_the_sentence_state(nlp):
    text = "Omar Haddad agreed to resign without returning to Jordan."
    record = extract(text, published="2025-09-01", nlp=nlp).to_dict()
    [e] = record["events"]
    source = next(a for a in record["actors"] if a["id"] == e["source"])
    assert "Omar Haddad" in {text[s:t] for s, t in source["mentions"]} and source["country"] == "JOR"


# --- unnamed sides ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, target", [
    ("Iraqi soldiers opened fire on protesters in Basra.", "protesters"),
    ("Nigerian troops killed ten villagers near Maiduguri.", "villagers"),
    ("Egyptian authorities detained two journalists in Cairo.", "journalists"),
])
def test_an_unnamed_group_is_a_side_of_its_own(nlp, text, target):
    found = sides(nlp, text)
    assert any(target in t for _, _, t, _ in found), found


def test_an_unnamed_group_codes_as_the_state_of_its_place(nlp):
    found = sides(nlp, "Police arrested dozens of demonstrators in Yerevan.")
    assert any("demonstrators" in t and country == "ARM" for _, _, t, country in found), found


def test_unnamed_armed_groups_are_not_the_state_they_fight_in(nlp):
    record = extract("Gunmen attacked a police station in Mosul.", published="2025-09-01", nlp=nlp).to_dict()
    countries = {a["id"]: a["country"] for a in record["actors"]}
    assert record["events"] and all(countries.get(e["source"]) is None for e in record["events"])


def test_the_source_s_own_forces_are_not_its_target(nlp):
    found = sides(nlp, "Israel has strengthened its forces in Lebanon.")
    assert found and not any("forces" in t for _, _, t, _ in found)


def test_a_place_of_unknown_country_is_the_target(nlp):
    found = sides(nlp, "Police imposed a curfew in Kajiado.")
    assert any(t == "Kajiado" for _, _, t, _ in found), found


def test_a_place_of_known_country_is_a_location_coded_as_its_state(nlp):
    record = extract("Israel suspended humanitarian aid to Basra.", published="2025-09-01", nlp=nlp).to_dict()
    [e] = record["events"]
    assert e["target"] == "iraq" and e["location"]["name"] == "Basra"
    iraq = next(a for a in record["actors"] if a["id"] == "iraq")
    assert "Basra" not in {record["article"]["text"][s:t] for s, t in iraq["mentions"]}


# --- no actor ---------------------------------------------------------------------------------------
def test_a_dateline_is_never_a_source(nlp):
    text = "NAIROBI, Kenya -- Gunmen killed two villagers near the border, police said."
    record = extract(text, published="2025-09-01", nlp=nlp).to_dict()
    words = {text[s:e] for a in record["actors"] for s, e in a["mentions"]}
    assert "NAIROBI" not in words and "Kenya" not in words
    assert record["events"] and all(e["source"] != "kenya" for e in record["events"])


def test_a_thing_is_no_side(nlp):
    # "the legislation" names no one: no actor is made for it
    record = extract("The commission criticized the legislation.", published="2025-09-01", nlp=nlp).to_dict()
    assert not any(a["name"].endswith("legislation") for a in record["actors"])


def test_a_passive_act_done_in_a_state_without_an_agent_is_that_state_s(nlp):
    assert has_pair(nlp, "The opposition leader Omar Haddad was arrested in Jordan on Monday.", "Jordan", "Omar Haddad")
    # an agent, when there is one, is the source
    assert has_pair(nlp, "Omar Haddad was arrested in Jordan by Syrian intelligence agents.", "Syrian", "Omar Haddad")


def test_an_x_led_act_is_done_by_x(nlp):
    assert any("Saudi" in s for s, _ in pairs(nlp, "A Saudi-led strike on a school bus killed 40 children."))


# --- an unnamed side is an actor only when an event keeps it ----------------------------------------
def test_unnamed_side_weighed_but_not_kept_leaves_no_actor(nlp):
    # "troops" is what is sent, not the side the pledge is to: no actor "troops" for the commitments
    # extractor to take as the counterparty.
    record = extract("President Emmanuel Macron's pledge to send troops to Ukraine angered Moscow.",
                     published="2025-09-01", nlp=nlp).to_dict()
    assert "troops" not in {a["id"] for a in record["actors"]}
    assert [(c["counterparty"], c["content"]) for c in record["commitments"]] == [("ukraine", "send troops")]


def test_unnamed_side_an_event_keeps_stays_an_actor(nlp):
    record = extract("Police arrested dozens of protesters in the capital on Sunday.",
                     published="2025-09-01", nlp=nlp).to_dict()
    actors = {a["id"] for a in record["actors"]}
    used = {e["source"] for e in record["events"]} | {e["target"] for e in record["events"]}
    assert "police" in actors and "police" in used
