"""The reading commands' tables, read as a person reads them, on the demo ledger (`make demo`).

Each table is set beside the `--json` output of the same command: every column header is a key of
the rows it shows, in the rows' own order; no column is blank in every row; ids come out whole (one
per row, in the JSON's order, so they can be copied into `history` or `show`); every value shown is
there in full or as its start (nothing eaten by markup, nothing printed as "None")."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"
ARTICLE = "sample-2025-10-06-ceasefire-deadline"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, cli):
    """The demo ledger, built once as `make demo` builds it."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = cli("ingest", EXAMPLES, "--db", path)
    assert result.exit_code == 0, result.stderr
    return path


@dataclass
class Table:
    title: str
    header: list[str] = field(default_factory=list)
    lines: list[list[str]] = field(default_factory=list)  # one per printed line; a folded row spans several

    def column(self, name: str) -> list[str]:
        i = self.header.index(name)
        return [line[i] for line in self.lines]


def _cells(line: str, sep: str) -> list[str]:
    return [c.strip() for c in line.strip()[1:-1].split(sep)]


def read_tables(out: str) -> list[Table]:
    """The tables rich printed (box characters as `rich.box.HEAVY_HEAD`), each with the title above it."""
    tables: list[Table] = []
    previous = ""
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("┏"):
            tables.append(Table(title=previous))
        elif s.startswith("┃"):
            cells = _cells(s, "┃")
            t = tables[-1]
            t.header = cells if not t.header else [f"{a} {b}".strip() for a, b in zip(t.header, cells)]
        elif s.startswith("│"):
            tables[-1].lines.append(_cells(s, "│"))
        if s:
            previous = s
    return tables


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _shown_texts(value) -> list[str]:
    """What of a JSON value a cell must show: strings, the text of spans, lists of strings."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return [value["text"]]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return []


def assert_reads_well(table: Table, rows: list[dict], *, ids: bool = True) -> None:
    assert rows, f"{table.title}: the JSON twin has no rows to compare with"
    assert table.header and table.lines, f"{table.title}: no table printed"
    keys = {k for r in rows for k in r}
    assert set(table.header) <= keys, f"{table.title}: headers that are no JSON key: {set(table.header) - keys}"
    for r in rows:
        in_row = [k for k in r if k in table.header]
        assert [k for k in table.header if k in r] == in_row, \
            f"{table.title}: columns {table.header} not in the JSON's order {list(r)}"
    for name in table.header:
        assert any(table.column(name)), f"{table.title}: column {name!r} is blank in every row"
    for line in table.lines:
        assert "None" not in line, f"{table.title}: None printed in {line}"
    key = next((k for k in ("id", "article") if k in table.header), None)
    if ids and key is not None:
        assert [c for c in table.column(key) if c] == [r[key] for r in rows], \
            f"{table.title}: the {key} column is not one whole {key} per row"
    for name in table.header:
        printed = _squeeze("".join(table.column(name)))
        for r in rows:
            for text in _shown_texts(r.get(name)):
                start = _squeeze(text)[:30].rstrip("…")
                assert start in printed, f"{table.title}: {name} {text!r} is not shown"


def _table_and_json(cli, *args) -> tuple[Table, list[dict]]:
    shown = cli(*args)
    assert shown.exit_code == 0, shown.stderr
    as_json = cli(*args, "--json")
    assert as_json.exit_code == 0, as_json.stderr
    [table] = read_tables(shown.stdout)
    return table, json.loads(as_json.stdout)


@pytest.mark.parametrize("args", [
    ("statements",), ("events",), ("actors",), ("commitments",), ("claims",),
    ("timeline", "Vladimir Putin"), ("timeline", "russia"), ("search", "Putin"), ("search", "drainage"),
], ids=lambda a: "-".join(a))
def test_reading_command_table_matches_its_json(cli, demo_db, args):
    table, rows = _table_and_json(cli, *args, "--db", demo_db)
    assert_reads_well(table, rows)


def test_timeline_says_what_each_record_is(cli, demo_db):
    table, rows = _table_and_json(cli, "timeline", "Vladimir Putin", "--db", demo_db)
    assert "record" in table.header and "summary" in table.header
    assert {"event", "commitment"} <= set(table.column("record"))
    assert all(r["summary"] for r in rows)


def test_search_shows_the_matched_word(cli, demo_db):
    table, rows = _table_and_json(cli, "search", "drainage", "--db", demo_db)
    assert any("[drainage]" in r["snippet"] for r in rows)
    assert "[drainage]" in "".join(table.column("snippet"))


@pytest.mark.parametrize("kind", ["commitments", "claims"])
def test_history_of_a_tracked_record(cli, demo_db, kind):
    listed = json.loads(cli(kind, "--db", demo_db, "--json").stdout)
    record_id = listed[0]["id"]
    table, rows = _table_and_json(cli, "history", record_id, "--db", demo_db)
    assert table.title == f"history of {record_id}"
    assert len(rows) >= 2
    assert_reads_well(table, rows)


def test_show_one_article(cli, demo_db):
    shown = cli("show", ARTICLE, "--db", demo_db)
    assert shown.exit_code == 0, shown.stderr
    record = json.loads(cli("show", ARTICLE, "--db", demo_db, "--json").stdout)
    assert ARTICLE in shown.stdout.splitlines()[0]
    tables = read_tables(shown.stdout)
    sections = {m.group(1).lower(): (int(m.group(2)), t) for t in tables
                if (m := re.fullmatch(r"(\w+) \((\d+)\)", t.title))}
    assert set(sections) == {k for k in ("actors", "statements", "events", "times", "commitments") if record[k]}
    for name, (count, table) in sections.items():
        assert count == len(record[name])
        assert_reads_well(table, record[name])


def test_csv_of_mixed_rows_has_every_key(cli, demo_db):
    import csv
    import io
    rows = json.loads(cli("timeline", "russia", "--db", demo_db, "--json").stdout)
    parsed = list(csv.DictReader(io.StringIO(cli("timeline", "russia", "--db", demo_db, "--csv").stdout)))
    assert len(parsed) == len(rows)
    for r, p in zip(rows, parsed):
        assert set(r) <= set(p)
        assert p["summary"] == r["summary"] and p["id"] == r["id"]
        if r["record"] == "commitment":
            assert p["content"] == r["content"]
