"""Tracking's own tables (migrations 0009_track_links.sql, 0010_track_keys.sql, 0011_track_followups.sql,
0013_track_bounds.sql, 0014_track_keys_covering.sql, 0016_track_write_indexes) and reads of membership
and actors."""
from __future__ import annotations

import json
import re
from typing import Iterable, Optional

from sqlalchemy import BigInteger, Column, Float, Integer, MetaData, Table, Text, func, select
from sqlalchemy.engine import Connection

from ..store import codec
from ..store import schema as t
from .match import ActorInfo

_meta = MetaData()
UNION_SELECTS = 200        # selects per statement (SQLite allows 500 in a compound select)

track_links = Table(
    "track_links", _meta,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("record_kind", Text, nullable=False), Column("record_id", Text, nullable=False),
    Column("thread", Text, nullable=False), Column("action", Text, nullable=False),
    Column("stance", Text), Column("article", Text), Column("date", Text),
    Column("span_start", Integer), Column("span_end", Integer), Column("due", Text),
    Column("score", Float), Column("note", Text), Column("recorded_at", Text, nullable=False),
)

# The candidate index (track/keys.py): (actor, normalized word) -> tracked record. No primary key
# (migration 0016): the unique index track_keys_near (record_kind, actor, word, date, record_id, article)
# is the one the inserts check and the lookups read.
track_keys = Table(
    "track_keys", _meta,
    Column("record_kind", Text, nullable=False), Column("actor", Text, nullable=False),
    Column("word", Text, nullable=False), Column("record_id", Text, nullable=False),
    Column("article", Text, nullable=False),
    Column("date", Text, nullable=False, default=""),    # the article's date (migration 0013), "" if none
)

# Articles by actor and date (migration 0011): the backward lookup of track/followups.py.
track_article_actors = Table(
    "track_article_actors", _meta,
    Column("actor", Text, primary_key=True), Column("date", Text, primary_key=True),
    Column("article", Text, primary_key=True),
)

# The ids whose track_article_actors rows are complete (migration 0017, SQLite): every stored dated article
# naming one has its row. Others have none; followups.complete_actors writes them the first time a
# lookup asks for one.
track_named_actors = Table("track_named_actors", _meta, Column("actor", Text, primary_key=True))

# The folded status of each thread (migration 0013, track/fold.py).
track_folds = Table(
    "track_folds", _meta,
    Column("record_kind", Text, primary_key=True), Column("thread", Text, primary_key=True),
    Column("upto", BigInteger, nullable=False), Column("seen", BigInteger, nullable=False),
    Column("root_date", Text), Column("root_record", Text),
)
track_steps = Table(
    "track_steps", _meta,
    Column("record_kind", Text, primary_key=True), Column("thread", Text, primary_key=True),
    Column("date", Text, primary_key=True), Column("stance", Text, primary_key=True),
    Column("n", Integer, nullable=False), Column("max_due", Text),
    Column("last_record", Text, nullable=False), Column("last_date", Text), Column("last_article", Text),
    Column("last_span_start", Integer), Column("last_span_end", Integer), Column("last_due", Text),
    Column("last_note", Text),
)

track_state = Table(
    "track_state", _meta,
    Column("name", Text, primary_key=True), Column("value", Text, nullable=False),
)


def engine_of(store):
    """The SQLAlchemy engine behind a Store (or an engine passed directly)."""
    return getattr(store, "engine", store)


_LINK_COLUMNS = tuple(c.name for c in track_links.columns)
_LINK_SQL = f"SELECT {', '.join(_LINK_COLUMNS)} FROM track_links WHERE record_kind = ? AND "


