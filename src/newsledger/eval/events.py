"""Scoring events against the PLOVER gold sentences, exactly as ../shared/eval/README.md defines it.

- A gold event is *found* when the sentence's record has an event whose CAMEO code starts with a code
  of the gold's PLOVER category (CATEGORY_CODES).
- *Triple*: found by an event whose source and target actors also match the gold codes: an ISO 3166
  alpha-3 code equals the actor's `country` (JAP, ITL, VTN read as JPN, ITA, VNM); IGO matches an
  actor of type organization or alliance, NGO organization or group, ISM and IMG group; an empty gold
  side matches anything. A gold side listing several codes matches an actor that matches any of them.
- type_precision: the share of system events whose code expresses a gold category of their sentence.

Span gold (plv-dev: gold events with `source_spans` / `target_spans`) is scored by the same three
keys, with its own table and its own test of a triple:
- the categories are PLOVER roots, each with its CAMEO prefixes (ROOT_CODES: REQUEST 02 or 10,
  ASSAULT 18, 19 or 20, YIELD 08, ACCUSE 11, ...);
- a triple is right when the event's source actor has a mention overlapping a `source_spans` span and
  its target actor one overlapping a `target_spans` span (an empty list of spans is overlapped by
  nothing: the README's words, and the published figures, take it so).
Each gold event is read by its own kind, so one file could hold both.

`per_category` breaks the three keys down by gold category: `gold`, `type_recall`, `triple_recall`,
and `precision` over the system events whose code expresses that category (`system`).
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence

from .spans import overlap

# PLOVER (2016 draft) category -> the CAMEO code prefixes that express it.
CATEGORY_CODES: dict[str, tuple[str, ...]] = {
    "AGREE": ("03", "057"), "CONSULT": ("04",), "SUPPORT": ("05",), "COOPERATE": ("06",), "AID": ("07",),
    "CONCEDE": ("08",), "RETREAT": ("08",), "INVESTIGATE": ("09",), "DEMAND": ("10",),
    "DISAPPROVE": ("11",), "REJECT": ("12",), "THREATEN": ("13",), "PROTEST": ("14",),
    "MOBILIZE": ("15",), "SANCTION": ("16",), "COERCE": ("17",), "ASSAULT": ("18", "20"),
    "FIGHT": ("19", "20"),
}
# PLOVER root (the span gold's categories) -> the CAMEO code prefixes that express it.
ROOT_CODES: dict[str, tuple[str, ...]] = {
    "AGREE": ("03", "057"), "CONSULT": ("04",), "SUPPORT": ("05",), "COOPERATE": ("06",), "AID": ("07",),
    "YIELD": ("08",), "REQUEST": ("02", "10"), "ACCUSE": ("11",), "REJECT": ("12",), "THREATEN": ("13",),
    "PROTEST": ("14",), "MOBILIZE": ("15",), "SANCTION": ("16",), "COERCE": ("17",),
    "ASSAULT": ("18", "19", "20"),
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


def expresses(code: Optional[str], category: str,
              table: Mapping[str, tuple[str, ...]] = CATEGORY_CODES) -> bool:
    if not code:
        return False
    return any(code.startswith(prefix) for prefix in table.get(category, ()))


def has_spans(gold_event: dict) -> bool:
    """A gold event of the span kind (plv-dev), scored by roots and mention overlap."""
    return "source_spans" in gold_event or "target_spans" in gold_event


def table_of(gold_event: dict) -> Mapping[str, tuple[str, ...]]:
    return ROOT_CODES if has_spans(gold_event) else CATEGORY_CODES


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


def mentioned(actor: Optional[dict], spans: Sequence[Sequence[int]]) -> bool:
    """The actor has a mention overlapping one of the gold spans."""
    if actor is None:
        return False
    return any(overlap(m, g) > 0 for m in actor.get("mentions") or [] for g in spans)


def triple_right(event: dict, gold_event: dict, actors: Mapping[str, dict]) -> bool:
    """The event's source and target are the gold's: by mention overlap (span gold) or by code."""
    source = actors.get(event["source"]) if event.get("source") else None
    target = actors.get(event["target"]) if event.get("target") else None
    if has_spans(gold_event):
        return (mentioned(source, gold_event.get("source_spans") or [])
                and mentioned(target, gold_event.get("target_spans") or []))
    return (actor_matches(source, _gold_side(gold_event.get("source")))
            and actor_matches(target, _gold_side(gold_event.get("target"))))


class Tally:
    """Counts for one category or for all: gold events found / with the triple, system events right."""

    def __init__(self) -> None:
        self.gold = self.found = self.triples = self.system = self.right = 0

    def figures(self) -> dict[str, Any]:
        return {
            "type_recall": self.found / self.gold if self.gold else 0.0,
            "triple_recall": self.triples / self.gold if self.gold else 0.0,
            "type_precision": self.right / self.system if self.system else 0.0,
            "gold_events": self.gold,
            "system_events": self.system,
        }

    def row(self) -> dict[str, Any]:
        f = self.figures()
        return {"gold": self.gold, "type_recall": round(f["type_recall"], 4),
                "triple_recall": round(f["triple_recall"], 4), "system": self.system,
                "precision": round(f["type_precision"], 4)}


def score(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Any]:
    total = Tally()
    per: dict[str, Tally] = {}
    for system, gold in pairs:
        events = system.get("events") or []
        actors = {a["id"]: a for a in system.get("actors") or []}
        gold_events = gold.get("events") or []
        for g in gold_events:
            category = g.get("event")
            table = table_of(g)
            tallies = (total, per.setdefault(category, Tally()))
            typed = [e for e in events if expresses(e.get("code"), category, table)]
            found = bool(typed)
            triple = any(triple_right(e, g, actors) for e in typed)
            for t in tallies:
                t.gold += 1
                t.found += found
                t.triples += triple
        for e in events:
            right_for = {g.get("event") for g in gold_events
                         if expresses(e.get("code"), g.get("event"), table_of(g))}
            total.system += 1
            total.right += bool(right_for)
            for category in _categories_of(e.get("code"), gold_events):
                t = per.setdefault(category, Tally())
                t.system += 1
                t.right += category in right_for
    result = total.figures()
    result["per_category"] = {c: per[c].row() for c in sorted(per)}
    return result


def _categories_of(code: Optional[str], gold_events: list[dict]) -> set[str]:
    """The categories an event's code expresses, in the table of the sentence's gold."""
    if not code:
        return set()
    table = table_of(gold_events[0]) if gold_events else CATEGORY_CODES
    return {c for c in table if expresses(code, c, table)}
