"""Finding time expressions in text: the rules of data/times/patterns.yaml, compiled once."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from ...lexicons.times import Lexicon, load_lexicon, read_data

_DET_BEFORE_ADJ = re.compile(r"(?:a|an|the|its|their|his|her|that)\s+(?=[\w']+(?:-[\w']+)+$)", re.IGNORECASE)
_MACRO = re.compile(r"\{([A-Z][A-Z0-9]*)\}")
# Groups holding a name that only counts when capitalized ("May" the month, not "may" the verb).
_NAME_GROUPS = ("month", "weekday", "weekday2", "holiday")


@dataclass
class Rule:
    id: str
    regex: re.Pattern
    type: str
    norm: str
    value: Optional[str] = None
    groups: dict[str, str] = field(default_factory=dict)
    example: str = ""
    order: int = 0
    keys: Optional[frozenset] = None  # every match contains one: the rule is tried only near them


@dataclass
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str]
    length: int = 0  # of the whole regex match, context included: the priority among overlaps


def _expand(pattern: str, macros: dict[str, str], depth: int = 0) -> str:
    if depth > 5:
        raise ValueError(f"macro recursion in {pattern!r}")
    out = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
    return _expand(out, macros, depth + 1) if _MACRO.search(out) else out


@functools.lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    lex = load_lexicon()
    raw = read_data("patterns.yaml")
    macros = dict(lex.macros)
    macros.update(raw.get("macros", {}))
    rules = []
    for n, spec in enumerate(raw["rules"]):
        body = _expand(spec["pattern"], macros)
        try:
            # Word boundaries on both sides unless the pattern sets its own.
            regex = re.compile(r"(?<![\w'])(?:" + body + r")(?![\w])", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"times rule {spec['id']}: bad pattern ({exc})") from None
        keys = _key_words(spec["keys"], lex) if spec.get("keys") else None
        rules.append(Rule(id=spec["id"], regex=regex, type=spec["type"], norm=spec["norm"],
                          value=spec.get("value"), groups=dict(spec.get("groups", {})),
                          example=spec.get("example", ""), order=n, keys=keys))
    return tuple(rules)


# How far a match may reach before and after its key (the longest prefix/suffix of any rule).
_WINDOW = 90
_WORD = re.compile(r"[^\W\d_]+|\d+")
_KEY_STOP = {"the", "of", "day", "s", "a", "an"}


def _key_words(spec: list, lex: Lexicon) -> frozenset:
    """The lower-case words (or NUM / NUM4) of a rule's `keys`."""
    words: set[str] = set()
    for k in spec:
        k = str(k)
        if k in ("NUM", "NUM4"):
            words.add(k)
        elif k.isupper():
            # Of multi-word names ("New Year's Day") any word will do, but not the commonest ones.
            stop = _KEY_STOP if k == "HOLIDAY" else set()
            words.update(w for f in lex.word_list(k) for w in _WORD.findall(f.lower()) if w not in stop)
        else:
            words.add(k.lower())
    return frozenset(words)


def _trie_regex(words: set[str]) -> str:
    """A regex matching exactly these words, as a trie (fast in the C engine, unlike a long alternation)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")"
        return body + "?" if optional else body

    return build(trie)


@functools.lru_cache(maxsize=1)
def _key_scanner() -> re.Pattern:
    vocab = set().union(*(r.keys for r in load_rules() if r.keys)) - {"NUM", "NUM4"}
    return re.compile(r"\b(?:" + _trie_regex(vocab) + r")\b|\d+")


def _key_positions(text: str) -> dict[str, list[tuple[int, int]]]:
    """The key words of the text (lower case) and numbers, with offsets: one regex pass per document."""
    index: dict[str, list[tuple[int, int]]] = {}
    for m in _key_scanner().finditer(text.lower()):
        w = m.group()
        if w[0].isdigit():
            index.setdefault("NUM", []).append(m.span())
            if len(w) == 4:
                index.setdefault("NUM4", []).append(m.span())
        else:
            index.setdefault(w, []).append(m.span())
    return index


def _windows(text: str, keys: frozenset, index: dict, cache: dict) -> list[tuple[int, int]]:
    if keys not in cache:
        spans = sorted(sp for k in keys for sp in index.get(k, ()))
        wins: list[tuple[int, int]] = []
        n = len(text)
        for ks, ke in spans:
            lo, hi = max(0, ks - _WINDOW), min(n, ke + _WINDOW)
            if wins and lo <= wins[-1][1]:
                wins[-1] = (wins[-1][0], max(hi, wins[-1][1]))
            else:
                wins.append((lo, hi))
        cache[keys] = wins
    return cache[keys]


def _capitalized_ok(m: re.Match, case_free: bool) -> bool:
    if case_free:
        return True
    for g in _NAME_GROUPS:
        s = m.groupdict().get(g)
        if s and not s[0].isupper():
            return False
    return True


def find_candidates(text: str, rules: Optional[tuple[Rule, ...]] = None) -> list[Match]:
    """Every rule match, then the longest of each overlapping group (ties: the earlier rule)."""
    rules = rules or load_rules()
    sample = text[:3000]
    upper, lower = sum(map(str.isupper, sample)), sum(map(str.islower, sample))
    # In all-caps or all-lower text capitalization says nothing about names.
    case_free = upper > 4 * lower or upper * 200 < lower
    found: list[Match] = []
    seen: set[tuple[int, int, int]] = set()
    cache: dict = {}
    index = _key_positions(text)
    for rule in rules:
        for m in _matches(rule, text, index, cache):
            if m.end() == m.start() or not _capitalized_ok(m, case_free):
                continue
            if (rule.order, m.start(), m.end()) in seen:
                continue
            seen.add((rule.order, m.start(), m.end()))
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            groups.update({k: v for k, v in rule.groups.items() if k not in groups})
            start, end = (m.start("t"), m.end("t")) if "t" in groups else (m.start(), m.end())
            # A determiner before a hyphenated adjective is the noun's, not the time's ("a third-quarter loss").
            det = _DET_BEFORE_ADJ.match(text, start, end)
            if det:
                start = det.end()
            # Trim whitespace and trailing punctuation a pattern may have eaten.
            while end > start and text[end - 1] in " \t\n,":
                end -= 1
            found.append(Match(start, end, rule, groups, m.end() - m.start()))
    return select(found)


def _matches(rule: Rule, text: str, index: dict, cache: dict) -> Iterator[re.Match]:
    if rule.keys is None:
        yield from rule.regex.finditer(text)
        return
    for lo, hi in _windows(text, rule.keys, index, cache):
        # Lookbehinds still see the text before `lo`; a window ends at a word boundary or the text's end.
        while hi < len(text) and text[hi - 1].isalnum():
            hi += 1
        yield from rule.regex.finditer(text, lo, hi)


def select(found: list[Match]) -> list[Match]:
    """Non-overlapping matches, preferring longer spans, then earlier rules."""
    found.sort(key=lambda m: (-m.length, m.rule.order, m.start))
    taken: list[tuple[int, int]] = []
    chosen: list[Match] = []
    for m in found:
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        taken.append((m.start, m.end))
        chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    return chosen


def iter_examples() -> Iterator[tuple[Rule, str]]:
    for rule in load_rules():
        if rule.example:
            yield rule, rule.example
