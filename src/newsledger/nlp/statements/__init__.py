"""Statements: who said what -> doc._.statements.

component.py turns the rules' character spans into records.Statement; rules.py chooses among the
statements the constructions propose (context.py: the reading of a doc they share; speakers.py,
modality.py, verb_cues.py with content.py, clauses.py and adjacent.py, noun_cues.py, according.py,
sign_offs.py: the constructions); quotes.py marks direct-speech regions; lexicons/cues.py reads
data/cues.tsv and data/statements/*.tsv; learned.py is a cue detector for verbs the lexicon lacks;
boundary.py an optional CRF that re-cuts each statement's content; train.py trains both from an
attribution corpus.
"""
from .component import StatementsComponent, make_statements
from ...lexicons.cues import Cue, Lexicon, load_lexicon
from .quotes import QuoteRegions
from .context import Attribution
from .rules import find_attributions

__all__ = ["Attribution", "Cue", "Lexicon", "QuoteRegions", "StatementsComponent", "find_attributions",
           "load_lexicon", "make_statements"]
