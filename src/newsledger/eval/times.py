"""Scoring time expressions as in TempEval-3 (../shared/eval/README.md, `times`).

A system expression matches a gold one when their spans overlap; matching is one-to-one, each gold taking
the system span with the largest overlap (pairs are taken largest overlap first). Then, with S system
and G gold expressions in all:
    relaxed  P = matched / S, R = matched / G
    strict   P, R as relaxed, counting only matches whose spans are equal
    value    P, R counting only matches whose TIMEX3 value is equal
    type     P, R counting only matches whose type is equal
and each F1 is 2PR / (P + R) (0 when P + R is 0).
"""
from __future__ import annotations

from typing import Any, Iterable

from .spans import f1 as _f1, one_to_one, overlap as _overlap


def match(system: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one (system, gold) pairs of overlapping spans, the largest overlaps first."""
    cands = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            ov = _overlap(tuple(s["span"]), tuple(g["span"]))
            if ov > 0:
                cands.append((-ov, j, i))
    cands.sort()
    return [(system[i], gold[j]) for i, j in one_to_one((i, j) for _, j, i in cands)]


def score(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Any]:
    """`pairs`: (system record as SCHEMA.md JSON, gold object with `times`) per document."""
    n_sys = n_gold = relaxed = strict = value = typ = 0
    for record, gold_doc in pairs:
        system = record.get("times") or []
        gold = gold_doc.get("times") or []
        n_sys += len(system)
        n_gold += len(gold)
        for s, g in match(system, gold):
            relaxed += 1
            strict += list(s["span"]) == list(g["span"])
            value += str(s.get("value")) == str(g.get("value"))
            typ += s.get("type") == g.get("type")

    def prf(n: int) -> tuple[float, float, float]:
        p = n / n_sys if n_sys else 0.0
        r = n / n_gold if n_gold else 0.0
        return p, r, _f1(p, r)

    rp, rr, rf = prf(relaxed)
    sp, sr, sf = prf(strict)
    vp, vr, vf = prf(value)
    tp, tr, tf = prf(typ)
    r4 = lambda x: round(x, 4)  # noqa: E731
    return {
        "strict_f1": r4(sf), "relaxed_p": r4(rp), "relaxed_r": r4(rr), "relaxed_f1": r4(rf),
        "value_f1": r4(vf), "type_f1": r4(tf),
        "strict_p": r4(sp), "strict_r": r4(sr), "value_p": r4(vp), "value_r": r4(vr),
        "system": n_sys, "gold": n_gold,
    }
