"""Scoring extraction against human-annotated gold (the formats of ../shared/eval/README.md).

    newsledger eval times|attribution|events|tracking INPUT.jsonl GOLD.jsonl

times, attribution and events score each article on its own: their modules have
`score(pairs) -> dict`, where `pairs` lists (system record as SCHEMA.md JSON, gold object) for every
gold document, matched by id. tracking scores what the ledger makes of the articles together: its
module stores them in a fresh store and scores the tracked commitments (`tracking.run`).
"""
from __future__ import annotations

import importlib
import json
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

if TYPE_CHECKING:
    from ..records import Article

ARTICLE_KINDS = ("times", "attribution", "events")     # scored article by article
KINDS = ARTICLE_KINDS + ("tracking",)


def scorer(kind: str) -> Callable[[list[tuple[dict, dict]]], dict[str, Any]]:
    """The `score(pairs)` of an article-by-article kind."""
    if kind not in ARTICLE_KINDS:
        raise ValueError(f"unknown eval kind {kind!r}: choose one of {', '.join(ARTICLE_KINDS)}")
    return importlib.import_module(f"{__name__}.{kind}").score


def read_gold(path: str) -> dict[str, dict]:
    gold: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: malformed JSON ({exc.msg})") from None
            gold[str(obj["id"])] = obj
    return gold


def read_articles(input_path: str) -> list["Article"]:
    """The articles of INPUT in input order; an unreadable line is an error."""
    from ..ingest import ReadError, read_sources
    articles = []
    for item in read_sources([input_path]):
        if isinstance(item, ReadError):
            raise ValueError(str(item))
        articles.append(item)
    return articles


def articles_with_gold(input_path: str, gold: dict[str, dict]) -> list["Article"]:
    """The articles of INPUT whose id has gold, in input order; an unreadable line is an error."""
    return [a for a in read_articles(input_path) if a.id in gold]


def run_eval(kind: str, input_path: str, gold_path: str, model: Optional[str] = None,
             records: Optional[Iterable[dict]] = None, limit: Optional[int] = None) -> dict[str, Any]:
    """Extract every input article that has gold, then score. `records` skips extraction (for tests).

    tracking: extract every input article, store them in date order in a fresh store, then score."""
    if kind == "tracking":
        from .tracking import run
        return run(input_path, gold_path, model=model, records=records, limit=limit)
    from ..extraction import extract_articles
    from ..nlp.pipeline import DEFAULT_MODEL

    score = scorer(kind)
    gold = read_gold(gold_path)
    if records is None:
        articles = articles_with_gold(input_path, gold)
        if limit:
            articles = articles[:limit]
        records = (ledger.to_dict() for ledger in extract_articles(articles, model=model or DEFAULT_MODEL))
    system = {r["article"]["id"]: r for r in records}
    pairs = [(system[i], g) for i, g in gold.items() if i in system]
    result = score(pairs)
    result["documents"] = len(pairs)
    return result
