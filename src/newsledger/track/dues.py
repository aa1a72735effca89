"""Due dates in follow-ups: the words of a due phrase (kept out of a commitment's act words) and the new
due date an extension gives ("until December 15", "30 more days" on the old due)."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Optional

from ..dates import end_date
from ..lexicons.commitments import load_lexicon as commitments_lexicon
from ..lexicons.times import load_lexicon as times_lexicon
from .sentences import TOKEN, Sentence

# How long after its due a deadline is still news for more time: an extension is granted while it runs, on the
# day it runs out or in the days after ("extending a deadline that passed on Monday"); once the old due is longer
# past, more time runs from the report, and time given "until" a day is a new demand (refer).
RECENT_DAYS = 14
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")
# Words of a due phrase ("by the end of March", "within 30 days", "through September"): the due date
# is scored apart, and a follow-up names it in its own words ("the end-March date") or not at all.
_DUE_WORDS = frozenset({"by", "before", "until", "till", "within", "through", "end", "beginning", "start",
                        "mid", "early", "late", "next", "last", "this", "year-end", "month-end"})


@functools.lru_cache(maxsize=4096)
def _calendar_word(token: str) -> bool:
    """A month, weekday, season or unit name: what a number beside it counts or dates."""
    tl = times_lexicon()
    return any(f(token.lower()) is not None for f in (tl.month, tl.weekday, tl.season, tl.unit))


def _time_word(token: str) -> bool:
    return token.lower() in _DUE_WORDS or _calendar_word(token)


def without_due(text: str) -> str:
    """`text` without its due phrase's words: month, weekday, season and unit names, the prepositions
    and edges of a due, and the numbers that count or date them ("30 days", "June 30")."""
    toks = TOKEN.findall(text or "")
    timey = [_time_word(t) for t in toks]
    cal = [_calendar_word(t) for t in toks]
    keep = []
    for i, tk in enumerate(toks):
        if timey[i]:
            continue
        if (tk[0].isdigit() or times_lexicon().number(tk) is not None) and (
                (i + 1 < len(toks) and cal[i + 1]) or (i > 0 and cal[i - 1])):
            continue        # "30 days", "June 30"; not "by 137,000 barrels"
        keep.append(tk)
    return " ".join(keep)



def _add(value: str, amount: float, unit: str) -> Optional[str]:
    day = end_date(value) or (value or "")[:10]
    if unit in "MY" and float(amount).is_integer():
        # "another month" from August 3 is September 3: months and years count on the calendar
        try:
            d = dt.date.fromisoformat(day)
        except ValueError:
            return None
        months = int(amount) * (12 if unit == "Y" else 1)
        y, m = divmod(d.month - 1 + months, 12)
        last = calendar.monthrange(d.year + y, m + 1)[1]
        return dt.date(d.year + y, m + 1, min(d.day, last)).isoformat()
    days = {"D": 1, "W": 7, "M": 30, "Y": 365}[unit] * amount
    return shift_days(day, round(days))


def _before(s: Sentence, tm: dict) -> str:
    lo = (tm.get("span") or [s.span[0]])[0] - s.span[0]
    return s.text[max(0, lo - 12):max(0, lo)].lower()


# the new bound's preposition; "for" of a date set anew ("rescheduled the opening for Sept. 15")
_TO = re.compile(r"\b(?:until|till|to|through|by|for)(?:\s+the)?\s*$")


def new_due(sents: list[Sentence], old_due: Optional[str], date: Optional[str]) -> Optional[str]:
    """The due date an extension gives, from the follow-up's own time expressions: a later day or month
    it names as the new bound ("until December 15", "to March 3", "by a month, to the end of March": the
    date, not the amount, when both are named); else a duration added to the old due
    date ("30 more days" on a deadline of February 1, named in the report when we had none; "extended
    ... by 90 days" however long ago that passed; a duration told in words the times did not take,
    "another month"); else a later date it names."""
    floor = max(d for d in (end_date(old_due) if old_due else None, date) if d) if (old_due or date) else ""
    days = [(s, tm) for s in sents for tm in s.times
            if tm.get("type") == "DATE" and re.match(r"^\d{4}-\d{2}-\d{2}$", tm.get("value") or "")]
    # a month named as the new bound ("pushed back by a month, to the end of March"): the date named wins
    # over the amount, which only says how much later it is
    months = [(s, tm) for s in sents for tm in s.times
              if tm.get("type") == "DATE" and re.match(r"^\d{4}-\d{2}$", tm.get("value") or "")]
    for s, tm in days + months:
        if (end_date(tm["value"]) or tm["value"]) > floor and _TO.search(_before(s, tm)):
            return tm["value"]
        later = _next_year(tm)
        if later and floor and tm["value"] <= floor < later and _TO.search(_before(s, tm)) \
                and later <= shift_days(floor, 366):
            # "postponed the cut it agreed in March to June 1": the parse may date a yearless day by a
            # past verb near it; the new bound of an extension lies ahead, so it is the next such day
            return later
    for s in sents:
        amounts = [(tm, m) for tm in s.times if tm.get("type") == "DURATION"
                   for m in [_DURATION.match(tm.get("value") or "")] if m]
        amounts += [(None, m) for m in _amounts_in_words(s, [tm for tm, _ in amounts])]
        for tm, m in amounts:
            by = _by_phrase(s, tm)
            base = end_date(old_due) if old_due else None
            if base is None:
                named = [x["value"] for x in s.times if x in [d for _, d in days] and date and x["value"] > date]
                base = named[0] if named else date
            if not by and base and date and \
                    base < (dt.date.fromisoformat(date) - dt.timedelta(days=RECENT_DAYS)).isoformat():
                base = date     # a deadline long past: the new time runs from the report
            if base:
                return _add(base, float(m.group(1)), m.group(2))
    for s, tm in days:
        if tm["value"] > floor:
            return tm["value"]
    # a later month named alone ("now expects to complete the work in May"): the month is the new due
    for s, tm in months:
        if (end_date(tm["value"]) or tm["value"]) > floor:
            return tm["value"]
    return None



# The grammar of an extension's amount: "extended the deadline by 90 days" is a by-phrase of a change (as
# "raised by 2 percent"): the amount is the difference added to the old due date, however long ago that
# passed. More time given ("two more weeks", "another month") counts from the old due too while it is
# recent (the shared chains' gold: "two more weeks, extending a deadline that passed on Monday"), from
# the report once the old due is long past.
_BY = re.compile(r"\bby\s*$", re.I)


def _more_words() -> frozenset[str]:
    return commitments_lexicon().more_words - {"another"}


def _by_phrase(s: Sentence, tm: Optional[dict]) -> bool:
    """The amount is the object of "by" ("extended ... by 90 days")."""
    if tm is None:
        return False
    lo = (tm.get("span") or [s.span[0]])[0] - s.span[0]
    return bool(_BY.search(s.text[max(0, lo - 4):max(0, lo)]))


class _Amount:
    """A duration read from words, shaped as a _DURATION match (group 1 the amount, group 2 the unit)."""
    def __init__(self, amount: float, unit: str):
        self._g = (None, str(amount), unit)

    def group(self, i: int):
        return self._g[i]


def _amounts_in_words(s: Sentence, known: list[dict]) -> list[_Amount]:
    """More time told in words the time expressions did not take ("gave Tokyo another month", "one
    more week"): an amount and a calendar unit after "another" or before a word of more
    (data/commitments.yaml extension_more_words)."""
    if known:
        return []
    out = []
    tl = times_lexicon()
    toks = s.tokens or [t.lower() for t in TOKEN.findall(s.text)]
    more = _more_words()
    for i, tk in enumerate(toks):
        if tk == "another" and i + 1 < len(toks):
            n, unit = 1.0, tl.unit(toks[i + 1])
        elif tk in more and i >= 1 and i + 1 < len(toks):
            num = tl.number(toks[i - 1]) if toks[i - 1] not in ("a", "an") else None
            if not isinstance(num, (int, float)):
                continue
            n, unit = float(num), tl.unit(toks[i + 1])
        else:
            continue
        if unit is not None and unit.code in "DWMY" and not unit.clock and unit.times == 1:
            out.append(_Amount(n, unit.code))
    return out


def shift_days(day: Optional[str], days: int) -> Optional[str]:
    """The ISO day `days` after `day` (None when it is no day)."""
    if not day:
        return None
    try:
        return (dt.date.fromisoformat((day or "")[:10]) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return None


def _next_year(tm: dict) -> Optional[str]:
    """The same day a year later, for a time whose words name no year ("June 1"); else None."""
    if re.search(r"\b\d{4}\b|'\d\d\b", tm.get("text") or "") or not re.match(r"^\d{4}-\d{2}-\d{2}$", tm.get("value") or ""):
        return None
    v = tm["value"]
    try:
        return dt.date(int(v[:4]) + 1, int(v[5:7]), int(v[8:10])).isoformat()
    except ValueError:
        return None


# A back-reference dated by when the commitment was made ("the systems pledged by Germany in July",
# "the ceiling announced in March", "the deadline set in January"): news identifies the commitment a
# follow-up reports on by the month it was made.
_DATED_BACKREF = re.compile(r"\b(?:pledged|promised|guaranteed|agreed|announced|set|given|imposed|issued|made)"
                            r"(?:\s+(?:by|to)(?:\s+the)?(?:\s+[A-Z][\w'\-]*){1,4})?\s+in\s+([A-Z][a-z]+)\b")


def dated_months(text: str, date: Optional[str]) -> set[tuple[int, int]]:
    """(year, month) of each dated back-reference in `text`: the latest such month on or before
    the article's date."""
    if not date:
        return set()
    try:
        d = dt.date.fromisoformat(date[:10])
    except ValueError:
        return set()
    out = set()
    for m in _DATED_BACKREF.finditer(text or ""):
        month = times_lexicon().month(m.group(1))
        if month:
            out.add((d.year if month <= d.month else d.year - 1, month))
    return out


_DATED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def told_before(s: Sentence, made: Optional[str]) -> bool:
    """Every date the sentence names (a year, a month or a day) comes before the commitment was made ("sent
    armoured vehicles to Latvia in 2023", "have returned bodies to each other since 2022"): the act it tells is
    an earlier one, not the promised act done (codebook: met is the act reported after the commitment)."""
    if not made:
        return False
    values = [tm["value"] for tm in s.times if isinstance(tm.get("value"), str) and _DATED.match(tm["value"])]
    return bool(values) and all(v < made[:len(v)] for v in values)
