r"""What `watch` has seen, in tables of its own next to the store's (same database).

The store keeps articles; these tables keep the crawl: every item a source announced (a queue that
survives restarts), HTTP validators for conditional requests, and content fingerprints for
de-duplication. They are created here with CREATE TABLE IF NOT EXISTS (SQLAlchemy `checkfirst`),
so they work on SQLite and PostgreSQL alike and never collide with the store's migrations.

Item life cycle:  queued -> fetched -> done | duplicate      (fetched holds the page's Article, so
                        \-> retry (attempts, next_attempt) -> gone   a restart never fetches again)
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table, Text, func, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from ..store.engine import WRITE, make_engine as store_engine, parse_url

metadata = MetaData()

items = Table(
    "feed_items", metadata,
    Column("key", String(2048), primary_key=True),      # normalized URL, or file://path#n
    Column("source", Text),                              # the SOURCE argument that announced it
    Column("status", String(16), nullable=False),        # queued|fetched|retry|done|duplicate|gone
    Column("title", Text),
    Column("feed_published", String(40)),                # date the feed/sitemap gave, if any
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt", Float, nullable=False, default=0.0),
    Column("last_error", Text),
    Column("final_url", Text),                           # after redirects
    Column("article_id", String(64)),
    Column("duplicate_of", String(64)),                  # article id of the story it repeats
    Column("published", String(40)),
    Column("published_source", String(16)),              # feed | metadata | text | none
    Column("payload", Text),                             # JSON Article while status == fetched
    Column("seq", Integer, nullable=False),              # announcement order: work goes first-come
    Column("first_seen", Float, nullable=False),
    Column("updated", Float, nullable=False),
)
Index("ix_feed_items_status", items.c.status, items.c.next_attempt)

http_cache = Table(
    "feed_http", metadata,
    Column("url", String(2048), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("updated", Float, nullable=False),
)

content = Table(
    "feed_content", metadata,
    Column("article_id", String(64), primary_key=True),
    Column("key", String(2048)),
    Column("sha", String(64), nullable=False),           # exact text hash
    Column("minhash", Text, nullable=False),             # signature, hex words joined by ","
    Column("shingles", Integer, nullable=False),         # set size, for containment estimates
)
Index("ix_feed_content_sha", content.c.sha)

lsh = Table(
    "feed_lsh", metadata,
    Column("band", Integer, nullable=False),
    Column("bucket", String(40), nullable=False),
    Column("article_id", String(64), nullable=False),
)
Index("ix_feed_lsh_bucket", lsh.c.band, lsh.c.bucket)

TERMINAL = ("done", "duplicate", "gone")


def make_engine(store_url: str) -> Engine:
    """The store's own engine (same SQLite settings as its writes: WAL, so readers keep working)."""
    return store_engine(parse_url(store_url))


@dataclass
class Item:
    key: str
    status: str
    source: Optional[str] = None
    title: Optional[str] = None
    feed_published: Optional[str] = None
    attempts: int = 0
    next_attempt: float = 0.0
    last_error: Optional[str] = None
    final_url: Optional[str] = None
    article_id: Optional[str] = None
    duplicate_of: Optional[str] = None
    published: Optional[str] = None
    published_source: Optional[str] = None
    payload: Optional[str] = None


