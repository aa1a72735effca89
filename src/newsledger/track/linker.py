"""Linking on ingest: match a new article's commitments and statements to tracked ones.

`link_article(store, record)` runs after `Store.add(record)`. Each commitment joins the tracked
commitment (thread) it matches best — same holder side, compatible kind and counterparty, similar
content — or opens a new one; each statement with a proposition joins a claim or opens one
(track/claims.py). Links
are rows appended to `track_links`; statuses are then replayed from all evidence (track/status.py)
and every change is appended to `history`. A thread the article only mentions again, and a claim
whose status its new relation cannot move, are not replayed: the replay would give the same status,
and replaying a thread reads all its reports, which grow with the store. Nothing is overwritten but the cached `status` columns.

Candidates are found through the key index (track/keys.py, table track_keys): only stored records
that share an actor and enough content words with the new one are read and scored, so what linking
reads depends on how many stored records say nearly the same thing, not on how many are stored
(bench/writer.py measures it). `strategy="scan"` reads every stored commitment of
the holder's side and every statement about the article's actors instead (the code before the index);
it links exactly the same and is kept as the reference for tests and bench/writer.py.
"""
from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from ..dates import end_date
from ..store import codec
from ..store import schema as t
from ..store.engine import WRITE
from . import fold, followups
from .owed import owed_later
from . import keys as index
from .claims import link_claims, refresh_claim
from .match import REFERRING_SCORE, commitment_score
from .status import Evidence, is_overdue, replay_commitment, stance_of, told_by
from .tables import (actor_infos, add_link, engine_of, history_dates, latest_links, members,
                     same_side_ids, sides_with, sorts_before, track_links, union_rows)

# How alike two contents must be to count as the same commitment (match.similarity).
COMMITMENT_THRESHOLD = 0.6


def _record_dict(record: Any) -> dict:
    return record.to_dict() if hasattr(record, "to_dict") else record


STRATEGIES = ("index", "scan")


