"""The content-boundary refiner (nlp/attribution/boundary.py): its decoder, its training, its model
file, and the statements component with the refiner on, off, absent, or a model of one's own."""
from __future__ import annotations

import itertools

import pytest
import spacy

from newsledger.nlp.statements import QuoteRegions, find_attributions, load_lexicon
from newsledger.nlp.statements import boundary as B
from newsledger.nlp.statements.doc_view import regions_at
from newsledger.nlp.statements.learned import shipped as shipped_cues
from newsledger.nlp.pipeline import DEFAULT_MODEL
from newsledger.nlp.statements.component import StatementsComponent


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


def statements(component, nlp, text):
    doc = nlp(text)
    doc._.actors, doc._.times, doc._.published = None, [], None
    return [(s.cue.text, s.content.text) for s in component(doc)._.statements]


def rules_only(nlp, text):
    doc = nlp(text)
    found = find_attributions(doc, load_lexicon(), QuoteRegions(text), text=text, cue_model=shipped_cues())
    return sorted((text[a.cue[0]:a.cue[1]], text[a.content[0]:a.content[1]]) for a in found)


# ---- the decoder -------------------------------------------------------------------------------

@pytest.mark.parametrize("emissions", [
    [1.0, -2.0, 0.5, 3.0, -0.1],
    [-1.0, -1.0, -1.0],
    [2.0, 2.0, -5.0, 2.0, 2.0, 2.0],
    [0.3, -0.2, 0.1, -0.4, 0.2, 0.6, -0.9],
])
def test_viterbi_finds_the_best_path(emissions):
    model = B.BoundaryModel({}, {("I", "I"): 0.7, ("I", "O"): -1.5, ("O", "I"): -0.8, ("O", "O"): 0.4})
    best = max(itertools.product([False, True], repeat=len(emissions)),
               key=lambda tags: model.path_score(emissions, list(tags)))
    got = model.viterbi(emissions)
    assert model.path_score(emissions, got) == pytest.approx(model.path_score(emissions, list(best)))


def test_crf_training_learns_a_pattern_and_the_file_round_trips(tmp_path):
    pytest.importorskip("pycrfsuite")
    # tokens marked "q" are inside the content, others outside; "w=x" alone says nothing
    seqs = []
    for n in range(30):
        tags = ["O"] * (n % 3) + ["I"] * (2 + n % 4) + ["O"] * (1 + n % 2)
        seqs.append(([["b", "q"] if t == "I" else ["b", "w=x"] for t in tags], tags))
    model = B.train_crf(seqs, c1=0.0, c2=0.01, max_iterations=50, min_count=1, margin=1.5)
    assert model.weights["q"] > 0
    feats = [["b", "w=x"], ["b", "q"], ["b", "q"], ["b", "w=x"]]
    assert model.tag(feats) == [False, True, True, False]
    path = tmp_path / "boundary_model.tsv"
    model.dump(path)
    again = B.BoundaryModel.load(path)
    assert again.margin == 1.5
    assert again.tag(feats) == model.tag(feats)
    assert again.trans == pytest.approx(model.trans, abs=1e-4)


# ---- the component ---------------------------------------------------------------------------

