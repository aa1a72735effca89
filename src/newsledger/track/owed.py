"""How long a commitment is owed, as far as telling a later report of like words apart goes.

A commitment is owed until its due date and OWED_DAYS after, while the news of it being met or missed comes
in. A later report of the same sides that says it again while it is owed is the same commitment
(refer.restates); one made after that, telling a commitment as still owed by a later due, is another
(owed_later), however alike the words: the linker's match (linker._owed_apart) and the reading of a
follow-up's sentence (followups._explained_elsewhere) both ask it.
"""
from __future__ import annotations

from typing import Optional

from ..dates import end_date
from .dues import shift_days

# How long after its due date a commitment is still owed, as a later report restating it goes (days): the
# news of a deadline met or missed comes in the days after it.
OWED_DAYS = 14
# The stances of a report that tells a commitment as still owed, not what became of it (no act, no extension).
_STILL_OWED = frozenset({"mention", "confirm", "unconfirmed", "open"})


def owed_until(due: Optional[str]) -> Optional[str]:
    """The last day a commitment due `due` is still owed (its due date and OWED_DAYS after), None without one."""
    bound = end_date(due) if due else None
    return shift_days(bound, OWED_DAYS) if bound else None


def owed_later(older: dict, later: dict) -> bool:
    """Two reports of like commitments (each {"date", "due", "stance"}), `older` made first: is the later one
    another commitment by time alone? It tells a commitment as still owed (a mention or a confirmation, no
    report of what became of the older one and no extension), by a due date after the older's, in a report
    made after the older one stopped being owed (owed_until): what was owed by March and is still owed in
    September by November is owed again, not the same promise ("will impose duties ... if the US does not
    remove its new tariffs by November 30", months after the March ultimatum on other tariffs was met)."""
    if (later.get("stance") or "mention") not in _STILL_OWED:
        return False
    limit = owed_until(older.get("due"))
    if not limit or not later.get("date") or later["date"] <= limit:
        return False
    due = end_date(later["due"]) if later.get("due") else None
    return bool(due) and due > end_date(older["due"])
