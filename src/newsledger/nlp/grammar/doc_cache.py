"""What the grammar reads of one parsed doc again and again, kept while an extractor reads it.

spaCy makes a new Token object for every child a `Token.children` walk yields (it scans the head's
whole subtree to find them), and `Token.sent` checks the whole doc for sentence starts before it walks
to the sentence's edges: a few microseconds each, asked of the same verb by many helpers (its subject,
whether it is passive, its agent, its complements, its hedges, its sentence). Inside `cached(doc)`
those answers are made once per token and kept in the doc's `user_data`; outside it every helper
reads the parse afresh, as before. The block ends by dropping what it kept, so a doc retokenized or
re-parsed afterwards never meets an old answer (nothing inside an extractor changes the parse).

    with cached(doc):
        ... own_subject(verb), is_passive(verb), kids(verb), verb.sent, sentences(doc) ...
"""
from __future__ import annotations

import bisect
from contextlib import contextmanager
from typing import Iterator

from spacy.tokens import Doc, Span, Token

# The doc's user_data key of the kept answers: a dict of token index -> tuple of its children.
KEY = "newsledger.grammar.cache"
_SENTS = "sents"    # (in the same dict: the sentence Spans and their starts, made on first asking)


@contextmanager
def cached(doc: Doc) -> Iterator[None]:
    """Keep each token's children and sentence for the block's length (nested blocks share the
    outer one's); `Token.sent` is answered from one pass over `Doc.sents` (a token hook, unless the
    doc has sentence hooks of its own)."""
    data = doc.user_data
    if KEY in data:
        yield
        return
    data[KEY] = {}
    hooks = doc.user_token_hooks
    own_hook = not ("sent" in hooks or "sent" in doc.user_span_hooks or "sents" in doc.user_hooks)
    if own_hook:
        hooks["sent"] = _sentence
    try:
        yield
    finally:
        data.pop(KEY, None)
        if own_hook and hooks.get("sent") is _sentence:
            del hooks["sent"]


def kids(tok: Token) -> tuple[Token, ...]:
    """tuple(tok.children): the children of `tok` in text order, kept inside `cached`."""
    memo = tok.doc.user_data.get(KEY)
    if memo is None:
        return tuple(tok.children)
    i = tok.i
    found = memo.get(i)
    if found is None:
        found = memo[i] = tuple(tok.children)
    return found


def sentences(doc: Doc) -> list[Span]:
    """list(doc.sents), listed once inside `cached` (ValueError E030 when the doc has no sentence
    starts, as Doc.sents)."""
    memo = doc.user_data.get(KEY)
    if memo is None:
        return list(doc.sents)
    return _listed(doc, memo)[0]


def _listed(doc: Doc, memo: dict) -> tuple[list[Span], list[int]]:
    sents = memo.get(_SENTS)
    if sents is None:
        spans = list(doc.sents)
        sents = memo[_SENTS] = (spans, [s.start for s in spans])
    return sents


def _sentence(tok: Token) -> Span:
    """Token.sent from the doc's sentences, listed once (as Span.sent finds them: the tokens from the
    last sentence start at or before the token to the next one)."""
    doc = tok.doc
    memo = doc.user_data.get(KEY)
    if memo is None:        # (the hook outlived its block: cannot happen, but answer as spaCy does)
        return doc[tok.i:tok.i + 1].sent
    spans, starts = _listed(doc, memo)
    return spans[bisect.bisect_right(starts, tok.i) - 1]
