"""A fast fill for bench/writer.py: a store of N articles of the dated stream without linking each one.

The dated stream repeats the corpus, repetition k dated 3k years later under ids "repK-I". From the
third repetition on, what linking one repetition writes is what it wrote for the one before, with its
ids and dates moved on: every copy joins the threads and claims its first copies opened (rep 0, whose
ids stay), and opens the same new claims under its own ids. So the writer links repetitions 0 to
TEMPLATE the slow way (store.add + link_article), noting what linking TEMPLATE wrote (the rows it
appended to the tracker's tables, the summaries it changed); every later whole repetition is stored
with store.add (the base tables: exact by construction) and the tracker's rows are copied from the
template's with ids and dates mapped. A thread whose status flips rewrites the cached status of every
earlier member (linker._write_members), one history row per repetition stored: those rows are written
for every earlier repetition. What is left of a mark after whole repetitions is linked the slow way.

`bench/writer.py --fast-fill` uses it; `--check-fill N` fills N articles both ways and compares every
table row for row (store.py and the tracker's; seq and timestamps left out, a fold's `upto` compared
as the link row it points at, track_links in seq order).
"""
from __future__ import annotations

import re
import time
from collections import Counter
from typing import Callable, Optional

from sqlalchemy import MetaData, Table, func, select, text, update

TEMPLATE = 2        # the repetition whose linking is copied (0 opens, 1 first joins, 2 is steady)
SEQ_TABLES = ("track_links", "history", "claim_links")
_REP = re.compile(r"rep(\d+)-")
# columns holding a date of the stream (moved by the repetition's years), per tracker table
DATE_COLS = {"track_links": ("date", "due"), "history": ("date",), "claim_links": ("date",),
             "claims": ("date",), "track_keys": ("date",), "track_article_actors": ("date",),
             "track_steps": ("date", "max_due", "last_date", "last_due"), "track_folds": ("root_date",)}
SKIP = {"seq", "recorded_at", "ingested_at", "applied_at"}


def _tables(conn) -> dict[str, Table]:
    meta = MetaData()
    meta.reflect(conn)
    return dict(meta.tables)


class Template:
    """What linking repetition TEMPLATE wrote, noted around its slow fill."""

    def __init__(self):
        self.before: dict = {}
        self.after: dict = {}

    @staticmethod
    def _snapshot(conn) -> dict:
        T = _tables(conn)
        snap = {name: conn.execute(select(func.max(T[name].c.seq))).scalar() or 0 for name in SEQ_TABLES}
        snap["folds"] = {(r.record_kind, r.thread): dict(r._mapping) for r in conn.execute(select(T["track_folds"]))}
        snap["steps"] = {(r.record_kind, r.thread, r.date, r.stance): dict(r._mapping)
                         for r in conn.execute(select(T["track_steps"]))}
        snap["cstatus"] = {r.id: (r.status, r.overdue) for r in conn.execute(
            select(T["commitments"].c.id, T["commitments"].c.status, T["commitments"].c.overdue))}
        snap["kstatus"] = {r.id: r.status for r in conn.execute(select(T["claims"].c.id, T["claims"].c.status))}
        # the last day of each commitment's current due date (migration 0018), where an extension moved it
        cm = T["commitments"].c
        snap["cdue"] = {r.id: r.due_now for r in conn.execute(select(cm.id, cm.due_now).where(
            cm.due_now.is_distinct_from(cm.due_date)))} if "due_now" in cm else {}
        return snap

    def start(self, store) -> None:
        with store.engine.connect() as conn:
            self.before = self._snapshot(conn)

    def stop(self, store) -> None:
        with store.engine.connect() as conn:
            self.after = self._snapshot(conn)
            T = _tables(conn)
            self.rows = {}
            for name in SEQ_TABLES:
                c = T[name].c
                self.rows[name] = [dict(r._mapping) for r in conn.execute(select(T[name]).where(
                    c.seq > self.before[name], c.seq <= self.after[name]).order_by(c.seq))]
            # store.add's own history rows (the status as extracted) come with the base tables
            self.rows["history"] = [r for r in self.rows["history"] if r["note"] != "extracted"]
            mine = f"rep{TEMPLATE}-%"
            self.rows["track_keys"] = [dict(r._mapping) for r in conn.execute(
                select(T["track_keys"]).where(T["track_keys"].c.article.like(mine)))]
            self.rows["track_article_actors"] = [dict(r._mapping) for r in conn.execute(
                select(T["track_article_actors"]).where(T["track_article_actors"].c.article.like(mine)))]
            self.rows["claims"] = [dict(r._mapping) for r in conn.execute(
                select(T["claims"]).where(T["claims"].c.id.like(f"claim:{mine}")))]
        b, a = self.before, self.after
        # what linking the template changed in place: older records' statuses must not have moved
        old_c = [k for k in b["cstatus"] if b["cstatus"][k] != a["cstatus"][k]]
        old_k = [k for k in b["kstatus"] if b["kstatus"][k] != a["kstatus"][k]]
        if old_c or old_k:
            raise SystemExit(f"fast fill: repetition {TEMPLATE} changed {len(old_c)} earlier commitments' and "
                             f"{len(old_k)} claims' statuses: not a steady repetition, fill the slow way")
        # due dates moved by linking the template (an extension's new due on its thread's record, of this or an
        # earlier repetition): each copy moves its own, by its own dates
        self.moved_dues = {k: v for k, v in a["cdue"].items() if k not in b["cdue"] or b["cdue"][k] != v}
        self.new_steps = [s for k, s in a["steps"].items() if k not in b["steps"]]
        changed = [k for k, s in a["steps"].items() if k in b["steps"] and s != b["steps"][k]]
        if changed:
            raise SystemExit(f"fast fill: repetition {TEMPLATE} changed {len(changed)} earlier steps; fill the slow way")
        self.new_folds = [f for k, f in a["folds"].items() if k not in b["folds"]]
        self.moved_folds = {k: (b["folds"][k], f) for k, f in a["folds"].items() if k in b["folds"] and f != b["folds"][k]}
        self.link_ids = {r["seq"]: r for r in self.rows["track_links"]}


