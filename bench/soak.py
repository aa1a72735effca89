"""Soak: hostile inputs, a 50 MB file, kill -9 during ingest, and re-ingest, on a real SQLite file.

Prints what was tried and what happened; the figures go in the issue notes. Not a test (runs minutes).

    python bench/soak.py [--rounds 20] [--big-mb 50] [--corpus ../shared/corpus/wikinews.jsonl]
    python bench/soak.py --big-only --big-mb 3     # only the peak memory of one 3 MB article
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXE = str(Path(sys.executable).parent / "newsledger")
REPO = Path(__file__).resolve().parent.parent


def hostile_inputs(folder: Path, rng: random.Random) -> list[Path]:
    """Files a crawler could return: broken JSONL, bad encodings, truncated HTML, empty and binary files."""
    good = "The foreign minister said on Monday that the talks in Vienna would continue."
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "latin1.txt": "Le ministre a d\xe9clar\xe9 lundi.".encode("latin-1"),
        "utf16.txt": good.encode("utf-16"),
        "nul.txt": good.encode() + b"\x00" * 8,
        "truncated.html": b"<html><body><article><p>" + good.encode() * 5 + b"</p><p>The envoy sa",
        "no-body.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    }
    lines = [json.dumps({"id": f"soak-ok-{i}", "text": good + f" Item {i}."}) for i in range(20)]
    lines[3] = "{broken"
    lines[7] = json.dumps({"id": "wrong-type", "text": 12})
    lines[11] = json.dumps({"id": "huge", "title": "t" * 2_000_000, "text": good})
    lines[15] = json.dumps({"id": "surrogate", "text": "Putin said \ud800 it."})
    files["feed.jsonl"] = ("\n".join(lines) + "\n").encode()
    paths = []
    for name, data in files.items():
        p = folder / name
        p.write_bytes(data)
        paths.append(p)
    return paths


def big_file(folder: Path, corpus: Path, megabytes: int) -> Path:
    texts = [json.loads(l)["text"] for l in corpus.open(encoding="utf-8") if l.strip()]
    p = folder / "big.txt"
    size = 0
    with p.open("w", encoding="utf-8") as f:
        i = 0
        while size < megabytes * 1_000_000:
            chunk = texts[i % len(texts)] + "\n\n"
            f.write(chunk)
            size += len(chunk.encode())
            i += 1
    return p


def count_articles(db: Path) -> tuple[int, int, str]:
    con = sqlite3.connect(db)
    try:
        n, distinct = con.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone()
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()
    return n, distinct, check


def big_run(tmp: Path, args) -> None:
    """One plain-text file of args.big_mb MB (one article) through `extract`: peak RSS."""
    big = big_file(tmp, args.corpus, args.big_mb)
    t0 = time.time()
    proc = subprocess.run(["/usr/bin/time", "-v", EXE, "extract", str(big), "--published", "2021-01-01"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = next((l.split(":")[1].strip() for l in proc.stderr.splitlines() if "Maximum resident" in l), "?")
    print(f"{args.big_mb:g} MB file (one article): exit {proc.returncode}, {time.time() - t0:.0f}s, "
          f"peak RSS {peak} KB", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=20, help="kill -9 rounds")
    ap.add_argument("--big-mb", type=float, default=50)
    ap.add_argument("--big-only", action="store_true", help="only the big single-article file")
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "wikinews.jsonl")
    args = ap.parse_args()
    rng = random.Random(2025)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.big_only:
            big_run(tmp, args)
            return
        db = tmp / "soak.db"
        inputs = hostile_inputs(tmp, rng)
        t0 = time.time()
        proc = subprocess.run([EXE, "ingest", *map(str, inputs), "--db", str(db), "--no-progress"],
                              capture_output=True, text=True)
        errors = [l for l in proc.stderr.splitlines() if l.startswith("error:")]
        print(f"hostile inputs: {len(inputs)} files, exit {proc.returncode}, {len(errors)} error lines, "
              f"{count_articles(db)[0]} articles stored ({time.time() - t0:.0f}s)")

        big_run(tmp, args)

        kill_db = tmp / "kill.db"
        kills = 0
        for r in range(args.rounds):
            p = subprocess.Popen([EXE, "ingest", str(args.corpus), "--db", str(kill_db), "--no-progress"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(1.0, 20.0))
            if p.poll() is None:
                os.kill(p.pid, signal.SIGKILL)
                kills += 1
            p.wait()
        subprocess.run([EXE, "ingest", str(args.corpus), "--db", str(kill_db), "--no-progress"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        n, distinct, check = count_articles(kill_db)
        expected = sum(1 for l in args.corpus.open(encoding="utf-8") if l.strip())
        print(f"kill -9: {kills} kills in {args.rounds} rounds; then {n} rows, {distinct} distinct articles "
              f"of {expected}; integrity_check {check}; lost {expected - distinct}, duplicated {n - distinct}")

        export1 = subprocess.run([EXE, "export", "--db", str(kill_db)], capture_output=True).stdout
        fresh = tmp / "fresh.db"
        subprocess.run([EXE, "ingest", str(args.corpus), "--db", str(fresh), "--no-progress"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        export2 = subprocess.run([EXE, "export", "--db", str(fresh)], capture_output=True).stdout
        print(f"export after kills vs fresh ingest: {'byte-identical' if export1 == export2 else 'DIFFERENT'} "
              f"({len(export1):,} bytes)")


if __name__ == "__main__":
    main()
