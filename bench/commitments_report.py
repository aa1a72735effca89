"""Commitments over a corpus: how many are found, how many link across articles, and a sample.

    .venv/bin/python bench/commitments_report.py [--corpus ../shared/corpus/wikinews.jsonl]
        [--limit N] [--sample 20] [--seed 7] [--db PATH]

Extracts every article, stores it in a fresh SQLite ledger (a temporary file unless --db), links
each one as `ingest` does, then prints figures and a sample for a person to review. Prints numbers,
not verdicts: whether the sample is right is for the reader to judge.
"""
from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus" / "wikinews.jsonl"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", default=None, help="keep the ledger here (default: a temporary file)")
    args = ap.parse_args(argv)

    from newsledger import track
    from newsledger.extraction import extract_articles
    from newsledger.ingest import ReadError, read_sources
    from newsledger.store import open_store

    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    articles = []
    for item in read_sources([args.corpus]):
        if isinstance(item, ReadError):
            continue
        articles.append(item)
        if args.limit and len(articles) >= args.limit:
            break

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        db = str(Path(tmp.name) / "report.db")
    else:
        db = args.db
    store = open_store(db)
    t0 = time.perf_counter()
    records, changes, link_s = [], 0, 0.0

    def timed_link(store, record):
        nonlocal link_s
        t1 = time.perf_counter()
        found = track.link_article(store, record)
        link_s += time.perf_counter() - t1
        return found

    for ledger in extract_articles(articles):
        record = ledger.to_dict()
        records.append(record)
        changes += len(track.store_record(store, record, link=timed_link).changes)
    seconds = time.perf_counter() - t0

    found = [(r["article"], c) for r in records for c in r["commitments"]]
    kinds = collections.Counter(c["kind"] for _, c in found)
    statuses = collections.Counter(c["status"] for _, c in found)
    threads = track.list_commitments(store)
    linked = [th for th in threads if len({h["article"] for h in th["history"]}) > 1]
    claims = track.list_claims(store)
    multi_claims = [cl for cl in claims if len({h["article"] for h in cl["history"]}) > 1]

    print(f"articles: {len(records)}   extract+store+link: {seconds:.1f} s (linking {link_s:.1f} s)")
    print(f"commitments found: {len(found)} in {len({a['id'] for a, _ in found})} articles")
    print("  by kind:   " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print("  by status: " + ", ".join(f"{k} {n}" for k, n in statuses.most_common()))
    print(f"  with due date: {sum(1 for _, c in found if c['due'])}, with conditions: "
          f"{sum(1 for _, c in found if c['conditions'])}, overdue at publication: "
          f"{sum(1 for _, c in found if c['overdue'])}")
    print(f"tracked commitments: {len(threads)}; linking reports from 2+ articles: {len(linked)} "
          f"({sum(len(th['history']) for th in linked)} reports); status changes on ingest: {changes}")
    print(f"claims: {len(claims)}; across 2+ articles: {len(multi_claims)}; contested: "
          f"{len(track.list_claims(store, contested=True))}")

    for th in linked:
        print(f"  linked: {th['kind']} {th['holder']} -> {th['counterparty']}: {th['content']!r} "
              f"[{' / '.join(h['article'][:8] + ' ' + h['status'] for h in th['history'])}]")

    rng = random.Random(args.seed)
    sample = rng.sample(found, min(args.sample, len(found)))
    print(f"\nsample of {len(sample)} for review (seed {args.seed}):")
    for n, (art, c) in enumerate(sample, 1):
        s, e = c["evidence"][0]
        sentence = " ".join(art["text"][s:e].split())
        print(f"{n:2}. {c['kind']:9} {c['holder']} -> {c['counterparty']}: {c['content']!r}"
              f"{' | due ' + c['due'] if c['due'] else ''}{' | if: ' + c['conditions'] if c['conditions'] else ''}"
              f" | {c['status']}")
        print(f"      {art['published']} {art['title'][:70]!r}")
        print(f"      “{sentence[:300]}”")
    store.close()
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
