"""Articles we wrote for the scale tests, and stores to write them to.

PostgreSQL: NEWSLEDGER_TEST_PG (default postgresql://postgres@127.0.0.1:5432/test); each test gets a
schema of its own, dropped afterwards. Unreachable: those tests skip, or fail when CI=true.
"""
from __future__ import annotations

import pytest

from newsledger.records import Article

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
def pg_url(pg_schema_url):
    """A fresh schema on the test PostgreSQL server (tests/conftest.py: skips without one, fails under CI)."""
    return pg_schema_url
