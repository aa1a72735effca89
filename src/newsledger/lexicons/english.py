"""The closed-class words of English (data/english.yaml), read once, without spaCy.

nlp/grammar/ decides negation, modality, conditions, questions and relative pronouns from these
lists; an extractor that needs one of the words (not the decision) may read them here too.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .loader import yaml_data

MODAL_KINDS = ("future", "conditional", "possible", "ability", "obligation")


@dataclass(frozen=True)
class English:
    negators: frozenset[str]
    not_negating_after: frozenset[str]
    no_longer: frozenset[str]
    negating_preps: frozenset[str]
    negating_heads: frozenset[str]
    modals: dict[str, str]                  # word -> its kind (one of MODAL_KINDS)
    intent_heads: frozenset[str]
    condition_marks: frozenset[str]
    demanding_marks: frozenset[str]
    alternative_marks: frozenset[str]
    condition_phrases: tuple[tuple[str, ...], ...]     # split into words; the last is the marked one
    bound_marks: frozenset[str]
    question_marks: frozenset[str]
    generic_determiners: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    relative_pronouns: frozenset[str]
    extraposing_predicates: frozenset[str]
    closing_marks: str
    performative_subjects: frozenset[str] = frozenset()
    performative_modals: frozenset[str] = frozenset()

    def modal_words(self, *kinds: str) -> frozenset[str]:
        """The modal auxiliaries of the given kinds (all kinds when none is given)."""
        kinds = kinds or MODAL_KINDS
        return frozenset(w for w, k in self.modals.items() if k in kinds)


def _words(d: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in d.get(key, []))


@functools.lru_cache(maxsize=1)
def load_english() -> English:
    d = yaml_data("english.yaml")
    modals: dict[str, str] = {}
    for kind, words in d["modals"].items():
        if kind not in MODAL_KINDS:
            raise ValueError(f"data/english.yaml: unknown modal kind {kind!r}")
        for w in words:
            modals[str(w).lower()] = kind
    return English(
        negators=_words(d, "negators"),
        not_negating_after=_words(d, "not_negating_after"),
        no_longer=_words(d, "no_longer"),
        negating_preps=_words(d, "negating_preps"),
        negating_heads=_words(d, "negating_heads"),
        modals=modals,
        intent_heads=_words(d, "intent_heads"),
        condition_marks=_words(d, "condition_marks"),
        demanding_marks=_words(d, "demanding_marks"),
        alternative_marks=_words(d, "alternative_marks"),
        condition_phrases=tuple(tuple(p.lower().split()) for p in d.get("condition_phrases", [])),
        bound_marks=_words(d, "bound_marks"),
        question_marks=_words(d, "question_marks"),
        generic_determiners=_words(d, "generic_determiners"),
        hypothetical_modifiers=_words(d, "hypothetical_modifiers"),
        relative_pronouns=_words(d, "relative_pronouns"),
        extraposing_predicates=_words(d, "extraposing_predicates"),
        closing_marks=str(d.get("closing_marks", "")),
        performative_subjects=_words(d, "performative_subjects"),
        performative_modals=_words(d, "performative_modals"),
    )
