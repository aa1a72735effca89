"""Several processes on one store: each article stored exactly once, no errors; a process that
dies mid-article leaves nothing of it behind."""
from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select

from newsledger.store import open_store
from newsledger.store import schema as t

from .records import full_record, small_record

INGEST = textwrap.dedent("""
    import json, os, sys, time
    from newsledger.store import open_store
    url, path, order, go = sys.argv[1:5]
    records = json.load(open(path))
    if order == "reverse":
        records.reverse()
    while not os.path.exists(go):  # start together, to collide as much as possible
        time.sleep(0.002)
    with open_store(url) as store:  # a new store: both processes also race to migrate it
        print(json.dumps(store.add_many(records)._asdict()))
""")

CRASH = textwrap.dedent("""
    import json, os, sys
    from sqlalchemy.engine import Connection
    from newsledger.store import open_store
    url, path, after = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(url)
    real, calls = Connection.execute, []
    def dying(self, *a, **k):  # the process dies after `after` statements of the article
        calls.append(1)
        if len(calls) > after:
            os._exit(17)
        return real(self, *a, **k)
    Connection.execute = dying
    store.add(json.load(open(path)))
""")


def _records(n: int = 24) -> list[dict]:
    pool = ["ada-vik", "bo-li", "cy-ma", "dee-ro", "eli-su", "fay-ng"]
    combos = list(itertools.combinations(pool, 3))
    return [small_record(f"harbour-{i:02d}", list(combos[i % len(combos)])) for i in range(n)]


def _run(script: str, *args: str, timeout: int = 300) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_two_processes_ingest_the_same_articles(store_url, tmp_path):
    records = _records()
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records))
    go = tmp_path / "go"
    procs = [_run(INGEST, store_url, str(path), order, str(go)) for order in ("forward", "reverse")]
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(r["added"] for r in results) == len(records)
    assert sum(r["skipped"] for r in results) == len(records)
    with open_store(store_url, must_exist=True) as store:
        with store.engine.connect() as conn:
            n = lambda table: conn.execute(select(func.count()).select_from(table)).scalar_one()  # noqa: E731
            assert n(t.articles) == len(records)
            assert n(t.statements) == sum(len(r["statements"]) for r in records)
            assert n(t.actors) == 6
            assert n(t.history) == len(records)
        exported = {r["article"]["id"]: r for r in store.export()}
    assert [json.dumps(exported[r["article"]["id"]]) for r in records] == [json.dumps(r) for r in records]


@pytest.mark.parametrize("after", [2, 6])
def test_a_process_dying_mid_article_leaves_nothing(store_url, tmp_path, after):
    rec = full_record()
    path = tmp_path / "record.json"
    path.write_text(json.dumps(rec))
    with open_store(store_url):
        pass  # migrated beforehand, so the dying process dies inside the article's transaction
    p = _run(CRASH, store_url, str(path), str(after))
    _, err = p.communicate(timeout=300)
    assert p.returncode == 17, err[-2000:]
    with open_store(store_url) as store:
        assert not store.has(rec["article"]["id"])
        with store.engine.connect() as conn:
            for table in (t.articles, t.actors, t.statements, t.history):
                assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
        assert store.add(rec) is True  # and the store is not left locked
        assert store.article(rec["article"]["id"]) == rec