TEXTS = [
    "The minister said that the border would stay closed, which angered traders in the town.",
    "“We will not retreat,” the general said. “Not one step.”",
    "According to the report, prices rose by 4 percent last year.",
    "Smith, the party's treasurer, told reporters the accounts were in order and that no money was missing.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_refiner_off_gives_the_rules_spans(nlp, text):
    component = StatementsComponent(nlp, "newsledger_statements", refine_boundaries=False)
    assert component.boundary is None
    assert sorted(statements(component, nlp, text)) == rules_only(nlp, text)


def test_no_model_file_means_rules_only(nlp, monkeypatch):
    from newsledger.nlp.statements import component as S
    assert B.shipped("no_such_model.tsv") is None
    monkeypatch.setattr(S, "shipped_boundary", lambda: B.shipped("no_such_model.tsv"))
    component = StatementsComponent(nlp, "newsledger_statements", refine_boundaries=True)
    assert component.boundary is None
    for text in TEXTS:
        assert sorted(statements(component, nlp, text)) == rules_only(nlp, text)


# a model that takes every word but the speaker's and the cue's: it runs the words on to the end of the
# sentence (the rules end them at the verb's object: "... 200 workers")
OWN_MODEL = {"where=in": 8.0, "where=out": 8.0, "where=spk": -8.0, "where=cue": -8.0}
OWN_TEXT = "Smith said the company would hire 200 workers, up from 150 last year."


def test_a_model_of_your_own_replaces_the_shipped_one(nlp, tmp_path, monkeypatch):
    path = tmp_path / "boundary_model.tsv"
    B.BoundaryModel(OWN_MODEL, {("I", "I"): 0.0, ("I", "O"): 0.0, ("O", "I"): 0.0, ("O", "O"): 0.0}).dump(path)
    text = OWN_TEXT
    monkeypatch.setenv("NEWSLEDGER_BOUNDARY_MODEL", str(path))
    component = StatementsComponent(nlp, "newsledger_statements")
    assert statements(component, nlp, text) == [("said", "the company would hire 200 workers, up from 150 last year.")]
    # the same model given in the config, and with a margin it cannot reach: the rules' span stays
    monkeypatch.delenv("NEWSLEDGER_BOUNDARY_MODEL")
    component = StatementsComponent(nlp, "newsledger_statements", boundary_model=str(path))
    assert statements(component, nlp, text) == [("said", "the company would hire 200 workers, up from 150 last year.")]
    component.boundary.margin = 1000.0
    assert statements(component, nlp, text) == rules_only(nlp, text)
    assert rules_only(nlp, text) == [("said", "the company would hire 200 workers")]


def test_min_jaccard_keeps_the_model_to_moving_edges(nlp, tmp_path):
    # the model's words overlap the rules' span by about 0.6: with min_jaccard 0.7 the rules' span
    # stays, with 0.5 the model's is taken; the setting goes through the model file
    path = tmp_path / "boundary_model.tsv"
    B.BoundaryModel(OWN_MODEL, {("I", "I"): 0.0, ("I", "O"): 0.0, ("O", "I"): 0.0, ("O", "O"): 0.0},
                    min_jaccard=0.7).dump(path)
    text = OWN_TEXT
    component = StatementsComponent(nlp, "newsledger_statements", boundary_model=str(path))
    assert component.boundary.min_jaccard == 0.7
    assert statements(component, nlp, text) == rules_only(nlp, text)
    component.boundary.min_jaccard = 0.5
    assert statements(component, nlp, text) == [("said", "the company would hire 200 workers, up from 150 last year.")]


def test_quotation_region_of_each_token_is_the_one_holding_it():
    text = "He said “no deal” and then, 'later', “maybe” — “or never"
    quotes = QuoteRegions(text)
    idx = [i for i, ch in enumerate(text) if not ch.isspace()]
    held = regions_at(idx, quotes.regions)
    assert [quotes.regions[j] if j >= 0 else None for j in held] == [quotes.containing(x, x + 1) for x in idx]
    assert any(j >= 0 for j in held)


FAST_TEXT = ("Officials said on Tuesday that the bridge, which opened in 1998, would close for repairs. "
             "“We have no choice,” the mayor told reporters, adding that traffic would be diverted. "
             "According to the police, two people were hurt. The union commented on the plan, "
             "saying it was “a step backwards” for workers.")


def test_fast_scoring_gives_the_same_floats_as_the_feature_strings(nlp):
    """The refiner scores tokens from per-doc tables (no feature strings): every emission must be the
    float that summing the weights of its feature strings gives, for every statement and window."""
    from newsledger.nlp.statements.context import Reading
    from newsledger.nlp.statements.rules import attributions
    model = B.shipped()
    doc = nlp(FAST_TEXT)
    reading = Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues())
    found = attributions(reading)
    assert len(found) >= 3
    for a in found:
        start, end = B.window(reading, a)
        # the view's sentences are spaCy's: the window runs from the first sentence the cue or the
        # words touch to the last
        words = doc.char_span(*a.content, alignment_mode="expand")
        sents = [doc[a.cue_token].sent, words[0].sent, words[-1].sent]
        assert (start, end) == (min(s.start for s in sents), max(s.end for s in sents))
        for s, e in [(start, end), (start + 1, end - 1)]:
            fast = model.fast_emissions(reading, a, s, e)
            slow = model.string_emissions(reading, a, s, e)
            assert fast == slow and len(fast) == e - s


