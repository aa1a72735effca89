"""The shortcuts the statements component takes to read fewer tokens must read what the long way read:
before_aside's marks (clauses._marks) are the tokens of a span's inner words that start with one of its
mark characters, and lead_in finds nothing in a sentence without a colon. On sentences we wrote."""
from __future__ import annotations

import pytest

from newsledger.lexicons.cues import load_lexicon
from newsledger.nlp.statements.according import lead_in
from newsledger.nlp.statements.clauses import _marks
from newsledger.nlp.statements.context import Reading
from newsledger.nlp.statements.quotes import QuoteRegions

from .test_statements import base  # noqa: F401  (the model: a module fixture)

TEXTS = [
    "The mayor said the bridge, which opened in 1990, would close; the council disagreed.",
    "She said the plan — one of three — was sound, and that the vote -- held Friday - was fair.",
    "Officials said the fund had run dry-ish, well above the estimate; no one knew why.",
    "He said “we will not, ever, agree” to it.",
    "Nothing here is set off at all",
]


def _reading(nlp, text):
    doc = nlp(text)
    return Reading(doc, load_lexicon(), QuoteRegions(doc.text), doc.text)


@pytest.mark.parametrize("text", TEXTS)
def test_marks_are_the_inner_words_that_start_with_a_mark(base, text):
    r = _reading(base, text)
    for start in range(len(r.doc)):
        for end in range(start + 1, len(r.doc) + 1):
            words = r.doc[start:end]
            expected = [t.i for t in words[1:-1] if t.text[:1] in ";,—–-"]
            assert [t.i for t in _marks(r, words)] == expected


@pytest.mark.parametrize("text, found", [
    ("Trump: Cruz has to come a long way before he wins.", True),
    ("Trump said Cruz has to come a long way before he wins.", False),
])
def test_lead_in_needs_a_colon(base, text, found):
    r = _reading(base, text)
    sent = next(iter(r.doc.sents))
    assert (lead_in(r, sent) is not None) == found
