"""The store on real SQLite and real PostgreSQL: ingest, round trip, queries, history, errors."""
from __future__ import annotations

import copy
import json
import sqlite3

import pytest
from sqlalchemy import func, select, text

from newsledger.store import StoreError, open_store
from newsledger.store import schema as t
from newsledger.store import store as store_module

from .records import TEXT, full_record, odd_record, small_record, sp


def dumps(obj) -> str:  # key order matters: compare serializations, not only dicts
    return json.dumps(obj, ensure_ascii=False)


def count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


# ---- ingest and round trip --------------------------------------------------------------------

def test_add_then_readd_changes_nothing(store):
    rec = full_record()
    assert store.add(rec) is True
    before = {tb.name: count(store, tb) for tb in t.metadata.sorted_tables}
    assert store.add(copy.deepcopy(rec)) is False
    changed = copy.deepcopy(rec)
    changed["statements"] = []  # same id, other content: still the first version
    assert store.add(changed) is False
    assert {tb.name: count(store, tb) for tb in t.metadata.sorted_tables} == before
    assert dumps(list(store.export())) == dumps([rec])


@pytest.mark.parametrize("make", [full_record, odd_record], ids=["every-field", "odd-shapes"])
def test_round_trip_hand_built(store, make):
    rec = make()
    store.add(rec)
    assert dumps(store.article(rec["article"]["id"])) == dumps(rec)
    assert dumps(list(store.export())) == dumps([rec])


def test_round_trip_real_pipeline_reference_article(store, seed_record, seed_article, nlp):
    from newsledger.extraction import extract
    plain = extract(seed_article.text, published="2025-09-01", nlp=nlp).to_dict()
    for rec in (seed_record, plain):
        assert store.add(rec) is True
    exported = list(store.export())
    assert [dumps(r) for r in exported] == [dumps(seed_record), dumps(plain)]
    assert store.add(plain) is False


def test_add_many_and_export_order(store):
    recs = [small_record(f"harbour-{i}", ["bo-li", f"guest-{i}"]) for i in range(7)]
    assert store.add_many(recs) == (7, 0)
    assert store.add_many(recs[:3] + [small_record("harbour-new", ["bo-li"])]) == (1, 3)
    out = list(store.export(batch=3))  # several batches
    assert [r["article"]["id"] for r in out] == [f"harbour-{i}" for i in range(7)] + ["harbour-new"]
    assert dumps(out[:7]) == dumps(recs)


@pytest.mark.postgres
def test_postgres_statistics_refresh_as_the_store_doubles(pg_url):
    # with autovacuum off or behind, PostgreSQL would plan the tracker's joins for empty tables
    store = open_store(pg_url)
    store.analyze_from = 3

    def analyzed() -> bool:
        with store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.articles)).scalar_one() > 0 and \
                conn.execute(text("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables "
                                  "WHERE relname = 'mentions' AND schemaname = current_schema()")).scalar_one()
    try:
        store.add_many([small_record(f"quay-{i}", ["bo-li"]) for i in range(2)])
        assert not analyzed() and store.analyze_from == 3
        store.add(small_record("quay-2", ["bo-li"]))
        assert analyzed() and store.analyze_from >= 6
    finally:
        store.close()


def test_add_accepts_a_ledger_object(store):
    from newsledger.records import Article, Ledger
    ledger = Ledger(article=Article(text="Nothing happened.", id="quiet"), model={"name": "x"})
    assert store.add(ledger) is True
    assert store.article("quiet") == ledger.to_dict()


def test_failure_mid_article_stores_nothing(store, monkeypatch):
    rec = full_record()
    real = store_module.codec.encode

    def broken(record):  # a duplicate event id: the events insert fails after earlier tables
        rows = real(record)
        rows.events.append(dict(rows.events[0]))
        return rows

    monkeypatch.setattr(store_module.codec, "encode", broken)
    with pytest.raises(StoreError, match="norland-troops.*not stored"):
        store.add(rec)
    assert not store.has("norland-troops")
    for table in (t.articles, t.actors, t.actor_aliases, t.statements, t.history):
        assert count(store, table) == 0, table.name
    monkeypatch.setattr(store_module.codec, "encode", real)
    assert store.add(rec) is True


@pytest.mark.parametrize("bad, message", [
    ({"article": {"text": "x"}}, "without an article id"),
    ({"statements": []}, "no \"article\" object"),
    ({"article": {"id": "a", "text": "x"}, "statements": [{"span": [1]}]}, r"statements\[0\]\.span"),
    ({"article": {"id": "a", "text": "x"}, "events": [{"fatalities": "four"}]}, "fatalities"),
    ({"article": {"id": "a", "text": "x"}, "statements": [{"negated": "no"}]}, "negated"),
])
def test_malformed_records_are_refused_with_one_line(store, bad, message):
    with pytest.raises(StoreError, match=message) as e:
        store.add(bad)
    assert "\n" not in str(e.value)
    assert count(store, t.articles) == 0


