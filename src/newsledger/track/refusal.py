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
from .match import content_words, stem
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
    return out + _chosen_over(s, acts, content) + _opposed(s, acts, content)


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


# The holder's act to come in the progressive ("Telegram is staying"), beside _TO_COME's modal or decision
# before the verb ("would keep", "has decided to close").
_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+(\w+ing)\b", re.I)
# What may follow an act of staying put ("is staying.", "would keep operating in Brazil", "will stay put").
_PLACE_NEXT = frozenset({"in", "at", "on", "put", "there", "here", "where", "with", "for", "and"})
_IF = re.compile(r"\b(?:if|unless|provided|as long as)\b", re.I)     # "would keep its flights there if ..."
_CLAUSE_END = re.compile(r"[,;:.]|\b(?:even though|although|though|whatever|despite|but)\b", re.I)


def _opposite_acts(acts: frozenset[str], content: str) -> list[tuple[str, bool]]:
    """The opposite acts of the promised ones (data/commitments.yaml opposite_acts), or of the content's first
    word, its verb ("move its flights to Clark"): (phrase, transitive)."""
    first = next((stem(t.lower()) for t in TOKEN.findall(content or "")[:1]), "")
    out = []
    for verb, entry in (load_lexicon().opposite_acts or {}).items():
        if stem(verb) in acts or stem(verb) == first:
            out += [(p, p in entry["transitive"]) for p in entry["opposite"]]
    return out


def _base(word: str) -> str:
    """A verb of the progressive back to its base ("staying" -> "stay", "closing" -> "close")."""
    w = word.lower()
    if not w.endswith("ing"):
        return w
    w = w[:-3]
    if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "els":
        return w[:-1]       # "shutting"
    return w + "e" if w.endswith("os") else w       # "closing"


def _opposed(s: Sentence, acts: frozenset[str], content: str) -> list[int]:
    """Where the sentence tells the holder's act to come that undoes the promised one (opposite_acts): "would keep
    all of its domestic flights at NAIA" of a threat to move them, "will close six of its regional newsrooms" of a
    guarantee to keep them open. A transitive opposite must name a word of the promised act's thing between the
    sentence's start and the end of its clause (its object or its subject: "Our flights stay at NAIA"). Not one
    bounded by a time, late, only possible, or the content's own denial, as for a refusal."""
    pairs = _opposite_acts(acts, content)
    if not pairs or negative.negated(content):
        return []
    own = set(content_words(content or ""))
    out = []
    for m in sorted([*_TO_COME.finditer(s.text), *_PROGRESSIVE.finditer(s.text)], key=lambda m: m.start()):
        after = s.text[m.end():].split()
        for opposite, transitive in pairs:
            more = opposite.split()[1:]     # "keep operating", "continue to operate": the words after the verb
            if _base(m.group(1)) != opposite.split()[0] or [w.lower() for w in after[:len(more)]] != more:
                continue
            rest = s.text[m.end():]
            for w in more:
                rest = rest[rest.lower().index(w) + len(w):]
            end = _CLAUSE_END.search(rest)
            clause = rest[:end.start() if end else len(rest)]
            if cues.HELD_FOR_A_TIME.search(clause) or _LATE.search(clause) or _IF.search(clause) \
                    or cues.told_only_as_possible(s.text, m.start()):
                continue
            if transitive and not own & set(content_words(s.text[:m.start()] + " " + clause)):
                continue
            nxt = clause.split()[:1]
            if not transitive and nxt and nxt[0].lower().strip("\"'") not in _PLACE_NEXT:
                continue    # "will remain committed", "prices will remain high": a state, not staying put
            out.append(m.start())
            break
    return out
