"""Long articles are parsed in pieces; the merged record must still point at the right characters."""
from __future__ import annotations

from newsledger.extraction import extract_articles
from newsledger.nlp.chunking import split_text
from newsledger.records import Article
from newsledger.validate import problems

PARAGRAPH = ("Foreign Minister Anna Berg said on Tuesday that the talks in Oslo would continue. "
             "Police arrested twelve protesters outside the parliament in Stockholm.\n\n")


def test_split_text_covers_the_text_at_paragraph_breaks():
    text = PARAGRAPH * 50
    pieces = split_text(text, max_chars=1000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(e - s <= 1000 for s, e in pieces)
    assert all(text[e - 2:e] == "\n\n" for _, e in pieces[:-1])


def test_split_text_without_any_break_still_bounded():
    text = "x" * 2500
    pieces = split_text(text, max_chars=1000)
    assert [e - s for s, e in pieces] == [1000, 1000, 500]


def test_long_article_in_pieces_matches_whole_parse(nlp):
    text = PARAGRAPH * 12
    art = Article(text=text, id="long", published="2025-03-04")
    [whole] = extract_articles([art], nlp=nlp)
    [pieced] = extract_articles([Article(text=text, id="long", published="2025-03-04")], nlp=nlp, max_chars=700)
    d_whole, d_pieced = whole.to_dict(), pieced.to_dict()
    assert problems(d_pieced) == []
    assert d_pieced["article"]["text"] == text
    # Each paragraph is parsed alike, so the same findings at the same offsets come out.
    for key in ("statements", "times", "events"):
        assert [x.get("span") for x in d_pieced[key]] == [x.get("span") for x in d_whole[key]], key
    assert any("pieces" in w for w in d_pieced["warnings"])


def test_output_order_with_skipped_articles(nlp):
    arts = [Article(text="", id="empty"), Article(text="The minister resigned on Friday.", id="a"),
            Article(text="   ", id="blank"), Article(text="The army said it withdrew.", id="b")]
    out = list(extract_articles(arts, nlp=nlp, batch_size=2))
    assert [l.article.id for l in out] == ["empty", "a", "blank", "b"]
    assert out[0].warnings and out[0].statements == []
