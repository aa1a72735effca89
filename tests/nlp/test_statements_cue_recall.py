"""Cue constructions PolNeAR marks that no rule proposed (h-recall), on sentences we wrote, and the
sentences where the same words report nothing."""
from __future__ import annotations

import pytest

# The model and the default statements runner are test_statements' module fixtures, shared here.
from .test_statements import base, one, parse  # noqa: F401  (base and parse are fixtures)


@pytest.mark.parametrize("text, content, source", [
    ("The mayor held a nine-point lead over her rival in a new Gazette poll.",
     "The mayor held a nine-point lead over her rival", "a new Gazette poll"),
    ("The senator was trailing by six points in the same survey.",
     "The senator was trailing by six points", "the same survey"),
])
def test_one_poll_closing_the_predicate_speaks_for_the_clause(parse, text, content, source):
    st = one(parse(text), "in")
    assert st.content.text == content
    assert st.speaker_mention is not None and st.speaker_mention.text == source


@pytest.mark.parametrize("text", [
    "The mayor has a comfortable lead in the polls.",      # the writer's summary of standing
    "The senator slipped in several recent surveys.",
    "Voters in the poll favored the mayor.",               # the poll names whose voters, in the subject
])
def test_polls_in_general_or_outside_the_predicate_report_nothing(parse, text):
    assert not [s for s in parse(text) if s.cue.text.lower() == "in"]


@pytest.mark.parametrize("text, content, source", [
    ("In her view, the deal is dead.", "the deal is dead", "her"),
    ("The plan, in the words of one aide, is dead.", "The plan, in the words of one aide, is dead", "one aide"),
    ("The group, in the eyes of many voters, had betrayed them.",
     "The group, in the eyes of many voters, had betrayed them", "many voters"),
])
def test_in_a_holders_view_or_words_the_clause_is_theirs(parse, text, content, source):
    st = one([s for s in parse(text) if s.cue.text.lower().startswith("in ")], "")
    assert st.content.text == content
    assert st.speaker_mention is not None and st.speaker_mention.text == source


@pytest.mark.parametrize("text", [
    "In his view of the deal, the costs were too high.",    # what the view is of: no clause held
    "She chose her words carefully in the meeting.",
    "In his remarks, the mayor said the budget would pass.",   # the verb's statement, once
])
def test_view_and_words_without_a_holders_clause_add_nothing(parse, text):
    assert not [s for s in parse(text) if s.cue.text.lower().startswith("in ")]


@pytest.mark.parametrize("text, content, source", [
    ("Turnout was not the problem - Jane Roe and Ann Poe: “The model simply ended too early.”",
     "“The model simply ended too early.”", "Jane Roe and Ann Poe"),
    ('“We will win,” the mayor said. Senator Hale: "The numbers say otherwise."',
     '"The numbers say otherwise."', "Senator Hale"),
])
def test_a_name_a_colon_and_a_quotation_inside_a_paragraph(parse, text, content, source):
    found = [s for s in parse(text) if s.cue.text == ":"]
    assert len(found) == 1
    assert found[0].content.text == content and found[0].speaker_mention.text == source


@pytest.mark.parametrize("text", [
    'The museum is closing, a story by Times reporter Jane Roe: "The hall will shut in May."',  # a byline
    'He then listed the qualities: "A record of service and a plan."',     # no name before the colon
    'Update: "The hall will shut in May," the board said.',                  # an editorial label
])
def test_colon_before_a_quotation_without_a_name_is_no_cue(parse, text):
    assert not [s for s in parse(text) if s.cue.text == ":"]


@pytest.mark.parametrize("text, cue, content, source", [
    ("The mayor's argument is that the plan will fail.", "argument", "that the plan will fail", "The mayor's"),
    ("Her message was that the city must change course.", "message", "that the city must change course", "Her"),
])
def test_a_cue_noun_whose_predicate_is_a_that_clause(parse, text, cue, content, source):
    st = one(parse(text), cue)
    assert st.content.text == content
    assert st.speaker_mention is not None and st.speaker_mention.text == source


