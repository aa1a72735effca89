"""Times: every time expression, normalized TIMEX3-style against the publication date -> doc._.times.

Rules are data (data/times/, read by lexicons/times.py): recognize.py finds candidates with the patterns
of patterns.yaml, normalize.py gives each a TIMEX3 value with its anchor (the normalizers by kind in
norm_dates.py, norm_quarters.py, norm_relative.py and norm_durations.py, over arithmetic.py and
context.py), component.py is the spaCy component that tags a Doc with them, and due.py reads a phrase or
a tagged expression as a due date.
"""
from .component import TimesComponent, TimeTagger, make_times
from .due import due_of_expression, resolve_due

__all__ = ["TimeTagger", "TimesComponent", "due_of_expression", "make_times", "resolve_due"]
