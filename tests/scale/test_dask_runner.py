"""dask.distributed: a real LocalCluster of two worker processes, one killed mid-run; every article is
stored exactly once, whether the client writes (SQLite) or the workers do (PostgreSQL)."""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from newsledger.extraction import extract_articles
from newsledger.scale.dask_runner import dask_client, extract_dask, run_dask, workers_write

from .conftest import make_articles

N = 24


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2) as cl:
        cl.wait_for_workers(2, timeout=600)
        yield cl


@pytest.fixture(scope="module")
def expected(nlp) -> dict:
    """Counts from single-process extraction of the same articles."""
    recs = [ledger.to_dict() for ledger in extract_articles(make_articles(N), nlp=nlp)]
    return {"ids": sorted(r["article"]["id"] for r in recs),
            "statements": sum(len(r["statements"]) for r in recs),
            "events": sum(len(r["events"]) for r in recs),
            "times": sum(len(r["times"]) for r in recs)}


class _KillABusyWorkerMidRun(threading.Thread):
    """SIGKILL, once, a worker process while it runs a partition, after the first partition is done.

    It watches the scheduler from its own thread rather than from the client's per-partition callback:
    when the client's own store-and-link of a partition outlasts the workers' extraction, the workers
    are idle at every callback and a kill tried only there never happens."""

    def __init__(self, client):
        super().__init__(daemon=True)
        self.client, self.killed, self.lost_tasks = client, None, 0
        self.started_partitions, self.finished = threading.Event(), threading.Event()

    def on_partition(self, index, report):
        self.started_partitions.set()

    def run(self):
        self.started_partitions.wait()
        while self.killed is None and not self.finished.is_set():
            busy = {addr: keys for addr, keys in self.client.processing().items() if keys}
            if not busy:
                time.sleep(0.02)
                continue
            address = max(busy, key=lambda a: len(busy[a]))
            pid = self.client.run(os.getpid, workers=[address])[address]  # a process this test started
            os.kill(pid, signal.SIGKILL)
            self.killed, self.lost_tasks = address, len(busy[address])


def _check_stored_once(url: str, expected: dict) -> None:
    from newsledger.store import open_store
    with open_store(url) as store:
        ids = [rec["article"]["id"] for rec in store.export()]
        stats = store.stats()
    assert sorted(ids) == expected["ids"]  # every article, none twice
    assert stats["articles"] == N
    # No article's records were written twice by a partition that ran again.
    assert stats["statements"] == expected["statements"] > 0
    assert stats["events"] == expected["events"]
    assert stats["times"] == expected["times"]


def _run_with_kill(client, url: str) -> None:
    partition_size = 2
    killer = _KillABusyWorkerMidRun(client)
    killer.start()
    try:
        report = run_dask(make_articles(N), store_url=url, client=client, partition_size=partition_size,
                          on_partition=killer.on_partition)
    finally:
        killer.finished.set()
        killer.started_partitions.set()
        killer.join()
    assert killer.killed is not None and killer.lost_tasks >= 1
    assert report.ok, report.failed
    assert report.articles == N and report.partitions == N // partition_size
    assert report.stored + report.already == N
    # the nanny restarts the killed one for the next test (a ceiling, not a timing: a worker loads
    # spaCy and its model, which on a loaded 2-core machine has taken over 120 s)
    client.wait_for_workers(2, timeout=600)


def test_sqlite_client_writes_killed_worker(client, sqlite_url, expected):
    assert not workers_write(sqlite_url)
    _run_with_kill(client, sqlite_url)
    _check_stored_once(sqlite_url, expected)
    # Running the same input again stores nothing new.
    again = run_dask(make_articles(N), store_url=sqlite_url, client=client, partition_size=6)
    assert again.ok and again.stored == 0 and again.already == N
    _check_stored_once(sqlite_url, expected)


@pytest.mark.postgres
def test_postgres_workers_write_killed_worker(client, pg_url, expected):
    assert workers_write(pg_url)
    _run_with_kill(client, pg_url)
    _check_stored_once(pg_url, expected)


def test_extract_dask_matches_single_process(client, nlp):
    want = [ledger.to_dict() for ledger in extract_articles(make_articles(7, prefix="dx"), nlp=nlp)]
    got = list(extract_dask(make_articles(7, prefix="dx"), client=client, partition_size=3))
    assert got == want


def test_failing_partitions_are_reported_not_stored(client, sqlite_url):
    report = run_dask(make_articles(4, prefix="bad"), store_url=sqlite_url, client=client,
                      partition_size=2, model="no_such_model_xyz", retries=1)
    assert not report.ok and report.stored == 0
    assert sorted(i for f in report.failed for i in f["ids"]) == [f"bad-{i:03d}" for i in range(4)]
    assert all("no_such_model_xyz" in f["error"] for f in report.failed)
