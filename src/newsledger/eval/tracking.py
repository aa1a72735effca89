"""Scoring tracking against story chains (../shared/eval/README.md, `tracking`).

The articles are extracted, then stored in date order through the one write path
(`newsledger.track.store_record`) into a fresh SQLite store, so they are linked as `ingest` links them.
Each gold commitment is then matched to a tracked commitment (a thread of linked reports, as
`newsledger commitments` lists them):

- of a compatible kind (KIND_GROUPS: ultimatum, deadline and threat; pledge, promise, guarantee and
  agreement), whose `holder` contains one of the gold's holder fragments, and whose history includes
  the gold's `first_article`; among several, the one whose history holds most gold `links` (then the
  first by id).

    found            gold commitments matched
    link_recall      gold links in the matched record's history, over all gold links
    link_precision   of the history articles beyond `first_article` in matched records, the share
                     that the gold links
    status_accuracy  final status equal, over all gold commitments
    due_accuracy     final due equal, over gold commitments with a due (a system due of a week, a
                     month or a year is read as its last day, the day it is due by)

`commitments` explains every figure, one entry per gold commitment; `chains` sums them by chain;
`other_records` lists the tracked commitments no gold commitment matched (a follow-up that became
a record of its own shows up there).
"""
from __future__ import annotations

import os
import tempfile
from typing import Any, Iterable, Optional

from ..dates import end_date
from . import read_articles, read_gold
from ..store import open_store
from ..track import IncompleteRecord, list_commitments, store_record

KIND_GROUPS = (frozenset({"ultimatum", "deadline", "threat"}),
               frozenset({"pledge", "promise", "guarantee", "agreement"}))


def kind_group(kind: Optional[str]) -> Optional[int]:
    return next((i for i, group in enumerate(KIND_GROUPS) if kind in group), None)


def holder_matches(holder: Optional[str], fragments: Iterable[str]) -> bool:
    return bool(holder) and any(f and f in holder for f in fragments)


def history_articles(tracked: dict) -> list[str]:
    """The articles of a tracked commitment's history, distinct, oldest first."""
    return list(dict.fromkeys(h["article"] for h in tracked.get("history") or [] if h.get("article")))


def due_equal(system: Optional[str], gold: Optional[str]) -> bool:
    if not system or not gold:
        return False
    return system == gold or end_date(system) == gold


def date_key(published: Optional[str]) -> tuple[bool, str]:
    """Publication dates in order, undated last."""
    return published is None, str(published or "")


def date_order(records: Iterable[dict]) -> list[dict]:
    """Records by publication date (undated last), input order among equals."""
    return sorted(records, key=lambda r: date_key((r.get("article") or {}).get("published")))


def track_records(records: Iterable[dict]) -> tuple[list[dict], list[str]]:
    """Store the records in date order into a fresh SQLite store, linking each as ingest does; return
    the tracked commitments and the ids of the articles not stored (records with errors)."""
    refused = []
    with tempfile.TemporaryDirectory(prefix="newsledger-eval-") as folder:
        store = open_store(os.path.join(folder, "tracking.db"))
        try:
            for record in date_order(records):
                try:
                    store_record(store, record)
                except IncompleteRecord as exc:
                    refused.append(exc.article)
            return list_commitments(store), refused
        finally:
            store.close()


def match(gold: dict, tracked: list[dict]) -> tuple[Optional[dict], list[dict]]:
    """The tracked commitment for one gold commitment (or None), and every tracked commitment whose
    history includes the gold's first article (what could have matched, for the breakdown)."""
    first = gold["first_article"]
    near = [t for t in sorted(tracked, key=lambda t: t["id"]) if first in history_articles(t)]
    group = kind_group(gold.get("kind"))
    fits = [t for t in near if kind_group(t.get("kind")) == group
            and holder_matches(t.get("holder"), gold.get("holder") or [])]
    if not fits:
        return None, near
    links = set(gold.get("links") or [])
    return max(fits, key=lambda t: len(links & set(history_articles(t)))), near


def brief(tracked: dict) -> dict[str, Any]:
    return {"record": tracked["id"], "kind": tracked.get("kind"), "holder": tracked.get("holder"),
            "counterparty": tracked.get("counterparty"), "content": tracked.get("content"),
            "status": tracked.get("status"),
            "due": tracked.get("due"), "articles": history_articles(tracked)}


