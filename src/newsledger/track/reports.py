"""What a follow-up reports of a promised act in words of its own, by what the act is (data/act_reports.tsv):
a law passed told as a vote ("lawmakers voted to cut the working week"), a plant promised told as opened or
switched on, a payment told as paid out, a hiring pledge given up told as layoffs; and an act told not done
once its date has passed ("has yet to deliver", "still has not received"): missed.

The codebook's rule: met is the promised act reported done, matched to the commitment's content; withdrawn
is the holder's side deciding against it; missed is the due date gone by with the act not done. Tracking reads
stored text without a parser, so denial and modality are read with the words of data/english.yaml as
track/cues.py compiles them (NEGATION, UNDER_WAY), the same ones nlp/grammar reads on a parse.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..dates import end_date
from ..lexicons.english import load_english
from ..lexicons.loader import tsv_rows
from . import cues
from .acts import is_act
from .dues import without_due
from .match import content_words, stem
from .sentences import TOKEN, Sentence


@dataclass(frozen=True)
class Row:
    promised: frozenset[str]        # stems of the act's verbs
    objects: frozenset[str]         # stems of the nouns it is done to (empty: any)
    named: str                      # "content", "any" or "": which object the sentence must name again
    told: re.Pattern
    status: str


def _phrase(words: str) -> str:
    """One told phrase as a pattern: its words whole, "…" standing for up to four words between."""
    parts = [r"(?:\S+\s+){0,4}?" if w == "…" else re.escape(w) + r"\s+" for w in words.split()]
    return r"\b" + "".join(parts).removesuffix(r"\s+") + r"\b"


@functools.lru_cache(maxsize=1)
def rows() -> tuple[Row, ...]:
    out = []
    for r in tsv_rows("act_reports.tsv"):
        told = [_phrase(p.strip()) for p in r["told"].split("|") if p.strip()]
        out.append(Row(frozenset(stem(w) for w in r["promised"].split("|") if w.strip()),
                       frozenset(stem(w) for w in (r["object"] or "").split("|") if w.strip()),
                       (r["named"] or "").strip(),
                       re.compile("|".join(sorted(told, key=len, reverse=True)), re.I), r["status"]))
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def rows_for(content: str) -> tuple[Row, ...]:
    """The rows whose act the content names: one of its verbs among the content's first words, and one of
    its objects where the row names any (read on the whole content: "start" is also a word of dues, "the start
    of July")."""
    words = _first_stems(content)
    return tuple(r for r in rows() if r.promised & words and (not r.objects or r.objects & words))


@functools.lru_cache(maxsize=4096)
def _first_stems(content: str) -> frozenset[str]:
    return frozenset(stem(t) for t in TOKEN.findall(content or "")[:14])


@functools.lru_cache(maxsize=1)
def _maybe() -> frozenset[str]:
    """Words before a decision that leave it only possible or wanted ("may cut jobs", "is considering").
    Not cues.told_only_as_possible, which reads a status word ("scrap the plan") in its clause: here the act
    is told in its own words, often a noun, so an intent head needs no "to" ("is considering layoffs"). The
    two disagree on a conditional "would", left as it is: "said it would cut jobs" is only wanted here,
    "said it would drop the plan" decided there."""
    en = load_english()
    return en.modal_words("possible", "conditional") | en.condition_marks | en.intent_heads


def _before(text: str, start: int) -> list[str]:
    return [t.lower() for t in TOKEN.findall(text[:start])[-4:]]


def _denied(before: list[str]) -> bool:
    """A denial among the words before: English's negators, contractions too ("won't": cues.NEGATION)."""
    return bool(cues.NEGATION.search(" ".join(before)))


def reported_as(s: Sentence, content: str, words: Optional[frozenset[str]] = None) -> frozenset[str]:
    """The statuses the sentence tells of the commitment's act by the words of its kind (act_reports.tsv):
    "met", "withdrawn" or both ("is laying off 1,500 of the workers it had taken on": the caller's order of
    statuses decides), or none. The sentence must be about this act: it shares a word of the content
    (`words`: its act words, the sides' names left out) other than the row's own verbs and objects ("approved
    a law capping rents" says nothing of a law on the working week), and names the thing again where the row
    asks it to; and the words must be neither denied
    ("no layoffs", "will not cut jobs") nor, for met, only planned ("will open"), nor, for withdrawn, only
    possible ("may cut jobs", "is considering layoffs")."""
    found = rows_for(content)
    if not found:
        return frozenset()
    out: set[str] = set()
    own = words if words is not None else content_words(without_due(content))
    named = _first_stems(content)
    for r in found:
        if r.status in out:
            continue
        if not (own - r.promised - r.objects) & s.words:
            continue
        if (r.named == "content" and not r.objects & named & s.words) or (r.named == "any" and not r.objects & s.words):
            continue        # the thing the act is done to named again (the row's `named`)
        for m in r.told.finditer(s.text):
            before = _before(s.text, m.start())
            if _denied(before):
                continue
            if r.status == "met" and cues.foretold(s.text, m.start(), since=0):
                continue
            if r.status != "met" and any(b in _maybe() or any(b.startswith(h) for h in _maybe() if len(h) > 4)
                                         for b in before):
                continue
            out.add(r.status)
            break
    return frozenset(out)


def reported_once(s: Sentence, content: str, words: frozenset[str]) -> frozenset[str]:
    """reported_as, kept in the sentence for the commitment (refer reads it for the link and for the stance)."""
    key = ("reported", content, words)
    if key not in s.seen:
        s.seen[key] = reported_as(s, content, words)
    return s.seen[key]


# A modal of the future before the denied act makes it a refusal, not the act left undone ("will not
# deliver": withdrawn's words read that).
_FUTURE = frozenset({"will", "would", "wo", "won't", "shall"})


# The act still owed, told by what is still awaited or outstanding ("Wizz Air is still waiting for the jets",
# "a third of the water remains undelivered").
_STILL_OWED = re.compile(r"\bstill (?:waiting for|awaiting|awaits|owes|owed|outstanding|undelivered|unpaid|unbuilt)\b|"
                         r"\b(?:remain|remains|remained) (?:undelivered|unpaid|outstanding|unfinished|unbuilt)\b", re.I)


def left_undone(s: Sentence, acts: frozenset[str], due: Optional[str], date: Optional[str]) -> bool:
    """After its due date, the promised act told not done ("has yet to deliver", "still has not received
    the jets ... three weeks after the end-April date"): the date went by and the act did not happen. Before
    the due date the same words say it is still owed (no status)."""
    last = end_date(due) if due else None
    if not last or not date or date[:10] <= last:
        return False
    if _STILL_OWED.search(s.text):
        return True
    if not acts:
        return False
    for m in TOKEN.finditer(s.text):
        if not is_act(m.group(), acts):
            continue
        before = _before(s.text, m.start())
        if _denied_here(before) and not _FUTURE & set(before):
            return True
    return False


# Words that may stand between a denial and the act it denies ("has not yet fully delivered", "has yet to
# deliver"); any other word is a verb or a noun of its own, which the denial is of ("has not confirmed it
# delivered").
_BETWEEN = frozenset({"to", "yet", "have", "has", "had", "be", "been", "still", "all", "even", "actually", "it",
                      "the", "its", "their"})


def _denied_here(before: list[str]) -> bool:
    """The act right after `before` (its last words) is the one denied: a negator, then only auxiliaries,
    "yet", "to" or adverbs up to the act."""
    for k in range(len(before) - 1, -1, -1):
        if cues.NEGATION.search(before[k]) or (before[k] == "yet" and before[k + 1:k + 2] == ["to"]):
            return True
        if before[k] not in _BETWEEN and not before[k].endswith("ly"):
            return False
    return False
