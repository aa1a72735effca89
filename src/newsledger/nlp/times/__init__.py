"""Times: every time expression, normalized TIMEX3-style against the publication date -> doc._.times.

Rules are data (data/times/): recognize.py finds candidates with the patterns of patterns.yaml,
normalize.py gives each a TIMEX3 value with its anchor, lexicon.py reads the word lists, and
component.py is the spaCy component that tags a Doc with them.
"""
from .component import TimesComponent, TimeTagger, make_times

__all__ = ["TimeTagger", "TimesComponent", "make_times"]
