"""`newsledger actors add|alias|merge` extend the gazetteer, and the next extraction uses it."""
from __future__ import annotations

import json

import pytest

from newsledger.nlp.pipeline import load_pipeline


@pytest.fixture
def user_file(tmp_path, monkeypatch):
    path = tmp_path / "actors.tsv"
    monkeypatch.setenv("NEWSLEDGER_ACTORS", str(path))
    return path


def _actors(cli, text):
    # A fresh pipeline: the gazetteer is read when the component is built.
    from newsledger.extraction import extract
    record = extract(text, published="2025-10-01", nlp=load_pipeline()).to_dict()
    return {a["id"]: a for a in record["actors"]}, record


def test_add_alias_and_merge_reach_extraction(cli, user_file):
    text = "Harbour Minister Ilse Varnholt said on Monday that the port would reopen. Varnholt added nothing."
    before, _ = _actors(cli, text)
    assert "ilse-varnholt" not in before or before["ilse-varnholt"]["country"] is None
    r = cli("actors", "add", "Ilse Varnholt", "--country", "NOR", "--role", "Harbour Minister@2025-01-01/",
            "--gender", "f")
    assert r.exit_code == 0 and "ilse-varnholt" in r.stdout
    assert cli("actors", "alias", "ilse-varnholt", "I. Varnholt").exit_code == 0
    after, record = _actors(cli, text + " I. Varnholt left.")
    varn = after["ilse-varnholt"]
    assert varn["country"] == "NOR"
    words = {record["article"]["text"][s:e] for s, e in varn["mentions"]}
    assert "I. Varnholt" in words
    assert cli("actors", "merge", "varnholt-office", "ilse-varnholt").exit_code == 0
    assert "merged_into" in user_file.read_text(encoding="utf-8").splitlines()[0]


def test_unknown_actor_is_a_one_line_error(cli, user_file):
    r = cli("actors", "alias", "no-such-actor", "Nobody")
    assert r.exit_code == 2 and "unknown actor" in r.stderr


def test_bad_type_is_rejected(cli, user_file):
    r = cli("actors", "add", "Somebody", "--type", "planet")
    assert r.exit_code == 2 and "Invalid value" in r.stderr
