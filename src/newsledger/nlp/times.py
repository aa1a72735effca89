"""Times: FIRST VERSION placeholder, to be replaced by the real extractor."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class TimesComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = []
        return doc


@Language.factory("newsledger_times")
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)
