"""Checks a record against the contract of SCHEMA.md: fields, vocabularies and, above all, spans.

`problems(record)` lists every violation as a sentence; an empty list means the record is valid.
Tests, the robustness suite and outside checkers use it.
"""
from __future__ import annotations

from typing import Any, Iterator

from .records import (ACTOR_TYPES, COMMITMENT_KINDS, COMMITMENT_STATUSES, SCHEMA, STATEMENT_KINDS,
                      TIME_TYPES)

_TOP = ("schema", "model", "article", "actors", "statements", "events", "times", "commitments")


def _spans(record: dict) -> Iterator[tuple[str, Any, Any]]:
    """(where, span, expected text or None) for every span in the record."""
    for i, a in enumerate(record["actors"]):
        for j, m in enumerate(a["mentions"]):
            yield f"actors[{i}].mentions[{j}]", m, None
    for i, s in enumerate(record["statements"]):
        yield f"statements[{i}].span", s["span"], None
        yield f"statements[{i}].cue", s["cue"]["span"], s["cue"]["text"]
        yield f"statements[{i}].content", s["content"]["span"], s["content"]["text"]
        if s.get("speaker_mention"):
            yield f"statements[{i}].speaker_mention", s["speaker_mention"]["span"], s["speaker_mention"]["text"]
    for i, e in enumerate(record["events"]):
        yield f"events[{i}].span", e["span"], None
        yield f"events[{i}].trigger", e["trigger"]["span"], e["trigger"]["text"]
        if e.get("location") and e["location"].get("span"):
            yield f"events[{i}].location", e["location"]["span"], None
    for i, t in enumerate(record["times"]):
        yield f"times[{i}]", t["span"], t["text"]
    for i, c in enumerate(record["commitments"]):
        for j, ev in enumerate(c["evidence"]):
            yield f"commitments[{i}].evidence[{j}]", ev, None


def problems(record: dict) -> list[str]:
    out: list[str] = []
    for key in _TOP:
        if key not in record:
            out.append(f"missing top-level field {key!r}")
    if out:
        return out
    if record["schema"] != SCHEMA:
        out.append(f"schema is {record['schema']!r}, expected {SCHEMA!r}")
    text = record["article"].get("text")
    if not isinstance(text, str):
        return out + ["article.text is not a string"]
    n = len(text)
    for where, span, expected in _spans(record):
        if not (isinstance(span, (list, tuple)) and len(span) == 2
                and all(isinstance(v, int) for v in span)):
            out.append(f"{where}: span {span!r} is not [start, end]")
            continue
        s, e = span
        if not 0 <= s <= e <= n:
            out.append(f"{where}: span {span} outside the text (length {n})")
        elif expected is not None and text[s:e] != expected:
            out.append(f"{where}: text {expected!r} != article.text[{s}:{e}] {text[s:e]!r}")
    ids = {a["id"] for a in record["actors"]}
    for a in record["actors"]:
        if a["type"] not in ACTOR_TYPES:
            out.append(f"actor {a['id']}: type {a['type']!r} not in {ACTOR_TYPES}")
    for i, s in enumerate(record["statements"]):
        if s["kind"] not in STATEMENT_KINDS:
            out.append(f"statements[{i}]: kind {s['kind']!r} unknown")
        if s["quote"] not in ("direct", "indirect", "mixed"):
            out.append(f"statements[{i}]: quote {s['quote']!r} unknown")
        if s["speaker"] is not None and s["speaker"] not in ids:
            out.append(f"statements[{i}]: speaker {s['speaker']!r} is not an actor of the record")
        by = s.get("reported_by")
        if by is not None and (not isinstance(by, int) or not 0 <= by < len(record["statements"]) or by == i):
            out.append(f"statements[{i}]: reported_by {by!r} does not point at another statement")
    for i, e in enumerate(record["events"]):
        for side in ("source", "target"):
            if e[side] is not None and e[side] not in ids:
                out.append(f"events[{i}]: {side} {e[side]!r} is not an actor of the record")
        if e.get("same_as") is not None and not 0 <= e["same_as"] < i:
            out.append(f"events[{i}]: same_as {e['same_as']} does not point at an earlier event")
    for i, t in enumerate(record["times"]):
        if t["type"] not in TIME_TYPES:
            out.append(f"times[{i}]: type {t['type']!r} unknown")
    for i, c in enumerate(record["commitments"]):
        if c["kind"] not in COMMITMENT_KINDS:
            out.append(f"commitments[{i}]: kind {c['kind']!r} unknown")
        if c["status"] not in COMMITMENT_STATUSES:
            out.append(f"commitments[{i}]: status {c['status']!r} unknown")
    return out