@pytest.mark.parametrize("text", [
    "The problem is that the bridge is old.",        # no cue noun: the writer's own statement
    "Her argument was long.",                          # no clause
])
def test_be_with_no_cue_noun_or_no_clause_adds_nothing(parse, text):
    assert parse(text) == []


_BODY = "\n\nThe council met for three hours on Tuesday night."


@pytest.mark.parametrize("title, speaker", [
    # a headline "X to Y: ..." or "X on Y: ...": the name before "to" or "on" speaks
    ("Mayor Tanaka To Residents Worried About Floods: The Levees Will Hold", "Mayor Tanaka"),
    ("Governor Reyes On The Budget Gap: We Will Not Raise Taxes", "Governor Reyes"),
])
def test_headline_lead_in_names_the_speaker_before_to_or_on(parse, title, speaker):
    st = one(parse(title + _BODY), ":")
    assert st.speaker_mention.text == speaker
    assert st.content.text.startswith(title.split(": ")[1])


def test_headline_of_a_planned_act_names_no_lead_in_speaker(parse):
    # "to" before a verb is an infinitive: the headline tells what someone will do, not what they say
    title = "Senator Mills to Visit Border: Officials Expect Protests"
    assert not [s for s in parse(title + _BODY)
                if s.speaker_mention is not None and s.speaker_mention.text.startswith("Senator Mills")]


def test_the_latest_label_is_no_lead_in_speaker(parse):
    # the AP's "The Latest:" labels a story updated through the day; the headline's own cue speaks
    found = parse("The Latest: Mayor Tanaka urges residents to leave the coast" + _BODY)
    assert not [s for s in found if s.speaker_mention is not None and "Latest" in s.speaker_mention.text]
    assert one(found, "urges").speaker_mention.text == "Mayor Tanaka"


def test_a_name_before_a_colon_still_leads_in(parse):
    st = one(parse("Tanaka: The levees will hold through the storm" + _BODY), ":")
    assert st.speaker_mention.text == "Tanaka"


@pytest.mark.parametrize("title, speaker", [
    # a title's name before its cue does not close with an adverb or particle ...
    ("Governor Reyes Finally Endorses Tanaka For Mayor", "Governor Reyes"),
    # ... and keeps the determiner that opens it
    ("This Farm Group Endorses The Water Plan", "This Farm Group"),
    ("Why Farmers Won’t Endorse The Water Plan", "Farmers"),
])
def test_headline_speaker_is_the_name_before_the_cue(parse, title, speaker):
    found = parse(title + _BODY)
    assert [s.speaker_mention.text for s in found
            if s.speaker_mention is not None and s.cue.span[0] < len(title)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a speech verb put before the name and a colon: the name alone speaks
    ("The council met on Tuesday.\n\nStated Tanaka: “The levees will hold through the storm.”", "Tanaka"),
    ("The council met on Tuesday.\n\nSaid Tanaka: “The levees will hold through the storm.”", "Tanaka"),
])
def test_speech_verb_before_a_name_and_colon_is_the_cue(parse, text, speaker):
    assert [s.speaker_mention.text for s in parse(text) if s.speaker_mention is not None] == [speaker]


@pytest.mark.parametrize("text, cue, source, content", [
    ("Analysts see a strong chance of a rate cut in June.", "see", "Analysts",
     "a strong chance of a rate cut in June"),
    ("Investors see the merger as a risk.", "see", "Investors", "the merger as a risk"),
])
def test_a_personal_verb_whose_subject_is_no_named_person_is_left_to_the_detector(
        parse, text, cue, source, content):
    st = one(parse(text), cue)
    assert st.speaker_mention is not None and st.speaker_mention.text == source
    assert st.content.text == content


@pytest.mark.parametrize("text", [
    "The army attacked the town at dawn.",      # an act: the detector turns it down as the rule did
    "Rebels attacked a convoy near the border.",
    "Tourists see the castle every summer.",    # a sight, not a view
])
def test_a_personal_verb_of_an_act_or_a_sight_is_still_no_cue(parse, text):
    assert not parse(text)
