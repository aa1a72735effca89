"""The ledger store: SQLite or PostgreSQL behind one interface.

    from newsledger.store import open_store
    with open_store("ledger.db") as store:          # or "postgresql://user@host/db"
        store.add(newsledger.extract(text, published="2025-09-01").to_dict())
        store.statements(speaker="putin")

Tables are named for browsing (datasette): articles, actors, actor_aliases, article_actors,
mentions, statements, statement_about, events, times, commitments, commitment_evidence, claims,
claim_links, history, schema_version.
"""
from .errors import StoreError
from .store import AddResult, Store, open_store

__all__ = ["open_store", "Store", "StoreError", "AddResult"]
