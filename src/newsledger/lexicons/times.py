"""The word lists of data/times/lexicon.yaml, as lookups and as regex fragments ("macros")."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import yaml

from .loader import data_path

DATA_DIR = data_path("times")
Number = Union[int, float, str]  # "X" for a vague quantity


def read_data(name: str) -> dict:
    """A YAML file of data/times/."""
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


def _alternation(forms: list[str]) -> str:
    """A regex alternation, longest form first so "Sept." wins over "Sept"; spaces match any whitespace."""
    parts = []
    for f in sorted(set(forms), key=len, reverse=True):
        p = re.escape(f).replace(r"\ ", r"\s+")
        # A form ending in a word character must end at a word boundary ("Mar" is not "Mary").
        parts.append(p + (r"\b" if f[-1].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


@dataclass
class Unit:
    name: str
    code: str            # TIMEX3 letter: Y M W D H M S Q
    clock: bool = False  # goes after "T" in a duration (PT3H)
    times: int = 1       # a decade is 10 Y
    vague: Optional[str] = None
    smaller: Optional[tuple[str, int]] = None


@dataclass
class Lexicon:
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    parts_of_day: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, Number] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    frequencies: dict[str, str] = field(default_factory=dict)
    holidays: dict[str, str] = field(default_factory=dict)
    forward_nouns: frozenset = frozenset()
    reporting_verbs: frozenset = frozenset()
    year_premodifiers: frozenset = frozenset()
    forward_cues: frozenset = frozenset()
    intent_verbs: frozenset = frozenset()
    intent_nouns: frozenset = frozenset()
    scheduling_verbs: frozenset = frozenset()
    generic_now_nouns: frozenset = frozenset()
    dated_plurals: frozenset = frozenset()
    macros: dict[str, str] = field(default_factory=dict)
    word_lists: dict[str, list[str]] = field(default_factory=dict)

    def word_list(self, name: str) -> list[str]:
        """The forms behind a macro name (MONTH, WEEKDAY, WEEKDAYS, UNIT, SEASON, HOLIDAY, FREQUENCY)."""
        return self.word_lists[name]

    # ---- lookups tolerant of case, dots and spacing ----
    def month(self, word: str) -> Optional[int]:
        w = _norm(word).rstrip(".")
        return self.months.get(w)

    def weekday(self, word: str) -> Optional[int]:
        w = _norm(word).rstrip(".")
        return self.weekdays.get(w) or (self.weekdays.get(w[:-1]) if w.endswith("s") else None)

    def season(self, word: str) -> Optional[str]:
        return self.seasons.get(_norm(word))

    def unit(self, word: str) -> Optional[Unit]:
        return self.units.get(_norm(word).rstrip("."))

    def number(self, text: str) -> Optional[Number]:
        """'12' -> 12, 'twenty-four' -> 24, 'a few' -> 'X', '2 1/2' -> 2.5, 'five and a half' -> 5.5."""
        t = _norm(text)
        if t.endswith(" more"):  # "a few more weeks", "two more years"
            t = t[: -len(" more")]
        half = 0.0
        if t.endswith(" and a half"):
            t, half = t[: -len(" and a half")], 0.5
        if t.endswith(" 1/2"):
            t, half = t[:-4], 0.5
        t = t.replace("-", " ")
        if re.fullmatch(r"\d+(\.\d+)?", t):
            v = float(t) + half
            return int(v) if v.is_integer() else v
        if t in self.numbers:
            v = self.numbers[t]
            return v if v == "X" or not half else v + half
        total = 0
        for w in t.split():
            v = self.numbers.get(w)
            if not isinstance(v, (int, float)) or w in ("a", "an"):
                return None
            total = total * v if v == 100 and total else total + v
        if not total:
            return None
        v = total + half
        return int(v) if float(v).is_integer() else v

    def year_words(self, text: str) -> Optional[int]:
        """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
        t = _norm(text).replace("-", " ").replace(" and ", " ")
        if t.startswith("the year "):
            t = t[len("the year "):]
        if t.startswith("two thousand"):
            rest = t[len("two thousand"):].strip()
            return 2000 + (self.number(rest) or 0) if rest else 2000
        words = t.split()
        if len(words) < 2:
            return None
        century = self.number(words[0])
        if words[1] == "hundred":
            rest = 0
        else:
            rest = self.number(" ".join(words[1:]))
        if not isinstance(century, int) or not isinstance(rest, int):
            return None
        return century * 100 + rest


