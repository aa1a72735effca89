"""A cue set off by commas inside the clause it reports (clauses.parenthetical): the words are the host
clause with the cue inside, the speaker the aside's subject, before the cue or after it. On sentences we
wrote, and sentences where the aside is not one and nothing may change."""
from __future__ import annotations

import pytest

# The model and the default statements runner are test_statements' module fixtures, shared here.
from .test_statements import base, one, parse, spans_ok  # noqa: F401  (base and parse are fixtures)


@pytest.mark.parametrize("text, cue, speaker", [
    # the subject before the cue
    ("The plan, he said, will fail.", "said", "he"),
    # a verb of belief or finding, set off, reports its host just as "said" does
    ("The bridge repairs, they believe, will take another two years.", "believe", "they"),
    ("The harbor fund, the auditors concluded, never received the money.", "concluded", "the auditors"),
    # the name after the cue, which the parse makes the subject of the host's verb
    ("The new tariff, said the mayor and two aldermen, would hurt the bakeries on Main Street.",
     "said", "the mayor and two aldermen"),
    ("The trains, said the union, would run on Sunday.", "said", "the union"),
    ("Part of the trouble, say economists like Maria Lopez, is that wages have not kept up.",
     "say", "economists like Maria Lopez"),
    # a host that goes on past the aside with a clause of its own
    ("The ferry was late again, the captain said, because the fog had not lifted.", "said", "the captain"),
])
def test_set_off_cue_reports_its_host_clause(parse, text, cue, speaker):
    s = one(parse(text), cue)
    assert s.content.text == text.rstrip(".")
    assert s.speaker_mention.text == speaker
    spans_ok(text, [s])


def test_the_sentences_but_stays_out_of_the_words(parse):
    s = one(parse("But the council, she said, will vote on the budget next week."), "said")
    assert s.content.text == "the council, she said, will vote on the budget next week"
    assert s.speaker_mention.text == "she"


def test_set_off_inside_a_relative_clause_reports_that_clause(parse):
    s = one(parse("The orchard, which, the farmer said, was planted in 1950, will be sold."), "said")
    assert s.content.text == "which, the farmer said, was planted in 1950"
    assert s.speaker_mention.text == "the farmer"


@pytest.mark.parametrize("text, cue, content", [
    # the speaker's own act after the aside is not the host's
    ("The library was closed on Monday, the clerk said, adding that it would reopen soon.", "said",
     "The library was closed on Monday"),
    # nor is when it was said
    ("The council approved the budget, the clerk said Friday, as residents left the hall.", "said",
     "The council approved the budget"),
    # a cue with a clause of its own keeps it
    ("The minister said that, in his view, the talks had failed.", "said", "that, in his view, the talks had failed"),
])
def test_what_follows_an_aside_of_its_own_stays_out(parse, text, cue, content):
    assert one(parse(text), cue).content.text == content


@pytest.mark.parametrize("text", [
    # a list of clauses: the middle one is no aside and no statement
    "Labor costs would rise, wages would climb, and rents would fall.",
    # an act, set off or not, reports nothing
    "On Sunday, the team won the final, and the fans went home happy.",
])
def test_no_statement_without_a_set_off_cue(parse, text):
    assert parse(text) == []


def test_a_that_clause_after_the_aside_belongs_to_the_host(parse):
    # "It is no surprise ... that A": the that-clause is the host's (its extraposed subject), not the cue's
    text = "It is no surprise, Mr. Smith said, that the mayor won the county."
    s = one(parse(text), "said")
    assert s.content.text == text.rstrip(".")


def test_the_next_quoted_sentence_is_not_the_hosts(parse):
    # the parse runs the opening quotation mark of the next sentence into this one
    statements = parse("In any case, Mr. Smith said, the market was crowded. ''It was just waiting for a "
                       "shakeout,'' he added.")
    assert one(statements, "said").content.text == "In any case, Mr. Smith said, the market was crowded"
    assert one(statements, "added").content.text == "''It was just waiting for a shakeout,''"


def test_the_host_ends_where_a_report_of_its_own_begins(parse):
    statements = parse("The new rule, aides said, will stay in place, and critics say it is unfair.")
    assert one(statements, "said").content.text == "The new rule, aides said, will stay in place"
    s = one(statements, "say")
    assert s.content.text == "it is unfair" and s.speaker_mention.text == "critics"


@pytest.mark.parametrize("text, cue, content, speaker", [
    # a quantifier names people on its own
    ("The merger, many think, is only a matter of time.", "think", "The merger, many think, is only a matter of time",
     "many"),
    # the parse made the aside a relative clause of the pronoun it follows
    ("The senator is counting on the young voters, which, his advisers believe, would lead to more donations.",
     "believe", "which, his advisers believe, would lead to more donations", "his advisers"),
])
def test_set_off_speakers_the_parse_hides(parse, text, cue, content, speaker):
    s = one(parse(text), cue)
    assert (s.content.text, s.speaker_mention.text) == (content, speaker)


def test_a_relative_clause_describing_the_speaker_is_no_aside(parse):
    # "Mr. Jones, who said ..., left": the words are the relative clause's own, the rest is the writer's
    s = one(parse("Mr. Jones, who said the vote was rigged, left early."), "said")
    assert s.content.text == "the vote was rigged"


@pytest.mark.parametrize("text, content", [
    # a quotation whole before ", she said," is the words; the participle after it is the writer's
    ('"Too much noise," she said, blaming some of it on the new airport.', '"Too much noise,"'),
    ('"Such a waste," he said, pointing at the empty stadium.', '"Such a waste,"'),
])
def test_a_quotation_before_the_cue_ends_before_the_writers_aside(parse, text, content):
    assert one(parse(text), "said").content.text == content


@pytest.mark.parametrize("text", [
    # must not: the quoted clause goes on after the cue with its verb, or the quotation resumes
    '"Only the mayor," she said, would dare to close the bridge.',
    '"We will build it," he said, "and we will build it on time."',
])
def test_a_quotation_that_goes_on_after_the_cue_stays_whole(parse, text):
    s = one(parse(text), "said")
    assert s.content.text.startswith(text[:5]) and s.content.text.rstrip(".").endswith(text.rstrip(".")[-6:])
