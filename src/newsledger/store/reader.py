"""Reading whole records: the store's connection and read transactions, and articles as `extract`
printed them (`article`, `export`, `articles`, `history`), with the helpers every read shares."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator, Optional, Self, Sequence, Union

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine, URL
from sqlalchemy.exc import DBAPIError

from . import codec
from . import schema as t
from ..dates import end_date, start_date
from .engine import describe
from .errors import StoreError, first_line

CHUNK = 500  # ids per IN (...) list: far below every driver's parameter limit


def chunks(seq: Sequence, n: int = CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def span_of(s: Optional[int], e: Optional[int]) -> Optional[list[int]]:
    return None if s is None and e is None else [s, e]


def as_list(v: Union[str, Iterable[str], None]) -> Optional[list[str]]:
    if v is None:
        return None
    return [v] if isinstance(v, str) else list(v)


def _day_of(v: Optional[str], day: Callable[[str], Optional[str]]) -> Optional[str]:
    if v is None:
        return None
    d = day(str(v))
    if d is None:
        raise ValueError(f"not a date: {v!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return d


def since_date(v: Optional[str]) -> Optional[str]:
    """The first day of a --since value ("2025-08" -> "2025-08-01")."""
    return _day_of(v, start_date)


def until_date(v: Optional[str]) -> Optional[str]:
    """The last day of an --until value ("2025-08" -> "2025-08-31")."""
    return _day_of(v, end_date)


def today_iso() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def group_by(rows: list, key) -> dict:
    out: dict = {}
    get = key if callable(key) else (lambda r: r[key])
    for r in rows:
        out.setdefault(get(r), []).append(r)
    return out


def history_entry(r) -> dict:
    return {"id": r["seq"], "record_kind": r["record_kind"], "record_id": r["record_id"],
            "status": r["status"], "date": r["date"], "article": r["article"],
            "span": span_of(r["span_start"], r["span_end"]), "note": r["note"],
            "recorded_at": r["recorded_at"]}


class Reader:
    """The connection pool and the reads of whole articles; Queries and Store build on it."""

    def __init__(self, engine: Engine, url: URL):
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name  # "sqlite" | "postgresql"

    def __repr__(self) -> str:
        return f"<Store {describe(self.url)}>"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
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
            raise StoreError(f"{describe(self.url)}: {first_line(e)}") from e

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
            for chunk in chunks(ids):
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

        mentions = group_by(self._fetch(conn, t.mentions, t.mentions.c.article, ids,
                                      [t.mentions.c.actor_position, t.mentions.c.position]),
                          lambda m: (m["article"], m["actor_position"]))
        actors = group_by(rows_of(t.article_actors), "article")
        sts, cms = rows_of(t.statements), rows_of(t.commitments)
        statements = group_by(list(zip(sts, self._decode_statements(conn, sts))),
                            lambda p: p[0]["article"])
        commitments = group_by(list(zip(cms, self._decode_commitments(conn, cms))),
                             lambda p: p[0]["article"])
        events = group_by(rows_of(t.events), "article")
        times = group_by(rows_of(t.times), "article")
        out = []
        for r in article_rows:
            aid = r["id"]
            out.append(codec.decode_record(
                r, [codec.decode_actor(a, [span_of(m["span_start"], m["span_end"])
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
        for chunk in chunks(list(keys)):
            rows.extend(dict(r) for r in conn.execute(
                select(table).where(key_col.in_(chunk)).order_by(key_col, *order)).mappings())
        return rows

    def _decode_statements(self, conn: Connection, rows: list[dict]) -> list[dict]:
        about = group_by(self._fetch(conn, t.statement_about, t.statement_about.c.statement,
                                   [r["id"] for r in rows], [t.statement_about.c.position]),
                       "statement")
        return [codec.decode_statement(r, [a["actor"] for a in about.get(r["id"], [])])
                for r in rows]

    def _decode_commitments(self, conn: Connection, rows: list[dict]) -> list[dict]:
        ev = group_by(self._fetch(conn, t.commitment_evidence, t.commitment_evidence.c.commitment,
                                [r["id"] for r in rows], [t.commitment_evidence.c.position]),
                    "commitment")
        return [codec.decode_commitment(r, [span_of(e["span_start"], e["span_end"])
                                            for e in ev.get(r["id"], [])]) for r in rows]

    def _histories(self, conn: Connection, ids: list[str]) -> dict[str, list[dict]]:
        h = t.history.c
        out: dict[str, list[dict]] = {}
        for chunk in chunks(ids):
            for r in conn.execute(select(t.history).where(h.record_id.in_(chunk)).order_by(
                    h.record_id, func.coalesce(h.date, ""), h.seq)).mappings():
                out.setdefault(r["record_id"], []).append(history_entry(r))
        return out

    def _statement_dicts(self, conn: Connection, rows: list[dict]) -> list[dict]:
        return [{"id": r["id"], "article": r["article"], **d}
                for r, d in zip(rows, self._decode_statements(conn, rows))]

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

    def history(self, record_id: str) -> list[dict]:
        """Status changes of a commitment or claim, oldest first: id (entry number), record_kind,
        record_id, status, date, article, span, note, recorded_at."""
        with self._read() as conn:
            return self._histories(conn, [record_id]).get(record_id, [])
