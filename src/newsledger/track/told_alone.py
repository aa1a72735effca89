"""What the side an ultimatum or a deadline is owed by may tell of it alone, the holder's side named nowhere in
the report: that it failed to act by the deadline ("Meta did not hand in its reply by Monday's deadline"), or
that it was given more time ("the company has eight more weeks to take its vessels out", "was granted until
June 30"). The time given is the holder's act told by the one it was given to; a delay of the other side's own
("Meta delayed the launch") is no time given, so only the words that say time was given count here."""
from __future__ import annotations

import re
from typing import Optional

from . import cues
from .sentences import Sentence

ULTIMATUM_GROUP = frozenset({"ultimatum", "deadline", "threat"})
# Time given: an amount more ("eight more weeks", "another 30 days"), given until a date, a new deadline.
_GIVEN_MORE = re.compile(r"\b(?:more|extra|additional|further|another) (?:[\w-]+ )?(?:days?|weeks?|months?|time)\b|"
                         + cues.GIVEN_UNTIL + r"|\bnew deadline\b", re.I)


def other_side_may_tell(stance: str, kind: str, where: Optional[Sentence]) -> bool:
    """The stance, read where only the side that owes the act is present, stands."""
    if kind not in ULTIMATUM_GROUP:
        return False
    if stance == "missed":
        return True
    return stance == "extended" and where is not None and bool(_GIVEN_MORE.search(where.text))
