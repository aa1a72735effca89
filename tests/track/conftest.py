"""Tracking fixtures: the reference article and our follow-up articles, extracted once."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

FOLLOWUPS = Path(__file__).resolve().parent.parent / "fixtures" / "followups" / "followups.jsonl"


@pytest.fixture(scope="session")
def followup_records(nlp) -> dict[str, dict]:
    from newsledger.extraction import extract
    from newsledger.records import Article
    out = {}
    for line in FOLLOWUPS.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        art = Article(text=obj["text"], id=obj["id"], title=obj["title"], published=obj["published"])
        out[obj["id"]] = extract(art, nlp=nlp).to_dict()
    return out


@pytest.fixture
def make_store(tmp_path):
    from newsledger.store import open_store
    opened = []

    def make(name="ledger.db"):
        store = open_store(str(tmp_path / name))
        opened.append(store)
        return store
    yield make
    for s in opened:
        s.close()


def ingest(store, records):
    """What `newsledger ingest` does per article: track.store_record (store, then link)."""
    from newsledger.track import store_record
    changes = []
    for r in records:
        done = store_record(store, r)
        assert done.added
        changes += done.changes
    return changes


def migrations_before(tmp_path, version: int) -> Path:
    """A folder holding the migrations numbered below `version`: a store opened with it (monkeypatched as
    migrate.MIGRATIONS_DIR) is one that a release before that migration made."""
    from newsledger.store import migrate
    old = tmp_path / f"migrations-before-{version:04d}"
    old.mkdir()
    for f in migrate.MIGRATIONS_DIR.glob("*.sql"):
        if int(f.name[:4]) < version:
            (old / f.name).write_text(f.read_text())
    return old
