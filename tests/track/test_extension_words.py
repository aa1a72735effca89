"""Extensions told in other words and follow-ups dated at the due date (issue 21, helper link22): sentences we
wrote, no parser."""
from __future__ import annotations

import pytest

from newsledger.track import cues
from newsledger.track.cues import status_cues
from newsledger.track.demands import demands_another_thing, same_act_demanded
from newsledger.track.dues import new_due
from newsledger.track.near_due import dated_at_due
from newsledger.track.refer import _kind_nouns
from newsledger.track.sentences import split_sentences


def _sentence(text, times=()):
    s = split_sentences(text)[0]
    for phrase, value in times:
        i = text.index(phrase)
        s.times.append({"text": phrase, "type": "DATE", "value": value, "span": [i, i + len(phrase)]})
    return s


@pytest.mark.parametrize("sentence", [
    "About 50,000 passengers will not get their refunds from the airline until June 15, the company said.",
    "The second payment won't reach Chisinau till July, the ministry said.",
    "Germany has put back the second grid payment to Moldova to July 1, the ministry said.",
    "The operator has put back the restart of its Rome-Munich night train to July 1.",     # a long object
    "The ministry set a new date of June 15 for the handover.",
    "The builder gave a new completion date for the bridge.",
    "The handover of the first jet has slipped to May 15, Airbus said.",
    "The government has rescheduled the opening of the line for Sept. 15.",
    "The pool will open a week later than planned, on July 12.",
])
def test_more_time_told_in_other_words(sentence):
    assert "extended" in status_cues(sentence)


@pytest.mark.parametrize("sentence", [
    "The airline will not refund the fees, the company said.",                 # no later day: not more time
    "Germany put the money back into its budget.",
    "The date of the vote has not been set.",
    "The talks moved forward to June 1.",                                  # earlier, not later
])
def test_no_more_time_without_its_words(sentence):
    assert "extended" not in status_cues(sentence)


def test_the_act_denied_until_a_later_day_gives_that_day():
    text = "About 50,000 passengers will not get their refunds until June 15, the airline said on Monday."
    s = _sentence(text, [("June 15", "2027-06-15"), ("Monday", "2027-04-26")])
    assert new_due([s], "2027-04-30", "2027-04-26") == "2027-06-15"


def test_a_later_month_named_alone_is_the_new_due():
    text = "Siemens now expects to complete the signalling work in May, the company said on Wednesday."
    s = _sentence(text, [("May", "2027-05"), ("Wednesday", "2027-03-24")])
    assert new_due([s], "2027-03-31", "2027-03-24") == "2027-05"
    # a month before the old due names no new one
    s = _sentence("Siemens said in February that the work was going well.", [("February", "2027-02")])
    assert new_due([s], "2027-03-31", "2027-03-24") is None


def test_dated_at_the_due_date():
    assert dated_at_due("2027-04-26", "2027-04-30")
    assert dated_at_due("2027-06-22", "2027-06-15")
    assert dated_at_due("2027-03-26", "2027-03")            # a month's due: its last day
    assert not dated_at_due("2027-03-25", "2027-04-30")     # the same actors' other news a month before
    assert not dated_at_due("2027-07-02", "2027-06-15")
    assert not dated_at_due("2027-04-26", None)


def test_a_participle_naming_a_thing_is_no_withdrawal():
    nouns = _kind_nouns("pledge")
    text = "The other 250,000 passengers on cancelled flights have already been paid back."
    assert cues.attributive(text, text.index("cancelled"), nouns)
    text = "Ryanair has cancelled its plan to fly to Belfast."
    assert not cues.attributive(text, text.index("cancelled"), nouns)
    text = "Work stopped on the scrapped plan."                       # a commitment's noun: the pledge given up
    assert not cues.attributive(text, text.index("scrapped"), nouns)


def test_time_given_to_do_the_same_act_in_other_words_is_the_same_demand():
    deadline = {"content": "submit a plan to rebuild its capital buffers by Feb. 24"}
    text = "Ofgem will allow Ovo Energy until the end of March to file its recapitalisation proposal."
    assert same_act_demanded(text, deadline)
    # another act: a second demand ("put electric buses on its routes" of a deadline to shut brick kilns)
    kilns = {"content": "shut all brick kilns around the capital by June 30"}
    text = "The court gave the Delhi government until August 31 to put electric buses on all its routes."
    assert not same_act_demanded(text, kilns) and demands_another_thing(text, kilns)


def test_a_report_at_the_due_date_must_tell_a_fate_or_the_act():
    from newsledger.track.acts import acts_of
    from newsledger.track.near_due import fate_told
    acts = acts_of("repay A$72 million in underpaid wages to casual staff")
    assert fate_told(_sentence("The last casual academics owed back pay have now received it, the union said."), acts)
    assert fate_told(_sentence("About 2,000 staff will not receive their wages until Sept. 30."), acts)
    acts = acts_of("release the detained Philippine fishermen")
    # the holder's side doing another thing on the day: no word of what became of the promise
    assert not fate_told(_sentence("The fishermen landed in Manila on Thursday after Tokyo hosted talks."), acts)


def test_a_day_set_anew_for_a_date_dated_back_by_the_parse_is_the_next_such_day():
    text = "The government has rescheduled the opening of the line for Sept. 15, the ministry said."
    s = _sentence(text, [("Sept. 15", "2026-09-15")])       # a past verb near it: the parse dates it a year back
    assert new_due([s], "2027-06-30", "2027-06-24") == "2027-09-15"
