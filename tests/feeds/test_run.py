"""End to end: feeds and pages from local loopback servers -> watch/fetch -> store."""
from __future__ import annotations

import io
import json
import os
import signal
import sys
import threading

import pytest

from newsledger.feeds import FeedState, Settings, fetch, watch
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"

# Fast and bounded: a page that hangs costs 2 x 0.5 s; no waiting between requests.
SETTINGS = Settings(timeout=0.5, retries=1, backoff=0.0, per_host_interval=0.0, retry_base=60.0)


def serve_outlets(a, b, museum: bool = False) -> None:
    """Outlet A: RSS 2.0 (grain wire story, budget, bridge, museum (404 until `museum`), a redirect
    to the ferry page). Outlet B: Atom (the same wire story, and a page that never answers)."""
    a.fixture("/rss.xml", "rss.xml", etag='"a1"', base=a.base)
    a.fixture("/a/grain-talks", "wire-grain-a.html")
    a.fixture("/a/budget-vote", "budget-vote.html")
    a.fixture("/a/bridge-deadline", "bridge-deadline.html")
    a.redirect("/a/ferry-old", a.base + "/a/ferry")
    a.fixture("/a/ferry", "ferry.html")
    if museum:
        a.fixture("/a/museum", "museum.html")
    b.fixture("/atom.xml", "atom.xml", etag='"b1"', base_b=b.base)
    b.fixture("/b/grain-ships", "wire-grain-b.html")
    b.hang("/b/slow-page")


def stored(store) -> dict[str, dict]:
    return {r["article"]["id"]: r for r in store.export()}


def by_url(store) -> dict[str, dict]:
    return {r["article"]["url"]: r for r in store.export()}


def run(sources, db, store, clock, **kw):
    out, err = io.StringIO(), io.StringIO()
    state = kw.pop("state", None) or FeedState.open(db, clock=clock)
    ok = watch(sources, db, every_seconds=1, once=kw.pop("once", True), settings=SETTINGS, store=store,
               state=state, clock=clock, out=out, err=err, **kw)
    return ok, out.getvalue(), err.getvalue()


def test_polls_store_each_article_once_and_retry_failures_later(outlet_a, outlet_b, db, clock, store):
    a, b = outlet_a, outlet_b
    serve_outlets(a, b)
    sources = [a.base + "/rss.xml", b.base + "/atom.xml"]

    ok, out, err = run(sources, db, store, clock)
    assert ok, err
    urls = by_url(store)
    assert len(urls) == 4, out + err
    assert set(urls) == {a.base + "/a/grain-talks", a.base + "/a/budget-vote",
                         a.base + "/a/bridge-deadline", a.base + "/a/ferry"}
    # Dates: the feed first, else the page's metadata, else its text; the source is recorded.
    grain = urls[a.base + "/a/grain-talks"]["article"]
    assert (grain["published"], grain["published_source"]) == ("2025-09-02", "feed")
    budget = urls[a.base + "/a/budget-vote"]["article"]
    assert (budget["published"], budget["published_source"]) == ("2025-09-02", "metadata")
    bridge = urls[a.base + "/a/bridge-deadline"]["article"]
    assert (bridge["published"], bridge["published_source"]) == ("2025-09-03", "text")
    # The wire story from outlet B is linked to A's, not stored again.
    assert b.hits["/b/grain-ships"] == 1
    assert "repeats " + grain["id"] in out
    # Failures are reported, with the retry to come.
    assert "/a/museum: HTTP 404" in err and "retrying in" in err
    assert "/b/slow-page: timed out" in err
    assert "2 failure(s)" in out and "4 new article(s)" in out and "1 duplicate(s)" in out
    assert b.hits["/b/slow-page"] == 2      # one request and one immediate retry, no more
    assert any("newsledger" in ua for ua in a.agents)

    # Poll 2, before the retry is due: the feeds are unchanged (304) and nothing is fetched.
    before = dict(a.hits) | {"b" + k: v for k, v in b.hits.items()}
    ok, out, err = run(sources, db, store, clock)
    assert a.not_modified["/rss.xml"] == 1 and b.not_modified["/atom.xml"] == 1
    after = dict(a.hits) | {"b" + k: v for k, v in b.hits.items()}
    new_requests = {k: v - before.get(k, 0) for k, v in after.items() if v != before.get(k, 0)}
    # Each run is a new process here, which reads robots.txt afresh (a long watch keeps it 1 h).
    assert new_requests == {"/rss.xml": 1, "b/atom.xml": 1, "/robots.txt": 1, "b/robots.txt": 1}
    assert "0 new article(s)" in out and err == ""

    # Poll 3: the feed has changed (a new item), the museum page is back, the retry is due.
    clock.advance(61)
    feed = (a.routes["/rss.xml"][2].decode().replace(
        "</channel>", f"<item><title>Dock strike</title><link>{a.base}/a/port-strike</link>"
                      "<guid>strike</guid></item></channel>"))
    a.page("/rss.xml", feed, "application/rss+xml", etag='"a2"')
    a.fixture("/a/port-strike", "port-strike.html")
    a.fixture("/a/museum", "museum.html")
    ok, out, err = run(sources, db, store, clock)
    urls = by_url(store)
    assert a.base + "/a/museum" in urls and a.base + "/a/port-strike" in urls
    assert len(urls) == 6 and len(stored(store)) == 6   # the strike story is not taken for the wire story
    assert a.hits["/a/museum"] == 2 and a.hits["/a/port-strike"] == 1
    for path in ("/a/grain-talks", "/a/budget-vote", "/a/bridge-deadline", "/a/ferry-old", "/a/ferry"):
        assert a.hits[path] == 1, path
    assert b.hits["/b/grain-ships"] == 1
    assert "/b/slow-page: timed out" in err and "attempt 2" in err


