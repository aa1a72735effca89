"""The ledger store: SQLite or PostgreSQL behind one interface.

    from newsledger.store import open_store
    from newsledger.track import store_record
    with open_store("ledger.db") as store:          # or "postgresql://user@host/db"
        store_record(store, newsledger.extract(text, published="2025-09-01"))   # store, then link
        store.statements(speaker="putin")

Modules: store (open_store, Store: the writes), queries (filtered reads), reader (connection and
whole articles), codec (records <-> rows), schema, migrate, engine, search, names, errors.

Tables are named for browsing (datasette): articles, actors, actor_aliases, article_actors,
mentions, statements, statement_about, events, times, commitments, commitment_evidence, claims,
claim_links, history, schema_version.
"""
from .errors import StoreError
from .store import AddResult, Store, open_store

__all__ = ["open_store", "Store", "StoreError", "AddResult"]
