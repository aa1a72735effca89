"""Readers: every input kind gives Articles; every bad input gives one ReadError naming file and line."""
from __future__ import annotations

import io
import json
from pathlib import Path

from newsledger.ingest import ReadError, read_sources
from newsledger.ingest.sources import read_stdin
from newsledger.records import text_id

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def items(*paths, published=None):
    return list(read_sources([str(p) for p in paths], published=published))


def test_plain_text_gets_hash_id_and_given_date(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("The minister said the talks would resume on Monday.", encoding="utf-8")
    [art] = items(p, published="2025-09-01")
    assert art.id == text_id(art.text) and len(art.id) == 16
    assert art.published == "2025-09-01"
    assert art.text == "The minister said the talks would resume on Monday."


def test_utf16_with_bom_is_decoded(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Officials said the border reopened.".encode("utf-16"))
    [art] = items(p)
    assert art.text == "Officials said the border reopened."


def test_latin1_text_is_a_clear_error(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Le ministre a d\xe9clar\xe9 que".encode("latin-1"))
    [err] = items(p)
    assert isinstance(err, ReadError) and "not UTF-8" in err.message and str(p) in str(err)


def test_binary_and_empty_files_are_errors(tmp_path):
    b = tmp_path / "image.txt"
    b.write_bytes(bytes(range(256)) * 4)
    e = tmp_path / "empty.txt"
    e.write_bytes(b"")
    errs = items(b, e)
    assert [type(x) for x in errs] == [ReadError, ReadError]
    assert "binary" in errs[0].message and "empty" in errs[1].message


def test_jsonl_bad_lines_fail_alone_with_line_numbers(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "published": "2025-09-02", "text": "Kyiv said it shot down 40 drones."}),
        "{not json",
        json.dumps({"id": "a3", "title": "no text here"}),
        json.dumps({"id": "a4", "text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": 5, "text": "Numbers as ids are kept as strings."}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = items(p)
    assert [getattr(x, "id", None) for x in got if not isinstance(x, ReadError)] == ["a1", "5"]
    errors = [x for x in got if isinstance(x, ReadError)]
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert "malformed JSON" in errors[0].message and "no 'text'" in errors[1].message
    assert all(str(p) in str(e) for e in errors)


def test_jsonl_line_with_invalid_utf8_fails_alone(tmp_path):
    p = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": "The council met on Tuesday."}).encode()
    p.write_bytes(good + b"\n" + b'{"id": "bad", "text": "caf\xe9"}\n' + good.replace(b'"ok"', b'"ok2"') + b"\n")
    got = items(p)
    assert [getattr(x, "id", None) for x in got] == ["ok", None, "ok2"]
    assert got[1].line == 2


def test_html_page_gives_main_text_title_and_date():
    [art] = items(FIXTURES / "html" / "article.html")
    assert art.title == "Envoys meet in Geneva as ceasefire talks resume"
    assert art.published == "2025-10-09"
    assert "Marco Rubio met Russian Foreign Minister Sergei Lavrov" in art.text
    assert "Celebrity wedding" not in art.text and "Copyright" not in art.text


def test_html_without_article_body_is_an_error():
    [err] = items(FIXTURES / "html" / "no-body.html")
    assert isinstance(err, ReadError) and "no article body" in err.message


def test_folders_are_read_recursively_in_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("First story about a summit in Rome.", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Second story about talks in Doha.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Never read.", encoding="utf-8")
    got = items(tmp_path)
    assert [a.text.split()[0] for a in got] == ["First", "Second"]


def test_missing_path_is_an_error_and_the_rest_goes_on(tmp_path):
    ok = tmp_path / "ok.txt"
    ok.write_text("The envoy arrived in Cairo.", encoding="utf-8")
    got = items(tmp_path / "nope.txt", ok)
    assert isinstance(got[0], ReadError) and "no such file" in got[0].message
    assert got[1].text == "The envoy arrived in Cairo."


def test_stdin_text_and_jsonl():
    [art] = list(read_stdin(stream=io.BytesIO(b"The summit ended without a statement.")))
    assert art.text == "The summit ended without a statement."
    recs = b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n'
    assert [a.id for a in read_stdin(stream=io.BytesIO(recs))] == ["s1", "s2"]
