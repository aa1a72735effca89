"""TIMEX3 values for recognized expressions: calendar arithmetic, anchoring and tense.

Every normalizer takes the match's named groups and a `Context` (publication date, the narrative's
reference time, the tense around the expression) and returns a `Value`, or None to drop the match.
Relative expressions need an anchor: without one they keep a partial value ("XXXX-08") with anchor
"none", never a guess.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from ...lexicons.times import Lexicon, Unit, load_lexicon

SEASONS = ("SP", "SU", "FA", "WI")  # in the order a year (spring to the winter it ends in) has them
_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                    6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}
_BACK = {"last", "the past", "the last", "the previous", "the prior", "this past", "early last",
         "late last", "previous", "prior", "preceding", "before"}
_FORWARD = {"next", "the coming", "the next", "the following", "this coming", "early next", "late next",
            "following", "after"}
_NARRATIVE = {"that", "the same", "later that", "earlier that", "the following", "the previous",
              "the prior", "following", "previous", "prior", "preceding", "same", "before", "after"}


@dataclass
class Value:
    value: str
    type: Optional[str] = None      # overrides the rule's type
    anchor: str = "published"       # published | narrative | none
    day: Optional[dt.date] = None   # the day it names, when it names one (new narrative reference)
    quarter: Optional[tuple[int, int]] = None


_DURATION = re.compile(r"^PT?[\dX]")

# Context.direction: where the tense points an expression that needs a side of the anchor.
# SCHEDULED: the simple present of an event verb ("Arafat and Netanyahu meet Monday"), which news uses for
# what is planned: forward for a weekday, like PRESENT elsewhere.
PAST, UNKNOWN, FUTURE, NEAREST, PRESENT, SCHEDULED = -1, 0, 1, 2, 3, 4


@dataclass
class Context:
    published: Optional[dt.date] = None
    # PAST ("said Friday"), FUTURE ("will meet Friday", "payable Dec. 7"), NEAREST ("a Monday deadline":
    # the nearer of the last and the coming one), PRESENT (a simple present, which in news mostly reports:
    # like UNKNOWN, but it never moves a month across the year end), or UNKNOWN
    direction: int = UNKNOWN
    ref_day: Optional[dt.date] = None          # the narrative's reference time (a day) ...
    ref_month: Optional[dt.date] = None        # ... its month (a day or a month named: "In March ... the
                                               # following month"; only month- and year-sized steps use it)
    ref_year: Optional[int] = None             # ... or at least its year ("June 1998 ... later that year")
    ref_quarter: Optional[tuple[int, int]] = None
    quarter_near: bool = False                 # the quarter was named close before this expression


# ---- calendar helpers --------------------------------------------------------------------------
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


def _year(text: str, lex: Lexicon) -> Optional[int]:
    t = text.strip()
    if re.fullmatch(r"\d{4}", t):
        return int(t)
    if re.fullmatch(r"'?\d{2}", t):
        y = int(t.lstrip("'"))
        return 2000 + y if y < 30 else 1900 + y
    return lex.year_words(t)


# ---- normalizers -------------------------------------------------------------------------------
class Normalizer:
    def __init__(self, lexicon: Optional[Lexicon] = None):
        self.lex = lexicon or load_lexicon()
        self.funcs: dict[str, Callable[[dict, Context], Optional[Value]]] = {
            name[5:]: getattr(self, name) for name in dir(self) if name.startswith("norm_")}

    def __call__(self, norm: str, groups: dict, ctx: Context, fixed: Optional[str] = None) -> Optional[Value]:
        if norm == "fixed":  # a duration is anchored on nothing; PAST_REF ... on the time of writing
            return Value(fixed or "", anchor="none" if _DURATION.match(fixed or "") else "published")
        return self.funcs[norm](groups, ctx)

    # -- helpers
    def _month(self, g: dict) -> Optional[int]:
        if "monthn" in g:
            return int(g["monthn"])
        return self.lex.month(g["month"]) if "month" in g else None

    def _unit(self, g: dict, key: str = "unit") -> Optional[Unit]:
        return self.lex.unit(g.get(key, "")) if g.get(key) else None

    # -- calendar dates
    def norm_date(self, g: dict, ctx: Context) -> Optional[Value]:
        month = self._month(g)
        day = int(re.sub(r"\D", "", g["day"])) if g.get("day") else None
        if not month or (day is not None and not 1 <= day <= 31):
            return None
        if g.get("year"):
            year = _year(g["year"], self.lex)
            if year is None:
                return None
            if day is None:
                return Value(f"{year}-{month:02d}", anchor="none")
            try:
                d = dt.date(year, month, day)
            except ValueError:
                return None
            return Value(fmt_day(d), anchor="none", day=d)
        if day is None:
            return self.norm_month(g, ctx)
        if ctx.published is None:
            return Value(f"XXXX-{month:02d}-{day:02d}", anchor="none")
        cands = []
        for y in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1):
            try:
                cands.append((y, dt.date(y, month, day)))
            except ValueError:
                pass
        if not cands:
            return None
        year = infer_year(month, ctx.published, ctx.direction)
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        return Value(fmt_day(d), day=d)

    def norm_month(self, g: dict, ctx: Context) -> Optional[Value]:
        month = self._month(g)
        if not month:
            return None
        if ctx.published is None:
            return Value(f"XXXX-{month:02d}", anchor="none")
        p = ctx.published
        rel = (g.get("rel") or "").lower()
        if rel in ("last", "this past", "the past"):
            year = p.year if month < p.month else p.year - 1
        elif rel in ("next", "this coming", "the coming"):
            year = p.year if month > p.month else p.year + 1
        elif rel == "this":
            year = p.year
        else:
            year = infer_year(month, p, ctx.direction)
        return Value(f"{year}-{month:02d}")

    def norm_month_rel_year(self, g: dict, ctx: Context) -> Optional[Value]:
        month = self._month(g)
        if not month:
            return None
        if ctx.published is None:
            return Value(f"XXXX-{month:02d}", anchor="none")
        delta = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return Value(f"{ctx.published.year + delta}-{month:02d}")

    def norm_week_of(self, g: dict, ctx: Context) -> Optional[Value]:
        v = self.norm_date(g, ctx)
        if v is None or v.day is None:
            return v
        return Value(fmt_week(v.day), anchor=v.anchor)

    def norm_holiday(self, g: dict, ctx: Context) -> Optional[Value]:
        rule = self.lex.holidays.get(re.sub(r"\s+", " ", g["holiday"].lower()).rstrip("."))
        if rule is None:
            return None
        year = _year(g["year"], self.lex) if g.get("year") else None
        if year is None and ctx.published is None:
            return Value("XXXX-XX-XX", anchor="none")

        def on(y: int) -> dt.date:
            if rule == "easter":
                return easter(y)
            if rule == "election":
                return nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)
            parts = rule.split()
            if len(parts) == 3:
                n, wd, m = map(int, parts)
                return nth_weekday(y, m, wd, n)
            m, d = map(int, rule.split("-"))
            return dt.date(y, m, d)

        if year is not None:
            d = on(year)
            return Value(fmt_day(d), anchor="none", day=d)
        p = ctx.published
        rel = (g.get("rel") or "").lower()
        cands = [(y, on(y)) for y in (p.year - 1, p.year, p.year + 1)]
        direction = -1 if rel == "last" else 1 if rel == "next" else ctx.direction
        if rel == "last":
            cands = [c for c in cands if c[1] < p] or cands
        elif rel == "next":
            cands = [c for c in cands if c[1] > p] or cands
        d = on(closest_year(cands, p, direction, slack=0))
        return Value(fmt_day(d), day=d)

    # -- years, decades, centuries
    def norm_year(self, g: dict, ctx: Context) -> Optional[Value]:
        year = _year(g.get("year") or g.get("year2", ""), self.lex)
        return Value(str(year), anchor="none") if year else None

    def norm_decade(self, g: dict, ctx: Context) -> Optional[Value]:
        if g.get("decade"):
            return Value(g["decade"][:3], anchor="none")
        digit = g.get("decade2", "")[:1] or {
            "twenties": "2", "thirties": "3", "forties": "4", "fifties": "5", "sixties": "6",
            "seventies": "7", "eighties": "8", "nineties": "9"}.get(g.get("decadew", "").lower())
        if not digit:
            return None
        now = ctx.published.year if ctx.published else 1999
        century = 20 if 2000 + int(digit) * 10 <= now else 19
        return Value(f"{century}{digit}", anchor="published" if ctx.published else "none")

    def norm_century(self, g: dict, ctx: Context) -> Optional[Value]:
        n = self.lex.ordinals.get(g["ord"].lower())
        return Value(f"{n - 1:02d}", anchor="none") if n else None

    # -- quarters and halves
    def _quarter_year(self, g: dict, q: int, ctx: Context) -> Optional[int]:
        for key in ("year", "year2"):
            if g.get(key):
                return _year(g[key], self.lex)
        if ctx.published is None:
            return None
        p = ctx.published
        if g.get("relyear"):
            return p.year + {"this": 0, "last": -1, "next": 1}[g["relyear"].lower()]
        if g.get("yearago"):
            base = ctx.ref_quarter[0] if ctx.ref_quarter else p.year
            return base - 1
        pq = quarter_of(p)[1]
        if q > pq and (ctx.direction == PAST or (ctx.direction == UNKNOWN and q - pq >= 2)):
            return p.year - 1
        return p.year

    def norm_quarter(self, g: dict, ctx: Context) -> Optional[Value]:
        if g.get("code"):  # "Q3 2025", "Q4'24"
            g = dict(g, ord=g["code"][1] + {"1": "st", "2": "nd", "3": "rd", "4": "th"}[g["code"][1]])
            if g.get("yy"):
                g["year2"] = g["yy"]
        q = self.lex.ordinals.get(g["ord"].lower())
        if not q or q > 4:
            return None
        year = self._quarter_year(g, q, ctx)
        if year is None:
            return Value(f"XXXX-Q{q}", anchor="none")
        explicit = any(g.get(k) for k in ("year", "year2"))
        return Value(f"{year}-Q{q}", anchor="none" if explicit else "published", quarter=(year, q))

    def norm_half(self, g: dict, ctx: Context) -> Optional[Value]:
        h = 1 if g["ord"].lower() == "first" else 2
        y2 = (g.get("year2") or "").lower()
        year = None
        if g.get("year"):
            year = _year(g["year"], self.lex)
        elif y2 and y2[0].isdigit():
            year = _year(y2, self.lex)
        elif ctx.published is not None:
            year = ctx.published.year + (-1 if y2.startswith("last") else 1 if y2.startswith("next") else 0)
        if not year:
            return Value(f"XXXX-H{h}", anchor="none")
        explicit = bool(g.get("year")) or (y2[:1].isdigit())
        return Value(f"{year}-H{h}", anchor="none" if explicit else "published")

    def norm_anaphoric_quarter(self, g: dict, ctx: Context) -> Optional[Value]:
        qrel = (g.get("qrel") or "").lower()
        ago = bool(g.get("yearago") or g.get("yearago2") or "year-" in qrel)
        shift = {"last": -1, "this": 0, "next": 1}.get((g.get("relyear") or "").lower())
        head = re.sub(r"\s+", " ", (g.get("head") or "").lower())
        if head == "period" and not qrel and not ctx.ref_quarter and not g.get("year"):
            return None  # "the period" is only a quarter where the text reports quarters
        if g.get("year"):  # "the 1988 quarter": the quarter in question, in that year
            year = int(g["year"])
            if head == "nine months":
                return Value(str(year), anchor="none")
            q = self.lex.ordinals.get((g.get("ord") or "").lower())
            anchor = "none"  # the year is stated; the quarter too, or else taken from the text or the date
            if not q:
                if ctx.ref_quarter:
                    q, anchor = ctx.ref_quarter[1], "narrative"
                elif ctx.published is not None:
                    q, anchor = add_quarters(quarter_of(ctx.published), -1)[1], "published"
                else:
                    return Value(str(year), anchor="none")
            return Value(f"{year}-Q{q}", anchor=anchor)
        if ctx.published is None:
            return Value("XXXX-QX", anchor="none")
        anchor = "published"
        if "current" in qrel or ((g.get("det") or "").lower() == "this" and not ctx.ref_quarter):
            yq = quarter_of(ctx.published)
        elif ctx.ref_quarter and (ctx.quarter_near or not ago or g.get("head")):
            yq, anchor = ctx.ref_quarter, "narrative"
        else:
            if ago and not g.get("head"):  # "year-earlier net income" far from any quarter
                return Value(str(ctx.published.year - 1))
            yq = add_quarters(quarter_of(ctx.published), -1)
        if ago or shift:
            yq = (yq[0] - 1 if ago else yq[0] + shift, yq[1])
            return Value(f"{yq[0]}-Q{yq[1]}", anchor=anchor)
        return Value(f"{yq[0]}-Q{yq[1]}", anchor=anchor, quarter=yq)

    def norm_quarter_ended(self, g: dict, ctx: Context) -> Optional[Value]:
        """"The quarter ended Sept. 30": a fiscal quarter, named by its ordinal where it has one ("its fourth
        quarter ended Sept. 30" -> Q4 of that year), else the one the text has named, else the calendar
        quarter holding most of its three months."""
        ordinal = re.search(r"\b(first|second|third|fourth)\b", g.get("t", "").lower())
        end = self.norm_date({k: g[k] for k in ("month", "day", "year") if g.get(k)},
                             Context(ctx.published, PAST))
        if end is None or end.day is None:
            return None
        anchor = end.anchor  # "none" when the end date states its year
        if ordinal:  # fiscal quarters are named by the year they end in
            yq = (end.day.year, self.lex.ordinals[ordinal.group(1)])
        elif ctx.ref_quarter and ctx.quarter_near and ctx.ref_quarter[0] == end.day.year:
            yq, anchor = ctx.ref_quarter, "narrative"  # the fiscal quarter the text has named
        else:  # the calendar quarter holding most of the three months ("ended July 31" -> Q2)
            yq = quarter_of(end.day - dt.timedelta(days=45))
        return Value(f"{yq[0]}-Q{yq[1]}", anchor=anchor, quarter=yq)

    def norm_year_ago(self, g: dict, ctx: Context) -> Optional[Value]:
        if ctx.ref_quarter and ctx.quarter_near:
            y, q = ctx.ref_quarter
            return Value(f"{y - 1}-Q{q}", anchor="narrative")
        if g["dir"].lower() == "earlier" and ctx.ref_month:
            return Value(str(ctx.ref_month.year - 1), anchor="narrative")
        if ctx.published is None:
            return Value("XXXX", anchor="none")
        return Value(str(ctx.published.year - 1))

    # -- days relative to the publication date
    def norm_deictic(self, g: dict, ctx: Context) -> Optional[Value]:
        word = g["deictic"].lower()
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        if g.get("beyond"):
            shift += -1 if g["beyond"].lower() == "before" else 1
        pod = g.get("pod")
        code = self.lex.parts_of_day.get(pod.lower()) if pod else ("NI" if word == "tonight" else None)
        if ctx.published is None:
            return Value("XXXX-XX-XX" + (f"T{code}" if code else ""), anchor="none",
                         type="TIME" if code else "DATE")
        d = ctx.published + dt.timedelta(days=shift)
        if code:
            return Value(f"{fmt_day(d)}T{code}", type="TIME", day=d)
        return Value(fmt_day(d), day=d)

    def norm_part_of_day(self, g: dict, ctx: Context) -> Optional[Value]:
        code = self.lex.parts_of_day.get(g["pod"].lower())
        rel = (g.get("rel") or "").lower()
        shift = -1 if rel in ("last", "yesterday") else 1 if rel == "tomorrow" else 0
        if ctx.published is None:
            return Value(f"XXXX-XX-XXT{code}", anchor="none")
        d = ctx.published + dt.timedelta(days=shift)
        return Value(f"{fmt_day(d)}T{code}", day=d)

    def norm_relative(self, g: dict, ctx: Context) -> Optional[Value]:
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        unit = re.sub(r"\s+", " ", g["unit"].lower())
        delta = -1 if rel in _BACK else 1 if rel in _FORWARD else 0
        ref = ctx.ref_day if unit in ("week", "weekend") else ctx.ref_month
        # "the next month" looks ahead from the time of writing, unless the text tells its past ("withdrew
        # in March; the party nominated him the next month").
        narrative = ref is not None and (rel in _NARRATIVE or (rel == "the next" and ctx.direction == PAST))
        base = ref if narrative else ctx.published
        if rel in _NARRATIVE and unit in ("year", "fiscal year") and ctx.ref_year is not None:
            return Value(str(ctx.ref_year + delta), anchor="narrative")
        anchor = "narrative" if narrative else "published"
        if unit in ("decade", "century") and rel in ("the past", "the last"):
            return Value("P10Y" if unit == "decade" else "P100Y", type="DURATION", anchor="none")
        if base is None:
            partial = {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "fiscal year": "XXXX",
                       "quarter": "XXXX-QX", "weekend": "XXXX-WXX-WE", "decade": "XXX", "century": "XX"}
            return Value(partial.get(unit, "XXXX"), anchor="none")
        if unit == "week":
            return Value(fmt_week(base + dt.timedelta(weeks=delta)), anchor=anchor)
        if unit == "weekend":
            # The weekend of the week meant: "last weekend" read on a Monday is the one just gone.
            d = base + dt.timedelta(weeks=delta)
            if delta == 0 and ctx.direction < 0 and base.isoweekday() < 6:
                d = base - dt.timedelta(weeks=1)
            return Value(fmt_week(d) + "-WE", anchor=anchor)
        if unit == "month":
            y, m = add_months(base.year, base.month, delta)
            return Value(f"{y}-{m:02d}", anchor=anchor)
        if unit in ("year", "fiscal year"):
            return Value(str(base.year + delta), anchor=anchor)
        if unit == "quarter":
            yq = add_quarters(quarter_of(base), delta)
            return Value(f"{yq[0]}-Q{yq[1]}", anchor=anchor, quarter=yq)
        if unit == "decade":
            return Value(str(base.year // 10 + delta), anchor=anchor)
        if unit == "century":
            return Value(f"{base.year // 100 + delta:02d}", anchor=anchor)
        return None

    def norm_season(self, g: dict, ctx: Context) -> Optional[Value]:
        season = self.lex.seasons.get(g["season"].lower())
        if not season:
            return None
        if g.get("year"):
            year = _year(g["year"], self.lex)
            return Value(f"{year}-{season}", anchor="none") if year else None
        if ctx.published is None:
            return Value(f"XXXX-{season}", anchor="none")
        p = ctx.published
        rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
        # A winter belongs to the year it starts in: January 2025 is in 2024-WI.
        now = SEASONS.index(_SEASON_OF_MONTH[p.month])
        year = p.year - 1 if p.month < 3 else p.year
        idx = SEASONS.index(season)
        if rel in ("last", "this past", "the past"):
            year = year if idx < now else year - 1
        elif rel in ("next", "this coming", "the coming"):
            year = year if idx > now else year + 1
        elif rel in ("this", "that"):
            pass
        elif ctx.direction == PAST and idx > now:
            year -= 1
        elif ctx.direction == FUTURE and idx < now:
            year += 1
        return Value(f"{year}-{season}")

    def norm_weekday(self, g: dict, ctx: Context) -> Optional[Value]:
        wd = self.lex.weekday(g["weekday"])
        if not wd:
            return None
        pod = g.get("pod")
        code = self.lex.parts_of_day.get(pod.lower()) if pod else None
        typ = "DATE"  # TimeBank types "Friday night" as a DATE
        rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
        narrative = rel in ("the previous", "the following", "the next", "that") and ctx.ref_day is not None
        base = ctx.ref_day if narrative else ctx.published
        if base is None:
            return Value(f"XXXX-WXX-{wd}" + (f"T{code}" if code else ""), anchor="none", type=typ)
        back = (base.isoweekday() - wd) % 7
        fwd = (wd - base.isoweekday()) % 7
        if rel in ("last", "this past", "the previous"):
            d = base - dt.timedelta(days=back or 7)
        elif rel in ("next", "this coming", "the following", "the next"):
            d = base + dt.timedelta(days=fwd or 7)
        elif rel == "this":
            d = base - dt.timedelta(days=back) if ctx.direction == PAST else base + dt.timedelta(days=fwd)
        elif ctx.direction == NEAREST:
            d = base + dt.timedelta(days=fwd) if fwd <= back else base - dt.timedelta(days=back)
        elif ctx.direction in (FUTURE, SCHEDULED):  # other simple presents report the past ("say Friday")
            d = base + dt.timedelta(days=fwd)
        else:
            d = base - dt.timedelta(days=back)
        v = fmt_day(d) + (f"T{code}" if code else "")
        return Value(v, type=typ, day=d, anchor="narrative" if narrative else "published")

    def norm_offset(self, g: dict, ctx: Context) -> Optional[Value]:
        unit = self._unit(g)
        n = self.lex.number(g["num"])
        if unit is None or n is None:
            return None
        d_ = re.sub(r"\s+", " ", g["dir"].lower())
        sign = -1 if d_ in ("ago", "earlier", "before") else 1
        ref = ctx.ref_day if unit.code in ("D", "W") or unit.clock else ctx.ref_month
        narrative = d_ in ("later", "earlier") and ref is not None
        base = ref if narrative else ctx.published
        anchor = "narrative" if narrative else "published"
        if n == "X":
            return Value("PAST_REF" if sign < 0 else "FUTURE_REF", anchor=anchor)
        if base is None:
            return Value({"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit.code, "XXXX")
                         if not unit.clock else "XXXX-XX-XX", anchor="none")
        k = int(round(float(n) * unit.times)) * sign
        if unit.clock:
            return Value(fmt_day(base), anchor=anchor)
        if unit.code == "D":
            d = base + dt.timedelta(days=k)
            return Value(fmt_day(d), anchor=anchor, day=d)
        if unit.code == "W":
            return Value(fmt_week(base + dt.timedelta(weeks=k)), anchor=anchor)
        if unit.code == "M":
            y, m = add_months(base.year, base.month, k)
            return Value(f"{y}-{m:02d}", anchor=anchor)
        if unit.code == "Q":
            yq = add_quarters(quarter_of(base), k)
            return Value(f"{yq[0]}-Q{yq[1]}", anchor=anchor)
        return Value(str(base.year + k), anchor=anchor)

    def norm_narrative(self, g: dict, ctx: Context) -> Optional[Value]:
        rel = (g.get("rel") or "same").lower()
        unit = g["unit"].lower()
        delta = -1 if rel in _BACK else 1 if rel in _FORWARD else 0
        code = self.lex.parts_of_day.get(unit)
        ref = ctx.ref_month if unit in ("month", "year") else ctx.ref_day
        base, anchor = (ref, "narrative") if ref else (ctx.published, "published")
        if base is None:
            return Value("XXXX-XX-XX", anchor="none")
        if code or unit == "day":
            d = base + dt.timedelta(days=delta)
            if code:
                return Value(f"{fmt_day(d)}T{code}", type="DATE", anchor=anchor, day=d)
            return Value(fmt_day(d), anchor=anchor, day=d)
        if unit == "week":
            return Value(fmt_week(base + dt.timedelta(weeks=delta)), anchor=anchor)
        if unit == "month":
            y, m = add_months(base.year, base.month, delta)
            return Value(f"{y}-{m:02d}", anchor=anchor)
        return Value(str(base.year + delta), anchor=anchor)

    # -- clock times
    def norm_clock(self, g: dict, ctx: Context) -> Optional[Value]:
        if g.get("named"):
            hm = self.lex.parts_of_day.get(g["named"].lower(), "12:00")
        else:
            h = int(g["hour"])
            m = int(g.get("minute") or 0)
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            pod = (g.get("pod") or "").lower()
            if (ampm.startswith("p") or pod in ("afternoon", "evening")) and h < 12:
                h += 12
            elif (ampm.startswith("a") or pod == "morning") and h == 12:
                h = 0
            hm = f"{h:02d}:{m:02d}"
        day: Optional[dt.date] = None
        anchor = "published"
        if g.get("weekday") or g.get("month") or g.get("deictic"):
            if g.get("weekday"):
                v = self.norm_weekday({"weekday": g["weekday"]}, ctx)
            elif g.get("month"):
                v = self.norm_date({"month": g["month"], "day": g["day"]}, ctx)
            else:
                v = self.norm_deictic({"deictic": g["deictic"]}, ctx)
            if v is None or v.day is None:
                return Value(f"XXXX-XX-XXT{hm}", anchor="none")
            day = v.day
        elif ctx.ref_day is not None:
            day, anchor = ctx.ref_day, "narrative"
        elif ctx.published is not None:
            day = ctx.published
        if day is None:
            return Value(f"XXXX-XX-XXT{hm}", anchor="none")
        return Value(f"{fmt_day(day)}T{hm}", anchor=anchor)

    # -- durations and sets
    def _amount(self, n, unit: Unit, vague: bool = False) -> str:
        t = "T" if unit.clock else ""
        if vague or n == "X":
            return f"P{t}X{unit.vague or unit.code}"
        total = float(n) * unit.times
        whole = int(total)
        frac = total - whole
        if frac and unit.smaller:
            code, per = unit.smaller
            part = int(round(frac * per))
            sub_t = "T" if code in ("H", "S") or (code == "M" and unit.clock) else ""
            if whole:
                if sub_t and not t:
                    return f"P{whole}{unit.code}T{part}{code}"
                return f"P{t}{whole}{unit.code}{part}{code}"
            return f"P{sub_t}{part}{code}"
        return f"P{t}{max(whole, 1) if not frac else total:g}{unit.code}"

    def norm_duration(self, g: dict, ctx: Context) -> Optional[Value]:
        unit = self._unit(g)
        if unit is None and g.get("num"):  # "decades-long"
            unit = self.lex.unit(g["num"])
        if unit is None:
            return None
        vague = bool(g.get("vague")) or bool(g.get("num2"))
        n = "X" if vague else self.lex.number(g.get("num", "one"))
        if n is None or (n != "X" and n >= 1000):  # "the 1988 quarter" is no duration
            return None
        if unit.name == "second" and g.get("num", "").lower() in ("a", "an"):
            return None  # "a second" is mostly the ordinal
        if g.get("half") and n != "X":
            n = float(n) + 0.5
        return Value(self._amount(n, unit, vague), anchor="none")

    def norm_frequency(self, g: dict, ctx: Context) -> Optional[Value]:
        v = self.lex.frequencies.get(g["freq"].lower())
        return Value(v, anchor="none") if v else None

    def norm_set(self, g: dict, ctx: Context) -> Optional[Value]:
        pod = g.get("pod") or g.get("pod2")
        code = self.lex.parts_of_day.get(pod.lower().rstrip("s")) if pod else None
        suffix = f"T{code}" if code and len(code) == 2 else ""
        wd = g.get("weekday") or g.get("weekday2")
        if wd:
            n = self.lex.weekday(wd)
            return Value(f"XXXX-WXX-{n}{suffix}", anchor="none") if n else None
        if g.get("month"):
            return Value(f"XXXX-{self.lex.month(g['month']):02d}", anchor="none")
        if g.get("season"):
            return Value(f"XXXX-{self.lex.seasons[g['season'].lower()]}", anchor="none")
        if pod and not g.get("unit"):
            return Value("P1D", anchor="none")
        unit = self._unit(g)
        if unit is None:
            return None
        n = self.lex.number(g["num"]) if g.get("num") else 1
        if n in (None, "X"):
            n = 1
        return Value(self._amount(n, unit), anchor="none")
