"""The tracker's bounded reads (track/tables.py): the side filter, the counted and merged unions, and
PostgreSQL's LATERAL form return what the plain reads they replace return, on our own small store."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from newsledger.store import open_store
from newsledger.track import keys, sentences
from newsledger.track.match import content_words
from newsledger.track.tables import _union_sql, recent_commitments, sides_with, union_counts, union_rows

from .conftest import migrations_before

# A country with many actors, of which two hold commitments, and another country.
ACTORS = [("utopia", "country", "UTO")] + [(f"uto-official-{i}", "person", "UTO") for i in range(30)] + \
    [("arcadia", "country", "ARC"), ("arc-minister", "person", "ARC")]
# (id, article, holder, counterparty, content, date)
COMMITMENTS = [
    ("a1:commitment:0", "a1", "utopia", "arcadia", "build a bridge over the river", "2024-01-10"),
    ("a2:commitment:0", "a2", "uto-official-3", None, "open the border crossing", "2024-02-01"),
    ("a3:commitment:0", "a3", "utopia", None, "pay the fishing quota", "2024-02-01"),
    ("a4:commitment:0", "a4", "arc-minister", "utopia", "lift the tariff on grain", "2024-03-05"),
    ("a5:commitment:0", "a5", "utopia", "arcadia", "hold talks on the river", "2023-01-01"),
]


def _fill(url: str):
    store = open_store(url)
    with store.engine.begin() as conn:
        for aid in sorted({c[1] for c in COMMITMENTS}):
            conn.execute(text("INSERT INTO articles (id, text, date, ingested_at) VALUES (:i, 'x', :d, 'now')"),
                         {"i": aid, "d": next(c[5] for c in COMMITMENTS if c[1] == aid)})
        for i, typ, country in ACTORS:
            conn.execute(text("INSERT INTO actors (id, name, type, country) VALUES (:i, :i, :t, :c)"),
                         {"i": i, "t": typ, "c": country})
        for cid, aid, holder, cp, content, date in COMMITMENTS:
            conn.execute(text("INSERT INTO commitments (id, article, position, kind, holder, counterparty, content, "
                              "date) VALUES (:i, :a, 0, 'pledge', :h, :c, :t, :d)"),
                         {"i": cid, "a": aid, "h": holder, "c": cp, "t": content, "d": date})
        keys.index_commitments(conn, [{"id": c[0], "article": c[1], "holder": c[2], "content": c[4]}
                                      for c in COMMITMENTS])
    return store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    url = str(tmp_path / "lookups.db") if request.param == "sqlite" else request.getfixturevalue("pg_schema_url")
    s = _fill(url)
    yield s
    s.close()


def _utopia_side():
    return {a for a, _, c in ACTORS if c == "UTO"}


def test_sides_with_keeps_the_sides_that_have_rows(store):
    with store.engine.connect() as conn:
        assert sides_with(conn, _utopia_side(), "commitments WHERE holder = value") == ["uto-official-3", "utopia"]
        assert sides_with(conn, _utopia_side(), "commitments WHERE holder = value AND date >= ? AND date <= ?",
                          ("2024-01-15", "2024-12-31")) == ["uto-official-3", "utopia"]
        assert sides_with(conn, _utopia_side(), "commitments WHERE holder = value AND date >= ?",
                          ("2025-01-01",)) == []
        assert sides_with(conn, _utopia_side(), "commitments WHERE counterparty = value") == ["utopia"]
        assert sides_with(conn, [], "commitments WHERE holder = value") == []


def _reference_recent(conn, col, sides, lo, hi, aid, limit):
    """The read recent_commitments replaces: every commitment of the sides in the window, newest first."""
    rows = conn.execute(text(f"SELECT id, content, date FROM commitments WHERE date >= :lo AND date <= :hi "
                             f"AND article <> :a"), {"lo": lo, "hi": hi, "a": aid}).all()
    holder = {c[0]: (c[2] if col == "holder" else c[3]) for c in COMMITMENTS}
    rows = [tuple(r) for r in rows if holder[r[0]] in sides]
    return sorted(rows, key=lambda r: (r[2], r[0]), reverse=True)[:limit]


@pytest.mark.parametrize("limit", [1, 2, 60])
def test_recent_commitments_are_the_newest_of_the_sides(store, limit):
    with store.engine.connect() as conn:
        for col in ("holder", "counterparty"):
            for aid in ("none", "a3"):
                got = recent_commitments(conn, col, _utopia_side(), "2024-01-01", "2024-12-31", aid, limit)
                want = _reference_recent(conn, col, _utopia_side(), "2024-01-01", "2024-12-31", aid, limit)
                assert got == want
        assert recent_commitments(conn, "holder", _utopia_side(), "2024-01-01", "2024-12-31", "none", 60)
        assert recent_commitments(conn, "holder", {"arcadia"}, "2024-01-01", "2024-12-31", "none", 60) == []


def test_counted_union_is_the_union_counted(store):
    """union_counts (counted by the database) against union_rows counted here; and union_rows against the
    plain union of the selects, whatever form (padded union, LATERAL join) the database is asked in."""
    words = content_words("build bridge river talks hold grain nothing")
    parts = keys.candidate_query("commitment", ["utopia", "uto-official-3", "arc-minister"], words, "x", "2024-01-20")
    with store.engine.connect() as conn:
        rows = union_rows(conn, parts)
        plain = []
        for q, ps in parts:
            q = q.replace("?", "%s") if conn.dialect.name == "postgresql" else q
            plain += conn.exec_driver_sql(q, ps).all()
        assert sorted(map(tuple, rows)) == sorted(map(tuple, plain))
        assert {r[0] for r in rows} == {"a1:commitment:0", "a5:commitment:0", "a4:commitment:0"}
        for at_least in (1, 2, 3):
            seen: dict = {}
            for rid, word in rows:
                seen.setdefault(rid, set()).add(word)
            want = sorted((rid, len(ws)) for rid, ws in seen.items() if len(ws) >= at_least)
            assert sorted(union_counts(conn, parts, "record_id", "word", at_least)) == want
        assert union_counts(conn, [], "record_id", "word", 1) == [] and union_rows(conn, []) == []


def test_a_padded_union_returns_only_its_own_rows(store):
    """SQLite pads a union to a few sizes with empty copies of its last select: they add no rows."""
    parts = keys.candidate_query("commitment", ["utopia"], content_words("bridge river talks"), "x", "2024-01-20")
    assert len(parts) == 6
    sql, params = _union_sql(parts)
    assert sql.count("SELECT * FROM") == 16 and sql.count("WHERE 1 = 0") == 10
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            sql = sql.replace("?", "%s")
        got = sorted(map(tuple, conn.exec_driver_sql(sql, params).all()))
    river, bridge, talk = (next(iter(content_words(w))) for w in ("river", "bridge", "talks"))
    assert got == sorted([("a1:commitment:0", bridge), ("a1:commitment:0", river),
                          ("a5:commitment:0", river), ("a5:commitment:0", talk)])


def test_key_reads_are_answered_by_the_index_alone(tmp_path):
    """Migration 0014: with the article in track_keys_near, SQLite reads no table row per key entry."""
    s = _fill(str(tmp_path / "plan.db"))
    try:
        with s.engine.connect() as conn:
            for sql, params in keys.candidate_query("commitment", {"utopia"}, content_words("bridge"), "x", "2024-01-20"):
                plan = " | ".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
                assert "COVERING INDEX track_keys_near" in plan, plan
    finally:
        s.close()


TEXT = ("Utopia pledged to build a bridge by June 30. The minister said 9.8 million dollars were set aside!\n\n"
        "Arcadia's envoy welcomed it... 'We will see,' he said.\nU.S. officials stayed silent")


@pytest.mark.parametrize("text", [TEXT, "", "...", "a\n!b ?c", "Price 3.5.Next one.\n"])
def test_sentence_words_are_the_text_words(text):
    """link_backward tells from a text's sentences whether it shares enough words to be read further:
    their words together must be the text's content_words."""
    assert frozenset().union(*(s.words for s in sentences.split_sentences(text))) == content_words(text)


