"""Normalizers of calendar dates and named periods: "March 3", "in June", "the week of May 5",
holidays, years, decades, centuries, seasons and weekdays."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .arithmetic import closest_year, easter, fmt_day, fmt_week, infer_year, nth_weekday, year_of
from .context import FUTURE, NEAREST, PAST, SCHEDULED, Context, RuleSet, Value

SEASONS = ("SP", "SU", "FA", "WI")  # in the order a year (spring to the winter it ends in) has them
_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                    6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}


class CalendarNorms(RuleSet):
    # -- calendar dates
    def norm_date(self, g: dict, ctx: Context) -> Optional[Value]:
        month = self.month_of(g)
        day = int(re.sub(r"\D", "", g["day"])) if g.get("day") else None
        if not month or (day is not None and not 1 <= day <= 31):
            return None
        if g.get("year"):
            year = year_of(g["year"], self.lex)
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
        month = self.month_of(g)
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
        month = self.month_of(g)
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
        year = year_of(g["year"], self.lex) if g.get("year") else None
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
        year = year_of(g.get("year") or g.get("year2", ""), self.lex)
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

    def norm_season(self, g: dict, ctx: Context) -> Optional[Value]:
        season = self.lex.seasons.get(g["season"].lower())
        if not season:
            return None
        if g.get("year"):
            year = year_of(g["year"], self.lex)
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
