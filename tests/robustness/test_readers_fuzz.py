"""Hostile inputs through `newsledger extract`: each gets a clear error or a correct record, the run goes
on, and the exit status tells the truth."""
from __future__ import annotations

import json
import random

import pytest

from newsledger.validate import problems

GOOD = "The foreign minister said on Monday that the talks in Vienna would continue."


def _run(cli, *paths):
    result = cli("extract", *paths, "--published", "2025-09-01")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    for r in records:
        assert problems(r) == []
    return result, records


@pytest.fixture
def good_file(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


def test_truncated_and_malformed_html(cli, tmp_path, good_file):
    page = ("<html><head><title>Talks resume</title></head><body><article>"
            + "<p>The envoy said the talks in Geneva would resume next week after a pause of two months.</p>" * 3
            + "</article></body></html>")
    files = []
    for i, cut in enumerate((len(page) // 3, len(page) // 2, len(page) - 20)):
        f = tmp_path / f"cut{i}.html"
        f.write_text(page[:cut], encoding="utf-8")
        files.append(f)
    junk = tmp_path / "junk.html"
    junk.write_text("<html><body><div><p>unclosed <b><i><table><tr><td>" * 50, encoding="utf-8")
    result, records = _run(cli, *files, junk, good_file)
    assert records[-1]["article"]["text"] == GOOD
    # Every input is accounted for: a record, or an error line naming it.
    for f in files + [junk]:
        assert str(f) in result.stderr or any(r["article"]["text"] for r in records)
    assert result.exit_code == (1 if "error:" in result.stderr else 0)


def test_jsonl_with_broken_lines_wrong_types_and_huge_fields(cli, tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": GOOD}),
        json.dumps({"id": "huge-title", "title": "x" * 1_000_000, "text": GOOD + " Again."}),
        json.dumps({"id": {"nested": 1}, "text": GOOD}),
        json.dumps({"id": "list-text", "text": ["a", "b"]}),
        json.dumps({"id": "null-text", "text": None}),
        '{"id": "trunc", "text": "The minister sa',
        json.dumps({"id": "bad-date", "published": "not a date", "text": GOOD + " Third."}),
        "\x00\x00\x00",
        json.dumps({"id": "ok2", "text": GOOD + " Fourth."}),
    ]
    f = tmp_path / "feed.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, records = _run(cli, f)
    assert result.exit_code == 1
    assert [r["article"]["id"] for r in records] == ["ok1", "huge-title", "bad-date", "ok2"]
    for line in (3, 4, 5, 6, 8):
        assert f"{f}:{line}" in result.stderr
    # An unparseable date is not a date: relative times stay unresolved and the record says so.
    bad = records[2]
    assert any("publication date" in w for w in bad.get("warnings", []))


def test_encodings(cli, tmp_path, good_file):
    u16 = tmp_path / "u16.txt"
    u16.write_bytes(GOOD.encode("utf-16"))
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le ministre a d\xe9clar\xe9 lundi que les n\xe9gociations continueraient.".encode("latin-1"))
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"The minister\x00 said\x00 it.\x00")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    surrogate = tmp_path / "surrogate.jsonl"
    surrogate.write_text('{"id": "sur", "text": "Putin said \\ud800 it would end."}\n', encoding="utf-8")
    result, records = _run(cli, u16, latin, nul, empty, surrogate, good_file)
    assert result.exit_code == 1
    texts = [r["article"]["text"] for r in records]
    assert GOOD in texts and texts.count(GOOD) == 2  # utf-16 and utf-8 copies
    assert "Putin said \ufffd it would end." in texts
    for bad in (latin, nul, empty):
        assert str(bad) in result.stderr


def test_five_megabyte_inputs(cli, tmp_path):
    """5 MB through each reader. Parsing 5 MB of prose is the soak's job (bench/soak.py, 50 MB); here the
    bytes are mostly what readers must wade through: page furniture, and a record with a huge field."""
    rng = random.Random(7)
    body = " ".join(rng.choice([GOOD, "Police said three people were injured in the blast in Lagos on Friday.",
                                "The ministry denied the report."]) for _ in range(40))
    furniture = "".join(f"<li><a href='/story/{i}'>Other story number {i}</a></li>" for i in range(70_000))
    page = (f"<html><head><title>Talks go on</title><style>{'.x{color:red}' * 20_000}</style></head><body>"
            f"<nav><ul>{furniture}</ul></nav><article><h1>Talks go on</h1><p>{body}</p></article>"
            f"<footer>{'<!-- padding -->' * 50_000}</footer></body></html>")
    big_html = tmp_path / "big.html"
    big_html.write_text(page, encoding="utf-8")
    big_jsonl = tmp_path / "big.jsonl"
    big_jsonl.write_text(json.dumps({"id": "huge", "title": "t" * 5_000_000, "text": body}) + "\n"
                         + json.dumps({"id": "small", "text": GOOD}) + "\n", encoding="utf-8")
    assert big_html.stat().st_size > 5_000_000 and big_jsonl.stat().st_size > 5_000_000
    result, records = _run(cli, big_html, big_jsonl)
    assert result.exit_code == 0, result.stderr
    assert [r["article"]["id"] for r in records][1:] == ["huge", "small"]
    page_text = records[0]["article"]["text"]
    assert "Police said three people were injured" in page_text and "Other story number" not in page_text
    assert records[1]["article"]["title"] == "t" * 5_000_000
