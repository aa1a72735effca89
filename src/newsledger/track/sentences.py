"""A follow-up article cut into sentences, with what its record places in each (actors, times, events,
statements by span), and the capitalized names a text may call an actor by. track/refer.py reads these."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from .match import content_words

# "9.8" ends no sentence, nor the point of an abbreviated month or title ("put back to Sept. 15", "Gov. Pritzker")
_ABBREVIATED = ("Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "Gen", "Gov",
                "Sen", "Rep", "Lt", "Col", "Sgt", "Capt", "Adm")
_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d)|(?:%s)\.(?= ))+(?:[.!?]+[\"'”’]?|\n|$)"
                       % "|".join(r"(?<=\b%s)" % a for a in _ABBREVIATED))
TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*")


@dataclass
class Sentence:
    span: tuple[int, int]
    text: str
    words: frozenset[str]
    actors: set[str] = field(default_factory=set)
    times: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)        # lowercase, for back-references
    mentions: list[tuple[int, int, str]] = field(default_factory=list)     # (start, end, actor) in `text`
    seen: dict = field(default_factory=dict)    # read once: per kind group, "fate", "status_spans"



def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text, with nothing placed in them yet. Their words together are the text's
    content_words: a word never spans the end of a sentence, and what lies between sentences is
    punctuation or space."""
    out: list[Sentence] = []
    for m in _SENTENCE.finditer(text or ""):
        s = m.group(0)
        if not s.strip():
            continue
        out.append(Sentence((m.start(), m.end()), s, content_words(s),
                            tokens=[t.lower() for t in TOKEN.findall(s)]))
    return out


def sentences_of(record: dict, split: Optional[list[Sentence]] = None) -> list[Sentence]:
    """The article's sentences with what its records put in each (by span); `split`: its text's
    split_sentences, when the caller has them already."""
    out = split_sentences((record.get("article") or {}).get("text") or "") if split is None else split

    starts = [s.span[0] for s in out]      # in order and apart: the one that can hold a span is found by bisection

    def where(span) -> Optional[Sentence]:
        if not span:
            return None
        lo = span[0]
        i = bisect.bisect_right(starts, lo) - 1
        return out[i] if i >= 0 and lo < out[i].span[1] else None

    for a in record.get("actors") or []:
        for sp in a.get("mentions") or []:
            s = where(sp)
            if s:
                s.actors.add(a["id"])
                s.mentions.append((sp[0] - s.span[0], sp[1] - s.span[0], a["id"]))
    for tm in record.get("times") or []:
        s = where(tm.get("span"))
        if s:
            s.times.append(tm)
    for ev in record.get("events") or []:
        trig = (ev.get("trigger") or {}).get("span")
        s = where(trig or ev.get("span"))
        if s:
            s.events.append(ev)
    for st in record.get("statements") or []:
        for sp in ((st.get("content") or {}).get("span"), (st.get("cue") or {}).get("span")):
            s = where(sp)
            if s and st not in s.statements:
                s.statements.append(st)
        # a quote is said by its speaker: each of its sentences has the speaker's side in it ("There is no
        # such understanding. The fees remain in force," Greer said: the first sentence names no one)
        span = (st.get("content") or {}).get("span")
        if st.get("speaker") and span:
            i = bisect.bisect_right(starts, span[0]) - 1
            for s in out[max(i, 0):]:
                if s.span[0] >= span[1]:
                    break
                if s.span[1] > span[0]:
                    s.actors.add(st["speaker"])
    return out


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of `text` holding [start, end): a commitment's evidence in its own article."""
    for m in _SENTENCE.finditer(text):
        if m.start() <= start < m.end():
            lo = m.start()
            break
    else:
        return text[start:end]
    hi = next((m.end() for m in _SENTENCE.finditer(text, lo) if m.end() >= end), end)
    return text[lo:hi]


_NAME = re.compile(r"\b[A-Z][\w'\-]*(?:\s+(?:[A-Z][\w'\-]*|of|de|the|for)){0,3}")


@functools.lru_cache(maxsize=2)      # asked twice of each new article (followups.known_named, note_actors)
def named_ids(text: str) -> frozenset[str]:
    """Actor ids a text may name by capitalized words ("Intel", "Lip-Bu Tan" -> intel, lip-bu-tan),
    for an actor the follow-up's extraction did not find: the caller keeps the ids it knows."""
    out: set[str] = set()
    for m in _NAME.finditer(text or ""):
        words = re.split(r"\s+", m.group(0))
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                ident = "-".join(w.lower() for w in words[i:j]).strip("-'")
                if len(ident) >= 4 and words[i][0].isupper():
                    out.add(ident)
    return frozenset(out)


def names_actor(text: str, actor: str) -> bool:
    """`text` names `actor` by its id's words, capitalized ("Intel" for intel)."""
    if not actor or len(actor) < 4:
        return False
    phrase = r"[\s\-]+".join(re.escape(p) for p in actor.split("-"))
    return any(m.group(0)[0].isupper() for m in re.finditer(r"\b%s\b" % phrase, text, re.I))
