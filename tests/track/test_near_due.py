"""A follow-up comes near its commitment's due date, however long after the commitment was made
(track/near_due.py): candidates by (side, due date), in both directions of ingest, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from newsledger.store import open_store
from newsledger.track import store_record
from newsledger.track.followups import candidate_threads, later_articles
from newsledger.track.near_due import DUE_AFTER, DUE_BEFORE, due_range, report_range
from newsledger.track.refer import WINDOW_DAYS

from .conftest import migrations_before
from .test_followups import _articles, _tracked, record

# made in June 2027, due at the end of 2028: the delivery is told 542 days on, past WINDOW_DAYS
PATROL = record(
    "patrol-1", "2027-06-15",
    "Japan pledged to deliver 12 coast guard patrol vessels to the Philippines by the end of 2028.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "philippines",
                  "content": "deliver 12 coast guard patrol vessels to the Philippines", "due": "2028-12-31"}])
DELIVERED = record(
    "patrol-3", "2028-12-08",
    "Japan has delivered the 12 coast guard patrol vessels to the Philippines, its embassy said.")
# must not: the same sides, near the due date, another thing
DRILLS = record(
    "patrol-2", "2028-11-24",
    "Japan and the Philippines agreed to hold joint naval drills in the South China Sea next spring, "
    "Tokyo said.")

# due at the end of March 2027; two years on, the same sides and another thing
RICE = record(
    "rice-1", "2027-01-11",
    "Japan pledged to send 30 tonnes of rice to the Philippines by the end of March.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "philippines",
                  "content": "send 30 tonnes of rice to the Philippines", "due": "2027-03-31"}])
ROADS = record(
    "rice-2", "2029-02-05",
    "Japan will lend the Philippines money to rebuild roads on Luzon, Tokyo said on Monday.")

# an ultimatum due at the end of June 2028, extended near it to the end of the year, then met after the
# new date: 724 days after it was set and six months after the first due date
LEVY = record(
    "levy-1", "2027-01-11",
    "Prime Minister Mark Carney gave China until June 30, 2028 to lift its tariffs on Canadian canola, "
    "or face duties on Chinese steel.",
    commitments=[{"kind": "ultimatum", "holder": "mark-carney", "counterparty": "china",
                  "content": "lift its tariffs on Canadian canola", "due": "2028-06-30"}])
LEVY_EXTENDED = record(
    "levy-2", "2028-06-27",
    "Canada will give China two more weeks to remove its canola levies, Carney said, as the cutoff he set "
    "last year neared. \"There has been real movement from Beijing,\" he said.",
    times=[("two more weeks", "DURATION", "P2W")])
LEVY_MET = record(
    "levy-3", "2028-07-20",
    "China said on Thursday it had removed its tariffs on Canadian canola with immediate effect. "
    "Exporters in Canada welcomed the move.",
    times=[("Thursday", "DATE", "2028-07-20")])


def _ingest(store, records):
    for r in records:
        store_record(store, r)


def test_the_bounds_hold_the_days_around_the_due_date():
    assert due_range("2028-12-08") == ("2028-10-08", "2029-06-09")
    assert report_range("2028-12") == ("2028-07-01", "2029-03-02")
    assert report_range(None) is None and DUE_BEFORE > DUE_AFTER > 0


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_a_follow_up_near_the_due_date_long_after_the_pledge_is_linked(make_store, order):
    chain = [PATROL, DRILLS, DELIVERED]
    store = make_store()
    _ingest(store, chain if order == "forward" else list(reversed(chain)))
    c = _tracked(store, "patrol-1")
    assert _articles(c) == ["patrol-1", "patrol-3"] and c["status"] == "met"


def test_must_not_a_report_of_the_same_sides_long_after_the_due_date_is_no_candidate(make_store):
    store = make_store()
    _ingest(store, [RICE, ROADS])
    c = _tracked(store, "rice-1")
    assert _articles(c) == ["rice-1"] and c["status"] == "open"
    with store.engine.connect() as conn:
        assert candidate_threads(conn, {"japan"}, "x", "2029-02-05") == []
        assert candidate_threads(conn, {"japan"}, "x", "2027-04-20") == ["rice-1:c0"]


def test_candidates_near_the_due_date_beyond_the_window(make_store):
    store = make_store()
    _ingest(store, [PATROL])
    late = "2028-12-08"
    with store.engine.connect() as conn:
        assert candidate_threads(conn, {"philippines"}, "x", late) == ["patrol-1:c0"]
        assert candidate_threads(conn, {"japan"}, "x", "2029-03-03") == []      # 62 days past the due date
        assert later_articles(conn, {"holder": "japan", "counterparty": None, "date": "2027-06-15",
                                     "due": "2028-12-31"}, "patrol-1") == []


def test_an_extension_moves_the_due_date_the_lookup_reads(make_store):
    store = make_store()
    _ingest(store, [LEVY, LEVY_EXTENDED, LEVY_MET])
    c = _tracked(store, "levy-1")
    assert _articles(c) == ["levy-1", "levy-2", "levy-3"]
    assert (c["status"], c["due"]) == ("met", "2028-07-14")
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT due_now FROM commitments WHERE id = 'levy-1:c0'")).scalar() == "2028-07-14"


def test_unlinking_the_extension_moves_the_due_date_back(make_store):
    from newsledger.track import unlink
    store = make_store()
    _ingest(store, [LEVY, LEVY_EXTENDED])
    assert "levy-2" in unlink(store, "levy-1:c0", "levy-2")
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT due_now FROM commitments WHERE id = 'levy-1:c0'")).scalar() == "2028-06-30"


def test_the_due_date_lookup_reads_an_index_of_side_and_due_date(make_store):
    store = make_store()
    _ingest(store, [PATROL, RICE])
    with store.engine.connect() as conn:
        for col in ("holder", "counterparty"):
            plan = " ".join(str(r[-1]) for r in conn.execute(text(
                f"EXPLAIN QUERY PLAN SELECT id, content, date, due_now AS k FROM commitments WHERE {col} = 'japan' "
                "AND due_now >= '2028-10-08' AND due_now <= '2029-06-09' AND article <> 'x' "
                "AND date <= '2028-12-08' ORDER BY due_now DESC, id DESC LIMIT 60")))
            assert f"commitments_{col}_due" in plan, plan


def test_a_store_made_before_the_due_lookup_is_upgraded(tmp_path, monkeypatch):
    """A store at 0017: each commitment's due_now is its due_date, or the latest due an extension of its
    thread gave (a day, a month or a year); the index is there."""
    from newsledger.store import migrate as m
    with monkeypatch.context() as mp:
        mp.setattr(m, "MIGRATIONS_DIR", migrations_before(tmp_path, 18))
        s = open_store(str(tmp_path / "old.db"))
        with s.engine.begin() as conn:
            conn.execute(text("INSERT INTO articles (id, text, date, ingested_at) VALUES "
                              "('a1', 'x', '2027-01-11', 'now'), ('a2', 'y', '2028-06-27', 'now')"))
            conn.execute(text("INSERT INTO commitments (id, article, position, kind, due, due_date, date) VALUES "
                              "('a1:c0', 'a1', 0, 'ultimatum', '2028-06-30', '2028-06-30', '2027-01-11'), "
                              "('a1:c1', 'a1', 1, 'pledge', '2028', '2028-12-31', '2027-01-11'), "
                              "('a1:c2', 'a1', 2, 'pledge', NULL, NULL, '2027-01-11')"))
            conn.execute(text("INSERT INTO track_links (record_kind, record_id, thread, action, stance, article, "
                              "date, due, recorded_at) VALUES "
                              "('commitment', 'a1:c0', 'a1:c0', 'link', 'open', 'a1', '2027-01-11', NULL, 'now'), "
                              "('commitment', 'a2:about:a1:c0', 'a1:c0', 'link', 'extended', 'a2', '2028-06-27', "
                              "'2028-09', 'now')"))
        s.close()
    s = open_store(str(tmp_path / "old.db"))
    try:
        with s.engine.connect() as conn:
            got = dict(conn.execute(text("SELECT id, due_now FROM commitments")).all())
            names = {r[1] for r in conn.execute(text("PRAGMA index_list('commitments')"))}
        assert got == {"a1:c0": "2028-09-30", "a1:c1": "2028-12-31", "a1:c2": None}
        assert {"commitments_holder_due", "commitments_counterparty_due"} <= names
    finally:
        s.close()


def test_the_window_alone_misses_it():
    """What the due-date lookup is for: the delivery comes after the window of days after the pledge."""
    from newsledger.track.dues import shift_days
    assert DELIVERED["article"]["published"] > shift_days(PATROL["article"]["published"], WINDOW_DAYS)


@pytest.mark.postgres
def test_near_due_on_postgresql(pg_schema_url):
    with open_store(pg_schema_url) as store:
        _ingest(store, [DELIVERED, DRILLS, PATROL])     # newest first: linked backward
        _ingest(store, [RICE, ROADS])
        c = _tracked(store, "patrol-1")
        assert _articles(c) == ["patrol-1", "patrol-3"] and c["status"] == "met"
        assert _articles(_tracked(store, "rice-1")) == ["rice-1"]
        with store.engine.connect() as conn:
            assert candidate_threads(conn, {"philippines"}, "x", "2028-12-10") == ["patrol-1:c0"]
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            plan = " ".join(r[0] for r in conn.execute(text(
                "EXPLAIN SELECT id, content, date, due_now AS k FROM commitments WHERE holder = 'japan' "
                "AND due_now >= '2028-10-08' AND due_now <= '2029-06-09' AND article <> 'x' "
                "AND date <= '2028-12-08' ORDER BY due_now DESC, id DESC LIMIT 60")))
        assert "commitments_holder_due" in plan, plan
