"""Which tokens rules.candidates looks at (token_columns.cue_positions): read from per-token columns, they
must be the ones the Token attributes name, outside quotations."""
from __future__ import annotations

import pytest
import spacy

from newsledger.nlp.pipeline import DEFAULT_MODEL
from newsledger.nlp.statements import QuoteRegions
from newsledger.nlp.statements.token_columns import cue_positions

TEXT = ("According to the ministry, the plan “will never work,” the mayor said on Friday. "
        "Critics, according to a poll, are eager to see it fail; others quietly disagree.\n\n"
        "“It is a disaster,” she told reporters. The Council reportedly voted against it.")


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


@pytest.mark.parametrize("pos_names, words", [
    (("VERB", "NOUN", "ADJ", "ADV"), ("according", "in")),
    (("VERB",), ()),
    ((), ("according",)),
])
def test_cue_positions_are_the_tokens_outside_quotations_with_that_pos_or_word(nlp, pos_names, words):
    doc = nlp(TEXT)
    quotes = QuoteRegions(doc.text)
    expected = [t.i for t in doc if quotes.containing(t.idx, t.idx + 1) is None
                and (t.pos_ in pos_names or t.lower_ in words)]
    assert cue_positions(doc, quotes, pos_names, words) == expected
    assert expected     # the text has such words, inside quotations and out
    assert any(quotes.containing(t.idx, t.idx + 1) and t.pos_ == "VERB" for t in doc)


def test_no_quotation_and_no_tokens(nlp):
    doc = nlp("Officials said the bridge would close.")
    assert cue_positions(doc, QuoteRegions(doc.text), ("VERB",), ()) == [t.i for t in doc if t.pos_ == "VERB"]
    empty = nlp("")
    assert cue_positions(empty, QuoteRegions(""), ("VERB",), ("according",)) == []
