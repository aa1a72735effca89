"""spaCy Doc -> Ledger: the only place that knows both the Doc extensions and the record types."""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Article, Ledger


def doc_to_ledger(doc: Doc, article: Article, model: dict[str, str]) -> Ledger:
    index = doc._.actors
    actors = index.ordered() if index is not None else []
    return Ledger(
        article=article,
        model=model,
        actors=actors,
        statements=list(doc._.statements or []),
        events=list(doc._.events or []),
        times=sorted(doc._.times or [], key=lambda t: t.span),
        commitments=list(doc._.commitments or []),
        warnings=list(doc._.warnings or []),
        errors=list(doc._.errors or []),
    )
