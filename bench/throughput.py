"""Throughput of extraction, in words per second, against spaCy alone on the same texts.

    .venv/bin/python bench/throughput.py [--limit N] [--input FILE.jsonl] [--skip blis,dask]

One run over the Wikinews corpus (../shared/corpus/wikinews.jsonl) prints:
  spacy-blis     spaCy alone, thinc's default gemm (blis)
  spacy          spaCy alone, the gemm backend newsledger uses (numpy unless NEWSLEDGER_NUMPY_OPS=0)
  extract-1      newsledger extraction in this process (pipeline loaded before the clock starts)
  extract-2      extract_parallel with 2 worker processes (clock includes starting them)
  dask-2         extract_dask on a LocalCluster of 2 workers (clock includes starting it)
and the ratios the issue aims at: extract-1 / spacy >= 0.8, extract-2 / extract-1 >= 1.5.
"wps" is words per wall second; "wps/cpu" per CPU second of this process and its children, which
moves less when other people's jobs share the machine. Words are whitespace-separated tokens of the
article text. A benchmark: it prints, it asserts nothing.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = REPO.parent / "shared/corpus/wikinews.jsonl"


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (pool/dask workers)."""
    self_, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return self_.ru_utime + self_.ru_stime + kids.ru_utime + kids.ru_stime


def read_articles(path: Path, limit: int | None):
    from newsledger.records import Article
    out = []
    with open(path, encoding="utf-8") as f:
        for line in itertools.islice((ln for ln in f if ln.strip()), limit):
            obj = json.loads(line)
            out.append(Article(text=obj["text"], id=obj.get("id"), title=obj.get("title"),
                               published=obj.get("published"), url=obj.get("url")))
    return out


def timed(name: str, words: int, run) -> dict:
    c0, t0 = cpu_seconds(), time.perf_counter()
    n = run()
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    row = {"name": name, "docs": n, "wall": wall, "cpu": cpu, "wps": words / wall, "wps_cpu": words / cpu}
    print(f"{name:12s} {n:5d} docs {wall:8.1f} s {row['wps']:8.0f} wps {row['wps_cpu']:8.0f} wps/cpu",
          flush=True)
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="newsledger throughput vs spaCy alone")
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--model", default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip", default="", help="comma-separated runs to leave out: blis,pool,dask")
    args = ap.parse_args(argv)
    if not args.input.exists():
        print(f"no corpus at {args.input}: pass --input FILE.jsonl", file=sys.stderr)
        return 2
    skip = set(filter(None, args.skip.split(",")))

    import spacy
    from thinc.api import NumpyOps, set_current_ops

    from newsledger.nlp.pipeline import DEFAULT_MODEL
    from newsledger.nlp import backend as fast
    from newsledger.scale.dask_runner import extract_dask
    from newsledger.scale.pool import extract_parallel, load

    model = args.model or DEFAULT_MODEL
    articles = read_articles(args.input, args.limit)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words} words, model {model}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    fast.limit_blas_threads(1)  # as use_fast_ops does: OpenBLAS threads only slow a shared VM
    print("gemm probe (GFLOP/s): " + ", ".join(f"{k} {v:.1f}" for k, v in fast.probe().items()))
    rows: dict[str, dict] = {}

    def spacy_alone(nlp):
        return lambda: sum(1 for _ in nlp.pipe(texts, batch_size=16))

    if "blis" not in skip:
        set_current_ops(NumpyOps(use_blis=True))
        rows["spacy-blis"] = timed("spacy-blis", words, spacy_alone(spacy.load(model)))
    on = fast.use_fast_ops()
    print(f"newsledger gemm backend: {'numpy' if on else 'blis'}")
    rows["spacy"] = timed("spacy", words, spacy_alone(spacy.load(model)))

    load(model)  # extract-1 runs on the cached pipeline, loaded outside the clock like spaCy alone
    rows["extract-1"] = timed("extract-1", words, lambda: sum(1 for _ in extract_parallel(articles, 1, model)))
    if "pool" not in skip:
        rows[f"extract-{args.workers}"] = timed(
            f"extract-{args.workers}", words,
            lambda: sum(1 for _ in extract_parallel(articles, args.workers, model)))
    if "dask" not in skip:
        rows[f"dask-{args.workers}"] = timed(
            f"dask-{args.workers}", words,
            lambda: sum(1 for _ in extract_dask(articles, workers=args.workers, model=model)))

    def ratio(a: str, b: str, aim: float | None = None, cpu_label: str = "per cpu") -> None:
        # Per-core comparisons read best per CPU second; parallel ones by wall clock, with the
        # per-CPU ratio showing what the extra processes cost (1.0 = no overhead).
        if a in rows and b in rows:
            r = rows[a]["wps"] / rows[b]["wps"]
            rc = rows[a]["wps_cpu"] / rows[b]["wps_cpu"]
            goal = f"  (aim >= {aim} wall)" if aim else ""
            print(f"{a + ' / ' + b:26s} {r:5.2f} wall  {rc:5.2f} {cpu_label}{goal}")

    print("ratios:")
    ratio("spacy", "spacy-blis")
    ratio("extract-1", "spacy", 0.8)
    ratio(f"extract-{args.workers}", "extract-1", 1.5, cpu_label="cpu efficiency")
    ratio(f"dask-{args.workers}", "extract-1", 1.5, cpu_label="cpu efficiency")
    print_component_shares(load(model), articles)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


def print_component_shares(nlp, articles) -> None:
    """Each pipeline component's CPU time, as a share of spaCy's own components (the parse)."""
    import time as _time

    from newsledger.nlp.pipeline import COMPONENTS, make_doc

    spent = {name: 0.0 for name, _ in nlp.pipeline}
    for art in articles:
        doc = make_doc(nlp, art)
        for name, proc in nlp.pipeline:
            t0 = _time.process_time()
            doc = proc(doc)
            spent[name] += _time.process_time() - t0
    parse = sum(v for k, v in spent.items() if k not in COMPONENTS)
    ours = sum(spent[k] for k in COMPONENTS if k in spent)
    print("component shares (CPU seconds, per doc, share of spaCy's own components):")
    for name in COMPONENTS:
        if name in spent:
            print(f"  {name:24s} {spent[name]:7.2f} s  {spent[name] / parse:6.1%}")
    print(f"  {'all of ours':24s} {ours:7.2f} s  {ours / parse:6.1%}   (spaCy components {parse:.2f} s)")


if __name__ == "__main__":
    sys.exit(main())
