"""Arms given to another side (CAMEO 072 provide military aid) by verbs of giving with a weapon system as
object, and the act asked for in time given ("gave Georgia two more weeks to repeal the law"), which is
not reported as done. Our own sentences, through the full pipeline."""
from __future__ import annotations

import pytest

from .test_events_material import events_of


@pytest.mark.parametrize("text,source", [
    ("The Netherlands delivered six F-16 fighter jets to Ukraine on Wednesday.", "netherlands"),
    ("Britain supplied 5,000 Martlet missiles to Ukraine.", "united-kingdom"),
    ("Germany delivered two Patriot air defence systems to Ukraine.", "germany"),
    ("Denmark donated 19 howitzers to Ukraine.", "denmark"),
])
def test_arms_given_are_military_aid(text, source):
    assert any(e["code"] == "072" and e["source"] == source and not e["hypothetical"] for e in events_of(text))


@pytest.mark.parametrize("text", [
    "Boeing delivered two 737 jets to Ryanair on Monday.",           # aircraft sold, no weapon system
    "Russia sent tanks to the border with Ukraine.",                  # one's own forces moved: not aid
    "The minister delivered a speech in Kyiv.",
])
def test_no_military_aid_without_arms_given(text):
    assert not any(e["code"] == "072" for e in events_of(text))


@pytest.mark.parametrize("text", [
    "The European Union gave Georgia two more weeks to repeal the foreign agents law.",
    "The European Union gave Georgia another month, until the end of April, to repeal the foreign agents law.",
    "The European Union pushed back its deadline for Georgia to repeal the foreign agents law to the end of April.",
])
def test_the_act_asked_for_in_time_given_is_not_done(text):
    acts = [e for e in events_of(text) if e["code"].startswith("08")]
    assert acts and all(e["hypothetical"] for e in acts)


def test_an_act_reported_done_stays_done():
    assert any(e["code"].startswith("08") and not e["hypothetical"]
               for e in events_of("Georgia repealed the foreign agents law on Monday."))


def test_an_act_managed_is_done():
    # "managed to" reports its infinitive done (an aspect row): not an act only aimed at
    assert any(e["code"].startswith("08") and not e["hypothetical"]
               for e in events_of("Georgia managed to repeal the foreign agents law on Monday."))
