"""The ledger store: one interface over SQLite and PostgreSQL.

Writes: one transaction per article, keyed by the article id, so re-ingesting is a no-op and
concurrent writers store each article once. Reads: lists of plain dicts whose fields are those of
SCHEMA.md for the record kind, plus `id` (the stored record's id) and `article` (its article id).
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple, Optional, Sequence, Union

from sqlalchemy import and_, case, func, literal, or_, select, text, union_all, update
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Engine, URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from . import codec, names
from . import schema as t
from ..dates import end_date, start_date
from .engine import WRITE, describe, is_sqlite_file, make_engine, parse_url, sqlite_path
from .errors import StoreError
from .migrate import current_version, migrate
from .search import fts5_query

_CHUNK = 500  # ids per IN (...) list: far below every driver's parameter limit
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
        raise StoreError(f"cannot open {where}: {_first_line(e)}") from e
    return Store(engine, url)


def _first_line(e: BaseException) -> str:
    orig = getattr(e, "orig", None) or e
    msg = str(orig).strip().splitlines()
    return msg[0] if msg else type(orig).__name__


def _chunks(seq: Sequence, n: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def _span(s: Optional[int], e: Optional[int]) -> Optional[list[int]]:
    return None if s is None and e is None else [s, e]


def _as_list(v: Union[str, Iterable[str], None]) -> Optional[list[str]]:
    if v is None:
        return None
    return [v] if isinstance(v, str) else list(v)


def _since(v: Optional[str]) -> Optional[str]:
    if v is None:
        return None
    d = start_date(str(v))
    if d is None:
        raise ValueError(f"not a date: {v!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return d


def _until(v: Optional[str]) -> Optional[str]:
    if v is None:
        return None
    d = end_date(str(v))
    if d is None:
        raise ValueError(f"not a date: {v!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return d


class Store:
    """A ledger database. Thread-safe (a connection pool); open one per process."""

    def __init__(self, engine: Engine, url: URL):
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name  # "sqlite" | "postgresql"
        self._ins = sqlite_dialect.insert if self.dialect == "sqlite" else pg_dialect.insert
        self.analyze_from = ANALYZE_FROM   # PostgreSQL: refresh planner statistics at this article seq

    def __repr__(self) -> str:
        return f"<Store {describe(self.url)}>"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- transactions ----------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except DBAPIError as e:
            raise StoreError(f"{describe(self.url)}: {_first_line(e)}") from e

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
            yield conn

    # ---- writing -------------------------------------------------------------------------------

    def add(self, record: Any) -> bool:
        """Store one article's record (a SCHEMA.md dict, or a Ledger) in one transaction.

        Returns False, changing nothing, when an article with that id is already stored.
        Raises StoreError for a malformed record or a database failure; nothing of the article is
        then stored.
        """
        if hasattr(record, "to_dict"):
            record = record.to_dict()
        aid = codec.article_id_of(record)
        if self.has(aid):  # cheap path that takes no write lock
            return False
        rows = codec.encode(record)  # validate before the transaction
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
        except DBAPIError as e:
            raise StoreError(f"article {aid!r} not stored: {_first_line(e)}") from e
        self._refresh_statistics(inserted[0])
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
            raise StoreError(f"history of {record_id!r} not updated: {_first_line(e)}") from e

    @staticmethod
    def _locate(conn: Connection, record_id: str):
        for kind, table in (("commitment", t.commitments), ("claim", t.claims)):
            # FOR UPDATE (PostgreSQL): concurrent status changes of one record queue up.
            if conn.execute(select(table.c.id).where(table.c.id == record_id)
                            .with_for_update()).first():
                return kind, table
        return None, None

    # ---- whole articles --------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        with self._read() as conn:
            return conn.execute(select(t.articles.c.seq).where(t.articles.c.id == article_id)
                                ).first() is not None

    def article(self, id: str) -> Optional[dict]:
        """The full record of one stored article, as `extract` printed it (current statuses)."""
        with self._read() as conn:
            row = conn.execute(select(t.articles).where(t.articles.c.id == id)).mappings().first()
            if row is None:
                return None
            return self._records(conn, [row])[0]

    def export(self, batch: int = 50) -> Iterator[dict]:
        """Every stored article's record, in ingest order, exactly as `extract` printed it but with
        commitment statuses as the history has updated them. Streams in batches."""
        last = 0
        while True:
            with self._read() as conn:
                rows = conn.execute(select(t.articles).where(t.articles.c.seq > last)
                                    .order_by(t.articles.c.seq).limit(batch)).mappings().all()
                if not rows:
                    return
                records = self._records(conn, rows)
            last = rows[-1]["seq"]
            yield from records

    def articles(self, *, since: Optional[str] = None, until: Optional[str] = None,
                 limit: Optional[int] = None, offset: int = 0, sort: str = "-date") -> list[dict]:
        """Stored articles without their text: id, title, source, url, published, language, plus
        `article` (= id) and counts of their records."""
        a = t.articles.c
        q = select(a.id, a.title, a.source, a.url, a.published, a.language)
        q = self._dates(q, a.date, since, until)
        q = self._page(q, sort, {"date": [a.date], "id": [a.id], "title": [a.title],
                                 "ingested": [a.seq]}, [a.seq], limit, offset)
        with self._read() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            counts = self._counts(conn, [r["id"] for r in rows])
        out = []
        for r in rows:
            out.append({"id": r["id"], "article": r["id"], **{k: r[k] for k in r if k != "id"},
                        **counts.get(r["id"], {})})
        return out

    def _counts(self, conn: Connection, ids: list[str]) -> dict[str, dict]:
        out: dict[str, dict] = {i: {} for i in ids}
        for key, table in (("actors", t.article_actors), ("statements", t.statements),
                           ("events", t.events), ("commitments", t.commitments)):
            for chunk in _chunks(ids):
                for aid, n in conn.execute(select(table.c.article, func.count()).where(
                        table.c.article.in_(chunk)).group_by(table.c.article)):
                    out[aid][key] = n
        for v in out.values():
            for key in ("actors", "statements", "events", "commitments"):
                v.setdefault(key, 0)
        return out

    def _records(self, conn: Connection, article_rows: Sequence) -> list[dict]:
        """Full records of these articles: each table read once for all of them."""
        ids = [r["id"] for r in article_rows]

        def rows_of(table) -> list[dict]:
            return self._fetch(conn, table, table.c.article, ids, [table.c.position])

        mentions = _group(self._fetch(conn, t.mentions, t.mentions.c.article, ids,
                                      [t.mentions.c.actor_position, t.mentions.c.position]),
                          lambda m: (m["article"], m["actor_position"]))
        actors = _group(rows_of(t.article_actors), "article")
        sts, cms = rows_of(t.statements), rows_of(t.commitments)
        statements = _group(list(zip(sts, self._decode_statements(conn, sts))),
                            lambda p: p[0]["article"])
        commitments = _group(list(zip(cms, self._decode_commitments(conn, cms))),
                             lambda p: p[0]["article"])
        events = _group(rows_of(t.events), "article")
        times = _group(rows_of(t.times), "article")
        out = []
        for r in article_rows:
            aid = r["id"]
            out.append(codec.decode_record(
                r, [codec.decode_actor(a, [_span(m["span_start"], m["span_end"])
                                           for m in mentions.get((aid, a["position"]), [])])
                    for a in actors.get(aid, [])],
                [d for _, d in statements.get(aid, [])],
                [codec.decode_event(e) for e in events.get(aid, [])],
                [codec.decode_time(x) for x in times.get(aid, [])],
                [d for _, d in commitments.get(aid, [])]))
        return out

    @staticmethod
    def _fetch(conn: Connection, table, key_col, keys: Sequence, order: list) -> list[dict]:
        rows: list[dict] = []
        for chunk in _chunks(list(keys)):
            rows.extend(dict(r) for r in conn.execute(
                select(table).where(key_col.in_(chunk)).order_by(key_col, *order)).mappings())
        return rows

    def _decode_statements(self, conn: Connection, rows: list[dict]) -> list[dict]:
        about = _group(self._fetch(conn, t.statement_about, t.statement_about.c.statement,
                                   [r["id"] for r in rows], [t.statement_about.c.position]),
                       "statement")
        return [codec.decode_statement(r, [a["actor"] for a in about.get(r["id"], [])])
                for r in rows]

    def _decode_commitments(self, conn: Connection, rows: list[dict]) -> list[dict]:
        ev = _group(self._fetch(conn, t.commitment_evidence, t.commitment_evidence.c.commitment,
                                [r["id"] for r in rows], [t.commitment_evidence.c.position]),
                    "commitment")
        return [codec.decode_commitment(r, [_span(e["span_start"], e["span_end"])
                                            for e in ev.get(r["id"], [])]) for r in rows]

    def _histories(self, conn: Connection, ids: list[str]) -> dict[str, list[dict]]:
        h = t.history.c
        out: dict[str, list[dict]] = {}
        for chunk in _chunks(ids):
            for r in conn.execute(select(t.history).where(h.record_id.in_(chunk)).order_by(
                    h.record_id, func.coalesce(h.date, ""), h.seq)).mappings():
                out.setdefault(r["record_id"], []).append(_history_entry(r))
        return out

    # ---- actors ------------------------------------------------------------------------------

    def resolve_actor(self, name: str) -> list[str]:
        """Actor ids a loosely written name refers to: by id, name or alias, case- and
        accent-insensitive, every word of `name` matching a whole word ("putin" finds
        vladimir-putin and putin). Sorted; [] when nothing matches."""
        n = names.norm(name)
        if not n:
            return []
        al = t.actor_aliases.c
        padded = literal(" ") + al.norm + literal(" ")
        words = [padded.like(f"% {names.like_escape(w)} %", escape="\\") for w in n.split()]
        q = select(al.actor).where(or_(al.norm == n, and_(*words))).union(
            select(t.actors.c.id).where(t.actors.c.id == name))
        with self._read() as conn:
            return sorted(conn.execute(q).scalars())

    def _actor_ids(self, name: Optional[str]) -> Optional[list[str]]:
        return None if name is None else self.resolve_actor(name)

    def actors(self, name: Optional[str] = None, *, article: Optional[str] = None,
               type: Optional[str] = None, limit: Optional[int] = None, offset: int = 0,
               sort: str = "name") -> list[dict]:
        """Actors matching `name` (loosely), or all.

        Without `article`: one dict per actor across the store: id, name, type, country, roles,
        wikidata, `article` (the first article it appeared in), `articles` (how many) and
        `mention_count`. With `article`: the actors as that article lists them (SCHEMA.md fields,
        mentions included, plus `article`). sort: name | id | articles | mentions (prefix "-" to
        reverse).
        """
        if article is not None:
            ids = self._actor_ids(name)
            return [] if ids == [] else self._article_actors(article, ids, type, limit, offset)
        q = self._actors_query(name, type)
        if q is None:
            return []
        a, aa, m = t.actors.c, t.article_actors.c, t.mentions.c
        n_articles = (select(func.count(func.distinct(aa.article))).where(aa.actor == a.id)
                      .scalar_subquery())
        first = (select(aa.article).join(t.articles, t.articles.c.id == aa.article)
                 .where(aa.actor == a.id).order_by(t.articles.c.seq).limit(1).scalar_subquery())
        n_mentions = select(func.count()).where(m.actor == a.id).scalar_subquery()
        q = q.add_columns(first.label("article"), n_articles.label("articles"),
                          n_mentions.label("mention_count"))
        q = self._page(q, sort, {"name": [func.lower(a.name)], "id": [a.id],
                                 "articles": [n_articles], "mentions": [n_mentions]},
                       [a.id], limit, offset)
        with self._read() as conn:
            rows = conn.execute(q).mappings().all()
        return [{"id": r["id"], "article": r["article"], "name": r["name"], "type": r["type"],
                 "country": r["country"], "roles": codec.load_json(r["roles"]) or [],
                 "wikidata": r["wikidata"], "articles": r["articles"],
                 "mention_count": r["mention_count"]} for r in rows]

    def _actors_query(self, name, type):
        a = t.actors.c
        ids = self._actor_ids(name)
        if ids == []:
            return None
        q = select(a.id, a.name, a.type, a.country, a.roles, a.wikidata).where(~a.stub)
        if ids is not None:
            q = q.where(a.id.in_(ids))
        if type is not None:
            q = q.where(a.type == type)
        return q

    def _article_actors(self, article: str, ids: Optional[list[str]], type: Optional[str],
                        limit: Optional[int], offset: int) -> list[dict]:
        aa = t.article_actors.c
        q = select(t.article_actors).where(aa.article == article)
        if ids is not None:
            q = q.where(aa.actor.in_(ids))
        if type is not None:
            q = q.where(aa.type == type)
        q = q.order_by(aa.position).offset(offset or None).limit(limit)
        with self._read() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            men = _group(self._fetch(conn, t.mentions, t.mentions.c.article, [article],
                                     [t.mentions.c.actor_position, t.mentions.c.position]),
                         "actor_position")
        return [{**codec.decode_actor(r, [_span(x["span_start"], x["span_end"])
                                          for x in men.get(r["position"], [])]),
                 "article": article} for r in rows]

    # ---- statements, events, commitments ------------------------------------------------------

    def statements(self, speaker: Optional[str] = None, kind: Union[str, Iterable[str], None] = None,
                   about: Optional[str] = None, *, article: Optional[str] = None,
                   since: Optional[str] = None, until: Optional[str] = None,
                   limit: Optional[int] = None, offset: int = 0, sort: str = "date") -> list[dict]:
        """Statements, filtered: `speaker` and `about` are loose actor names, `kind` one kind or
        several, since/until dates (YYYY[-MM[-DD]]) on when it was said (else the article's date).
        sort: date | article | kind | speaker (prefix "-" to reverse)."""
        q = self._statements_query(speaker, kind, about, article, since, until)
        if q is None:
            return []
        s = t.statements.c
        q = self._page(q, sort, {"date": [s.date], "article": [s.article], "kind": [s.kind],
                                 "speaker": [s.speaker]}, [s.article, s.position], limit, offset)
        with self._read() as conn:
            return self._statement_dicts(conn, [dict(r) for r in conn.execute(q).mappings()])

    def _statements_query(self, speaker, kind, about, article, since, until):
        s = t.statements.c
        q = select(t.statements)
        speakers, abouts = self._actor_ids(speaker), self._actor_ids(about)
        if speakers == [] or abouts == []:
            return None
        if speakers is not None:
            q = q.where(s.speaker.in_(speakers))
        if abouts is not None:
            sa = t.statement_about.c
            q = q.where(s.id.in_(select(sa.statement).where(sa.actor.in_(abouts))))
        if kind is not None:
            q = q.where(s.kind.in_(_as_list(kind)))
        if article is not None:
            q = q.where(s.article == article)
        return self._dates(q, s.date, since, until)

    def _statement_dicts(self, conn: Connection, rows: list[dict]) -> list[dict]:
        return [{"id": r["id"], "article": r["article"], **d}
                for r, d in zip(rows, self._decode_statements(conn, rows))]

    def events(self, code: Optional[str] = None, actor: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None, *,
               article: Optional[str] = None, plover: Optional[str] = None,
               limit: Optional[int] = None, offset: int = 0, sort: str = "date") -> list[dict]:
        """Events: `code` a CAMEO prefix ("19" finds 190–196), `actor` a loose name (source or
        target), since/until dates on when it happened (else the article's date).
        sort: date | code | article (prefix "-" to reverse)."""
        q = self._events_query(code, actor, since, until, article, plover)
        if q is None:
            return []
        e = t.events.c
        q = self._page(q, sort, {"date": [e.date], "code": [e.code], "article": [e.article]},
                       [e.article, e.position], limit, offset)
        with self._read() as conn:
            return [{"id": r["id"], "article": r["article"], **codec.decode_event(dict(r))}
                    for r in conn.execute(q).mappings()]

    def _events_query(self, code, actor, since, until, article, plover):
        e = t.events.c
        q = select(t.events)
        ids = self._actor_ids(actor)
        if ids == []:
            return None
        if ids is not None:
            q = q.where(or_(e.source.in_(ids), e.target.in_(ids)))
        if code is not None:
            q = q.where(e.code.startswith(str(code), autoescape=True))
        if plover is not None:
            q = q.where(e.plover == plover)
        if article is not None:
            q = q.where(e.article == article)
        return self._dates(q, e.date, since, until)

    def commitments(self, status: Union[str, Iterable[str], None] = None,
                    due_before: Optional[str] = None, holder: Optional[str] = None,
                    overdue: Optional[bool] = None, *, article: Optional[str] = None,
                    as_of: Optional[str] = None, limit: Optional[int] = None, offset: int = 0,
                    sort: str = "due") -> list[dict]:
        """Commitments with their current status and `history` (oldest first).

        `status` one or several current statuses; `due_before` a date (due strictly before it);
        `holder` a loose actor name; `overdue` True/False: still open and either flagged overdue
        when extracted or due before `as_of` (default today, UTC). The returned `overdue` is that
        same live value (export keeps the stored one). sort: due | date | status | article.
        """
        today = _since(as_of) if as_of else _today()
        q = self._commitments_query(status, due_before, holder, overdue, article, today)
        if q is None:
            return []
        c = t.commitments.c
        q = self._page(q, sort, {"due": [c.due_date], "date": [c.date], "status": [c.status],
                                 "article": [c.article]}, [c.article, c.position], limit, offset)
        with self._read() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            return self._commitment_dicts(conn, rows, today)

    def _commitments_query(self, status, due_before, holder, overdue, article, today):
        c = t.commitments.c
        q = select(t.commitments)
        ids = self._actor_ids(holder)
        if ids == []:
            return None
        if ids is not None:
            q = q.where(c.holder.in_(ids))
        if status is not None:
            q = q.where(c.status.in_(_as_list(status)))
        if due_before is not None:
            q = q.where(c.due_date < _since(due_before))
        if overdue is not None:
            late = and_(c.status == "open", or_(c.overdue.is_(True),
                                                and_(c.due_date.isnot(None), c.due_date < today)))
            q = q.where(late if overdue else ~late)
        if article is not None:
            q = q.where(c.article == article)
        return q

    def _commitment_dicts(self, conn: Connection, rows: list[dict], today: str) -> list[dict]:
        hist = self._histories(conn, [r["id"] for r in rows])
        out = []
        for r, d in zip(rows, self._decode_commitments(conn, rows)):
            if "overdue" in d:
                d["overdue"] = bool(r["status"] == "open" and (
                    r["overdue"] or (r["due_date"] is not None and r["due_date"] < today)))
            out.append({"id": r["id"], "article": r["article"], **d,
                        "history": [{k: h[k] for k in ("status", "date", "article", "span", "note")}
                                    for h in hist.get(r["id"], [])]})
        return out

    def timeline(self, actor: str, *, since: Optional[str] = None, until: Optional[str] = None,
                 limit: Optional[int] = None, offset: int = 0, sort: str = "date") -> list[dict]:
        """What an actor said (statements it spoke), did or suffered (events as source or target)
        and promised (commitments as holder or counterparty), by date (`sort="-date"`: newest
        first). Each dict is the record's own plus `record` ("statement" | "event" |
        "commitment") and `date` (when it was said, happened or made)."""
        if sort not in ("date", "-date"):
            raise ValueError(f"timeline sorts by date or -date, not {sort!r}")
        ids = self.resolve_actor(actor)
        if not ids:
            return []
        s, e, c = t.statements.c, t.events.c, t.commitments.c
        parts = [
            select(literal("statement").label("record"), literal(0).label("rank"), s.id, s.article,
                   s.position, s.date).where(s.speaker.in_(ids)),
            select(literal("event").label("record"), literal(1).label("rank"), e.id, e.article,
                   e.position, e.date).where(or_(e.source.in_(ids), e.target.in_(ids))),
            select(literal("commitment").label("record"), literal(2).label("rank"), c.id, c.article,
                   c.position, c.date).where(or_(c.holder.in_(ids), c.counterparty.in_(ids))),
        ]
        parts = [self._dates(p, col, since, until) for p, col in zip(parts, (s.date, e.date, c.date))]
        u = union_all(*parts).subquery()
        d = u.c.date.desc() if sort == "-date" else u.c.date.asc()
        q = (select(u.c.record, u.c.id, u.c.date)
             .order_by(d.nulls_last(), u.c.article, u.c.rank, u.c.position)
             .offset(offset or None).limit(limit))
        with self._read() as conn:
            keys = conn.execute(q).all()
            wanted: dict[str, list[str]] = {}
            for rec, rid, _ in keys:
                wanted.setdefault(rec, []).append(rid)
            found: dict[str, dict] = {}
            if wanted.get("statement"):
                rows = self._fetch(conn, t.statements, s.id, wanted["statement"], [])
                found.update((x["id"], x) for x in self._statement_dicts(conn, rows))
            if wanted.get("event"):
                for r in self._fetch(conn, t.events, e.id, wanted["event"], []):
                    found[r["id"]] = {"id": r["id"], "article": r["article"], **codec.decode_event(r)}
            if wanted.get("commitment"):
                rows = self._fetch(conn, t.commitments, c.id, wanted["commitment"], [])
                found.update((x["id"], x) for x in
                             self._commitment_dicts(conn, rows, _today()))
        return [{"record": rec, "date": day, **found[rid]} for rec, rid, day in keys]

    def history(self, record_id: str) -> list[dict]:
        """Status changes of a commitment or claim, oldest first: id (entry number), record_kind,
        record_id, status, date, article, span, note, recorded_at."""
        with self._read() as conn:
            return self._histories(conn, [record_id]).get(record_id, [])

    # ---- search ------------------------------------------------------------------------------

    def search(self, q: str, limit: int = 20, offset: int = 0) -> list[dict]:
        """Full-text search over article text (and titles) and statement content, best first.

        Query syntax: words (all must occur), "a phrase", OR, -excluded. Each hit has `record`
        ("article" | "statement"), `id`, `article`, `snippet` (matches in [brackets]) and `score`
        (higher is better; comparable within one store); article hits add title and published,
        statement hits the statement's fields.
        """
        n = max(0, int(limit)) + max(0, int(offset))
        if n == 0:
            return []
        with self._read() as conn:
            if self.dialect == "sqlite":
                expr = fts5_query(q)
                if not expr:
                    return []
                arts = conn.execute(text(
                    "SELECT a.id, a.title, a.published, "
                    "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, "
                    "-bm25(articles_fts, 5.0, 1.0) AS score "
                    "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                    "WHERE articles_fts MATCH :q ORDER BY score DESC LIMIT :n"),
                    {"q": expr, "n": n}).mappings().all()
                sts = conn.execute(text(
                    "SELECT s.id, snippet(statements_fts, 0, '[', ']', '…', 16) AS snippet, "
                    "-bm25(statements_fts) AS score "
                    "FROM statements_fts JOIN statements s ON s.seq = statements_fts.rowid "
                    "WHERE statements_fts MATCH :q ORDER BY score DESC LIMIT :n"),
                    {"q": expr, "n": n}).mappings().all()
            else:
                if not (q or "").strip():
                    return []
                opts = "StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1"
                arts = conn.execute(text(
                    "SELECT h.id, h.title, h.published, h.score, "
                    "ts_headline('english', h.text, h.query, :opts) AS snippet FROM ("
                    " SELECT a.id, a.title, a.published, a.text, query, "
                    " ts_rank(a.search, query) AS score"
                    " FROM articles a, websearch_to_tsquery('english', :q) AS query"
                    " WHERE a.search @@ query ORDER BY score DESC LIMIT :n) h ORDER BY h.score DESC"),
                    {"q": q, "n": n, "opts": opts}).mappings().all()
                sts = conn.execute(text(
                    "SELECT h.id, h.score, "
                    "ts_headline('english', h.content_text, h.query, :opts) AS snippet FROM ("
                    " SELECT s.id, s.content_text, query, ts_rank(s.search, query) AS score"
                    " FROM statements s, websearch_to_tsquery('english', :q) AS query"
                    " WHERE s.search @@ query ORDER BY score DESC LIMIT :n) h ORDER BY h.score DESC"),
                    {"q": q, "n": n, "opts": opts}).mappings().all()
            st_rows = self._fetch(conn, t.statements, t.statements.c.id, [r["id"] for r in sts], [])
            st_full = {d["id"]: d for d in self._statement_dicts(conn, st_rows)}
        hits = [{"record": "article", "id": r["id"], "article": r["id"], "title": r["title"],
                 "published": r["published"], "snippet": r["snippet"], "score": float(r["score"])}
                for r in arts]
        hits += [{"record": "statement", **st_full[r["id"]], "snippet": r["snippet"],
                  "score": float(r["score"])} for r in sts if r["id"] in st_full]
        hits.sort(key=lambda h: -h["score"])
        return hits[offset:offset + limit]

    # ---- misc --------------------------------------------------------------------------------

    def count(self, what: str, /, **filters: Any) -> int:
        """How many records a query would return without limit/offset (for page counts):
        `count("statements", speaker="putin")` takes the filters of `statements(...)`; kind is
        statements | events | commitments | actors (store-wide) | articles."""
        kind = what
        if kind == "statements":
            f = {k: filters.pop(k, None) for k in ("speaker", "kind", "about", "article", "since", "until")}
            q = self._statements_query(**f)
        elif kind == "events":
            f = {k: filters.pop(k, None) for k in ("code", "actor", "since", "until", "article", "plover")}
            q = self._events_query(**f)
        elif kind == "commitments":
            as_of = filters.pop("as_of", None)
            f = {k: filters.pop(k, None) for k in ("status", "due_before", "holder", "overdue", "article")}
            q = self._commitments_query(**f, today=_since(as_of) if as_of else _today())
        elif kind == "actors":
            f = {k: filters.pop(k, None) for k in ("name", "type")}
            q = self._actors_query(**f)
        elif kind == "articles":
            f = {k: filters.pop(k, None) for k in ("since", "until")}
            q = self._dates(select(t.articles.c.id), t.articles.c.date, f["since"], f["until"])
        else:
            raise ValueError(f"cannot count {kind!r}: use statements, events, commitments, actors "
                             "or articles")
        if filters:
            raise TypeError(f"count({kind!r}) got unexpected filters: {', '.join(filters)}")
        if q is None:
            return 0
        with self._read() as conn:
            return conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()

    def stats(self) -> dict[str, int]:
        """Row counts of the main tables, and the schema version."""
        out: dict[str, int] = {}
        with self._read() as conn:
            for table in (t.articles, t.actors, t.statements, t.events, t.times, t.commitments,
                          t.claims, t.history):
                out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
            out["schema_version"] = current_version(conn)
        return out

    # ---- query building ----------------------------------------------------------------------

    @staticmethod
    def _dates(q, col, since: Optional[str], until: Optional[str]):
        if since is not None:
            q = q.where(col >= _since(since))
        if until is not None:
            q = q.where(col <= _until(until))
        return q

    @staticmethod
    def _page(q, sort: str, choices: dict[str, list], tiebreak: list, limit: Optional[int],
              offset: int):
        desc = sort.startswith("-")
        key = sort.lstrip("-+")
        if key not in choices:
            raise ValueError(f"cannot sort by {sort!r}: use one of {', '.join(choices)} "
                             "(prefix - to reverse)")
        cols = [(c.desc() if desc else c.asc()).nulls_last() for c in choices[key]]
        if limit is not None and limit < 0 or offset < 0:
            raise ValueError("limit and offset must not be negative")
        return q.order_by(*cols, *tiebreak).offset(offset or None).limit(limit)


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def _group(rows: list, key) -> dict:
    out: dict = {}
    get = key if callable(key) else (lambda r: r[key])
    for r in rows:
        out.setdefault(get(r), []).append(r)
    return out


def _history_entry(r) -> dict:
    return {"id": r["seq"], "record_kind": r["record_kind"], "record_id": r["record_id"],
            "status": r["status"], "date": r["date"], "article": r["article"],
            "span": _span(r["span_start"], r["span_end"]), "note": r["note"],
            "recorded_at": r["recorded_at"]}
