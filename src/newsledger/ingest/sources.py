"""Paths -> Articles: files by kind (text, HTML, JSONL), folders recursively, '-' for stdin."""
from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from ..records import Article
from .decode import DecodeError, decode_bytes
from .errors import ReadError
from .html import NoArticleBody, looks_like_html, read_html
from .jsonl import parse_record

Item = Union[Article, ReadError]

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
# Files a folder walk passes over without complaint.
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def detect_kind(path: str, head: bytes = b"") -> str:
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".json":
        return "jsonl"
    stripped = head.lstrip()
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def read_text_source(text: str, origin: str, published: Optional[str] = None,
                     kind: str = "text", article_id: Optional[str] = None) -> Iterator[Item]:
    """Articles from already-decoded text of the given kind."""
    if kind == "jsonl":
        for lineno, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield parse_record(line, origin, lineno, published)
        return
    if not text.strip():
        yield ReadError(origin, "empty input: no text")
        return
    if kind == "html" or (kind == "text" and looks_like_html(text)):
        try:
            yield read_html(text, origin, published=published)
        except NoArticleBody as exc:
            yield ReadError(origin, str(exc))
        return
    yield Article(text=text, id=article_id, published=published, origin=origin)


def _read_jsonl_stream(stream: BinaryIO, origin: str, published: Optional[str]) -> Iterator[Item]:
    # Line by line from bytes: memory stays flat, and one undecodable line fails alone.
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield ReadError(origin, f"line is not UTF-8 (invalid byte at column {exc.start + 1})", lineno)
            continue
        yield parse_record(line, origin, lineno, published)


def read_file(path: str, published: Optional[str] = None) -> Iterator[Item]:
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield ReadError(path, f"cannot read: {exc.strerror or exc}")
        return
    with f:
        head = f.read(4096)
        kind = detect_kind(path, head)
        if kind == "jsonl":
            f.seek(0)
            yield from _read_jsonl_stream(f, path, published)
            return
        try:
            data = head + f.read()
        except OSError as exc:
            yield ReadError(path, f"cannot read: {exc.strerror or exc}")
            return
    if not data.strip():
        yield ReadError(path, "empty file")
        return
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield ReadError(path, str(exc))
        return
    # Plain text and HTML carry no id: the Article takes the hash of its text (SCHEMA.md).
    yield from read_text_source(text, path, published, kind)


def walk(path: str) -> Iterator[str]:
    """Files under a folder, recursively, in a stable order, hidden files skipped."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name in _SKIP_NAMES:
                continue
            yield os.path.join(root, name)


def read_stdin(published: Optional[str] = None, stream: Optional[BinaryIO] = None) -> Iterator[Item]:
    stream = stream or sys.stdin.buffer
    head = stream.read(4096)
    kind = detect_kind("-", head)
    if kind == "jsonl":
        yield from _read_jsonl_stream(io.BufferedReader(_Chain(head, stream)), "<stdin>", published)
        return
    data = head + stream.read()
    if not data.strip():
        yield ReadError("<stdin>", "empty input: no text")
        return
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield ReadError("<stdin>", str(exc))
        return
    yield from read_text_source(text, "<stdin>", published, kind)


class _Chain(io.RawIOBase):
    """A head already read, then the rest of a stream, as one readable raw stream."""
    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        b[:len(data)] = data
        return len(data)


def read_sources(paths: Iterable[str], published: Optional[str] = None) -> Iterator[Item]:
    """Every article (or read error) from the given paths, in order."""
    for path in paths:
        if path == "-":
            yield from read_stdin(published)
        elif os.path.isdir(path):
            for file in walk(path):
                yield from read_file(file, published)
        elif not os.path.exists(path):
            yield ReadError(path, "no such file or folder")
        else:
            yield from read_file(path, published)