def latest_links(conn: Connection, kind: str, record_ids: Iterable[str]) -> dict[str, dict]:
    """record id -> its latest track_links row (by seq): the link in force, or an unlink.
    Plain SQL on the DB-API cursor, the ids as one parameter (in_ids): a thread's refresh reads the rows
    of all its members, one more each time its story repeats (bench/writer.py: a thousand in a store of
    30,000 articles), and a SQLAlchemy Row per row, with an IN list compiled anew for each count of
    ids, cost more than the read."""
    out: dict[str, dict] = {}
    ids = list(dict.fromkeys(record_ids))
    i_id, i_seq = _LINK_COLUMNS.index("record_id"), _LINK_COLUMNS.index("seq")
    for n in range(0, len(ids), 500):
        cond, arg = in_ids(conn, "record_id", ids[n:n + 500])
        for r in fetch_rows(conn, _LINK_SQL + cond, (kind, arg)):
            rid = r[i_id]
            if rid not in out or r[i_seq] > out[rid]["seq"]:
                out[rid] = dict(zip(_LINK_COLUMNS, r))
    return out


def in_ids(conn: Connection, column: str, ids: list[str]) -> tuple[str, object]:
    """A condition "`column` is one of `ids`" of fixed text, and its one parameter: the statement is
    prepared once whatever the number of ids (SQLite: a JSON array read by json_each; PostgreSQL: a
    text array), and the column's index is probed once per id."""
    if conn.dialect.name == "postgresql":
        return f"{column} = ANY(CAST(? AS text[]))", list(ids)
    return f"{column} IN (SELECT value FROM json_each(?))", json.dumps(list(ids))


def latest_threads(conn: Connection, kind: str, record_ids: Iterable[str]) -> dict[str, dict]:
    """record id -> {"thread", "action"} of its latest track_links row: what latest_links says of it,
    for callers that read no more (a claim's candidates, up to keys.MOST a statement), in plain SQL
    on the DB-API cursor, without a Row and a dict of every column per link row."""
    out: dict[str, dict] = {}
    seqs: dict[str, int] = {}
    ids = list(dict.fromkeys(record_ids))
    for n in range(0, len(ids), 500):
        cond, arg = in_ids(conn, "record_id", ids[n:n + 500])
        for rid, seq, thread, action in fetch_rows(
                conn, f"SELECT record_id, seq, thread, action FROM track_links WHERE record_kind = ? AND {cond}",
                (kind, arg)):
            if rid not in seqs or seq > seqs[rid]:
                seqs[rid] = seq
                out[rid] = {"thread": thread, "action": action}
    return out


def members(conn: Connection, kind: str, thread: str) -> list[dict]:
    """The link rows of the records that belong to `thread` now (unlinked ones left out)."""
    ids = [r[0] for r in fetch_rows(conn, "SELECT record_id FROM track_links WHERE record_kind = ? AND thread = ?",
                                    (kind, thread))]
    return [r for r in latest_links(conn, kind, ids).values()
            if r["thread"] == thread and r["action"] == "link"]


def sorts_before(conn: Connection, thread: str, key: tuple) -> bool:
    """Whether any commitment link row of `thread` sorts before `key` (date, record id): the thread's
    first record may not be its root then. Each case (undated, an earlier date, the same date and a
    lesser id) is one range of an index (migration 0015): one filter on all three read every row of a
    thread, which grows with each repeat of its story."""
    L = track_links.c
    day, rid = key
    mine = (L.thread == thread) & (L.record_kind == "commitment")
    conds = (L.date.is_(None), L.date < day, (L.date == day) & (L.record_id < rid)) if day else \
        ((L.date.is_(None) | (L.date == "")) & (L.record_id < rid),)
    return any(conn.execute(select(L.seq).where(mine, c).limit(1)).first() is not None for c in conds)


def all_members(conn: Connection, kind: str) -> dict[str, list[dict]]:
    """thread -> its members' link rows, for every thread of this kind (one pass over the table)."""
    latest: dict[str, dict] = {}
    for r in conn.execute(select(track_links).where(track_links.c.record_kind == kind)).mappings():
        if r["record_id"] not in latest or r["seq"] > latest[r["record_id"]]["seq"]:
            latest[r["record_id"]] = dict(r)
    out: dict[str, list[dict]] = {}
    for r in latest.values():
        if r["action"] == "link":
            out.setdefault(r["thread"], []).append(r)
    return out


