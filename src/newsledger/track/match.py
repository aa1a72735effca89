"""Is this the same commitment or claim? Content words, actors, numbers and dates, compared.

No parser here: stored records carry text, so content is reduced to normalized content words
(a light suffix-stripping stemmer, stop words from data/commitments.yaml) plus the actors named in it
(as ids and as country codes, so "Putin" and "Russia" meet) and its numbers.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from ..lexicons.commitments import load_lexicon
from ..records import same_side as _same_side

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"^\d")


@dataclass(frozen=True)
class ActorInfo:
    id: str
    type: Optional[str] = None
    country: Optional[str] = None


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Enough stemming for news content words: guarantees/guarantee, agreed/agree, talks/talk."""
    w = word.lower().strip("'-").removesuffix("'s")
    for suffix, repl, min_len in (("ies", "y", 5), ("sses", "ss", 5), ("ing", "", 6), ("ied", "y", 5),
                                  ("ed", "", 5), ("es", "", 5), ("s", "", 4)):
        # "-ss" and "-us" are no plural ending ("bonus" and "bonuses", "virus" and "viruses" are one word)
        if w.endswith(suffix) and len(w) >= min_len and not w.endswith("ss") and not (suffix == "s" and w.endswith("us")):
            w = w[: len(w) - len(suffix)] + repl
            break
    return w.rstrip("e") if len(w) > 4 else w


def content_words(text: str) -> frozenset[str]:
    return _content_words(text or "", load_lexicon().link_stopwords)


# A stored statement is read as a candidate by each later copy of its story (up to keys.MOST of them per
# statement): the same text reduced to words again each time (bench/writer.py at 10,000 stored: 15,485
# calls for 120 articles). Keyed by the stop words too, so another lexicon never reads a stale entry.
@functools.lru_cache(maxsize=8192)
def _content_words(text: str, stop: frozenset) -> frozenset[str]:
    out = set()
    for w in _WORD.findall(text or ""):
        lw = w.lower()
        if lw in stop:
            continue
        out.add("#" + lw.replace(",", "") if _NUMBER.match(lw) else stem(lw))
    return frozenset(out)


def side_words(ids, infos: dict[str, ActorInfo]) -> set[str]:
    """Name parts of actors ("canada", "united-states"): in a content ("Chinese steel", "from the United
    States") they name a side, which is scored apart, not the promised act."""
    out = set()
    for i in ids:
        if not i:
            continue
        out |= {p for p in i.split("-") if len(p) >= 4}
        info = infos.get(i)
        if info and info.country:
            out |= {a.id for a in infos.values() if a.type == "country" and a.country == info.country}
    return out


def names_side(word: str, names: set[str]) -> bool:
    for n in names:
        k = 0
        while k < min(len(word), len(n)) and word[k] == n[k]:
            k += 1
        if k >= 4 and k >= min(len(word), len(n)) - 1:
            return True
    return False


def named_things(text: str, sides: frozenset = frozenset()) -> tuple[frozenset, ...]:
    """The specific things a content names, as word sets: runs of capitalised words with the numbers
    inside or after them ("its Mirafiori plant in Turin" -> {mirafiori}, {turin}; "the first 737 MAX 10
    jet" -> {max, #10}; "737" and any count before a name are left out as counts). The due's words
    (months, weekdays), stop words and the names of `sides` (side_words: "to Ryanair", "Ukraine 2
    billion") are no things."""
    from .dues import without_due     # dues reads sentences, which reads this module
    stop = load_lexicon().link_stopwords
    out, run = [], []
    for i, tk in enumerate([*without_due(text or "").split(), ""]):
        lw = tk.lower()
        # a content's first word is capitalised as a sentence's may be ("Yes deliver ..."): a name only
        # when it could be nothing else ("IRIS-T", "A350")
        if tk and tk[0].isupper() and (i or tk[1:2].isupper() or not tk.isalpha()) and lw not in stop \
                and not (lw in sides or names_side(stem(lw), sides)):
            run.append(stem(lw))
            continue
        if tk and _NUMBER.match(tk) and run:
            run.append("#" + lw.replace(",", ""))
            continue
        if run:
            out.append(frozenset(run))
        run = []
    return tuple(out)


def names_apart(a: str, b: str, sides: frozenset = frozenset(), *, disjoint: bool = True) -> bool:
    """Do two contents name different specific things, so that the same act on them is two commitments?
    Both name things and none in common ("restart production at its Belvidere plant" / "restart
    production of the Fiat 500e at Mirafiori"), or a thing of one name with a designation each lacks
    ("the first 737 MAX 10" / "the remaining 737 MAX 8-200 jets"). A content that names nothing ("the
    plant", "the deal") or a thing the other names ("Mirafiori" / "the Fiat 500 at Mirafiori") is not.
    `disjoint=False` reads the designations only (a sentence of a follow-up names many other things)."""
    ta, tb = named_things(a, sides), named_things(b, sides)
    if not ta or not tb:
        return False
    common = False
    for x in ta:
        for y in tb:
            if {w for w in x & y if not w.startswith("#")}:
                nx, ny = {w for w in x if w.startswith("#")}, {w for w in y if w.startswith("#")}
                if nx - ny and ny - nx:
                    return True
                common = True
    return disjoint and not common


# A participle naming who made what a phrase points back at ("the end-March date set by President William
# Ruto", "the systems pledged by Germany"): the actor named right after "by" made that commitment.
_MADE_BY = re.compile(r"\b(?:set|pledged|promised|guaranteed|announced|threatened|ordered|demanded|given|imposed|"
                      r"issued)\s+by\s+((?:the\s+)?(?:[A-Z][\w'.\-]*\s*){1,4})")


