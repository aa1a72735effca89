"""Round trip of arbitrary well-typed records: whatever SCHEMA.md-shaped record goes in comes out
of the store identical, key order included (property test over generated records)."""
from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.store import StoreError, codec

# PostgreSQL text cannot hold NUL; nothing else is excluded.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)
OPT_TEXT = st.none() | TEXT
INT = st.integers(min_value=0, max_value=2**31 - 1)
SPAN = st.lists(INT, min_size=2, max_size=2)
OPT_SPAN = st.none() | SPAN
BOOL = st.none() | st.booleans()
ACTOR_ID = st.sampled_from(["ada-vik", "bo-li", "norland", "valdoria", "Ünïcode-id"])
JSONISH = st.recursive(st.none() | st.booleans() | INT | TEXT,
                       lambda c: st.lists(c, max_size=3) | st.dictionaries(TEXT, c, max_size=3),
                       max_leaves=6)


def text_span(nullable: bool = True):
    obj = st.fixed_dictionaries({"text": OPT_TEXT, "span": OPT_SPAN})
    return (st.none() | obj) if nullable else obj


@st.composite
def shaped(draw, base):
    """`base` with, sometimes, an unknown field added or its keys in another order."""
    obj = draw(base)
    if draw(st.booleans()):
        obj[draw(st.sampled_from(["zz_new", "confidence", "note"]))] = draw(JSONISH)
    if draw(st.integers(0, 4)) == 0:
        keys = draw(st.permutations(list(obj)))
        obj = {k: obj[k] for k in keys}
    return obj


ACTOR = shaped(st.fixed_dictionaries({
    "id": ACTOR_ID, "name": OPT_TEXT, "type": OPT_TEXT, "country": OPT_TEXT,
    "roles": st.none() | st.lists(TEXT, max_size=2), "wikidata": OPT_TEXT,
    "mentions": st.none() | st.lists(SPAN, max_size=3)}))
STATEMENT = shaped(st.fixed_dictionaries({
    "speaker": st.none() | ACTOR_ID, "speaker_mention": text_span(), "cue": text_span(),
    "kind": OPT_TEXT, "negated": BOOL, "hedged": BOOL, "quote": OPT_TEXT, "content": text_span(),
    "about": st.none() | st.lists(ACTOR_ID, max_size=3), "time": OPT_TEXT, "span": OPT_SPAN}))
LOCATION = st.none() | shaped(st.fixed_dictionaries({"name": OPT_TEXT, "country": OPT_TEXT,
                                                      "span": OPT_SPAN}))
EVENT = shaped(st.fixed_dictionaries({
    "code": OPT_TEXT, "plover": OPT_TEXT, "label": OPT_TEXT, "source": st.none() | ACTOR_ID,
    "target": st.none() | ACTOR_ID, "trigger": text_span(), "location": LOCATION,
    "time": OPT_TEXT, "time_precision": OPT_TEXT, "fatalities": st.none() | INT,
    "injured": st.none() | INT, "negated": BOOL, "hypothetical": BOOL,
    "same_as": st.none() | INT, "span": OPT_SPAN}))
TIME = shaped(st.fixed_dictionaries({"text": OPT_TEXT, "span": OPT_SPAN, "type": OPT_TEXT,
                                     "value": OPT_TEXT | st.sampled_from(["2025-W36", "2025-08"]),
                                     "anchor": OPT_TEXT}))
COMMITMENT = shaped(st.fixed_dictionaries({
    "kind": OPT_TEXT, "holder": st.none() | ACTOR_ID, "counterparty": st.none() | ACTOR_ID,
    "content": OPT_TEXT, "conditions": OPT_TEXT,
    "due": OPT_TEXT | st.sampled_from(["2025-09-01", "2025-Q3"]), "status": OPT_TEXT,
    "overdue": BOOL, "evidence": st.none() | st.lists(SPAN, max_size=2)}))


@st.composite
def records(draw):
    rec = {
        "schema": draw(st.none() | st.just("newsledger/1")),
        "model": draw(st.none() | st.dictionaries(TEXT, TEXT, max_size=2)),
        "article": draw(shaped(st.fixed_dictionaries({
            "id": st.just(uuid.uuid4().hex), "title": OPT_TEXT, "source": OPT_TEXT,
            "url": OPT_TEXT, "published": OPT_TEXT | st.just("2025-09-01"),
            "language": OPT_TEXT, "text": TEXT}))),
        "actors": draw(st.none() | st.lists(ACTOR, max_size=3)),
        "statements": draw(st.none() | st.lists(STATEMENT, max_size=3)),
        "events": draw(st.none() | st.lists(EVENT, max_size=3)),
        "times": draw(st.none() | st.lists(TIME, max_size=2)),
        "commitments": draw(st.none() | st.lists(COMMITMENT, max_size=2)),
    }
    if draw(st.booleans()):
        rec["warnings"] = draw(st.lists(TEXT, max_size=2))
    return rec


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rec=records())
def test_any_record_round_trips(store, rec):
    rec["article"]["id"] = uuid.uuid4().hex  # one store serves every example
    assert store.add(rec) is True
    assert json.dumps(store.article(rec["article"]["id"])) == json.dumps(rec)


def test_ids_say_what_and_where():
    assert codec.record_id("putin-understandings", "statement", 3) == "putin-understandings:s3"
    assert codec.record_id("a", "commitment", 0) == "a:c0"
    rows = codec.encode({"article": {"id": "a", "text": "x"}, "events": [{"code": "190"}],
                         "times": [{"value": "2025-W36"}]})
    assert rows.events[0]["id"] == "a:e0" and rows.times[0]["id"] == "a:t0"
    assert rows.times[0]["date"] == "2025-09-01"


def test_referenced_actors_are_sorted_for_one_lock_order():
    rows = codec.encode({"article": {"id": "a", "text": "x"},
                         "actors": [{"id": "zed", "name": "Zed"}],
                         "statements": [{"speaker": "mid", "about": ["abe"]}]})
    assert [a["id"] for a in rows.actors] == ["abe", "mid", "zed"]
    assert [a["stub"] for a in rows.actors] == [True, True, False]
    assert [(a["actor"], a["norm"]) for a in rows.aliases] == sorted(
        (a["actor"], a["norm"]) for a in rows.aliases)


@pytest.mark.parametrize("bad", [[1, 2, 3], [1.5, 2], ["1", "2"], [True, 2], 7])
def test_bad_spans_name_the_field(bad):
    with pytest.raises(StoreError, match=r"times\[0\]\.span"):
        codec.encode({"article": {"id": "a", "text": "x"}, "times": [{"span": bad}]})
