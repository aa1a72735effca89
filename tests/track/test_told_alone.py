"""What the side an ultimatum is owed by may tell of it alone (track/told_alone.py). Our own sentences."""
from __future__ import annotations

import pytest

from newsledger.track.sentences import split_sentences
from newsledger.track.told_alone import other_side_may_tell


def _s(text: str):
    return split_sentences(text)[0]


@pytest.mark.parametrize("text", [
    "The miner has eight more weeks to drain the tailings ponds, the environment secretary said.",
    "The operator was granted another 30 days over the leaking pipeline.",
    "The company was given until June 30 to repair the dam.",
])
def test_time_given_to_the_other_side_is_an_extension_it_may_tell_alone(text):
    assert other_side_may_tell("extended", "ultimatum", _s(text))


@pytest.mark.parametrize("stance, kind, text", [
    ("extended", "ultimatum", "The miner delayed the opening of its new pit to 2028, it said."),   # its own delay
    ("extended", "ultimatum", "The miner postponed its shareholder meeting by a month."),
    ("extended", "pledge", "The supplier has eight more weeks to deliver the turbines."),          # a pledge's other side
    ("withdrawn", "ultimatum", "The miner dropped its appeal against the order."),
])
def test_must_not_its_own_delay_or_another_kind_or_status(stance, kind, text):
    assert not other_side_may_tell(stance, kind, _s(text))


def test_a_missed_deadline_it_may_tell_alone_as_before():
    assert other_side_may_tell("missed", "deadline", _s("The company did not hand in its plan by the deadline."))