def test_spans_are_placed_in_the_sentence_that_holds_them():
    """sentences_of finds each mention's sentence by bisection: the one that holds its start, none when
    it starts between sentences (the blank line) or outside the text."""
    starts = list(range(-1, len(TEXT) + 2))
    record = {"article": {"text": TEXT}, "actors": [{"id": f"a{i}", "mentions": [[i, i + 1]]} for i in starts]}
    sents = sentences.sentences_of(record)
    for i in starts:
        holding = [s for s in sents if s.span[0] <= i < s.span[1]]
        assert [s for s in sents if f"a{i}" in s.actors] == holding[:1]
    assert not any("a-1" in s.actors for s in sents) and sents[0].actors and TEXT[sents[1].span[1]] == "\n"
    assert sentences.sentences_of(record, sentences.split_sentences(TEXT))[2].actors == sents[2].actors


def test_key_inserts_stay_unique_without_a_primary_key(store):
    """Migration 0016: track_keys has no primary key; its unique index track_keys_near is what an insert
    checks, so keys written twice (a rebuild, a record indexed again) are stored once."""
    rows = [{"id": c[0], "article": c[1], "holder": c[2], "content": c[4]} for c in COMMITMENTS]
    with store.engine.begin() as conn:
        n = conn.execute(text("SELECT COUNT(*) FROM track_keys")).scalar()
        keys.index_commitments(conn, rows)
        assert conn.execute(text("SELECT COUNT(*) FROM track_keys")).scalar() == n > 0
        dup = conn.execute(text("SELECT COUNT(*) FROM (SELECT record_kind, actor, word, record_id FROM track_keys "
                                "GROUP BY record_kind, actor, word, record_id HAVING COUNT(*) > 1) AS d")).scalar()
        assert dup == 0


