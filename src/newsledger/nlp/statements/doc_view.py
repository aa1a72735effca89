"""One doc's tokens as the boundary refiner (boundary.py) reads them: per-token attributes as plain
lists, read once per doc through Doc.to_array (several statements share a sentence, and spaCy Token
objects are costly to create), running counts of sentence starts and breaks, each token's quotation
region and sentence, and the branch of a cue's parse each token of a window hangs on."""
from __future__ import annotations

import functools
from typing import Optional

import numpy as np
from spacy.tokens import Doc

from .context import Reading

_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "(", ")"})
_WORDS: dict[int, str] = {}     # a LOWER hash's word as a feature value (_word_of), across docs


def _word_of(lower: str) -> str:
    """The lowercased word as a feature value: whitespace tokens as <ws> (a feature name holds none)."""
    return "<ws>" if not lower.strip() else "".join(lower.split()).replace("-->", "->")


class DocView:
    """Per-token attributes of one doc as plain lists, read once per doc through Doc.to_array (several
    statements share a sentence, and spaCy Token objects are costly to create), and the running counts
    each statement's window reads (sentence starts, breaks) with each token's quotation region."""

    def __init__(self, doc: Doc, quotes=None):
        strings = doc.vocab.strings

        def named(attr: str) -> tuple[list[str], list[int]]:
            # each distinct value looked up once (np.unique): the values and each token's among them
            values, where = np.unique(doc.to_array(attr), return_inverse=True)
            self.codes[attr] = where
            return [strings[int(h)] for h in values.tolist()], where.tolist()

        def spread(attr: str) -> list[str]:
            names, where = named(attr)
            self.names[attr] = names
            return [names[j] for j in where]

        self.codes: dict[str, np.ndarray] = {}      # per attribute, each token's value as an index
        self.names: dict[str, list[str]] = {}       # ... into these values
        self.idx = doc.to_array("IDX").tolist()
        values, where = np.unique(doc.to_array("LOWER"), return_inverse=True)
        self.codes["LOWER"], self.word_codes = where, where.tolist()
        if len(_WORDS) > 200_000:
            _WORDS.clear()
        words = []
        for h in values.tolist():       # words are read far more often than new ones come
            w = _WORDS.get(h)
            if w is None:
                w = _WORDS[h] = _word_of(strings[h])
            words.append(w)
        self.names["LOWER"] = words
        self.pos = spread("POS")
        self.tag_codes = named("TAG")
        self.names["TAG"] = self.tag_codes[0]
        self.dep = spread("DEP")
        n = len(self.idx)
        at = np.arange(n, dtype="int64")
        self.heads = doc.to_array("HEAD").astype("int64") + at
        self.head = self.heads.tolist()
        self.punct = doc.to_array("IS_PUNCT").astype(bool).tolist()
        starts = doc.to_array("SENT_START").astype("int64") == 1
        self.sent_start = starts.tolist()
        brk = np.isin(doc.to_array("ORTH"), np.array([strings[b] for b in _BREAKS], dtype="uint64"))
        self.brk = brk.tolist()
        self.static_scores: dict[int, dict] = {}     # per model: summed static weights per token key
        self.tables: dict[int, tuple] = {}       # per model: its per-token weights (BoundaryModel.tables)
        self.regions = quotes.regions if quotes is not None else []
        self.rid = regions_at(self.idx, self.regions)
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

    def word_at(self, i: int) -> str:
        return self.names["LOWER"][self.word_codes[i]]

    @functools.cached_property
    def word(self) -> list[str]:
        words = self.names["LOWER"]
        return [words[j] for j in self.word_codes]

    @functools.cached_property
    def tag(self) -> list[str]:
        tags, where = self.tag_codes
        return [tags[j] for j in where]

    @functools.cached_property
    def region(self) -> list[Optional[tuple[int, int]]]:
        return [self.regions[j] if j >= 0 else None for j in self.rid]


def regions_at(idx: list[int], regions: list[tuple[int, int]]) -> list[int]:
    """Per token (character offsets `idx`, ascending) the index of the quotation region holding it, or
    -1: what QuoteRegions.containing(x, x + 1) gives, for the sorted, disjoint regions."""
    if not regions or not idx:
        return [-1] * len(idx)
    x = np.asarray(idx, dtype="int64")
    starts = np.asarray([r[0] for r in regions], dtype="int64")
    ends = np.asarray([r[1] for r in regions], dtype="int64")
    j = np.searchsorted(starts, x, side="right") - 1
    held = (j >= 0) & (ends[np.maximum(j, 0)] >= x + 1)
    return np.where(held, j, -1).tolist()


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