def _rep_of(value) -> Optional[int]:
    m = _REP.search(value) if isinstance(value, str) else None
    return int(m.group(1)) if m else None


def replicate(store, template: Template, rep: int, records: list[dict], years: int,
              copy_of: Callable[[list, int, int], dict]) -> None:
    """Store repetition `rep` (> TEMPLATE) of the stream: its articles through store.add, the tracker's rows
    as the template's with ids and dates mapped."""
    n = len(records)
    t0 = time.perf_counter()
    _add_all(store, [copy_of(records, rep * n + i, years) for i in range(n)])
    t = TEMPLATE
    ids = lambda v: _REP.sub(lambda m: f"rep{rep}-" if int(m.group(1)) == t else m.group(0), v) \
        if isinstance(v, str) else v
    with store.engine.begin() as conn:
        T = _tables(conn)
        dates = _date_map(conn, T, t, rep)

        def moved(table: str, row: dict, shift_dates: bool = True) -> dict:
            out = {}
            for k, v in row.items():
                if k == "seq":
                    continue
                if k in DATE_COLS.get(table, ()) and shift_dates and v:
                    v = dates.get(v) or _shift(v, (rep - t) * years)
                else:
                    v = ids(v)
                out[k] = v
            return out

        # commitments' cached statuses as linking left the template's (store.add wrote the extracted ones)
        cm = T["commitments"].c
        for cid, (status, overdue) in template.after["cstatus"].items():
            if _rep_of(cid) == t:
                conn.execute(update(T["commitments"]).where(cm.id == ids(cid)).values(status=status, overdue=overdue))
        for cid, due in template.moved_dues.items():
            conn.execute(update(T["commitments"]).where(cm.id == ids(cid)).values(
                due_now=(dates.get(due) or _shift(due, (rep - t) * years)) if due else None))
        if template.rows["claims"]:
            conn.execute(T["claims"].insert(), [moved("claims", r) for r in template.rows["claims"]])
        seq_of: dict[int, int] = {}
        for name in SEQ_TABLES:
            out = []
            for r in template.rows[name]:
                copies = [moved(name, r)]
                j = _rep_of(r.get("record_id"))
                if name == "history" and j is not None and 0 < j < t and (r.get("note") or "").startswith("tracked with"):
                    # a member rewrite: every earlier repetition's member has one
                    copies = [{**copies[0], "record_id": _REP.sub(f"rep{k}-", r["record_id"], count=1)}
                              for k in range(1, rep)]
                    copies.sort(key=lambda c: c["record_id"])
                out += copies
            c = T[name].c
            top = conn.execute(select(func.max(c.seq))).scalar() or 0
            for k in range(0, len(out), 500):    # one writer: the rows take the next seqs, in this order
                conn.execute(T[name].insert(), out[k:k + 500])
            if name == "track_links":
                new = list(conn.execute(select(c.seq).where(c.seq > top).order_by(c.seq)).scalars())
                assert len(new) == len(out)
                seq_of = {r["seq"]: s for r, s in zip(template.rows[name], new)}
        for name in ("track_keys", "track_article_actors"):
            rows = [moved(name, r) for r in template.rows[name]]
            for k in range(0, len(rows), 500):
                conn.execute(T[name].insert(), rows[k:k + 500])
        if template.new_steps:
            conn.execute(T["track_steps"].insert(), [moved("track_steps", s) for s in template.new_steps])
        F = T["track_folds"]
        for f in template.new_folds:
            row = moved("track_folds", f, shift_dates=_rep_of(f["root_record"]) == t)
            row["upto"] = seq_of[f["upto"]]
            conn.execute(F.insert().values(**row))
        for (kind, thread), (b, a) in template.moved_folds.items():
            cur = conn.execute(select(F).where(F.c.record_kind == kind, F.c.thread == thread)).mappings().one()
            vals = {"seen": cur["seen"] + a["seen"] - b["seen"]}
            if a["upto"] != b["upto"]:
                vals["upto"] = seq_of[a["upto"]]
            if a["root_record"] != b["root_record"]:
                shift = _rep_of(a["root_record"]) == t
                vals["root_record"] = ids(a["root_record"])
                vals["root_date"] = (dates.get(a["root_date"]) or _shift(a["root_date"], (rep - t) * years)) \
                    if shift and a["root_date"] else a["root_date"]
            conn.execute(update(F).where(F.c.record_kind == kind, F.c.thread == thread).values(**vals))
    if rep % 10 == 0:
        print(f"  fast fill: repetition {rep} in {time.perf_counter() - t0:.1f} s", flush=True)


