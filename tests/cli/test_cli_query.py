"""The reading commands over a ledger ingested from our sample articles: tables, --json, --csv, filters."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory, cli):
    path = tmp_path_factory.mktemp("ledger") / "ledger.db"
    result = cli("ingest", EXAMPLES, "--db", path)
    assert result.exit_code == 0, result.stderr
    assert "4 article(s) stored" in result.stderr
    return path


def _json(cli, *args):
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_ingest_twice_changes_nothing(cli, db):
    before = cli("export", "--db", db).stdout
    result = cli("ingest", EXAMPLES, "--db", db)
    assert "0 article(s) stored, 4 already in the ledger" in result.stderr
    assert cli("export", "--db", db).stdout == before


def test_statements_by_speaker_loosely_and_kind(cli, db):
    rows = _json(cli, "statements", "--speaker", "peskov", "--db", db, "--json")
    assert rows and all(r["speaker"] == "dmitry-peskov" for r in rows)
    assert {"id", "article", "cue", "content", "kind"} <= set(rows[0])
    denials = _json(cli, "statements", "--kind", "denial", "--db", db, "--json")
    assert any(r["speaker"] == "dmitry-peskov" for r in denials)
    assert all(r["kind"] == "denial" for r in denials)


def test_events_code_prefix_and_actor(cli, db):
    rows = _json(cli, "events", "--code", "04", "--db", db, "--json")
    assert rows and all(r["code"].startswith("04") for r in rows)
    meetings = [r for r in rows if r["source"] == "marco-rubio" and "lavrov" in (r["target"] or "")]
    assert meetings, rows
    lavrov = meetings[0]["target"]
    by_actor = _json(cli, "events", "--actor", "Lavrov", "--db", db, "--json")
    assert by_actor and all(lavrov in (r["source"], r["target"]) for r in by_actor)
    assert cli("events", "--code", "x9", "--db", db).exit_code == 2


def test_events_since_until(cli, db):
    rows = _json(cli, "events", "--since", "2025-10-09", "--until", "2025-10-31", "--db", db, "--json")
    assert rows and all("2025-10-09" <= r["time"][:10] <= "2025-10-31" for r in rows if len(r["time"]) >= 10)
    assert not _json(cli, "events", "--until", "2024-12-31", "--db", db, "--json")


def test_uncoded_lists_reasons(cli, db):
    rows = _json(cli, "events", "--uncoded", "--db", db, "--json")
    assert all(r["reason"] and r["article"] for r in rows)


def test_commitments_ultimatum_with_due_date(cli, db):
    rows = _json(cli, "commitments", "--holder", "trump", "--db", db, "--json")
    ultimatum = [r for r in rows if r["kind"] in ("ultimatum", "deadline")]
    assert ultimatum, rows
    # Set on 2025-10-06 "until Friday" (10-10), then extended on 10-10 "by two weeks": one record, two states.
    [u] = ultimatum
    assert u["status"] == "extended" and u["due"] == "2025-10-24"
    assert [h["status"] for h in u["history"]] == ["open", "extended"]
    assert [h["article"] for h in u["history"]] == ["sample-2025-10-06-ceasefire-deadline",
                                                    "sample-2025-10-10-deadline-extended"]


def test_timeline_show_search_csv(cli, db):
    rows = _json(cli, "timeline", "Zelensky", "--db", db, "--json")
    assert rows
    shown = cli("show", "sample-2025-10-08-kremlin-denial", "--db", db, "--json")
    record = json.loads(shown.stdout)
    assert record["article"]["id"] == "sample-2025-10-08-kremlin-denial"
    found = _json(cli, "search", "drainage", "--db", db, "--json")
    assert any(r["article"] == "sample-2025-10-12-lagos-floods" for r in found)
    table = cli("statements", "--db", db, "--csv")
    parsed = list(csv.DictReader(io.StringIO(table.stdout)))
    assert parsed and "speaker" in parsed[0]


def test_show_unknown_article(cli, db):
    result = cli("show", "nope", "--db", db)
    assert result.exit_code == 2 and "no article 'nope'" in result.stderr
