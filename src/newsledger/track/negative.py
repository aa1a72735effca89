"""A commitment whose content is an act's negation ("not to cut jobs at its Australian parts plants until the
end of 2027", "not to raise prices before the end of March", "there be no compulsory layoffs"): what is promised
is that the act will not happen. Reading a follow-up, the act reported done breaks it (missed), and the act told
not done once the date has gone by keeps it (met): the act's outcomes swap. Status words keep their meaning
("kept its promise", "broke its pledge").

The negation is the one English's negators give (data/english.yaml, cues.NEGATION), at the head of the content:
the promised act itself is denied, not a word further on ("build the plant without state aid")."""
from __future__ import annotations

import functools
import re

from . import cues
from .sentences import TOKEN

# Heads that deny no act: a bound or a degree ("no later than June", "not only the plant", "no more than 5%").
_NOT_A_DENIAL = re.compile(r"^(?:no|not) (?:later|sooner|earlier|more|less|fewer|only|just|least)\b", re.I)
_HEAD = 3       # the words the negator may stand among: "not to cut", "there be no layoffs"


@functools.lru_cache(maxsize=4096)
def negated(content: str) -> bool:
    """The content denies the promised act at its head."""
    head = [t for t in TOKEN.findall(content or "")[:_HEAD]]
    for i, tk in enumerate(head):
        if cues.NEGATION.fullmatch(tk) and tk.lower() != "without":
            return not _NOT_A_DENIAL.match(" ".join(head[i:i + 2]))
    return False


def outcomes(content: str) -> tuple[str, str]:
    """(the status the act reported done gives, the status the act told not done after its date gives)."""
    return ("missed", "met") if negated(content) else ("met", "missed")
