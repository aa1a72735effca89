"""Polite HTTP: one user agent, timeouts, retries with backoff, robots.txt, a per-host rate limit,
and conditional requests (ETag / Last-Modified) so an unchanged feed costs a 304."""
from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Callable, Optional
from urllib.parse import urljoin, urlsplit

import httpx


USER_AGENT = "newsledger/0.1 (+https://github.com/newsledger/newsledger; news ledger feed reader)"
ROBOTS_TTL = 3600.0  # seconds a robots.txt verdict is kept
RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}
REDIRECT_STATUS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A fetch that failed. `retry` says whether trying later may help (timeouts, 5xx, 404 on a
    page the feed has only just announced) or not (410 Gone, robots.txt forbids)."""

    def __init__(self, message: str, retry: bool = True, status: Optional[int] = None):
        super().__init__(message)
        self.retry = retry
        self.status = status


@dataclass
class Response:
    url: str                       # final URL, after redirects
    status: int                    # 200, or 304 for not modified
    content: bytes = b""
    headers: dict = field(default_factory=dict)
    redirected_from: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def text(self) -> str:
        charset = None
        ct = self.headers.get("content-type", "")
        if "charset=" in ct:
            charset = ct.split("charset=")[-1].split(";")[0].strip().strip('"')
        try:
            return self.content.decode(charset or "utf-8", errors="replace")
        except LookupError:
            return self.content.decode("utf-8", errors="replace")


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class Fetcher:
    """A polite client. `clock` and `sleep` are injectable so tests never wait on real time."""

    def __init__(self, user_agent: str = USER_AGENT, timeout: float = 20.0, retries: int = 2,
                 backoff: float = 1.0, max_backoff: float = 60.0, per_host_interval: float = 1.0,
                 respect_robots: bool = True, max_bytes: int = 10 * 1024 * 1024,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 transport: Optional[httpx.BaseTransport] = None):
        self.user_agent = user_agent
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.per_host_interval = per_host_interval
        self.respect_robots = respect_robots
        self.max_bytes = max_bytes
        self.clock, self.sleep = clock, sleep
        self._last: dict[str, float] = {}            # host -> monotonic time of the last request
        self._robots: dict[str, tuple[float, Optional[urllib.robotparser.RobotFileParser]]] = {}
        self.client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout), follow_redirects=False, transport=transport)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- politeness ----------------------------------------------------------------------------
    def _wait_turn(self, host: str) -> None:
        interval = max(self.per_host_interval, self._crawl_delay(host))
        last = self._last.get(host)
        if last is not None:
            wait = last + interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _crawl_delay(self, host: str) -> float:
        entry = self._robots.get(host)
        if not entry or entry[1] is None:
            return 0.0
        delay = entry[1].crawl_delay(self.user_agent)
        return float(delay) if delay else 0.0

    def allowed(self, url: str) -> bool:
        """robots.txt says yes. Missing (4xx) means allowed; unreachable (5xx, timeout) raises a
        retryable FetchError, since a site in trouble should not be crawled meanwhile."""
        if not self.respect_robots:
            return True
        host = host_of(url)
        now = self.clock()
        cached = self._robots.get(host)
        if cached is None or now - cached[0] > ROBOTS_TTL:
            cached = (now, self._load_robots(host))
            self._robots[host] = cached
        parser = cached[1]
        return True if parser is None else parser.can_fetch(self.user_agent, url)

    def _load_robots(self, host: str) -> Optional[urllib.robotparser.RobotFileParser]:
        url = host + "/robots.txt"
        try:
            for _hop in range(MAX_REDIRECTS + 1):   # e.g. http -> https, or to a www. host
                resp = self._request("GET", url, {}, host_of(url))
                location = resp.headers.get("location")
                if resp.status not in REDIRECT_STATUS or not location:
                    break
                url = urljoin(url, location)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return None
            raise FetchError(f"robots.txt unreachable: {exc}", retry=True) from None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(resp.text.splitlines())
        return parser

    # -- fetching ------------------------------------------------------------------------------
    def get(self, url: str, etag: Optional[str] = None, last_modified: Optional[str] = None) -> Response:
        """GET with robots, rate limit, retries and conditional headers; FetchError on failure.
        Redirects are followed here, hop by hop, so every hop's host gets its robots.txt check
        and its rate limit."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        history: list[str] = []
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            if not self.allowed(current):
                via = f" (redirected from {url})" if history else ""
                raise FetchError("disallowed by robots.txt" + via, retry=False)
            resp = self._request("GET", current, headers, host_of(current))
            location = resp.headers.get("location")
            if resp.status in REDIRECT_STATUS and location:
                history.append(current)
                current = urljoin(current, location)
                continue
            resp.redirected_from = history
            return resp
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", retry=False)

    def _request(self, method: str, url: str, headers: dict, host: str) -> Response:
        attempt = 0
        while True:
            self._wait_turn(host)
            retry_after = None
            try:
                with self.client.stream(method, url, headers=headers) as resp:
                    error, retry_after = self._check(resp), _retry_after(resp)
                    if error is None:
                        body = self._read_body(resp)
                        return Response(url=str(resp.url), status=resp.status_code, content=body,
                                        headers={k.lower(): v for k, v in resp.headers.items()})
            except httpx.TimeoutException:
                error = FetchError("timed out", retry=True)
            except httpx.HTTPError as exc:
                error = FetchError(f"{type(exc).__name__}: {exc}", retry=True)
            transient = error.retry and (error.status is None or error.status in RETRY_STATUS)
            if not transient or attempt >= self.retries:
                raise error
            attempt += 1
            self.sleep(min(self.max_backoff, retry_after if retry_after is not None
                           else self.backoff * 2 ** (attempt - 1)))

    def _read_body(self, resp: httpx.Response) -> bytes:
        """The body, refusing more than max_bytes (a runaway page must not fill the memory)."""
        body = bytearray()
        for chunk in resp.iter_bytes():
            body += chunk
            if len(body) > self.max_bytes:
                raise _TooLarge(f"response larger than {self.max_bytes} bytes")
        return bytes(body)

    def _check(self, resp: httpx.Response) -> Optional[FetchError]:
        status = resp.status_code
        if status == 304 or 200 <= status < 300 or status in REDIRECT_STATUS:
            return None
        if status == 410:
            return FetchError("HTTP 410 Gone", retry=False, status=status)
        if status in (401, 403, 451):
            return FetchError(f"HTTP {status} {resp.reason_phrase}", retry=False, status=status)
        return FetchError(f"HTTP {status} {resp.reason_phrase}", retry=True, status=status)


class _TooLarge(FetchError):
    def __init__(self, message: str):
        super().__init__(message, retry=False)


def _retry_after(resp: httpx.Response) -> Optional[float]:
    value = resp.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