def link_article(store, record: Any, *, strategy: str = "index") -> list[dict]:
    """Link one stored article's records to earlier ones; returns the status changes it caused,
    each {"record_kind", "id", "kind", "holder", "content", "old", "new", "article"}.
    `store`: a Store (linking in a transaction of its own) or the Connection of an open write
    transaction (track.store_record's, which stored the article: both commit together).
    `strategy`: "index" (candidates through track_keys) or "scan" (the reference: every stored
    record of the same actors); both link the same."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    record = _record_dict(record)
    if isinstance(store, Connection):   # track.store_record: inside the transaction that stored it
        return _link(store, record, strategy)
    with engine_of(store).connect().execution_options(**{WRITE: True}) as conn, conn.begin():
        return _link(conn, record, strategy)


def _link(conn, record: dict, strategy: str) -> list[dict]:
    aid = record["article"]["id"]
    index.ensure_current(conn)
    date = conn.execute(select(t.articles.c.date).where(t.articles.c.id == aid)).scalar()
    known = {r.record_id for r in conn.execute(
        select(track_links.c.record_id).where(track_links.c.article == aid))}
    opened: set[str] = set()
    threads = _link_commitments(conn, record, aid, date, known, strategy, opened)
    # Follow-ups that report on a commitment without restating it (track/followups.py).
    threads |= followups.link_references(conn, record, aid, date, add_link=add_link)
    threads |= followups.link_backward(conn, opened, aid, add_link)
    threads |= followups.link_earlier(conn, threads - opened, aid, add_link)
    threads |= followups.link_after_extension(conn, threads, aid, date, add_link)
    followups.note_actors(conn, record, aid, date)
    claims = link_claims(conn, record, aid, date, known, strategy)
    threads -= _unmoved_threads(conn, aid, threads)
    changes = [refresh_commitment(conn, th, aid) for th in sorted(threads)]
    changes += [refresh_claim(conn, cl, aid) for cl in sorted(claims)]
    return [c for c in changes if c]


# ---- commitments ----------------------------------------------------------------------------

def _evidence_span(c: dict) -> Optional[list[int]]:
    ev = c.get("evidence") or []
    if not ev:
        return None
    return ev[-1] if c.get("status", "open") != "open" or len(ev) > 1 else ev[0]


def _open_unlinked(conn, sides: set[str], aid: str, member: dict) -> None:
    """Open a thread for each commitment of these holders stored before tracking existed (no link
    row at all), as the scan does when it meets one: among each holder's keys.NEAR commitments nearest
    in time to the article (those the index lookup could return), so it reads a bounded number."""
    c_, L = t.commitments.c, track_links.c
    day = index.article_date(conn, aid)
    sql = "SELECT id FROM commitments WHERE holder = ? AND article <> ?"
    holders = sides_with(conn, sides, "commitments WHERE holder = value")
    parts = [p for holder in holders for p in index.nearest(sql, (holder, aid), "date", day, "id", undated=True)]
    near = sorted({r[0] for r in union_rows(conn, parts)})
    if not near:
        return
    linked = select(L.seq).where(L.record_kind == "commitment", L.record_id == c_.id).exists()
    for r in conn.execute(select(t.commitments).where(c_.id.in_(near), ~linked)
                          .order_by(c_.holder, c_.article, c_.position)).mappings():
        r = dict(r)
        _open_thread(conn, r)
        member[r["id"]] = {"thread": r["id"], "action": "link"}


def _link_commitments(conn, record: dict, aid: str, date: Optional[str], known: set[str],
                      strategy: str = "index", opened: Optional[set] = None) -> set[str]:
    affected: set[str] = set()
    c_ = t.commitments.c
    member: dict[str, dict] = {}
    linked: list[dict] = []
    # the store's actors of the article (who tells a commitment: told_by), read once, then per
    # commitment those of its candidates
    in_article = actor_infos(conn, {a["id"] for a in record.get("actors") or []})
    for pos, c in enumerate(record.get("commitments") or []):
        cid = codec.record_id(aid, "commitment", pos)
        if cid in known or not c.get("holder"):
            continue
        sides = same_side_ids(conn, c["holder"])
        if strategy == "scan":
            rows = [dict(r) for r in conn.execute(select(t.commitments).where(
                c_.holder.in_(sides), c_.article != aid)).mappings()]
        else:
            _open_unlinked(conn, sides, aid, member)
            rows = index.commitment_candidates(conn, c, sides, aid)
        need = {c["holder"], c.get("counterparty")} | {r["holder"] for r in rows} | {r["counterparty"] for r in rows}
        actors = {**in_article, **actor_infos(conn, need - in_article.keys())}
        member.update(latest_links(conn, "commitment", [r["id"] for r in rows if r["id"] not in member]))
        best: dict[str, float] = {}
        stance = stance_of(c.get("status") or "open", len(c.get("evidence") or []))
        dues: dict[str, Optional[str]] = {}
        for r in rows:
            m = member.get(r["id"])
            if m is None:       # stored before tracking existed: it opens its own thread now
                _open_thread(conn, r)
                m = member[r["id"]] = {"thread": r["id"], "action": "link"}
            thread = m["thread"]
            score = commitment_score(c, r, actors)
            if score >= COMMITMENT_THRESHOLD and score > best.get(thread, 0) \
                    and not _owed_apart(conn, c, stance, date, r, m, dues):
                best[thread] = score
        teller = told_by(record, c, actors) if stance == "mention" else None
        due = c.get("due") if stance == "extended" else None
        top = max(best.values(), default=0.0)
        if top == REFERRING_SCORE and sum(1 for v in best.values() if v == top) > 1:
            best = {}       # "the deadline" of two of Trump's ultimatums to Russia: ambiguous, not linked
        restated = None if best else followups.restated_thread(conn, c, sides, aid, date)
        if not best and restated is None:
            # more time on a running deadline told as a deadline of its own ("will allow Ovo until the end of March")
            restated = followups.extended_thread(conn, record, c, sides, aid, date)
            if restated is not None:
                stance = "extended"
        if stance == "extended" and (best or restated is not None):
            joined = min(best, key=lambda th: (-best[th], th)) if best else restated
            due = _extension_due(conn, record, c, joined, date) or due
        if teller == "holder" and (best or restated is not None):
            stance = "confirm"      # the holder's side tells what another side told first
        if best:
            thread = min(best, key=lambda th: (-best[th], th))
            add_link(conn, "commitment", cid, thread, stance=stance, article=aid, date=date,
                      span=_evidence_span(c), due=due, score=round(best[thread], 3),
                      note=f"matched {thread} ({best[thread]:.2f})")
        elif restated is not None:
            # the same commitment said again in other words: evidence on it, not a new one; said by
            # its holder's side, it confirms it ("unconfirmed" until then)
            thread = restated
            add_link(conn, "commitment", cid, thread, stance="confirm" if stance == "mention" else stance,
                      article=aid, date=date, span=_evidence_span(c), due=due, score=COMMITMENT_THRESHOLD,
                      note=f"restates {thread}")
        else:
            thread = cid
            if teller == "other":
                stance = "unconfirmed"      # told first by another side ("Moldova says Norway promised ...")
            elif teller == "holder":
                # told by the holder's side: opens the thread as any first report does, and confirms what
                # unnamed sources or the other side told earlier should such a report be stored after it
                stance = "confirm"
            add_link(conn, "commitment", cid, cid, stance=stance, article=aid, date=date,
                      span=_evidence_span(c), due=due, score=1.0, note="first report")
            if opened is not None:
                opened.add(cid)
        member[cid] = {"thread": thread, "action": "link"}
        linked.append({"id": cid, "article": aid, "holder": c["holder"], "content": c.get("content")})
        affected.add(thread)
    index.index_commitments(conn, linked)
    return affected


def _owed_apart(conn, c: dict, stance: str, date: Optional[str], r: dict, m: dict,
                dues: dict[str, Optional[str]]) -> bool:
    """Are the new record `c` (of an article dated `date`, with `stance`) and the stored record `r` (of thread
    m["thread"]) two commitments by time alone, however alike their words (owed.owed_later): the later of
    the two told as still owed by a later due, after the earlier stopped being owed. The earlier one's due
    is its thread's in force then (moved by the extensions reported before: followups.due_before), read
    once per thread (`dues`)."""
    if not date or not r.get("date"):
        return False
    if r["date"] > date:        # the stored report is the later one (articles ingested out of order)
        return owed_later({"date": date, "due": c.get("due")},
                                {"date": r["date"], "due": r.get("due"), "stance": m.get("stance") or "mention"})
    later = {"date": date, "due": c.get("due"), "stance": stance}
    if not owed_later({"date": r["date"], "due": r.get("due")}, later):
        return False
    thread = m["thread"]
    if thread not in dues:
        dues[thread] = followups.due_before(conn, thread, date)
    return owed_later({"date": r["date"], "due": dues[thread] or r.get("due")}, later)


def _extension_due(conn, record: dict, c: dict, thread: str, date: Optional[str]) -> Optional[str]:
    """The new due of an extension that joins `thread`, read against the thread's due (dues.new_due):
    "extended the deadline by 90 days" adds the amount to the due it extends, which the extraction,
    reading the report alone, could only count from the report's date."""
    old = followups.due_before(conn, thread, date)
    span = _evidence_span(c)
    if not old or not span:
        return None
    return followups.extension_due(record, span, old, date)


