"""Events: who did what to whom, CAMEO- and PLOVER-coded -> doc._.events.

component.py builds the records; tables.py reads the event lexicon and CAMEO tables; reading.py
reads tokens; coder.py codes a sentence through frames and modality; arguments.py finds actors and
places from the parse; casualties.py counts the dead and wounded.
"""
from .coder import Candidate, SentenceCoder
from .component import EventsComponent, make_events
from ...lexicons.events import CameoTable, Lexicon, load_cameo, load_lexicon

__all__ = ["Candidate", "SentenceCoder", "CameoTable", "EventsComponent", "Lexicon", "load_cameo",
           "load_lexicon", "make_events"]
