"""What the span-based scorers share: overlap, Jaccard, trimming, F1, and greedy one-to-one matching.

The scorers keep their own span arithmetic rather than borrowing the extractors': what is measured
must not change when the code being measured does (and scoring needs no spaCy).
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence


def overlap(a: Sequence[int], b: Sequence[int]) -> int:
    """Characters two [start, end) spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Characters two [start, end) spans share over the characters of their union (0 when apart)."""
    inter = overlap(a, b)
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter else 0.0


# What "trimmed" takes off both ends of a span before exact comparison (README, "exact keys"):
# spaces, quotation marks of every style, and . , ; :  The spaces are ASCII ones, as in the
# reference scoring the published figures come from: a span that ends in a no-break space is cut wrong.
QUOTATION_MARKS = "\"'“”‘’«»„‟‹›`"
TRIMMED = " \t\r\n" + QUOTATION_MARKS + ".,;:"


def trimmed(text: str, span: Sequence[int]) -> Optional[tuple[int, int]]:
    """`span` without TRIMMED characters at either end, or None when nothing is left."""
    start, end = int(span[0]), int(span[1])
    while start < end and text[start] in TRIMMED:
        start += 1
    while end > start and text[end - 1] in TRIMMED:
        end -= 1
    return (start, end) if start < end else None


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def one_to_one(candidates: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(system, gold) index pairs taken in the order given, each index used at most once.

    Callers sort their candidates best first; TempEval-3 and our attribution scoring both match greedily."""
    used_s: set[int] = set()
    used_g: set[int] = set()
    out = []
    for i, j in candidates:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        out.append((i, j))
    return out
