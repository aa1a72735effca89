"""Verbal events from statements (nlp/events/from_statements.py, data/statement_events.tsv), on
sentences we wrote: each speech act codes as CAMEO defines it, with the speaker as source and the one
addressed or spoken about as target; statements that are no act code nothing.

These run the whole pipeline: the statements component decides who spoke and what kind of act it is.
"""
from __future__ import annotations

import pytest

from newsledger.extraction import extract
from newsledger.lexicons.cues import load_lexicon as load_cues
from newsledger.lexicons.events import load_cameo, load_statement_events


@pytest.fixture(scope="module")
def full():
    from newsledger.nlp.pipeline import cached_pipeline
    return cached_pipeline()


def events_of(nlp, text):
    return [e.to_dict() for e in extract(text, published="2025-09-01", nlp=nlp).events]


def codes(events, root):
    return [(e["source"], e["target"]) for e in events if e["code"].startswith(root)]


# --- the table ---------------------------------------------------------------------------------------
def test_every_row_has_a_reason_a_known_kind_and_a_known_code():
    table = load_statement_events()
    cameo = load_cameo()
    kinds = {cue.kind for cue in load_cues().verbs.values()} | {cue.kind for cue in load_cues().nouns.values()}
    for (kind, cue), row in table.rows.items():
        assert row.why, (kind, cue)
        assert kind in kinds or kind == "@document", kind
        assert row.code is None or row.code in cameo, (kind, cue, row.code)


def test_cues_with_their_complement_have_rows_of_their_own():
    table = load_statement_events()
    assert table.lookup("claim", ("find guilty", "find")).code == "116"
    assert table.lookup("claim", ("find",)).code is None            # "found that ..." is a claim
    order = table.lookup("demand", ("order to", "order"))
    assert order.code == "100" and order.needs_target
    assert table.lookup("demand", ("order",)).code is None           # the act ordered is the event
    assert table.lookup("demand", ("seek refuge", "seek")).code == "0233"
    assert table.lookup("demand", ("seek",)).code is None


# --- light verbs: the speech-act noun object names the act --------------------------------------------
def test_pledged_support_is_praise_not_an_intent(full):
    events = events_of(full, "Norway pledged its full support for Kenya.")
    assert codes(events, "051") == [("norway", "kenya")]
    assert not codes(events, "03")


def test_voiced_and_expressed_support_are_praise(full):
    assert codes(events_of(full, "Brazil voiced its support for Argentina."), "051") == [("brazil", "argentina")]
    assert codes(events_of(full, "Spain expressed strong support for Portugal."), "051") == [("spain", "portugal")]


def test_a_warning_issued_to_someone_threatens_them(full):
    events = events_of(full, "Sweden issued a stern warning to Belarus over the border incidents.")
    assert codes(events, "13") == [("sweden", "belarus")]


def test_offered_criticism_is_criticism(full):
    events = events_of(full, "Austria offered scathing criticism of the Hungarian government.")
    assert codes(events, "11") == [("austria", "hungary")]
    assert not codes(events, "03")


def test_support_named_as_aid_is_no_praise(full):
    # "humanitarian support" is aid promised, not an endorsement
    assert not codes(events_of(full, "Norway pledged humanitarian support for Kenya."), "051")


def test_a_compound_names_another_thing(full):
    # a travel warning advises travellers; it threatens no one
    assert not codes(events_of(full, "Canada issued a travel warning for Mali."), "13")


def test_citing_someone_elses_opposition_is_no_rejection(full):
    assert not codes(events_of(full, "Latvia cited strong opposition from Lithuania."), "12")


# --- cues read with their complement ----------------------------------------------------------------
def test_a_court_finding_someone_guilty(full):
    events = events_of(full, "A court in Kenya found the Ugandan ambassador guilty of fraud.")
    assert codes(events, "116") == [("kenya", "uganda")]


def test_ordering_someone_to_act_demands_it(full):
    events = events_of(full, "Egypt ordered Sudan's ambassador to appear before the foreign ministry.")
    assert codes(events, "10") == [("egypt", "sudan")]


def test_asking_someone_to_act_is_an_appeal_and_asking_whether_is_not(full):
    assert codes(events_of(full, "Norway asked Kenya to release the journalists."), "020") == [("norway", "kenya")]
    assert not codes(events_of(full, "Norway asked whether Kenya would release the journalists."), "02")


def test_refugees_seeking_refuge_appeal_to_the_host(full):
    events = events_of(full, "Thousands of Sudanese refugees have sought refuge in Chad.")
    assert codes(events, "023") == [("sudan", "chad")]


