"""Calendar arithmetic for TIMEX3 values: formatting, month and quarter steps, movable days, and the
year of an expression that names none."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ...lexicons.times import Lexicon
from .context import FUTURE, PAST, UNKNOWN


def fmt_day(d: dt.date) -> str:
    return d.isoformat()


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def quarter_end(yq: tuple[int, int]) -> dt.date:
    y, m = add_months(yq[0], yq[1] * 3, 1)
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def add_quarters(yq: tuple[int, int], delta: int) -> tuple[int, int]:
    n = yq[0] * 4 + yq[1] - 1 + delta
    return n // 4, n % 4 + 1


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) ISO weekday of a month."""
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(weekday - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    nm = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return nm - dt.timedelta(days=(nm.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return dt.date(year, month, (h + l_ - 7 * m + 114) % 31 + 1)


def closest_year(candidates: list[tuple[int, dt.date]], anchor: dt.date, direction: int,
                 slack: int = 7) -> int:
    """Of (year, date) candidates, the year nearest the anchor on the side the tense points to."""
    if direction < 0:
        pool = [c for c in candidates if c[1] <= anchor + dt.timedelta(days=slack)] or candidates
    elif direction > 0:
        pool = [c for c in candidates if c[1] >= anchor - dt.timedelta(days=slack)] or candidates
    else:
        pool = candidates
    return min(pool, key=lambda c: (abs((c[1] - anchor).days), -c[0]))[0]


def infer_year(month: int, anchor: dt.date, direction: int) -> int:
    """The year of a month named without one: the anchor's, unless the tense points across a year end
    ("said in December" read in January is last December; "will open in January" read in December is next)."""
    # A month just ahead is more often still to come than a year gone, even in a past-tense report.
    if direction == PAST and month > anchor.month + 1:
        return anchor.year - 1
    if direction == FUTURE and month < anchor.month - 1:
        return anchor.year + 1
    if direction == UNKNOWN and abs(month - anchor.month) > 8:  # "in January" read in October
        return anchor.year - 1 if month > anchor.month else anchor.year + 1
    return anchor.year


def year_of(text: str, lex: Lexicon) -> Optional[int]:
    """The year a matched year text names: "1998", "'98", "98", or words ("nineteen ninety-eight")."""
    t = text.strip()
    if re.fullmatch(r"\d{4}", t):
        return int(t)
    if re.fullmatch(r"'?\d{2}", t):
        y = int(t.lstrip("'"))
        return 2000 + y if y < 30 else 1900 + y
    return lex.year_words(t)