def test_actor_referenced_but_not_listed_is_a_stub(store):
    rec = full_record()
    rec["statements"][0]["speaker"] = "unlisted-envoy"
    store.add(rec)
    assert store.article(rec["article"]["id"]) == rec
    assert [a["id"] for a in store.actors("unlisted envoy")] == []  # stubs are not listed actors
    assert store.resolve_actor("unlisted envoy") == ["unlisted-envoy"]
    # A later article that lists it gives it its name and type.
    later = small_record("later", ["unlisted-envoy"])
    later["actors"][0].update(name="Envoy Unlisted", type="person", wikidata="Q1")
    store.add(later)
    [a] = store.actors("unlisted-envoy")
    assert (a["name"], a["type"], a["wikidata"]) == ("Envoy Unlisted", "person", "Q1")


# ---- queries ----------------------------------------------------------------------------------

@pytest.fixture
def filled(store):
    store.add(full_record())
    second = full_record("norland-later", "2025-03-20", TEXT)
    for c in second["commitments"]:
        c["status"] = "met"
    second["actors"][1]["name"] = "Minister Ruiz"  # another article's name for the same actor
    store.add(second)
    return store


def test_actor_names_match_loosely(filled):
    assert filled.resolve_actor("Ana Ruiz") == ["ana-ruiz"]
    assert filled.resolve_actor("ruiz") == ["ana-ruiz"]
    assert filled.resolve_actor("ANA-RUIZ") == ["ana-ruiz"]
    assert filled.resolve_actor("minister ruiz") == ["ana-ruiz"]  # a name from another article
    assert filled.resolve_actor("café") == []
    assert filled.resolve_actor("rui") == []       # words match whole, not as prefixes
    assert filled.resolve_actor("Ana Valdoria") == []
    assert filled.resolve_actor("%") == [] and filled.resolve_actor("") == []


def test_actors_listing(filled):
    [ruiz] = filled.actors("ruiz")
    assert ruiz["id"] == "ana-ruiz" and ruiz["article"] == "norland-troops"
    assert ruiz["articles"] == 2 and ruiz["mention_count"] == 4
    assert ruiz["roles"] == ["Foreign Minister of Norland"]
    names = [a["id"] for a in filled.actors(sort="name")]
    assert names == ["ana-ruiz", "norland", "valdoria"]
    assert [a["id"] for a in filled.actors(sort="-name", limit=2)] == ["valdoria", "norland"]
    assert [a["id"] for a in filled.actors(type="country")] == ["norland", "valdoria"]
    per_article = filled.actors(article="norland-later")
    assert [a["name"] for a in per_article] == ["Norland", "Minister Ruiz", "Valdoria"]
    assert per_article[1]["mentions"] == full_record()["actors"][1]["mentions"]
    assert filled.actors("nobody at all") == []


def test_statements_filters(filled):
    by_ruiz = filled.statements(speaker="ruiz")
    assert len(by_ruiz) == 4 and {s["speaker"] for s in by_ruiz} == {"ana-ruiz"}
    [s0] = [s for s in by_ruiz if s["id"] == "norland-troops:s0"]
    assert s0["article"] == "norland-troops"
    assert list(s0)[2:] == list(full_record()["statements"][0])  # SCHEMA fields, in order
    assert {s["kind"] for s in filled.statements(kind="denial")} == {"denial"}
    assert len(filled.statements(kind=["denial", "warning"])) == 4
    about = filled.statements(about="Valdoria")
    assert len(about) == 2 and all("valdoria" in s["about"] for s in about)
    assert filled.statements(speaker="valdoria", kind="pledge") == []
    assert filled.statements(speaker="no such person") == []
    assert len(filled.statements(article="norland-later")) == 4


def test_statements_pagination_and_sort(filled):
    everything = filled.statements()
    assert len(everything) == 8
    pages = filled.statements(limit=3) + filled.statements(limit=3, offset=3) + \
        filled.statements(limit=3, offset=6)
    assert [s["id"] for s in pages] == [s["id"] for s in everything]
    newest = filled.statements(sort="-date")
    assert newest[0]["article"] == "norland-later"
    dates = [s["time"] or "" for s in filled.statements(sort="date")]
    assert dates[0] == "2025-03-03"
    with pytest.raises(ValueError, match="cannot sort by 'speaker; DROP'"):
        filled.statements(sort="speaker; DROP")
    with pytest.raises(ValueError):
        filled.statements(limit=-1)


