"""Tracking's own table (migration 0009_track_links.sql) and reads of membership and actors."""
from __future__ import annotations

from typing import Iterable, Optional

from sqlalchemy import Column, Integer, MetaData, Float, Table, Text, func, select
from sqlalchemy.engine import Connection

from ..store import schema as t
from .match import ActorInfo

_meta = MetaData()

track_links = Table(
    "track_links", _meta,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("record_kind", Text, nullable=False), Column("record_id", Text, nullable=False),
    Column("thread", Text, nullable=False), Column("action", Text, nullable=False),
    Column("stance", Text), Column("article", Text), Column("date", Text),
    Column("span_start", Integer), Column("span_end", Integer), Column("due", Text),
    Column("score", Float), Column("note", Text), Column("recorded_at", Text, nullable=False),
)


def engine_of(store):
    """The SQLAlchemy engine behind a Store (or an engine passed directly)."""
    return getattr(store, "engine", store)


def memberships(conn: Connection, kind: str, threads: Optional[Iterable[str]] = None) -> dict[str, dict]:
    """record id -> its latest track_links row (by seq), for links currently in force or not.

    `threads` limits the answer to records whose latest row puts them in one of those threads."""
    L = track_links.c
    latest = select(func.max(L.seq)).where(L.record_kind == kind).group_by(L.record_id)
    q = select(track_links).where(L.seq.in_(latest))
    if threads is not None:
        q = q.where(L.thread.in_(list(threads)))
    return {r["record_id"]: dict(r) for r in conn.execute(q).mappings()}


def members(conn: Connection, kind: str, thread: str) -> list[dict]:
    """The link rows of the records that belong to `thread` now (unlinked ones left out)."""
    return [r for r in memberships(conn, kind, [thread]).values() if r["action"] == "link"]


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
