"""Statements reported inside another's words (nested.py): each nested form of the issue on sentences we
wrote, the `reported_by` link, and the sentences where nothing nests."""
from __future__ import annotations

import pytest
import spacy

from newsledger.nlp.statements.component import StatementsComponent

# The model and the default statements runner are test_statements' module fixtures, shared here.
from .test_statements import base, one, parse, runner  # noqa: F401  (base and parse are fixtures)


@pytest.fixture(scope="module")
def parse_flat(base):
    return runner(base, StatementsComponent(base, "newsledger_statements", nested=False))


def reporting(statements, inner_cue):
    """The statement with `inner_cue` and the one its `reported_by` points at."""
    inner = one(statements, inner_cue)
    assert inner.reported_by is not None, [(s.cue.text, s.content.text) for s in statements]
    return inner, statements[inner.reported_by]


@pytest.mark.parametrize("text, outer, inner", [
    # (speaker, cue, content) of the statement that reports, and of the one reported inside its words
    ("According to the Kremlin, Putin said on Monday that Russia would never accept the plan.",
     ("the Kremlin", "According to", "Putin said on Monday that Russia would never accept the plan"),
     ("Putin", "said", "that Russia would never accept the plan")),
    ("Putin said on Monday that Russia would never accept the plan, according to the Kremlin.",
     ("the Kremlin", "according to", "Putin said on Monday that Russia would never accept the plan"),
     ("Putin", "said", "that Russia would never accept the plan")),
    ("A senior official told Reuters that the minister had privately warned that the talks would collapse.",
     ("A senior official", "told", "that the minister had privately warned that the talks would collapse"),
     ("the minister", "had privately warned", "that the talks would collapse")),
    ("The agency reported that Zelensky accused Moscow of stalling.",
     ("The agency", "reported", "that Zelensky accused Moscow of stalling"),
     ("Zelensky", "accused", "Moscow of stalling")),
    ("Tass quoted Lavrov as saying the West was to blame.",
     ("Tass", "quoted", "Lavrov as saying the West was to blame"),
     ("Lavrov", "saying", "the West was to blame")),
    ("“We will not accept this,” the foreign minister said, according to state media.",
     ("state media", "according to", "“We will not accept this,” the foreign minister said"),
     ("the foreign minister", "said", "“We will not accept this,”")),
])
def test_a_statement_reported_inside_another_is_a_statement_of_its_own(parse, text, outer, inner):
    statements = parse(text)
    assert len(statements) == 2
    s, by = reporting(statements, inner[1])
    assert (by.speaker_mention.text, by.cue.text, by.content.text) == outer
    assert (s.speaker_mention.text, s.cue.text, s.content.text) == inner
    assert by.reported_by is None


def test_a_reported_statement_has_its_own_kind_and_speaker_id(parse):
    statements = parse("The agency reported that Zelensky accused Moscow of stalling.",
                       actors=[("volodymyr-zelensky", "Zelensky"), ("russia", "Moscow")])
    s, by = reporting(statements, "accused")
    assert (s.kind, s.speaker, by.speaker, by.kind) == ("accusation", "volodymyr-zelensky", None, "claim")
    assert s.to_dict()["reported_by"] == statements.index(by)
    assert by.to_dict()["reported_by"] is None


@pytest.mark.parametrize("text, cue", [
    ("He said that he would say no.", "said"),                      # a prediction, not a saying
    ("Clinton says she hopes to be elected president.", "says"),    # what she holds, not says
    ("She said she had warned them.", "said"),                      # one speaker
    ("The envoy said he urged Kyiv to respond to the offer.", "said"),  # "to respond": not said yet
    ("The mayor said the senator did not accuse anyone.", "said"),  # no accusation was made
])
def test_nothing_nests_where_nothing_else_was_said(parse, text, cue):
    statements = parse(text)
    assert [s.cue.text for s in statements if s.reported_by is None] == [one(statements, cue).cue.text]
    assert all(s.reported_by is None for s in statements), [(s.cue.text, s.content.text) for s in statements]


@pytest.mark.parametrize("text, cue", [
    ("The mayor said they should fix the roads rather than criticize the council.", "said"),
    ("The mayor said that if voters are angry, they should change the law rather than blame him.", "said"),
])
def test_a_bare_verb_inside_the_words_is_no_saying_reported(parse, text, cue):
    statements = parse(text)
    assert all(s.reported_by is None for s in statements), [(s.cue.text, s.content.text) for s in statements]


def test_reported_statements_by_default_and_off_when_asked(parse, parse_flat, monkeypatch):
    text = "According to the Kremlin, Putin said on Monday that Russia would never accept the plan."
    assert sorted(s.cue.text for s in parse(text)) == ["According to", "said"]     # the default
    assert [s.cue.text for s in parse_flat(text)] == ["According to"]
    monkeypatch.setenv("NEWSLEDGER_NESTED_STATEMENTS", "0")
    assert StatementsComponent(spacy.blank("en"), "newsledger_statements").nested is False
    monkeypatch.delenv("NEWSLEDGER_NESTED_STATEMENTS")
    assert StatementsComponent(spacy.blank("en"), "newsledger_statements").nested is True


