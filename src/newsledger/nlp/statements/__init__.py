"""Statements: who said what -> doc._.statements.

component.py turns the rules' character spans into records.Statement; rules.py finds the
constructions; quotes.py marks direct-speech regions; lexicon.py reads data/cues.tsv and
data/statements/*.tsv; learned.py is a cue detector for verbs the lexicon lacks; boundary.py an
optional CRF that re-cuts each statement's content; train.py trains both from PolNeAR.
"""
from .component import StatementsComponent, make_statements
from ...lexicons.cues import Cue, Lexicon, load_lexicon
from .quotes import QuoteRegions
from .rules import Attribution, find_attributions

__all__ = ["Attribution", "Cue", "Lexicon", "QuoteRegions", "StatementsComponent", "find_attributions",
           "load_lexicon", "make_statements"]