def test_charges_filed_or_brought_against_someone_accuse_them(full):
    events = events_of(full, "Police in Lagos filed new charges against Imran Khan on Tuesday.")
    assert any(e["code"] == "1121" and e["target"] == "imran-khan" for e in events), events
    assert any(e["code"] == "1121" for e in events_of(full, "The prosecutor brought charges against Imran Khan."))
    assert events_of(full, "The company filed its annual report on Tuesday.") == []


def test_criticism_undergone_is_by_whom_it_comes_from(full):
    events = events_of(full, "Iran's government faces criticism from the United Nations over its detentions.")
    assert any(e["code"].startswith("11") and e["source"] == "united-nations" and e["target"] == "iran"
               for e in events), events
    assert not any(e["code"].startswith("11") for e in events_of(full, "Iran's government faces a difficult winter."))


def test_reneging_or_backing_out_rejects_the_agreement(full):
    assert any(e["code"] == "127" and e["source"] == "iran"
               for e in events_of(full, "Iran reneged on the nuclear accord with France."))
    assert any(e["code"] == "127" for e in events_of(full, "Iran backed out of the deal with France."))
    assert not any(e["code"].startswith("12") for e in events_of(full, "The rebels backed the deal with France."))


def test_a_deadline_set_is_an_ultimatum_and_a_record_set_is_nothing(full):
    assert any(e["code"] == "139" and e["source"] == "donald-trump" and e["target"] == "iran"
               for e in events_of(full, "Trump set a deadline for Iran."))
    assert events_of(full, "Israel set a record for exports.") == []


# --- whom the act is addressed to ------------------------------------------------------------------
def test_summoning_an_envoy_to_complain_complains_to_their_state(full):
    events = events_of(full, "France summoned the Iranian ambassador to complain about the arrests.")
    assert codes(events, "11") == [("france", "iran")]


def test_a_document_s_act_is_its_issuer_s(full):
    events = events_of(full, "The Kenyan parliament passed a resolution condemning Uganda.")
    assert codes(events, "11") == [("kenya", "uganda")]
    # only a document its subject issued: rejecting a report is no accusing
    events = events_of(full, "Kenya rejected a report accusing Uganda of fraud.")
    assert not any(e["code"][:2] == "11" and e["source"] == "kenya" for e in events)


# --- no event ----------------------------------------------------------------------------------------
def test_denied_support_is_no_praise(full):
    assert not codes(events_of(full, "Poland did not voice support for Hungary."), "05")


def test_a_reported_opinion_is_no_accusation(full):
    events = events_of(full, "Finland said the new Swedish tariffs were unfortunate.")
    assert not codes(events, "11") and not codes(events, "12")


def test_said_it_would_is_one_intent_and_no_second_event(full):
    events = events_of(full, "Denmark said it would send aid to Ghana.")
    assert [e["code"][:2] for e in events] == ["03"]
    assert (events[0]["source"], events[0]["target"]) == ("denmark", "ghana")


# --- a stated refusal ---------------------------------------------------------------------------------
def test_saying_one_will_not_act_is_a_refusal(full):
    events = events_of(full, "Chile said it will not renew the fishing licences.")
    assert [e["source"] for e in events if e["code"][:2] == "12"] == ["chile"]
    events = events_of(full, "Peru declared that it would never return the paintings to Spain.")
    assert codes(events, "12") == [("peru", "spain")]


def test_no_refusal_without_the_speaker_acting(full):
    assert not codes(events_of(full, "Chile said the plan will not work."), "12")
    assert not codes(events_of(full, "Chile said it will not happen."), "12")
    assert not codes(events_of(full, "Chile said it will renew the fishing licences."), "12")


def test_a_call_on_a_day_is_no_appeal(full):
    # "called X on Saturday" is no "called on X"
    events = events_of(full, "Norway called Kenya's president on Saturday to discuss the drought.")
    assert not codes(events, "02")
    assert codes(events_of(full, "Norway called on Kenya to release the journalists."), "02") == [("norway", "kenya")]


def test_insisting_that_asserts_and_insisting_on_demands(full):
    # an assertion ("insisted that ...") is a public statement, CAMEO 010; "insisted on" demands
    assert not codes(events_of(full, "Norway insisted that its fishing fleet had done nothing wrong."), "10")
    assert codes(events_of(full, "Norway insisted on the return of its fishing boats by Russia."), "10")


def test_an_offer_to_send_troops_is_no_threat(full):
    # forces offered to another are military aid intended (CAMEO 0332), not a threat of force (138)
    events = events_of(full, "Chile offered to send troops to Peru.")
    assert codes(events, "03") and not codes(events, "13")
    assert codes(events_of(full, "Chile threatened to send troops to the border with Peru."), "13")


