"""Quotation regions of a text: where direct speech starts and ends, paragraph continuations included.

Curly quotes say which way they face; a straight '"' opens after a space, line start or opening
bracket and closes otherwise. A quote left open at a paragraph end continues when the next paragraph
opens with a quote mark again (the newspaper convention for multi-paragraph quotations); otherwise
it ends with its paragraph. Inside a passage opened with a straight mark, a curly pair quotes within it
(a title, a phrase: '"WALLACE: as “The Wall Street Journal” wrote, ...') and closes nothing but itself.
"""
from __future__ import annotations

import bisect
import re

_OPEN = "“«"
_CLOSE = "”»"
_MARK = re.compile(r"[“”«»\"]|''|\n")


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    if ch == "'":
        ch = '"'                   # a doubled apostrophe standing for a quote mark
    if ch in _OPEN:
        return True
    if ch in _CLOSE:
        return False
    prev = text[i - 1] if i else " "
    return prev.isspace() or prev in "([{—–-/:"


def _typed_for_closer(text: str, i: int) -> bool:
    """An opening curly mark typed where a closer belongs: after the quotation's last punctuation and
    before a space ("wrong,“ he said")."""
    return text[i - 1] in ",.!?;" and (i + 1 == len(text) or text[i + 1].isspace())


class QuoteRegions:
    def __init__(self, text: str):
        self._text = text
        self.regions: list[tuple[int, int]] = []
        start = None
        n = len(text)
        para_open = False          # just crossed a paragraph break inside an open quotation
        inner = False              # inside a curly quotation within a straight-quoted passage
        for m in _MARK.finditer(text):
            i = m.start()
            ch = text[i]
            if ch == "'":
                ch = '"'
            if ch == "\n":
                if start is None:
                    continue
                j = i
                while j < n and text[j].isspace():
                    j += 1
                # a quotation goes on only with the same kind of mark (stray straight quotes abound)
                same = j < n and ((text[j] in '“«') if text[start] in '“«'
                                  else (text[j] == '"' or text.startswith("''", j)))
                if same:
                    para_open = True      # the quotation goes on in the next paragraph
                    continue
                end = i
                while end > start and text[end - 1].isspace():
                    end -= 1
                self.regions.append((start, end))
                start = None
            elif start is None:
                if _opens(text, i):
                    start, inner = i, False
            elif para_open:
                para_open = False         # the repeated opener of a continued paragraph
            elif text[start] not in _OPEN and ch == "“" and not _typed_for_closer(text, i):
                inner = True              # a curly quotation inside a straight-quoted passage
            elif inner and text[i] == "”":
                inner = False             # ... closes, and the passage goes on
            elif not _opens(text, i) or ch == '"' or (ch == "“" and _typed_for_closer(text, i)):
                # a closer; a straight quote while one is open; or an opener typed for a closer ("wrong,“ he)
                self.regions.append((start, m.end()))
                start = None
        if start is not None:
            self.regions.append((start, n))
        self._starts = [r[0] for r in self.regions]

    def containing(self, start: int, end: int) -> tuple[int, int] | None:
        """The region that holds [start, end) wholly, or None."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self.regions[i][1] >= end:
            return self.regions[i]
        return None

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        out = []
        while i < len(self.regions) and self.regions[i][0] < end:
            if self.regions[i][1] > start:
                out.append(self.regions[i])
            i += 1
        return out

    def before(self, pos: int) -> tuple[int, int] | None:
        """The last region that opens before `pos`."""
        i = bisect.bisect_left(self._starts, pos) - 1
        return self.regions[i] if i >= 0 else None

    def first_from(self, pos: int) -> tuple[int, int] | None:
        """The first region that opens at or after `pos`."""
        i = bisect.bisect_left(self._starts, pos)
        return self.regions[i] if i < len(self.regions) else None

    def next_after(self, pos: int, limit: int = 3) -> tuple[int, int] | None:
        """The region that opens at `pos` after at most `limit` blank characters, or None."""
        i = bisect.bisect_left(self._starts, pos)
        if i < len(self.regions):
            r = self.regions[i]
            gap = self._text[pos:r[0]]
            if len(gap) <= limit and not gap.strip():
                return r
        return None