class FeedState:
    """The crawl's memory. Every write is its own short transaction: a kill loses at most the
    article in hand, and that one is redone from its saved payload, never re-fetched."""

    def __init__(self, engine: Engine, clock=time.time):
        self.engine = engine
        self.clock = clock
        metadata.create_all(engine, checkfirst=True)

    @classmethod
    def open(cls, store_url: str, engine: Optional[Engine] = None, clock=time.time) -> "FeedState":
        return cls(engine or make_engine(store_url), clock=clock)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction; on SQLite one that takes the write lock at BEGIN (the store's
        option), so a concurrent writer makes us wait instead of failing mid-transaction."""
        conn = self.engine.connect()
        conn = conn.execution_options(**{WRITE: True})
        with conn, conn.begin():
            yield conn

    # -- items ------------------------------------------------------------------------------
    def get(self, key: str) -> Optional[Item]:
        with self.engine.connect() as conn:
            row = conn.execute(select(items).where(items.c.key == key)).mappings().first()
        return _item(row) if row else None

    def enqueue(self, key: str, source: str, title: Optional[str] = None,
                feed_published: Optional[str] = None) -> bool:
        """Remember an announced item; False when it was already known (queued or handled)."""
        now = self.clock()
        try:
            with self._write() as conn:
                if conn.execute(select(items.c.key).where(items.c.key == key)).first():
                    return False
                conn.execute(items.insert().values(
                    key=key, source=source, status="queued", title=title, feed_published=feed_published,
                    attempts=0, next_attempt=0.0, seq=_next_seq(conn), first_seen=now, updated=now))
        except IntegrityError:  # another process announced it first
            return False
        return True

    def due(self, limit: Optional[int] = None) -> list[Item]:
        """Items to work on now, oldest first: fetched ones (finish them) before queued and retries."""
        now = self.clock()
        q = (select(items).where(
                (items.c.status.in_(("queued", "fetched")))
                | ((items.c.status == "retry") & (items.c.next_attempt <= now)))
             .order_by((items.c.status != "fetched"), items.c.seq))
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [_item(r) for r in conn.execute(q).mappings()]

    def pending_count(self) -> int:
        with self.engine.connect() as conn:
            return len(conn.execute(select(items.c.key).where(
                items.c.status.in_(("queued", "fetched", "retry")))).all())

    def set(self, key: str, **values: Any) -> None:
        values["updated"] = self.clock()
        with self._write() as conn:
            conn.execute(update(items).where(items.c.key == key).values(**values))

    def mark_alias(self, key: str, source: str, status: str, article_id: Optional[str],
                   duplicate_of: Optional[str] = None) -> None:
        """A second URL for an item already handled (the target of a redirect)."""
        now = self.clock()
        try:
            with self._write() as conn:
                if conn.execute(select(items.c.key).where(items.c.key == key)).first():
                    return
                conn.execute(items.insert().values(
                    key=key, source=source, status=status, article_id=article_id,
                    duplicate_of=duplicate_of, attempts=0, next_attempt=0.0, seq=_next_seq(conn),
                    first_seen=now, updated=now))
        except IntegrityError:
            return

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(items.c.status)).all()
        out: dict[str, int] = {}
        for (status,) in rows:
            out[status] = out.get(status, 0) + 1
        return out

    def duplicates(self) -> list[dict[str, Any]]:
        """Items linked to an article already in the ledger instead of being stored again:
        {"url", "duplicate_of", "final_url"} (a wire story in another outlet, a redirect)."""
        q = (select(items.c.key, items.c.duplicate_of, items.c.final_url)
             .where(items.c.duplicate_of.isnot(None)).order_by(items.c.seq))
        with self.engine.connect() as conn:
            return [{"url": r.key, "duplicate_of": r.duplicate_of, "final_url": r.final_url}
                    for r in conn.execute(q)]

    # -- HTTP validators -----------------------------------------------------------------------
    def validators(self, url: str) -> tuple[Optional[str], Optional[str]]:
        with self.engine.connect() as conn:
            row = conn.execute(select(http_cache.c.etag, http_cache.c.last_modified)
                               .where(http_cache.c.url == url)).first()
        return (row[0], row[1]) if row else (None, None)

    def save_validators(self, url: str, etag: Optional[str], last_modified: Optional[str]) -> None:
        if not etag and not last_modified:
            return
        with self._write() as conn:
            conn.execute(http_cache.delete().where(http_cache.c.url == url))
            conn.execute(http_cache.insert().values(url=url, etag=etag, last_modified=last_modified,
                                                    updated=self.clock()))

    # -- content fingerprints ------------------------------------------------------------------
    def article_with_sha(self, sha: str) -> Optional[str]:
        with self.engine.connect() as conn:
            row = conn.execute(select(content.c.article_id).where(content.c.sha == sha)).first()
        return row[0] if row else None

    def candidates(self, buckets: Iterable[tuple[int, str]]) -> set[str]:
        """Article ids sharing at least one LSH bucket with the given ones."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for band, bucket in buckets:
                for (aid,) in conn.execute(select(lsh.c.article_id).where(
                        (lsh.c.band == band) & (lsh.c.bucket == bucket))):
                    found.add(aid)
        return found

    def signature(self, article_id: str) -> Optional[tuple[list[int], int]]:
        """(MinHash signature, shingle count) of a stored article."""
        with self.engine.connect() as conn:
            row = conn.execute(select(content.c.minhash, content.c.shingles)
                               .where(content.c.article_id == article_id)).first()
        return ([int(h, 16) for h in row[0].split(",")], row[1]) if row else None

    def add_fingerprint(self, article_id: str, key: str, sha: str, signature: list[int],
                        shingles: int, buckets: Iterable[tuple[int, str]]) -> None:
        with self._write() as conn:
            if conn.execute(select(content.c.article_id).where(content.c.article_id == article_id)).first():
                return
            conn.execute(content.insert().values(article_id=article_id, key=key, sha=sha,
                                                 minhash=",".join(format(h, "x") for h in signature),
                                                 shingles=shingles))
            conn.execute(lsh.insert(), [{"band": b, "bucket": k, "article_id": article_id}
                                        for b, k in buckets])


def _next_seq(conn) -> int:
    return (conn.execute(select(func.max(items.c.seq))).scalar() or 0) + 1


def _item(row) -> Item:
    return Item(**{k: row[k] for k in Item.__dataclass_fields__})


def dump_articles(pairs: Iterable[tuple[Any, str]]) -> str:
    """(Article, where its date came from) pairs as the payload of a fetched item."""
    out = []
    for article, published_source in pairs:
        d = article.to_dict()
        d["origin"], d["published_source"] = article.origin, published_source
        out.append(d)
    return json.dumps(out, ensure_ascii=False)


def load_articles(payload: str) -> list[tuple[Any, str]]:
    from ..records import Article
    return [(Article(text=d["text"], id=d.get("id"), title=d.get("title"), source=d.get("source"),
                     url=d.get("url"), published=d.get("published"), language=d.get("language") or "en",
                     origin=d.get("origin")), d.get("published_source") or "none")
            for d in json.loads(payload)]