def test_redundant_indexes_are_gone(tmp_path):
    """Migration 0016 drops the indexes another index answers for (an index write per row saved): the
    primary key of track_keys and the leading-column indexes of track_links and commitments."""
    s = _fill(str(tmp_path / "indexes.db"))
    try:
        with s.engine.connect() as conn:
            names = {r[0]: r[1] for r in conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'")}
    finally:
        s.close()
    assert "sqlite_autoindex_track_keys_1" not in names
    assert names["track_keys_near"].startswith("CREATE UNIQUE INDEX")
    for gone in ("track_links_thread", "commitments_holder", "commitments_holder_date",
                 "commitments_counterparty_date"):
        assert gone not in names
    for kept in ("track_links_thread_seq", "commitments_holder_date_id", "commitments_counterparty_date_id",
                 "track_keys_article"):
        assert kept in names


def test_keys_stored_before_0016_are_kept(tmp_path, monkeypatch):
    """A store migrated to 0015 with keys in it keeps every key row through 0016's rebuild of the table."""
    from newsledger.store import migrate as m
    with monkeypatch.context() as mp:
        mp.setattr(m, "MIGRATIONS_DIR", migrations_before(tmp_path, 16))
        mp.setattr(keys, "index_commitments", lambda conn, rows: None)     # its conflict target is 0016's
        s = _fill(str(tmp_path / "old.db"))
        with s.engine.begin() as conn:
            for cid, aid, holder, _, content, date in COMMITMENTS:
                for w in sorted(keys.commitment_words(content)):
                    conn.exec_driver_sql("INSERT INTO track_keys (record_kind, actor, word, record_id, article, date) "
                                         "VALUES ('commitment', ?, ?, ?, ?, ?)", (holder, w, cid, aid, date))
        with s.engine.connect() as conn:
            before = sorted(tuple(r) for r in conn.exec_driver_sql(
                "SELECT record_kind, actor, word, record_id, article, date FROM track_keys"))
        s.close()
    assert before
    s = open_store(str(tmp_path / "old.db"))
    try:
        with s.engine.connect() as conn:
            after = sorted(tuple(r) for r in conn.exec_driver_sql(
                "SELECT record_kind, actor, word, record_id, article, date FROM track_keys"))
            assert conn.exec_driver_sql("SELECT MAX(version) FROM schema_version").scalar() >= 16
    finally:
        s.close()
    assert after == before
