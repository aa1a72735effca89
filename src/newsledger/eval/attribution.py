"""Attribution scoring against PolNeAR-style gold (../shared/eval/README.md, "attribution").

A system statement matches a gold one when their content spans overlap by at least half of their
union (Jaccard >= 0.5); each statement on either side is matched at most once, best overlaps first.

    content_p / content_r / content_f1   matched statements over system / gold statements
    speaker_accuracy   over matched pairs whose gold names a source: the system `speaker_mention`
                       span overlaps a gold source span
    cue_accuracy       over matched pairs: the system `cue` span overlaps a gold cue span
    attribution_f1     F1 counting a match only when the speaker is right too (where the gold
                       names no source, right means the system gives no `speaker_mention` either)
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

from ..nlp.statements.spans import jaccard     # the extractor's own test of "the same words"
from .spans import f1 as _f1, one_to_one, overlap as _overlap

Pair = tuple[dict, dict]


def _touches(span: Optional[Sequence[int]], golds: Iterable[Sequence[int]]) -> bool:
    return span is not None and any(_overlap(span, g) > 0 for g in golds)


def match(system: list[Sequence[int]], gold: list[Sequence[int]]) -> list[tuple[int, int]]:
    """Index pairs (system, gold) with Jaccard >= 0.5, one-to-one, highest Jaccard first."""
    cands = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            jac = jaccard(s, g)
            if jac >= 0.5:
                cands.append((-jac, i, j))
    cands.sort()
    return one_to_one((i, j) for _, i, j in cands)


def score(pairs: list[Pair]) -> dict[str, Any]:
    n_sys = n_gold = n_match = 0
    spk_total = spk_right = cue_right = attr_right = 0
    for record, gold in pairs:
        sys_st = [s for s in record.get("statements", []) if s.get("content")]
        gold_st = gold.get("statements", [])
        n_sys += len(sys_st)
        n_gold += len(gold_st)
        for i, j in match([s["content"]["span"] for s in sys_st], [g["content"] for g in gold_st]):
            s, g = sys_st[i], gold_st[j]
            n_match += 1
            mention = s.get("speaker_mention")
            mention_span = mention["span"] if mention else None
            cue_span = s["cue"]["span"] if s.get("cue") else None
            if _touches(cue_span, g.get("cue", [])):
                cue_right += 1
            if g.get("source"):
                spk_total += 1
                right = _touches(mention_span, g["source"])
                spk_right += right
            else:
                right = mention_span is None
            attr_right += right
    p = n_match / n_sys if n_sys else 0.0
    r = n_match / n_gold if n_gold else 0.0
    ap = attr_right / n_sys if n_sys else 0.0
    ar = attr_right / n_gold if n_gold else 0.0
    return {
        "content_p": p, "content_r": r, "content_f1": _f1(p, r),
        "speaker_accuracy": spk_right / spk_total if spk_total else 0.0,
        "cue_accuracy": cue_right / n_match if n_match else 0.0,
        "attribution_f1": _f1(ap, ar),
        "system_statements": n_sys, "gold_statements": n_gold, "matched": n_match,
    }
