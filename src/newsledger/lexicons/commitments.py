"""The commitments lexicon (data/commitments.yaml): trigger verbs and nouns, status verbs, kinds.

Read by the commitments component (nlp/commitments/) and by tracking (track/), which needs the kinds,
status verbs and link stopwords but not the parse.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

import yaml

from .loader import yaml_data


@dataclass
class Lexicon:
    verbs: dict[str, dict]
    nouns: dict[str, dict]
    holder_verbs: frozenset[str]
    counterparty_verbs: frozenset[str]
    deadline_with_setter_is: str
    state_kinds: frozenset[str]
    modals: frozenset[str]
    determiners: frozenset[str]
    hypo_marks: frozenset[str]
    condition_marks: frozenset[str]
    report_verbs: frozenset[str]
    status_verbs: dict[str, dict]
    met_phrases: frozenset[tuple[str, str]]
    give_verbs: frozenset[str]
    more_words: frozenset[str]
    kind_groups: list[frozenset[str]]
    leader_roles: tuple[str, ...]
    negating_heads: frozenset[str]
    due_preps: frozenset[str]
    content_preps: frozenset[str]
    member_preps: frozenset[str]
    link_stopwords: frozenset[str]
    intent_heads: frozenset[str]
    event_roots: frozenset[str]
    hypo_modifiers: frozenset[str]
    ultimatum_give_verbs: frozenset[str] = frozenset()
    ultimatum_have_verbs: frozenset[str] = frozenset()
    warn_verbs: frozenset[str] = frozenset()
    future_aux: frozenset[str] = frozenset()
    voice_roles: tuple[str, ...] = ()
    word_lists: dict = None     # named lists an entry may point at (bare_object_in: threat_objects)

    def group_of(self, kind: str) -> frozenset[str]:
        out: set[str] = {kind}
        for g in self.kind_groups:
            if kind in g:
                out |= g
        return frozenset(out)


@functools.lru_cache(maxsize=None)
def load_lexicon(text: Optional[str] = None) -> Lexicon:
    d = yaml.safe_load(text) if text is not None else yaml_data("commitments.yaml")
    hyp = d.get("hypothetical", {})
    return Lexicon(
        verbs=d["verbs"], nouns=d["nouns"],
        holder_verbs=frozenset(d["holder_verbs"]),
        counterparty_verbs=frozenset(d["counterparty_verbs"]),
        deadline_with_setter_is=d.get("deadline_with_setter_is", "deadline"),
        state_kinds=frozenset(d.get("state_kinds", [])),
        modals=frozenset(hyp.get("modals", [])),
        determiners=frozenset(hyp.get("determiners", [])),
        hypo_marks=frozenset(hyp.get("marks", [])),
        condition_marks=frozenset(m for m in d.get("condition_marks", []) if " " not in m),
        report_verbs=frozenset(d.get("report_verbs", [])),
        status_verbs=d.get("status_verbs", {}),
        met_phrases=frozenset(tuple(p) for p in d.get("met_phrases", [])),
        give_verbs=frozenset(d.get("extension_give_verbs", [])),
        more_words=frozenset(d.get("extension_more_words", [])),
        kind_groups=[frozenset(g) for g in d.get("kind_groups", [])],
        leader_roles=tuple(r.lower() for r in d.get("leader_roles", [])),
        negating_heads=frozenset(d.get("negating_heads", [])),
        due_preps=frozenset(d.get("due_preps", [])),
        content_preps=frozenset(d.get("content_preps", [])),
        member_preps=frozenset(d.get("member_preps", [])),
        link_stopwords=frozenset(d.get("link_stopwords", [])),
        intent_heads=frozenset(d.get("intent_heads", [])),
        event_roots=frozenset(str(r).zfill(2) for r in d.get("event_roots", [])),
        hypo_modifiers=frozenset(hyp.get("modifiers", [])),
        ultimatum_give_verbs=frozenset(d.get("ultimatum_give_verbs", [])),
        ultimatum_have_verbs=frozenset(d.get("ultimatum_have_verbs", [])),
        warn_verbs=frozenset(d.get("threat_warn_verbs", [])),
        future_aux=frozenset(d.get("threat_future_aux", [])),
        voice_roles=tuple(r.lower() for r in d.get("state_voice_roles", [])),
        word_lists={"threat_objects": frozenset(d.get("threat_objects", []))},
    )
