"""nlp/grammar/doc_cache: inside `cached(doc)` every grammar helper gives the answers it gives without
the cache (children, sentences, subjects, passives, agents, negation), on sentences we wrote; the cache
leaves nothing behind, so a doc retokenized afterwards is read afresh; the statements component gives
the same records with the cache as without it; the boundary refiner's doc view reads the same columns
sentence by sentence as Doc.to_array does for the whole doc."""
from __future__ import annotations

import pytest
import spacy

from newsledger.nlp import grammar
from newsledger.nlp.grammar.doc_cache import KEY, cached, kids, sentences
from newsledger.nlp.pipeline import DEFAULT_MODEL
from newsledger.nlp.statements.component import StatementsComponent
from newsledger.nlp.statements.doc_view import DocView

TEXT = ("The town was attacked by rebels on Monday, the governor said. "
        "Russia has not confirmed the assurances, and the minister, who was called a liar by the mayor, "
        "warned that the talks would collapse.\n\n"
        "“We will not accept this,” the foreign minister said, according to state media. "
        "Officials said they had agreed to withdraw the troops and seized the airport. "
        "A senior official told Reuters that the minister had privately warned that the talks would fail.")


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


def readings(doc) -> list[tuple]:
    """Everything the grammar says of each token, as plain values."""
    def i(t):
        return None if t is None else t.i
    out = []
    for t in doc:
        out.append((
            tuple(c.i for c in kids(t)), (t.sent.start, t.sent.end),
            i(grammar.own_subject(t)), i(grammar.own_subject(t, grammar.SUBJECT_DEPS, relatives=True, titles=True)),
            i(grammar.subject(t, climb=grammar.SHARED_SUBJECT_DEPS, agents=True, relative=True)),
            grammar.is_passive(t), i(grammar.agent(t)), i(grammar.agent(t, predicate=False)),
            [c.i for c in grammar.children(t, grammar.OBJECT_DEPS)], grammar.negated(t),
            i(grammar.negator(t)), i(grammar.negating_head(t)),
        ))
    return out


def test_cached_answers_are_the_uncached_ones(nlp):
    doc = nlp(TEXT)
    plain = readings(doc)
    assert [tuple(c.i for c in t.children) for t in doc] == [r[0] for r in plain]
    with cached(doc):
        first = readings(doc)
        again = readings(doc)       # (the second time from the kept answers)
        assert [(s.start, s.end) for s in sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert first == plain and again == plain


def test_nothing_is_left_behind(nlp):
    doc = nlp(TEXT)
    with cached(doc):
        readings(doc)
        assert KEY in doc.user_data and "sent" in doc.user_token_hooks
    assert KEY not in doc.user_data and "sent" not in doc.user_token_hooks
    with pytest.raises(RuntimeError):
        with cached(doc):
            raise RuntimeError("an extractor failing inside the block")
    assert KEY not in doc.user_data and "sent" not in doc.user_token_hooks


def test_a_retokenized_doc_is_read_afresh(nlp):
    doc = nlp("The foreign minister of Russia said that the talks would collapse.")
    with cached(doc):
        said = doc[5]
        assert said.text == "said"
        assert grammar.own_subject(said).text == "minister"
        assert tuple(kids(said))
    with doc.retokenize() as retok:         # "The foreign minister" -> one token: every index moves
        retok.merge(doc[0:3])
    said = doc[3]
    assert said.text == "said"
    with cached(doc):
        assert tuple(c.i for c in kids(said)) == tuple(c.i for c in said.children)
        assert grammar.own_subject(said).text == "The foreign minister"
        assert (said.sent.start, said.sent.end) == (0, len(doc))


def test_a_doc_with_its_own_sentence_hook_keeps_it(nlp):
    doc = nlp(TEXT)
    doc.user_hooks["sents"] = lambda d: iter([d[0:len(d)]])     # one sentence, whatever the parse says
    with cached(doc):
        assert "sent" not in doc.user_token_hooks
        assert (doc[20].sent.start, doc[20].sent.end) == (0, len(doc))
    assert "sents" in doc.user_hooks


def test_statements_are_the_same_with_and_without_the_cache(nlp):
    component = StatementsComponent(nlp, "s", refine_boundaries=True)

    def records(use_cache):
        doc = nlp(TEXT)
        doc._.actors, doc._.times, doc._.published = None, [], None
        doc = component(doc) if use_cache else component._extract(doc)
        return [s.to_dict() for s in doc._.statements]

    with_cache, without = records(True), records(False)
    assert with_cache == without
    assert len(with_cache) >= 4


def test_the_doc_view_reads_the_parse_sentence_by_sentence(nlp):
    doc = nlp(TEXT)
    view = DocView(doc)
    view.fill(0, len(doc))
    cols = doc.to_array(["HEAD", "TAG", "DEP", "IS_PUNCT"]).astype("int64")
    assert view.head == [int(h) + i for i, h in enumerate(cols[:, 0])]
    assert view.tag == [t.tag_ for t in doc] and view.dep == [t.dep_ for t in doc]
    assert view.punct == [t.is_punct for t in doc]
    # one sentence filled alone reads its heads' sentences too
    part = DocView(doc)
    s = list(doc.sents)[1]
    part.fill(s.start, s.end)
    assert part.head[s.start:s.end] == view.head[s.start:s.end]
    assert part.dep[s.start:s.end] == view.dep[s.start:s.end]
