"""Readers: turn paths (files, folders, '-') into Articles, one module per input kind.

`read_sources()` yields either an Article or a ReadError for each input it meets, so one bad
file or line is reported and the rest of the batch still goes through.
"""
from .errors import ReadError
from .sources import read_sources, read_text_source, detect_kind

__all__ = ["ReadError", "read_sources", "read_text_source", "detect_kind"]
