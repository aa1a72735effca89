"""What a deadline's follow-up asks for: time given "until" a day is the wording of any deadline, so it moves the
one tracked only while that runs and of the same act (a second demand otherwise, refer._stance); a threat's
condition that asks an act of the other side ("would strike ... unless the carmaker signs a wage agreement") is
what that side owes, read where a follow-up points back at the threat (refer.reference)."""
from __future__ import annotations

import re
from typing import Optional

from ..dates import end_date
from ..lexicons.english import load_english
from . import cues
from .acts import THING_FAMILIES, acts_of, verb_set
from .dues import RECENT_DAYS, shift_days, without_due
from .match import content_words, stem


# The particles of phrasal verbs ("hand over", "shut down": part of the act) and question words ("data on how
# ..."): no thing an act names.
_PARTICLES = frozenset({"over", "out", "up", "down", "back", "away", "off", "on", "in", "how", "what", "why", "when",
                        "where", "which", "who", "whether"})
_DEMANDED = re.compile(r"\buntil\b[^,;.]*?\bto\s+([^,;.]+)", re.I)


def demands_another_thing(text: str, c: dict) -> bool:
    """Time given until a day to do what names other things than the commitment's act: the words of the demanded
    act after "until ... to", its verbs aside, share none with the commitment's content, its verbs aside, and none
    points back at a demand ("the request", "the order"): a second demand of the same side."""
    m = _DEMANDED.search(text)
    if not m:
        return False
    content = c.get("content") or ""
    acts = acts_of(content) | acts_of(m.group(1))
    skip = acts | _PARTICLES
    mine = {w for w in content_words(without_due(m.group(1))) if w not in skip and not w.startswith("#")}
    theirs = {w for w in content_words(without_due(content)) if w not in skip and not w.startswith("#")}
    back = {stem(n) for n in cues.REFERRING_NOUNS["ultimatum"] + cues.REFERRING_NOUNS["pledge"] + ["request"]}
    return bool(mine) and bool(theirs) and not mine & theirs and not mine & back


def same_act_demanded(text: str, c: dict) -> bool:
    """Time given until a day to do an act of the family of the commitment's act ("until the end of March to file
    its recapitalisation proposal" of a deadline to submit a capital plan): the same demand, in other words."""
    m = _DEMANDED.search(text)
    if not m:
        return False
    mine = cues.families(verb_set(acts_of(m.group(1)))) - THING_FAMILIES
    return bool(mine & (cues.families(verb_set(acts_of(c.get("content") or ""))) - THING_FAMILIES))


def with_demand(c: dict) -> dict:
    """A threat whose condition asks for an act ("would strike from March 16 unless the carmaker signed a new wage
    agreement by March 15", data/english.yaml demanding_marks) with that act in its content: what the other side
    owes, whose doing a follow-up reports ("signed a new wage agreement ..., a day before the union's deadline")."""
    cond = (c.get("conditions") or "").strip()
    first = cond.split(" ", 1)
    if (c.get("kind") or "") != "threat" or len(first) < 2 or first[0].lower() not in load_english().demanding_marks:
        return c
    return {**c, "content": f"{c.get('content') or ''} {first[1]}".strip()}


def long_past(due: Optional[str], date: Optional[str]) -> bool:
    """The report is dated more than RECENT_DAYS after the last day of the due date."""
    last = end_date(due) if due else None
    return bool(last and date and shift_days(last, RECENT_DAYS) < date[:10])
