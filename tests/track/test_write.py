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


def _links_of(store, aid: str) -> int:
    from sqlalchemy import text
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT COUNT(*) FROM track_links WHERE article = :a"), {"a": aid}).scalar()


def test_a_failing_linker_leaves_the_article_stored_and_no_half_link(make_store, followup_records):
    """Linking runs in the transaction that stored the article, inside a savepoint: a linker that fails
    after writing some of its rows leaves none of them, and the article stays stored (as when linking
    had a transaction of its own); the error is raised."""
    from sqlalchemy import text

    from newsledger.track import link_article
    store = make_store()
    first, second = list(followup_records.values())[:2]
    assert store_record(store, first).added
    wrote = []

    def failing(conn, record):
        link_article(conn, record)
        wrote.append(conn.execute(text("SELECT COUNT(*) FROM track_links WHERE article = :a"),
                                  {"a": record["article"]["id"]}).scalar())
        raise RuntimeError("linker failed")

    with pytest.raises(RuntimeError, match="linker failed"):
        store_record(store, second, link=failing)
    aid = second["article"]["id"]
    assert wrote and wrote[0] > 0                       # it had written links before failing
    assert store.has(aid) and _links_of(store, aid) == 0
    assert _links_of(store, first["article"]["id"]) > 0


_CRASH = """
import json, os, sys
from newsledger.store import open_store
from newsledger.track import link_article, store_record
store = open_store(sys.argv[1])
record = json.loads(open(sys.argv[2], encoding="utf-8").read())

def crash(conn, rec):
    link_article(conn, rec)     # the links are written ...
    os._exit(3)                 # ... and the process dies before anything commits

store_record(store, record, link=crash)
"""


def test_a_crash_while_linking_leaves_neither_article_nor_links(tmp_path, followup_records):
    """A process that dies while linking an article commits nothing of it: not the article without its
    links (which no later run would link, since an article already stored is skipped), not half its
    links. The next run stores and links it."""
    import json
    import subprocess
    import sys

    from newsledger.store import open_store
    record = next(iter(followup_records.values()))
    aid = record["article"]["id"]
    db, src = tmp_path / "crash.db", tmp_path / "record.json"
    src.write_text(json.dumps(record), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _CRASH, str(db), str(src)], capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    store = open_store(str(db))
    try:
        assert not store.has(aid) and _links_of(store, aid) == 0
        again = store_record(store, record)
        assert again.added and _links_of(store, aid) > 0
    finally:
        store.close()
