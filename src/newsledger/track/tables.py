"""Tracking's own tables (migrations 0009_track_links.sql, 0010_track_keys.sql, 0011_track_followups.sql,
0013_track_bounds.sql) and reads of membership
and actors."""
from __future__ import annotations

from typing import Iterable, Optional

from sqlalchemy import BigInteger, Column, Float, Integer, MetaData, Table, Text, select
from sqlalchemy.engine import Connection

from ..store import schema as t
from .match import ActorInfo

_meta = MetaData()
_UNION = 200        # selects per statement (SQLite allows 500 in a compound select)

track_links = Table(
    "track_links", _meta,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("record_kind", Text, nullable=False), Column("record_id", Text, nullable=False),
    Column("thread", Text, nullable=False), Column("action", Text, nullable=False),
    Column("stance", Text), Column("article", Text), Column("date", Text),
    Column("span_start", Integer), Column("span_end", Integer), Column("due", Text),
    Column("score", Float), Column("note", Text), Column("recorded_at", Text, nullable=False),
)

# The candidate index (track/keys.py): (actor, normalized word) -> tracked record.
track_keys = Table(
    "track_keys", _meta,
    Column("record_kind", Text, primary_key=True), Column("actor", Text, primary_key=True),
    Column("word", Text, primary_key=True), Column("record_id", Text, primary_key=True),
    Column("article", Text, nullable=False),
    Column("date", Text, nullable=False, default=""),    # the article's date (migration 0013), "" if none
)

# Articles by actor and date (migration 0011): the backward lookup of track/followups.py.
track_article_actors = Table(
    "track_article_actors", _meta,
    Column("actor", Text, primary_key=True), Column("date", Text, primary_key=True),
    Column("article", Text, primary_key=True),
)

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


def latest_links(conn: Connection, kind: str, record_ids: Iterable[str]) -> dict[str, dict]:
    """record id -> its latest track_links row (by seq): the link in force, or an unlink."""
    out: dict[str, dict] = {}
    ids = list(dict.fromkeys(record_ids))
    L = track_links.c
    for n in range(0, len(ids), 500):
        q = select(track_links).where(L.record_kind == kind, L.record_id.in_(ids[n:n + 500]))
        for r in conn.execute(q).mappings():
            if r["record_id"] not in out or r["seq"] > out[r["record_id"]]["seq"]:
                out[r["record_id"]] = dict(r)
    return out


def members(conn: Connection, kind: str, thread: str) -> list[dict]:
    """The link rows of the records that belong to `thread` now (unlinked ones left out)."""
    L = track_links.c
    ids = [r.record_id for r in conn.execute(
        select(L.record_id).where(L.record_kind == kind, L.thread == thread))]
    return [r for r in latest_links(conn, kind, ids).values()
            if r["thread"] == thread and r["action"] == "link"]


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
    a = t.actors.c
    out = {actor}
    row = conn.execute(select(a.type, a.country).where(a.id == actor)).first()
    if row is None or not row.country:
        return out
    if row.type == "country":
        out |= {r.id for r in conn.execute(select(a.id).where(a.country == row.country))}
    else:
        out |= {r.id for r in conn.execute(select(a.id).where(a.country == row.country, a.type == "country"))}
    return out


def union_rows(conn: Connection, parts: list[tuple[str, tuple]]) -> list:
    """The rows of many small limited selects (SQL with ? placeholders, and their parameters), a few
    hundred per statement. Plain SQL: building these as SQLAlchemy expressions cost more than running them."""
    rows: list = []
    for n in range(0, len(parts), _UNION):
        chunk = parts[n:n + _UNION]
        sql = " UNION ALL ".join(f"SELECT * FROM ({q}) AS n{i}" for i, (q, _) in enumerate(chunk))
        if conn.dialect.name == "postgresql":
            sql = sql.replace("?", "%s")
        rows += conn.exec_driver_sql(sql, tuple(p for _, ps in chunk for p in ps)).all()
    return rows


def recent_commitments(conn: Connection, col: str, sides: Iterable[str], lo: Optional[str], hi: str, aid: str,
                       limit: int) -> list:
    """(id, content, date) of the `limit` newest commitments (then greatest id) dated lo..hi whose `col`
    ("holder" or "counterparty") is one of `sides`, in other articles than `aid`: one range read of at
    most `limit` rows per side (indexes (holder|counterparty, date, id), migration 0013), where one query
    over all sides would read and sort every commitment of theirs in the window."""
    if lo is None:
        return []
    assert col in ("holder", "counterparty")
    parts = [(f"SELECT id, content, date FROM commitments WHERE {col} = ? AND date >= ? AND date <= ? "
              f"AND article <> ? ORDER BY date DESC, id DESC LIMIT {int(limit)}", (side, lo, hi, aid))
             for side in sorted(set(sides))]
    return sorted(union_rows(conn, parts), key=lambda r: (r[2] or "", r[0]), reverse=True)[:limit]
