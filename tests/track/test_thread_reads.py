"""A thread's reads that once went over all its link rows (followups._thread_commitment, and
linker._before, now tables.sorts_before) answer as those full reads did, through index ranges (migration 0015)."""
from __future__ import annotations

import itertools

from sqlalchemy import case, func, select

from newsledger.store.codec import record_id
from newsledger.track import followups, store_record
from newsledger.track.tables import add_link, engine_of, sorts_before, track_links

A, B, C, E = (record_id(x, "commitment", 0) for x in "abce")


def _record(aid: str, published: str, content: str = "hold talks on the border") -> dict:
    return {"schema": "newsledger/1", "article": {"id": aid, "text": "The ministry promised talks.",
                                                   "published": published, "language": "en"},
            "actors": [{"id": "ministry", "name": "The ministry", "type": "organization"}],
            "statements": [], "events": [], "times": [],
            "commitments": [{"kind": "promise", "holder": "ministry", "counterparty": None,
                             "content": content, "conditions": None, "due": "2024-06-30",
                             "status": "open", "overdue": False, "evidence": [[0, 28]]}]}


# (record id, date, stance, due): reports of one thread, undated, on one day, and out of order
LINKS = [(B, "2024-03-05", "mention", None), (C, "2024-03-05", "extended", "2024-09-30"),
         (A, "2024-03-01", "mention", None), ("d:about:T", "2024-04-01", "extended", "2024-12-31"),
         (E, None, "mention", None), ("f:about:T", "2024-04-02", "extended", None)]


def _articles(store) -> None:
    for aid, day in (("a", "2024-03-01"), ("b", "2024-03-05"), ("c", "2024-03-05"), ("d", "2024-04-01"),
                     ("e", "2024-03-07"), ("f", "2024-04-02"), ("g", "2024-03-09")):
        store_record(store, _record(aid, day), link=None)


def _thread(store, thread: str, links) -> None:
    with engine_of(store).begin() as conn:
        for rid, date, stance, due in links:
            add_link(conn, "commitment", rid, thread, stance=stance, article=rid.split(":")[0],
                            date=date, span=None, due=due)


def _old_before(conn, thread, key) -> bool:
    """The read it replaces: one filter over every row of the thread."""
    L = track_links.c
    day, rid = key
    earlier = (L.date.is_(None) | (L.date < day) | ((L.date == day) & (L.record_id < rid))) if day else \
        ((L.date.is_(None) | (L.date == "")) & (L.record_id < rid))
    q = select(L.seq).where(L.thread == thread, L.record_kind == "commitment", earlier).limit(1)
    return conn.execute(q).first() is not None


def test_before_answers_as_the_filter_over_the_whole_thread(make_store):
    store = make_store()
    _articles(store)
    for n in range(len(LINKS) + 1):
        _thread(store, f"T{n}", LINKS[:n])
    keys = [(d, r) for d in (None, "", "2024-03-01", "2024-03-05", "2024-04-02", "2025-01-01")
            for r in (A, C, "z")]
    seen = set()
    with engine_of(store).connect() as conn:
        for n, key in itertools.product(range(len(LINKS) + 1), keys):
            old = _old_before(conn, f"T{n}", key)
            assert sorts_before(conn, f"T{n}", key) == old, (n, key)
            seen.add(old)
    assert seen == {True, False}        # both answers occur, so the comparison can fail


def test_thread_commitment_takes_the_earliest_report_and_the_latest_extension(make_store):
    store = make_store()
    _articles(store)
    L = track_links.c
    with engine_of(store).connect() as conn:
        assert followups._thread_commitment(conn, B)["due"] == "2024-06-30"   # no links yet
    # thread b: its own report, then a report dated before it joins (its root now), and extensions
    _thread(store, B, [l for l in LINKS if l[1]])     # (an undated report would be the root, as thread_view takes it)
    with engine_of(store).connect() as conn:
        c = followups._thread_commitment(conn, B)
        old = conn.execute(select(func.max(case((L.stance == "extended", L.due))))
                           .where(L.thread == B, L.record_kind == "commitment")).scalar()
    assert c["id"] == A      # the earlier report is the root
    assert c["due"] == old == "2024-12-31"  # the latest due an extension gave
    # a thread whose reports are none of them dated before its own keeps its own record
    _thread(store, E, [(E, "2024-03-07", "mention", None),
                                      ("g:about:e", "2024-03-09", "extended", "2024-05-01")])
    with engine_of(store).connect() as conn:
        c = followups._thread_commitment(conn, E)
    assert c["id"] == E and c["due"] == "2024-06-30"   # an extension to an earlier day
