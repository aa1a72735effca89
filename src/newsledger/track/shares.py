"""Which words name the promised thing beyond its own: a word of its derivational family ("purifiers" of
"water purification units"), and whether an ordinal share of it is the whole ("the second of" two corvettes)
or a part (track/acts.py, arrived and _matches)."""
from __future__ import annotations

from ..lexicons.english import load_english
from ..lexicons.times import load_lexicon as times_lexicon


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
