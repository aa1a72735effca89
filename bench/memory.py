"""Peak memory of a streaming ingest: 5 MB of JSONL, then 20 MB; the larger must not cost more.

    .venv/bin/python bench/memory.py [--sizes 5,20] [--workers 2] [--python-path]

The input repeats the Wikinews corpus (../shared/corpus/wikinews.jsonl) with new ids ("rep3-17"), so
every article is new to the store. Each size runs `newsledger ingest FILE --db TMP.db --workers N`
as a subprocess (or, with --python-path or when the CLI has no --workers, the same through the
Python API in a child process). Peak memory is sampled every 0.2 s as the summed RSS of the whole
process tree (parent and workers); the parent's and the largest worker's peaks too.
Aims: peak under 1.5 GB, and the 20 MB run within 10% of the 5 MB run. Prints, asserts nothing.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO.parent / "shared/corpus/wikinews.jsonl"
MB = 1_000_000


def make_input(corpus: Path, size_mb: float, out: Path) -> int:
    """Write JSONL of at least size_mb by repeating the corpus with fresh ids; returns articles."""
    lines = [json.loads(ln) for ln in corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    written = n = 0
    with open(out, "w", encoding="utf-8") as f:
        for rep in itertools.count():
            for i, obj in enumerate(lines):
                obj = {**obj, "id": f"rep{rep}-{i}"}
                line = json.dumps(obj, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                n += 1
                if written >= size_mb * MB:
                    return n
    return n


def python_path_ingest(path: str, db: str, workers: int) -> None:
    """The Python path of `ingest`: stream the file through the pool, this process the one writer."""
    from newsledger.ingest import read_sources
    from newsledger.records import Article
    from newsledger.scale.pool import extract_parallel
    from newsledger.store import open_store
    from newsledger.track import IncompleteRecord, store_record

    articles = (a for a in read_sources([path]) if isinstance(a, Article))
    with open_store(db) as store:
        for rec in extract_parallel(articles, workers=workers):
            try:
                store_record(store, rec, link=None)
            except IncompleteRecord:
                pass


def cli_has_workers() -> bool:
    exe = Path(sys.executable).parent / "newsledger"
    if not exe.exists():
        return False
    help_text = subprocess.run([str(exe), "ingest", "--help"], capture_output=True, text=True).stdout
    return "--workers" in help_text


def run_and_watch(cmd: list[str]) -> dict:
    """Run cmd; sample the process tree's RSS until it ends."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak_tree = peak_parent = peak_worker = 0
    while proc.poll() is None:
        try:
            procs = [root] + root.children(recursive=True)
        except psutil.Error:
            procs = []
        total = 0
        for p in procs:
            try:
                rss = p.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            if p.pid == root.pid:
                peak_parent = max(peak_parent, rss)
            else:
                peak_worker = max(peak_worker, rss)
        peak_tree = max(peak_tree, total)
        time.sleep(0.2)
    err = proc.stderr.read() if proc.stderr else ""
    return {"rc": proc.returncode, "wall": time.perf_counter() - t0, "peak_tree": peak_tree,
            "peak_parent": peak_parent, "peak_worker": peak_worker,
            "stderr": err.strip().splitlines()[-3:]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="peak memory of streaming ingest at two input sizes")
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--sizes", default="5,20", help="input sizes in MB, comma-separated")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--python-path", action="store_true", help="use the Python API, not the CLI")
    ap.add_argument("--child", nargs=3, metavar=("FILE", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        python_path_ingest(args.child[0], args.child[1], int(args.child[2]))
        return 0
    if not args.input.exists():
        print(f"no corpus at {args.input}: pass --input FILE.jsonl", file=sys.stderr)
        return 2
    use_cli = not args.python_path and cli_has_workers()
    print(f"ingest via {'the CLI' if use_cli else 'the Python path'}, {args.workers} workers, "
          f"load average {os.getloadavg()[0]:.1f}")
    results = []
    with tempfile.TemporaryDirectory(prefix="newsledger-mem-") as tmp:
        for size in (float(s) for s in args.sizes.split(",")):
            src, db = Path(tmp) / f"input-{size:g}mb.jsonl", str(Path(tmp) / f"ledger-{size:g}mb.db")
            n = make_input(args.input, size, src)
            if use_cli:
                cmd = [str(Path(sys.executable).parent / "newsledger"), "ingest", str(src), "--db", db,
                       "--workers", str(args.workers), "--no-progress"]
            else:
                cmd = [sys.executable, __file__, "--child", str(src), db, str(args.workers)]
            r = run_and_watch(cmd)
            results.append(r)
            status = "ok" if r["rc"] == 0 else f"exit {r['rc']}: {' | '.join(r['stderr'])}"
            print(f"{size:5g} MB  {n:6d} articles  {r['wall']:7.0f} s  peak {r['peak_tree'] / 2**20:6.0f} MiB "
                  f"all processes; parent {r['peak_parent'] / 2**20:4.0f}, largest worker "
                  f"{r['peak_worker'] / 2**20:4.0f} MiB  {status}", flush=True)
    if len(results) >= 2:
        small, large = results[0]["peak_tree"], results[-1]["peak_tree"]
        print(f"largest/smallest peak: {large / small:.3f} (aim <= 1.10); "
              f"max peak {max(r['peak_tree'] for r in results) / 2**30:.2f} GiB (aim < 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
