"""Which actors are one side of a commitment: the holder, its government and the bodies that act for it.

A follow-up rarely names the holder as the first report did: a ministry, a spokesman's agency or a short
name of the same body tells for it. Read by the tracker's reference (refer.py), its linking and its
statuses.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..lexicons.commitments import load_lexicon
from ..lexicons.companies import load_company_words
from ..records import same_side as records_same_side
from . import cues
from .match import ActorInfo
from .sentences import Sentence


def is_party(actor: Optional[str], infos: dict[str, ActorInfo]) -> bool:
    """A side that can hold or be owed a commitment: a place read as one ("in Sunderland") is none."""
    info = infos.get(actor) if actor else None
    return info is not None and info.type not in ("other", "location")


def on_side(actor: str, side: Optional[str], infos: dict[str, ActorInfo]) -> bool:
    """One side: the same actor; a person or agency and its country; or a short name of the same
    body ("commission" for "european-commission")."""
    if not actor or not side:
        return False
    if actor == side or records_same_side(infos.get(actor), infos.get(side)):
        return True
    a, b = infos.get(actor), infos.get(side)
    if a and b and a.country and a.country == b.country and {a.type, b.type} <= {"country", "government"}:
        return True     # a ministry and a government of one country speak for it (not its companies)
    short, long_ = sorted((actor, side), key=len)
    if len(short) >= 5 and long_.endswith("-" + short):
        return True
    if a and b and a.type == b.type == "organization" and (_unit_of(actor, side) or _unit_of(side, actor)):
        return True     # "the Adani group promised ..." and "Adani Ports said": a business group and its unit
    bodies = cues.acts_for()     # "the Commission" acts for the EU (data/commitments.yaml)
    return bodies.get(actor, actor) == bodies.get(side, side)


# The last word of a business group's name ("Adani Group", "Bollore Holdings"): its units
# are named after it ("Adani Ports", "Adani Green Energy") and act for it.
_GROUP_WORDS = ("group", "holdings", "holding")


def _unit_of(unit: str, group: str) -> bool:
    """`group` is the id of a business group ("adani-group") and `unit` that of a company named after it
    ("adani-ports")."""
    head, _, last = group.rpartition("-")
    return bool(head) and last in _GROUP_WORDS and unit.startswith(head + "-") and unit != group


@functools.lru_cache(maxsize=1)
def _voice_patterns() -> tuple[re.Pattern, re.Pattern]:
    lists = load_lexicon().word_lists
    bodies = "|".join(sorted(load_company_words().descriptions | lists["state_voice_bodies"]))
    voices = "|".join(sorted(lists["unnamed_voices"]))
    return (re.compile(r"\b(?:a|an|the)\s+(?:[a-z-]+\s+)?(%s)\s+(?:%s)\b" % (bodies, voices), re.I),
            re.compile(r"\b(?:a|an|the)\s+(?:%s)\s+for\s+the\s+(?:[a-z-]+\s+)?(%s)\b" % (voices, bodies), re.I))


def place_unnamed_voices(sents: list[Sentence], holder: Optional[str], cp: Optional[str], present: set[str],
                         infos: dict[str, ActorInfo]) -> None:
    """An unnamed voice described by its body ("a company spokeswoman", "a spokesman for the ministry") speaks
    for the one side of the commitment named in the article that is such a body (a company, a state): that
    side is placed in its sentence, as a named speaker would be."""
    state = load_lexicon().word_lists["state_voice_bodies"]

    def fits(x: Optional[str], body: str) -> bool:
        info = infos.get(x) if x else None
        if info is None or x not in present:
            return False
        return info.type in ("country", "government") if body in state else info.type == "organization"

    for s in sents:
        for pat in _voice_patterns():
            for m in pat.finditer(s.text):
                body = m.group(1).lower()
                sides = [x for x in (holder, cp) if fits(x, body)]
                if len(sides) == 1:
                    s.actors.add(sides[0])