def _open_thread(conn, row: dict) -> None:
    ev = [[e.span_start, e.span_end] for e in conn.execute(
        select(t.commitment_evidence).where(t.commitment_evidence.c.commitment == row["id"])
        .order_by(t.commitment_evidence.c.position))]
    c = {"status": row["status"] or "open", "evidence": ev}
    add_link(conn, "commitment", row["id"], row["id"], stance=stance_of(c["status"], len(ev)),
              article=row["article"], date=row["date"], span=_evidence_span(c),
              due=row["due"] if c["status"] == "extended" else None, score=1.0, note="first report")
    index.index_commitments(conn, [row])


def _unmoved_threads(conn, aid: str, threads: set[str]) -> set[str]:
    """Threads that article `aid` only mentioned, so that their replay cannot change: a mention never
    moves a status wherever it falls in the replay (status._next_commitment starts a thread as "open"),
    so a thread need not be replayed when each of the article's links into it is a mention, each of
    its records comes after the thread's first record (it cannot become the thread's root, whose due
    date the thread starts from), carries no due date or the first record's (then the first record must
    still be the root), and already has the thread's status cached. Any other link replays the thread."""
    if not threads:
        return set()
    L, c_ = track_links.c, t.commitments.c
    mine: dict[str, list] = {}
    for r in conn.execute(select(L.record_id, L.thread, L.stance, L.date).where(
            L.article == aid, L.record_kind == "commitment", L.thread.in_(sorted(threads)))):
        mine.setdefault(r.thread, []).append(r)
    firsts = latest_links(conn, "commitment", list(mine))
    ids = {r.record_id for rs in mine.values() for r in rs if not followups.is_about(r.record_id)} | set(mine)
    rows = {r.id: r for r in conn.execute(select(c_.id, c_.due, c_.status).where(c_.id.in_(sorted(ids))))}
    out: set[str] = set()
    for th, links in mine.items():
        first, head = firsts.get(th), rows.get(th)
        if first is None or head is None or first["thread"] != th or first["action"] != "link":
            continue
        key = (first["date"] or "", th)
        ok = True
        for l in links:
            if l.stance != "mention" or l.record_id == th:
                ok = False
            elif not followups.is_about(l.record_id):
                row = rows.get(l.record_id)
                ok = (row is not None and row.status == head.status and (l.date or "", l.record_id) > key
                      and (row.due is None or (row.due == head.due and not sorts_before(conn, th, key))))
            if not ok:
                break
        if ok:
            out.add(th)
    return out


