"""Writer throughput: store + tracker alone, as the store grows (no extraction in the timing).

    .venv/bin/python bench/writer.py [--marks 0,1000,3000] [--window 60] [--strategy index|scan|both]
                                     [--records FILE] [--db sqlite|postgresql://...] [--keep DIR] [--filled DIR]
                                     [--same-dates] [--fast-fill] [--check-fill N]

A PostgreSQL run needs an empty database or schema, e.g.
    --db 'postgresql://postgres@127.0.0.1:5432/test?options=-csearch_path%3Dbench' (CREATE SCHEMA bench first)

Records are extracted once from ../shared/corpus/wikinews.jsonl and cached (by default in
$TMPDIR/newsledger-bench/wikinews.records.jsonl); the writer is fed copies of them with new article ids
("rep3-17"), as bench/memory.py feeds `ingest`, so every article is new to the store and its
commitments and claims match those of the earlier copies.

The stream's dates advance, as a real feed's do: repetition k of the corpus is dated k times the
calendar years the corpus covers later (the wikinews corpus: 2019-2021, so 3 years), every date of
the record moved alike (the article's published date, each time value, each statement's and event's
time, each commitment's due date; a year, month, ISO week or day: the year part), so each copy is
consistent within itself and comes after the one before. A decade ("201") is left as it is.
--same-dates feeds the old stream instead, every copy on its original's date: then 30,000 articles
pile onto the corpus's few hundred dates, every earlier copy lies in every time window and counts as
"later" for the articles that open threads, which no feed does (figures before this change were
taken so). At each mark the store is first filled to
that many articles (track.store_record: store.add + link_article, with the indexed candidate lookup), then a window
of articles is timed with each strategy asked for, each on its own copy of the filled store. The window is
the corpus's first articles under new ids at every mark (the same work, on a larger store; the stream's
next articles would be other articles at each mark, longer or shorter, with more or fewer records):

- index: the tracker as shipped (candidates looked up through track_keys, migration 0010, the
         follow-up lookups bounded by side and date of track/followups.py, migration 0011, every
         lookup bounded to the records nearest in time and statuses folded, migration 0013);
- scan:  the tracker's old candidate lookup (every stored commitment of the holder's side, every
         statement about one of the article's actors), kept in the code as the reference.

--fast-fill: filling 30,000 articles through the tracker took hours on the shared machine. With it, the
first three repetitions of the corpus are linked the slow way, and every later whole repetition is stored
with the rows codec.encode gives store.add and the tracker's rows copied from what linking the third
repetition wrote, ids and dates mapped (bench/fill.py says why that is the same store); what is left of
a mark after whole repetitions is linked the slow way. --check-fill N fills N articles both ways into two
SQLite files and compares them table by table (every column but seq and timestamps; track_links also in
seq order), printing "the same store" or the differences (exit status 1). On PostgreSQL the timed
windows stay in the store (no file copy), so what is filled after the first mark holds them too.

Prints articles/s per mark and strategy, and the ratios. Asserts nothing.
"""
from __future__ import annotations

import argparse
import calendar
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared/corpus/wikinews.jsonl"
CACHE = Path(tempfile.gettempdir()) / "newsledger-bench" / "wikinews.records.jsonl"


