"""One doc's tokens as the boundary refiner (boundary.py) reads them: per-token attributes as plain
lists, read once per doc through Doc.to_array (several statements share a sentence, and spaCy Token
objects are costly to create), running counts of sentence starts and breaks, each token's quotation
region and sentence, and the branch of a cue's parse each token of a window hangs on."""
from __future__ import annotations

import functools
from typing import Optional

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .context import Reading

_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "(", ")"})
# One Doc.to_array call reads all a view needs (the HEAD column is an offset, the rest hashes or counts).
_ATTRS = ["IDX", "LOWER", "POS", "TAG", "DEP", "HEAD", "IS_PUNCT", "SENT_START", "LENGTH", "IS_SPACE"]
_BREAK_IDS = np.array(sorted(get_string_id(w) for w in _BREAKS), dtype="uint64")
_WORDS: dict[int, str] = {}     # a LOWER hash's word as a feature value (_word_of), across docs
_NAMES: dict[int, str] = {}     # a POS, TAG or DEP hash's name, across docs


def _word_of(lower: str) -> str:
    """The lowercased word as a feature value: whitespace tokens as <ws> (a feature name holds none)."""
    return "<ws>" if not lower.strip() else "".join(lower.split()).replace("-->", "->")


def _word_at(strings, h: int) -> str:
    w = _WORDS[h] = _word_of(strings[h])
    return w


def _name_at(strings, h: int) -> str:
    # (the empty label's hash is 0: spaCy's StringStore gives "" for it)
    w = _NAMES[h] = strings[h] if h else ""
    return w


class DocView:
    """Per-token attributes of one doc as plain lists, read once per doc through one Doc.to_array call
    (several statements share a sentence, and spaCy Token objects are costly to create), and the running
    counts each statement's window reads (sentence starts, breaks) with each token's quotation region.
    Strings come from hashes through memos kept across docs, so a doc adds only words no doc had."""

    def __init__(self, doc: Doc, quotes=None):
        n = len(doc)
        cols = doc.to_array(_ATTRS) if n else np.zeros((0, len(_ATTRS)), dtype="uint64")
        idx, lower, pos, tag, dep, head, punct, start, length, space = (cols[:, j] for j in range(len(_ATTRS)))
        strings = doc.vocab.strings
        if len(_WORDS) > 200_000:
            _WORDS.clear()
        self.idx = idx.tolist()
        self.ends = (idx + length).tolist()     # each token's end (Token.idx + len(Token.text))
        # the words and tags as strings, filled sentence by sentence as windows read them (`fill`):
        # most of a doc's tokens are in no statement's window
        self._strings = strings
        self._hashes = (lower.tolist(), pos.tolist(), tag.tolist(), dep.tolist())
        self.word: list = [None] * n
        self.pos: list = [None] * n
        self.tag: list = [None] * n
        self.dep: list = [None] * n
        at = np.arange(n, dtype="int64")
        self.head = (head.astype("int64") + at).tolist()
        self.punct = (punct == 1).tolist()
        self.space = (space == 1).tolist()
        starts = start == 1
        self.static_scores: dict[int, dict] = {}     # per model: summed static weights per token key
        self.regions = quotes.regions if quotes is not None else []
        self.rid = regions_at(self.idx, self.regions)
        brk = np.isin(lower, _BREAK_IDS)
        # running counts over tokens 0..i-1 (sentence starts: over 1..i, as a window counts them)
        self.sents = (np.cumsum(starts) - (starts[0] if n else 0)).tolist()
        zero = np.zeros(1, dtype="int64")
        self.breaks = np.concatenate([zero, np.cumsum(brk)]).tolist()      # breaks, quoted or not
        free = brk & (np.asarray(self.rid, dtype="int64") == -1)
        self.free_breaks = np.concatenate([zero, np.cumsum(free)]).tolist()     # outside quotations
        # each token's sentence as Token.sent has it: from the last sentence start to the next
        self.sent_begin = np.maximum.accumulate(np.where(starts, at, 0)).tolist() if n else []
        nxt = np.minimum.accumulate(np.where(starts, at, n)[::-1])[::-1]
        self.sent_end = np.concatenate([nxt[1:], np.array([n], dtype="int64")]).tolist() if n else []

    def fill(self, start: int, end: int) -> None:
        """Make the words and tags of the sentences holding tokens start..end-1 readable (and of the
        tokens just outside them, which a token's features read)."""
        if not self.sent_begin:
            return
        s = max(0, self.sent_begin[start] - 1)
        e = min(len(self.word), self.sent_end[end - 1] + 1) if end > start else s
        if None not in self.word[s:e]:
            return
        strings, words, names = self._strings, _WORDS, _NAMES
        lower, pos, tag, dep = self._hashes
        self.word[s:e] = [words.get(h) or _word_at(strings, h) for h in lower[s:e]]
        for col, hashes in ((self.pos, pos), (self.tag, tag), (self.dep, dep)):
            col[s:e] = [names.get(h) or _name_at(strings, h) for h in hashes[s:e]]
        for i in range(s, e):
            h = self.head[i]
            if self.dep[h] is None:     # (a head in another sentence: a parse across a break)
                self.dep[h] = names.get(dep[h]) or _name_at(strings, dep[h])

    def word_at(self, i: int) -> str:
        return self.word[i]

    @functools.cached_property
    def region(self) -> list[Optional[tuple[int, int]]]:
        return [self.regions[j] if j >= 0 else None for j in self.rid]


