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


# ---- exact keys: distinct trimmed spans per article, equal or not ----------------------------------

TEXT = '“We will not pay,” the minister said. Officials said that talks would go on; Reuters reported it.'
# the minister 19-31, Officials 38-47, " that talks would go on; " 52-77, Reuters 77-84, " reported it." 84-97


def test_trimmed_drops_spaces_quotes_and_punctuation_at_both_ends_only():
    from newsledger.eval.spans import trimmed
    assert trimmed(TEXT, (0, 18)) == (1, 16)                  # “We will not pay,” -> We will not pay
    assert TEXT[slice(*trimmed(TEXT, (52, 77)))] == "that talks would go on"
    assert trimmed(TEXT, (16, 19)) is None                    # ,”  : nothing left
    assert trimmed("a\u00a0b\u00a0", (0, 4)) == (0, 4)         # a no-break space stays (an error of the span)


def test_exact_keys_compare_distinct_trimmed_spans():
    system = {"article": {"id": "a", "text": TEXT}, "statements": [
        st((0, 17), speaker=(19, 31)),                        # “We will not pay,  : trims to the gold's
        st((0, 16), speaker=(19, 31)),                        # the same span again: counted once
        st((58, 76), speaker=(38, 47)),                       # talks would go on  : gold keeps "that"
        st((85, 93), speaker=(77, 84)),                       # "reported": overlaps, is not equal
    ]}
    g = {"statements": [gold((0, 18), source=[(19, 31)]),           # the minister
                        gold((52, 77), source=[(38, 47)]),          # Officials
                        gold((84, 97), source=[])]}
    r = score([(system, g)])
    assert (r["content_exact_p"], r["content_exact_r"]) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    assert r["content_exact_f1"] == pytest.approx(1 / 3)
    assert r["source_exact_p"] == pytest.approx(2 / 3) and r["source_exact_r"] == 1.0
    assert r["source_exact_f1"] == pytest.approx(0.8)
    assert r["content_f1"] == pytest.approx(2 * (3 / 4 * 1) / (3 / 4 + 1))   # overlap matching differs


def test_exact_keys_are_per_article():
    a = {"article": {"id": "a", "text": TEXT}, "statements": [st((0, 18))]}
    b = {"article": {"id": "b", "text": TEXT}, "statements": []}
    r = score([(a, {"statements": []}), (b, {"statements": [gold((0, 18))]})])
    assert r["content_exact_f1"] == 0.0 and r["content_exact_p"] == 0.0 and r["content_exact_r"] == 0.0


def test_attribution_scoring_loads_no_spacy():
    import subprocess
    import sys
    code = "import sys, newsledger.eval.attribution, newsledger.eval.events, newsledger.eval.times, " \
           "newsledger.eval.tracking; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_shared_dev_gold_against_itself(shared_dir):
    """PolNeAR dev's own spans as the system's: the exact keys are 1.0 (each article's spans distinct)."""
    from newsledger.eval import read_gold
    path, text_path = (shared_dir / "eval" / "attribution" / f"dev{s}.jsonl" for s in (".gold", ""))
    if not path.exists():
        pytest.skip("no attribution gold in ../shared/eval")
    texts = {}
    with open(text_path, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            texts[obj["id"]] = obj["text"]
    pairs = []
    for g in read_gold(str(path)).values():
        sts = [st(x["content"], speaker=x["source"][0] if x["source"] else None) for x in g["statements"]]
        pairs.append(({"article": {"id": g["id"], "text": texts[g["id"]]}, "statements": sts}, g))
    r = score(pairs)
    assert r["content_exact_f1"] == 1.0 and r["content_f1"] == 1.0
    assert r["source_exact_p"] == 1.0      # every first source is a gold source; later ones are missed


def test_reported_statements_are_scored_apart():
    """The gold marks a reported saying only inside the outer statement's words: the keys score the
    statements with `reported_by` null; the others are counted, and those a gold statement would have
    matched are said."""
    outer = st((0, 40), speaker=(50, 55), cue=(45, 49))
    inner = dict(st((10, 40), speaker=(0, 5), cue=(6, 9)), reported_by=0)
    spare = dict(st((60, 80), speaker=(0, 5), cue=(6, 9)), reported_by=0)
    golds = {"statements": [gold((0, 40), source=[(50, 55)]), gold((60, 80), source=[(90, 95)])]}
    result = score([({"statements": [outer, inner, spare]}, golds)])
    alone = score([({"statements": [outer]}, golds)])
    apart = ("reported_statements", "reported_matching_gold", "attribution_f1_all")
    assert {k: result[k] for k in alone if k not in apart} == {k: v for k, v in alone.items() if k not in apart}
    assert result["system_statements"] == 1
    assert result["reported_statements"] == 2
    assert result["reported_matching_gold"] == 1        # (60, 80): a gold statement no outer one matched
    assert result["attribution_f1_all"] < result["attribution_f1"]
