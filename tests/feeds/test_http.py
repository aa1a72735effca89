"""The polite client against a loopback server: conditional requests, retries, robots, rate limit."""
import pytest

from newsledger.feeds.http import FetchError, Fetcher


class FakeTime:
    def __init__(self):
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(round(seconds, 3))
        self.now += seconds


def client(t=None, **kw) -> Fetcher:
    t = t or FakeTime()
    kw.setdefault("per_host_interval", 0.0)
    return Fetcher(timeout=0.5, retries=kw.pop("retries", 2), backoff=kw.pop("backoff", 1.0),
                   clock=t.clock, sleep=t.sleep, **kw)


def test_conditional_request_gets_304(outlet_a):
    outlet_a.page("/feed", "<rss/>", "application/xml", etag='"v1"')
    with client() as f:
        first = f.get(outlet_a.base + "/feed")
        assert first.status == 200 and first.headers["etag"] == '"v1"'
        again = f.get(outlet_a.base + "/feed", etag='"v1"')
        assert again.not_modified and outlet_a.not_modified["/feed"] == 1
        outlet_a.page("/feed", "<rss><channel/></rss>", "application/xml", etag='"v2"')
        changed = f.get(outlet_a.base + "/feed", etag='"v1"')
        assert changed.status == 200 and b"channel" in changed.content


def test_404_is_not_retried_at_once_but_may_be_later(outlet_a):
    t = FakeTime()
    with client(t) as f, pytest.raises(FetchError) as exc:
        f.get(outlet_a.base + "/missing")
    assert exc.value.retry and exc.value.status == 404
    assert outlet_a.hits["/missing"] == 1 and t.slept == []


def test_server_errors_are_retried_with_backoff(outlet_a):
    t = FakeTime()
    outlet_a.page("/flaky", "busy", "text/plain", status=503)
    with client(t, retries=2) as f, pytest.raises(FetchError) as exc:
        f.get(outlet_a.base + "/flaky")
    assert exc.value.status == 503 and outlet_a.hits["/flaky"] == 3
    assert t.slept == [1.0, 2.0]                 # doubling


def test_gone_is_final(outlet_a):
    outlet_a.page("/old", "gone", "text/plain", status=410)
    with client() as f, pytest.raises(FetchError) as exc:
        f.get(outlet_a.base + "/old")
    assert not exc.value.retry and outlet_a.hits["/old"] == 1


def test_redirect_is_followed_and_reported(outlet_a):
    outlet_a.redirect("/old", outlet_a.base + "/new")
    outlet_a.page("/new", "<html><body>hi</body></html>")
    with client() as f:
        resp = f.get(outlet_a.base + "/old")
    assert resp.url == outlet_a.base + "/new" and resp.redirected_from == [outlet_a.base + "/old"]


def test_timeout_is_reported_as_retryable(outlet_a):
    outlet_a.hang("/slow")
    with client(retries=0) as f, pytest.raises(FetchError) as exc:
        f.get(outlet_a.base + "/slow")
    assert exc.value.retry and "timed out" in str(exc.value)


def test_robots_txt_and_crawl_delay(outlet_a):
    t = FakeTime()
    outlet_a.page("/robots.txt", "User-agent: *\nCrawl-delay: 5\nDisallow: /private/\n", "text/plain")
    outlet_a.page("/public", "ok", "text/plain")
    with client(t) as f:
        with pytest.raises(FetchError) as exc:
            f.get(outlet_a.base + "/private/page")
        assert not exc.value.retry and outlet_a.hits["/private/page"] == 0
        f.get(outlet_a.base + "/public")
        f.get(outlet_a.base + "/public")
    assert outlet_a.hits["/robots.txt"] == 1
    assert t.slept == [5.0, 5.0]     # Crawl-delay spaces the requests to one host


def test_missing_robots_txt_allows_everything(outlet_a):
    outlet_a.page("/page", "ok", "text/plain")
    with client() as f:
        assert f.get(outlet_a.base + "/page").status == 200


def test_rate_limit_is_per_host(outlet_a, outlet_b):
    t = FakeTime()
    for site in (outlet_a, outlet_b):
        site.page("/p", "ok", "text/plain")
    with client(t, per_host_interval=2.0, respect_robots=False) as f:
        f.get(outlet_a.base + "/p")
        f.get(outlet_b.base + "/p")      # another host: no wait
        assert t.slept == []
        f.get(outlet_a.base + "/p")
        assert t.slept == [2.0]


def test_redirect_to_a_host_that_forbids_it_is_not_followed(outlet_a, outlet_b):
    outlet_b.page("/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain")
    outlet_b.page("/story", "<html><body>hi</body></html>")
    outlet_a.redirect("/story", outlet_b.base + "/story")
    with client() as f, pytest.raises(FetchError) as exc:
        f.get(outlet_a.base + "/story")
    assert "disallowed by robots.txt (redirected from" in str(exc.value)
    assert outlet_b.hits["/story"] == 0


def test_too_many_redirects(outlet_a):
    outlet_a.redirect("/loop", outlet_a.base + "/loop")
    with client() as f, pytest.raises(FetchError) as exc:
        f.get(outlet_a.base + "/loop")
    assert not exc.value.retry and "redirects" in str(exc.value)
    assert outlet_a.hits["/loop"] == 6


def test_oversized_response_is_refused(outlet_a):
    outlet_a.page("/huge", "x" * 5000, "text/plain")
    with client(max_bytes=1000) as f, pytest.raises(FetchError) as exc:
        f.get(outlet_a.base + "/huge")
    assert not exc.value.retry and "larger than 1000 bytes" in str(exc.value)
