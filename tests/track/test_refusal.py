"""The holder's side denying its promised act to come (track/refusal.py): withdrawn, whatever the act's verb.
Our own sentences."""
from __future__ import annotations

import pytest

from newsledger.track.acts import acts_of
from newsledger.track.refusal import refused
from newsledger.track.sentences import split_sentences

CONTENT = "build a battery plant near Valladolid by the end of 2028"


def _refused(text: str, content: str = CONTENT) -> bool:
    return bool(refused(split_sentences(text)[0], acts_of(content), content))


@pytest.mark.parametrize("text", [
    "Renault will not build the battery plant near Valladolid, its chief executive said on Friday.",
    "Renault won't build the Valladolid battery plant after all, the company said.",
    "Renault has decided not to build the battery plant near Valladolid.",
    "The carmaker no longer plans to build a battery plant in Spain, it said.",
])
def test_the_promised_act_denied_to_come_is_a_refusal(text):
    assert _refused(text)


@pytest.mark.parametrize("text", [
    "Renault will not build the battery plant until demand for electric cars recovers.",   # held for a time
    "Renault will not build the battery plant on time, it said, and now expects to finish it in 2029.",  # late
    "Renault could not build the battery plant if Spain cuts its subsidies, it said.",     # only possible
    "Renault will not sell the land near Valladolid, it said.",                            # another act
    "Renault will build the battery plant near Valladolid as planned.",                    # no denial
])
def test_must_not_a_bounded_late_possible_or_other_act_is_no_refusal(text):
    assert not _refused(text)


def test_must_not_a_content_that_is_itself_a_denial():
    # "will not cut jobs" restates a pledge not to cut them (negative.py), it gives nothing up
    assert not _refused("Renault will not cut jobs at its Spanish plants, it said again.",
                        "not to cut jobs at its Spanish plants until 2028")


# The opposite act told to come (data/commitments.yaml opposite_acts): the holder's side undoing its own
# commitment by the act that contradicts it. Our own sentences.
@pytest.mark.parametrize("content, text", [
    ("move 15 daily flights from Schiphol to Eindhoven from March 1",
     "KLM said on Tuesday it would keep all of its daily flights at Schiphol, even though the new fees took effect."),
    ("move 15 daily flights from Schiphol to Eindhoven from March 1",
     "\"Our flights stay where they are,\" KLM said, adding that it would stay at Schiphol."),
    ("leave the Turkish market for good if the ban is upheld",
     "The exchange also said it would keep operating in Turkey whatever the court decides."),
    ("leave the Turkish market for good if the ban is upheld", "\"The exchange is staying.\""),
    ("keep all 31 of its branch offices open until the end of 2029",
     "The bank said on Monday it will close nine of its branch offices by the summer."),
])
def test_the_opposite_act_to_come_is_a_refusal(content, text):
    assert _refused(text, content)


@pytest.mark.parametrize("content, text", [
    # a state, not staying put
    ("leave the Turkish market for good if the ban is upheld", "Prices will remain high, the exchange said."),
    ("leave the Turkish market for good if the ban is upheld", "The exchange will remain committed to its users."),
    # only if something else happens
    ("move 15 daily flights from Schiphol to Eindhoven from March 1",
     "KLM said it would keep its flights at Schiphol if the fee increase is dropped."),
    # for a time
    ("move 15 daily flights from Schiphol to Eindhoven from March 1",
     "KLM will keep its flights at Schiphol until the end of the winter season."),
    # closing some other thing than the one kept open
    ("keep all 31 of its branch offices open until the end of 2029", "The bank will close a data centre in Leeds."),
    # keeping open is the act promised, told again
    ("keep all 31 of its branch offices open until the end of 2029", "The bank will keep its branch offices open."),
])
def test_must_not_a_state_a_condition_a_time_or_another_thing_is_no_opposite(content, text):
    assert not _refused(text, content)