def actor_infos(conn: Connection, ids: Optional[Iterable[str]] = None) -> dict[str, ActorInfo]:
    a = t.actors.c
    q = select(a.id, a.type, a.country)
    if ids is not None:
        ids = [i for i in set(ids) if i]
        if not ids:
            return {}
        q = q.where(a.id.in_(ids))
    return {r.id: ActorInfo(r.id, r.type, r.country) for r in conn.execute(q)}


def same_side_ids(conn: Connection, actor: str) -> set[str]:
    """The actor and those `same_side` with it: its country, or the people/agencies of a country."""
    return sides_of(conn, {actor})


def sides_of(conn: Connection, actors: set[str]) -> set[str]:
    """The actors and those `same_side` with them, in two queries for all: a country's side is every actor
    of it, a person's or agency's side its country. Plain SQL on the DB-API cursor, each list of ids one
    parameter (in_ids): a country's side is a few hundred actors once the store knows them, read for each
    article."""
    out = set(actors)
    whole, state = set(), set()     # countries whose every actor counts; countries whose state counts
    cond, arg = in_ids(conn, "id", sorted(actors))
    for typ, country in fetch_rows(conn, f"SELECT type, country FROM actors WHERE {cond}", (arg,)):
        if country:
            (whole if typ == "country" else state).add(country)
    if whole:
        cond, arg = in_ids(conn, "country", sorted(whole))
        out |= {r[0] for r in fetch_rows(conn, f"SELECT id FROM actors WHERE {cond}", (arg,))}
    if state - whole:
        cond, arg = in_ids(conn, "country", sorted(state - whole))
        out |= {r[0] for r in fetch_rows(conn, f"SELECT id FROM actors WHERE {cond} AND type = 'country'", (arg,))}
    return out


# SQLite: a union's selects padded up to one of these counts with empty copies of its last one, so the
# statement's text (and so its prepared statement in SQLite's statement cache) is one of a few per kind
# of lookup, not one per count of keys: preparing a union of a hundred selects costs more than running it.
_PAD_TO = (4, 16, 64, UNION_SELECTS)


def _union_sql(chunk: list[tuple[str, tuple]]) -> tuple[str, tuple]:
    size = next(b for b in _PAD_TO if b >= len(chunk))
    last = chunk[-1]
    selects = [f"SELECT * FROM ({q}) AS n{i}" for i, (q, _) in enumerate(chunk)]
    selects += [f"SELECT * FROM ({last[0]}) AS n{i} WHERE 1 = 0" for i in range(len(chunk), size)]
    return " UNION ALL ".join(selects), tuple(p for _, ps in chunk for p in ps) + last[1] * (size - len(chunk))


def _lateral_sql(parts: list[tuple[str, tuple]]) -> Optional[tuple[str, tuple]]:
    """PostgreSQL: the same rows as the union of `parts`, as one LATERAL join per distinct select over
    arrays of its parameters: a statement of fixed text (psycopg prepares it once), where PostgreSQL
    plans a union of a hundred selects anew each time, at many times the cost of running it. None when
    a parameter is not text."""
    by: dict[str, list[tuple]] = {}
    for q, ps in parts:
        if not all(isinstance(p, str) for p in ps):
            return None
        by.setdefault(q, []).append(ps)
    selects, params = [], []
    for i, (q, rows) in enumerate(by.items()):
        cols = [f"p{j}" for j in range(len(rows[0]))]
        it = iter(cols)
        body = re.sub(r"\?", lambda _: f"q{i}.{next(it)}", q)
        arrays = ", ".join("CAST(? AS text[])" for _ in cols)
        selects.append(f"SELECT k{i}.* FROM unnest({arrays}) AS q{i}({', '.join(cols)}) "
                       f"CROSS JOIN LATERAL ({body}) AS k{i}")
        params += [[r[j] for r in rows] for j in range(len(cols))]
    return " UNION ALL ".join(selects), tuple(params)


