"""A commitment whose content denies an act (track/negative.py): the act done breaks it, the act left undone past
its date keeps it. Our own contents."""
from __future__ import annotations

import pytest

from newsledger.track.negative import negated, outcomes


@pytest.mark.parametrize("content", [
    "not to cut jobs at its Portuguese plants until the end of 2027",
    "not to raise fares on the commuter lines before September",
    "there be no compulsory layoffs at its Belgian sites",
    "never to sell the water utility to a private buyer",
])
def test_a_denied_act_swaps_what_the_act_tells(content):
    assert negated(content)
    assert outcomes(content) == ("missed", "met")


@pytest.mark.parametrize("content", [
    "cut 400 jobs at its Portuguese plants",
    "build the plant without state aid",              # the denial further on, not of the act
    "no later than June pay the arrears to farmers",  # a bound, no act denied
    "deliver not only the tanks but the spare parts",
    "keep all 1,500 jobs at its Turin plant",
])
def test_must_not_an_act_promised_done_keeps_its_outcomes(content):
    assert not negated(content)
    assert outcomes(content) == ("met", "missed")
