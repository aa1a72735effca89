"""The ledger store: one interface over SQLite and PostgreSQL.

Writes: one transaction per article, keyed by the article id, so re-ingesting is a no-op and
concurrent writers store each article once. Reads: lists of plain dicts whose fields are those of
SCHEMA.md for the record kind, plus `id` (the stored record's id) and `article` (its article id).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Optional, Sequence, Union

from sqlalchemy import and_, case, func, or_, select, text, update
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Engine, URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from . import codec
from . import schema as t
from .engine import WRITE, describe, is_sqlite_file, make_engine, parse_url, sqlite_path
from .errors import StoreError, first_line
from .migrate import current_version, migrate
from .queries import Queries

# PostgreSQL: the article seq at which a Store first refreshes the planner's statistics (then at each
# doubling); see Store._refresh_statistics.
ANALYZE_FROM = 100


class AddResult(NamedTuple):
    added: int      # articles newly stored
    skipped: int    # articles already in the store (same id), left unchanged


def open_store(url_or_path: Union[str, Path, None] = None, *, must_exist: bool = False) -> "Store":
    """Open (and create or migrate) a store.

    `url_or_path`: a file path or sqlite:///PATH (SQLite; default ./newsledger.db), ":memory:",
    or postgresql://USER@HOST:PORT/DB (PostgreSQL through psycopg 3).
    `must_exist=True` (reading commands): raise StoreError, rather than create an empty store, when
    the SQLite file does not exist or the database holds no newsledger tables.
    """
    url = parse_url(url_or_path)
    where = describe(url)
    path = sqlite_path(url)
    if path is not None:
        if must_exist and not path.exists():
            raise StoreError(f"no ledger at {where}: run `newsledger ingest` first, or pass --db")
        if path.is_dir():
            raise StoreError(f"{where} is a directory, not a ledger database")
        if path.exists() and not is_sqlite_file(path):
            raise StoreError(f"{where} is not a SQLite database")
        if not path.exists() and not path.parent.exists():
            raise StoreError(f"cannot create {where}: directory {path.parent} does not exist")
    engine = make_engine(url)
    try:
        if must_exist:
            with engine.connect() as conn:
                if current_version(conn) == 0:
                    raise StoreError(f"no newsledger ledger in {where}: run `newsledger ingest` first")
        migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except (SQLAlchemyError, OSError) as e:
        engine.dispose()
        raise StoreError(f"cannot open {where}: {first_line(e)}") from e
    return Store(engine, url)


class Store(Queries):
    """A ledger database. Thread-safe (a connection pool); open one per process.

    Reads come from Queries (filtered lists) and Reader (whole articles); the writes are here.
    Articles go in through `newsledger.track.store_record`, which stores with `add` then links.
    """

    def __init__(self, engine: Engine, url: URL):
        super().__init__(engine, url)
        self._ins = sqlite_dialect.insert if self.dialect == "sqlite" else pg_dialect.insert
        self.analyze_from = ANALYZE_FROM   # PostgreSQL: refresh planner statistics at this article seq

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
            yield conn

    # ---- writing -------------------------------------------------------------------------------

    def add(self, record: Any, *, then: Optional[Callable[[Connection], Any]] = None) -> bool:
        """Store one article's record (a SCHEMA.md dict, or a Ledger) in one transaction.

        Returns False, changing nothing, when an article with that id is already stored.
        Raises StoreError for a malformed record or a database failure; nothing of the article is
        then stored.

        `then(conn)` (the tracker's linking, track.store_record) runs in the same transaction once the
        rows are in, inside a savepoint: the article and its links commit together, so a crash leaves
        either both or neither (then a later run stores and links the article), never a stored article
        that no run will link. If `then` raises, only its writes are rolled back: the article is
        committed, as when linking ran in a transaction of its own, and the error is raised after.
        """
        if hasattr(record, "to_dict"):
            record = record.to_dict()
        aid = codec.article_id_of(record)
        if self.has(aid):  # cheap path that takes no write lock
            return False
        rows = codec.encode(record)  # validate before the transaction
        failed: Optional[BaseException] = None
        try:
            with self._write() as conn:
                # RETURNING, not rowcount: psycopg reports -1 for a single-row insert.
                art = self._ins(t.articles).values(rows.article).on_conflict_do_nothing(
                    index_elements=["id"]).returning(t.articles.c.seq)
                inserted = conn.execute(art).first()
                if inserted is None:  # another writer stored it meanwhile
                    conn.get_transaction().rollback()
                    return False
                self._upsert_actors(conn, rows.actors)
                if rows.aliases:
                    conn.execute(self._ins(t.actor_aliases).on_conflict_do_nothing(
                        index_elements=["actor", "norm"]), rows.aliases)
                for table, items in ((t.article_actors, rows.article_actors),
                                     (t.mentions, rows.mentions),
                                     (t.statements, rows.statements),
                                     (t.statement_about, rows.statement_about),
                                     (t.events, rows.events), (t.times, rows.times),
                                     (t.commitments, rows.commitments),
                                     (t.commitment_evidence, rows.commitment_evidence),
                                     (t.history, rows.history)):
                    if items:
                        conn.execute(table.insert(), items)
                if then is not None:
                    try:
                        with conn.begin_nested():
                            then(conn)
                    except Exception as e:      # noqa: BLE001 - raised again once the article is committed
                        failed = e
        except DBAPIError as e:
            raise StoreError(f"article {aid!r} not stored: {first_line(e)}") from e
        self._refresh_statistics(inserted[0])
        if failed is not None:
            raise failed
        return True

    def _refresh_statistics(self, seq: int) -> None:
        """PostgreSQL plans its joins from table statistics. A store filled faster than autovacuum
        analyzes it (or on a server with autovacuum off) is read with plans made for empty tables:
        the tracker's lookups then scan every mention (bench/writer.py: 8.8 articles/s at 3,000
        stored, 14.6 after ANALYZE). So ANALYZE the database (the store's and the tracker's tables)
        each time the article count doubles."""
        if self.dialect != "postgresql" or seq < self.analyze_from:
            return
        self.analyze_from = 2 * seq
        try:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("ANALYZE"))
        except DBAPIError:
            pass    # statistics are an optimisation: a failure here must not fail the article

    def add_many(self, records: Iterable[Any]) -> AddResult:
        """`add` each record, one transaction per article; stops at the first error (articles
        before it stay stored)."""
        added = skipped = 0
        for record in records:
            if self.add(record):
                added += 1
            else:
                skipped += 1
        return AddResult(added, skipped)

    def _upsert_actors(self, conn: Connection, rows: list[dict]) -> None:
        """Actors are shared by all articles: insert new ones, and let a later article fill in what
        an earlier one left empty (a stub's name and type, country, wikidata, roles). Rows come
        sorted by id, so concurrent writers lock them in one order and cannot deadlock."""
        if not rows:
            return
        a = t.actors.c
        stmt = self._ins(t.actors)
        ex = stmt.excluded
        promote = and_(a.stub, ~ex.stub)
        stmt = stmt.on_conflict_do_update(
            index_elements=["id"],
            set_={"name": case((promote, ex.name), else_=a.name),
                  "type": case((promote, ex.type), else_=a.type),
                  "country": func.coalesce(a.country, ex.country),
                  "wikidata": func.coalesce(a.wikidata, ex.wikidata),
                  "roles": case((a.roles == "[]", ex.roles), else_=a.roles),
                  "stub": and_(a.stub, ex.stub)},
            where=or_(promote, and_(a.country.is_(None), ex.country.isnot(None)),
                      and_(a.wikidata.is_(None), ex.wikidata.isnot(None)),
                      and_(a.roles == "[]", ex.roles != "[]")))
        conn.execute(stmt, rows)

    def add_history(self, record_id: str, status: str, *, date: Optional[str] = None,
                    article: Optional[str] = None, span: Optional[Sequence[int]] = None,
                    note: Optional[str] = None, overdue: Optional[bool] = None) -> None:
        """Append a status change of a commitment or claim (the tracker's entry point).

        The history is never rewritten; the record's current status becomes that of its latest
        entry by date (then by order of recording), so reports ingested out of order still end
        with the newest status. `overdue`, when given, replaces a commitment's overdue flag.
        """
        if not status:
            raise ValueError("a status is required")
        s, e = (None, None) if span is None else (int(span[0]), int(span[1]))
        try:
            with self._write() as conn:
                kind, table = self._locate(conn, record_id)
                if kind is None:
                    raise StoreError(f"no commitment or claim with id {record_id!r}")
                conn.execute(t.history.insert().values(
                    record_kind=kind, record_id=record_id, status=status, date=date,
                    article=article, span_start=s, span_end=e, note=note, recorded_at=codec.now()))
                h = t.history.c
                latest = conn.execute(select(h.status).where(h.record_id == record_id).order_by(
                    func.coalesce(h.date, "").desc(), h.seq.desc()).limit(1)).scalar_one()
                values: dict[str, Any] = {"status": latest}
                if overdue is not None and kind == "commitment":
                    values["overdue"] = overdue
                conn.execute(update(table).where(table.c.id == record_id).values(**values))
        except DBAPIError as e:
            raise StoreError(f"history of {record_id!r} not updated: {first_line(e)}") from e

    @staticmethod
    def _locate(conn: Connection, record_id: str):
        for kind, table in (("commitment", t.commitments), ("claim", t.claims)):
            # FOR UPDATE (PostgreSQL): concurrent status changes of one record queue up.
            if conn.execute(select(table.c.id).where(table.c.id == record_id)
                            .with_for_update()).first():
                return kind, table
        return None, None
