"""TIMEX3 values for recognized expressions: `Normalizer` hands a match to the normalizer its rule names.

The normalizers are grouped by the kind of expression: norm_dates.py (dates, months, holidays, years,
seasons, weekdays), norm_quarters.py (quarters and halves), norm_relative.py (days and periods counted
from an anchor, clock times), norm_durations.py (durations and sets); arithmetic.py does the calendar arithmetic
and context.py holds the `Context` and `Value` they share.

Every normalizer takes the match's named groups and a `Context` (publication date, the narrative's
reference time, the tense around the expression) and returns a `Value`, or None to drop the match.
Relative expressions need an anchor: without one they keep a partial value ("XXXX-08") with anchor
"none", never a guess.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from ...lexicons.times import Lexicon
from .context import Context, Value
from .norm_dates import CalendarNorms
from .norm_durations import DurationNorms
from .norm_quarters import QuarterNorms
from .norm_relative import RelativeNorms

_DURATION = re.compile(r"^PT?[\dX]")


class Normalizer(QuarterNorms, RelativeNorms, CalendarNorms, DurationNorms):
    """Every normalizer, by the name a rule of patterns.yaml gives in `norm` (method `norm_<name>`)."""

    def __init__(self, lexicon: Optional[Lexicon] = None):
        super().__init__(lexicon)
        self.funcs: dict[str, Callable[[dict, Context], Optional[Value]]] = {
            name[5:]: getattr(self, name) for name in dir(self) if name.startswith("norm_")}

    def __call__(self, norm: str, groups: dict, ctx: Context, fixed: Optional[str] = None) -> Optional[Value]:
        if norm == "fixed":  # a duration is anchored on nothing; PAST_REF ... on the time of writing
            return Value(fixed or "", anchor="none" if _DURATION.match(fixed or "") else "published")
        return self.funcs[norm](groups, ctx)