def regions_at(idx: list[int], regions: list[tuple[int, int]]) -> list[int]:
    """Per token (character offsets `idx`, ascending) the index of the quotation region holding it, or
    -1: what QuoteRegions.containing(x, x + 1) gives, for the sorted, disjoint regions."""
    if not regions or not idx:
        return [-1] * len(idx)
    return region_index(np.asarray(idx, dtype="int64"), regions).tolist()


def region_index(x: np.ndarray, regions: list[tuple[int, int]]) -> np.ndarray:
    """regions_at over an array of character offsets (regions not empty), as an array."""
    starts = np.asarray([r[0] for r in regions], dtype="int64")
    ends = np.asarray([r[1] for r in regions], dtype="int64")
    j = np.searchsorted(starts, x, side="right") - 1
    held = (j >= 0) & (ends[np.maximum(j, 0)] >= x + 1)
    return np.where(held, j, -1)


def doc_view(reading: Reading) -> DocView:
    memo = reading.memo.setdefault("boundary", {})
    view = memo.get("view")
    if view is None:
        view = memo["view"] = DocView(reading.doc, reading.quotes)
    return view


def branches(v: DocView, start: int, end: int, cue_i: int) -> list[str]:
    """For every token of start..end-1, the dependency label of the cue's child whose subtree holds it
    ("CUE" for the cue itself; "ANC" when the token governs the cue; "NONE" when neither); each head
    chain is walked once (up to 40 steps)."""
    head, dep = v.head, v.dep
    anc = set()
    x = cue_i
    for _ in range(40):
        h = head[x]
        if h == x:
            break
        anc.add(h)
        x = h
    memo: dict[int, Optional[str]] = {cue_i: None}

    def up(i: int) -> Optional[str]:
        path = []
        x = i
        for _ in range(40):
            if x in memo:
                lab = memo[x]
                break
            h = head[x]
            if h == cue_i:
                lab = dep[x]
                memo[x] = lab
                break
            if h == x:
                lab = None
                memo[x] = None
                break
            path.append(x)
            x = h
        else:
            lab = None
        for p in path:
            memo[p] = lab
        return lab

    out = []
    for i in range(start, end):
        if i == cue_i:
            out.append("CUE")
            continue
        lab = up(i)
        out.append(lab if lab is not None else "ANC" if i in anc else "NONE")
    return out