def _forms_map(table: dict) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, forms in table.items():
        for f in forms:
            out[_norm(f).rstrip(".")] = key
    return out


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = read_data("lexicon.yaml")
    lex = Lexicon()
    lex.months = {k: int(v) for k, v in _forms_map(raw["months"]).items()}
    lex.weekdays = {k: int(v) for k, v in _forms_map(raw["weekdays"]).items()}
    lex.seasons = {k: str(v) for k, v in _forms_map(raw["seasons"]).items()}
    lex.parts_of_day = {k: str(v) for k, v in _forms_map(raw["parts_of_day"]).items()}
    lex.numbers = {_norm(k): v for k, v in raw["numbers"].items()}
    lex.ordinals = {k: int(v) for k, v in _forms_map(raw["ordinals"]).items()}
    lex.frequencies = {k: str(v) for k, v in _forms_map(raw["frequencies"]).items()}
    lex.holidays = {k: str(v) for k, v in _forms_map(raw["holidays"]).items()}
    for name, spec in raw["units"].items():
        unit = Unit(name=name, code=spec["code"], clock=bool(spec.get("clock")),
                    times=int(spec.get("times", 1)), vague=spec.get("vague"),
                    smaller=tuple(spec["smaller"]) if spec.get("smaller") else None)
        for f in spec["forms"]:
            lex.units[_norm(f)] = unit
    lex.forward_nouns = frozenset(w.lower() for w in raw.get("forward_nouns", []))
    lex.reporting_verbs = frozenset(w.lower() for w in raw.get("reporting_verbs", []))
    lex.year_premodifiers = frozenset(w.lower() for w in raw.get("year_premodifiers", []))
    lex.forward_cues = frozenset(w.lower() for w in raw.get("forward_cues", []))
    lex.intent_verbs = frozenset(w.lower() for w in raw.get("intent_verbs", []))
    lex.intent_nouns = frozenset(w.lower() for w in raw.get("intent_nouns", []))
    lex.scheduling_verbs = frozenset(w.lower() for w in raw.get("scheduling_verbs", []))
    lex.generic_now_nouns = frozenset(w.lower() for w in raw.get("generic_now_nouns", []))
    lex.dated_plurals = frozenset(w.lower() for w in raw.get("dated_plurals", []))

    def forms(table: dict) -> list[str]:
        return [f for fs in table.values() for f in fs]

    unit_forms = [f for spec in raw["units"].values() for f in spec["forms"]]
    lex.word_lists = {
        "MONTH": forms(raw["months"]), "WEEKDAY": forms(raw["weekdays"]),
        "WEEKDAYS": [f + "s" for f in forms(raw["weekdays"])], "UNIT": unit_forms,
        "SEASON": forms(raw["seasons"]), "HOLIDAY": forms(raw["holidays"]),
        "FREQUENCY": forms(raw["frequencies"]),
    }
    lex.macros = {
        "MONTH": _alternation(forms(raw["months"])),
        # A month on its own must be spelled out: "Jan" alone is more often a name.
        "MONTHFULL": _alternation([fs[0] for fs in raw["months"].values()]),
        "WEEKDAY": _alternation(forms(raw["weekdays"])),
        "WEEKDAYS": _alternation([fs[0] + "s" for fs in raw["weekdays"].values()]),
        "SEASON": _alternation(forms(raw["seasons"])),
        "ORD": _alternation([f for f in forms(raw["ordinals"]) if f not in ("final", "last")]),
        "UNIT": _alternation(unit_forms),
        "FREQUENCY": _alternation(forms(raw["frequencies"])),
        "HOLIDAY": _alternation(forms(raw["holidays"])),
    }
    return lex
