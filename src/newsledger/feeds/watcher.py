"""The poll loop: sources -> queue (state) -> fetch -> text -> dedup -> extract -> store -> track.

Every step leaves the state consistent, so a restart (or Ctrl-C / SIGTERM, honoured after the
article in hand) resumes exactly where it stopped: announced items wait in the queue, fetched
pages wait with their text, and nothing is fetched twice.
"""
from __future__ import annotations

import json
import signal
import sys
import threading
from dataclasses import dataclass
from typing import Any, Callable, Optional, TextIO
from urllib.parse import unquote, urlsplit

from ..ingest.html import looks_like_html
from ..records import Article
from .dates import resolve_published
from .dedup import fingerprint, find_duplicate
from .http import USER_AGENT, FetchError, Fetcher
from .sources import canonical_url
from .state import FeedState, Item, dump_article, load_article

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


def _default_extractor(articles: list[Article]) -> list[dict]:
    from ..extract import extract_articles
    return [ledger.to_dict() for ledger in extract_articles(articles)]


def _default_linker() -> Optional[Callable]:
    try:
        from ..track import link_article
    except ImportError:
        return None
    return link_article


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
                 extractor: Callable[[list[Article]], list[dict]] = _default_extractor,
                 linker: Optional[Callable] = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr):
        self.store, self.state, self.fetcher, self.settings = store, state, fetcher, settings
        self.extractor, self.linker = extractor, linker
        self.out, self.err = out, err

    # -- one item -------------------------------------------------------------------------------
    def process(self, item: Item, summary) -> None:
        try:
            if item.payload:    # fetched before (then stopped or failed): never fetched again
                articles = [load_article(p) for p in json.loads(item.payload)]
            else:
                articles = self._fetch(item)
                if articles is None:          # handled without new text (a redirect to a known page)
                    return
                self.state.set(item.key, status="fetched", payload=json.dumps([dump_article(a) for a in articles]),
                               published=articles[0].published if articles else None,
                               published_source=item.published_source, final_url=item.final_url,
                               last_error=None)
            self._finish(item, articles, summary)
        except FetchError as exc:
            self._failed(item, str(exc), exc.retry, summary)
        except _Unreadable as exc:
            self._failed(item, str(exc), False, summary)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # a bug on one page must not stop the watch; retried later
            self._failed(item, f"{type(exc).__name__}: {exc}", True, summary)

    def _fetch(self, item: Item) -> Optional[list[Article]]:
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
        html = resp.text
        if resp.content_type not in READABLE_TYPES and not (
                resp.content_type == "application/octet-stream" and looks_like_html(html[:2048])):
            raise _Unreadable(f"not a page to read: {resp.content_type}")
        if resp.content_type in ("text/plain", "text/markdown"):
            article = Article(text=html.strip(), url=resp.url, origin=item.key)
            html_for_dates = None
        else:
            from ..ingest.html import NoArticleBody, read_html
            try:
                article = read_html(html, origin=item.key, published=None, url=resp.url)
            except NoArticleBody as exc:
                raise _Unreadable(f"{exc} ({resp.content_type or 'no content type'})") from None
            html_for_dates = html
        if not article.text.strip():
            raise _Unreadable("page has no text")
        article.url = resp.url
        article.title = article.title or item.title
        trafilatura_date = article.published
        published, where = resolve_published(item.feed_published, html_for_dates, article.text)
        if published is None and trafilatura_date:
            published, where = trafilatura_date[:10], "text"  # trafilatura searched beyond the markup
        article.published = published
        item.published_source = where
        return [article]

    def _read_file(self, item: Item) -> list[Article]:
        from ..ingest import ReadError
        from ..ingest.sources import read_file
        path = unquote(urlsplit(item.key).path)
        articles, problems = [], []
        for found in read_file(path):
            if isinstance(found, ReadError):
                problems.append(str(found))
            else:
                found.url = found.url or None
                articles.append(found)
        for problem in problems:
            print(f"! {problem}", file=self.err, flush=True)
        if not articles:
            raise _Unreadable(problems[0] if problems else f"{path}: no article")
        for a in articles:
            if not a.published:
                a.published, _ = (resolve_published(None, None, a.text))
        item.published_source = "text" if any(a.published for a in articles) else "none"
        return articles

    def _finish(self, item: Item, articles: list[Article], summary) -> None:
        first_id = dup_of = None
        for article in articles:
            fp = fingerprint(article.text)
            dup = find_duplicate(fp, self.state)
            if dup is not None:
                dup_of = dup_of or dup[0]
                summary.duplicates += 1
                print(f"= {article.url or item.key} repeats {dup[0]} ({dup[1]} duplicate): linked, not stored",
                      file=self.out, flush=True)
                continue
            record = self.extractor([article])[0]
            record["article"]["published_source"] = item.published_source or "none"
            if self.store.add(record):
                changes = list(self.linker(self.store, record) or []) if self.linker else []
                self._count(record, changes, summary)
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
