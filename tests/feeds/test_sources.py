from pathlib import Path

import pytest

from newsledger.feeds.sources import SourceError, canonical_url, kind_of, parse_listing

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
BASE = "http://127.0.0.1:8765"


def listing(name: str):
    text = (FIXTURES / name).read_text().replace("{base}", BASE).replace("{base_b}", BASE)
    return list(parse_listing(text.encode(), base_url=BASE + "/" + name))


def test_canonical_urls():
    assert canonical_url("HTTP://Example.COM:80/a?utm_source=rss&id=3#top") == "http://example.com/a?id=3"
    assert canonical_url("https://example.com:443") == "https://example.com/"
    assert canonical_url("https://example.com:8443/a") == "https://example.com:8443/a"
    # Different pages stay different.
    assert canonical_url("https://example.com/a?id=3") != canonical_url("https://example.com/a?id=4")
    assert canonical_url("https://example.com/A") != canonical_url("https://example.com/a")


def test_rss_items_with_dates():
    items = listing("rss.xml")
    assert [i.key for i in items][:3] == [BASE + "/a/grain-talks", BASE + "/a/budget-vote",
                                          BASE + "/a/bridge-deadline"]
    assert items[0].published == "2025-09-02" and items[0].title.startswith("Grain corridor")
    assert items[1].published is None


def test_atom_entries():
    items = listing("atom.xml")
    assert [(i.key, i.published) for i in items] == [(BASE + "/b/grain-ships", "2025-09-02"),
                                                     (BASE + "/b/slow-page", "2025-09-02")]


def test_news_sitemap():
    items = listing("sitemap.xml")
    assert [(i.key, i.published) for i in items] == [(BASE + "/a/port-strike", "2025-09-04"),
                                                     (BASE + "/a/budget-vote", None)]


def test_not_a_feed():
    with pytest.raises(SourceError):
        list(parse_listing(b"<html><body><p>Just a page</p></body></html>", base_url=BASE))


def test_kinds(tmp_path):
    assert kind_of("https://example.com/feed") == "url"
    assert kind_of(str(tmp_path)) == "folder"
    (tmp_path / "urls.txt").write_text("https://example.com/a\n")
    assert kind_of(str(tmp_path / "urls.txt")) == "file"
    with pytest.raises(SourceError):
        kind_of(str(tmp_path / "missing.txt"))
