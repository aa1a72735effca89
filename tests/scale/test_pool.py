"""The process pool gives exactly what single-process extraction gives, in order, reading ahead boundedly."""
from __future__ import annotations

import pytest

from newsledger.extraction import extract_articles
from newsledger.records import Article
from newsledger.scale.pool import char_batches, chunked, extract_parallel

from .conftest import make_articles

# Not English (written for this test): extraction skips it with a warning, and it must keep its place.
GERMAN = ("Der Bürgermeister sagte am Montag, dass die neue Brücke im März eröffnet werden soll, "
          "und die Opposition kritisierte die hohen Kosten des Projekts.")


def mixed_articles() -> list[Article]:
    arts = make_articles(7, prefix="pool")
    arts.insert(3, Article(id="pool-german", text=GERMAN, published="2024-05-02"))
    return arts


def test_pool_matches_single_process(nlp):
    expected = [ledger.to_dict() for ledger in extract_articles(mixed_articles(), nlp=nlp)]
    got = list(extract_parallel(mixed_articles(), workers=2, chunk_size=2))
    assert [r["article"]["id"] for r in got] == [a.id for a in mixed_articles()]
    assert got == expected
    assert got[3].get("warnings") and not got[3]["statements"]  # the German one, skipped in place
    assert any(r["statements"] for r in got)  # real findings came back, not empty shells


def test_one_worker_runs_in_process(nlp):
    expected = [ledger.to_dict() for ledger in extract_articles(make_articles(3, prefix="one"), nlp=nlp)]
    assert list(extract_parallel(make_articles(3, prefix="one"), workers=1)) == expected


def test_reads_ahead_only_a_bounded_number_of_articles():
    pulled = []

    def source():
        for art in make_articles(40, prefix="lazy"):
            pulled.append(art.id)
            yield art

    stream = extract_parallel(source(), workers=2, chunk_size=2, max_in_flight=2)
    first = next(stream)
    assert first["article"]["id"] == "lazy-000"
    # Two chunks submitted, one refilled after the first came back: 3 chunks of 2, never all 40.
    assert len(pulled) <= 6
    stream.close()  # stopping early must not hang or leave workers behind
    assert len(pulled) < 40


def test_worker_error_reaches_the_caller():
    from newsledger.nlp.pipeline import ModelNotFound
    with pytest.raises(ModelNotFound):
        list(extract_parallel(make_articles(2, prefix="err"), workers=2, model="no_such_model_xyz"))


def test_chunked():
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(chunked([], 3)) == []


def test_char_batches_bound_characters_not_just_count():
    arts = [Article(id=f"c{i}", text="x" * n) for i, n in enumerate([10, 10, 30, 5, 50, 1])]
    batches = [[a.id for a in b] for b in char_batches(arts, max_items=3, max_chars=40)]
    # 10+10 fits, +30 would pass 40; 30+5 fits; 50 alone (longer than the budget); 1.
    assert batches == [["c0", "c1"], ["c2", "c3"], ["c4"], ["c5"]]
    assert [len(b) for b in char_batches(arts, max_items=2, max_chars=10_000)] == [2, 2, 2]
