"""The tracking scorer (../shared/eval/README.md, `tracking`) on story chains we write ourselves."""
from __future__ import annotations

import json

import pytest

from newsledger.eval.tracking import date_order, due_equal, kind_group, match, score


def tracked(id, kind, holder, articles, status="open", due=None, statuses=None):
    """A tracked commitment as track.list_commitments gives it."""
    statuses = statuses or [status] * len(articles)
    return {"id": id, "article": articles[0], "kind": kind, "holder": holder, "counterparty": None,
            "content": "", "due": due, "status": status,
            "history": [{"status": s, "article": a, "date": None} for a, s in zip(articles, statuses)]}


def gold(id, kind, holder, first, links=(), status="open", due=None, not_links=(), chain=None):
    return {"id": id, "chain": chain or id.split("-")[0], "kind": kind, "holder": list(holder),
            "counterparty": None, "first_article": first, "links": list(links), "not_links": list(not_links),
            "statuses": [status], "status": status, "due_first": due, "due": due}


def test_kind_groups():
    assert kind_group("ultimatum") == kind_group("deadline") == kind_group("threat")
    assert kind_group("pledge") == kind_group("promise") == kind_group("guarantee") == kind_group("agreement")
    assert kind_group("threat") != kind_group("pledge")
    assert kind_group("rumour") is None


def test_match_needs_kind_group_holder_fragment_and_first_article():
    g = gold("x1-k1", "pledge", ["norway", "jonas-gahr-store"], "x1-a1")
    assert match(g, [tracked("t1", "promise", "jonas-gahr-store", ["x1-a1"])])[0]["id"] == "t1"
    assert match(g, [tracked("t1", "threat", "norway", ["x1-a1"])])[0] is None             # other group
    assert match(g, [tracked("t1", "pledge", "sweden", ["x1-a1"])])[0] is None             # other holder
    assert match(g, [tracked("t1", "pledge", "norway", ["x1-a2", "x1-a1"])])[0]["id"] == "t1"  # in history
    record, near = match(g, [tracked("t1", "pledge", "norway", ["x1-a2"]),
                             tracked("t2", "threat", "norway", ["x1-a1"])])
    assert record is None and [t["id"] for t in near] == ["t2"]                             # what could have


def test_match_prefers_the_history_sharing_most_links():
    g = gold("x1-k1", "agreement", ["norway"], "x1-a1", links=["x1-a2", "x1-a3"])
    one = tracked("t1", "agreement", "norway", ["x1-a1", "x1-a2"])
    two = tracked("t2", "agreement", "norway", ["x1-a1", "x1-a2", "x1-a3"])
    assert match(g, [one, two])[0]["id"] == "t2"
    assert match(g, [two, one])[0]["id"] == "t2"


def test_due_equal_reads_a_period_as_its_last_day():
    assert due_equal("2025-10-31", "2025-10-31")
    assert due_equal("2025-10", "2025-10-31") and due_equal("2025", "2025-12-31")
    assert not due_equal("2025-10", "2025-10-15") and not due_equal(None, "2025-10-31")
    assert not due_equal("2025-10-31", None)