@pytest.mark.parametrize("text, first, second", [
    # the parse hangs the second saying on the first one's words (advcl with "while", a second ccomp)
    ("Sixty percent of Democrats said the race was close, while 22 percent said they might change their minds.",
     ("Sixty percent of Democrats", "the race was close"), ("22 percent", "they might change their minds")),
    ("The governor argued that the tax would hurt farmers, while the mayor said it would pay for the roads.",
     ("The governor", "that the tax would hurt farmers"), ("the mayor", "it would pay for the roads")),
    ("Most voters said Clinton is honest, and three-quarters said the same of Sanders.",
     ("Most voters", "Clinton is honest"), ("three-quarters", "the same of Sanders")),
])
def test_a_second_speakers_saying_beside_the_first_is_not_inside_it(parse, text, first, second):
    statements = parse(text)
    assert all(s.reported_by is None for s in statements), [(s.cue.text, s.content.text) for s in statements]
    assert sorted((s.speaker_mention.text, s.content.text) for s in statements) == sorted([first, second])


@pytest.mark.parametrize("text, content", [
    ("The senator said the bill was dead and that he would vote against it.",      # "that": still his words
     "the bill was dead and that he would vote against it"),
    ("The envoy said the talks had failed, while he said the ceasefire would hold.",   # "he" may be the envoy
     "the talks had failed, while he said the ceasefire would hold"),
])
def test_a_saying_beside_by_the_same_speaker_stays_in_the_words(parse, text, content):
    statements = [s for s in parse(text) if s.reported_by is None]
    assert [s.content.text for s in statements] == [content]


@pytest.mark.parametrize("text, said, act", [
    # a participle set off after the words, its doer the speaker: the parse hangs it on the words' verb,
    # but it is the speaker's next act (nested.next_act): two statements, neither reported by the other
    ("The mayor said the council had been “reckless with the budget,” citing a report by the city auditor.",
     "the council had been “reckless with the budget,”", ("citing", "a report by the city auditor")),
    ("The union said the company had “broken every promise,” accusing managers of hiding the losses.",
     "the company had “broken every promise,”", ("accusing", "managers of hiding the losses")),
    ("The minister said the reform had “already saved lives,” arguing that critics had ignored the data.",
     "the reform had “already saved lives,”", ("arguing", "that critics had ignored the data")),
])
def test_a_speakers_next_act_after_the_words_is_a_statement_of_its_own(parse, text, said, act):
    statements = parse(text)
    assert all(s.reported_by is None for s in statements), [(s.cue.text, s.content.text) for s in statements]
    first, second = one(statements, "said"), one(statements, act[0])
    assert first.content.text == said
    assert (second.content.text, second.speaker_mention.text) == (act[1], first.speaker_mention.text)


@pytest.mark.parametrize("text, content", [
    # a participle with a subject of its own (an absolute clause) or no comma before it stays in the words
    ("The senator said the governor had called the plan “a disaster,” her aides saying nothing.",
     "the governor had called the plan “a disaster,” her aides saying nothing"),
    ("The senator said the vote had been “a disgrace for the state” without saying why.",
     "the vote had been “a disgrace for the state” without saying why"),
])
def test_a_participle_that_is_no_next_act_of_the_speaker_stays_in_the_words(parse, text, content):
    assert one(parse(text), "said").content.text == content


def test_a_second_verb_in_the_cues_tense_is_the_speakers_next_act(parse):
    # "questioned" is coordinated with "makes" by the parse, but its tense is that of "said": the
    # farmer's second act, not a word of what he said
    text = "The farmer said he makes $41,000 a year and questioned how he would be helped by the plan."
    statements = parse(text)
    said, asked = one(statements, "said"), one(statements, "questioned")
    assert said.content.text == "he makes $41,000 a year"
    assert (asked.content.text, asked.speaker_mention.text, asked.reported_by) == (
        "how he would be helped by the plan", "The farmer", None)


def test_a_second_verb_in_the_tense_of_the_words_stays_in_them(parse):
    # "lost" and "questioned" share a tense: which verb "questioned" goes with is not told, left as words
    text = "The farmer said he lost the farm and questioned how he would be helped by the plan."
    content = "he lost the farm and questioned how he would be helped by the plan"
    assert one(parse(text), "said").content.text == content


def test_a_learned_verb_gives_way_to_the_cue_of_its_complement(parse):
    # "started" (only the learned detector takes it) tells when; "talking about" is the act, its object
    # the words, its doer the subject of "started" (nested.complement_cue)
    s = one(parse("The mayor started talking about the new stadium."), "talking about")
    assert (s.speaker_mention.text, s.content.text) == ("The mayor", "the new stadium")


def test_a_lexicon_verb_keeps_its_complement_as_its_words(parse):
    s = one(parse("The company has refused to comment on the report."), "has refused to comment")
    assert s.content.text == "to comment on the report"