def made_by(text: str, mentions) -> set[str]:
    """The actors `text` names as the makers of what it points back at: for each participle with "by", the
    first actor of `mentions` ((start, end, actor) in `text`) among the capitalized words after it."""
    out = set()
    for m in _MADE_BY.finditer(text or ""):
        first = min(((lo, a) for lo, _, a in mentions if m.start(1) <= lo < m.end(1)), default=None)
        if first:
            out.add(first[1])
    return out


def mentioned_in(record: dict, span) -> set[str]:
    """The ids of the record's actors with a mention inside `span` (chars [lo, hi))."""
    lo, hi = span
    return {a["id"] for a in record.get("actors") or [] for s, e in a.get("mentions") or [] if lo <= s and e <= hi}


def same_side(a: Optional[str], b: Optional[str], actors: dict[str, ActorInfo]) -> bool:
    """Same actor, or a person/agency and the country it belongs to."""
    if not a or not b:
        return False
    return a == b or _same_side(actors.get(a), actors.get(b))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient, damped for very short phrases: 0..1."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    if shared == 0:
        return 0.0
    numbers_a, numbers_b = {w for w in a if w.startswith("#")}, {w for w in b if w.startswith("#")}
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        return 0.0          # "3 billion" vs "5 billion": different pledges
    score = shared / min(len(a), len(b))
    return score if shared >= 2 else score * 0.5


def kinds_compatible(a: str, b: str) -> bool:
    lex = load_lexicon()
    return bool(lex.group_of(a) & lex.group_of(b))


# The score of a referring follow-up ("Trump extended the deadline for Russia"): exactly the linker's
# threshold, so any real content match wins over it.
REFERRING_SCORE = 0.6
# Stances of a report that settles or changes a commitment: such a report may name it only by kind
# ("extended the deadline").
SETTLING_STANCES = {"extended", "denied", "withdrawn", "missed", "met", "unconfirmed"}


def referred_kinds(content: str) -> frozenset[str]:
    """For content that only names the commitment ("the deadline", "its pledge"), the kinds those
    nouns may name ("deadline" -> deadline, ultimatum); empty when the content has words of its own."""
    lex = load_lexicon()
    nouns = {stem(n): n for n in lex.nouns}
    words = content_words(content)
    if not words or not words <= nouns.keys():
        return frozenset()
    return frozenset(k for w in words for k in lex.group_of(lex.nouns[nouns[w]]["kind"]))


def is_referring(content: str) -> bool:
    return bool(referred_kinds(content))


def commitment_score(new: dict, old: dict, actors: dict[str, ActorInfo]) -> float:
    """0 when they cannot be the same commitment; else the content similarity (0..1].

    A follow-up that only refers to the commitment ("extended the deadline for Russia by two
    weeks": content "the deadline", a status other than open) matches a commitment with real content
    of the same holder, kind group and counterparty at REFERRING_SCORE; it needs both counterparties,
    since holder and kind alone are too weak (Trump sets many deadlines)."""
    if not kinds_compatible(new["kind"], old["kind"]):
        return 0.0
    if not same_side(new["holder"], old["holder"], actors):
        return 0.0
    cp_new, cp_old = new.get("counterparty"), old.get("counterparty")
    if cp_new and cp_old and not same_side(cp_new, cp_old, actors):
        return 0.0
    sides = frozenset(side_words({new["holder"], old["holder"], cp_new, cp_old}, actors))
    if names_apart(new["content"], old["content"], sides):
        return 0.0      # the same act on another named plant, product or place: another commitment
    score = similarity(content_words(new["content"]), content_words(old["content"]))
    if score < REFERRING_SCORE and cp_new and cp_old:
        for a, b in ((new, old), (old, new)):
            if (a.get("status") or "open") in SETTLING_STANCES and b["kind"] in referred_kinds(a["content"]) \
                    and not is_referring(b["content"]):
                return REFERRING_SCORE      # "the deadline" names an ultimatum, not a threat
    return score


def actor_keys(ids: Iterable[str], actors: dict[str, ActorInfo]) -> set[str]:
    """Actor ids and their countries as words ("@russia", "@RUS"), so leaders meet their states."""
    out = set()
    for i in ids:
        out.add("@" + i)
        info = actors.get(i)
        if info and info.country:
            out.add("@" + info.country)
    return out


@functools.lru_cache(maxsize=8192)
def _actor_split(words: frozenset[str]) -> tuple[frozenset, frozenset]:
    """A statement's words as ("@actor" keys, the other words). A stored statement is compared with
    every later statement that finds it as a candidate (up to keys.MOST each): split once."""
    return (frozenset(w for w in words if w.startswith("@")), frozenset(w for w in words if not w.startswith("@")))


def about_common_actor(a: frozenset[str], b: frozenset[str]) -> Optional[tuple[frozenset, frozenset]]:
    """The words of two statements ("@actor" keys set apart) when they name a common actor, else None:
    a claim and anything that answers it are about the same actor first."""
    (actors_a, words_a), (actors_b, words_b) = _actor_split(frozenset(a)), _actor_split(frozenset(b))
    if not actors_a & actors_b:
        return None
    return (words_a, words_b)


def claim_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Two propositions: about a common actor, and sharing at least three content words (names
    count as words; actor keys only gate). Short phrases ("the report") never match on their own."""
    if (words := about_common_actor(a, b)) is None:
        return 0.0
    wa, wb = words
    shared = len(wa & wb)
    if shared < 3:
        return 0.0
    # Cosine over word sets: a short statement inside a long one is not the same proposition.
    return shared / (len(wa) * len(wb)) ** 0.5