def _statements(conn: Connection, parts: list[tuple[str, tuple]]) -> list[tuple[str, tuple]]:
    """The statements (SQL with ? placeholders, parameters) that read the union of `parts`."""
    if conn.dialect.name == "postgresql":
        one = _lateral_sql(parts)
        if one is not None:
            return [one]
    return [_union_sql(parts[n:n + UNION_SELECTS]) for n in range(0, len(parts), UNION_SELECTS)]


def _driver(conn: Connection, sql: str) -> str:
    return sql.replace("?", "%s") if conn.dialect.name == "postgresql" else sql


def fetch_rows(conn: Connection, sql: str, params: tuple) -> list[tuple]:
    """All rows of one plain SQL statement, as tuples. In a transaction, on the DB-API cursor: a lookup
    returns thousands of index entries, and SQLAlchemy's Row for each cost more than the read."""
    if not conn.in_transaction():       # SQLAlchemy's execute begins it (the engine's BEGIN event)
        return [tuple(r) for r in conn.exec_driver_sql(_driver(conn, sql), params).all()]
    cur = conn.connection.cursor()
    try:
        cur.execute(_driver(conn, sql), params)
        return cur.fetchall()
    finally:
        cur.close()


def union_rows(conn: Connection, parts: list[tuple[str, tuple]]) -> list:
    """The rows of many small limited selects (SQL with ? placeholders, and their parameters), in as few
    statements as the database takes. Plain SQL: building these as SQLAlchemy expressions cost more
    than running them."""
    rows: list = []
    if parts:
        for sql, params in _statements(conn, parts):
            rows += fetch_rows(conn, sql, params)
    return rows


def union_counts(conn: Connection, parts: list[tuple[str, tuple]], key: str, value: str,
                 at_least: int) -> list[tuple[str, int]]:
    """(key, how many distinct values) over the rows (key, value) of `parts` (as union_rows, selecting the
    columns named `key` and `value`), for the keys with at least `at_least` values. Counted by the
    database when the parts fit one statement: a lookup then returns the few records that qualify,
    not every index entry it read (what union_rows would)."""
    if not parts:
        return []
    counted = over_union(conn, parts, f"SELECT {key}, COUNT(DISTINCT {value}) FROM ({{}}) AS u GROUP BY {key} "
                                       f"HAVING COUNT(DISTINCT {value}) >= {int(at_least)}")
    if counted is not None:
        return counted
    seen: dict = {}
    for k, v in union_rows(conn, parts):
        seen.setdefault(k, set()).add(v)
    return [(k, len(v)) for k, v in seen.items() if len(v) >= at_least]


def over_union(conn: Connection, parts: list[tuple[str, tuple]], outer: str) -> Optional[list[tuple]]:
    """The rows of `outer` ("... FROM ({}) AS u ...") read over the union of `parts`, when the database
    takes that union in one statement; None when it does not (the caller then works on union_rows)."""
    stmts = _statements(conn, parts)
    if len(stmts) > 1:
        return None
    sql, params = stmts[0]
    return [tuple(r) for r in fetch_rows(conn, outer.replace("{}", sql, 1), params)]


def sides_with(conn: Connection, sides: Iterable[str], where: str, params: tuple = ()) -> list[str]:
    """The ids of `sides` (sorted) for which `where` finds a row ("commitments WHERE holder = value AND ...",
    `value` standing for the side, ? for `params`): one statement of fixed text, an index probe per side.
    A country's side is every actor of it, a few hundred, of which a few hold commitments: the lookups
    then run one bounded read per side that has something to read, not one per actor."""
    sides = sorted(set(sides))
    if not sides:
        return []
    if conn.dialect.name == "postgresql":
        src, arg = "unnest(CAST(%s AS text[])) AS s(value)", sides
    else:
        src, arg = "json_each(?)", json.dumps(sides)
    sql = f"SELECT value FROM {src} WHERE EXISTS (SELECT 1 FROM {where})"
    return sorted(r[0] for r in conn.exec_driver_sql(_driver(conn, sql), (arg,) + tuple(params)).all())


