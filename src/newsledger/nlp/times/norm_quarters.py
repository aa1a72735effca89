"""Normalizers of quarters and halves: "the third quarter", "Q4'24", "the first half of 2023", "the
quarter" the text reports, "the quarter ended Sept. 30", "a year earlier"."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .arithmetic import add_quarters, quarter_of, year_of
from .context import PAST, UNKNOWN, Context, Value
from .norm_dates import CalendarNorms


class QuarterNorms(CalendarNorms):
    def _quarter_year(self, g: dict, q: int, ctx: Context) -> Optional[int]:
        for key in ("year", "year2"):
            if g.get(key):
                return year_of(g[key], self.lex)
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
            year = year_of(g["year"], self.lex)
        elif y2 and y2[0].isdigit():
            year = year_of(y2, self.lex)
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

