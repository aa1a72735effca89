"""JSONL records: one article per line with `id`, `title`, `published`, `url`, `text`."""
from __future__ import annotations

import json
from typing import Iterable, Iterator, Optional, Union

from ..records import Article
from .errors import ReadError

_STR_FIELDS = ("id", "title", "published", "url", "source")


def parse_record(line: str, origin: str, lineno: int, published: Optional[str] = None) -> Union[Article, ReadError]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(origin, f"malformed JSON ({exc.msg} at column {exc.colno})", lineno)
    if not isinstance(obj, dict):
        return ReadError(origin, f"expected a JSON object, got {type(obj).__name__}", lineno)
    text = obj.get("text")
    if text is None:
        return ReadError(origin, "record has no 'text'", lineno)
    if not isinstance(text, str):
        return ReadError(origin, f"'text' must be a string, got {type(text).__name__}", lineno)
    if not text.strip():
        return ReadError(origin, "record has empty 'text'", lineno)
    fields = {}
    for key in _STR_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            return ReadError(origin, f"'{key}' must be a string, got {type(value).__name__}", lineno)
        fields[key] = None if value is None else str(value)
    if fields["published"] is None:
        fields["published"] = published
    return Article(text=text, origin=f"{origin}:{lineno}", **fields)


def read_jsonl_lines(lines: Iterable[str], origin: str, published: Optional[str] = None) -> Iterator[Union[Article, ReadError]]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        yield parse_record(line, origin, lineno, published)
