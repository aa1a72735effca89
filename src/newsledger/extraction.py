"""The Python API for extraction (newsledger.extract, newsledger.extract_articles): text or Article in,
Ledger (one article's records) out."""
from __future__ import annotations

import dataclasses
from collections import deque
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language

from .nlp.chunking import MAX_CHARS, merge_ledgers, split_text
from .nlp.language import language_of
from .nlp.pipeline import DEFAULT_MODEL, cached_pipeline, extract_docs, model_info
from .records import Article, Ledger


def _skip_reason(article: Article) -> Optional[str]:
    """Why an article gets no findings at all, or None when the pipeline should read it."""
    if not article.text.strip():
        return "empty text: nothing to extract"
    lang = language_of(article.text)
    if lang is not None and lang != "en":
        article.language = lang
        return f"language detected as {lang!r}, not English: skipped (the pipeline reads English)"
    return None


# Pieces of one long article go through spaCy this many at a time. A batch's peak memory follows its
# characters (the parser and NER precompute features for every token of a batch: ~4.5 MB per 1,000
# characters), so 16 pieces of 30,000 characters at once took ~2 GB; one at a time, ~150 MB.
PIECES_PER_BATCH = 1


def extract_articles(articles: Iterable[Article], nlp: Optional[Language] = None,
                     model: str = DEFAULT_MODEL, batch_size: int = 16,
                     max_chars: int = MAX_CHARS, pieces_per_batch: int = PIECES_PER_BATCH) -> Iterator[Ledger]:
    """One Ledger per Article, in input order, streaming (nothing is held beyond one batch).

    Articles longer than `max_chars` are parsed in pieces cut at paragraph boundaries, run through
    spaCy `pieces_per_batch` at a time (other articles in batches of `batch_size`), and merged, so
    memory stays bounded whatever the input. Batching changes no result.
    """
    nlp = nlp or cached_pipeline(model)
    info = model_info(nlp)
    source = iter(articles)
    # Articles of the current run, in order: (article, ledger if skipped else None).
    queue: deque[tuple[Article, Optional[Ledger]]] = deque()
    long_one: list[tuple[Article, list[tuple[int, int]]]] = []
    done = [False]

    def short_run() -> Iterator[Article]:
        """Articles up to the next long one (left in long_one) or the end of the input."""
        for art in source:
            reason = _skip_reason(art)
            if reason is not None:
                queue.append((art, Ledger(article=art, model=info, warnings=[reason])))
                continue
            spans = split_text(art.text, max_chars)
            if len(spans) > 1:
                long_one.append((art, spans))
                return
            queue.append((art, None))
            yield art
        done[0] = True

    def skipped() -> Iterator[Ledger]:
        while queue and queue[0][1] is not None:
            yield queue.popleft()[1]  # type: ignore[misc]

    while True:
        for ledger in extract_docs(nlp, short_run(), batch_size=batch_size):
            yield from skipped()
            art, _ = queue.popleft()
            yield merge_ledgers(art, [ledger], [0])
        yield from skipped()
        if long_one:
            art, spans = long_one.pop()
            pieces = (dataclasses.replace(art, text=art.text[s:e]) for s, e in spans)
            parts = list(extract_docs(nlp, pieces, batch_size=max(1, pieces_per_batch)))
            yield merge_ledgers(art, parts, [s for s, _ in spans])
        elif done[0]:
            return


def extract(text: Union[str, Article], published: Optional[str] = None, *, id: Optional[str] = None,
            title: Optional[str] = None, url: Optional[str] = None, nlp: Optional[Language] = None,
            model: str = DEFAULT_MODEL) -> Ledger:
    """Extract one article's ledger.

    >>> ledger = extract("Moscow has not confirmed the report.", published="2025-09-01")
    >>> ledger.to_dict()["schema"]
    'newsledger/1'
    """
    article = text if isinstance(text, Article) else Article(
        text=text, id=id, title=title, url=url, published=published)
    return next(extract_articles([article], nlp=nlp, model=model, batch_size=1))
