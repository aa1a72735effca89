"""The statements' `reported_by` column (migration 0012): stored, queried and read back on SQLite and
PostgreSQL, kept for rows stored before the column, shown by the `statements` command."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect, select, update

from newsledger.store import open_store
from newsledger.store import migrate as m
from newsledger.store import schema as t

from .records import full_record


def reported_record(aid: str = "norland-reported") -> dict:
    """full_record with the record's key order of today: statement 1 ("We will not be intimidated,"
    Ruiz told reporters) reported by statement 0, the others first-hand."""
    rec = full_record(aid)
    for i, st in enumerate(rec["statements"]):
        span = st.pop("span")
        st["reported_by"] = 0 if i == 1 else None
        st["span"] = span
    return rec


def column(store, aid: str) -> list:
    with store.engine.connect() as conn:
        return list(conn.execute(select(t.statements.c.reported_by).where(t.statements.c.article == aid)
                                 .order_by(t.statements.c.position)).scalars())


def test_reported_by_is_a_column_and_round_trips(store):
    rec = reported_record()
    assert store.add(rec) is True
    assert column(store, rec["article"]["id"]) == [None, 0, None, None]
    assert json.dumps(store.article(rec["article"]["id"])) == json.dumps(rec)      # key order included
    rows = {s["id"]: s for s in store.statements(article=rec["article"]["id"])}
    assert rows["norland-reported:s1"]["reported_by"] == 0
    assert rows["norland-reported:s0"]["reported_by"] is None
    with store.engine.connect() as conn:       # an ordinary record leaves nothing over in `extra`
        assert list(conn.execute(select(t.statements.c.extra).where(
            t.statements.c.article == rec["article"]["id"])).scalars()) == [None] * 4


def test_a_reported_by_that_is_no_integer_is_refused(store):
    rec = reported_record()
    rec["statements"][1]["reported_by"] = "s0"
    with pytest.raises(Exception, match="reported_by"):
        store.add(rec)


def test_a_row_stored_before_the_column_keeps_its_reported_by(store):
    """Before 0012 the codec kept `reported_by` among a row's extra keys: the column is empty there,
    and reading falls back to them."""
    rec = reported_record()
    store.add(rec)
    keys = list(rec["statements"][1])
    old_extra = json.dumps({"": {"order": keys, "more": {"reported_by": 0}}})
    with store.engine.begin() as conn:
        conn.execute(update(t.statements).where(t.statements.c.id == "norland-reported:s1")
                     .values(reported_by=None, extra=old_extra))
    assert store.article("norland-reported")["statements"][1]["reported_by"] == 0


def test_migration_0012_adds_the_column_to_a_store_of_version_11(store_url, monkeypatch, tmp_path):
    older = tmp_path / "migrations"
    older.mkdir()
    for f in m.MIGRATIONS_DIR.glob("*.sql"):
        if int(f.name[:4]) <= 11:
            (older / f.name).write_text(f.read_text())
    real = m.MIGRATIONS_DIR
    monkeypatch.setattr(m, "MIGRATIONS_DIR", older)
    with open_store(store_url) as s:
        assert "reported_by" not in {c["name"] for c in inspect(s.engine).get_columns("statements")}
    monkeypatch.setattr(m, "MIGRATIONS_DIR", real)
    with open_store(store_url) as s:
        assert "reported_by" in {c["name"] for c in inspect(s.engine).get_columns("statements")}
        s.add(reported_record())
        assert column(s, "norland-reported") == [None, 0, None, None]


def test_the_statements_command_shows_reported_by(cli, tmp_path):
    db = tmp_path / "ledger.db"
    with open_store(str(db)) as s:
        s.add(reported_record())
    rows = json.loads(cli("statements", "--db", db, "--json").stdout)
    assert [r["reported_by"] for r in rows if r["id"] == "norland-reported:s1"] == [0]
    table = cli("statements", "--db", db, "--limit", "10").stdout
    assert "reported_by" in table and "s0" in table


def test_the_web_page_and_api_show_reported_by(tmp_path):
    from starlette.testclient import TestClient

    from newsledger.web import create_app
    with open_store(str(tmp_path / "ledger.db")) as s:
        s.add(reported_record())
        with TestClient(create_app(s)) as client:
            record = client.get("/articles/norland-reported.json").json()
            assert [st["reported_by"] for st in record["statements"]] == [None, 0, None, None]
            page = client.get("/articles/norland-reported").text
            assert page.count("reported by") == 1 and 'href="#rec-s0"' in page
            rows = client.get("/timeline.json").json()
            assert any(r.get("reported_by") == 0 for r in (rows.get("rows") or rows.get("items") or rows)
                       if isinstance(r, dict)), rows
