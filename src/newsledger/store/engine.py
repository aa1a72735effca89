"""Connecting: a path or URL in, a configured SQLAlchemy Engine out.

SQLite: WAL (readers never block the writer), a busy timeout (writers queue instead of failing),
foreign keys on, and write transactions that start with BEGIN IMMEDIATE so two writing processes
wait for each other at the start rather than failing at their first write.
PostgreSQL: the psycopg 3 driver, whatever driver the URL names. Commits wait for the server's
synchronous_commit setting (default on: a commit returns once its WAL is on disk). A ledger fed from
sources it can read again may run with `ALTER DATABASE … SET synchronous_commit = off`: a commit then
returns before the flush, and a server crash loses the last fraction of a second of articles, never
consistency; ingesting them again stores them (an article id is stored once). The store leaves it to
the database's owner.
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Optional, Union

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from .errors import StoreError

DEFAULT_PATH = "newsledger.db"
BUSY_TIMEOUT_S = 60.0
WAL_CHECKPOINT_PAGES = 10000
# Execution option that makes a SQLite transaction begin with BEGIN IMMEDIATE (see module doc).
WRITE = "newsledger_write"


def parse_url(url_or_path: Union[str, Path, None]) -> URL:
    """`None` -> ./newsledger.db; a path -> sqlite:///path; `postgres(ql)://` -> postgresql+psycopg."""
    if url_or_path is None:
        url_or_path = DEFAULT_PATH
    raw = str(url_or_path)
    if "://" not in raw and raw != ":memory:":
        return URL.create("sqlite", database=raw)
    if raw == ":memory:":
        return URL.create("sqlite", database=":memory:")
    if raw.startswith("postgres://"):  # Heroku-style spelling
        raw = "postgresql://" + raw[len("postgres://"):]
    try:
        url = make_url(raw)
    except ArgumentError as e:
        raise StoreError(f"not a database URL or path: {raw!r}") from e
    backend = url.get_backend_name()
    if backend == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url.set(drivername="sqlite")
    raise StoreError(f"unsupported database {backend!r} in {url.render_as_string(hide_password=True)}:"
                     " use a file path, sqlite:///PATH or postgresql://…")


def describe(url: URL) -> str:
    """The store's address for messages, password hidden."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Optional[Path]:
    """The file of a SQLite URL, or None for an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _sqlite_engine(url: URL) -> Engine:
    memory = sqlite_path(url) is None
    # cached_statements: the tracker runs a few hundred distinct statements per article (its lookups are
    # unions of many selects, costly to prepare); with the default 128 they would be prepared again and again.
    kwargs: dict = {"connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False,
                                     "cached_statements": 1024}}
    if memory:  # one shared connection, or every checkout would see a new empty database
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy's begin event (below) issue BEGIN itself: pysqlite's own implicit
        # transactions start too late for DDL and never as IMMEDIATE.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cur.execute("PRAGMA foreign_keys = ON")
        if not memory:
            _to_wal(cur)
            # Safe with WAL: commits stay atomic; a power cut may only lose the latest ones.
            cur.execute("PRAGMA synchronous = NORMAL")
            # Copy the WAL into the file every 10,000 pages (40 MB), not 1,000: an article's commit dirties
            # hundreds of index pages, the hot ones again and again, each copy written once per checkpoint
            # (timing only: what a commit makes durable is the same).
            cur.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE)
                             else "BEGIN")

    return engine


def _to_wal(cur) -> None:
    """Switch the file to WAL. Two processes opening a new file at once may both ask: SQLite answers
    the one that finds the other mid-switch "database is locked" at once, without its busy handler,
    so the switch is retried here for as long as a busy wait would last."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def is_sqlite_file(path: Path) -> bool:
    """True if `path` starts with the SQLite header (an empty file counts: SQLite will use it)."""
    with open(path, "rb") as f:
        head = f.read(16)
    return head == b"" or head == b"SQLite format 3\x00"


__all__ = ["parse_url", "describe", "sqlite_path", "make_engine", "is_sqlite_file", "WRITE",
           "DEFAULT_PATH"]
