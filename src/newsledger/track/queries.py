"""Reading tracked records: the commitments and claims commands, history, and unlink."""
from __future__ import annotations

import datetime as dt
from typing import Optional, Union

from sqlalchemy import select

from ..dates import period_end
from ..store import codec
from ..store import schema as t
from ..store.engine import WRITE
from .claims import claim_view, refresh_claim
from .linker import refresh_commitment, thread_view
from .tables import add_link
from . import fold
from . import keys as index
from .followups import is_about
from .tables import all_members, engine_of, latest_links, members


def _as_date(v: Union[str, dt.date, None]) -> Optional[dt.date]:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def _holder_ids(store, conn, holder: str) -> set[str]:
    if hasattr(store, "resolve_actor"):
        found = set(store.resolve_actor(holder))
        if found:
            return found
    return {holder}


def list_commitments(store, status: Optional[str] = None, due_before: Optional[str] = None,
                     holder: Optional[str] = None, overdue: Optional[bool] = None,
                     as_of: Union[str, dt.date, None] = None, limit: Optional[int] = None) -> list[dict]:
    """Tracked commitments (one per thread of linked reports), with current status, due date and
    history. `overdue` True: due before `as_of` (default today) with no evidence either way."""
    day = _as_date(as_of)
    with engine_of(store).connect() as conn:
        holders = _holder_ids(store, conn, holder) if holder else None
        out = []
        for th, links in sorted(all_members(conn, "commitment").items()):
            v = thread_view(conn, th, day, links)
            if v is None:
                continue
            if holders is not None and v["holder"] not in holders:
                continue
            if status and v["status"] != status:
                continue
            if due_before and not (period_end(v["due"]) and period_end(v["due"]) < str(due_before)[:10]):
                continue
            if overdue is not None and v["overdue"] != overdue:
                continue
            v.pop("members")
            v.pop("about", None)
            out.append(v)
    out.sort(key=lambda v: (period_end(v["due"]) or "9999", v["article"], v["id"]))
    return out[:limit] if limit else out


def list_claims(store, contested: Optional[bool] = None, limit: Optional[int] = None) -> list[dict]:
    """Claims grouped across speakers and articles; `contested`: someone disputes or denies it."""
    with engine_of(store).connect() as conn:
        out = []
        for cl, links in sorted(all_members(conn, "claim").items()):
            v = claim_view(conn, cl, links)
            if v is None:
                continue
            if contested and not (v["deniers"] or v["disputers"]):
                continue
            v.pop("members")
            out.append(v)
    out.sort(key=lambda v: (-len(v["history"]), v["id"]))
    return out[:limit] if limit else out


def history(store, record_id: str) -> list[dict]:
    """Why a tracked commitment or claim has its status: each piece of evidence, oldest first,
    with the status after it. A member record's id answers for its thread."""
    with engine_of(store).connect() as conn:
        for kind, view in (("commitment", thread_view), ("claim", claim_view)):
            m = latest_links(conn, kind, [record_id]).get(record_id)
            thread = m["thread"] if m and m["action"] == "link" else record_id
            v = view(conn, thread)
            if v is not None:
                return v["history"]
    return []


def unlink(store, record_id: str, article_id: Optional[str] = None) -> str:
    """Detach `article_id`'s record(s) from tracked record `record_id` (default: the latest linked
    one). The detached record stands alone again; statuses are replayed. Returns what was done."""
    engine = engine_of(store)
    with engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
        for kind in ("commitment", "claim"):
            m = latest_links(conn, kind, [record_id]).get(record_id)
            thread = m["thread"] if m and m["action"] == "link" else record_id
            links = members(conn, kind, thread)
            if not links:
                continue
            others = [l for l in links if l["record_id"] != thread]
            if article_id:
                chosen = [l for l in links if l["article"] == article_id]
            else:
                chosen = sorted(others, key=lambda l: l["seq"])[-1:]
            if not chosen:
                return f"nothing from {article_id or 'another article'} is linked to {thread}"
            if any(l["record_id"] == thread for l in chosen):
                if not others:
                    return f"{thread} has no other reports linked to it"
                # The thread's first record is the one asked for: detach everything else instead.
                chosen = [l for l in others if l["article"] != article_id] or others
            alone = {}
            names = [l["record_id"] for l in chosen]
            for l in [l for l in chosen if is_about(l["record_id"])]:
                # a follow-up's reference has no record to stand alone: it is taken out
                add_link(conn, kind, l["record_id"], thread, stance=l["stance"], article=l["article"],
                         date=l["date"], span=None, due=l["due"], note=f"unlinked from {thread} by user",
                         action="unlink")
            chosen = [l for l in chosen if not is_about(l["record_id"])]
            for l in chosen:
                # Out of the thread, and on its own: a later ingest can never silently re-attach it.
                alone[l["record_id"]] = l["record_id"] if kind == "commitment" else "claim:" + l["record_id"]
                add_link(conn, kind, l["record_id"], alone[l["record_id"]], stance=l["stance"], article=l["article"],
                          date=l["date"], span=(l["span_start"], l["span_end"]) if l["span_start"] is not None else None,
                          due=l["due"], score=None, note=f"unlinked from {thread} by user", action="link")
            refresh = refresh_commitment if kind == "commitment" else refresh_claim
            # reports left these threads: their folded statuses (fold.py) are folded again from the members
            for th in {thread, *alone.values()}:
                fold.forget(conn, kind, th)
            if kind == "claim":
                # a statement that said the same as another of the thread had no keys of its own
                # (keys.index_statements): each member and detached statement is findable again
                index.index_statements(conn, [l["record_id"] for l in links])
            for sid, th in alone.items():
                if kind == "claim":
                    _ensure_claim(conn, sid, th)
                refresh(conn, th, None)
            refresh(conn, thread, None)
            return f"unlinked {', '.join(names)} from {thread}"
    return f"no tracked commitment or claim {record_id!r}"


def _ensure_claim(conn, sid: str, claim: str) -> None:
    """A statement unlinked from a claim opens a claim of its own."""
    s = conn.execute(select(t.statements).where(t.statements.c.id == sid)).mappings().first()
    if s is None or conn.execute(select(t.claims.c.id).where(t.claims.c.id == claim)).first():
        return
    conn.execute(t.claims.insert().values(id=claim, text=s["content_text"] or "", speaker=s["speaker"],
                                          status=None, article=s["article"], date=s["date"],
                                          note="unlinked " + codec.now()))
