"""Finding time expressions in text: the rules of data/times/patterns.yaml, compiled once."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from .lexicon import Lexicon, _data, load_lexicon

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
    raw = _data("patterns.yaml")
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
        rules.append(Rule(id=spec["id"], regex=regex, type=spec["type"], norm=spec["norm"],
                          value=spec.get("value"), groups=dict(spec.get("groups", {})),
                          example=spec.get("example", ""), order=n))
    return tuple(rules)


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
    letters = [c for c in text[:4000] if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    # In all-caps or all-lower text capitalization says nothing about names.
    case_free = bool(letters) and (upper > 0.8 * len(letters) or upper < 0.005 * len(letters))
    found: list[Match] = []
    for rule in rules:
        for m in rule.regex.finditer(text):
            if m.end() == m.start() or not _capitalized_ok(m, case_free):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            groups.update({k: v for k, v in rule.groups.items() if k not in groups})
            start, end = (m.start("t"), m.end("t")) if "t" in groups else (m.start(), m.end())
            # Trim whitespace and trailing punctuation a pattern may have eaten.
            while end > start and text[end - 1] in " \t\n,":
                end -= 1
            found.append(Match(start, end, rule, groups, m.end() - m.start()))
    return select(found)


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
