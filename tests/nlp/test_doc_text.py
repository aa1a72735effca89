"""doc_text: a doc's text built once and shared by the components that read it."""
from __future__ import annotations

import spacy

from newsledger.nlp.doc_text import doc_text


def test_doc_text_is_the_docs_text_and_built_once_per_doc():
    nlp = spacy.blank("en")
    doc = nlp("The mayor said:\n\n“We will  rebuild the bridge.” ")
    text = doc_text(doc)
    assert text == doc.text
    assert doc_text(doc) is text            # the same string, not a second join
    assert doc.text is not doc.text         # (what Doc.text itself does: a new string per read)
    other = nlp("The mayor said:\n\n“We will  rebuild the bridge.” ")
    assert doc_text(other) == text and doc_text(other) is not text     # one per doc object


def test_doc_text_of_an_empty_doc():
    assert doc_text(spacy.blank("en")("")) == ""
