"""Event coding for newsledger_events: lexicon and CAMEO tables (tables.py), token readings
(reading.py), sentence coding through frames and modality (coder.py), actors and places from the
parse (arguments.py), and casualty counts (casualties.py)."""
from .coder import Candidate, SentenceCoder
from .tables import CameoTable, Lexicon, load_cameo, load_lexicon

__all__ = ["Candidate", "SentenceCoder", "CameoTable", "Lexicon", "load_cameo", "load_lexicon"]
