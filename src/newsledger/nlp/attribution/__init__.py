"""Helpers of the statements component: the cue lexicon, quotation regions and the attribution rules."""
from .lexicon import Cue, Lexicon, load_lexicon
from .quotes import QuoteRegions
from .rules import Attribution, find_attributions

__all__ = ["Attribution", "Cue", "Lexicon", "QuoteRegions", "find_attributions", "load_lexicon"]
