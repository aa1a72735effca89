"""kill -9 of `ingest` at random moments, then the same command again: every article stored exactly once,
none half-stored, and the SQLite file passes PRAGMA integrity_check. Two concurrent ingests: no error, no
duplicate. Re-ingesting gives a byte-identical export."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from .corpus import make_articles, write_jsonl

EXE = str(Path(sys.executable).parent / "newsledger")


def _ingest(db: Path, src: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([EXE, "ingest", str(src), "--db", str(db), "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def _article_counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("SELECT id, COUNT(*) FROM articles GROUP BY id").fetchall())
    finally:
        con.close()


def _check_whole(db: Path, articles: list[dict]) -> None:
    """Every stored article has all its records: the export equals a fresh extraction's record count."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        per_article = dict(con.execute(
            "SELECT a.id, (SELECT COUNT(*) FROM statements s WHERE s.article = a.id) FROM articles a").fetchall())
    finally:
        con.close()
    # Generated articles always carry statements; an article row without them would be half-stored.
    assert all(n > 0 for n in per_article.values()), per_article


def test_kill_nine_ten_times_then_finish(tmp_path):
    articles = make_articles(60, seed=3)
    src = write_jsonl(tmp_path / "in.jsonl", articles)
    db = tmp_path / "ledger.db"
    rng = random.Random(11)
    kills = 0
    for _ in range(10):
        proc = _ingest(db, src)
        # Model loading takes a couple of seconds; kill anywhere from start-up to deep in the writes.
        time.sleep(rng.uniform(0.5, 7.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        if db.exists():
            counts = _article_counts(db)
            assert all(v == 1 for v in counts.values())
            _check_whole(db, articles)
    assert kills >= 5  # the test really interrupted runs
    final = _ingest(db, src)
    out, err = final.communicate(timeout=900)
    assert final.returncode == 0, err.decode()
    counts = _article_counts(db)
    assert sorted(counts) == sorted(a["id"] for a in articles)
    assert set(counts.values()) == {1}
    _check_whole(db, articles)


def test_two_concurrent_ingests_same_file(tmp_path):
    articles = make_articles(30, seed=5)
    a = write_jsonl(tmp_path / "a.jsonl", articles)
    b = write_jsonl(tmp_path / "b.jsonl", list(reversed(articles)))
    db = tmp_path / "ledger.db"
    p1, p2 = _ingest(db, a), _ingest(db, b)
    out1, err1 = p1.communicate(timeout=900)
    out2, err2 = p2.communicate(timeout=900)
    assert p1.returncode == 0, err1.decode()
    assert p2.returncode == 0, err2.decode()
    counts = _article_counts(db)
    assert len(counts) == 30 and set(counts.values()) == {1}
    _check_whole(db, articles)


def test_reingest_gives_byte_identical_export(tmp_path, cli):
    articles = make_articles(12, seed=9)
    src = write_jsonl(tmp_path / "in.jsonl", articles)
    examples = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"
    first, second = tmp_path / "one.db", tmp_path / "two.db"
    for db in (first, second):
        assert cli("ingest", src, examples, "--db", db).exit_code == 0
    assert cli("ingest", src, examples, "--db", first).exit_code == 0  # again: changes nothing
    one = cli("export", "--db", first).stdout
    two = cli("export", "--db", second).stdout
    assert one == two
    assert len(one.splitlines()) == 16
    records = [json.loads(l) for l in one.splitlines()]
    assert {r["article"]["id"] for r in records} >= {a["id"] for a in articles}
