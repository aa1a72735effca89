"""Statements: FIRST VERSION placeholder, to be replaced by the real extractor."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class StatementsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.statements = []
        return doc


@Language.factory("newsledger_statements")
def make_statements(nlp: Language, name: str) -> StatementsComponent:
    return StatementsComponent(nlp, name)