def recent_commitments(conn: Connection, col: str, sides: Iterable[str], lo: Optional[str], hi: str, aid: str,
                       limit: int, by: str = "date", made_until: Optional[str] = None) -> list:
    """(id, content, date) of the `limit` commitments latest by `by` (then greatest id) whose `by` ("date", the
    day made, or "due_now", the last day of the current due date) is lo..hi and whose `col` ("holder" or
    "counterparty") is one of `sides`, in other articles than `aid` (and made by `made_until`, when given): one
    range read of at most `limit` rows per side (indexes (holder|counterparty, date, id), migration 0013, and
    (holder|counterparty, due_now, id), migration 0018), where one query over all sides would read and sort
    every commitment of theirs in the range; the database merges them and returns the `limit` latest only."""
    if lo is None:
        return []
    assert col in ("holder", "counterparty") and by in ("date", "due_now")
    held = sides_with(conn, sides, f"commitments WHERE {col} = value AND {by} >= ? AND {by} <= ?", (lo, hi))
    made, args = (" AND date <= ?", (made_until,)) if made_until else ("", ())
    parts = [(f"SELECT id, content, date, {by} AS k FROM commitments WHERE {col} = ? AND {by} >= ? AND {by} <= ? "
              f"AND article <> ?{made} ORDER BY {by} DESC, id DESC LIMIT {int(limit)}", (side, lo, hi, aid) + args)
             for side in held]
    if not parts:
        return []
    # code point order, as Python's sort (and SQLite's BINARY): not a PostgreSQL database's collation
    c = ' COLLATE "C"' if conn.dialect.name == "postgresql" else ""
    newest = over_union(conn, parts,
                         f"SELECT id, content, date FROM ({{}}) AS u ORDER BY k{c} DESC, id{c} DESC LIMIT {int(limit)}")
    if newest is not None:
        return newest
    return [r[:3] for r in sorted(union_rows(conn, parts), key=lambda r: (r[3] or "", r[0]), reverse=True)[:limit]]


# ---- link and history rows (append-only) -------------------------------------------------------

def link_row(kind: str, record_id: str, thread: str, *, stance: Optional[str], article: Optional[str],
              date: Optional[str], span, due: Optional[str] = None, score: Optional[float] = None,
              note: Optional[str] = None, action: str = "link") -> dict:
    s, e = (span[0], span[1]) if span else (None, None)
    return {"record_kind": kind, "record_id": record_id, "thread": thread, "action": action,
            "stance": stance, "article": article, "date": date, "span_start": s, "span_end": e,
            "due": due, "score": score, "note": note, "recorded_at": codec.now()}


def add_link(conn, kind: str, record_id: str, thread: str, **kw) -> None:
    """Record that `record_id` belongs to `thread` (the link table is append-only: the latest wins)."""
    conn.execute(track_links.insert(), [link_row(kind, record_id, thread, **kw)])


def history_date(conn, record_id: str, date: Optional[str]) -> Optional[str]:
    """The date for a new history row: the latest evidence's, but never before the record's newest
    row, since the store takes the latest row by date as the current status (an unlink or a late
    report changes the status now, whatever the date of the evidence)."""
    h = t.history.c
    newest = conn.execute(select(func.max(h.date)).where(h.record_id == record_id)).scalar()
    return _later(date, newest)


def _later(date: Optional[str], newest: Optional[str]) -> Optional[str]:
    return max(d for d in (date, newest) if d) if (date or newest) else None


def history_dates(conn, record_ids: list[str], date: Optional[str]) -> dict[str, Optional[str]]:
    """history_date of each record, in one grouped read per 500."""
    newest: dict[str, Optional[str]] = {}
    for n in range(0, len(record_ids), 500):
        # the ids as one parameter (in_ids): a statement of fixed text whatever the thread's length
        cond, arg = in_ids(conn, "record_id", record_ids[n:n + 500])
        newest.update(fetch_rows(conn, f"SELECT record_id, MAX(date) FROM history WHERE {cond} GROUP BY record_id",
                                 (arg,)))
    return {rid: _later(date, newest.get(rid)) for rid in record_ids}