def test_score_counts_found_links_status_and_due():
    golds = [
        # found; one of two links; one wrong link; status and due right
        gold("x1-k1", "pledge", ["norway"], "x1-a1", links=["x1-a2", "x1-a3"], status="met",
             due="2025-06-30", not_links=["x1-a4"]),
        # found, no links asked for, status wrong, no due (not counted for due_accuracy)
        gold("x1-k2", "ultimatum", ["finland"], "x1-a2", status="extended"),
        # not found: its first article has a record of the wrong holder
        gold("x2-k1", "threat", ["denmark"], "x2-a1", links=["x2-a2"], due="2025-09-01"),
    ]
    system = [
        tracked("x1-a1:c0", "promise", "norway", ["x1-a1", "x1-a2", "x1-a4"], status="met", due="2025-06",
                statuses=["unconfirmed", "open", "met"]),
        tracked("x1-a2:c0", "deadline", "finland", ["x1-a2"], status="open"),
        tracked("x2-a1:c0", "threat", "sweden", ["x2-a1"]),
        tracked("x2-a2:c0", "threat", "denmark", ["x2-a2"]),
    ]
    r = score(system, golds)
    assert r["found"] == 2 and r["gold_commitments"] == 3
    assert r["link_recall"] == pytest.approx(1 / 3)              # x1-a2 of x1-a2, x1-a3, x2-a2
    assert r["link_precision"] == pytest.approx(1 / 2)           # x1-a2 right, x1-a4 wrong
    assert r["status_accuracy"] == pytest.approx(1 / 3)
    assert r["due_accuracy"] == pytest.approx(1 / 2)             # 2025-06 is due by 2025-06-30
    assert (r["gold_links"], r["links_found"], r["linked_beyond_first"], r["links_right"]) == (3, 1, 2, 1)
    assert (r["status_right"], r["gold_with_due"], r["due_right"]) == (1, 2, 1)

    k1, k2, missed = r["commitments"]
    assert k1["record"] == "x1-a1:c0" and k1["gold_kind"] == "pledge" and k1["kind"] == "promise"
    assert k1["links_found"] == ["x1-a2"] and k1["links_missed"] == ["x1-a3"]
    assert k1["wrongly_linked"] == ["x1-a4"] and k1["linked_though_not_links"] == ["x1-a4"]
    assert k1["statuses"] == ["unconfirmed", "open", "met"] and k1["status_right"] and k1["due_right"]
    assert k2["status"] == "open" and k2["gold_status"] == "extended" and not k2["status_right"]
    assert not missed["found"] and missed["links_missed"] == ["x2-a2"]
    assert [c["record"] for c in missed["candidates"]] == ["x2-a1:c0"]   # the wrong holder, shown
    assert r["chains"]["x1"] == {"commitments": 2, "found": 2, "links": 2, "links_found": 1,
                                 "wrongly_linked": 1, "status_right": 1, "with_due": 1, "due_right": 1}
    assert r["chains"]["x2"]["found"] == 0
    assert [o["record"] for o in r["other_records"]] == ["x2-a1:c0", "x2-a2:c0"]


def test_nothing_tracked_scores_zero():
    r = score([], [gold("x1-k1", "pledge", ["norway"], "x1-a1", links=["x1-a2"], due="2025-01-31")])
    assert (r["found"], r["link_recall"], r["link_precision"], r["status_accuracy"], r["due_accuracy"]) \
        == (0, 0.0, 0.0, 0.0, 0.0)


def test_date_order_keeps_input_order_among_equals_and_undated_last():
    recs = [{"article": {"id": i, "published": p}} for i, p in
            [("c", None), ("b", "2025-02-01"), ("a", "2025-01-01"), ("d", "2025-02-01")]]
    assert [r["article"]["id"] for r in date_order(recs)] == ["a", "b", "d", "c"]


# ---- through the store: records written by hand, stored with track.store_record -----------------

TEXTS = {
    "x1-a1": "Norway pledged on Monday to send 40 field hospitals to Chile by June 30.",
    "x1-a2": "Finland gave Estonia until Friday to reopen the border crossing.",
}


def record(aid, published, commitments, errors=None):
    r = {"schema": "newsledger/1", "model": {"name": "test", "version": "0"},
         "article": {"id": aid, "title": None, "source": None, "url": None, "published": published,
                     "language": "en", "text": TEXTS[aid]},
         "actors": [], "statements": [], "events": [], "times": [], "commitments": commitments}
    if errors:
        r["errors"] = errors
    return r


def commitment(kind, holder, content, due, text):
    return {"kind": kind, "holder": holder, "counterparty": None, "content": content, "conditions": None,
            "due": due, "status": "open", "overdue": False, "evidence": [[0, len(text)]]}


