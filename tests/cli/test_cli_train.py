"""`newsledger train attribution`: a cue detector trained on a small corpus we wrote, and bad input."""
from __future__ import annotations

import json

from newsledger.nlp.statements.learned import LinearModel

# Each sentence: its text and the cue word a reader would mark ("" when it reports no one's stance).
SENTENCES = [
    ("Senator Ann Lee admires the Danish welfare model.", "admires"),
    ("The mayor admires the new housing plan.", "admires"),
    ("Governor Tom Hale admires the court's ruling.", "admires"),
    ("The senator opened a new bridge on Monday.", ""),
    ("The mayor opened a new school in May.", ""),
    ("The governor opened the annual fair.", ""),
    ("Critics admire the plan's ambition.", "admire"),
    ("The minister opened talks with the unions.", ""),
]


def write_corpus(tmp_path):
    articles, gold = [], []
    for i in range(0, len(SENTENCES), 2):
        text = " ".join(s for s, _ in SENTENCES[i:i + 2])
        statements = []
        for sentence, cue in SENTENCES[i:i + 2]:
            if cue:
                start = text.index(sentence) + sentence.index(cue)
                statements.append({"content": [start + len(cue) + 1, start + len(sentence) - 1],
                                   "source": [], "cue": [[start, start + len(cue)]]})
        articles.append({"id": f"a{i}", "text": text, "published": "2025-01-01"})
        gold.append({"id": f"a{i}", "statements": statements})
    inp, gp = tmp_path / "articles.jsonl", tmp_path / "gold.jsonl"
    inp.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    gp.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return inp, gp


def test_trains_a_model_that_learns_which_verbs_are_cues(cli, tmp_path):
    inp, gp = write_corpus(tmp_path)
    out = tmp_path / "model.tsv"
    result = cli("train", "attribution", inp, gp, "--out", out, "--threshold", "0.6")
    assert result.exit_code == 0, result.output
    assert "feature weights from 8 verbs in 4 article(s)" in result.stderr
    model = LinearModel.load(out)
    assert model.threshold == 0.6
    assert model.weights["L=admire"] > 0 > model.weights["L=open"]
    assert (tmp_path / "boundary_model.tsv").exists()      # beside --out unless --boundary-out says


def test_gold_with_no_matching_ids_is_a_clear_error(cli, tmp_path):
    inp, _ = write_corpus(tmp_path)
    other = tmp_path / "other.gold.jsonl"
    other.write_text('{"id": "zzz", "statements": []}\n', encoding="utf-8")
    result = cli("train", "attribution", inp, other, "--out", tmp_path / "m.tsv")
    assert result.exit_code != 0
    assert "no article has gold" in result.output + result.stderr
    assert not (tmp_path / "m.tsv").exists()


def test_malformed_gold_line_names_file_and_line(cli, tmp_path):
    inp, gp = write_corpus(tmp_path)
    gp.write_text(gp.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    result = cli("train", "attribution", inp, gp, "--out", tmp_path / "m.tsv")
    assert result.exit_code != 0
    assert f"{gp}:5" in result.output + result.stderr


def test_also_trains_the_boundary_model(cli, tmp_path):
    from newsledger.nlp.statements.boundary import BoundaryModel
    inp, gp = write_corpus(tmp_path)
    out, bout = tmp_path / "model.tsv", tmp_path / "bounds.tsv"
    result = cli("train", "attribution", inp, gp, "--out", out, "--boundary-out", bout)
    assert result.exit_code == 0, result.output
    assert f"{bout}: " in result.stderr and " statements" in result.stderr
    model = BoundaryModel.load(bout)
    assert set(model.trans) == {("I", "I"), ("I", "O"), ("O", "I"), ("O", "O")}
    # --no-boundary: the cue detector alone
    bout.unlink()
    result = cli("train", "attribution", inp, gp, "--out", out, "--boundary-out", bout, "--no-boundary")
    assert result.exit_code == 0, result.output
    assert out.exists() and not bout.exists()
