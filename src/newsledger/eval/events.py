"""Scoring events against the PLOVER gold sentences, exactly as ../shared/eval/README.md defines it.

- A gold event is *found* when the sentence's record has an event whose CAMEO code starts with a code
  of the gold's PLOVER category (CATEGORY_CODES).
- *Triple*: found by an event whose source and target actors also match the gold codes: an ISO 3166
  alpha-3 code equals the actor's `country` (JAP, ITL, VTN read as JPN, ITA, VNM); IGO matches an
  actor of type organization or alliance, NGO organization or group, ISM and IMG group; an empty gold
  side matches anything. A gold side listing several codes matches an actor that matches any of them.
- type_precision: the share of system events whose code expresses a gold category of their sentence.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

# PLOVER (2016 draft) category -> the CAMEO code prefixes that express it.
CATEGORY_CODES: dict[str, tuple[str, ...]] = {
    "AGREE": ("03", "057"), "CONSULT": ("04",), "SUPPORT": ("05",), "COOPERATE": ("06",), "AID": ("07",),
    "CONCEDE": ("08",), "RETREAT": ("08",), "INVESTIGATE": ("09",), "DEMAND": ("10",),
    "DISAPPROVE": ("11",), "REJECT": ("12",), "THREATEN": ("13",), "PROTEST": ("14",),
    "MOBILIZE": ("15",), "SANCTION": ("16",), "COERCE": ("17",), "ASSAULT": ("18", "20"),
    "FIGHT": ("19", "20"),
}
# Old CAMEO country codes in the gold -> ISO 3166 alpha-3.
CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Gold actor-type codes -> the actor types that match them.
TYPE_CODES = {
    "IGO": frozenset({"organization", "alliance"}),
    "NGO": frozenset({"organization", "group"}),
    "ISM": frozenset({"group"}),
    "IMG": frozenset({"group"}),
}


def expresses(code: Optional[str], category: str) -> bool:
    if not code:
        return False
    return any(code.startswith(prefix) for prefix in CATEGORY_CODES.get(category, ()))


def _gold_side(value: Any) -> list[str]:
    """The gold codes of one side, without blanks; [] means "matches anything"."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(v).strip().upper() for v in value if str(v).strip()]


def actor_matches(actor: Optional[dict], codes: list[str]) -> bool:
    if not codes:
        return True
    if actor is None:
        return False
    for code in codes:
        if code in TYPE_CODES:
            if actor.get("type") in TYPE_CODES[code]:
                return True
        elif actor.get("country") and CODE_ALIASES.get(code, code) == actor["country"]:
            return True
    return False


def score(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Any]:
    gold_total = found = triples = 0
    system_total = system_right = 0
    for system, gold in pairs:
        events = system.get("events") or []
        actors = {a["id"]: a for a in system.get("actors") or []}
        gold_events = gold.get("events") or []
        categories = {g.get("event") for g in gold_events}
        for g in gold_events:
            gold_total += 1
            category = g.get("event")
            typed = [e for e in events if expresses(e.get("code"), category)]
            if not typed:
                continue
            found += 1
            sources, targets = _gold_side(g.get("source")), _gold_side(g.get("target"))
            if any(actor_matches(actors.get(e.get("source")) if e.get("source") else None, sources)
                   and actor_matches(actors.get(e.get("target")) if e.get("target") else None, targets)
                   for e in typed):
                triples += 1
        for e in events:
            system_total += 1
            if any(expresses(e.get("code"), c) for c in categories):
                system_right += 1
    return {
        "type_recall": found / gold_total if gold_total else 0.0,
        "triple_recall": triples / gold_total if gold_total else 0.0,
        "type_precision": system_right / system_total if system_total else 0.0,
        "gold_events": gold_total,
        "system_events": system_total,
    }
