"""Fixtures shared by every test folder: the repo's paths, the shared data, one pipeline, the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (the reference article and the gold data); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared_dir):
    import json
    from newsledger.records import Article
    line = (shared_dir / "corpus/seed/putin-understandings.jsonl").read_text(encoding="utf-8").splitlines()[0]
    obj = json.loads(line)
    return Article(text=obj["text"], id=obj["id"], title=obj.get("title"), published=obj.get("published"))


@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp.pipeline import cached_pipeline
    return cached_pipeline()


@pytest.fixture(scope="session")
def seed_record(seed_article, nlp) -> dict:
    from newsledger.extraction import extract
    return extract(seed_article, nlp=nlp).to_dict()


class Cli:
    """Runs `newsledger …` in this process (fast) or as a real subprocess (exit codes, stdin, signals)."""

    def __init__(self) -> None:
        from newsledger.cli.app import cli
        from newsledger.cli import commands  # noqa: F401  (registers the commands)
        self._cli = cli

    def __call__(self, *args: str, input: str | bytes | None = None):
        return CliRunner().invoke(self._cli, [str(a) for a in args], input=input, catch_exceptions=False)

    @staticmethod
    def subprocess(*args: str, input: bytes | None = None, cwd: Path | None = None, timeout: int = 600):
        exe = Path(sys.executable).parent / "newsledger"
        return subprocess.run([str(exe), *map(str, args)], input=input, capture_output=True, cwd=cwd,
                              timeout=timeout, env={**os.environ, "NEWSLEDGER_DEBUG": ""})


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli()


PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


@pytest.fixture(scope="session")
def pg_engine():
    """An AUTOCOMMIT engine on the test PostgreSQL server (NEWSLEDGER_TEST_PG, default PG_DEFAULT).

    No server answering: the tests that need it skip with a message saying how to run them, except
    under CI=true, where they fail (CI must never skip them)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(os.environ.get("NEWSLEDGER_TEST_PG", PG_DEFAULT)).set(drivername="postgresql+psycopg")
    engine = create_engine(base, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "no server"
        engine.dispose()
        msg = (f"PostgreSQL unreachable at {base.render_as_string(hide_password=True)} "
               f"({str(exc).strip().splitlines()[0]}): start it (trust auth, user postgres, 127.0.0.1:5432) "
               "or set NEWSLEDGER_TEST_PG=postgresql://USER@HOST:PORT/DB")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_schema_url(pg_engine):
    """A fresh schema in the test database, as a postgresql:// URL whose search_path points at it
    (so worker processes connect with it too); dropped afterwards."""
    import uuid

    from sqlalchemy import text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with pg_engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = pg_engine.url.set(drivername="postgresql").update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with pg_engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
