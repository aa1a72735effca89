"""A tracked record's status from a summary of its evidence, kept up to date as links are appended.

The status is the replay of all evidence in date order (status.py), and a thread grows by one report
each time the news repeats it, so replaying it on every new report costs more as the store grows.
But every transition of the replay is idempotent (applying a stance twice in a row is applying it
once: tests/track/test_fold.py checks every pair), and evidence of one date and stance is replayed
together (the replay sorts by date, then by a rank of the stance). So the replay of all evidence
equals the replay of its distinct (date, stance) *steps*, one piece of evidence each; only the last
report of the last step shows in the history, and its note depends on whether its step has others.

`track_steps` keeps the steps of each thread (count, latest due date of an extension, last report),
`track_folds` the last track_links row folded in, how many rows, and the thread's first report.
`current` folds in the rows appended since (a read of the thread's newest rows; the row count catches
a row that parallel writers committed late, below one already folded), and replays the steps with the
replay of status.py itself. A row that takes a report out of a thread (an unlink) cannot be
subtracted from a summary: the thread is then folded again from its members, as on first use.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import delete, func, select, update

from .followups import is_about
from .status import CLAIM_RELATIONS, COMMITMENT_STANCES, Evidence, Replay, replay_claim, replay_commitment
from .tables import latest_links, members, track_folds, track_links, track_steps

# True: refresh statuses by replaying all evidence of a thread or claim (the reference the tests compare
# the folded refresh against); False: through this module, reading only what was added since.
FULL_REPLAY = False

_RANKS = {"commitment": {s: i for i, s in enumerate(COMMITMENT_STANCES)},
          "claim": {s: i for i, s in enumerate(CLAIM_RELATIONS)}}


@dataclass
class Fold:
    steps: list[dict]                   # track_steps rows of the thread
    new: list[dict]                     # link rows folded in by this call (the reports added since)
    root: Optional[str]                 # the thread's first report (commitments)


def _stance(kind: str, link: dict) -> str:
    return (link["stance"] or "mention") if kind == "commitment" else link["stance"]


def _key(kind: str, date, stance, article, span_start, span_end, record) -> tuple:
    """status.Evidence.key for a report: its place in the replay."""
    span = (span_start, span_end) if span_start is not None else (0, 0)
    return (date or "", _RANKS[kind].get(stance, 0), article or "", span, record)


def _item(kind: str, link: dict) -> dict:
    return {"last_record": link["record_id"], "last_date": link["date"], "last_article": link["article"],
            "last_span_start": link["span_start"], "last_span_end": link["span_end"], "last_due": link["due"],
            "last_note": link["note"] if kind == "claim" else None}


def _item_key(kind: str, step: dict) -> tuple:
    return _key(kind, step["last_date"], step["stance"], step["last_article"], step["last_span_start"],
                step["last_span_end"], step["last_record"])


def _add(kind: str, steps: dict, link: dict) -> None:
    """Fold one report into the steps (keyed by (date, stance))."""
    stance = _stance(kind, link)
    k = (link["date"] or "", stance)
    due = link["due"] if stance == "extended" else None
    s = steps.get(k)
    if s is None:
        steps[k] = {"record_kind": kind, "date": k[0], "stance": stance, "n": 1, "max_due": due, **_item(kind, link)}
        return
    s["n"] += 1
    if due and (s["max_due"] is None or due > s["max_due"]):
        s["max_due"] = due
    if _key(kind, link["date"], stance, link["article"], link["span_start"], link["span_end"],
            link["record_id"]) > _item_key(kind, s):
        s.update(_item(kind, link))


def _is_record(link: dict) -> bool:
    return not is_about(link["record_id"])     # a follow-up's reference is evidence without a record


def _root_key(link: dict) -> tuple:
    return (link["date"] or "", link["record_id"])


def _rebuild(conn, kind: str, thread: str) -> Fold:
    links = members(conn, kind, thread)
    steps: dict = {}
    for l in links:
        _add(kind, steps, l)
    records = [l for l in links if _is_record(l)]
    root = min(records, key=_root_key) if records else None
    L = track_links.c
    seen, upto = conn.execute(select(func.count(), func.max(L.seq)).where(L.thread == thread)).one()
    conn.execute(delete(track_steps).where(track_steps.c.record_kind == kind, track_steps.c.thread == thread))
    conn.execute(delete(track_folds).where(track_folds.c.record_kind == kind, track_folds.c.thread == thread))
    rows = [{**s, "thread": thread} for s in steps.values()]
    if rows:
        conn.execute(track_steps.insert(), rows)
    conn.execute(track_folds.insert().values(record_kind=kind, thread=thread, upto=upto or 0, seen=seen,
                                             root_date=root["date"] if root else None,
                                             root_record=root["record_id"] if root else None))
    return Fold(rows, links, root["record_id"] if root else None)


def forget(conn, kind: str, thread: str) -> None:
    """Drop a thread's summary (a report left it): the next `current` folds it again from its members."""
    conn.execute(delete(track_folds).where(track_folds.c.record_kind == kind, track_folds.c.thread == thread))