def thread_view(conn, thread: str, as_of=None, links: Optional[list[dict]] = None) -> Optional[dict]:
    """A tracked commitment as SCHEMA.md fields + id, article, history (oldest first)."""
    links = members(conn, "commitment", thread) if links is None else links
    if not links:
        return None
    ids = [l["record_id"] for l in links if not followups.is_about(l["record_id"])]
    rows = {r["id"]: dict(r) for r in conn.execute(
        select(t.commitments).where(t.commitments.c.id.in_(ids))).mappings()}
    # a follow-up's about-link is evidence without a record of its own
    links = [l for l in links if l["record_id"] in rows or followups.is_about(l["record_id"])]
    if not any(l["record_id"] in rows for l in links):
        return None
    first = min((l for l in links if l["record_id"] in rows), key=lambda l: (l["date"] or "", l["record_id"]))
    root = rows[first["record_id"]]
    evidence = [Evidence(l["stance"] or "mention", l["date"], l["article"],
                         (l["span_start"], l["span_end"]) if l["span_start"] is not None else None,
                         l["record_id"], due=l["due"]) for l in links]
    due = root["due"]
    if due is None:
        due = next((rows[l.record]["due"] for l in sorted(evidence, key=lambda e: e.date or "")
                    if l.record in rows and rows[l.record]["due"]), None)
    rep = replay_commitment(evidence, due)
    ev_rows = conn.execute(select(t.commitment_evidence).where(
        t.commitment_evidence.c.commitment == root["id"]).order_by(t.commitment_evidence.c.position))
    counterparty = root["counterparty"] or next(
        (rows[l["record_id"]]["counterparty"] for l in sorted(links, key=lambda l: l["date"] or "")
         if l["record_id"] in rows and rows[l["record_id"]]["counterparty"]), None)
    return {
        "id": thread, "article": root["article"],
        "kind": root["kind"], "holder": root["holder"], "counterparty": counterparty,
        "content": root["content"], "conditions": root["conditions"], "due": rep.due,
        "status": rep.status, "overdue": is_overdue(rep.status, rep.due, as_of),
        "evidence": [[e.span_start, e.span_end] for e in ev_rows],
        "history": rep.history, "members": sorted(ids), "about": sorted(l["record_id"] for l in links
                                                                        if followups.is_about(l["record_id"])),
    }


