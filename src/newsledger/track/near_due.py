"""A follow-up that reports on a commitment comes after it and usually near its due date.

The news of a commitment met, missed or extended comes when its date draws near or has just gone by,
however long before it was made: a pledge of January 2027 to deliver by the end of June 2028 is reported
met in June 2028, 525 days on, beyond the window of days after the first report (refer.WINDOW_DAYS) the
lookups otherwise read. So both lookups of track/followups.py also read by due date, bounded by side and
time through the indexes (holder, due_now, id) and (counterparty, due_now, id) (migration 0018):

- forward (candidate_threads): the commitments of the follow-up's sides whose current due date (its last
  day, extensions included: commitments.due_now, kept by linker.refresh_commitment) lies from DUE_AFTER
  days before the follow-up's date to DUE_BEFORE days after it;
- backward (later_articles): the stored articles naming a side of a commitment dated from DUE_BEFORE days
  before its due date to DUE_AFTER days after it.

A commitment whose date went by long ago (more than DUE_AFTER days) and which was made long ago (beyond
the window) is no candidate: a report on its sides then tells of something else. Each read takes at most
a fixed number of rows per side, whatever the size of the store.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..dates import end_date
from . import cues
from .acts import is_act
from .dues import shift_days
from .sentences import TOKEN, Sentence
from .tables import recent_commitments

# How long before its due date a report on a commitment comes (days): an extension is agreed as the date
# draws near, and an act promised for a date a year or more ahead is often done months early (a plant
# starting production in September on a guarantee for the end of the year); half a year holds those, not
# the progress reports of the year before. (Our chains k01-k259: of 192 links of a commitment with a due
# date, 90% come from 183 days before it to 61 days after; 83% within a quarter before it.)
DUE_BEFORE = 183
# How long after its due date (days): a date missed, or an act done late, is told in the weeks after the
# date goes by (refer: "days after the end-July date it had set"); later than two months, a report on the
# same sides tells of something else, and the commitment is left open and overdue, as the codebook has it.
DUE_AFTER = 61


def due_range(date: str) -> tuple[str, str]:
    """The last days of due dates a follow-up dated `date` may be near: DUE_AFTER days before it to
    DUE_BEFORE days after it."""
    return shift_days(date, -DUE_AFTER), shift_days(date, DUE_BEFORE)


def report_range(due: Optional[str]) -> Optional[tuple[str, str]]:
    """The dates of the reports near a due date `due` (a TIMEX3 value): DUE_BEFORE days before its last day
    to DUE_AFTER days after it; None without a due date."""
    last = end_date(due) if due else None
    return (shift_days(last, -DUE_BEFORE), shift_days(last, DUE_AFTER)) if last else None


def due_near(conn, sides: Iterable[str], date: str, aid: str, limit: int) -> list:
    """(id, content, date) of the commitments made by `date`, in other articles than `aid`, whose holder or
    counterparty is one of `sides` and whose current due date is near `date` (due_range): per side and
    column one index range read of at most `limit` rows, the latest due first."""
    lo, hi = due_range(date)
    sides = set(sides)
    rows = []
    for col in ("holder", "counterparty"):
        rows += recent_commitments(conn, col, sides, lo, hi, aid, limit, by="due_now", made_until=date)
    return rows


# How near its due date a report must be dated to point at a commitment by its date alone (days either side):
# refer.reference counts it as it counts a sentence naming the period of the due.
AT_DUE_DAYS = 7


def dated_at_due(date: Optional[str], due: Optional[str]) -> bool:
    """The report's date lies within AT_DUE_DAYS of the last day of the due date."""
    last = end_date(due) if due else None
    return bool(last and date) and shift_days(last, -AT_DUE_DAYS) <= date[:10] <= shift_days(last, AT_DUE_DAYS)


def fate_told(s: Sentence, acts: frozenset[str]) -> bool:
    """The sentence has a status word (cues.status_cues) or a word of the promised act or its family (acts.is_act):
    what a report dated at the due date must say to point at the commitment by its date."""
    if "cued" not in s.seen:
        s.seen["cued"] = bool(cues.status_cues(s.text))
    return s.seen["cued"] or (bool(acts) and any(is_act(t, acts) for t in TOKEN.findall(s.text)))
