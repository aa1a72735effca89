"""The TempEval-3 style scorer of newsledger.eval.times, on small pairs we write."""
from __future__ import annotations

import pytest

from newsledger.eval.times import match, score


def rec(*times):
    return {"article": {"id": "a"}, "times": [
        {"text": t, "span": list(sp), "type": ty, "value": v, "anchor": "published"} for t, sp, ty, v in times]}


def gold(*times):
    return {"id": "a", "times": [{"text": t, "span": list(sp), "type": ty, "value": v} for t, sp, ty, v in times]}


def test_perfect_system_scores_one_everywhere():
    g = gold(("Friday", (10, 16), "DATE", "2025-08-29"), ("two weeks", (30, 39), "DURATION", "P2W"))
    s = rec(("Friday", (10, 16), "DATE", "2025-08-29"), ("two weeks", (30, 39), "DURATION", "P2W"))
    r = score([(s, g)])
    for key in ("strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1", "value_f1", "type_f1"):
        assert r[key] == 1.0, key


def test_overlap_counts_for_relaxed_but_not_strict():
    g = gold(("last week", (5, 14), "DATE", "2025-W35"))
    s = rec(("week", (10, 14), "DATE", "2025-W35"))
    r = score([(s, g)])
    assert r["relaxed_f1"] == 1.0
    assert r["strict_f1"] == 0.0
    assert r["value_f1"] == 1.0


def test_wrong_value_and_type_cost_only_their_own_scores():
    g = gold(("Friday", (0, 6), "DATE", "2025-08-29"), ("daily", (20, 25), "SET", "P1D"))
    s = rec(("Friday", (0, 6), "DATE", "2025-09-05"), ("daily", (20, 25), "DATE", "P1D"))
    r = score([(s, g)])
    assert r["relaxed_f1"] == 1.0
    assert r["value_f1"] == 0.5      # one of two values right: P = R = 0.5
    assert r["type_f1"] == 0.5


def test_missed_and_spurious_expressions():
    g = gold(("now", (0, 3), "DATE", "PRESENT_REF"), ("2022", (10, 14), "DATE", "2022"))
    s = rec(("now", (0, 3), "DATE", "PRESENT_REF"), ("May", (40, 43), "DATE", "2025-05"),
            ("march", (50, 55), "DATE", "2025-03"))
    r = score([(s, g)])
    assert r["relaxed_p"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["relaxed_r"] == 0.5
    assert r["relaxed_f1"] == pytest.approx(0.4, abs=1e-4)


def test_each_gold_matches_once_to_the_largest_overlap():
    g = gold(("the third quarter", (0, 17), "DATE", "2025-Q3"))
    s = rec(("the third", (0, 9), "DATE", "X"), ("third quarter", (4, 17), "DATE", "2025-Q3"))
    pairs = match(rec_times(s), g["times"])
    assert len(pairs) == 1 and pairs[0][0]["text"] == "third quarter"
    r = score([(s, g)])
    assert r["relaxed_r"] == 1.0 and r["relaxed_p"] == 0.5
    assert r["value_f1"] == pytest.approx(2 / 3, abs=1e-4)


def rec_times(r):
    return r["times"]


def test_no_expressions_at_all_scores_zero_without_error():
    r = score([(rec(), gold())])
    assert r["relaxed_f1"] == 0.0 and r["value_f1"] == 0.0
