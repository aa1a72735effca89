"""The Python API for extraction: text or Article in, Ledger (one article's records) out."""
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


def extract_articles(articles: Iterable[Article], nlp: Optional[Language] = None,
                     model: str = DEFAULT_MODEL, batch_size: int = 16,
                     max_chars: int = MAX_CHARS) -> Iterator[Ledger]:
    """One Ledger per Article, in input order, streaming (nothing is held beyond one batch).

    Articles longer than `max_chars` are parsed in pieces cut at paragraph boundaries and merged,
    so memory stays bounded whatever the input.
    """
    nlp = nlp or cached_pipeline(model)
    info = model_info(nlp)
    # One entry per input article, in order: (article, ledger if skipped else None, piece offsets).
    queue: deque[tuple[Article, Optional[Ledger], list[int]]] = deque()

    def pieces() -> Iterator[Article]:
        for art in articles:
            reason = _skip_reason(art)
            if reason is not None:
                queue.append((art, Ledger(article=art, model=info, warnings=[reason]), []))
                continue
            spans = split_text(art.text, max_chars)
            queue.append((art, None, [s for s, _ in spans]))
            for s, e in spans:
                yield art if len(spans) == 1 else dataclasses.replace(art, text=art.text[s:e])

    done: list[Ledger] = []
    for ledger in extract_docs(nlp, pieces(), batch_size=batch_size):
        while queue[0][1] is not None:
            yield queue.popleft()[1]  # type: ignore[misc]
        art, _, offsets = queue[0]
        done.append(ledger)
        if len(done) == len(offsets):
            queue.popleft()
            yield merge_ledgers(art, done, offsets)
            done = []
    while queue:
        yield queue.popleft()[1]  # type: ignore[misc]


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
