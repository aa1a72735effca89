"""Extraction on a dask.distributed cluster: partitions of the input go to workers that run the pipeline.

    report = run_dask(articles, store_url="postgresql://…", scheduler="tcp://HOST:8786")
    for record in extract_dask(articles, workers=2): ...     # records back, in input order

- Without a scheduler address a LocalCluster of `workers` processes (one thread each) starts on
  127.0.0.1 and stops at the end.
- Each worker process loads the pipeline once (first partition) and keeps it.
- Storing: with PostgreSQL the workers write directly (many writers are fine there); with SQLite the
  client writes (SQLite has one writer at a time, and the file may not be reachable from workers).
- Failures: a partition whose task raises is retried `retries` times; a worker that dies mid-task has
  its partitions rescheduled by the scheduler. Nothing is lost, and nothing is stored twice because
  `track.store_record` is idempotent by article id, so a partition re-run after a partial write only adds what
  is missing.
- Memory: the client reads the input lazily and keeps at most `max_in_flight` partitions submitted.
"""
from __future__ import annotations

import collections
import itertools
import logging
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional

from ..nlp.pipeline import DEFAULT_MODEL
from ..records import Article
from ..store.engine import parse_url
from ..track import IncompleteRecord, link_article, store_record
from .pool import chunked

log = logging.getLogger(__name__)

DEFAULT_PARTITION = 32  # articles per task (~25k words, some seconds of work)
DEFAULT_RETRIES = 3


# ---- worker side -------------------------------------------------------------------------------
# These run inside dask worker processes. A worker may run several tasks in threads, and a spaCy
# pipeline is not safe to call from two threads at once, so extraction holds a per-process lock.

_LOCK = threading.Lock()
_STORES: dict[str, Any] = {}


def store_one(store, record: dict, link: Optional[Callable]) -> Optional[bool]:
    """track.store_record's answer as the run counts it: True added, False already stored, None
    not stored (the record carries component errors: a later run with the bug fixed stores it whole)."""
    try:
        return store_record(store, record, link=link).added
    except IncompleteRecord:
        return None


def _extract_partition(articles: list[Article], model: str, fast_ops: bool, batch_size: int) -> list[dict]:
    from .pool import load, records
    with _LOCK:
        return records(articles, load(model, fast_ops), batch_size)


def _store_partition(articles: list[Article], store_url: str, model: str, fast_ops: bool,
                     batch_size: int, link: Optional[Callable]) -> list[tuple[str, Optional[bool], list]]:
    """Extract and write a partition from the worker: (article id, store_one's answer, errors) each."""
    recs = _extract_partition(articles, model, fast_ops, batch_size)
    with _LOCK:
        store = _STORES.get(store_url)
        if store is None:
            from ..store import open_store
            store = _STORES[store_url] = open_store(store_url)
        return [(rec["article"]["id"], store_one(store, rec, link), rec.get("errors", [])) for rec in recs]


# ---- client side -------------------------------------------------------------------------------

@dataclass
class DaskReport:
    """What a run did: counts by article, and the partitions that failed even after retries."""
    articles: int = 0
    stored: int = 0          # newly added to the store
    already: int = 0         # present before (same article id): not stored again
    partitions: int = 0
    failed: list[dict] = field(default_factory=list)  # partitions: {"partition", "ids", "error"}
    not_stored: list[dict] = field(default_factory=list)  # records with component errors: {"id", "errors"}

    @property
    def ok(self) -> bool:
        return not self.failed and not self.not_stored

    def summary(self) -> str:
        lost = sum(len(f["ids"]) for f in self.failed)
        return (f"{self.stored} article(s) stored, {self.already} already in the ledger, "
                f"{len(self.not_stored)} not stored (component errors), {lost} in "
                f"{len(self.failed)} failed partition(s) of {self.partitions}")


class PartitionFailed(RuntimeError):
    pass


def workers_write(store_url: Optional[str]) -> bool:
    """True when the store takes concurrent writers (PostgreSQL), so the workers write directly."""
    return parse_url(store_url).get_backend_name() == "postgresql"


@contextmanager
def dask_client(scheduler: Optional[str] = None, workers: int = 2):
    """A Client on the given scheduler, or on a LocalCluster of `workers` processes started here."""
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.ERROR)
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def _submit_all(client, partitions: Iterator[list[Article]], submit: Callable, window: int,
                ordered: bool) -> Iterator[tuple[int, list[Article], Any]]:
    """Submit partitions with at most `window` in flight; yield (index, partition, future) as done.

    ordered=True yields in submission order (the oldest future is awaited first).
    """
    from distributed import as_completed, wait

    numbered = enumerate(partitions)
    if ordered:
        pending: collections.deque = collections.deque()
        for i, part in itertools.islice(numbered, window):
            pending.append((i, part, submit(i, part)))
        while pending:
            i, part, fut = pending.popleft()
            wait([fut])
            for j, nxt in itertools.islice(numbered, 1):
                pending.append((j, nxt, submit(j, nxt)))
            yield i, part, fut
        return
    parts: dict[Any, tuple[int, list[Article]]] = {}
    queue = as_completed()
    for i, part in itertools.islice(numbered, window):
        fut = submit(i, part)
        parts[fut.key] = (i, part)
        queue.add(fut)
    for fut in queue:
        i, part = parts.pop(fut.key)
        for j, nxt in itertools.islice(numbered, 1):
            nfut = submit(j, nxt)
            parts[nfut.key] = (j, nxt)
            queue.add(nfut)
        yield i, part, fut


