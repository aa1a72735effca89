"""`newsledger ingest` writes through track.store_record: an unreadable line or an article an
extractor failed on is reported with its file and line and not stored, the rest is stored, the exit
status says so, and a later run stores the failed article whole."""
from __future__ import annotations

import json

import pytest

ARTICLES = [
    {"id": "ingest-ok-1", "published": "2025-03-01",
     "text": "The mayor of Eastport said on Monday that the new bridge would open in March."},
    {"id": "ingest-broken", "published": "2025-03-02",
     "text": "The finance minister promised to cut fuel taxes before the end of the year."},
    {"id": "ingest-ok-2", "published": "2025-03-03",
     "text": "Police arrested three men after a protest outside the parliament turned violent."},
]


@pytest.fixture
def feed(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(a) for a in ARTICLES]
    path.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n")
    return path


def _break(monkeypatch, article_id: str) -> None:
    """Make one article's record come back with a component error, as the pipeline reports one."""
    from newsledger.cli import commands
    real = commands._ledgers

    def ledgers(articles, model, workers):
        for record in real(articles, model, workers):
            if record["article"]["id"] == article_id:
                record = dict(record, errors=["newsledger_events failed: RuntimeError: boom"])
            yield record
    monkeypatch.setattr(commands, "_ledgers", ledgers)


def test_failed_article_is_named_not_stored_and_stored_whole_later(cli, feed, tmp_path, monkeypatch):
    db = tmp_path / "ledger.db"
    with monkeypatch.context() as m:
        _break(m, "ingest-broken")
        result = cli("ingest", feed, "--db", db)
    assert result.exit_code == 1
    err = result.stderr
    assert f"{feed}:2" in err and "malformed JSON" in err                     # the bad line, by number
    assert f"{feed}:3 (ingest-broken)" in err and "RuntimeError: boom" in err   # the failed article
    assert "2 article(s) stored, 0 already in the ledger, 2 input(s) failed" in err
    ids = [json.loads(line)["article"]["id"] for line in cli("export", "--db", db).stdout.splitlines()]
    assert ids == ["ingest-ok-1", "ingest-ok-2"]

    again = cli("ingest", feed, "--db", db)            # the bug fixed: the article goes in whole
    assert again.exit_code == 1                        # the malformed line is still there
    assert "1 article(s) stored, 2 already in the ledger, 1 input(s) failed" in again.stderr
    stored = {json.loads(line)["article"]["id"]: json.loads(line)
              for line in cli("export", "--db", db).stdout.splitlines()}
    assert set(stored) == {a["id"] for a in ARTICLES}
    assert "errors" not in stored["ingest-broken"]
