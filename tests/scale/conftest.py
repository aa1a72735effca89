"""Articles we wrote for the scale tests, and stores to write them to.

PostgreSQL: NEWSLEDGER_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test); each test gets a
schema of its own, dropped afterwards. Unreachable: those tests skip, or fail when CI=true.
"""
from __future__ import annotations

import os
import uuid

import pytest

from newsledger.records import Article

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"

# Invented news sentences (no real event): speakers, statements, events, dates, a promise.
SENTENCES = [
    "The mayor of Eastport said on Monday that the new bridge would open in March.",
    "Officials in the province denied reports that the water supply had been contaminated.",
    "Police arrested three men after a protest outside the parliament turned violent on Friday.",
    "The finance minister promised to cut fuel taxes before the end of the year.",
    "A spokesperson for the rail company warned that strikes could continue next week.",
    "Two people were killed and five injured when a fire broke out at a warehouse near the port.",
    "The opposition leader accused the government of hiding the true cost of the project.",
    "Negotiators from both countries agreed to meet again in Geneva within two weeks.",
]


def make_articles(n: int, prefix: str = "scale-test") -> list[Article]:
    """n distinct small articles: three rotating sentences each, plus a line that numbers it."""
    out = []
    for i in range(n):
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
        out.append(Article(id=f"{prefix}-{i:03d}", title=f"Test article {i}",
                           published=f"2024-05-{1 + i % 28:02d}",
                           text=f"{body}\n\nThis is report number {i} in the series."))
    return out


@pytest.fixture
def articles() -> list[Article]:
    return make_articles(24)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return str(tmp_path / "ledger.db")


@pytest.fixture
def pg_url():
    """A fresh schema in the test database, as the URL's search_path (workers connect with it too)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(os.environ.get("NEWSLEDGER_TEST_PG", PG_DEFAULT))
    engine = create_engine(base.set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT",
                           connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "no server"
        engine.dispose()
        msg = (f"PostgreSQL unreachable at {base.render_as_string(hide_password=True)} "
               f"({str(exc).strip().splitlines()[0]}): start it or set NEWSLEDGER_TEST_PG")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    schema = f"scale_{uuid.uuid4().hex[:12]}"
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()
