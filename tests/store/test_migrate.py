"""Migrations: numbered files, applied once, recorded; the DDL agrees with schema.py."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from newsledger.store import StoreError, open_store
from newsledger.store import migrate as m
from newsledger.store import schema


def test_split_sql_keeps_trigger_bodies_whole():
    sql = ("-- a comment; with a semicolon\nCREATE TABLE a (x TEXT); -- trailing\n"
           "CREATE TRIGGER tr AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n  "
           "INSERT INTO b VALUES ('; not the end');\nEND;\n\n-- done\n")
    parts = m.split_sql(sql)
    assert len(parts) == 2
    assert parts[1].startswith("CREATE TRIGGER") and parts[1].endswith("END;")
    with pytest.raises(StoreError, match="unterminated"):
        m.split_sql("CREATE TABLE a (x TEXT)")


def test_split_sql_postgresql_keeps_dollar_quoted_bodies_whole():
    sql = ("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
           "  RAISE EXCEPTION 'no';\nEND\n$$;\n"
           "CREATE TRIGGER t BEFORE UPDATE ON h FOR EACH ROW EXECUTE FUNCTION f(); -- why\n")
    parts = m.split_sql(sql, "postgresql")
    assert len(parts) == 2 and parts[0].endswith("$$;") and parts[1].startswith("CREATE TRIGGER")


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_migrations_are_numbered_and_expanded(dialect):
    ms = m.migrations(dialect)
    assert [x.version for x in ms] == sorted({x.version for x in ms})
    assert ms[0].version == 1
    ddl = " ".join(" ".join(x.statements) for x in ms)
    assert "SERIAL_PK" not in ddl.replace("-- SERIAL_PK", "")
    assert ("fts5" in ddl) == (dialect == "sqlite")
    assert ("tsvector" in ddl) == (dialect == "postgresql")


def test_reopening_applies_nothing_twice(store_url):
    with open_store(store_url) as s:
        with s.engine.connect() as conn:
            rows = conn.execute(text("SELECT version FROM schema_version ORDER BY version")).all()
    with open_store(store_url) as s:
        with s.engine.connect() as conn:
            again = conn.execute(text("SELECT version FROM schema_version ORDER BY version")).all()
    assert rows == again and [r[0] for r in rows] == [x.version for x in m.migrations(s.dialect)]


def test_a_newer_database_is_refused(store_url):
    with open_store(store_url) as s:
        with s.engine.begin() as conn:
            conn.execute(text("INSERT INTO schema_version VALUES (9999, 'future', 'x')"))
    with pytest.raises(StoreError, match="upgrade newsledger"):
        open_store(store_url)


def test_a_gap_in_numbers_still_applies_the_lower_migration(store_url, monkeypatch, tmp_path):
    """Engineers number migrations in parallel: one numbered below an applied one still runs."""
    with open_store(store_url):
        pass
    extra = tmp_path / "migrations"
    extra.mkdir()
    for f in m.MIGRATIONS_DIR.glob("*.sql"):
        (extra / f.name).write_text(f.read_text())
    (extra / "9998_later.sql").write_text("CREATE TABLE later_one (x INTEGER);\n")
    monkeypatch.setattr(m, "MIGRATIONS_DIR", extra)
    with open_store(store_url):
        pass
    (extra / "9997_earlier.sql").write_text("CREATE TABLE earlier_one (x INTEGER);\n")
    with open_store(store_url) as s:
        tables = set(inspect(s.engine).get_table_names())
    assert {"later_one", "earlier_one"} <= tables


def test_schema_py_matches_the_migrated_database(store):
    insp = inspect(store.engine)
    for table in schema.metadata.sorted_tables:
        got = {c["name"] for c in insp.get_columns(table.name)}
        want = {c.name for c in table.columns}
        assert want <= got, (table.name, want - got)
        dialect_only = got - want
        assert dialect_only <= {"search"}, (table.name, dialect_only)  # PostgreSQL's tsvector
        fks = {(fk["referred_table"], tuple(fk["constrained_columns"]))
               for fk in insp.get_foreign_keys(table.name)}
        for fk in table.foreign_keys:
            assert (fk.column.table.name, (fk.parent.name,)) in fks, (table.name, fk.parent.name)


def test_filter_columns_are_indexed(store):
    insp = inspect(store.engine)

    def leading(table):
        cols = {ix["column_names"][0] for ix in insp.get_indexes(table)}
        pk = insp.get_pk_constraint(table)["constrained_columns"]
        uniques = {u["column_names"][0] for u in insp.get_unique_constraints(table)}
        return cols | set(pk[:1]) | uniques

    assert {"speaker", "kind", "date", "article"} <= leading("statements")
    assert {"code", "source", "target", "date", "article"} <= leading("events")
    assert {"holder", "status", "due_date", "article"} <= leading("commitments")
    assert {"norm", "actor"} <= leading("actor_aliases")
    assert {"actor"} <= leading("mentions") and {"record_id"} <= leading("history")


def test_full_text_indices_exist(store):
    with store.engine.connect() as conn:
        if store.dialect == "sqlite":
            names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
            assert {"articles_fts", "statements_fts"} <= names
        else:
            gin = set(conn.execute(text(
                "SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin%'")).scalars())
            assert {"articles_search", "statements_search"} <= gin
