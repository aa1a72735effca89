"""Due dates: when something said on a given day falls due, as a TIMEX3 date value.

    resolve_due(text_or_value, anchor_date) -> Optional[str]
turns a due-date phrase ("within two weeks", "by Friday", "by March 3", "next month") or a TIMEX3 value
("P2W", "2025-09-05") said on `anchor_date` into a TIMEX3 date value: durations are added to the anchor
("P2W" on 2025-09-01 -> "2025-09-15"), dates are read forward from it ("by Friday" -> the coming Friday,
or the anchor itself when it is a Friday). A duration in hours falls due on the day the hours run out
("within 48 hours" -> two days on). The end of a period is its last day ("by the end of the month" ->
"2025-09-30", "by year-end" -> "2025-12-31"); a bare period stays a period ("by June" -> "2026-06"):
what is due in June is kept if met any day of it; a quarter or a half year, which a due date cannot be, is
due by its last day ("in the first quarter" -> "2026-03-31"), and "the end of the decade" is the last day
of its decade ("202" -> "2029-12-31"). A date that names its year resolves without an
anchor. None when nothing resolvable is found (vague durations such as "a few weeks", "PXW", included).

    due_of_expression(time_expr, anchor_date) -> Optional[str]
the same for a time expression the times component tagged in the text (doc._.times): a day is taken
as tagged; anything else is read again forward from the anchor, as a due date is ("June" said in
September is next June, whatever the tense of the sentence).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ...dates import end_date, is_day
from ...records import TimeExpr
from .component import TimeTagger
from .arithmetic import add_months
from .context import FUTURE

_TIMEX_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$")
_TIMEX_DATE = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}|Q[1-4]|H[12]))?$")
_DECADE = re.compile(r"^\d{3}$")
_PART_OF_YEAR = re.compile(r"^\d{4}-(?:Q[1-4]|H[12])$")
_END_OF_PERIOD = re.compile(r"\bend of\b|\b(?:year|month|week|quarter)-end\b", re.I)
_tagger: Optional[TimeTagger] = None


def _add_duration(anchor: dt.date, value: str) -> Optional[str]:
    m = _TIMEX_DURATION.match(value)
    if not m or not any(m.groups()):
        return None
    y, mo, w, d, h = (int(x) if x else 0 for x in m.groups())
    year, month = add_months(anchor.year, anchor.month, y * 12 + mo)
    day = min(anchor.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
                           31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    # "72 hours": a due date is a day, the day the hours run out
    return (dt.date(year, month, day) + dt.timedelta(weeks=w, days=d - (-h // 24))).isoformat()


def _resolve(s: str, anchor_date: Optional[dt.date]) -> Optional[str]:
    global _tagger
    if _TIMEX_DATE.match(s):
        return s
    if s.startswith("P"):
        return _add_duration(anchor_date, s) if anchor_date else None
    _tagger = _tagger or TimeTagger()
    for t in _tagger.tag(s, anchor_date, default_direction=FUTURE):
        if t.type == "DURATION":
            due = _add_duration(anchor_date, t.value) if anchor_date else None
            if due:
                return due
        elif t.type in ("DATE", "TIME") and t.anchor != "none" or _TIMEX_DATE.match(t.value):
            if "REF" in t.value or "X" in t.value:
                continue
            return t.value.split("T")[0]
    return None


def resolve_due(text_or_value: str, anchor_date: Optional[dt.date]) -> Optional[str]:
    """A TIMEX3 date value for a due-date phrase or TIMEX3 value said on `anchor_date` (see module doc)."""
    s = (text_or_value or "").strip()
    if not s:
        return None
    value = _resolve(s, anchor_date)
    if value and _DECADE.match(value) and _END_OF_PERIOD.search(s):
        return value + "9-12-31"        # "by the end of the decade" (TIMEX3 "202"): the last day of the 2020s
    if value and _PART_OF_YEAR.match(value):
        # "in the first quarter": due by the quarter's last day, the next one to end when no year is named
        # (said in November, next year's), as every due date is read forward from the day it was said
        if anchor_date and not re.search(r"\b\d{4}\b", s) and end_date(value) < anchor_date.isoformat():
            value = str(int(value[:4]) + 1) + value[4:]
        return end_date(value)
    if value and not is_day(value) and _END_OF_PERIOD.search(s):
        return end_date(value) or value
    return value


def due_of_expression(t: TimeExpr, anchor_date: Optional[dt.date]) -> Optional[str]:
    """A TIMEX3 date value for a tagged time expression read as a due date (see module doc)."""
    if is_day(t.value):
        return t.value
    return resolve_due(t.value if (t.value or "").startswith("P") else t.text, anchor_date)
