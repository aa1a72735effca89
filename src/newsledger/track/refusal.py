"""The holder's side deciding against the promised act, told with the act's own verb denied in the future or as
a decision ("Boeing will not build the fifth line at Everett", "has decided not to open the plant", "no longer
plans to sell the stake"): withdrawn (codebook: withdrawn is the holder giving the commitment up). cues.py's
withdrawn wording names a few such verbs ("will not impose", "won't send"); here the verb is the commitment's
own act (acts.is_act), whatever it is.

Not a refusal: a denied act bounded by a time ("will not build it until demand recovers", cues.HELD_FOR_A_TIME)
or told late rather than never ("will not open on time", "as planned": more time, not an end); a refusal only
possible or conditional (cues.told_only_as_possible); and a content that is itself a denial (negative.py:
"will not cut jobs" restates a pledge not to)."""
from __future__ import annotations

import re

import functools

from ..lexicons.commitments import load_lexicon
from . import cues, negative
from .acts import is_act
from .sentences import TOKEN, Sentence

# The act's verb after a denied future or a decision against it; an adverb may stand between ("will not now build").
_REFUSED = re.compile(r"\b(?:will|would|wo|shall)(?: not|n't| no longer)(?: (?:now|after all|ever|\w+ly))? (\w+)|"
                      r"\b(?:decided|decides|decide|chose|chosen|opted) not to (\w+)|"
                      r"\bno longer (?:plans?|intends?|wants?|expects?|aims?) to (\w+)|"
                      r"\b(?:is|are|was|were)(?: not|n't) going to (\w+)", re.I)
# Bringing, getting or coming back (a plant "back into production", a service "back on the route") is returning
# to it, as acts._BE_BACK reads the content; the object may stand between ("bring its Belvidere, Illinois, plant
# back").
_BACK_VERBS = frozenset({"bring", "get", "come", "be"})
_BACK = re.compile(r"(?:[\s,]+[\w'-]+){0,6}?[\s,]+back\b", re.I)
# Late, not never: the act still to come at another time ("will not open the plant on time", "as planned").
_LATE = re.compile(r"\b(?:on time|on schedule|as planned|as scheduled|as promised|this year|next year|yet)\b", re.I)


def refused(s: Sentence, acts: frozenset[str], content: str) -> list[int]:
    """Where the sentence denies the promised act in the future or decides against it (the offsets of the
    refusals in its text), none of them bounded, late, only possible or the content's own denial."""
    if not acts or negative.negated(content):
        return []
    out = []
    for m in _REFUSED.finditer(s.text):
        verb = next(g for g in m.groups() if g)
        if verb.lower() in _BACK_VERBS and _BACK.match(s.text[m.end():]):
            verb = "return"     # "would not bring its idled plant back into production": not return to it
        if not is_act(verb.lower(), acts):
            continue
        rest = s.text[m.end():]
        rest = rest[:min((i for i in (rest.find(","), rest.find(";")) if i >= 0), default=len(rest))]
        if cues.HELD_FOR_A_TIME.search(rest) or _LATE.search(rest) or cues.told_only_as_possible(s.text, m.start()):
            continue
        out.append(m.start())
    return out + _chosen_over(s, acts, content)


@functools.lru_cache(maxsize=1)
def _preferred_over() -> re.Pattern:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in load_lexicon().word_lists["preferred_over"])
    return re.compile(r"\b(?:%s)\s+(?:(?:in|at|to|from|for|on)\s+)?(?:(?:the|its|their|his|her)\s+)?([A-Z][\w'-]*)" % words)


# The act to come or decided, before the place chosen: "will build", "is to move", "has decided to build".
_TO_COME = re.compile(r"\b(?:will|would|shall|'ll|is to|are to|decided to|plans to|plan to|intends to|chose to|"
                      r"opted to|is going to|are going to)\s+(?:\w+ly\s+)?(\w+)", re.I)


def _chosen_over(s: Sentence, acts: frozenset[str], content: str) -> list[int]:
    """The promised act to come at another place or for another thing chosen over the one the content names
    ("will build its new pickup at its plant in Saltillo rather than in Belvidere", data/commitments.yaml
    preferred_over): the holder's side gives up the act where it was promised."""
    named = {t for t in TOKEN.findall(content or "") if t[0].isupper()}
    out = []
    for m in _preferred_over().finditer(s.text):
        if m.group(1) not in named:
            continue
        before = s.text[:m.start()]
        if any(is_act(a.group(1).lower(), acts) and not cues.told_only_as_possible(s.text, a.start())
               for a in _TO_COME.finditer(before)):
            out.append(m.start())
    return out