def test_restart_in_the_middle_of_a_poll_loses_and_repeats_nothing(outlet_a, outlet_b, db, clock, store):
    a, b = outlet_a, outlet_b
    serve_outlets(a, b, museum=True)
    b.fixture("/b/slow-page", "port-strike.html")
    sources = [a.base + "/rss.xml", b.base + "/atom.xml"]
    from newsledger.feeds.watcher import extract_records
    calls = {"n": 0}

    def dies_on_third(articles):
        calls["n"] += 1
        if calls["n"] == 3:     # the process is killed with a page fetched but not yet stored
            raise SystemExit("killed")
        return extract_records(articles)

    with pytest.raises(SystemExit):
        run(sources, db, store, clock, extractor=dies_on_third)
    first = stored(store)
    assert len(first) == 2
    state = FeedState.open(db, clock=clock)
    counts = state.counts()
    assert counts.get("fetched") == 1 and counts.get("queued", 0) >= 1

    # A new process: fresh state object and fetcher, same database.
    ok, out, err = run(sources, db, store, clock, state=state)
    assert ok and err == ""
    urls = by_url(store)
    assert len(urls) == 6
    for path in ("/a/grain-talks", "/a/budget-vote", "/a/bridge-deadline", "/a/museum", "/a/ferry"):
        assert a.hits[path] == 1, path
    assert b.hits["/b/grain-ships"] == 1 and b.hits["/b/slow-page"] == 1
    assert FeedState.open(db, clock=clock).pending_count() == 0


def test_sigterm_stops_after_the_article_in_hand(outlet_a, outlet_b, db, clock, store):
    a, b = outlet_a, outlet_b
    serve_outlets(a, b, museum=True)
    from newsledger.feeds.watcher import extract_records
    before = signal.getsignal(signal.SIGTERM)

    def terminated_while_extracting(articles):
        os.kill(os.getpid(), signal.SIGTERM)    # arrives mid-article: that article still finishes
        return extract_records(articles)

    ok, out, err = run([a.base + "/rss.xml"], db, store, clock, once=False,
                       extractor=terminated_while_extracting)
    assert len(stored(store)) == 1
    assert "stopped after poll 1" in out
    assert signal.getsignal(signal.SIGTERM) == before     # the handler is put back
    assert FeedState.open(db, clock=clock).pending_count() == 4