def write_gold(path, *golds):
    path.write_text("".join(json.dumps(g) + "\n" for g in golds), encoding="utf-8")
    return str(path)


def test_run_stores_the_records_in_a_fresh_store_and_scores(tmp_path):
    from newsledger.eval import run_eval
    records = [
        record("x1-a2", "2025-03-05", [commitment("ultimatum", "finland", "reopen the border crossing",
                                                 "2025-03-07", TEXTS["x1-a2"])]),
        record("x1-a1", "2025-03-03", [commitment("pledge", "norway", "send 40 field hospitals to Chile",
                                                 "2025-06-30", TEXTS["x1-a1"])]),
    ]
    g = write_gold(tmp_path / "gold.jsonl",
                   gold("x1-k1", "pledge", ["norway"], "x1-a1", due="2025-06-30"),
                   gold("x1-k2", "deadline", ["finland"], "x1-a2", due="2025-03-07"),
                   gold("x1-k3", "pledge", ["estonia"], "x1-a2"))
    r = run_eval("tracking", str(tmp_path / "unused.jsonl"), g, records=records)
    assert r["documents"] == 2 and r["tracked_commitments"] == 2
    assert r["found"] == 2 and r["due_accuracy"] == 1.0
    assert r["status_accuracy"] == pytest.approx(2 / 3)
    assert "not_stored" not in r


def test_run_reports_records_it_could_not_store(tmp_path):
    from newsledger.eval import run_eval
    records = [record("x1-a1", "2025-03-03", [], errors=["commitments: boom"])]
    g = write_gold(tmp_path / "gold.jsonl", gold("x1-k1", "pledge", ["norway"], "x1-a1"))
    r = run_eval("tracking", str(tmp_path / "unused.jsonl"), g, records=records)
    assert r["not_stored"] == ["x1-a1"] and r["found"] == 0


def test_shared_chains_are_read_as_the_readme_says(shared_dir):
    """The shared gold scored against a system that tracked every commitment perfectly."""
    from newsledger.eval import read_gold
    path = shared_dir / "eval" / "tracking" / "gold.jsonl"
    if not path.exists():
        pytest.skip("no tracking gold in ../shared/eval")
    golds = list(read_gold(str(path)).values())
    perfect = [tracked(f"{g['id']}:c0", g["kind"], g["holder"][0], [g["first_article"], *g["links"]],
                       status=g["status"], due=g["due"]) for g in golds]
    r = score(perfect, golds)
    assert r["found"] == r["gold_commitments"] == len(golds)
    assert r["link_recall"] == r["status_accuracy"] == r["due_accuracy"] == 1.0
    assert r["link_precision"] == 1.0 or r["linked_beyond_first"] == 0


def test_cli_eval_tracking_extracts_stores_and_scores(tmp_path, cli, nlp):
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in [
        {"id": "x9-a2", "chain": "x9", "published": "2025-05-20", "title": "Hospitals arrive",
         "text": "The first of the field hospitals Norway promised reached Chile on Tuesday."},
        {"id": "x9-a1", "chain": "x9", "published": "2025-03-03", "title": "Norway pledges hospitals",
         "text": "Norway pledged on Monday to send 40 field hospitals to Chile by June 30, "
                 "Prime Minister Jonas Gahr Store said."},
    ]), encoding="utf-8")
    g = write_gold(tmp_path / "gold.jsonl", gold("x9-k1", "pledge", ["norway", "jonas-gahr-store"], "x9-a1",
                                                  links=["x9-a2"], status="met", due="2025-06-30"))
    result = cli("eval", "tracking", str(articles), g)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    for key in ("found", "link_recall", "link_precision", "status_accuracy", "due_accuracy", "chains",
                "commitments", "other_records"):
        assert key in out
    assert out["documents"] == 2 and out["gold_commitments"] == 1 and out["gold_links"] == 1
    assert [c["id"] for c in out["commitments"]] == ["x9-k1"]
