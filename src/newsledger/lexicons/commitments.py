"""The commitments lexicon (data/commitments.yaml): trigger verbs and nouns, status verbs, kinds.

Read by the commitments component (nlp/commitments/) and by tracking (track/), which needs the kinds,
status verbs and link stopwords but not the parse. The closed-class words that decide whether a
clause commits anyone (negators, modals, condition marks, intention heads, generic determiners) are
English's, not this lexicon's: data/english.yaml, read by lexicons/english.py.
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
    report_verbs: frozenset[str]
    status_verbs: dict[str, dict]
    met_phrases: frozenset[tuple[str, str]]
    give_verbs: frozenset[str]
    more_words: frozenset[str]
    kind_groups: list[frozenset[str]]
    leader_roles: tuple[str, ...]
    due_preps: frozenset[str]
    content_preps: frozenset[str]
    member_preps: frozenset[str]
    link_stopwords: frozenset[str]
    event_roots: frozenset[str]
    ultimatum_give_verbs: frozenset[str] = frozenset()
    ultimatum_have_verbs: frozenset[str] = frozenset()
    warn_verbs: frozenset[str] = frozenset()
    voice_roles: tuple[str, ...] = ()
    word_lists: dict = None     # named lists an entry may point at (bare_object_in: threat_objects)
    acts_for: dict = None       # body -> the larger body it acts for ("european-commission" -> "european-union")
    opposite_acts: dict = None  # promised act -> {"opposite": [...], "transitive": [...]} (track/refusal.py)

    def group_of(self, kind: str) -> frozenset[str]:
        out: set[str] = {kind}
        for g in self.kind_groups:
            if kind in g:
                out |= g
        return frozenset(out)


@functools.lru_cache(maxsize=None)
def load_lexicon(text: Optional[str] = None) -> Lexicon:
    d = yaml.safe_load(text) if text is not None else yaml_data("commitments.yaml")
    return Lexicon(
        verbs=d["verbs"], nouns=d["nouns"],
        holder_verbs=frozenset(d["holder_verbs"]),
        counterparty_verbs=frozenset(d["counterparty_verbs"]),
        deadline_with_setter_is=d.get("deadline_with_setter_is", "deadline"),
        state_kinds=frozenset(d.get("state_kinds", [])),
        report_verbs=frozenset(d.get("report_verbs", [])),
        status_verbs=d.get("status_verbs", {}),
        met_phrases=frozenset(tuple(p) for p in d.get("met_phrases", [])),
        give_verbs=frozenset(d.get("extension_give_verbs", [])),
        more_words=frozenset(d.get("extension_more_words", [])),
        kind_groups=[frozenset(g) for g in d.get("kind_groups", [])],
        leader_roles=tuple(r.lower() for r in d.get("leader_roles", [])),
        due_preps=frozenset(d.get("due_preps", [])),
        content_preps=frozenset(d.get("content_preps", [])),
        member_preps=frozenset(d.get("member_preps", [])),
        link_stopwords=frozenset(d.get("link_stopwords", [])),
        event_roots=frozenset(str(r).zfill(2) for r in d.get("event_roots", [])),
        ultimatum_give_verbs=frozenset(d.get("ultimatum_give_verbs", [])),
        ultimatum_have_verbs=frozenset(d.get("ultimatum_have_verbs", [])),
        warn_verbs=frozenset(d.get("threat_warn_verbs", [])),
        voice_roles=tuple(r.lower() for r in d.get("state_voice_roles", [])),
        word_lists={k: frozenset(d.get(k, [])) for k in ("threat_objects", "announced_non_acts", "own_works", "threat_start_preps",
                                                           "not_announcing_cues", "order_verbs", "order_modals", "permission_verbs",
                                                           "announced_hedges", "period_preps", "start_verbs",
                                                           "state_voice_bodies", "unnamed_voices", "own_voices", "anonymous_sources",
                                                           "arrival_verbs", "receipt_verbs", "money_words", "motion_verbs",
                                                           "currency_words", "terms_preps", "party_nouns", "restraint_acts", "start_day_preps",
                                                           "restraint_bounds", "condition_time_marks", "condition_day_preps", "class_nouns",
                                                           "preferred_over")},
        acts_for=dict(d.get("link_acts_for") or {}),
        opposite_acts={k: {"opposite": tuple(v.get("opposite") or ()), "transitive": frozenset(v.get("transitive") or ())}
                       for k, v in (d.get("opposite_acts") or {}).items()},
    )
