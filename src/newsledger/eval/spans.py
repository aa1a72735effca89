"""What the span-based scorers share: overlap, F1, and greedy one-to-one matching."""
from __future__ import annotations

from typing import Iterable, Sequence


def overlap(a: Sequence[int], b: Sequence[int]) -> int:
    """Characters two [start, end) spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


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