def _key(kind: str, run: str, i: int) -> str:
    # Unique per run, so two runs on one scheduler never share (or cancel) each other's tasks.
    return f"newsledger-{kind}-{run}-{i}"


def extract_dask(articles: Iterable[Article], scheduler: Optional[str] = None, workers: int = 2,
                 partition_size: int = DEFAULT_PARTITION, model: str = DEFAULT_MODEL, *,
                 retries: int = DEFAULT_RETRIES, max_in_flight: Optional[int] = None,
                 fast_ops: bool = True, batch_size: int = 16, client=None) -> Iterator[dict]:
    """Record dicts in input order, extracted on the cluster (for `extract --engine dask`)."""
    model, run = model or DEFAULT_MODEL, uuid.uuid4().hex[:12]
    with _maybe_client(client, scheduler, workers) as cl:
        window = max_in_flight or 2 * _n_workers(cl, workers)

        def submit(i: int, part: list[Article]):
            return cl.submit(_extract_partition, part, model, fast_ops, batch_size,
                             key=_key("extract", run, i), retries=retries, pure=False)

        for i, part, fut in _submit_all(cl, chunked(articles, partition_size), submit, window, ordered=True):
            try:
                recs = fut.result()
            except Exception as exc:
                raise PartitionFailed(f"partition {i} ({part[0].id} …) failed after {retries} "
                                      f"retries: {exc}") from exc
            fut.release()
            yield from recs


def run_dask(articles: Iterable[Article], store_url: Optional[str] = None, scheduler: Optional[str] = None,
             workers: int = 2, partition_size: int = DEFAULT_PARTITION, model: str = DEFAULT_MODEL, *,
             retries: int = DEFAULT_RETRIES, max_in_flight: Optional[int] = None, fast_ops: bool = True,
             batch_size: int = 16, client=None, link: Optional[Callable] = link_article,
             on_partition: Optional[Callable[[int, DaskReport], None]] = None) -> DaskReport:
    """Extract and store every article (for `ingest --engine dask`); returns a DaskReport.

    Every record is written by `track.store_record`, where it is stored (workers or client), with
    `link` as its linker (the tracker's by default; None: no linking); a record that carries
    component errors is not stored and is listed in the report's `not_stored`.
    `store_url` is what `open_store` takes (None: its default). `on_partition(index, report)` is called on the client after each partition is done
    (progress display).
    """
    model, run = model or DEFAULT_MODEL, uuid.uuid4().hex[:12]
    report = DaskReport()
    direct = workers_write(store_url)
    store = None
    if not direct:
        from ..store import open_store
        store = open_store(store_url)
    try:
        with _maybe_client(client, scheduler, workers) as cl:
            window = max_in_flight or 2 * _n_workers(cl, workers)

            def submit(i: int, part: list[Article]):
                if direct:
                    return cl.submit(_store_partition, part, str(store_url), model, fast_ops, batch_size,
                                     link, key=_key("store", run, i), retries=retries, pure=False)
                return cl.submit(_extract_partition, part, model, fast_ops, batch_size,
                                 key=_key("extract", run, i), retries=retries, pure=False)

            for i, part, fut in _submit_all(cl, chunked(articles, partition_size), submit, window,
                                            ordered=False):
                report.partitions += 1
                report.articles += len(part)
                try:
                    result = fut.result()
                except Exception as exc:  # after dask's retries: report it, go on with the rest
                    report.failed.append({"partition": i, "ids": [a.id for a in part], "error": repr(exc)})
                    log.error("partition %d failed after %d retries: %r", i, retries, exc)
                    continue
                finally:
                    fut.release()
                if direct:
                    outcomes = result
                else:  # this process is the single writer
                    outcomes = [(rec["article"]["id"], store_one(store, rec, link), rec.get("errors", []))
                                for rec in result]
                for aid, added, errors in outcomes:
                    if added is None:
                        report.not_stored.append({"id": aid, "errors": errors})
                    elif added:
                        report.stored += 1
                    else:
                        report.already += 1
                if on_partition is not None:
                    on_partition(i, report)
    finally:
        if store is not None:
            _close(store)
    return report


@contextmanager
def _maybe_client(client, scheduler: Optional[str], workers: int):
    if client is not None:
        yield client
        return
    with dask_client(scheduler, workers) as cl:
        yield cl


def _n_workers(client, default: int) -> int:
    try:
        return max(1, len(client.scheduler_info()["workers"]))
    except Exception:
        return max(1, default)


def _close(store) -> None:
    close = getattr(store, "close", None)
    if close is not None:
        close()
