"""Status replay (track/status.py): order-free, settled states stay, overdue is a flag."""
from __future__ import annotations

import datetime as dt
import itertools

from newsledger.track.status import Evidence, is_overdue, replay_claim, replay_commitment, stance_of


def ev(stance, date, article, due=None):
    return Evidence(stance, date, article, (0, 10), f"{article}:c0", due=due)


def test_any_order_gives_the_same_replay():
    items = [ev("mention", "2025-09-01", "a"), ev("unconfirmed", "2025-09-01", "b"),
             ev("denied", "2025-09-04", "c"), ev("mention", "2025-09-09", "d")]
    results = {replay_commitment(p, None).status for p in itertools.permutations(items)}
    assert results == {"denied"}            # a later plain mention does not undo a denial


def test_settled_status_is_not_reopened_by_a_mention():
    r = replay_commitment([ev("mention", "2025-01-01", "a"), ev("met", "2025-02-01", "b"),
                           ev("mention", "2025-03-01", "c")], None)
    assert r.status == "met"
    assert [h["status"] for h in r.history] == ["open", "met", "met"]


def test_confirmation_reopens_an_unconfirmed_commitment_but_not_a_settled_one():
    assert replay_commitment([ev("unconfirmed", "2025-01-01", "a"), ev("confirm", "2025-01-02", "b")],
                             None).status == "open"
    assert replay_commitment([ev("withdrawn", "2025-01-01", "a"), ev("confirm", "2025-01-02", "b")],
                             None).status == "withdrawn"


def test_extension_moves_due_only_later():
    r = replay_commitment([ev("mention", "2025-09-01", "a"), ev("extended", "2025-09-05", "b", due="2025-09-19"),
                           ev("extended", "2025-09-06", "c", due="2025-09-10")], "2025-09-01")
    assert r.status == "extended" and r.due == "2025-09-19"
    assert "2025-09-19" in r.history[1]["note"]


def test_overdue_flag():
    assert is_overdue("open", "2025-09-01", dt.date(2025, 9, 2))
    assert not is_overdue("open", "2025-09-01", dt.date(2025, 9, 1))     # due today is not late yet
    assert not is_overdue("met", "2025-09-01", dt.date(2025, 10, 1))
    assert not is_overdue("open", None, dt.date(2025, 10, 1))
    assert is_overdue("open", "2025-09", dt.date(2025, 10, 1))            # a month is due by its end
    assert not is_overdue("open", "2025-09", dt.date(2025, 9, 15))
    assert not is_overdue("open", "XXXX-09", dt.date(2026, 10, 1))        # no year: never guessed


def test_stance_of_extracted_status():
    assert stance_of("open", 1) == "mention"
    assert stance_of("open", 2) == "confirm"
    assert stance_of("denied", 1) == "denied"


def test_claim_replay():
    items = [Evidence("supports", "2025-09-01", "a", None, "a:s1", speaker="steve-witkoff"),
             Evidence("not-confirmed", "2025-09-01", "a", None, "a:s2", speaker="russia")]
    assert replay_claim(items).status == "unconfirmed"
    items.append(Evidence("denies", "2025-09-04", "b", None, "b:s0", speaker="dmitry-peskov"))
    assert {replay_claim(p).status for p in itertools.permutations(items)} == {"denied"}
    assert replay_claim(items[:1]).status == "claimed"
