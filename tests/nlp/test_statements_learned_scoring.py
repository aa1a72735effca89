"""The learned cue detector as the rules ask it (verb_cues.is_learned_cue: cached fixed features, a
ceiling that turns a verb down before its speaker is looked for, the quotation looked for only when it
decides) must answer as the model does on the full feature list (verb_features, what training sees)."""
from __future__ import annotations

import pytest
import spacy

from newsledger.nlp.pipeline import DEFAULT_MODEL
from newsledger.nlp.statements import QuoteRegions, load_lexicon
from newsledger.nlp.statements.context import Reading
from newsledger.nlp.statements.learned import child_features, shipped
from newsledger.nlp.statements.verb_cues import known_frame, is_learned_cue, verb_features

TEXT = ("The senator openly admires the governor, and the two leaders signed an agreement on Monday. "
        "A new poll indicates a tightening race. “We will rebuild the bridge,” the mayor promised "
        "residents, who cheered. Engineers examined the cracks and found no proof of neglect. "
        "The company fired its chief executive after he lost the contract. Critics doubt the plan, "
        "and the union fears layoffs. Voters elected her twice; she wants a third term.\n\n"
        "“It is a disaster,” she wrote. The council blamed the contractor for the delays.")


@pytest.fixture(scope="module")
def reading():
    nlp = spacy.load(DEFAULT_MODEL)
    doc = nlp(TEXT)
    model = shipped()
    assert model is not None
    return Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, model)


def test_is_learned_cue_answers_as_the_model_on_the_full_features(reading):
    verbs = [t for t in reading.doc if t.pos_ == "VERB"]
    assert len(verbs) >= 15
    answers = [is_learned_cue(reading, t) for t in verbs]
    assert answers == [reading.cue_model.is_cue(verb_features(reading, t)) for t in verbs]
    assert any(answers) and not all(answers)


def test_is_cue_parts_is_is_cue_on_the_joined_list(reading):
    model = reading.cue_model
    for t in reading.doc:
        if t.pos_ != "VERB":
            continue
        feats = verb_features(reading, t)
        for _ in range(2):      # (the second time, the sum of the first twelve comes from the cache)
            assert model.is_cue_parts(tuple(feats[:12]), feats[12:]) == model.is_cue(feats)


def test_rules_out_only_verbs_that_are_no_cue_and_some(reading):
    model, lex = reading.cue_model, reading.lex
    ruled_out = 0
    for t in reading.doc:
        if t.pos_ != "VERB":
            continue
        lemma = t.lemma_.lower()
        frame = known_frame(reading, lex.verb_lemma(lemma, t.lower_))
        if model.rules_out(lemma, t.dep_, t.tag_, frame, t.head.pos_, child_features(t, lemma)):
            ruled_out += 1
            assert not model.is_cue(verb_features(reading, t))
    assert ruled_out >= 1


def test_ceiling_is_the_highest_fixed_sum_of_any_subject_and_quotation(reading):
    """rules_out's ceiling, summed part by part (the subject's, the quotation's, the rest), is the
    highest of the twenty full sums it stands for (up to rounding, far inside rules_out's margin)."""
    from newsledger.nlp.statements.learned import SUBJECT_CLASSES, fixed_features
    model, lex = reading.cue_model, reading.lex
    model.rules_out("say", "ROOT", "VBD", "speech", "VERB", [])     # (sets the subject lemma ceiling)
    for t in reading.doc:
        if t.pos_ != "VERB":
            continue
        lemma = t.lemma_.lower()
        frame = known_frame(reading, lex.verb_lemma(lemma, t.lower_))
        args = (lemma, t.dep_, t.tag_, frame, t.head.pos_)
        full = max(sum(model.weights.get(f, 0.0) for f in fixed_features(
            lemma, t.dep_, t.tag_, s, frame, q, t.head.pos_)) + (0.0 if s == "none" else model._subject_lemma_top)
            for s in SUBJECT_CLASSES for q in (True, False))
        assert model._top(*args) == pytest.approx(full, abs=1e-9)