def _add_all(store, records: list[dict]) -> None:
    """store.add of each record, in one transaction and one insert per table for them all (the same rows:
    those codec.encode gives store.add, in the same order)."""
    from newsledger.store import codec
    from newsledger.store import schema as st
    encoded = [codec.encode(r) for r in records]
    with store.engine.begin() as conn:
        conn.execute(st.articles.insert(), [e.article for e in encoded])
        actors = sorted({a["id"]: a for e in encoded for a in e.actors}.values(), key=lambda a: a["id"])
        store._upsert_actors(conn, actors)
        aliases = [a for e in encoded for a in e.aliases]
        if aliases:
            conn.execute(store._ins(st.actor_aliases).on_conflict_do_nothing(index_elements=["actor", "norm"]), aliases)
        for name in ("article_actors", "mentions", "statements", "statement_about", "events", "times",
                     "commitments", "commitment_evidence", "history"):
            rows = [r for e in encoded for r in getattr(e, name)]
            for k in range(0, len(rows), 500):
                conn.execute(getattr(st, name).insert(), rows[k:k + 500])
        seq = conn.execute(select(func.max(st.articles.c.seq))).scalar()
    store._refresh_statistics(seq)


def _date_map(conn, T, t: int, rep: int) -> dict[str, str]:
    """Each date value of repetition t's records -> the same field's value in repetition `rep`, read from
    the base tables both were stored in (exact where moving a year would not be: 29 February)."""
    out: dict[str, str] = {}
    for name, cols in (("articles", ("date", "published")), ("commitments", ("due", "due_date", "date")),
                       ("times", ("value", "date")), ("statements", ("time", "date")), ("events", ("time", "date"))):
        c = T[name].c
        old = {r.id: r for r in conn.execute(select(T[name]).where(c.id.like(f"rep{t}-%")))}
        for r in conn.execute(select(T[name]).where(c.id.like(f"rep{rep}-%"))):
            o = old.get(_REP.sub(f"rep{t}-", r.id, count=1))
            if o is None:
                continue
            for col in cols:
                a, b = getattr(o, col), getattr(r, col)
                if a and b:
                    out.setdefault(a, b)
    return out


_YEAR = re.compile(r"^(\d{4})(?=$|-|T)")


def _shift(value: str, years: int) -> str:
    m = _YEAR.match(value)
    if m is None:
        return value
    return f"{int(m.group(1)) + years:04d}{value[4:]}"


# ---- checking: two stores, row for row ---------------------------------------------------------

def table_rows(store) -> dict[str, Counter]:
    out: dict[str, Counter] = {}
    with store.engine.connect() as conn:
        T = _tables(conn)
        link_at = {r.seq: (r.record_kind, r.record_id, r.thread) for r in conn.execute(
            select(T["track_links"].c.seq, T["track_links"].c.record_kind, T["track_links"].c.record_id,
                   T["track_links"].c.thread))}
        for name, table in sorted(T.items()):
            if name.startswith(("articles_fts", "sqlite_")) or name == "schema_version":
                continue
            rows = Counter()
            for r in conn.execute(select(table)).mappings():
                r = {k: v for k, v in r.items() if k not in SKIP}
                if name == "track_folds":
                    r["upto"] = link_at.get(r["upto"])
                rows[tuple(sorted((k, repr(v)) for k, v in r.items()))] += 1
            out[name] = rows
        order = conn.execute(text("SELECT record_kind, record_id, thread, action FROM track_links ORDER BY seq")).all()
        out["track_links order"] = Counter({tuple(tuple(r) for r in order): 1})
    return out


def compare(a, b) -> list[str]:
    """Differences between two stores' rows (empty: the same store)."""
    ra, rb = table_rows(a), table_rows(b)
    out = []
    for name in sorted(set(ra) | set(rb)):
        x, y = ra.get(name, Counter()), rb.get(name, Counter())
        only_a, only_b = x - y, y - x
        out.append(f"{name:22s} {sum(x.values()):8d} rows {sum(y.values()):8d} rows"
                   + ("  same" if not only_a and not only_b else f"  DIFFER: {sum(only_a.values())} only in the first, "
                                                                   f"{sum(only_b.values())} only in the second"))
        for r in list(only_a)[:2]:
            out.append(f"    first:  {dict(r)}"[:400])
        for r in list(only_b)[:2]:
            out.append(f"    second: {dict(r)}"[:400])
    return out
