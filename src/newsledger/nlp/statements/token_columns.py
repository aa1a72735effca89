"""Which tokens of a doc can start a cue, told from per-token columns read once per doc.

rules.candidates looks at every token only to see whether a construction can start there (its part of
speech, its lowercase form, whether it sits inside a quotation); most cannot. Reading those columns
through one Doc.to_array call, as ids and hashes compared in numpy, spares making a spaCy Token object
(costly to create) and looking up its strings for each word; a Token is made only for the words
worth a closer look.
"""
from __future__ import annotations

from typing import Iterable, Optional

import numpy as np
from spacy.tokens import Doc

from .doc_view import COLUMNS, region_index
from .quotes import QuoteRegions


def cue_positions(doc: Doc, quotes: QuoteRegions, pos_names: Iterable[str], first_words: Iterable[str],
                  memo: Optional[dict] = None) -> list[int]:
    """The indices, in order, of the tokens outside quotation regions (QuoteRegions.containing(idx,
    idx + 1) is None) whose Token.pos_ is one of `pos_names` or whose Token.lower_ is one of
    `first_words`."""
    if not len(doc):
        return []
    strings = doc.vocab.strings     # (a part of speech's name gives its symbol id; a word, its hash)
    cols = doc.to_array(COLUMNS)
    if memo is not None:
        memo["columns"] = cols      # (boundary.py's doc view reads them again)
    pos, lower = cols[:, 1], cols[:, 2]
    maybe = np.zeros(len(doc), dtype=bool)
    for name in pos_names:
        maybe |= pos == strings[name]
    for word in first_words:
        maybe |= lower == np.uint64(strings[word])
    if quotes.regions:
        maybe &= region_index(cols[:, 0].astype("int64"), quotes.regions) < 0
    return np.flatnonzero(maybe).tolist()
