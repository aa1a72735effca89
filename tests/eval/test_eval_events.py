"""The events scorer on synthetic pairs: the definitions of ../shared/eval/README.md, case by case."""
from __future__ import annotations

import pytest

from newsledger.eval.events import actor_matches, expresses, score


def record(events, actors=()):
    return {"events": list(events), "actors": list(actors)}


def ev(code, source=None, target=None):
    return {"code": code, "source": source, "target": target}


RUSSIA = {"id": "russia", "type": "country", "country": "RUS"}
UKRAINE = {"id": "ukraine", "type": "country", "country": "UKR"}
JAPAN = {"id": "japan", "type": "country", "country": "JPN"}
NATO = {"id": "nato", "type": "alliance", "country": None}
UN = {"id": "un", "type": "organization", "country": None}
REBELS = {"id": "rebels", "type": "group", "country": None}


def gold(*events):
    return {"id": "x", "events": [dict(event=c, trigger="", source=s, target=t) for c, s, t in events]}


def test_category_prefixes():
    assert expresses("0312", "AGREE") and expresses("057", "AGREE") and expresses("057", "SUPPORT")
    assert expresses("195", "FIGHT") and not expresses("195", "ASSAULT")
    assert expresses("202", "ASSAULT") and expresses("202", "FIGHT")
    assert expresses("0871", "RETREAT") and expresses("081", "CONCEDE")
    assert not expresses("020", "DEMAND") and expresses("1056", "DEMAND")
    assert not expresses(None, "AGREE") and not expresses("03", "NOSUCH")


def test_actor_codes():
    assert actor_matches(RUSSIA, ["RUS"]) and not actor_matches(RUSSIA, ["UKR"])
    assert actor_matches(JAPAN, ["JAP"])                        # old CAMEO code read as ISO
    assert actor_matches({"type": "country", "country": "ITA"}, ["ITL"])
    assert actor_matches({"type": "country", "country": "VNM"}, ["VTN"])
    assert actor_matches(NATO, ["IGO"]) and actor_matches(UN, ["IGO"]) and not actor_matches(REBELS, ["IGO"])
    assert actor_matches(UN, ["NGO"]) and actor_matches(REBELS, ["NGO"])
    assert actor_matches(REBELS, ["ISM"]) and actor_matches(REBELS, ["IMG"]) and not actor_matches(UN, ["ISM"])
    assert actor_matches(None, []) and not actor_matches(None, ["RUS"])
    assert actor_matches(RUSSIA, ["UKR", "RUS"])                # any of a listed pair


def test_type_and_triple_recall_and_precision():
    pairs = [
        # found and triple right
        (record([ev("190", "russia", "ukraine")], [RUSSIA, UKRAINE]), gold(("FIGHT", ["RUS"], ["UKR"]))),
        # found, wrong target; plus one event of a category the gold does not have
        (record([ev("193", "russia", "russia"), ev("040", "russia")], [RUSSIA]),
         gold(("FIGHT", ["RUS"], ["UKR"]))),
        # not found
        (record([ev("111", "japan")], [JAPAN]), gold(("REJECT", ["JAP"], [""]))),
        # no system events at all
        (record([]), gold(("AGREE", ["IGO"], []))),
    ]
    result = score(pairs)
    assert result["gold_events"] == 4 and result["system_events"] == 4
    assert result["type_recall"] == pytest.approx(2 / 4)
    assert result["triple_recall"] == pytest.approx(1 / 4)
    assert result["type_precision"] == pytest.approx(2 / 4)


def test_empty_gold_side_matches_anything_including_no_actor():
    pairs = [(record([ev("0312", "japan", None)], [JAPAN]), gold(("AGREE", ["JAP"], [""]))),
             (record([ev("0312", None, None)]), gold(("AGREE", [], [])))]
    result = score(pairs)
    assert result["triple_recall"] == 1.0 and result["type_recall"] == 1.0


def test_missing_system_actor_fails_a_named_gold_side():
    pairs = [(record([ev("139", None, "ukraine")], [UKRAINE]), gold(("THREATEN", ["RUS"], ["UKR"])))]
    result = score(pairs)
    assert result["type_recall"] == 1.0 and result["triple_recall"] == 0.0


def test_any_typed_event_can_carry_the_triple():
    pairs = [(record([ev("0312", "ukraine"), ev("036", "russia", "ukraine")], [RUSSIA, UKRAINE]),
              gold(("AGREE", ["RUS"], ["UKR"])))]
    assert score(pairs)["triple_recall"] == 1.0


def test_precision_counts_every_gold_category_of_the_sentence():
    pairs = [(record([ev("112"), ev("173"), ev("190")]),
              gold(("DISAPPROVE", [], []), ("COERCE", [], [])))]
    result = score(pairs)
    assert result["type_precision"] == pytest.approx(2 / 3)
    assert result["type_recall"] == 1.0


def test_no_pairs():
    assert score([]) == {"type_recall": 0.0, "triple_recall": 0.0, "type_precision": 0.0,
                         "gold_events": 0, "system_events": 0, "per_category": {}}


def test_run_eval_scores_records_without_extraction(tmp_path):
    from newsledger.eval import run_eval
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text('{"id": "a", "events": [{"event": "CONSULT", "trigger": "met", '
                         '"source": ["RUS"], "target": ["UKR"]}]}\n', encoding="utf-8")
    records = [{"article": {"id": "a"}, "events": [ev("040", "russia", "ukraine")],
                "actors": [RUSSIA, UKRAINE]}]
    result = run_eval("events", "unused.jsonl", str(gold_file), records=records)
    assert result["triple_recall"] == 1.0 and result["documents"] == 1
