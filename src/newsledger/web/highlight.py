"""An article's text cut into segments, each tagged with the records whose spans cover it.

Spans overlap freely (a time inside a statement's content inside a commitment's evidence), so the
text is cut at every span boundary and each piece carries the set of records over it. The
template renders each piece as one element: no nesting, no markup from the article, all escaped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

# Kinds in drawing order: later kinds are drawn over earlier ones (the CSS follows this order).
KINDS = ("commitment", "statement", "actor", "event", "time")


@dataclass
class Mark:
    key: str                     # "s3": the record's kind letter and position in the article
    kind: str                    # one of KINDS
    start: int
    end: int


@dataclass
class Segment:
    text: str
    start: int
    keys: list[str] = field(default_factory=list)      # records over this piece
    kinds: list[str] = field(default_factory=list)     # their kinds, in KINDS order, no repeats
    anchors: list[str] = field(default_factory=list)   # records whose first span starts here


def _span(obj: Optional[dict], key: str = "span") -> Optional[tuple[int, int]]:
    sp = (obj or {}).get(key)
    if not sp or sp[0] is None or sp[1] is None:
        return None
    return int(sp[0]), int(sp[1])


def marks_of(record: dict) -> list[Mark]:
    """Every highlighted span of an article record (SCHEMA.md shape)."""
    out: list[Mark] = []

    def add(key: str, kind: str, sp: Optional[tuple[int, int]]) -> None:
        if sp is not None and sp[1] > sp[0]:
            out.append(Mark(key, kind, sp[0], sp[1]))

    for i, a in enumerate(record.get("actors") or []):
        for sp in a.get("mentions") or []:
            add(f"a{i}", "actor", _span({"span": sp}))
    for i, s in enumerate(record.get("statements") or []):
        content = _span(s.get("content"))
        add(f"s{i}", "statement", _span(s.get("cue")))
        add(f"s{i}", "statement", content or _span(s))
    for i, e in enumerate(record.get("events") or []):
        add(f"e{i}", "event", _span(e.get("trigger")) or _span(e))
    for i, t in enumerate(record.get("times") or []):
        add(f"t{i}", "time", _span(t))
    for i, c in enumerate(record.get("commitments") or []):
        for sp in c.get("evidence") or []:
            add(f"c{i}", "commitment", _span({"span": sp}))
    return out


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary; each segment lists the marks covering it."""
    n = len(text)
    marks = [Mark(m.key, m.kind, max(0, m.start), min(n, m.end)) for m in marks]
    marks = [m for m in marks if m.end > m.start]
    cuts = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    first: dict[str, int] = {}
    for m in marks:
        first[m.key] = min(first.get(m.key, n), m.start)
    anchors_at: dict[int, list[str]] = {}
    for k, s in first.items():
        anchors_at.setdefault(s, []).append(k)
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    order = {k: i for i, k in enumerate(KINDS)}
    open_: list[Mark] = []
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        open_ = [m for m in open_ if m.end > a] + starts.get(a, [])
        keys = list(dict.fromkeys(m.key for m in open_))
        kinds = sorted({m.kind for m in open_}, key=order.__getitem__)
        out.append(Segment(text[a:b], a, keys, kinds, anchors_at.get(a, [])))
    return out