def test_summary_names_status_changes_and_notify_gets_json(outlet_a, outlet_b, db, clock, tmp_path, store):
    a, b = outlet_a, outlet_b
    serve_outlets(a, b, museum=True)
    # The tracker's answer for an article that settles an earlier commitment (link_article's role).
    change = {"record_kind": "commitment", "kind": "deadline", "holder": "regional-government",
              "content": "finish the main span", "old": "open", "new": "met", "article": None}

    def linker(_store, record):
        if "bridge" in (record["article"]["url"] or ""):
            return [dict(change, article=record["article"]["id"])]
        return []

    sink = tmp_path / "notified.json"
    cmd = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'w').write(sys.stdin.read())\" {sink}"
    ok, out, err = run([a.base + "/rss.xml"], db, store, clock, linker=linker, notify=cmd)
    assert "1 status change(s)" in out
    assert 'commitment (deadline) regional-government "finish the main span": open -> met' in out
    sent = json.loads(sink.read_text())
    assert sent["status_changes"][0]["new"] == "met"
    assert sent["new_articles"] == 5 and len(sent["articles"]) == 5

    # A poll without status changes runs no command.
    sink.unlink()
    ok, out, err = run([a.base + "/rss.xml"], db, store, clock, linker=linker, notify=cmd)
    assert "0 status change(s)" in out and not sink.exists()


def test_robots_txt_is_honoured(outlet_a, db, clock, store):
    a = outlet_a
    a.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    a.fixture("/private/ferry", "ferry.html")
    a.fixture("/a/museum", "museum.html")
    out, err = io.StringIO(), io.StringIO()
    ok = fetch([a.base + "/private/ferry", a.base + "/a/museum"], db, settings=SETTINGS, store=store,
               state=FeedState.open(db, clock=clock), out=out, err=err)
    assert not ok
    assert a.hits["/private/ferry"] == 0 and a.hits["/a/museum"] == 1
    assert "disallowed by robots.txt" in err.getvalue() and "given up" in err.getvalue()
    assert a.hits["/robots.txt"] == 1          # fetched once per host, then kept


def test_fetch_once_and_never_twice(outlet_a, db, clock, store):
    a = outlet_a
    a.fixture("/a/museum", "museum.html")
    a.redirect("/a/ferry-old", a.base + "/a/ferry")
    a.fixture("/a/ferry", "ferry.html")

    def once(urls):
        out, err = io.StringIO(), io.StringIO()
        ok = fetch(urls, db, settings=SETTINGS, store=store, state=FeedState.open(db, clock=clock),
                   out=out, err=err)
        return ok, out.getvalue()

    ok, out = once([a.base + "/a/museum", a.base + "/a/ferry-old"])
    assert ok and len(stored(store)) == 2 and "2 new article(s)" in out
    # Again, with other spellings of the same pages (tracking parameter, redirect target).
    ok, out = once([a.base + "/a/museum?utm_source=x", a.base + "/a/ferry", a.base + "/a/ferry-old#top"])
    assert ok and "already in the ledger" in out
    assert a.hits["/a/museum"] == 1 and a.hits["/a/ferry"] == 1 and a.hits["/a/ferry-old"] == 1
    assert len(stored(store)) == 2


