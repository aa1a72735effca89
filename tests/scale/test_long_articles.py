"""A long article's pieces go through spaCy a few at a time (extract.PIECES_PER_BATCH), not in
batches of 16: same records, in input order, with skipped and short articles around it."""
from __future__ import annotations

import importlib

from newsledger.extraction import extract_articles
from newsledger.records import Article

from .conftest import SENTENCES, make_articles


def _long_article(chars: int) -> Article:
    paragraphs, i = [], 0
    while sum(len(p) + 2 for p in paragraphs) < chars:
        paragraphs.append(" ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(4)))
        i += 1
    return Article(id="long-one", title="A long one", published="2025-03-03", text="\n\n".join(paragraphs))


def _stream() -> list[Article]:
    short = make_articles(4, prefix="around-long")
    empty = Article(id="empty-one", text="   ", published="2025-03-03")
    return [short[0], empty, _long_article(9_000), short[1], _long_article(6_000), short[2], short[3]]


def test_pieces_run_one_at_a_time_and_records_do_not_change(nlp, monkeypatch):
    extract_mod = importlib.import_module("newsledger.extraction")   # the package's `extract` is the function
    sizes: list[int] = []
    real = extract_mod.extract_docs

    def spy(nlp_, articles, batch_size=16):
        sizes.append(batch_size)
        return real(nlp_, articles, batch_size=batch_size)

    monkeypatch.setattr(extract_mod, "extract_docs", spy)
    one = [l.to_dict() for l in extract_articles(_stream(), nlp=nlp, max_chars=2_500)]
    assert 1 in sizes and 16 in sizes                      # pieces alone, short articles batched
    sizes.clear()
    together = [l.to_dict() for l in extract_articles(_stream(), nlp=nlp, max_chars=2_500,
                                                      pieces_per_batch=16)]
    assert 1 not in sizes
    assert [r["article"]["id"] for r in one] == [a.id for a in _stream()]
    assert one == together
    long_one = one[2]
    assert any("pieces" in w for w in long_one.get("warnings") or [])
    assert len(long_one["statements"]) > 4 and len(long_one["events"]) > 2


def test_a_long_article_first_and_last(nlp):
    arts = [_long_article(6_000), *make_articles(2, prefix="between"), _long_article(5_000)]
    got = [l.to_dict()["article"]["id"] for l in extract_articles(arts, nlp=nlp, max_chars=2_000)]
    assert got == [a.id for a in arts]
