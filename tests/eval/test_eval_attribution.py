"""The attribution scorer on synthetic pairs (the definitions of ../shared/eval/README.md)."""
from __future__ import annotations

import json

import pytest

from newsledger.eval.attribution import jaccard, match, score


def st(content, speaker=None, cue=(0, 1)):
    return {"content": {"text": "", "span": list(content)},
            "speaker_mention": {"text": "", "span": list(speaker)} if speaker else None,
            "cue": {"text": "", "span": list(cue)}}


def gold(content, source=(), cue=((0, 1),)):
    return {"content": list(content), "source": [list(s) for s in source], "cue": [list(c) for c in cue]}


def test_jaccard():
    assert jaccard((0, 10), (0, 10)) == 1.0
    assert jaccard((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert jaccard((0, 10), (10, 20)) == 0.0


def test_match_needs_half_the_union_and_is_one_to_one():
    assert match([(0, 10)], [(0, 20)]) == [(0, 0)]          # 10/20 = 0.5 counts
    assert match([(0, 9)], [(0, 20)]) == []                  # 9/20 does not
    # two system spans over one gold: only the better one matches
    assert match([(0, 10), (0, 19)], [(0, 20)]) == [(1, 0)]


def test_score_counts_content_speaker_cue_and_attribution():
    system = {"statements": [
        st((0, 10), speaker=(20, 25), cue=(12, 16)),      # right content, speaker, cue
        st((30, 40), speaker=(50, 55), cue=(41, 45)),     # right content, wrong speaker, wrong cue
        st((60, 70)),                                      # right content, gold has no source: right
        st((100, 110), speaker=(1, 2)),                    # spurious
    ]}
    g = {"statements": [
        gold((0, 10), source=[(18, 22)], cue=[(12, 16)]),
        gold((30, 41), source=[(60, 65)], cue=[(46, 48)]),
        gold((60, 72), source=[], cue=[(58, 59)]),
        gold((200, 220), source=[(190, 195)]),             # missed
    ]}
    r = score([(system, g)])
    assert r["content_p"] == pytest.approx(3 / 4) and r["content_r"] == pytest.approx(3 / 4)
    assert r["content_f1"] == pytest.approx(3 / 4)
    assert r["speaker_accuracy"] == pytest.approx(1 / 2)   # over matched golds with a source
    assert r["cue_accuracy"] == pytest.approx(1 / 3)       # (0, 1) cue of the third misses (58, 59)
    assert r["attribution_f1"] == pytest.approx(2 / 4)


def test_unnamed_gold_source_wants_no_speaker():
    r = score([({"statements": [st((0, 10), speaker=(20, 25))]}, {"statements": [gold((0, 10))]})])
    assert r["content_f1"] == 1.0 and r["attribution_f1"] == 0.0


def test_empty_inputs_score_zero():
    r = score([({"statements": []}, {"statements": []})])
    assert r["content_f1"] == 0.0 and r["speaker_accuracy"] == 0.0


def test_run_eval_with_records(tmp_path):
    from newsledger.eval import run_eval
    g = tmp_path / "gold.jsonl"
    g.write_text(json.dumps({"id": "a", "statements": [gold((0, 10), source=[(12, 14)])]}) + "\n")
    rec = {"article": {"id": "a"}, "statements": [st((0, 10), speaker=(12, 13))]}
    r = run_eval("attribution", str(tmp_path / "unused.jsonl"), str(g), records=[rec])
    assert r["attribution_f1"] == 1.0 and r["documents"] == 1