def test_sitemap_url_list_and_folder_sources(outlet_a, db, clock, tmp_path, store):
    a = outlet_a
    a.fixture("/sitemap.xml", "sitemap.xml", base=a.base)
    a.fixture("/a/port-strike", "port-strike.html")
    a.fixture("/a/budget-vote", "budget-vote.html")
    a.fixture("/a/museum", "museum.html")
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text(f"# reading list\n{a.base}/a/museum\n\nnot a url\n{a.base}/a/budget-vote\n")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ferry.html").write_text((FIXTURES / "ferry.html").read_text())
    (inbox / "half-written.html.part").write_text("<html>")
    ok, out, err = run([a.base + "/sitemap.xml", str(urls_file), str(inbox)], db, store, clock)
    assert ok, err
    urls = by_url(store)
    strike = urls[a.base + "/a/port-strike"]["article"]
    assert (strike["published"], strike["published_source"]) == ("2025-09-04", "feed")  # news:publication_date
    assert a.base + "/a/museum" in urls and a.base + "/a/budget-vote" in urls
    assert a.hits["/a/budget-vote"] == 1      # announced by two sources, fetched once
    assert len(stored(store)) == 4            # + the file from the folder; the .part file is left alone
    # Files dropped in later are picked up by the next poll; the others are not read again.
    (inbox / "later.txt").write_text("The harbour authority said on Friday it would dredge the channel "
                                     "before winter, and promised to publish the contract by October.")
    (inbox / "wire.jsonl").write_text(json.dumps({
        "id": "wire-7", "published": "2025-09-05", "text": "Fishermen in the bay said on Friday that "
        "catches of herring had doubled since the spring, and the cooperative pledged to hire more crews."}) + "\n")
    ok, out, err = run([str(inbox)], db, store, clock)
    assert "2 new article(s)" in out and len(stored(store)) == 6
    wire = stored(store)["wire-7"]["article"]
    assert (wire["published"], wire["published_source"]) == ("2025-09-05", "record")
    # A file written again under its name is read again; the same text is not stored twice.
    ferry = inbox / "ferry.html"
    ferry.write_text(ferry.read_text() + "\n")
    os.utime(ferry, ns=(ferry.stat().st_atime_ns, ferry.stat().st_mtime_ns + 10**9))
    ok, out, err = run([str(inbox)], db, store, clock)
    assert "0 new article(s)" in out and "1 duplicate(s)" in out and len(stored(store)) == 6
    links = FeedState.open(db, clock=clock).duplicates()
    assert len(links) == 1 and links[0]["url"].startswith(ferry.as_uri())


def test_a_failure_after_the_fetch_is_retried_from_the_saved_page(outlet_a, db, clock, store):
    a = outlet_a
    a.fixture("/a/museum", "museum.html")
    a.page("/a/report.pdf", "%PDF-1.4 not text", "application/pdf")
    from newsledger.feeds.watcher import extract_records
    calls = {"n": 0}

    def broken_once(articles):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("component crashed")
        return extract_records(articles)

    src = str(Path(db).with_name("urls.txt"))
    Path(src).write_text(f"{a.base}/a/museum\n{a.base}/a/report.pdf\n")
    ok, out, err = run([src], db, store, clock, extractor=broken_once)
    assert "RuntimeError: component crashed" in err and "retrying in" in err
    assert "not a page to read: application/pdf" in err and "given up" in err
    assert stored(store) == {}
    clock.advance(61)
    ok, out, err = run([src], db, store, clock, extractor=broken_once)
    assert "1 new article(s)" in out and err == ""
    assert a.hits["/a/museum"] == 1 and a.hits["/a/report.pdf"] == 1


def test_a_record_an_extractor_failed_on_is_not_stored_and_retried(outlet_a, db, clock, store):
    a = outlet_a
    a.fixture("/a/museum", "museum.html")
    from newsledger.feeds.watcher import extract_records
    calls = {"n": 0}

    def component_error_once(articles):
        calls["n"] += 1
        records = extract_records(articles)
        if calls["n"] == 1:     # what the pipeline returns when a component crashed on the article
            records[0]["errors"] = ["newsledger_events failed: RuntimeError: boom"]
        return records

    src = str(Path(db).with_name("urls.txt"))
    Path(src).write_text(f"{a.base}/a/museum\n")
    ok, out, err = run([src], db, store, clock, extractor=component_error_once)
    assert "IncompleteRecord" in err and "RuntimeError: boom" in err and "retrying in" in err
    assert stored(store) == {}
    clock.advance(61)
    ok, out, err = run([src], db, store, clock, extractor=component_error_once)
    assert "1 new article(s)" in out and err == ""
    assert [r.get("errors") for r in stored(store).values()] == [None]
    assert a.hits["/a/museum"] == 1          # retried from the saved page, not fetched again


