"""track_article_actors keeps rows only for the ids a follow-up lookup has asked for (migration 0017,
SQLite): the others' rows are written from the stored articles when a lookup first asks for one, so the
backward lookup reads the same articles as when every named id had its rows, in any ingest order.

Hand-made records (no spaCy), as in test_followups: a hypothetical story about a real company."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from newsledger.store import open_store
from newsledger.track import store_record
from newsledger.track.followups import later_articles

from .conftest import migrations_before
from .test_followups import _articles, _tracked, record

PROMISED = record(
    "plant-1", "2026-03-02",
    "Intel promised Mexico on Monday to build a chip packaging plant in Jalisco by the end of 2027.",
    commitments=[{"kind": "promise", "holder": "intel", "counterparty": "mexico", "due": "2027-12-31",
                  "content": "build a chip packaging plant in Jalisco"}])
# The follow-up names Intel only by its capitalized word: its extraction found no actor there.
DROPPED = record(
    "plant-2", "2026-09-08",
    "Intel no longer intends to build the chip packaging plant in Jalisco, the company said on Tuesday, "
    "as it cuts spending to restore profits.")
DROPPED["actors"] = [a for a in DROPPED["actors"] if a["id"] != "intel"]


def _rows(store, sql):
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(text(sql)))


def test_an_article_adds_rows_only_for_ids_a_lookup_asked_for(tmp_path):
    store = open_store(str(tmp_path / "l.db"))
    try:
        store_record(store, PROMISED)
        # the commitment's backward lookup asked for intel and mexico (and their countries); "Monday",
        # "Jalisco" and the rest were never asked for
        assert ("intel", "2026-03-02", "plant-1") in _rows(store, "SELECT * FROM track_article_actors")
        assert not _rows(store, "SELECT * FROM track_article_actors WHERE actor IN ('monday', 'jalisco')")
        assert ("intel",) in _rows(store, "SELECT actor FROM track_named_actors")
        store_record(store, DROPPED)
        assert ("intel", "2026-09-08", "plant-2") in _rows(store, "SELECT * FROM track_article_actors")
        assert not _rows(store, "SELECT * FROM track_article_actors WHERE actor = 'jalisco'")
    finally:
        store.close()


@pytest.mark.parametrize("order", [1, -1], ids=["date order", "follow-up first"])
def test_a_follow_up_naming_the_holder_only_by_its_name_links_in_either_order(tmp_path, order):
    """The follow-up stored first names intel before intel is an actor: its row comes from its text when
    the commitment's lookup asks for intel."""
    store = open_store(str(tmp_path / "l.db"))
    try:
        for r in [PROMISED, DROPPED][::order]:
            store_record(store, r)
        c = _tracked(store, "plant-1")
        assert _articles(c) == ["plant-1", "plant-2"] and c["status"] == "withdrawn"
    finally:
        store.close()


def test_a_lookup_reads_what_every_row_gave(tmp_path):
    """Rows taken out for ids never asked for come back, the same, when a lookup asks for one."""
    store = open_store(str(tmp_path / "l.db"))
    try:
        store_record(store, DROPPED)
        with store.engine.begin() as conn:
            assert not conn.execute(text("SELECT COUNT(*) FROM track_article_actors WHERE actor = 'intel'")).scalar()
            c = {"holder": "intel", "counterparty": None, "date": "2026-03-02"}
            assert later_articles(conn, c, "plant-1") == ["plant-2"]
            assert later_articles(conn, c, "plant-1") == ["plant-2"]     # listed now: read as rows
            assert conn.execute(text("SELECT COUNT(*) FROM track_named_actors WHERE actor = 'intel'")).scalar() == 1
    finally:
        store.close()


def test_migration_keeps_the_rows_of_actors_and_drops_the_rest(tmp_path, monkeypatch):
    """A store at 0016 keeps every row of an id that is an actor (listed as complete) and loses the rows of
    names that are no actor, which lookups rebuild from the articles if they ever ask."""
    from newsledger.store import migrate as m
    with monkeypatch.context() as mp:
        mp.setattr(m, "MIGRATIONS_DIR", migrations_before(tmp_path, 17))
        s = open_store(str(tmp_path / "old.db"))
        with s.engine.begin() as conn:
            conn.execute(text("INSERT INTO articles (id, text, date, ingested_at) VALUES "
                              "('a1', 'Intel said on Monday', '2026-03-02', 'now')"))
            conn.execute(text("INSERT INTO actors (id, name, type, country) VALUES ('intel', 'Intel', "
                              "'organization', 'USA')"))
            conn.execute(text("INSERT INTO track_article_actors (actor, date, article) VALUES "
                              "('intel', '2026-03-02', 'a1'), ('monday', '2026-03-02', 'a1')"))
        s.close()
    s = open_store(str(tmp_path / "old.db"))
    try:
        assert _rows(s, "SELECT * FROM track_article_actors") == [("intel", "2026-03-02", "a1")]
        assert _rows(s, "SELECT actor FROM track_named_actors") == [("intel",)]
        with s.engine.begin() as conn:
            c = {"holder": "monday", "counterparty": None, "date": "2026-01-01"}
            assert later_articles(conn, c, "a0") == ["a1"]      # from the text, as the dropped row said
    finally:
        s.close()


@pytest.mark.postgres
def test_postgresql_keeps_a_row_for_every_named_id(pg_schema_url):
    """PostgreSQL's parallel writers could store an article naming an id while another completes its rows:
    there every named id keeps its rows, as before 0017."""
    store = open_store(pg_schema_url)
    try:
        store_record(store, PROMISED)
        got = _rows(store, "SELECT actor FROM track_article_actors WHERE article = 'plant-1'")
        assert ("monday",) in got and ("jalisco",) in got and ("intel",) in got
    finally:
        store.close()
