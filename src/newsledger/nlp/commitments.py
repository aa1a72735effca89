"""Commitments: FIRST VERSION placeholder, to be replaced by the real extractor."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class CommitmentsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.commitments = []
        return doc


@Language.factory("newsledger_commitments")
def make_commitments(nlp: Language, name: str) -> CommitmentsComponent:
    return CommitmentsComponent(nlp, name)