def current(conn, kind: str, thread: str) -> tuple[Fold, bool]:
    """The thread's steps with every link row appended since the last call folded in; and whether it
    was folded from scratch (first use, or a report left the thread), when `new` is all its members."""
    F, S, L = track_folds.c, track_steps.c, track_links.c
    head = conn.execute(select(F.upto, F.seen, F.root_date, F.root_record).where(
        F.record_kind == kind, F.thread == thread)).first()
    if head is None:
        return _rebuild(conn, kind, thread), True
    # How many rows the thread has: with writers in parallel (PostgreSQL), a row may commit after one
    # with a higher seq was folded in, and only the count shows it (an index-only count of one thread).
    total = conn.execute(select(func.count()).where(L.thread == thread)).scalar()
    rows = [dict(r) for r in conn.execute(select(track_links).where(
        L.thread == thread, L.seq > head.upto).order_by(L.seq)).mappings()] if total != head.seen else []
    if total != head.seen + len(rows):
        return _rebuild(conn, kind, thread), True
    mine = [r for r in rows if r["record_kind"] == kind]
    if mine:
        latest = latest_links(conn, kind, [r["record_id"] for r in mine])
        if any(r["action"] != "link" or latest[r["record_id"]]["seq"] != r["seq"] for r in mine):
            return _rebuild(conn, kind, thread), True
    steps = {(s["date"], s["stance"]): s for s in (dict(r) for r in conn.execute(select(track_steps).where(
        S.record_kind == kind, S.thread == thread)).mappings())}
    if not rows:
        return Fold(list(steps.values()), [], head.root_record), False
    touched = set()
    root = (head.root_date or "", head.root_record) if head.root_record else None
    for r in mine:
        _add(kind, steps, r)
        touched.add((r["date"] or "", _stance(kind, r)))
        if _is_record(r) and (root is None or _root_key(r) < root):
            root = _root_key(r)
    for k in sorted(touched):
        s = {**steps[k], "thread": thread, "record_kind": kind}
        conn.execute(delete(track_steps).where(S.record_kind == kind, S.thread == thread, S.date == k[0],
                                               S.stance == k[1]))
        conn.execute(track_steps.insert().values(**s))
    conn.execute(update(track_folds).where(F.record_kind == kind, F.thread == thread).values(
        upto=rows[-1]["seq"], seen=total, root_date=root[0] if root else None, root_record=root[1] if root else None))
    return Fold(list(steps.values()), mine, root[1] if root else None), False


def replay(kind: str, steps: list[dict], due: Optional[str] = None) -> Optional[Replay]:
    """status.py's replay over one piece of evidence per step: the same status and due date as the
    replay of every report, and the same last history entry (the last step's last report, after a
    copy of itself when its step had others)."""
    if not steps:
        return None
    rank = _RANKS[kind]
    ordered = sorted(steps, key=lambda s: (s["date"], rank.get(s["stance"], 0)))
    evidence = [Evidence(s["stance"], s["date"] or None, None, None, "", due=s["max_due"]) for s in ordered[:-1]]
    last = ordered[-1]
    item = Evidence(last["stance"], last["last_date"], last["last_article"],
                    (last["last_span_start"], last["last_span_end"]) if last["last_span_start"] is not None else None,
                    last["last_record"], due=last["last_due"],
                    speaker=last["last_note"] if kind == "claim" else None)
    if last["n"] > 1:
        evidence.append(Evidence(last["stance"], last["last_date"], "", None, "", due=last["max_due"]))
    evidence.append(item)
    if kind == "claim":
        return replay_claim(evidence)
    return replay_commitment(evidence, due)