# ---- the shipped model -----------------------------------------------------------------------

@pytest.mark.parametrize("text, rules_span, refined", [
    # the gold runs a statement's words on to the end of its sentence where the rules stop at the end
    # of the verb's object: a time adverbial after the object, a clause after it, a comparison
    ("Trump cited his endorsements from dozens of retired generals Tuesday.",
     "his endorsements from dozens of retired generals", "his endorsements from dozens of retired generals Tuesday"),
    ("The ad then references criticism of the governor's use of a private plane while she was in office.",
     "criticism of the governor's use of a private plane",
     "criticism of the governor's use of a private plane while she was in office"),
    ("Smith said the company would hire 200 workers, up from 150 last year.",
     "the company would hire 200 workers", "the company would hire 200 workers, up from 150 last year"),
])
def test_shipped_refiner_moves_an_edge_to_the_gold_convention(nlp, text, rules_span, refined):
    assert B.shipped() is not None
    on = StatementsComponent(nlp, "newsledger_statements", refine_boundaries=True)
    off = StatementsComponent(nlp, "newsledger_statements", refine_boundaries=False)
    cue = statements(off, nlp, text)[0][0]
    assert statements(off, nlp, text) == [(cue, rules_span)]
    assert statements(on, nlp, text) == [(cue, refined)]


@pytest.mark.parametrize("text, rules_span, refined", [
    # the start of a verb's clause or object, read from the whole window: a clause's subject the
    # parse left out, a saying noun before what it is about (PolNeAR's conventions)
    ("The chairman tried on Tuesday to make the case that this was a few bad apples, explaining the "
     "firings amounted to 1 percent of the staff every year.",
     "amounted to 1 percent of the staff every year",
     "the firings amounted to 1 percent of the staff every year"),
    ("Analysts expressed misgivings about the merger because of its cost.",
     "misgivings about the merger because of its cost", "the merger because of its cost"),
])
def test_shipped_refiner_moves_the_start_of_a_clause_or_object(nlp, text, rules_span, refined):
    starts = StatementsComponent(nlp, "newsledger_statements", refine_boundaries=True, refine_starts=True)
    ends = StatementsComponent(nlp, "newsledger_statements", refine_boundaries=True, refine_starts=False)
    off = StatementsComponent(nlp, "newsledger_statements", refine_boundaries=False)

    def words(component):       # the statement ending where these words end (the sentence may hold another
        return [w for _, w in statements(component, nlp, text) if w.endswith(refined[-8:])]     # "make the case that")
    assert words(off) == [rules_span]
    assert words(starts) == [refined]
    # must not: without refine_starts (the default, for its cost) the start stays the rules' one
    assert words(ends) == [rules_span]


def test_refine_starts_is_off_by_default_and_on_by_environment(nlp, monkeypatch):
    monkeypatch.delenv("NEWSLEDGER_REFINE_STARTS", raising=False)
    assert StatementsComponent(nlp, "newsledger_statements").refine_starts is False
    monkeypatch.setenv("NEWSLEDGER_REFINE_STARTS", "1")
    assert StatementsComponent(nlp, "newsledger_statements").refine_starts is True
    assert StatementsComponent(nlp, "newsledger_statements", refine_starts=False).refine_starts is False


