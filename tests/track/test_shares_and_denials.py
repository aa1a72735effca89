"""Met by an arrival told of a share that completes what was promised, or of the promised thing in a word of its
family; a denial only of the commitment (issue 21, track/acts.py `arrived`, track/refer.py `_stance`).

- a capitalised word a count counts is the noun of its phrase ("the last of the 150 Syrians");
- an auxiliary is no noun of the phrase ("the boats Lisbon had promised");
- an ordinal share is the whole only when it is the count promised ("the third of" three boats);
- nouns made of one verb by derivational endings are one thing ("generators" ~ "power generation units");
- another side saying it has "no such plans" denies its own doings, not the holder's commitment.
Our own sentences (hypothetical events about real public actors)."""
from __future__ import annotations

import pytest

from newsledger.track.acts import arrived, promised_things
from newsledger.track.sentences import split_sentences

from .test_followups import _articles, _ingest, _tracked, record

SYRIANS = "fly 150 Syrians who worked for the embassy out of Jordan"
BOATS = "hand Oman three patrol boats for its coast guard"
GENERATORS = "deliver 30 power generation units to Moldova"
TANKS = "send 12 tanks to Latvia"


def _arrived(content: str, text: str) -> bool:
    return arrived(split_sentences(text)[0], promised_things(content, frozenset()))


@pytest.mark.parametrize("content,text", [
    (SYRIANS, "The last of the 150 Syrians who worked for the embassy landed in Hamburg on Friday, the ministry said."),
    (BOATS, "The third of the patrol boats Lisbon had promised Muscat arrived in Muscat on Tuesday, the navy said."),
    (GENERATORS, "The generators Oslo promised in May arrived in Chisinau on Monday, the energy ministry said."),
])
def test_the_promised_whole_arrived(content, text):
    assert _arrived(content, text)


@pytest.mark.parametrize("content,text", [
    # another count of people is other people
    (SYRIANS, "The last of the 40 Syrians who worked for the embassy landed in Hamburg on Friday, the ministry said."),
    # short of the count promised: a part
    (BOATS, "The second of the patrol boats Lisbon had promised Muscat arrived in Muscat on Tuesday, the navy said."),
    # a word and its plain base are not one family: tankers are no tanks
    (TANKS, "The tankers Berlin promised arrived in Riga on Monday, the ministry said."),
])
def test_must_not_another_thing_or_a_part(content, text):
    assert not _arrived(content, text)


THREAT = record(
    "steel-1", "2026-07-06",
    "The United States will impose tariffs on Brazilian steel if Brazil buys Russian fighter jets, "
    "Washington said on Monday.",
    commitments=[{"kind": "threat", "holder": "united-states", "counterparty": "brazil",
                  "content": "impose tariffs on Brazilian steel if Brazil buys Russian fighter jets"}])
RESTATED = record(
    "steel-2", "2026-07-09",
    "The United States will impose tariffs on Brazilian steel if Brazil buys Russian fighter jets, Washington "
    "repeated on Friday, after Brasilia said it had no such plans.")
HOLDER_DENIES = record(
    "steel-3", "2026-07-09",
    "Washington said on Friday it had made no such threat of tariffs on Brazilian steel over Russian fighter jets.")


@pytest.mark.parametrize("order", [1, -1])
def test_the_other_side_denying_its_own_plans_leaves_the_threat_open(make_store, order):
    store = make_store()
    _ingest(store, [THREAT, RESTATED][::order])
    c = _tracked(store, "steel-1")
    assert _articles(c) == ["steel-1", "steel-2"] and c["status"] == "open"


def test_must_not_the_holder_denying_the_threat_is_denied(make_store):
    store = make_store()
    _ingest(store, [THREAT, HOLDER_DENIES])
    c = _tracked(store, "steel-1")
    assert _articles(c) == ["steel-1", "steel-3"] and c["status"] == "denied"
