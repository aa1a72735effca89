"""`watch` and `fetch`: the functions the CLI calls."""
from __future__ import annotations

import sys
import threading
import time
from typing import Callable, Iterable, Optional, TextIO

from .http import FetchError, Fetcher
from .sources import SourceError, canonical_url, discover, is_url
from .state import FeedState
from .summary import PollSummary, notify as run_notify
from ..track import link_article
from .watcher import Ingestor, Settings, Stopper, extract_records


def _open(store_url: str, store=None, state: Optional[FeedState] = None, clock=time.time):
    if store is None:
        from ..store import open_store
        store = open_store(store_url, must_exist=False)
    if state is None:
        # Share the store's engine when it has one (one pool, no second writer on SQLite).
        state = FeedState.open(store_url, engine=getattr(store, "engine", None), clock=clock)
    return store, state


def _ingestor(store, state: FeedState, fetcher: Fetcher, settings: Settings, extractor: Optional[Callable],
              linker: Optional[Callable], out: TextIO, err: TextIO) -> Ingestor:
    # The default extractor and linker are the package's own; tests and embedders pass theirs.
    return Ingestor(store, state, fetcher, settings, extractor or extract_records, linker or link_article, out, err)


def poll(sources: Iterable[str], ingestor: Ingestor, stopper: Stopper, number: int = 1) -> PollSummary:
    """One pass: enqueue what every source announces, then handle every due item in order."""
    summary = PollSummary(poll=number)
    state, err = ingestor.state, ingestor.err
    for source in sources:
        if stopper.stopped:
            break
        try:
            for found in discover(source, ingestor.fetcher, state):
                state.enqueue(found.key, source, title=found.title, feed_published=found.published)
        except (FetchError, SourceError, OSError) as exc:
            summary.failures += 1
            summary.failed_sources += 1
            summary.errors.append(f"{source}: {exc}")
            print(f"! source {source}: {exc} (tried again next poll)", file=err, flush=True)
    for item in state.due():
        if stopper.stopped:
            break
        ingestor.process(item, summary)
    summary.pending = state.pending_count()
    overdue(ingestor.store, summary)
    return summary


OVERDUE_LISTED = 20


def overdue(store, summary: PollSummary) -> None:
    """Commitments overdue in the whole ledger now (still open, due date passed), when the store
    can say; otherwise those flagged overdue in this poll's new articles."""
    query = getattr(store, "commitments", None)
    rows = None
    if query is not None:
        try:
            rows = query(overdue=True)
        except Exception:  # a store without that filter: fall back below
            rows = None
    if rows is None:
        rows = summary.overdue_commitments
    summary.overdue = len(rows)
    summary.overdue_commitments = [
        {k: r.get(k) for k in ("id", "article", "kind", "holder", "content", "due", "status")}
        for r in rows[:OVERDUE_LISTED]]


def watch(sources: list[str], store_url: str, every_seconds: float = 900.0, notify: Optional[str] = None,
          once: bool = False, *, settings: Optional[Settings] = None, max_polls: Optional[int] = None,
          stop: Optional[threading.Event] = None, store=None, state: Optional[FeedState] = None,
          fetcher: Optional[Fetcher] = None, extractor: Optional[Callable] = None,
          linker: Optional[Callable] = None, clock: Callable[[], float] = time.time,
          out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> bool:
    """Poll SOURCES every `every_seconds` until Ctrl-C / SIGTERM (or `once`, or `max_polls`).

    Prints a line per new article and a summary per poll; runs `notify` (a shell command) with
    the summary as JSON on stdin when a commitment changed status. Returns False when the last
    poll could read none of the sources, True otherwise.
    """
    settings = settings or Settings()
    store, state = _open(store_url, store, state, clock)
    own_fetcher = fetcher is None
    fetcher = fetcher or settings.fetcher()
    ingestor = _ingestor(store, state, fetcher, settings, extractor, linker, out, err)
    number, ok = 0, True
    try:
        with Stopper(stop) as stopper:
            while not stopper.stopped:
                number += 1
                started = time.monotonic()
                summary = poll(sources, ingestor, stopper, number)
                ok = summary.failed_sources < len(sources)
                print(summary.line(), file=out, flush=True)
                if notify and summary.commitment_changes():
                    run_notify(notify, summary, err)
                if once or (max_polls is not None and number >= max_polls):
                    break
                # Polls start every_seconds apart; a poll that took longer is followed at once.
                stopper.event.wait(max(0.0, every_seconds - (time.monotonic() - started)))
            if stopper.stopped:
                print(f"stopped after poll {number}; {state.pending_count()} item(s) wait for the next run",
                      file=out, flush=True)
    finally:
        if own_fetcher:
            fetcher.close()
    return ok


def fetch(urls: list[str], store_url: str, *, settings: Optional[Settings] = None, store=None,
          state: Optional[FeedState] = None, fetcher: Optional[Fetcher] = None,
          extractor: Optional[Callable] = None, linker: Optional[Callable] = None,
          notify: Optional[str] = None, clock: Callable[[], float] = time.time,
          out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> bool:
    """Fetch these pages once, now (earlier failures included), and ingest them. A URL already
    handled is not fetched again. True when every URL ended in the ledger (new or known)."""
    settings = settings or Settings()
    store, state = _open(store_url, store, state, clock)
    own_fetcher = fetcher is None
    fetcher = fetcher or settings.fetcher()
    ingestor = _ingestor(store, state, fetcher, settings, extractor, linker, out, err)
    summary = PollSummary(poll=0)
    ok = True
    try:
        with Stopper() as stopper:
            for url in urls:
                if stopper.stopped:
                    ok = False
                    break
                if not is_url(url):
                    print(f"! {url}: not an http(s) URL", file=err, flush=True)
                    ok = False
                    continue
                key = canonical_url(url)
                state.enqueue(key, "fetch")
                item = state.get(key)
                if item.status in ("done", "duplicate"):
                    print(f"= {url}: already in the ledger ({item.article_id or item.duplicate_of})",
                          file=out, flush=True)
                    continue
                ingestor.process(item, summary)
                ok = ok and state.get(key).status in ("done", "duplicate")
    finally:
        if own_fetcher:
            fetcher.close()
    summary.pending = state.pending_count()
    overdue(store, summary)
    print(summary.line(), file=out, flush=True)
    if notify and summary.commitment_changes():
        run_notify(notify, summary, err)
    return ok
