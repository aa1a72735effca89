"""A local news site for the feed tests: two outlets on loopback (127.0.0.1, ephemeral ports),
serving our fixture feeds and pages, counting every request, with 404s, redirects, ETags and a
page that never answers in time. Everything is bounded: no test waits on wall-clock time."""
from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
HANG_LIMIT = 10.0  # a hanging page is released at teardown, at the latest after this


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, tuple] = {}
        self.hits: Counter = Counter()
        self.conditional: Counter = Counter()   # requests that carried If-None-Match/If-Modified-Since
        self.not_modified: Counter = Counter()
        self.agents: set[str] = set()
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def page(self, path: str, body: str, content_type: str = "text/html; charset=utf-8",
             etag: Optional[str] = None, status: int = 200, last_modified: Optional[str] = None) -> None:
        self.routes[path] = ("page", status, body.encode("utf-8"), content_type, etag, last_modified)

    def fixture(self, path: str, name: str, etag: Optional[str] = None, **fmt: str) -> None:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        for key, value in fmt.items():
            text = text.replace("{" + key + "}", value)
        ctype = "application/xml" if name.endswith(".xml") else "text/html; charset=utf-8"
        self.page(path, text, ctype, etag=etag)

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        self.routes[path] = ("redirect", status, to)

    def hang(self, path: str) -> None:
        self.routes[path] = ("hang",)

    def remove(self, path: str) -> None:
        self.routes.pop(path, None)

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep pytest output clean
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            with site.lock:
                site.hits[path] += 1
                site.agents.add(self.headers.get("User-Agent", ""))
                if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                    site.conditional[path] += 1
            route = site.routes.get(path)
            if route is None:
                return self._send(404, b"not found", "text/plain")
            if route[0] == "hang":
                site.release.wait(HANG_LIMIT)
                return self._send(200, b"too late", "text/plain")
            if route[0] == "redirect":
                self.send_response(route[1])
                self.send_header("Location", route[2])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            _, status, body, ctype, etag, modified = route
            if ((etag and self.headers.get("If-None-Match") == etag)
                    or (modified and not etag and self.headers.get("If-Modified-Since") == modified)):
                with site.lock:
                    site.not_modified[path] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self._send(status, body, ctype, etag, modified)

        def _send(self, status: int, body: bytes, ctype: str, etag: Optional[str] = None,
                  modified: Optional[str] = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                if modified:
                    self.send_header("Last-Modified", modified)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                pass

    return Handler


@pytest.fixture
def outlet_a():
    site = Site()
    yield site
    site.close()


@pytest.fixture
def outlet_b():
    site = Site()
    yield site
    site.close()


class FakeClock:
    """Wall-clock stand-in for retry schedules: tests move time on, never wait for it."""

    def __init__(self, start: float = 1_750_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "ledger.db")


@pytest.fixture
def store(db):
    from newsledger.store import open_store
    s = open_store(db, must_exist=False)
    yield s
    s.close()


@pytest.fixture
def pg_url(pg_schema_url):
    """A fresh schema on the test PostgreSQL server (tests/conftest.py: skips without one, fails under CI)."""
    return pg_schema_url