def judge(gold: dict, tracked: list[dict]) -> dict[str, Any]:
    """One gold commitment against the tracked ones: what matched and what it got right."""
    record, near = match(gold, tracked)
    links = list(gold.get("links") or [])
    not_links = set(gold.get("not_links") or [])
    out: dict[str, Any] = {"id": gold["id"], "chain": gold.get("chain"), "gold_kind": gold.get("kind"),
                           "found": record is not None}
    if record is None:
        out.update(links_found=[], links_missed=links, linked_beyond_first=[], wrongly_linked=[],
                   status=None, due=None, candidates=[brief(t) for t in near])
    else:
        articles = history_articles(record)
        beyond = [a for a in articles if a != gold["first_article"]]
        out.update(brief(record))
        out.update(links_found=[a for a in links if a in articles],
                   links_missed=[a for a in links if a not in articles],
                   linked_beyond_first=beyond,
                   wrongly_linked=[a for a in beyond if a not in links],
                   statuses=[h.get("status") for h in record.get("history") or []])
        if not_links & set(beyond):
            out["linked_though_not_links"] = sorted(not_links & set(beyond))
    out.update(gold_status=gold.get("status"), gold_statuses=gold.get("statuses"),
               gold_due=gold.get("due"),
               status_right=record is not None and out["status"] == gold.get("status"),
               due_right=record is not None and due_equal(out["due"], gold.get("due")))
    return out


def score(tracked: list[dict], gold: list[dict]) -> dict[str, Any]:
    """`tracked`: the store's tracked commitments (track.list_commitments); `gold`: one dict per
    gold commitment, in the format of ../shared/eval/tracking/README.md."""
    rows = [judge(g, tracked) for g in gold]
    n = len(rows)
    n_links = sum(len(r["links_found"]) + len(r["links_missed"]) for r in rows)
    links_found = sum(len(r["links_found"]) for r in rows)
    beyond = sum(len(r["linked_beyond_first"]) for r in rows)
    right_links = beyond - sum(len(r["wrongly_linked"]) for r in rows)
    with_due = [r for r in rows if r["gold_due"]]
    matched = {r["record"] for r in rows if r["found"]}
    chains: dict[str, dict[str, int]] = {}
    for r in rows:
        c = chains.setdefault(str(r["chain"]), {"commitments": 0, "found": 0, "links": 0, "links_found": 0,
                                                "wrongly_linked": 0, "status_right": 0, "with_due": 0,
                                                "due_right": 0})
        c["commitments"] += 1
        c["found"] += r["found"]
        c["links"] += len(r["links_found"]) + len(r["links_missed"])
        c["links_found"] += len(r["links_found"])
        c["wrongly_linked"] += len(r["wrongly_linked"])
        c["status_right"] += r["status_right"]
        c["with_due"] += bool(r["gold_due"])
        c["due_right"] += r["due_right"]
    return {
        "found": sum(r["found"] for r in rows),
        "link_recall": links_found / n_links if n_links else 0.0,
        "link_precision": right_links / beyond if beyond else 0.0,
        "status_accuracy": sum(r["status_right"] for r in rows) / n if n else 0.0,
        "due_accuracy": sum(r["due_right"] for r in with_due) / len(with_due) if with_due else 0.0,
        "gold_commitments": n, "gold_links": n_links, "links_found": links_found,
        "linked_beyond_first": beyond, "links_right": right_links,
        "status_right": sum(r["status_right"] for r in rows),
        "gold_with_due": len(with_due), "due_right": sum(r["due_right"] for r in with_due),
        "tracked_commitments": len(tracked),
        "chains": dict(sorted(chains.items())),
        "commitments": rows,
        "other_records": [brief(t) for t in sorted(tracked, key=lambda t: t["id"]) if t["id"] not in matched],
    }


def run(input_path: str, gold_path: str, model: Optional[str] = None,
        records: Optional[Iterable[dict]] = None, limit: Optional[int] = None) -> dict[str, Any]:
    """Extract the articles of INPUT (or take `records`), track them in date order, score."""
    gold = list(read_gold(gold_path).values())
    if records is None:
        from ..extraction import extract_articles
        from ..nlp.pipeline import DEFAULT_MODEL
        articles = sorted(read_articles(input_path), key=lambda a: date_key(a.published))
        articles = articles[:limit] if limit else articles
        records = [ledger.to_dict() for ledger in extract_articles(articles, model=model or DEFAULT_MODEL)]
    records = date_order(records)
    records = records[:limit] if limit else records
    tracked, refused = track_records(records)
    result = score(tracked, gold)
    result["documents"] = len(records)
    if refused:
        result["not_stored"] = refused
    return result
