"""Normalizers of days and periods counted from the publication date or the narrative's reference
time: "yesterday", "tonight", "last week", "two days later", "the following month", clock times."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .arithmetic import add_months, add_quarters, fmt_day, fmt_week, quarter_of
from .context import PAST, Context, Value
from .norm_dates import CalendarNorms

_BACK = {"last", "the past", "the last", "the previous", "the prior", "this past", "early last",
         "late last", "previous", "prior", "preceding", "before"}
_FORWARD = {"next", "the coming", "the next", "the following", "this coming", "early next", "late next",
            "following", "after"}
_NARRATIVE = {"that", "the same", "later that", "earlier that", "the following", "the previous",
              "the prior", "following", "previous", "prior", "preceding", "same", "before", "after"}


class RelativeNorms(CalendarNorms):
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

    def norm_offset(self, g: dict, ctx: Context) -> Optional[Value]:
        unit = self.unit_of(g)
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