def test_events_code_prefix_actor_and_dates(filled):
    assert {e["code"] for e in filled.events(code="19")} == {"190", "194"}
    assert {e["code"] for e in filled.events(code="1")} == {"111", "190", "194"}
    assert filled.events(code="11")[0]["code"] == "111"
    assert filled.events(code="9") == [] and filled.events(code="%") == []
    assert {e["code"] for e in filled.events(actor="valdoria")} == {"190", "111"}
    e0 = filled.events(code="194", article="norland-troops")[0]
    assert e0["id"] == "norland-troops:e0" and e0["location"]["name"] == "Eastbridge"
    # Dated by their own time where it is a date, else by the article's date.
    assert {e["id"] for e in filled.events(since="2025-03-02", until="2025-03-02")} == {
        "norland-troops:e0", "norland-later:e0"}
    assert {e["article"] for e in filled.events(since="2025-03-10")} == {"norland-later"}
    march = filled.events(until="2025-03")
    assert len(march) == 8
    with pytest.raises(ValueError, match="not a date"):
        filled.events(since="last tuesday")


def test_commitments_filters(filled):
    assert len(filled.commitments()) == 6
    opened = filled.commitments(status="open")
    assert [c["id"] for c in opened] == ["norland-troops:c0"]
    assert opened[0]["history"] == [{"status": "open", "date": "2025-03-03", "article": "norland-troops",
                                     "span": full_record()["commitments"][0]["evidence"][0],
                                     "note": "extracted"}]
    assert {c["id"] for c in filled.commitments(holder="valdoria")} == {
        "norland-troops:c1", "norland-later:c1"}
    # 2025-W11 ends on 16 March; 15 March is due before the 16th, the week is not.
    assert {c["due"] for c in filled.commitments(due_before="2025-03-16")} == {"2025-03-15"}
    assert filled.commitments(due_before="2025-03-15") == []
    # Overdue: still open, and past due (as of a date) or flagged when extracted.
    assert [c["id"] for c in filled.commitments(overdue=True, as_of="2025-03-10")] == []
    late = filled.commitments(overdue=True, as_of="2025-03-20")
    assert [c["id"] for c in late] == ["norland-troops:c0"] and late[0]["overdue"] is True
    assert "norland-troops:c0" not in {c["id"] for c in filled.commitments(overdue=False,
                                                                           as_of="2025-03-20")}


def test_history_updates_status_append_only(filled):
    cid = "norland-troops:c0"
    filled.add_history(cid, "extended", date="2025-03-14", article="norland-later",
                       span=[0, 10], note="new date given")
    filled.add_history(cid, "met", date="2025-03-20", article="norland-later")
    filled.add_history(cid, "open", date="2025-03-10", note="older report, ingested late")
    hist = filled.history(cid)
    assert [h["status"] for h in hist] == ["open", "open", "extended", "met"]  # by date
    assert hist[2]["span"] == [0, 10] and hist[2]["note"] == "new date given"
    [c] = [c for c in filled.commitments() if c["id"] == cid]
    assert c["status"] == "met" and len(c["history"]) == 4
    exported = next(r for r in filled.export() if r["article"]["id"] == "norland-troops")
    expected = full_record()
    expected["commitments"][0]["status"] = "met"
    assert dumps(exported) == dumps(expected)
    assert count(filled, t.history) == 6 + 3  # nothing overwritten
    with pytest.raises(Exception, match="append-only"):  # enforced by the database itself
        with filled.engine.begin() as conn:
            conn.execute(t.history.update().values(status="withdrawn"))
    with pytest.raises(Exception, match="append-only"):
        with filled.engine.begin() as conn:
            conn.execute(t.history.delete())
    assert [h["status"] for h in filled.history(cid)] == ["open", "open", "extended", "met"]
    with pytest.raises(StoreError, match="no commitment or claim"):
        filled.add_history("norland-troops:c99", "met")
    assert filled.history("norland-troops:c99") == []


def test_timeline(filled):
    tl = filled.timeline("valdoria")
    assert [x["date"] for x in tl] == sorted(x["date"] for x in tl)
    kinds = {(x["record"], x["id"]) for x in tl}
    assert ("statement", "norland-troops:s3") in kinds      # said
    assert ("event", "norland-troops:e1") in kinds          # did (source)
    assert ("commitment", "norland-troops:c0") in kinds     # counterparty
    assert ("statement", "norland-troops:s2") not in kinds  # only spoken about: not its timeline
    assert all(x["article"] and x["id"] for x in tl)
    assert [x["id"] for x in filled.timeline("valdoria", sort="-date")][0].startswith("norland-later")
    assert filled.timeline("valdoria", limit=2, offset=1) == tl[1:3]
    assert filled.timeline("nobody") == []


