"""newsledger: a source-linked ledger of who said, did and promised what in English news.

The public API (the CLI is a thin layer over it):

    from newsledger import extract, extract_articles, Article, open_store
    from newsledger.track import store_record
    ledger = extract(text, published="2025-09-01")      # one article's records (spaCy loads here)
    ledger.to_dict()                                      # the JSON of SCHEMA.md
    store = open_store("newsledger.db"); store_record(store, ledger)   # store, then link
"""
from __future__ import annotations

from typing import Any

from .records import (SCHEMA, Actor, Article, Commitment, Event, Ledger, Location, Statement,
                      TextSpan, TimeExpr)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA", "Actor", "Article", "Commitment", "Event", "Ledger", "Location", "Statement", "TextSpan",
    "TimeExpr", "extract", "extract_articles", "load_pipeline", "open_store", "read_sources",
    "__version__",
]


def __getattr__(name: str) -> Any:
    # Imported on first use: `import newsledger.store` (or .track, .web) loads no spaCy, no database
    # driver and no reader until asked for.
    if name in ("extract", "extract_articles"):
        from . import extraction
        value = globals()[name] = getattr(extraction, name)
        return value
    if name == "load_pipeline":
        from .nlp.pipeline import load_pipeline
        return load_pipeline
    if name == "open_store":
        from .store import open_store
        return open_store
    if name == "read_sources":
        from .ingest import read_sources
        return read_sources
    raise AttributeError(f"module 'newsledger' has no attribute {name!r}")
