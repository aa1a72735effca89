"""The one way into the ledger: store an article's record, then link it to earlier records.

    from newsledger.track import store_record, IncompleteRecord
    try:
        done = store_record(store, record)   # Stored(article, added, changes)
    except IncompleteRecord as exc:          # a StoreError: report it, go on with the next record
        print(exc)

`newsledger ingest` (local and Dask workers), the web's POST /ingest and the feed watcher all
write through `store_record`, so they follow one rule for a record that carries `errors` (a
pipeline component crashed on the article): it is not stored. The store keeps one record per
article id and never replaces it, so a partial record stored now would keep the whole one out
for good; refused, the article is stored whole by a later run once the bug is fixed. Each
caller reports the refusal as a failed input (naming the article and what failed), goes on
with the rest, and ends with a failing status.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from ..store import StoreError
from ..store.codec import article_id_of
from .linker import link_article

Linker = Callable[[Any, dict], Optional[list]]    # (the store or the open transaction's Connection, record)


class IncompleteRecord(StoreError):
    """The record carries extraction errors, so it is not stored."""

    def __init__(self, article: str, errors: list[str]):
        self.article, self.errors = article, list(errors)
        super().__init__(f"article {article!r} not stored: extraction failed on it "
                         f"({'; '.join(self.errors)}); run it again once that is fixed")


@dataclass
class Stored:
    """What storing one record did."""
    article: str
    added: bool                                        # False: already in the ledger, unchanged
    changes: list[dict] = field(default_factory=list)  # status changes its linking caused


def store_record(store, record: Any, *, link: Optional[Linker] = link_article) -> Stored:
    """Store one article's record (a SCHEMA.md dict or a Ledger) and link it to earlier records.

    Idempotent: a record whose article is already stored changes nothing (added=False, no
    linking). Raises IncompleteRecord (a StoreError) for a record with `errors`, and StoreError
    for a malformed record or a database failure; nothing of that article is stored then.
    `link` is the tracker's linker unless given (None: store only). On SQLite it is called as
    link(conn, record) with the Connection of the transaction that stored the article, so the
    article and its links commit together (track.link_article takes a Store or that Connection);
    on PostgreSQL as link(store, record), in a transaction of its own after the article's.
    If linking raises, the article stays stored unlinked and the error is raised.
    """
    if hasattr(record, "to_dict"):
        record = record.to_dict()
    aid = article_id_of(record)
    if record.get("errors"):
        raise IncompleteRecord(aid, record["errors"])
    if link is None:
        return Stored(aid, store.add(record))
    if getattr(store, "dialect", None) != "sqlite":
        # PostgreSQL: writers run in parallel, and store.add's actor upserts lock the actors' rows until
        # commit; held through linking they would queue every writer naming a common actor
        if not store.add(record):
            return Stored(aid, False)
        return Stored(aid, True, list(link(store, record) or []))
    changes: list = []
    # SQLite (one writer at a time: holding the write lock through linking costs no parallelism):
    # linked in the transaction that stores the article (Store.add's `then`), so a crash leaves the
    # article stored and linked, or neither, never stored without its links
    if not store.add(record, then=lambda conn: changes.extend(link(conn, record) or [])):
        return Stored(aid, False)
    return Stored(aid, True, changes)
