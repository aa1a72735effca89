"""SOURCE arguments -> announced items. A source is an RSS/Atom feed or a sitemap (by URL or a
local file), a text file of URLs (one a line, "#" comments), or a folder that receives files."""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser

from .dates import feed_date
from .http import Fetcher

SITEMAP_DEPTH = 2          # sitemap index -> sitemap -> urls
_DEFAULT_PORTS = {"http": "80", "https": "443"}
# Files a watched folder passes over: hidden, and the usual "still being written" names
# (writers should write to a temporary name and rename when done).
_PARTIAL_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial", "~")


@dataclass
class Discovered:
    key: str                          # what "seen" means: canonical URL, or file://path
    url: Optional[str]                # None for files
    title: Optional[str] = None
    published: Optional[str] = None   # the feed's date for it, if any


class SourceError(Exception):
    pass


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment, no
    utm_* tracking parameters, so a page announced twice is fetched once."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or str(port) == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith("utm_")])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def kind_of(source: str) -> str:
    if is_url(source):
        return "url"
    if os.path.isdir(source):
        return "folder"
    if os.path.isfile(source):
        return "file"
    raise SourceError(f"{source}: not a URL, file or folder")


def discover(source: str, fetcher: Fetcher, state) -> Iterator[Discovered]:
    """Every item the source announces now. Unchanged remote sources cost a 304 and yield nothing."""
    kind = kind_of(source)
    if kind == "folder":
        yield from _folder(source)
    elif kind == "file":
        yield from _local_file(source)
    else:
        yield from _remote(source, fetcher, state, depth=0)


def _folder(path: str) -> Iterator[Discovered]:
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith(_PARTIAL_SUFFIXES):
                continue
            full = os.path.abspath(os.path.join(root, name))
            try:
                st = os.stat(full)
            except OSError:     # removed between listing and stat
                continue
            # The version is part of the key: a file written again under the same name is new.
            yield Discovered(key=f"{Path(full).as_uri()}?v={st.st_size}-{st.st_mtime_ns}", url=None)


def _local_file(path: str) -> Iterator[Discovered]:
    data = Path(path).read_bytes()
    if data.lstrip()[:1] == b"<":   # a saved feed or sitemap
        yield from parse_listing(data, base_url=Path(os.path.abspath(path)).as_uri())
        return
    for line in data.decode("utf-8", errors="replace").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and is_url(line):
            yield Discovered(key=canonical_url(line), url=line)


def _remote(url: str, fetcher: Fetcher, state, depth: int) -> Iterator[Discovered]:
    etag, modified = state.validators(url)
    resp = fetcher.get(url, etag=etag, last_modified=modified)
    if resp.not_modified:
        return
    found = list(parse_listing(resp.content, base_url=resp.url, fetcher=fetcher, state=state, depth=depth))
    # Validators are saved only once the listing was read, so a crash re-reads it next time.
    state.save_validators(url, resp.headers.get("etag"), resp.headers.get("last-modified"))
    yield from found


def parse_listing(data: bytes, base_url: str, fetcher: Optional[Fetcher] = None, state=None,
                  depth: int = 0) -> Iterator[Discovered]:
    root = _xml_root(data)
    if root is not None and _local(root.tag) in ("urlset", "sitemapindex"):
        yield from _sitemap(root, base_url, fetcher, state, depth)
        return
    parsed = feedparser.parse(data, response_headers={"content-location": base_url})
    if parsed.bozo and not parsed.entries:
        raise SourceError(f"{base_url}: neither a feed nor a sitemap ({parsed.get('bozo_exception')})")
    for entry in parsed.entries:
        link = _entry_link(entry)
        if not link:
            continue
        url = urljoin(base_url, link)
        if not is_url(url):
            continue
        yield Discovered(key=canonical_url(url), url=url, title=entry.get("title") or None,
                         published=feed_date(entry))


def _entry_link(entry) -> Optional[str]:
    if entry.get("link"):
        return entry["link"]
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    guid = entry.get("id") or ""
    return guid if is_url(guid) else None


def _xml_root(data: bytes):
    head = data.lstrip()[:512].lower()
    if b"urlset" not in head and b"sitemapindex" not in head:
        return None
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sitemap(root, base_url: str, fetcher: Optional[Fetcher], state, depth: int) -> Iterator[Discovered]:
    if _local(root.tag) == "sitemapindex":
        if fetcher is None or depth >= SITEMAP_DEPTH:
            return
        for sm in root:
            loc = _child_text(sm, "loc")
            if loc:
                yield from _remote(urljoin(base_url, loc), fetcher, state, depth + 1)
        return
    for node in root:
        loc = _child_text(node, "loc")
        if not loc:
            continue
        url = urljoin(base_url, loc)
        published = None
        title = None
        for sub in node.iter():
            name = _local(sub.tag)
            if name == "publication_date" and sub.text:   # Google News sitemap extension
                published = sub.text.strip()[:10]
            elif name == "title" and sub.text:
                title = sub.text.strip()
        yield Discovered(key=canonical_url(url), url=url, title=title, published=published)


def _child_text(node, name: str) -> Optional[str]:
    for child in node:
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return None
