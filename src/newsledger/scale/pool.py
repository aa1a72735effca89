"""Extraction in N worker processes, streaming, results in input order.

Our components keep Python objects in `doc._`, which spaCy's own `n_process` cannot send back, so each
worker runs the whole `extract_articles` (pipeline loaded once per worker) and returns record dicts
(`Ledger.to_dict()`). The parent reads the input lazily and keeps at most `max_in_flight` chunks
submitted, so memory stays flat however long the input is; the caller is the single writer.
"""
from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Iterable, Iterator, Optional

from ..nlp.pipeline import DEFAULT_MODEL
from ..records import Article

# Articles per task: large enough for spaCy's batching and to amortise pickling, small enough
# that a slow article does not hold back the ordered output for long.
DEFAULT_CHUNK = 16
# A worker is replaced after this many chunks (~32k articles) so that spaCy's string store,
# which only grows, cannot creep up over a day-long stream. Reloading costs a few seconds.
DEFAULT_RECYCLE = 2000
# Characters per spaCy batch. The parser and NER precompute features for every token of a batch
# at once: measured ~4.5 MB per 1,000 characters (a 104k-character article alone peaks ~450 MB
# above the loaded model), so a batch of 16 long articles could take gigabytes. Batches are cut at
# this budget (an article longer than it goes alone), which bounds each worker's peak memory and
# changes no result (spaCy's predictions do not depend on the batch).
BATCH_CHARS = 40_000


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def load(model: str = DEFAULT_MODEL, fast_ops: bool = True):
    """This process's pipeline for `model` (loaded once, cached), with the gemm backend chosen."""
    from ..nlp.language import identifier
    from ..nlp.pipeline import cached_pipeline
    from ..nlp.backend import use_fast_ops

    use_fast_ops(fast_ops)  # before loading, so the models are built on the chosen ops
    nlp = cached_pipeline(model)
    use_fast_ops(fast_ops, nlp=nlp)  # and again on the cached pipeline, in case it was loaded earlier
    identifier()    # the language guesser's model too, so that no article pays for loading it
    return nlp


def char_batches(articles: Iterable[Article], max_items: int, max_chars: int = BATCH_CHARS
                 ) -> Iterator[list[Article]]:
    """Consecutive groups of at most max_items articles and (unless one alone is longer) max_chars."""
    batch: list[Article] = []
    chars = 0
    for art in articles:
        n = len(art.text)
        if batch and (len(batch) >= max_items or chars + n > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(art)
        chars += n
    if batch:
        yield batch


def records(articles: Iterable[Article], nlp, batch_size: int = 16) -> list[dict]:
    """Record dicts of a chunk of articles, in order, parsed in character-bounded batches."""
    from ..extraction import extract_articles
    return [ledger.to_dict()
            for batch in char_batches(articles, batch_size)
            for ledger in extract_articles(batch, nlp=nlp, batch_size=batch_size)]


# ---- worker side -------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _work(chunk: list[Article], model: str, fast_ops: bool, batch_size: int) -> list[dict]:
    # The pipeline loads on a worker's first chunk and stays; a load error (an unknown model)
    # then reaches the caller as itself, not as a broken pool.
    nlp = _WORKER.get(model)
    if nlp is None:
        nlp = _WORKER[model] = load(model, fast_ops)
    return records(chunk, nlp, batch_size)


# ---- parent side -------------------------------------------------------------------------------

def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def extract_parallel(articles: Iterable[Article], workers: int, model: str = DEFAULT_MODEL, *,
                     chunk_size: int = DEFAULT_CHUNK, batch_size: int = 16,
                     max_in_flight: Optional[int] = None, fast_ops: bool = True,
                     recycle_after: Optional[int] = DEFAULT_RECYCLE) -> Iterator[dict]:
    """Record dicts (as `Ledger.to_dict()`), one per article, in input order.

    workers <= 1 runs in this process. Otherwise `workers` processes (started with 'spawn', so it is
    safe from threaded callers such as a web server) each load the pipeline once. At most
    `max_in_flight` chunks of `chunk_size` articles (default 2 per worker) are read ahead.
    An exception in a worker is raised here, at that article's chunk.
    """
    model = model or DEFAULT_MODEL
    if workers <= 1:
        from ..extraction import extract_articles
        nlp = load(model, fast_ops)
        for ledger in extract_articles(articles, nlp=nlp, batch_size=batch_size):
            yield ledger.to_dict()
        return

    max_in_flight = max_in_flight or 2 * workers
    ctx = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, max_tasks_per_child=recycle_after)
    pending: collections.deque[Future] = collections.deque()
    chunks = chunked(articles, chunk_size)
    try:
        for chunk in itertools.islice(chunks, max_in_flight):
            pending.append(executor.submit(_work, chunk, model, fast_ops, batch_size))
        while pending:
            done = pending.popleft().result()
            # Refill before yielding, so the workers stay busy while the caller writes.
            for chunk in itertools.islice(chunks, 1):
                pending.append(executor.submit(_work, chunk, model, fast_ops, batch_size))
            yield from done
    finally:
        # Also on an early stop by the caller (generator closed): drop queued work, reap workers.
        for fut in pending:
            fut.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