def refresh_commitment(conn, thread: str, aid: str) -> Optional[dict]:
    """Write the replayed status to every member's cached status, appending history where it changed.
    The status comes from the thread's folded steps (fold.py) when that shows it unchanged: then only
    the reports added since the last refresh can differ from it, and only those are read."""
    if not fold.FULL_REPLAY and _refresh_folded(conn, thread):
        return None
    view = thread_view(conn, thread)
    if view is None:
        return None
    last = view["history"][-1] if view["history"] else {}
    c_ = t.commitments.c
    row = conn.execute(select(c_.status, c_.due_now).where(c_.id == thread)).first()
    old = row.status if row is not None else None
    if row is not None:
        _keep_due(conn, thread, row.due_now, view["due"])
    # the members' cached statuses in one read: a thread of many reports costs one query, not one each
    current = {r.id: r.status for r in conn.execute(select(t.commitments.c.id, t.commitments.c.status)
                                                    .where(t.commitments.c.id.in_(view["members"])))}
    _write_members(conn, thread, [rid for rid in view["members"] if current.get(rid) != view["status"]],
                   view["status"], view["overdue"], last)
    if old == view["status"]:
        return None
    return {"record_kind": "commitment", "id": thread, "kind": view["kind"], "holder": view["holder"],
            "content": view["content"], "old": old, "new": view["status"], "article": aid}


def _keep_due(conn, thread: str, stored: Optional[str], due: Optional[str]) -> None:
    """The thread's record keeps the last day of its current due date (`due`, after extensions) where the
    lookup of follow-ups near their due date reads it (commitments.due_now, near_due.py): written when it moved."""
    last = end_date(due) if due else None
    if last != stored:
        conn.execute(update(t.commitments).where(t.commitments.c.id == thread).values(due_now=last))


def _write_members(conn, thread: str, rids: list[str], status: str, overdue: bool, last: dict) -> None:
    """Each member's new status and a history row for it. A thread whose status flips rewrites every
    member, one more each time the story repeats: one read, one insert and one update for them all."""
    if not rids:
        return
    span = last.get("span") or [None, None]
    dates = history_dates(conn, rids, last.get("date"))
    now = codec.now()
    conn.execute(t.history.insert(), [
        {"record_kind": "commitment", "record_id": rid, "status": status, "date": dates[rid],
         "article": last.get("article"), "span_start": span[0], "span_end": span[1],
         "note": f"tracked with {thread}: {last.get('note')}", "recorded_at": now} for rid in rids])
    c_ = t.commitments.c
    for n in range(0, len(rids), 500):
        conn.execute(update(t.commitments).where(c_.id.in_(rids[n:n + 500])).values(status=status, overdue=overdue))


def _refresh_folded(conn, thread: str) -> bool:
    """refresh_commitment through the fold, when the thread's status stays as cached: True when done
    (what the replay would write: history for the new reports whose cached status differs). Anything
    else (a changed status, a first report without a due date, a report without its record) is left to
    the replay of all evidence."""
    f, _ = fold.current(conn, "commitment", thread)
    c_ = t.commitments.c
    root = conn.execute(select(c_.due).where(c_.id == f.root)).first() if f.root else None
    rep = fold.replay("commitment", f.steps, root.due) if root is not None else None
    old = conn.execute(select(c_.status, c_.due_now).where(c_.id == thread)).first()
    if rep is None or old is None or old.status != rep.status:
        return False
    _keep_due(conn, thread, old.due_now, rep.due)
    ids = sorted({l["record_id"] for l in f.new if not followups.is_about(l["record_id"])})
    cached = {r.id: r.status for r in conn.execute(select(c_.id, c_.status).where(c_.id.in_(ids)))} if ids else {}
    if len(cached) != len(ids):
        return False
    differ = [rid for rid in ids if cached[rid] != rep.status]
    if differ and root.due is None:
        return False        # the due date may come from another report (thread_view): not folded
    _write_members(conn, thread, differ, rep.status, is_overdue(rep.status, rep.due), rep.history[-1])
    return True
