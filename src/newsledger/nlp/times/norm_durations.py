"""Normalizers of durations and sets: "three weeks", "decades-long", "every Monday", "twice a year"."""
from __future__ import annotations

from typing import Optional

from ...lexicons.times import Unit
from .context import Context, RuleSet, Value


class DurationNorms(RuleSet):
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
        unit = self.unit_of(g)
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
        unit = self.unit_of(g)
        if unit is None:
            return None
        n = self.lex.number(g["num"]) if g.get("num") else 1
        if n in (None, "X"):
            n = 1
        return Value(self._amount(n, unit), anchor="none")
