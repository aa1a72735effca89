"""The learned statement filter (learned.AcceptModel, data/statements/accept_model.tsv): a statement the
rules propose is dropped when the model, trained on PolNeAR train's statements, scores it unlikely to be
one an annotator marks with its source right."""
from __future__ import annotations

import pytest

from newsledger.lexicons.cues import load_lexicon
from newsledger.nlp.statements.component import StatementsComponent
from newsledger.nlp.statements.learned import AcceptModel, shipped_accept
from newsledger.nlp.statements.train import ACCEPT_THRESHOLD, accept_examples

from .test_statements import base, runner  # noqa: F401  (base is a fixture)


@pytest.fixture(scope="module")
def filtered(base):
    return runner(base, StatementsComponent(base, "newsledger_statements"))


@pytest.fixture(scope="module")
def rules_only(base):
    return runner(base, StatementsComponent(base, "newsledger_statements", learned_filter=False))


def test_the_shipped_filter_is_read_with_its_threshold():
    model = shipped_accept()
    assert model is not None and model.threshold == ACCEPT_THRESHOLD
    assert model.weights


@pytest.mark.parametrize("text", [
    # a proposition the writer states with a placeholder subject: proposed by the rules, seldom a gold
    # statement with no source as PolNeAR marks them
    "It's worth noting that the first debate broke the record.",
])
def test_a_statement_the_model_scores_low_is_dropped(filtered, rules_only, text):
    assert len(rules_only(text)) == 1
    assert filtered(text) == []


@pytest.mark.parametrize("text, content", [
    # must not: the plain sayings of named speakers stay
    ("The senator said that the plan would fail.", "that the plan would fail"),
    ("“We will not accept this,” the foreign minister said.", "“We will not accept this,”"),
    ("Officials told reporters that the talks had collapsed.", "that the talks had collapsed"),
])
def test_plain_sayings_are_kept(filtered, text, content):
    found = filtered(text)
    assert len(found) == 1 and found[0].content.text.strip(" ,") == content.strip(" ,")


def test_a_model_of_ones_own_with_threshold_zero_keeps_everything(base, rules_only, tmp_path):
    path = tmp_path / "accept.tsv"
    AcceptModel({"bias": -5.0}, 0.0).dump(path)
    text = "It's worth noting that the first debate broke the record. The senator said that it failed."
    keep_all = runner(base, StatementsComponent(base, "newsledger_statements", accept_model=str(path)))
    assert [s.content.text for s in keep_all(text)] == [s.content.text for s in rules_only(text)]


def test_training_labels_a_statement_by_the_gold_it_matches(base):
    text = "The senator said that the plan would fail. Critics doubt the plan."
    doc = base(text)
    start = text.index("that the plan")
    content = [start, text.index(".")]
    gold = {"statements": [{"content": content, "source": [[0, len("The senator")]]}]}
    examples = accept_examples(doc, gold, load_lexicon(), None)
    assert examples and all(f[0] == "bias" for f, _ in examples)
    assert sorted(y for _, y in examples)[-1] == 1
    # the same statement with the source wrong is no positive example
    wrong = {"statements": [{"content": content, "source": [[text.index("Critics"), text.index(" doubt")]]}]}
    assert all(y == 0 for _, y in accept_examples(doc, wrong, load_lexicon(), None))


@pytest.mark.parametrize("text, modal", [
    # a saying still to come or only supposed: the cue's own modal
    ("The senator will say that the plan fails.", True),
    ("The senator would argue that the plan fails.", True),
    # must not: a modal inside the words is no modal of the saying
    ("The senator said that the plan would fail.", False),
    ("The senator says the plan could fail.", False),
])
def test_the_filter_sees_a_modal_on_the_cue(base, text, modal):
    from newsledger.nlp.statements.learned import statement_features
    from newsledger.nlp.statements.rules import find_attributions
    doc = base(text)
    found = find_attributions(doc, load_lexicon())
    assert len(found) == 1
    a = found[0]
    feats = statement_features(doc, a, doc[a.speaker_token] if a.speaker_token is not None else None, text)
    assert f"CMODAL={modal}" in feats
