"""A doc's text, built once for all our components.

Doc.text is not stored: each read joins every token's text and whitespace again. The paragraph marker,
the time tagger, the statements and the commitments components each need the whole text of the same
doc; `doc_text` builds it on the first request and hands the same string to the rest. (A doc's text
never changes once it is made: the parser and the retokenizer keep every character.) The strings are
held by the doc object itself, weakly, so nothing is added to what a doc serialises or pickles.
"""
from __future__ import annotations

import weakref

from spacy.tokens import Doc

_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, built at most once per doc object."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
