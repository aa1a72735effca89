"""Cues that PolNeAR marks and the lexicon lacked, on sentences we wrote: verbs of viewing, persuading,
showing and coming to know, a speaker's second act after the cue, a tweet's object, a raising verb
with a like-phrase; and the sentences where the same words report nothing."""
from __future__ import annotations

import pytest

# The model and the default statements runner are test_statements' module fixtures, shared here.
from .test_statements import base, one, parse  # noqa: F401  (base and parse are fixtures)


@pytest.mark.parametrize("text, cue, speaker, content", [
    ("Most voters view the senator as honest.", "view", "Most voters", "the senator as honest"),
    ("Many economists regard the deal as a mistake.", "regard", "Many economists", "the deal as a mistake"),
    ("The audit demonstrated that the agency had lost the files.", "demonstrated", "The audit",
     "that the agency had lost the files"),
    ("The engineers noticed that the bridge was moving.", "noticed", "The engineers",
     "that the bridge was moving"),
    ("The governor informed the board that she would veto the bill.", "informed", "The governor",
     "that she would veto the bill"),
    ("As one economist observed, the market had already priced in the cut.", "observed", "one economist",
     "the market had already priced in the cut"),
    ("The senator tweeted a photo of the flooded street.", "tweeted", "The senator",
     "a photo of the flooded street"),
])
def test_cue_of_viewing_showing_and_knowing(parse, text, cue, speaker, content):
    st = one(parse(text), cue)
    assert st.speaker_mention is not None and st.speaker_mention.text == speaker
    assert st.content.text == content


@pytest.mark.parametrize("text", [
    "He viewed the painting in the museum.",       # a sight, not a view held
    "The team discovered a fossil in the cave.",   # a find, no that-clause
    "The students demonstrated outside the ministry.",
    "She noticed the car.",
])
def test_same_verbs_without_a_view_or_clause_report_nothing(parse, text):
    assert parse(text) == []


def test_raising_verb_with_a_like_phrase(parse):
    st = one(parse("The plan seems like a contradiction."), "seems")
    assert st.content.text == "The plan seems like a contradiction"
    assert st.speaker_mention is None and st.hedged


def test_second_act_after_the_cue_is_a_statement_of_its_own(parse):
    text = ("“We are ready,” the mayor said, adding that the city had stocked up on salt. "
            "“The plows are out.”")
    statements = parse(text)
    said, adding = one(statements, "said"), one(statements, "adding")
    # the quotation goes on from the first words, across the cue, as PolNeAR joins it
    assert said.content.text.startswith("“We are ready,”") and said.content.text.endswith("“The plows are out.”")
    assert adding.content.text == "that the city had stocked up on salt"
    assert adding.speaker_mention.text == "the mayor" and adding.reported_by is None


def test_without_a_second_act_the_quotation_is_one_statement(parse):
    statements = parse("“We are ready,” the mayor said. “The plows are out.”")
    assert len(statements) == 1
    assert statements[0].content.text == "“We are ready,” the mayor said. “The plows are out.”"


@pytest.mark.parametrize("text, cue, speaker, content", [
    ("The mayor made it clear to the council that she would veto the budget.", "made it clear", "The mayor",
     "that she would veto the budget"),
    ("Officials made clear Monday they have no plans to spend money.", "made clear", "Officials",
     "they have no plans to spend money"),
    ("The governor, making it clear that she would not run, left the stage.", "making it clear",
     "The governor", "that she would not run"),
])
def test_made_clear_states_what_follows(parse, text, cue, speaker, content):
    st = one(parse(text), cue)
    assert st.speaker_mention is not None and st.speaker_mention.text == speaker
    assert st.content.text == content


def test_made_clear_in_the_passive_names_no_speaker(parse):
    st = one(parse("The comparisons were made clear Sunday night."), "were made clear")
    assert st.content.text == "The comparisons" and st.speaker_mention is None


@pytest.mark.parametrize("text", [
    "The new window made the room clear and bright.",     # a state brought about, nothing stated
    "It is clear that the plan failed.",                   # the writer's own judgment
    "The answer is clear.",
])
def test_clear_without_make_and_a_clause_reports_nothing(parse, text):
    assert parse(text) == []