def test_recut_leaves_a_that_clause_its_that_unread(nlp, monkeypatch):
    """Words that open with "that" keep it: rules.recut does not read their start at all."""
    from newsledger.nlp.statements.context import Reading
    from newsledger.nlp.statements.rules import attributions, recut
    model = B.shipped()
    text = "The ministry said that the talks would resume in March."
    doc = nlp(text)
    reading = Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues())
    found = attributions(reading)
    monkeypatch.setattr(B.BoundaryModel, "full_refine", lambda *a, **k: pytest.fail("start read"))
    for a in found:
        assert recut(model, reading, a, [], starts=True) == model.refine(reading, a)


# must not: a relative clause on the whole statement, a trailing attribution of its own, an
# "according to" after the words, words that already run to their sentence's end
MUST_NOT = TEXTS + [
    "The union warned that the plant would close, its leader said on Friday.",
    "Officials said the talks would resume next week, according to a statement.",
    "The agency says the tax would depress revenue in the early years as investors delayed sales, "
    "but would eventually add $84 million over ten years.",
]


@pytest.mark.parametrize("text", MUST_NOT)
def test_shipped_refiner_leaves_right_spans_alone(nlp, text):
    on = StatementsComponent(nlp, "newsledger_statements", refine_boundaries=True)
    assert sorted(statements(on, nlp, text)) == rules_only(nlp, text)


def test_refiner_never_runs_the_words_on_over_another_cue(nlp):
    # the model would run "an emergency meeting" on to the sentence's end, over the cue "discuss"
    on = StatementsComponent(nlp, "newsledger_statements", refine_boundaries=True)
    got = dict(statements(on, nlp, "The minister called an emergency meeting to discuss the test."))
    assert got["called"] == "an emergency meeting"
    assert got["to discuss"] == "the test"


def test_refiner_reads_the_ends_the_whole_window_reading_would_move(nlp):
    """`refine` scores only the end of a span that stops before its sentence does; where it scores,
    it moves the end as reading every token of the window (`full_refine`) does."""
    from newsledger.nlp.statements.context import Reading
    from newsledger.nlp.statements.rules import attributions
    model = B.shipped()
    text = " ".join([FAST_TEXT, "Trump cited his endorsements from dozens of retired generals Tuesday.",
                     "Smith said the company would hire 200 workers, up from 150 last year."])
    doc = nlp(text)
    reading = Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues())
    moved = 0
    for a in attributions(reading):
        quick, full = model.refine(reading, a), model.full_refine(reading, a)
        assert quick[0] == a.content[0]
        if quick != a.content:
            moved += 1
            assert quick == full
    assert moved >= 2


def test_refiner_is_on_by_default_and_off_by_environment(nlp, monkeypatch):
    monkeypatch.delenv("NEWSLEDGER_BOUNDARY_MODEL", raising=False)
    monkeypatch.delenv("NEWSLEDGER_REFINE_BOUNDARIES", raising=False)
    assert StatementsComponent(nlp, "newsledger_statements").boundary is not None
    monkeypatch.setenv("NEWSLEDGER_REFINE_BOUNDARIES", "1")
    assert StatementsComponent(nlp, "newsledger_statements").boundary is not None
    monkeypatch.setenv("NEWSLEDGER_REFINE_BOUNDARIES", "0")
    assert StatementsComponent(nlp, "newsledger_statements").boundary is None
    monkeypatch.delenv("NEWSLEDGER_REFINE_BOUNDARIES")
    assert StatementsComponent(nlp, "newsledger_statements", refine_boundaries=False).boundary is None