def test_status_change_from_the_real_tracker_reaches_summary_and_notify(outlet_a, db, clock, store, tmp_path):
    pytest.importorskip("newsledger.track")
    a = outlet_a
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>'
           f'<item><title>Minister sets bridge deadline</title><link>{a.base}/a/deadline</link></item>'
           '</channel></rss>')
    a.page("/rss.xml", rss, "application/rss+xml", etag='"1"')
    a.fixture("/a/deadline", "deadline-set.html")
    a.fixture("/a/extended", "deadline-extended.html")
    sink = tmp_path / "notified.json"
    cmd = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'w').write(sys.stdin.read())\" {sink}"
    ok, out, err = run([a.base + "/rss.xml"], db, store, clock, notify=cmd)
    assert "1 new article(s)" in out and "0 status change(s)" in out and not sink.exists()
    # The feed changes: the follow-up extends the deadline.
    a.page("/rss.xml", rss.replace("</channel>", f"<item><title>More time</title><link>{a.base}/a/extended"
                                                 "</link></item></channel>"), "application/rss+xml", etag='"2"')
    ok, out, err = run([a.base + "/rss.xml"], db, store, clock, notify=cmd)
    assert "1 new article(s)" in out and "1 status change(s)" in out
    assert "anna-berg" in out and "open -> extended" in out
    sent = json.loads(sink.read_text())
    assert [(c["holder"], c["old"], c["new"]) for c in sent["status_changes"]] == [("anna-berg", "open", "extended")]
    assert a.hits["/a/deadline"] == 1 and a.hits["/a/extended"] == 1


@pytest.mark.postgres
def test_fetch_into_postgresql(outlet_a, pg_url, clock):
    from newsledger.store import open_store
    a = outlet_a
    a.fixture("/a/grain", "wire-grain-a.html")
    a.fixture("/b/grain", "wire-grain-b.html")
    store = open_store(pg_url)
    try:
        out, err = io.StringIO(), io.StringIO()
        ok = fetch([a.base + "/a/grain", a.base + "/b/grain"], pg_url, settings=SETTINGS, store=store,
                   clock=clock, out=out, err=err)
        assert ok, err.getvalue()
        assert len(stored(store)) == 1 and "near duplicate" in out.getvalue()
        again = fetch([a.base + "/a/grain"], pg_url, settings=SETTINGS, store=store, clock=clock,
                      out=io.StringIO(), err=io.StringIO())
        assert again and a.hits["/a/grain"] == 1
        assert FeedState.open(pg_url, engine=store.engine).duplicates()[0]["url"] == a.base + "/b/grain"
    finally:
        store.close()


def test_bounded_loop_and_unreachable_sources(outlet_a, db, clock, store):
    import socket
    a = outlet_a
    a.fixture("/rss.xml", "rss.xml", etag='"a1"', base=a.base)
    with socket.socket() as s:          # a loopback port with nobody listening
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/feed.xml"
    ok, out, err = run([dead, a.base + "/rss.xml"], db, store, clock, once=False, max_polls=2)
    assert ok                             # one source answered
    assert out.count("poll ") == 2 and a.hits["/rss.xml"] == 2 and a.not_modified["/rss.xml"] == 1
    assert err.count(f"! source {dead}") == 2
    ok, out, err = run([dead], db, store, clock)
    assert not ok


def test_last_modified_makes_an_unchanged_sitemap_a_304(outlet_a, db, clock, store):
    a = outlet_a
    stamp = "Thu, 04 Sep 2025 06:20:00 GMT"
    sitemap = (FIXTURES / "sitemap.xml").read_text().replace("{base}", a.base)
    a.page("/sitemap.xml", sitemap, "application/xml", last_modified=stamp)
    a.fixture("/a/port-strike", "port-strike.html")
    a.fixture("/a/budget-vote", "budget-vote.html")
    run([a.base + "/sitemap.xml"], db, store, clock)
    ok, out, err = run([a.base + "/sitemap.xml"], db, store, clock)
    assert a.conditional["/sitemap.xml"] == 1 and a.not_modified["/sitemap.xml"] == 1
    assert "0 new article(s)" in out and len(stored(store)) == 2
