"""Stores for the store tests: a fresh SQLite file, and a fresh PostgreSQL schema in a database made
for this test run (dropped at the end), so runs and tests never see each other's rows.

PostgreSQL: NEWSLEDGER_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test) must reach a
server where that user may CREATE DATABASE. Unreachable: the PostgreSQL tests skip, or fail when
CI=true.
"""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from newsledger.store import open_store

@pytest.fixture(scope="session")
def pg_database(pg_engine):
    """A database of its own for this test run: its URL (postgresql://…), dropped afterwards.
    (pg_engine, tests/conftest.py: skips without a server, fails under CI.)"""
    admin = pg_engine
    name = f"newsledger_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name)
    try:
        yield url.set(drivername="postgresql").render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def pg_url(pg_database):
    """A fresh, empty schema in the run's database, as the URL's search_path."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(make_url(pg_database).set(drivername="postgresql+psycopg"),
                           isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(pg_database).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    return str(tmp_path / "ledger.db")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request):
    """The URL of an empty store, once per database."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()
