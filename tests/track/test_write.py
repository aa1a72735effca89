"""track.store_record, the one way into the ledger: stores then links; a record that carries
`errors` is refused whole, so a later run stores the article complete."""
from __future__ import annotations

import copy

import pytest

from newsledger.store import StoreError
from newsledger.track import IncompleteRecord, store_record


def _broken(record: dict) -> dict:
    bad = copy.deepcopy(record)
    bad["errors"] = ["newsledger_events failed: RuntimeError: boom"]
    return bad


def test_stores_then_links_once(make_store, followup_records):
    store = make_store()
    seen = []

    def link(s, record):
        seen.append(record["article"]["id"])
        return [{"id": "x", "old": "open", "new": "met"}]

    record = next(iter(followup_records.values()))
    done = store_record(store, record, link=link)
    assert done.added and done.article == record["article"]["id"] and done.changes == [
        {"id": "x", "old": "open", "new": "met"}]
    again = store_record(store, record, link=link)
    assert not again.added and again.changes == []
    assert seen == [record["article"]["id"]]          # an article already stored is not linked again


def test_record_with_errors_is_refused_and_stored_whole_later(make_store, followup_records):
    store = make_store()
    record = next(iter(followup_records.values()))
    with pytest.raises(IncompleteRecord) as exc:
        store_record(store, _broken(record))
    assert isinstance(exc.value, StoreError)
    assert record["article"]["id"] in str(exc.value) and "RuntimeError: boom" in str(exc.value)
    assert store.stats()["articles"] == 0
    assert store_record(store, record).added          # the fixed run stores it, complete
    stored = store.article(record["article"]["id"])
    assert len(stored["statements"]) == len(record["statements"])


def test_malformed_record_is_a_store_error(make_store):
    store = make_store()
    with pytest.raises(StoreError):
        store_record(store, {"schema": "newsledger/1"})
    with pytest.raises(StoreError):
        store_record(store, ["not", "a", "record"])


def test_default_linker_is_the_trackers(make_store, followup_records):
    from newsledger.track import link_article
    by_hand, through = make_store("a.db"), make_store("b.db")
    records = list(followup_records.values())
    want = []
    for r in records:
        assert by_hand.add(r)
        want += link_article(by_hand, r)
    got = [c for r in records for c in store_record(through, r).changes]
    assert got == want and any(got)


def test_dask_workers_count_a_refused_record_as_not_stored(make_store, followup_records):
    from newsledger.scale.dask_runner import store_one
    store = make_store()
    record = next(iter(followup_records.values()))
    assert store_one(store, _broken(record), None) is None
    assert store_one(store, record, None) is True
    assert store_one(store, record, None) is False