def test_coordinated_event_nouns_are_acts_of_their_own(full):
    # "its rejection and condemnation of X": each noun is an act, both by the one possessor
    events = events_of(full, "The Arab League expressed its firm rejection and strong condemnation of the "
                             "Chilean decision.")
    assert codes(events, "12") and codes(events, "11")
    assert {s for s, _ in codes(events, "11")} == {s for s, _ in codes(events, "12")} != {None}


# --- a speaker that names no actor, and whom a refusal waits on -------------------------------------
def test_a_speaker_named_by_a_common_noun_is_a_side(full):
    # whoever speaks is a side, in the common groups list ("farmers") or not ("the committee")
    events = events_of(full, "The farmers said they will not leave the square until Chile lifts the ban.")
    assert [e["source"] for e in events if e["code"][:2] == "12"] == ["farmers"]
    events = events_of(full, "The committee declared that it will not end the boycott until Peru pays.")
    assert [e["source"] for e in events if e["code"][:2] == "12"] == ["committee"]


def test_people_named_by_a_word_that_also_modifies_event_nouns_are_a_side(full):
    # "general" and "terrorist" modify event nouns ("a general strike", "a terrorist attack") but name
    # people as a phrase's head: the generals who speak are a side, as the soldiers are; an instrument
    # ("rockets") stays none
    events = events_of(full, "The generals said they will not leave the town until the rebels withdraw.")
    assert [e["source"] for e in events if e["code"][:2] == "12"] == ["generals"]
    from newsledger.nlp.events.sides import _not_agent
    assert not _not_agent("general") and not _not_agent("terrorist") and _not_agent("rocket")


@pytest.mark.parametrize("text, side", [
    ("The farmers said the road is closed.", True),         # a common noun: someone speaks
    ("The committee declared that the vote is over.", True),
    ("The report said the road is closed.", False),         # a speech-act noun: what was said
    ("Smith said the road is closed.", False),              # a name: the actor is the gazetteer's
    ("They said the road is closed.", False),               # a pronoun: resolved as a pronoun
])
def test_one_test_says_which_speaker_can_be_a_side(full, text, side):
    # the statements that make a verbal act and the side made for it read the speaker's head the
    # same way (sides.unnamed_speaker)
    from newsledger.nlp.events.sides import unnamed_speaker
    subj = next(t for t in full(text) if t.dep_ == "nsubj")
    assert unnamed_speaker(subj) is side


def test_no_side_for_a_speaker_that_acts_not(full):
    # a statement that is no act makes no side; a document is what was said, not who said it
    assert events_of(full, "The nurses said it will rain tomorrow.") == []
    events = events_of(full, "The report accused Chile of negligence.")
    assert [e["source"] for e in events] == [None]


def test_a_refusal_held_until_another_acts_is_addressed_to_that_side(full):
    events = events_of(full, "Chile said it will not sign the treaty until Peru withdraws its claim.")
    assert codes(events, "12") == [("chile", "peru")]
    events = events_of(full, "The farmers said they will not leave the square until Chile lifts the ban.")
    assert codes(events, "12") == [("farmers", "chile")]
    # a time, not a side, bounds it: no target
    events = events_of(full, "Chile said it will not sign the treaty until next year.")
    assert codes(events, "12") == [("chile", None)]


# --- a light speech act no statement records ---------------------------------------------------------
def test_a_light_speech_act_inside_another_statement_or_as_a_purpose_is_its_act(full):
    # "expressed support" inside "..., its embassy said", "to convey support" as a purpose: CAMEO 051
    events = events_of(full, "Kenya expressed support for Peru, its embassy said.")
    assert codes(events, "05") == [("kenya", "peru")]
    events = events_of(full, "Kenya called Peru to convey its support, the ministry said.")
    assert codes(events, "05") == [("kenya", "peru")]


def test_no_light_speech_act_denied_or_only_possible(full):
    for text in ("Kenya did not express support for Peru, its embassy said.",
                 "Kenya may express support for Peru.", "If asked, Kenya would express support for Peru."):
        events = events_of(full, text)
        assert not codes(events, "05") and not codes(events, "12"), text


def test_a_consultation_asked_for_by_a_call_is_with_the_one_called(full):
    # "called X to discuss Y": the consultation (CAMEO 04) is with X, Y is its topic
    events = events_of(full, "Norway called Kenya to discuss a number of Sudan-related topics.")
    assert codes(events, "04") == [("norway", "kenya")]
