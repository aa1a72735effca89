"""Counts of dead and injured: "killed 23 people", "at least a dozen dead", "20 people were wounded"."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100, "thousand": 1000,
}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")

KILLED = frozenset({"kill", "die", "dead", "massacre", "murder"})
INJURED = frozenset({"wound", "injure", "hurt", "injured", "wounded"})


def number_value(tok: Token) -> Optional[int]:
    """The integer a number token says ("23", "1,200", "twenty", "dozen"), or None ("dozens")."""
    text = tok.lower_
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    if text in _UNITS:
        value = _UNITS[text]
        # "two hundred", "a dozen": a multiplier word takes the number before it.
        if value in (100, 1000, 12) and tok.i > 0:
            prev = tok.nbor(-1)
            if prev.lower_ in _UNITS and _UNITS[prev.lower_] < value:
                return _UNITS[prev.lower_] * value
            if _DIGITS.match(prev.lower_):
                return int(prev.lower_.replace(",", "")) * value
        return value
    return None


def count_of(noun: Token) -> Optional[int]:
    """The number a noun phrase counts ("23 people", "three ethnic Albanians", or a bare "50")."""
    value = number_value(noun) if noun.pos_ == "NUM" or noun.lower_ in _UNITS else None
    if value is not None:
        return value
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or child.pos_ == "NUM":
            value = number_value(child)
            if value is not None:
                return value
    return None


def casualty_kind(tok: Token) -> Optional[str]:
    lemma = tok.lemma_.lower()
    if lemma in KILLED or tok.lower_ == "dead":
        return "fatalities"
    if lemma in INJURED or tok.lower_ in INJURED:
        return "injured"
    return None


def casualty_count(tok: Token) -> Optional[int]:
    """How many a casualty word counts: its object ("killed 23 people"), its passive or predicative
    subject ("23 people were killed", "a dozen dead")."""
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "nsubj"):
            value = count_of(child)
            if value is not None:
                return value
    if tok.dep_ in ("acomp", "amod", "oprd") or tok.pos_ == "ADJ":
        head = tok.head
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                value = count_of(child)
                if value is not None:
                    return value
        value = count_of(head) if head.pos_ in ("NOUN", "NUM") else None
        if value is not None:
            return value
    # "killing or wounding 50": the object sits on the coordinated verb.
    for child in tok.children:
        if child.dep_ == "conj" and casualty_kind(child):
            for sub in child.children:
                if sub.dep_ == "dobj":
                    return count_of(sub)
    return None
