"""Near-duplicate text: shingled MinHash with LSH banding.

Wire stories reach many outlets with a new headline, a trimmed last paragraph or a local
sentence added. Word 5-shingles keep those versions close (most shingles survive) while two
different stories on the same subject share few. Banding (42 bands x 3 rows) makes lookups
an index probe instead of a scan; candidates are then checked on the estimated Jaccard
similarity, or containment for a version that is a trimmed copy of the other.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Optional

import numpy as np

SHINGLE_WORDS = 5
BANDS, ROWS = 42, 3
PERMUTATIONS = BANDS * ROWS
JACCARD_MIN = 0.5       # same story, edited
CONTAINMENT_MIN = 0.8   # one version is (almost) inside the other
LONGER_MAX = 1.25       # ... and the new one is not much longer (then it adds to the story)

_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)
_rng = np.random.RandomState(20250901)  # fixed: signatures must match across runs and machines
_A = _rng.randint(1, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.randint(0, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def normalize_text(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def text_sha(text: str) -> str:
    """Exact-duplicate key: the hash of the words, so whitespace and punctuation changes don't count."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


@dataclass
class Fingerprint:
    sha: str
    signature: list[int]
    size: int  # number of shingles

    def buckets(self) -> list[tuple[int, str]]:
        out = []
        for band in range(BANDS):
            rows = self.signature[band * ROWS:(band + 1) * ROWS]
            key = hashlib.blake2b(",".join(map(str, rows)).encode(), digest_size=8).hexdigest()
            out.append((band, key))
        return out


def fingerprint(text: str) -> Fingerprint:
    grams = shingles(text)
    if not grams:
        return Fingerprint(text_sha(text), [0xFFFFFFFF] * PERMUTATIONS, 0)
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little") for g in grams),
        dtype=np.uint64, count=len(grams))
    # (a*x + b) mod p per permutation; a, x < 2^32 so the product fits in 64 bits.
    permuted = ((hashes[None, :] * _A[:, None] + _B[:, None]) % _PRIME) & _MASK
    return Fingerprint(text_sha(text), permuted.min(axis=1).tolist(), len(grams))


def jaccard(sig_a: list[int], sig_b: list[int]) -> float:
    same = sum(1 for a, b in zip(sig_a, sig_b) if a == b)
    return same / len(sig_a)


def similarity(a: Fingerprint, sig_b: list[int], size_b: int) -> tuple[float, float]:
    """(estimated Jaccard, estimated containment of the smaller set in the larger)."""
    j = jaccard(a.signature, sig_b)
    if not a.size or not size_b:
        return j, 0.0
    inter = j * (a.size + size_b) / (1.0 + j)
    return j, min(1.0, inter / min(a.size, size_b))


def is_near_duplicate(a: Fingerprint, sig_b: list[int], size_b: int) -> bool:
    """Is the new text `a` the stored text b again? Either nearly the same text, or a trimmed
    copy of it. A fuller version of a stored brief is not: it carries more, so it is kept."""
    if a.size < 10 or size_b < 10:  # too short to judge: only exact copies count
        return False
    j, c = similarity(a, sig_b, size_b)
    return j >= JACCARD_MIN or (c >= CONTAINMENT_MIN and a.size <= LONGER_MAX * size_b)


def find_duplicate(fp: Fingerprint, state) -> Optional[tuple[str, str]]:
    """(article id, "exact" | "near") of a stored article with this content, or None."""
    exact = state.article_with_sha(fp.sha)
    if exact:
        return exact, "exact"
    best: Optional[tuple[float, str]] = None
    for aid in state.candidates(fp.buckets()):
        stored = state.signature(aid)
        if stored and is_near_duplicate(fp, *stored):
            score = jaccard(fp.signature, stored[0])
            if best is None or score > best[0]:
                best = (score, aid)
    return (best[1], "near") if best else None
