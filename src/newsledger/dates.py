"""TIMEX3 values as calendar dates: the one date helper of the package (spaCy-free).

`start_date` gives the first day a value covers (for "when did it happen"), `end_date` the last
(for "when is it due"). Values that name no calendar period (PAST_REF, P3W, XXXX-08) give None.
`period_end` is stricter: the last day of a value a due date may be (a day, ISO week, month or year).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")          # also datetimes: 2025-09-01T10:00
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")


def _period(value: Optional[str]) -> Optional[tuple[date, date]]:
    if not value:
        return None
    v = value.strip()
    try:
        if m := _DAY.match(v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(v):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _WEEK.match(v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(v):
            y, q = int(m[1]), int(m[2])
            last = 3 * q
            return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1])
        if m := _HALF.match(v):
            y, h = int(m[1]), int(m[2])
            return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        if m := _YEAR.match(v):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError:  # 2025-02-30, week 54: not a date after all
        return None
    return None


def start_date(value: Optional[str]) -> Optional[str]:
    p = _period(value)
    return p[0].isoformat() if p else None


def end_date(value: Optional[str]) -> Optional[str]:
    p = _period(value)
    return p[1].isoformat() if p else None


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A TIMEX3 date a due date may be: a day, an ISO week, a month, a year (no X, no REF, no quarter).
_DUE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")


def is_day(value: Optional[str]) -> bool:
    """A TIMEX3 value of day precision ("2025-09-01")."""
    return bool(value) and bool(_DAY_VALUE.match(value))


def is_due_value(value: Optional[str]) -> bool:
    """A TIMEX3 value a due date may be: a day, an ISO week, a month or a year."""
    return bool(value) and bool(_DUE_VALUE.match(value))


def period_end(value: Optional[str]) -> Optional[str]:
    """The last day a TIMEX3 due value allows ("2025-06" -> "2025-06-30"), or None if not a due value."""
    if not is_due_value(value):
        return None
    if is_day(value):
        return value
    return end_date(value)
