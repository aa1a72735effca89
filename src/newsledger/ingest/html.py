"""HTML pages: main text, title and date through trafilatura."""
from __future__ import annotations

from typing import Optional

from ..records import Article


MIN_BODY_WORDS = 8


class NoArticleBody(ValueError):
    pass


def read_html(html: str, origin: str, published: Optional[str] = None, url: Optional[str] = None) -> Article:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True)
    if extracted is None:
        raise NoArticleBody("HTML page with no article body")
    meta = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (meta.get("text") or "").strip()
    # A navigation link or a login form is what trafilatura returns from a page without an article.
    if len(text.split()) < MIN_BODY_WORDS:
        raise NoArticleBody("HTML page with no article body")
    return Article(
        text=text,
        title=meta.get("title") or None,
        published=published or meta.get("date") or None,
        url=url or meta.get("url") or None,
        source=meta.get("sitename") or meta.get("hostname") or None,
        origin=origin,
    )


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)
