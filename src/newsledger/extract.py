"""The Python API for extraction: text or Article in, Ledger (one article's records) out."""
from __future__ import annotations

from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language

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
                     model: str = DEFAULT_MODEL, batch_size: int = 16) -> Iterator[Ledger]:
    """One Ledger per Article, in input order, streaming (nothing is held beyond one batch)."""
    nlp = nlp or cached_pipeline(model)
    info = model_info(nlp)
    skipped: dict[int, Ledger] = {}
    order: list[int] = []

    def readable() -> Iterator[Article]:
        for n, art in enumerate(articles):
            reason = _skip_reason(art)
            if reason is not None:
                skipped[n] = Ledger(article=art, model=info, warnings=[reason])
                order.append(n)
                continue
            order.append(n)
            yield art

    parsed = extract_docs(nlp, readable(), batch_size=batch_size)
    # Interleave skipped articles back into their places so output order equals input order.
    emitted = 0
    for ledger in parsed:
        while emitted in skipped:
            yield skipped.pop(emitted)
            emitted += 1
        yield ledger
        emitted += 1
    while emitted in skipped:
        yield skipped.pop(emitted)
        emitted += 1


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
