"""Cues that report without a verb of saying, on sentences we wrote: a trailing "according to X" that
attributes a clause which itself reports a saying (the "according to" is the outer statement, PARC),
and "reportedly" (a report whose source goes unnamed); and the sentences where nothing changes."""
from __future__ import annotations

import pytest

# The model and the default statements runner are test_statements' module fixtures, shared here.
from .test_statements import base, one, parse  # noqa: F401  (base and parse are fixtures)


@pytest.mark.parametrize("text, inner_cue, outer_content, source", [
    # the parse hangs the phrase on the reported clause's verb, so the verb's words ran on through it
    ("The president told her that it was not that simple, according to an account she gave to a newspaper.",
     "told", "The president told her that it was not that simple", "an account she gave to a newspaper"),
    ("The company declined to renew the contract, according to an executive familiar with the talks.",
     "declined", "The company declined to renew the contract", "an executive familiar with the talks"),
])
def test_trailing_according_to_holds_the_saying_it_attributes(parse, text, inner_cue, outer_content, source):
    statements = parse(text)
    acc = one(statements, "according to")
    assert acc.reported_by is None
    assert acc.content.text == outer_content and acc.speaker_mention.text == source
    # the verb's words stop where the phrase begins: its statement, if kept, is reported by the source
    assert all("according to" not in s.content.text for s in statements if inner_cue in s.cue.text)
    assert [s.cue.text for s in statements if s.reported_by is None] == ["according to"]


def test_according_to_inside_a_that_clause_stays_in_the_saying(parse):
    # set off inside the reported clause, the phrase is part of what he said: his is the statement
    statements = parse("He said that, according to the FBI, the server was hacked.")
    said = one(statements, "said")
    assert said.reported_by is None and said.content.text == "that, according to the FBI, the server was hacked"


@pytest.mark.parametrize("text, cue, content", [
    ("The company is reportedly closing the plant in March.", "reportedly",
     "The company is reportedly closing the plant in March"),
    ("Reportedly, the senator met the lobbyists twice.", "Reportedly", "the senator met the lobbyists twice"),
    ("In total, the hackers have reportedly entered more than 100 accounts.", "reportedly",
     "the hackers have reportedly entered more than 100 accounts"),
])
def test_reportedly_reports_its_clause_with_no_one_named(parse, text, cue, content):
    s = one(parse(text), cue)
    assert s.speaker_mention is None and s.content.text == content and s.kind == "claim"


@pytest.mark.parametrize("text, cues", [
    ("The senator, who reportedly met the lobbyists, denied any wrongdoing.", ["denied"]),   # a description
    ("“The plant is reportedly closing,” the mayor said.", ["said"]),     # inside the mayor's words
    ("The plant is closing, the mayor said.", ["said"]),                   # no adverb, nothing new
    ("The president reportedly said that he would resign.", ["said"]),    # a hedge on his saying
])
def test_reportedly_describing_a_noun_or_quoted_is_no_statement_of_its_own(parse, text, cues):
    assert [s.cue.text for s in parse(text) if s.reported_by is None] == cues


@pytest.mark.parametrize("text, source", [
    # a quotation first, then its verb, then the source that reports the saying: PARC's source is it
    ("“We will not back down on this,” the mayor said, according to the local newspaper.",
     "the local newspaper"),
    ("“Is that what you want?” the senator asked, according to a transcript of the hearing.",
     "a transcript of the hearing"),
])
def test_according_to_after_a_quoted_saying_names_its_source(parse, text, source):
    statements = [s for s in parse(text) if s.reported_by is None]
    assert statements and all(s.speaker_mention.text == source for s in statements)


@pytest.mark.parametrize("text, cue, speaker", [
    # the words come after the verb, the phrase among them: his statement, his name
    ("The mayor told reporters that the plant would close, according to the police.", "told", "The mayor"),
    # no "according to": the verb's subject speaks
    ("“We will not back down on this,” the mayor said in an interview.", "said", "the mayor"),
])
def test_according_to_does_not_take_a_saying_it_does_not_follow(parse, text, cue, speaker):
    assert one(parse(text), cue).speaker_mention.text == speaker
