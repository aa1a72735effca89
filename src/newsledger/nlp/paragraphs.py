"""Paragraph breaks are sentence breaks: a component that runs before spaCy's parser.

The parser sometimes runs a sentence over a blank line: a headline into the first sentence ("Kremlin
says no deal\n\nMOSCOW — Lavrov said ..." parsed as one tree, the headline's "says" a clause of
"said"), or a paragraph's last sentence into the next one's opening quotation ("... military
targets.\n\n“No,” Erdogan said"), and every extractor then reads a wrong tree. The parser keeps the
sentence starts it is given, so the first word after each blank line is marked as one before it runs.
A single line break is left alone: hard-wrapped plain text breaks lines inside sentences.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from .doc_text import doc_text

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def mark_paragraphs(doc: Doc) -> Doc:
    text = doc_text(doc)
    if "\n" not in text:
        return doc
    starts = doc.to_array("IDX").tolist()
    for m in _BLANK_LINE.finditer(text):
        k = bisect.bisect_left(starts, m.end())
        if 0 < k < len(starts) and starts[k] == m.end():
            doc[k].is_sent_start = True
    return doc


@Language.factory("newsledger_paragraphs")
def make_paragraphs(nlp: Language, name: str):
    """Mark the first word after each blank line as a sentence start (add it before "parser")."""
    return mark_paragraphs
