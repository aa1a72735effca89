"""Attribution scoring against PolNeAR-style gold (../shared/eval/README.md, "attribution").

A system statement matches a gold one when their content spans overlap by at least half of their
union (Jaccard >= 0.5); each statement on either side is matched at most once, best overlaps first.

    content_p / content_r / content_f1   matched statements over system / gold statements
    speaker_accuracy   over matched pairs whose gold names a source: the system `speaker_mention`
                       span overlaps a gold source span
    cue_accuracy       over matched pairs: the system `cue` span overlaps a gold cue span
    attribution_f1     F1 counting a match only when the speaker is right too (where the gold
                       names no source, right means the system gives no `speaker_mention` either)

The exact keys score spans as the published PolNeAR systems do, with no matching between statements:
per article, the set of distinct content spans (and of distinct source spans: the gold's `source`
spans, the system's `speaker_mention` spans), each trimmed of white space, quotation marks and
`.,;:` at both ends; a system span counts when the gold set holds exactly the same span.

    content_exact_f1 / source_exact_f1   (and their _p, _r)

Statements reported inside another's words (`reported_by` set: Putin's in "According to the Kremlin,
Putin said ...") are scored apart. PolNeAR marks such a saying only as part of the outer statement's
content (on train, of 830 gold contents that hold another saying none has it as an entry of its own),
so the keys above score the statements the gold's scheme marks, those with `reported_by` null; what
leaving the others out hides is printed beside them:

    reported_statements        how many were left out
    reported_matching_gold     of those, how many match a gold statement no scored statement matched
                               (Jaccard >= 0.5): right answers the convention costs us
    attribution_f1_all         attribution_f1 with them scored like any other statement
"""
from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

from .spans import f1 as _f1, jaccard, one_to_one, overlap as _overlap, trimmed

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


class ExactCount:
    """Distinct trimmed spans per article, system against gold, summed over articles."""

    def __init__(self) -> None:
        self.system = self.gold = self.equal = 0

    def add(self, text: Optional[str], system: Iterable[Sequence[int]], gold: Iterable[Sequence[int]]) -> None:
        sys_set, gold_set = _distinct(text, system), _distinct(text, gold)
        self.system += len(sys_set)
        self.gold += len(gold_set)
        self.equal += len(sys_set & gold_set)

    def keys(self, name: str) -> dict[str, float]:
        p = self.equal / self.system if self.system else 0.0
        r = self.equal / self.gold if self.gold else 0.0
        return {f"{name}_exact_p": p, f"{name}_exact_r": r, f"{name}_exact_f1": _f1(p, r)}


def _distinct(text: Optional[str], spans: Iterable[Sequence[int]]) -> set[tuple[int, int]]:
    if text is None:        # a record without its text (tests): the spans as given
        return {(int(s[0]), int(s[1])) for s in spans}
    return {t for t in (trimmed(text, s) for s in spans) if t is not None}


def score(pairs: list[Pair]) -> dict[str, Any]:
    """The keys above over the statements the gold's scheme marks (`reported_by` null), and the
    reported ones counted apart."""
    scored = [(dict(r, statements=[s for s in r.get("statements", []) if s.get("reported_by") is None]), g)
              for r, g in pairs]
    result = score_all(scored)
    n_reported = found = 0
    for (record, gold), (outer, _) in zip(pairs, scored):
        reported = [s for s in record.get("statements", []) if s.get("reported_by") is not None
                    and s.get("content")]
        if not reported:
            continue
        n_reported += len(reported)
        gold_st = [g["content"] for g in gold.get("statements", [])]
        taken = {j for _, j in match([s["content"]["span"] for s in outer["statements"] if s.get("content")],
                                     gold_st)}
        found += sum(1 for _, j in match([s["content"]["span"] for s in reported], gold_st) if j not in taken)
    result["reported_statements"] = n_reported
    result["reported_matching_gold"] = found
    result["attribution_f1_all"] = score_all(pairs)["attribution_f1"] if n_reported else result["attribution_f1"]
    return result


def score_all(pairs: list[Pair]) -> dict[str, Any]:
    """The keys above over every statement of the records."""
    content_exact, source_exact = ExactCount(), ExactCount()
    n_sys = n_gold = n_match = 0
    spk_total = spk_right = cue_right = attr_right = 0
    for record, gold in pairs:
        sys_st = [s for s in record.get("statements", []) if s.get("content")]
        gold_st = gold.get("statements", [])
        n_sys += len(sys_st)
        n_gold += len(gold_st)
        text = (record.get("article") or {}).get("text")
        content_exact.add(text, [s["content"]["span"] for s in sys_st], [g["content"] for g in gold_st])
        source_exact.add(text, [s["speaker_mention"]["span"] for s in record.get("statements", [])
                                if s.get("speaker_mention")],
                         [span for g in gold_st for span in g.get("source", [])])
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
        **content_exact.keys("content"), **source_exact.keys("source"),
        "system_statements": n_sys, "gold_statements": n_gold, "matched": n_match,
    }
