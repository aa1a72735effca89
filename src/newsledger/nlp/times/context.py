"""What every normalizer reads and returns: the `Context` of an expression (publication date, the
narrative's reference time, the tense around it) and the `Value` it gets; `RuleSet`, the base of the
normalizer classes, holds the lexicon and the lookups they share."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ...lexicons.times import Lexicon, Unit, load_lexicon

# Context.direction: where the tense points an expression that needs a side of the anchor.
# SCHEDULED: the simple present of an event verb ("Arafat and Netanyahu meet Monday"), which news uses for
# what is planned: forward for a weekday, like PRESENT elsewhere.
PAST, UNKNOWN, FUTURE, NEAREST, PRESENT, SCHEDULED = -1, 0, 1, 2, 3, 4


@dataclass
class Value:
    value: str
    type: Optional[str] = None      # overrides the rule's type
    anchor: str = "published"       # published | narrative | none
    day: Optional[dt.date] = None   # the day it names, when it names one (new narrative reference)
    quarter: Optional[tuple[int, int]] = None


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


class RuleSet:
    """The lexicon, and the lookups of a match's groups that normalizers of every kind use."""

    def __init__(self, lexicon: Optional[Lexicon] = None):
        self.lex = lexicon or load_lexicon()

    def month_of(self, g: dict) -> Optional[int]:
        if "monthn" in g:
            return int(g["monthn"])
        return self.lex.month(g["month"]) if "month" in g else None

    def unit_of(self, g: dict, key: str = "unit") -> Optional[Unit]:
        return self.lex.unit(g.get(key, "")) if g.get(key) else None
