"""Tracking across articles: commitments and claims, linked on ingest, with status histories.

    from newsledger.store import open_store
    from newsledger import track
    store = open_store("ledger.db")
    track.store_record(store, record)             # store, then link: -> Stored(article, added, changes)
    track.list_commitments(store, overdue=True)   # `newsledger commitments --overdue`
    track.list_claims(store, contested=True)      # `newsledger claims --contested`
    track.history(store, "putin-understandings:c1")
    track.unlink(store, "putin-understandings:c1", "some-later-article")

Modules: write (the one way into the store), match (same record?), status (replay of evidence),
linker (on ingest), refer (does a later article report on a commitment, and what became of it?),
cues (the wording of what happened), followups (candidates by side and date; links of follow-ups),
queries (reading).
"""
from .linker import link_article
from .queries import history, list_claims, list_commitments, unlink
from .write import IncompleteRecord, Stored, store_record

__all__ = ["store_record", "Stored", "IncompleteRecord", "link_article", "list_commitments",
           "list_claims", "history", "unlink"]
