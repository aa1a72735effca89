"""Very long articles are parsed in pieces cut at paragraph boundaries, so memory stays bounded;
the pieces' records are then shifted back onto the whole text and merged into one Ledger."""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from ..records import Actor, Article, Ledger, TextSpan

# About 5,000 words: above almost every news article, and small enough that a worker's peak memory
# (set by the longest piece: ~450 MB for 100,000 characters) stays low.
MAX_CHARS = 30_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")


def split_text(text: str, max_chars: int = MAX_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces covering the text, each at most max_chars, cut after a paragraph break,
    else after a sentence end, else at a space, else anywhere (a single enormous token)."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    pieces = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = None
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END):
            ends = [m.end() for m in pattern.finditer(window) if m.end() > max_chars // 2]
            if ends:
                cut = ends[-1]
                break
        if cut is None:
            space = window.rfind(" ", max_chars // 2)
            cut = space + 1 if space > 0 else max_chars
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, len(text)))
    return pieces


def _shift(obj, offset: int):
    """A copy of a record (or list/tuple) with every character span moved by offset."""
    if isinstance(obj, TextSpan):
        return TextSpan(obj.text, (obj.span[0] + offset, obj.span[1] + offset))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.name in ("span",) and isinstance(value, tuple):
                changes[f.name] = (value[0] + offset, value[1] + offset)
            elif f.name in ("mentions", "evidence"):
                changes[f.name] = [(s + offset, e + offset) for s, e in value]
            elif dataclasses.is_dataclass(value):
                changes[f.name] = _shift(value, offset)
        return dataclasses.replace(obj, **changes)
    return obj


def merge_ledgers(article: Article, parts: Sequence[Ledger], offsets: Sequence[int]) -> Ledger:
    """One Ledger for the whole article from the Ledgers of its pieces."""
    if len(parts) == 1 and offsets[0] == 0:
        part = parts[0]
        return dataclasses.replace(part, article=article)
    actors: dict[str, Actor] = {}
    merged = Ledger(article=article, model=parts[0].model)
    for part, offset in zip(parts, offsets):
        for actor in part.actors:
            moved = _shift(actor, offset)
            known = actors.get(moved.id)
            if known is None:
                actors[moved.id] = moved
            else:
                known.mentions.extend(m for m in moved.mentions if m not in known.mentions)
                known.roles.extend(r for r in moved.roles if r not in known.roles)
        first = len(merged.statements)
        for statement in part.statements:
            moved = _shift(statement, offset)
            if moved.reported_by is not None:       # an index into this piece's statements
                moved.reported_by += first
            merged.statements.append(moved)
        base = len(merged.events)
        for event in part.events:
            moved = _shift(event, offset)
            if moved.same_as is not None:
                moved.same_as += base
            merged.events.append(moved)
        merged.times.extend(_shift(t, offset) for t in part.times)
        merged.commitments.extend(_shift(c, offset) for c in part.commitments)
        merged.warnings.extend(w for w in part.warnings if w not in merged.warnings)
        merged.errors.extend(e for e in part.errors if e not in merged.errors)
    merged.actors = list(actors.values())
    merged.warnings.append(f"long article: parsed in {len(parts)} pieces cut at paragraph boundaries")
    return merged