def test_search(filled):
    hits = filled.search("withdraw troops")
    assert hits and {h["record"] for h in hits} == {"article", "statement"}
    st = next(h for h in hits if h["record"] == "statement")
    assert st["id"].endswith(":s0") and "[" in st["snippet"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert filled.search("intimidated", limit=1)[0]["score"] >= filled.search("intimidated")[-1]["score"]
    assert filled.search('"talks fail"')  # phrase
    assert filled.search('"fail talks"') == []  # a phrase keeps its word order
    assert filled.search("zeppelin") == []
    assert filled.search("withdraw -troops") == []
    # Punctuation and SQL in the query are data, never syntax.
    assert {h["id"] for h in filled.search("Norland's")} >= {"norland-troops", "norland-later"}
    assert isinstance(filled.search("U.S. (talks) AND NEAR/2 ^x:y"), list)
    assert filled.search("'; DROP TABLE articles; --") == []
    assert filled.search("") == [] and filled.search("***") == []
    assert count(filled, t.articles) == 2
    assert len(filled.search("Norland", limit=2)) == 2
    assert filled.search("Norland", limit=2, offset=1)[0] == filled.search("Norland", limit=3)[1]


def test_count_matches_the_query(filled):
    assert filled.count("statements") == len(filled.statements()) == 8
    assert filled.count("statements", speaker="ruiz", kind="assertion") == 2
    assert filled.count("statements", speaker="nobody") == 0
    assert filled.count("events", code="19") == len(filled.events(code="19"))
    assert filled.count("commitments", overdue=True, as_of="2025-03-20") == 1
    assert filled.count("actors") == 3 and filled.count("actors", name="ruiz") == 1
    assert filled.count("articles", since="2025-03-10") == 1
    with pytest.raises(ValueError):
        filled.count("claims")
    with pytest.raises(TypeError, match="spekaer"):
        filled.count("statements", spekaer="ruiz")


def test_articles_listing_and_stats(filled):
    arts = filled.articles()
    assert [a["id"] for a in arts] == ["norland-later", "norland-troops"]
    assert arts[0]["statements"] == 4 and arts[0]["commitments"] == 3 and "text" not in arts[0]
    assert filled.articles(since="2025-03-10")[0]["id"] == "norland-later"
    stats = filled.stats()
    assert stats["articles"] == 2 and stats["statements"] == 8 and stats["schema_version"] >= 2


# ---- opening ----------------------------------------------------------------------------------

def test_must_exist_on_missing_file(tmp_path):
    path = tmp_path / "none.db"
    with pytest.raises(StoreError) as e:
        open_store(str(path), must_exist=True)
    assert str(path) in str(e.value) and "\n" not in str(e.value)
    assert not path.exists()  # a reading command must not leave an empty ledger behind


def test_must_exist_on_empty_database(tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    with pytest.raises(StoreError, match="no newsledger ledger"):
        open_store(path, must_exist=True)


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(path)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "dir" / "x.db")
    with pytest.raises(StoreError, match="unsupported database"):
        open_store("mysql://u@h/db")


def test_sqlite_settings(tmp_path):
    path = tmp_path / "a.db"
    with open_store(path) as s:
        s.add(full_record())
        with s.engine.connect() as conn:
            pragma = lambda p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") >= 10000
            # checkpoints every 10,000 pages, not SQLite's 1,000 (a commit dirties hundreds of pages)
            assert pragma("wal_autocheckpoint") == 10000
    with open_store(f"sqlite:///{path}", must_exist=True) as s:  # a URL works too, and reopening
        assert s.has("norland-troops")


def test_default_path_is_newsledger_db(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store() as s:
        assert s.dialect == "sqlite"
    assert (tmp_path / "newsledger.db").exists()


@pytest.mark.postgres
def test_postgres_unreachable_is_one_line():
    with pytest.raises(StoreError, match="cannot open") as e:
        open_store("postgresql://postgres@127.0.0.1:1/none")
    assert "\n" not in str(e.value)


@pytest.mark.postgres
def test_postgres_missing_database_must_exist(pg_database):
    from sqlalchemy.engine import make_url
    url = make_url(pg_database).set(database="newsledger_no_such_db").render_as_string(False)
    with pytest.raises(StoreError, match="newsledger_no_such_db"):
        open_store(url, must_exist=True)
