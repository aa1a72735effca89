"""Which words name the promised thing beyond its own: a word of its derivational family ("purifiers" of
"water purification units"), another class noun with the same modifiers ("patrol ships" of "patrol vessels"),
and whether an ordinal or a counted share of it is the whole ("the second of" two corvettes, "the last three of
five") or a part ("the first two of the four") (track/acts.py, arrived and _matches)."""
from __future__ import annotations

import functools
import re

from ..lexicons.commitments import load_lexicon
from ..lexicons.english import load_english
from ..lexicons.times import load_lexicon as times_lexicon
from .match import stem


def derived_bases(stems) -> set[str]:
    """The bases of the words made of a verb by a derivational ending (data/english.yaml derivations), of those
    that have one: "purifier" and "purification" are both of "purify" (a word and its plain base are not
    matched so: "tanker" is no "tank")."""
    out = set()
    for s in stems:
        for end, repl in load_english().derivations:
            if s.endswith(end) and len(s) - len(end) >= 4:
                out.add(s[:-len(end)] + repl)
                break
    return out


def short_share(tokens: list[str], promised) -> bool:
    """The noun phrase is one of the promised things counted by its order ("the third of the corvettes") short
    of the count promised: a part, not the whole. The ordinal that is the count ("the second of" two promised)
    tells the last of them; "last" and "final" always do (_PORTION)."""
    ordinals = times_lexicon().ordinals
    low = [t.lower() for t in tokens]
    for k, w in enumerate(low[:-1]):
        if low[k + 1] == "of" and w in ordinals and w not in ("last", "final"):
            return "#%d" % ordinals[w] not in promised[1]
    return False


@functools.lru_cache(maxsize=1)
def _class_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in load_lexicon().word_lists["class_nouns"])


def _number(word: str):
    """The count a word gives: its digits ("5") or a number word ("five"); else None."""
    if word.isdigit():
        return int(word)
    n = times_lexicon().number(word.lower()) if word.isalpha() else None
    return n if isinstance(n, (int, float)) else None


def class_named(tokens: list[str], things: frozenset[str], ends: frozenset[str]) -> bool:
    """A noun phrase headed by a class noun (data/commitments.yaml class_nouns: "units", "ships") names the
    promised thing when the content names its thing by a class noun too and a modifier of the head is a word of
    the content ("two IRIS-T air defence units" of "two IRIS-T air defence systems"). `ends`: the words that
    close the phrase; a count or a determiner opens a new stretch of modifiers."""
    classes = _class_stems()
    own = things - classes
    if not things & classes or not own:
        return False
    mods: set[str] = set()
    for k, tk in enumerate(tokens):
        low = tk.lower()
        if k and low in ends and tokens[k - 1].lower() not in ("the", "a", "an"):
            return False    # "... ships to the navy"; not "the last two of four ships"
        st = stem(low)
        if st in classes:
            return bool(mods & own)
        if low in ("of", "the", "a", "an") or tk[0].isdigit() or _number(tk) is not None:
            mods = set()
            continue
        mods.add(st)
    return False


_COUNT_SHARE = re.compile(r"(?:(\S+)\s+)?\b(\w+)\s+of\s+(?:the\s+|its\s+|their\s+|those\s+|these\s+)?(\w+)\b", re.I)


def count_part(text: str) -> bool:
    """A count of the promised things short of their number ("the first two of the four patrol ships", "Two
    of the five vessels"): a part, not the whole. The last or remaining ones of them ("the last three of
    five") complete what came before."""
    for m in _COUNT_SHARE.finditer(text):
        n, whole = _number(m.group(2)), _number(m.group(3))
        if n and whole and n < whole and (m.group(1) or "").lower() not in ("last", "final", "remaining", "other"):
            return True
    return False