def load_records(path: Path, corpus: Path) -> list[dict]:
    if not path.exists():
        from newsledger.ingest import read_sources
        from newsledger.records import Article
        from newsledger.scale.pool import extract_parallel
        print(f"extracting {corpus} once into {path} ...", flush=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        arts = (a for a in read_sources([str(corpus)]) if isinstance(a, Article))
        tmp = path.with_suffix(".part")
        with open(tmp, "w", encoding="utf-8") as f:
            for rec in extract_parallel(arts, workers=1):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        tmp.rename(path)
    recs = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [r for r in recs if not r.get("errors")]


_YEAR = re.compile(r"^(\d{4})(?=$|-|T)")     # an ISO year, month, week, day or time: its year part
SAME_DATES = False          # --same-dates: every copy on its original's date (the stream before)


def _years(records: list[dict]) -> int:
    """How many calendar years the corpus's articles cover: the step between two repetitions."""
    years = [int(m.group(1)) for r in records if (m := _YEAR.match(r["article"].get("published") or ""))]
    return max(years) - min(years) + 1 if years else 1


def _moved(value, years: int):
    """An ISO date value `years` later (29 February on the 28th when the year has none)."""
    m = _YEAR.match(value) if isinstance(value, str) else None
    if m is None or not years:
        return value
    y = int(m.group(1)) + years
    out = f"{y:04d}{value[4:]}"
    if out[4:10] == "-02-29" and not calendar.isleap(y):
        out = f"{out[:4]}-02-28{out[10:]}"
    return out


def dated(rec: dict, rep: int, years: int) -> dict:
    """Repetition `rep` of a record: every date of it moved rep * years later (none with --same-dates)."""
    n = 0 if SAME_DATES else rep * years
    if not n:
        return rec
    out = dict(rec)
    out["article"] = {**rec["article"], "published": _moved(rec["article"].get("published"), n)}
    out["times"] = [{**x, "value": _moved(x.get("value"), n)} for x in rec.get("times") or []]
    for key, field in (("statements", "time"), ("events", "time"), ("commitments", "due")):
        out[key] = [{**x, field: _moved(x.get(field), n)} for x in rec.get(key) or []]
    return out


def copy_of(records: list[dict], n: int, years: int = 0) -> dict:
    """The n-th article of the endless stream: the corpus repeated, with fresh ids, each repetition
    dated after the one before."""
    rep, i = divmod(n, len(records))
    rec = dated(records[i], rep, years)
    return {**rec, "article": {**rec["article"], "id": f"rep{rep}-{i}"}}


def timed(records: list[dict], mark: int, window: int, years: int = 0) -> list[dict]:
    """The articles timed at a mark: the corpus's first `window`, under ids new to the store ("t3000-17"),
    the same articles at every mark, so the rates compare the same work on a larger store; dated as
    the repetition after the last one stored (its first articles come after everything stored)."""
    rep = -(-mark // len(records))
    recs = (dated(records[i % len(records)], rep + i // len(records), years) for i in range(window))
    return [{**r, "article": {**r["article"], "id": f"t{mark}-{i}"}} for i, r in enumerate(recs)]


FAST = None                 # --fast-fill: the fill.Template noted while repetition fill.TEMPLATE is linked


def write(store, records, start: int, stop: int, strategy: str) -> None:
    years = _years(records)
    if FAST is None:
        feed(store, (copy_of(records, n, years) for n in range(start, stop)), strategy)
        return
    import fill
    n, pos = len(records), start
    while pos < stop:
        rep, i = divmod(pos, n)
        whole = i == 0 and pos + n <= stop
        if whole and rep > fill.TEMPLATE and getattr(FAST, "rows", None) is not None:
            fill.replicate(store, FAST, rep, records, years, copy_of)
            pos += n
            continue
        if whole and rep == fill.TEMPLATE:
            FAST.start(store)
        feed(store, [copy_of(records, pos, years)], strategy)
        pos += 1
        if FAST.before and not getattr(FAST, "rows", None) and pos == (fill.TEMPLATE + 1) * n:
            FAST.stop(store)


def feed(store, recs, strategy: str) -> None:
    import functools

    from newsledger.track import link_article, store_record
    link = functools.partial(link_article, strategy=strategy)
    for rec in recs:
        store_record(store, rec, link=link)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="store + tracker throughput as the store grows")
    ap.add_argument("--records", type=Path, default=CACHE)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--marks", default="0,1000,3000")
    ap.add_argument("--window", type=int, default=60, help="articles timed at each mark")
    ap.add_argument("--strategy", default="both", choices=("index", "scan", "both"))
    ap.add_argument("--db", default="sqlite", help="sqlite (a temporary file) or a postgresql:// URL")
    ap.add_argument("--keep", type=Path, help="SQLite: keep a copy of the store filled to each mark in this "
                    "directory (filled-MARK.db), to time it again later without filling")
    ap.add_argument("--filled", type=Path, help="SQLite: time the stores kept by --keep in this directory "
                    "(filled-MARK.db, migrated on opening, its tracker index rebuilt before the clock when the code's "
                    "lexicons differ) instead of filling; a mark without one is filled")
    ap.add_argument("--fast-fill", action="store_true", help="fill whole repetitions of the corpus after the "
                    "third by copying what linking the third wrote (bench/fill.py), not linking each article")
    ap.add_argument("--check-fill", type=int, metavar="N", help="fill N articles (SQLite) the slow way and with "
                    "--fast-fill, compare the two stores table by table, and exit (1 if they differ)")
    ap.add_argument("--same-dates", action="store_true", help="every copy on its original's date (the stream "
                    "before dates advanced: earlier copies lie in every time window)")
    args = ap.parse_args(argv)
    global SAME_DATES, FAST
    SAME_DATES = args.same_dates
    if args.fast_fill or args.check_fill:
        if SAME_DATES:
            print("--fast-fill copies the dated stream's repetitions: not with --same-dates", file=sys.stderr)
            return 2
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import fill
        FAST = fill.Template()
    from newsledger.store import open_store

    records = load_records(args.records, args.corpus)
    from newsledger.track import keys
    keys.keys_version()     # the lexicons load once per process: not in the first mark's time
    if args.check_fill:
        return check_fill(records, args.check_fill)
    strategies = ["scan", "index"] if args.strategy == "both" else [args.strategy]
    marks = sorted(int(m) for m in args.marks.split(","))
    print(f"{len(records)} distinct records; window {args.window} articles; db {args.db}; "
          f"dates {'the same in every copy' if SAME_DATES else f'{_years(records)} years later in each repetition'}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    rates: dict[tuple[int, str], float] = {}
    # A shared machine's load changes between marks; the writer's own CPU time does not (on SQLite it
    # is all the work; on PostgreSQL the server's share is left out), so both ratios are printed.
    cpu_rates: dict[tuple[int, str], float] = {}
    with tempfile.TemporaryDirectory(prefix="newsledger-writer-") as tmp:
        base = Path(tmp) / "base.db"
        filled = 0
        pg = args.db.startswith("postgresql")
        if pg and len(strategies) > 1:
            print("PostgreSQL: one strategy per run (no file copy); pass --strategy", file=sys.stderr)
            return 2
        base_store = open_store(args.db if pg else str(base))
        if pg:
            _reset_pg(base_store)
        t_fill = 0.0
        for mark in marks:
            kept = args.filled / f"filled-{mark}.db" if args.filled and not pg else None
            if kept is not None and kept.exists():
                base_store.close()
                shutil.copy(kept, base)
                base_store = open_store(str(base))
                filled = mark
                # A store kept by other code is migrated on opening; its tracker index (derived data, keyed
                # by the lexicons' version) is rebuilt once on the first write after an upgrade. That is a
                # one-time cost of upgrading, not of each article: paid here, before the clock, and printed.
                t0 = time.perf_counter()
                with base_store.engine.begin() as conn:
                    rebuilt = keys.ensure_current(conn)
                if rebuilt:     # the rebuilt index written into the file, as a store long in use holds it
                    with base_store.engine.connect() as conn:
                        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                    print(f"{mark:6d} stored  kept store's tracker index rebuilt for this code in "
                          f"{time.perf_counter() - t0:.1f} s (once per upgrade, not timed)", flush=True)
            t0 = time.perf_counter()
            write(base_store, records, filled, mark, "index")
            t_fill += time.perf_counter() - t0
            filled = mark
            if args.keep and not pg:
                base_store.engine.dispose()
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(base, args.keep / f"filled-{mark}.db")
            for strategy in strategies:
                if pg:
                    store = base_store
                else:
                    base_store.engine.dispose()
                    work = Path(tmp) / f"{mark}-{strategy}.db"
                    shutil.copy(base, work)
                    store = open_store(str(work))
                t0, c0 = time.perf_counter(), time.process_time()
                feed(store, timed(records, mark, args.window, _years(records)), strategy)
                if not pg:      # the window's writes copied into the database file are part of its cost
                    with store.engine.connect() as conn:
                        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
                dt, dc = time.perf_counter() - t0, time.process_time() - c0
                rates[mark, strategy] = args.window / dt
                cpu_rates[mark, strategy] = args.window / dc
                print(f"{mark:6d} stored  {strategy:5s}  {args.window / dt:7.2f} articles/s "
                      f"({dt:6.1f} s for {args.window}; {args.window / dc:7.2f} a CPU second of this process)",
                      flush=True)
                if not pg:
                    store.close()
                    os.remove(work)
            if pg:
                filled += args.window
        base_store.close()
    print(f"filling took {t_fill:.0f} s")
    first = marks[0]
    for strategy in strategies:
        for mark in marks[1:]:
            print(f"{strategy}: rate at {mark} / rate at {first} = "
                  f"{rates[mark, strategy] / rates[first, strategy]:.2f} "
                  f"(CPU time of this process: {cpu_rates[mark, strategy] / cpu_rates[first, strategy]:.2f})")
    if len(strategies) == 2:
        for mark in marks:
            print(f"{mark:6d} stored: index / scan = {rates[mark, 'index'] / rates[mark, 'scan']:.1f}x")
    return 0


def check_fill(records: list[dict], n: int) -> int:
    """--check-fill: the same N articles filled the slow way and the fast way, compared row for row."""
    global FAST
    import fill
    from newsledger.store import open_store
    with tempfile.TemporaryDirectory(prefix="newsledger-fill-") as tmp:
        out = {}
        for how in ("slow", "fast"):
            FAST = fill.Template() if how == "fast" else None
            store = open_store(str(Path(tmp) / f"{how}.db"))
            t0 = time.perf_counter()
            write(store, records, 0, n, "index")
            print(f"{how} fill of {n} articles: {time.perf_counter() - t0:.0f} s", flush=True)
            out[how] = store
        diff = fill.compare(out["slow"], out["fast"])
        for s in out.values():
            s.close()
    print("\n".join(diff))
    bad = [d for d in diff if "DIFFER" in d]
    print(f"{'DIFFERENT' if bad else 'the same store'}: {len(bad)} of {len([d for d in diff if 'rows' in d])} tables differ")
    return 1 if bad else 0


def _reset_pg(store) -> None:
    from sqlalchemy import text
    with store.engine.begin() as conn:
        n = conn.execute(text("SELECT COUNT(*) FROM articles")).scalar()
    if n:
        raise SystemExit(f"{store}: not empty ({n} articles); give an empty database")


if __name__ == "__main__":
    sys.exit(main())
