"""POST /ingest: records over HTTP, only on a server started with a token, and only with it.

The body is JSON (one object or a list) or JSONL (one object a line). Each object is either an
input article (`id`, `title`, `published`, `url`, `text`: extracted here, as `newsledger ingest`
does) or a record `newsledger extract` printed (it has `schema` and `article`: stored as is).
Every record goes in through `track.store_record`, as `newsledger ingest` does: an item that
cannot be read, or whose record carries extraction `errors`, is listed in the answer's `errors`
(by item number) and not stored; the other items are stored.
"""
from __future__ import annotations

import json

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from ..ingest.jsonl import parse_record
from ..ingest.errors import ReadError
from ..store import StoreError
from ..track import store_record
from .requests import check_token

router = APIRouter()
MAX_BYTES = 20_000_000


def _objects(body: str) -> list[str]:
    """The body's objects, each as one JSON line (JSON array, one object, or JSONL)."""
    s = body.strip()
    if s.startswith("["):
        try:
            items = json.loads(s)
        except json.JSONDecodeError as exc:
            raise HTTPException(400, f"malformed JSON: {exc.msg} at line {exc.lineno}") from None
        return [json.dumps(x) for x in items]
    try:
        return [json.dumps(json.loads(s))]
    except json.JSONDecodeError:
        return [line for line in s.splitlines() if line.strip()]


def _ingest(store, lines: list[str]) -> dict:
    errors, records, articles = [], [], []
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append({"item": n, "error": f"malformed JSON ({exc.msg})"})
            continue
        if isinstance(obj, dict) and "schema" in obj and isinstance(obj.get("article"), dict):
            records.append((n, obj))
            continue
        art = parse_record(line, "request", n)
        if isinstance(art, ReadError):
            errors.append({"item": n, "error": art.message})
        else:
            articles.append((n, art))
    if articles:
        from ..extraction import extract_articles
        for (n, _), ledger in zip(articles, extract_articles([a for _, a in articles])):
            records.append((n, ledger.to_dict()))
    added = skipped = 0
    ids = []
    for n, rec in sorted(records, key=lambda p: p[0]):
        try:
            # A record an extractor failed on is refused (IncompleteRecord) and listed in
            # `errors`: send it again once that is fixed.
            if store_record(store, rec).added:
                added += 1
            else:
                skipped += 1
            ids.append(rec["article"]["id"])
        except (StoreError, ValueError, KeyError, TypeError) as exc:
            errors.append({"item": n, "error": str(exc)})
    return {"added": added, "skipped": skipped, "articles": ids, "errors": errors}


@router.post("/ingest", summary="Store articles or records (needs the server's token)",
             dependencies=[Depends(check_token)])
async def ingest(request: Request) -> dict:
    body = await request.body()
    if len(body) > MAX_BYTES:
        raise HTTPException(413, "request too large")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body must be UTF-8 JSON or JSONL") from None
    lines = _objects(text)
    if not lines:
        raise HTTPException(400, "no records in the request")
    return await run_in_threadpool(_ingest, request.app.state.store, lines)