@pytest.mark.parametrize("text", [
    # a trailing attribution of another statement, a second saying joined by "but" and by "and"
    "The union said the plant would close on Friday, the company's spokesman added.",
    "Officials said the talks would resume next week, but the minister warned that nothing was agreed.",
    "The mayor said the bridge would reopen in June, and police said the road would stay closed.",
])
def test_refiner_scores_no_end_a_cue_follows_in_its_sentence(nlp, text, monkeypatch):
    """Where a cue stands between a statement's words and their sentence's end, the words end where the
    rules end them and the refiner scores no token (it never runs the words on over a cue, and on
    PolNeAR dev it moved 4 of 303 such ends, against 33 of 212 others)."""
    from newsledger.nlp.statements.context import Reading
    from newsledger.nlp.statements.rules import attributions
    model = B.BoundaryModel.load(B.data_file(B.BOUNDARY_MODEL))
    doc = nlp(text)
    reading = Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues())
    found = attributions(reading)
    cues = [a.cue for a in found]
    scored = []
    fast = model.fast_emissions
    monkeypatch.setattr(model, "fast_emissions", lambda *args: scored.append(args) or fast(*args))
    followed = [a for a in found if any(a.content[1] <= c0 and c0 < len(text) - 1 for c0, _ in cues)]
    assert followed
    for a in followed:
        assert model.refine(reading, a, cues) == a.content
    assert not scored


def test_refiner_still_scores_an_end_no_cue_follows(nlp, monkeypatch):
    from newsledger.nlp.statements.context import Reading
    from newsledger.nlp.statements.rules import attributions
    model = B.BoundaryModel.load(B.data_file(B.BOUNDARY_MODEL))
    text = "Smith said the company would hire 200 workers, up from 150 last year."
    doc = nlp(text)
    reading = Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues())
    (a,) = attributions(reading)
    scored = []
    fast = model.fast_emissions
    monkeypatch.setattr(model, "fast_emissions", lambda *args: scored.append(args) or fast(*args))
    assert text[slice(*model.refine(reading, a, [a.cue]))] == "the company would hire 200 workers, up from 150 last year"
    assert scored



def test_refiner_reads_the_end_from_the_whole_window_it_scored_for_the_start(nlp, monkeypatch):
    """`recut` reads a statement's start from the whole window (`full_refine`) and then its end
    (`refine`): the end's tokens are taken from the window already scored, not scored again, and the
    end is the one a fresh reading gives; another statement's window is still scored."""
    from newsledger.nlp.statements.context import Reading
    from newsledger.nlp.statements.rules import attributions
    text = "Smith said the company would hire 200 workers, up from 150 last year."
    doc = nlp(text)
    fresh = B.BoundaryModel.load(B.data_file(B.BOUNDARY_MODEL))
    (a,) = attributions(Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues()))
    expected = fresh.refine(Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues()), a, [a.cue])
    model = B.BoundaryModel.load(B.data_file(B.BOUNDARY_MODEL))
    reading = Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues())
    model.full_refine(reading, a, [a.cue])
    scored = []
    fast = model.fast_emissions
    monkeypatch.setattr(model, "fast_emissions", lambda *args: scored.append(args) or fast(*args))
    assert model.refine(reading, a, [a.cue]) == expected
    assert text[slice(*expected)] == "the company would hire 200 workers, up from 150 last year"
    assert not scored
    # must not: a statement whose window was not read whole is scored as before
    other = Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues())
    assert model.refine(other, a, [a.cue]) == expected
    assert scored


def test_refiner_scores_no_end_far_from_its_sentence_end(nlp, monkeypatch):
    """An end followed by more than MAX_TAIL tokens to its sentence's end keeps the rules' end unscored."""
    from newsledger.nlp.statements.context import Reading
    from newsledger.nlp.statements.rules import attributions
    model = B.BoundaryModel.load(B.data_file(B.BOUNDARY_MODEL))
    text = ("Smith cited the report on Tuesday in the capital while thousands of farmers from the northern "
            "provinces, many of them driving tractors decorated with flags and banners, gathered outside "
            "the parliament building for the third time this month to demand lower fuel prices and "
            "better roads.")
    doc = nlp(text)
    reading = Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text, shipped_cues())
    found = attributions(reading)
    scored = []
    fast = model.fast_emissions
    monkeypatch.setattr(model, "fast_emissions", lambda *args: scored.append(args) or fast(*args))
    far = [a for a in found if len(doc) - len(doc.char_span(0, a.content[1], alignment_mode="expand")) > B.MAX_TAIL]
    assert far
    for a in far:
        assert model.refine(reading, a, [x.cue for x in found]) == a.content
    assert not scored
