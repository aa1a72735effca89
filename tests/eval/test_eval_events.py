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


# ---- span gold (plv-dev): PLOVER roots, actors by mention overlap ----------------------------------

def actor(id, *mentions):
    return {"id": id, "type": "country", "country": None, "mentions": [list(m) for m in mentions]}


def span_gold(*events):
    return {"id": "x", "events": [{"event": c, "source": "", "target": "", "source_spans": [list(s) for s in ss],
                                   "target_spans": [list(t) for t in ts]} for c, ss, ts in events]}


# "The rebels attacked the army base near Goma.": gold "rebels" 4-10, "army base" 24-33, Goma 39-43;
# the system's mentions are "The rebels" 0-10 and "the army base" 20-33
REBELS_AT = actor("rebels", (0, 10))
BASE_AT = actor("army", (20, 33))


def test_root_prefixes():
    from newsledger.eval.events import ROOT_CODES
    assert expresses("020", "REQUEST", ROOT_CODES) and expresses("1041", "REQUEST", ROOT_CODES)
    assert expresses("190", "ASSAULT", ROOT_CODES) and expresses("183", "ASSAULT", ROOT_CODES)
    assert expresses("0841", "YIELD", ROOT_CODES) and expresses("112", "ACCUSE", ROOT_CODES)
    assert expresses("057", "AGREE", ROOT_CODES) and expresses("057", "SUPPORT", ROOT_CODES)
    assert not expresses("190", "ASSAULT")                  # the 2016 table: ASSAULT is 18 or 20
    assert not expresses("020", "REQUEST")                  # no REQUEST in the 2016 categories


def test_span_triple_needs_both_mentions_to_overlap_the_gold_spans():
    actors = [REBELS_AT, BASE_AT, actor("goma", (39, 43))]
    g = span_gold(("ASSAULT", [(4, 10)], [(24, 33)]))
    right = score([(record([ev("190", "rebels", "army")], actors), g)])
    assert right["type_recall"] == right["triple_recall"] == right["type_precision"] == 1.0
    wrong_target = score([(record([ev("190", "rebels", "goma")], actors), g)])
    assert wrong_target["type_recall"] == 1.0 and wrong_target["triple_recall"] == 0.0
    no_source = score([(record([ev("190", None, "army")], actors), g)])
    assert no_source["triple_recall"] == 0.0


def test_span_gold_with_no_spans_on_a_side_is_matched_by_nothing():
    g = span_gold(("ASSAULT", [(4, 10)], []))
    r = score([(record([ev("190", "rebels", None)], [REBELS_AT]), g)])
    assert r["type_recall"] == 1.0 and r["triple_recall"] == 0.0


def test_span_gold_reads_roots_not_the_2016_categories():
    # 195 is FIGHT in the old table, ASSAULT among the roots; 020 is REQUEST
    g = span_gold(("ASSAULT", [(4, 10)], [(24, 33)]), ("REQUEST", [(4, 10)], [(24, 33)]))
    r = score([(record([ev("195", "rebels", "army"), ev("020", "rebels", "army"), ev("111", "rebels")],
                       [REBELS_AT, BASE_AT]), g)])
    assert r["type_recall"] == 1.0 and r["triple_recall"] == 1.0
    assert r["type_precision"] == pytest.approx(2 / 3)


def test_per_category_recall_and_precision():
    pairs = [
        (record([ev("190", "rebels", "army")], [REBELS_AT, BASE_AT]), span_gold(("ASSAULT", [(4, 10)], [(24, 33)]))),
        (record([ev("182")]), span_gold(("ASSAULT", [(0, 3)], [(5, 9)]))),
        (record([ev("111"), ev("183")]), span_gold(("ACCUSE", [(0, 3)], [(5, 9)]))),
        (record([]), span_gold(("AID", [(0, 3)], [(5, 9)]))),
    ]
    r = score(pairs)
    per = r["per_category"]
    assert per["ASSAULT"] == {"gold": 2, "type_recall": 1.0, "triple_recall": 0.5, "system": 3,
                              "precision": pytest.approx(2 / 3, abs=1e-4)}
    assert per["ACCUSE"] == {"gold": 1, "type_recall": 1.0, "triple_recall": 0.0, "system": 1, "precision": 1.0}
    assert per["AID"] == {"gold": 1, "type_recall": 0.0, "triple_recall": 0.0, "system": 0, "precision": 0.0}
    assert r["type_precision"] == pytest.approx(3 / 4)
    assert r["gold_events"] == 4 and r["system_events"] == 4


def test_code_gold_keeps_its_scoring_beside_span_gold():
    pairs = [(record([ev("190", "russia", "ukraine")], [RUSSIA, UKRAINE]), gold(("FIGHT", ["RUS"], ["UKR"]))),
             (record([ev("190")]), gold(("ASSAULT", [], [])))]     # 19 is not ASSAULT in the 2016 draft
    r = score(pairs)
    assert r["type_recall"] == 0.5 and r["triple_recall"] == 0.5 and r["type_precision"] == 0.5
    assert set(r["per_category"]) == {"FIGHT", "ASSAULT"}


def test_shared_span_gold_against_a_perfect_system(shared_dir):
    """plv-dev's own spans and roots, read back through the scorer, give 1.0 everywhere."""
    from newsledger.eval import read_gold
    from newsledger.eval.events import ROOT_CODES
    path = shared_dir / "eval" / "events" / "plv-dev.gold.jsonl"
    if not path.exists():
        pytest.skip("no plv-dev gold in ../shared/eval")
    pairs = []
    for g in read_gold(str(path)).values():
        actors, events = [], []
        for k, e in enumerate(g["events"]):
            actors += [actor(f"s{k}", *e["source_spans"]), actor(f"t{k}", *e["target_spans"])]
            events.append(ev(ROOT_CODES[e["event"]][0], f"s{k}", f"t{k}"))
        pairs.append((record(events, actors), g))
    r = score(pairs)
    assert r["type_recall"] == 1.0 and r["type_precision"] == 1.0
    empty_side = sum(1 for _, g in pairs for e in g["events"] if not e["source_spans"] or not e["target_spans"])
    assert r["triple_recall"] == pytest.approx(1 - empty_side / r["gold_events"])
