"""The poll loop: sources -> queue (state) -> fetch -> text -> dedup -> extract -> store -> track.

Every step leaves the state consistent, so a restart (or Ctrl-C / SIGTERM, honoured after the
article in hand) resumes exactly where it stopped: announced items wait in the queue, fetched
pages wait with their text, and nothing is fetched twice.
"""
from __future__ import annotations

import signal
import sys
import threading
from dataclasses import dataclass
from typing import Any, Callable, Optional, TextIO
from urllib.parse import unquote, urlsplit

from ..ingest.html import looks_like_html
from ..records import Article
from ..track import link_article, store_record
from .dates import resolve_published
from .dedup import fingerprint, find_duplicate
from .http import USER_AGENT, FetchError, Fetcher
from .sources import canonical_url
from .state import FeedState, Item, dump_articles, load_articles

RETRY_BASE = 300.0       # first retry of a failed item after 5 minutes, then 10, 20, ... 
RETRY_MAX = 86400.0      # at most a day apart
MAX_ATTEMPTS = 6         # then the item is given up ("gone")
# Content types read as pages ("" when the server sends none: trafilatura decides).
READABLE_TYPES = {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", ""}


@dataclass
class Settings:
    user_agent: str = USER_AGENT
    timeout: float = 20.0
    retries: int = 2                  # immediate retries inside one fetch (timeouts, 5xx, 429)
    backoff: float = 1.0              # seconds before the first immediate retry, doubling
    per_host_interval: float = 1.0    # seconds between requests to one host (or its Crawl-delay)
    respect_robots: bool = True
    retry_base: float = RETRY_BASE    # later retries, across polls
    retry_max: float = RETRY_MAX
    max_attempts: int = MAX_ATTEMPTS

    def fetcher(self) -> Fetcher:
        return Fetcher(user_agent=self.user_agent, timeout=self.timeout, retries=self.retries,
                       backoff=self.backoff, per_host_interval=self.per_host_interval,
                       respect_robots=self.respect_robots)


def extract_records(articles: list[Article]) -> list[dict]:
    """The watcher's default extractor: the pipeline's record dicts, one per article."""
    from ..extraction import extract_articles
    return [ledger.to_dict() for ledger in extract_articles(articles)]


class Stopper:
    """Ctrl-C / SIGTERM ask for a stop after the article in hand; a second Ctrl-C stops now."""

    def __init__(self, event: Optional[threading.Event] = None):
        self.event = event or threading.Event()
        self._saved: dict[int, Any] = {}

    def __enter__(self) -> "Stopper":
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._saved[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, _frame) -> None:
        if self.event.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.event.set()

    def __exit__(self, *exc) -> None:
        for sig, handler in self._saved.items():
            signal.signal(sig, handler)

    @property
    def stopped(self) -> bool:
        return self.event.is_set()


class Ingestor:
    """Works through queued items: one item fully handled (and its state written) at a time."""

    def __init__(self, store, state: FeedState, fetcher: Fetcher, settings: Settings,
                 extractor: Callable[[list[Article]], list[dict]] = extract_records,
                 linker: Optional[Callable] = link_article, out: TextIO = sys.stdout, err: TextIO = sys.stderr):
        self.store, self.state, self.fetcher, self.settings = store, state, fetcher, settings
        self.extractor, self.linker = extractor, linker
        self.out, self.err = out, err

    # -- one item -------------------------------------------------------------------------------
    def process(self, item: Item, summary) -> None:
        try:
            if item.payload:    # fetched before (then stopped or failed): never fetched again
                pages = load_articles(item.payload)
            else:
                pages = self._fetch(item)
                if pages is None:          # handled without new text (a redirect to a known page)
                    return
                self.state.set(item.key, status="fetched", payload=dump_articles(pages),
                               published=pages[0][0].published, published_source=pages[0][1],
                               final_url=item.final_url, last_error=None)
            self._finish(item, pages, summary)
        except FetchError as exc:
            self._failed(item, str(exc), exc.retry, summary)
        except _Unreadable as exc:
            self._failed(item, str(exc), False, summary)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # a bug on one page must not stop the watch; retried later
            self._failed(item, f"{type(exc).__name__}: {exc}", True, summary)

    def _fetch(self, item: Item) -> Optional[list[tuple[Article, str]]]:
        """The item's article(s), each with where its publication date came from; None when
        the page turned out to be one already handled (a redirect to it)."""
        if item.key.startswith("file://"):
            return self._read_file(item)
        resp = self.fetcher.get(item.key)
        final = canonical_url(resp.url)
        item.final_url = resp.url
        if final != item.key:
            known = self.state.get(final)
            if known is not None and known.status in ("done", "duplicate"):
                target = known.article_id or known.duplicate_of
                self.state.set(item.key, status="duplicate", duplicate_of=target, final_url=resp.url,
                               payload=None, last_error=None)
                print(f"= {item.key} redirects to {resp.url}, already in the ledger as {target}",
                      file=self.out, flush=True)
                return None
        text = resp.text
        if resp.content_type not in READABLE_TYPES and not (
                resp.content_type == "application/octet-stream" and looks_like_html(text[:2048])):
            raise _Unreadable(f"not a page to read: {resp.content_type}")
        is_html = resp.content_type not in ("text/plain", "text/markdown")
        article, where = self._article(text, is_html, item.key, resp.url, item.feed_published)
        article.title = article.title or item.title
        return [(article, where)]

    @staticmethod
    def _article(text: str, is_html: bool, origin: str, url: Optional[str],
                 feed_published: Optional[str]) -> tuple[Article, str]:
        if is_html:
            from ..ingest.html import NoArticleBody, read_html
            try:
                article = read_html(text, origin=origin, published=None, url=url)
            except NoArticleBody as exc:
                raise _Unreadable(str(exc)) from None
        else:
            article = Article(text=text.strip(), url=url, origin=origin)
        if not article.text.strip():
            raise _Unreadable("page has no text")
        article.url = url
        found_by_trafilatura = article.published
        published, where = resolve_published(feed_published, text if is_html else None, article.text)
        if published is None and found_by_trafilatura:
            published, where = found_by_trafilatura[:10], "text"  # it searched beyond the markup
        article.published = published
        return article, where

    def _read_file(self, item: Item) -> list[tuple[Article, str]]:
        """A file dropped in a watched folder: HTML is read like a fetched page; text and JSONL
        through the ingest readers (a JSONL record's own "published" is kept, as "record")."""
        from ..ingest import ReadError
        from ..ingest.decode import DecodeError, decode_bytes
        from ..ingest.sources import detect_kind, read_file
        path = unquote(urlsplit(item.key).path)
        try:
            data = open(path, "rb").read()
        except OSError as exc:
            raise _Unreadable(f"cannot read: {exc.strerror or exc}") from None
        if detect_kind(path, data[:4096]) == "html":
            try:
                html = decode_bytes(data)
            except DecodeError as exc:
                raise _Unreadable(str(exc)) from None
            return [self._article(html, True, path, None, None)]
        pages, problems = [], []
        for found in read_file(path):
            if isinstance(found, ReadError):
                problems.append(str(found))
            elif found.published:
                pages.append((found, "record"))
            else:
                found.published, where = resolve_published(None, None, found.text)
                pages.append((found, where))
        for problem in problems:
            print(f"! {problem}", file=self.err, flush=True)
        if not pages:
            raise _Unreadable(problems[0] if problems else "no article in the file")
        return pages

    def _finish(self, item: Item, pages: list[tuple[Article, str]], summary) -> None:
        first_id = dup_of = None
        for article, published_source in pages:
            fp = fingerprint(article.text)
            dup = find_duplicate(fp, self.state)
            if dup is not None:
                dup_of = dup_of or dup[0]
                summary.duplicates += 1
                print(f"= {article.url or item.key} repeats {dup[0]} ({dup[1]} duplicate): linked, not stored",
                      file=self.out, flush=True)
                continue
            record = self.extractor([article])[0]
            record["article"]["published_source"] = published_source
            # A record an extractor failed on raises IncompleteRecord: the item is retried later
            # from its saved text, as for any other failure, and nothing of it is stored meanwhile.
            stored = store_record(self.store, record, link=self.linker)
            if stored.added:
                self._count(record, stored.changes, summary)
            else:
                print(f"= {article.url or item.key}: already in the ledger as {article.id}",
                      file=self.out, flush=True)
            # Fingerprint after the store write: a crash in between redoes the (idempotent) add.
            self.state.add_fingerprint(article.id, item.key, fp.sha, fp.signature, fp.size, fp.buckets())
            first_id = first_id or article.id
        if first_id is None:
            self.state.set(item.key, status="duplicate", duplicate_of=dup_of, payload=None, last_error=None)
        else:
            self.state.set(item.key, status="done", article_id=first_id, duplicate_of=dup_of,
                           payload=None, last_error=None)
        if item.final_url and canonical_url(item.final_url) != item.key:
            self.state.mark_alias(canonical_url(item.final_url), item.source or "", "done" if first_id else "duplicate",
                                  first_id, dup_of)

    def _count(self, record: dict, changes: list, summary) -> None:
        from .summary import change_dict
        art = record["article"]
        n_st, n_cm = len(record.get("statements", [])), len(record.get("commitments", []))
        summary.new_articles += 1
        summary.new_statements += n_st
        summary.new_commitments += n_cm
        summary.status_changes.extend(change_dict(c) for c in changes)
        summary.overdue_commitments.extend(dict(c, article=art["id"]) for c in record.get("commitments", [])
                                           if c.get("overdue"))
        summary.articles.append({"id": art["id"], "url": art.get("url"), "title": art.get("title"),
                                 "published": art.get("published"),
                                 "published_source": art.get("published_source")})
        title = (art.get("title") or art["text"][:60]).replace("\n", " ")
        extra = f", {len(changes)} status change(s)" if changes else ""
        print(f"+ {art['id']} {art.get('published') or '????-??-??'} ({art.get('published_source')}) "
              f"{title} <{art.get('url') or art.get('id')}>: {n_st} statement(s), {n_cm} commitment(s){extra}",
              file=self.out, flush=True)

    def _failed(self, item: Item, message: str, retry: bool, summary) -> None:
        attempts = item.attempts + 1
        summary.failures += 1
        summary.errors.append(f"{item.key}: {message}")
        if retry and attempts < self.settings.max_attempts:
            delay = min(self.settings.retry_max, self.settings.retry_base * 2 ** (attempts - 1))
            self.state.set(item.key, status="retry", attempts=attempts, last_error=message,
                           next_attempt=self.state.clock() + delay)
            print(f"! {item.key}: {message} (attempt {attempts}, retrying in {_human(delay)})",
                  file=self.err, flush=True)
        else:
            self.state.set(item.key, status="gone", attempts=attempts, last_error=message)
            print(f"! {item.key}: {message} (attempt {attempts}, given up)", file=self.err, flush=True)


class _Unreadable(Exception):
    """Fetched, but there is no article text in it: retrying will not help."""


def _human(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:g}{unit}"
    return f"{seconds:g}s"