@pytest.mark.parametrize("text, speaker, content", [
    ("“How big is that wall?” asked the boy.", "the boy", "“How big is that wall?”"),
    ("The anchor then asked, “With nukes?”", "The anchor", "“With nukes?”"),
])
def test_a_question_asked_in_quotation_marks_is_its_askers(parse, text, speaker, content):
    st = one(parse(text), "asked")
    assert st.kind == "question" and st.speaker_mention.text == speaker and st.content.text == content


def test_ask_as_an_imperative_reports_nothing(parse):
    assert parse("Ask your doctor about the drug.") == []


def test_a_vow_set_off_inside_its_words(parse):
    # vow, urge, assure, repeat, demand ... introduce speech as "say" does (frame speech): the cue set off
    # by commas reports the whole sentence
    st = one(parse("A new plan, she vowed, would bring better schools."), "vowed")
    assert st.content.text == "A new plan, she vowed, would bring better schools"
    assert st.speaker_mention.text == "she"


def test_maintain_with_an_object_reports_nothing(parse):
    assert parse("The team maintained a narrow lead.") == []


@pytest.mark.parametrize("text, cue, content", [
    ("She joked about moving to New Zealand.", "joked about", "moving to New Zealand"),
    ("The director testified about the breach.", "testified about", "the breach"),
])
def test_an_utterance_verb_with_about_reports_its_object(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


def test_an_utterance_verb_alone_reports_nothing(parse):
    assert parse("He joked.") == []


@pytest.mark.parametrize("text", [
    "She felt blindsided by the demand.",             # a state, no view held
    "Supporters should feel free to vote their conscience.",
    "He felt less confident after the debate.",
])
def test_feel_without_a_clause_reports_no_view(parse, text):
    assert parse(text) == []


def test_feel_with_a_clause_is_a_view(parse):
    st = one(parse("Many voters feel that the race is rigged."), "feel")
    assert st.speaker_mention.text == "Many voters" and st.content.text == "that the race is rigged"


# ---- a saying turned round: criticism received (noun_cues.received, data/statements/receiving.tsv) ----

@pytest.mark.parametrize("text, speaker, content", [
    ("The proposal has drawn harsh criticism from fellow senators.", "fellow senators", "The proposal"),
    ("The mayor faced criticism from the unions over the budget cuts.", "the unions", "the budget cuts"),
    ("The clip has faced ridicule online since it was released.", None, "The clip"),
])
def test_criticism_received_is_the_critics_statement(parse, text, speaker, content):
    found = [s for s in parse(text) if s.kind == "criticism"]
    assert len(found) == 1, [(s.cue.text, s.content.text) for s in parse(text)]
    mention = found[0].speaker_mention.text if found[0].speaker_mention else None
    assert (mention, found[0].content.text) == (speaker, content)


@pytest.mark.parametrize("text", [
    "The museum drew large crowds from the suburbs.",           # nothing said
    "The soldiers came under fire from the hills.",             # fire is not on the list
    "The senator drew a map of the district.",
])
def test_receiving_without_criticism_is_no_statement(parse, text):
    assert not [s for s in parse(text) if s.kind == "criticism"]


# ---- a pro-form in the place of the words: "think so", "said as much" (verb_cues.pro_form) ----------

@pytest.mark.parametrize("text, cue, speaker, content", [
    ("The campaign manager said as much in an interview on Thursday.", "said", "The campaign manager", "as much"),
    ("Is the plan too harsh? The senator does not think so.", "think", "The senator", "so"),
    ("Last month, 26 percent said the same.", "said", "26 percent", "the same"),
])
def test_a_pro_form_stands_for_the_words(parse, text, cue, speaker, content):
    s = one(parse(text), cue)
    assert (s.speaker_mention.text, s.content.text) == (speaker, content)


def test_so_with_words_of_its_own_is_no_pro_form(parse):
    # "so much of the plan": a degree, not a stand-in for a clause
    found = parse("He thought so much of the plan that he paid for it.")
    assert not [s for s in found if s.content.text in ("so", "as much")]


def test_the_same_before_the_verb_is_its_subject(parse):
    assert not [s for s in parse("The same happened when the senator said nothing.") if s.content.text == "The same"]
