"""One doc's tokens as the boundary refiner (boundary.py) reads them: per-token attributes as plain
lists, read once per doc through Doc.to_array (several statements share a sentence, and spaCy Token
objects are costly to create), running counts of sentence starts and breaks, each token's quotation
region and sentence, and the branch of a cue's parse each token of a window hangs on."""
from __future__ import annotations

import bisect
import functools
from typing import Optional

import numpy as np
from spacy.attrs import DEP, HEAD, IS_PUNCT, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..grammar.doc_cache import sentences
from .context import Reading

_BREAKS = frozenset({",", ";", ":", "—", "–", "--", "(", ")"})
# Doc.to_array reads a column at about 130 instructions a token (spaCy takes the GIL for each value), so
# a view reads each column once and only where it needs it: IDX, POS and LOWER are the cue finder's
# (token_columns.py, kept in Reading.memo); the gate reads sentences from Doc.sents and the token or two
# after a span from the tokens; the window's four only in a doc where a window is scored, and turned into
# lists only for the sentences a scored window reads (the HEAD column is an offset, the rest hashes or
# flags): a doc of 500 tokens with one statement scored makes lists of 50 of them, not all.
COLUMNS = ["IDX", "POS", "LOWER"]
_ATTRS = [TAG, DEP, HEAD, IS_PUNCT]      # read where a window of the doc is scored
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

    def __init__(self, doc: Doc, quotes=None, columns: Optional[np.ndarray] = None):
        n = len(doc)
        self.n = n
        self._doc = doc
        if columns is None or len(columns) != n:
            columns = doc.to_array(COLUMNS) if n else np.zeros((0, len(COLUMNS)), dtype="uint64")
        self._idx = columns[:, 0].astype("int64")
        self._pos_lower = columns[:, 1], columns[:, 2]
        self._strings = doc.vocab.strings
        self.static_scores: dict[int, dict] = {}     # per model: summed static weights per token key
        self.emitted: dict[tuple, tuple] = {}     # per model and statement: its window's scores (boundary.py)
        self.regions = quotes.regions if quotes is not None else []
        # each sentence's first token, then n: from Doc.sents, which makes a Span a sentence (a few
        # dozen a doc) where a SENT_START column costs ~130 instructions a token
        try:
            self._starts = [s.start for s in sentences(doc)] + [n] if n else [0]
        except ValueError:      # no sentence boundaries set: one sentence
            self._starts = [0, n] if n else [0]
        self._np: Optional[dict] = None      # the columns a scored window reads (`_tables`)

    @functools.cached_property
    def idx(self) -> list[int]:
        return self._idx.tolist()

    def _tables(self) -> dict:
        """The columns of a window's tokens, made the first time a statement of the doc is scored (the
        refiner's gate turns most away): one more Doc.to_array, the running counts over the doc, and the
        lists `fill` writes sentence by sentence as windows read them."""
        if self._np is not None:
            return self._np
        n = self.n
        if len(_WORDS) > 200_000:
            _WORDS.clear()
        pos, lower = self._pos_lower
        idx = self._idx
        starts = np.zeros(n, dtype="int64")     # 1 where a sentence starts, token 0 aside
        starts[self._starts[1:-1]] = 1
        brk = (lower[:, None] == _BREAK_IDS).any(1)      # (np.isin sorts: slower for 8 words)
        rid = region_index(idx, self.regions) if self.regions and n else np.full(n, -1)
        zero = np.zeros(1, dtype="int64")
        self._np = {
            "rid": rid,
            # running counts over tokens 0..i-1 (sentence starts: over 1..i, as a window counts them)
            "sents": np.cumsum(starts),
            "breaks": np.concatenate([zero, np.cumsum(brk)]),      # breaks, quoted or not
            "free_breaks": np.concatenate([zero, np.cumsum(brk & (rid == -1))]),    # outside quotations
        }
        # TAG, DEP, HEAD, IS_PUNCT of every token: one Doc.to_array (Span.to_array, sentence by sentence,
        # costs some twenty times as much a token), turned into lists sentence by sentence by `fill`
        self._window = self._doc.to_array(_ATTRS)
        self._hashes = (lower, pos)
        for name in ("head", "punct", "rid", "sents", "word", "pos", "tag", "dep"):
            setattr(self, name, [None] * n)
        self.breaks: list = [None] * (n + 1)
        self.free_breaks: list = [None] * (n + 1)
        self._filled = bytearray(len(self._starts))      # per sentence: its columns are filled
        return self._np

    def sentence(self, i: int) -> tuple[int, int]:
        """The first token of token i's sentence and the token after its last (as Token.sent)."""
        k = bisect.bisect_right(self._starts, i) - 1
        return self._starts[k], self._starts[k + 1]

    def next_word(self, i: int, stop: Optional[int] = None) -> int:
        """The first token after i that is neither punctuation nor space (n when none is; `stop` when
        none is before it), read from the tokens themselves: the gate asks about the token or two
        after a span's end."""
        doc = self._doc
        stop = self.n if stop is None else stop
        for j in range(i + 1, stop):
            t = doc[j]
            if not (t.is_punct or t.is_space):
                return j
        return stop

    def fill(self, start: int, end: int) -> None:
        """Make every column readable for the sentences holding tokens start..end-1 (and for those of
        their tokens' heads)."""
        if end <= start:
            return
        cols = self._tables()
        starts = self._starts
        k0 = bisect.bisect_right(starts, start) - 1
        k1 = bisect.bisect_right(starts, end - 1) - 1
        if all(self._filled[k0:k1 + 1]):
            return
        s, e = starts[k0], starts[k1 + 1]
        for k in range(k0, k1 + 1):
            self._filled[k] = 1
        for name in ("rid", "sents"):
            getattr(self, name)[s:e] = cols[name][s:e].tolist()
        self.breaks[s:e + 1] = cols["breaks"][s:e + 1].tolist()
        self.free_breaks[s:e + 1] = cols["free_breaks"][s:e + 1].tolist()
        tag, dep, head, punct = self._window[s:e].T.tolist()
        self.head[s:e] = [(h if h < 2 ** 63 else h - 2 ** 64) + i for i, h in enumerate(head, s)]
        self.punct[s:e] = [p == 1 for p in punct]
        strings, words, names = self._strings, _WORDS, _NAMES
        lower, pos = self._hashes
        self.word[s:e] = [words.get(h) or _word_at(strings, h) for h in lower[s:e].tolist()]
        for col, hashes in ((self.pos, pos[s:e].tolist()), (self.tag, tag), (self.dep, dep)):
            col[s:e] = [names.get(h) or _name_at(strings, h) for h in hashes]
        for i in range(s, e):
            h = self.head[i]
            if not s <= h < e:      # (a head in another sentence: a parse across a break)
                self.fill(h, h + 1)

    def scores(self, model, reading: Reading, a, start: int, end: int, first: int, stop: int) -> list[float]:
        """model.fast_emissions of tokens first..stop-1 in the window start..end, sliced from the whole
        window's when the model kept them for this statement in `emitted` (`recut` reads its start from
        the whole window, then its end): each token scores the same float in either."""
        kept = self.emitted.get((id(model), statement_key(a)))
        if kept is not None and kept[0] == start and kept[1] == end and start + len(kept[2]) >= stop:
            return kept[2][first - start:stop - start]
        return model.fast_emissions(reading, a, start, end, first, stop)

    def end(self, i: int) -> int:
        """Token i's end (Token.idx + len(Token.text)): read for the few tokens a span ends at."""
        return self.idx[i] + len(self._doc[i])

    def word_at(self, i: int) -> str:
        return self.word[i]

    @functools.cached_property
    def region(self) -> list[Optional[tuple[int, int]]]:
        return [self.regions[j] if j >= 0 else None for j in self._tables()["rid"].tolist()]


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


def statement_key(a) -> tuple:
    """What the refiner's scores of a statement's window read of it (boundary.fast_emissions)."""
    return (a.cue_token, a.content, a.speaker, a.cue, a.rule)


def doc_view(reading: Reading) -> DocView:
    memo = reading.memo.setdefault("boundary", {})
    view = memo.get("view")
    if view is None:
        view = memo["view"] = DocView(reading.doc, reading.quotes,
                                      reading.memo.get("token_columns", {}).get("columns"))
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
