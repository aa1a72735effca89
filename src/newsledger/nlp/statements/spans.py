"""Character spans of the text, and the overlap by which two statements' words are the same words."""
from __future__ import annotations

from typing import Sequence

CharSpan = tuple[int, int]


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Characters two [start, end) spans share over the characters of their union (0 when apart)."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    if inter == 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))
