"""Publication dates: from the feed, else the page's metadata, else the page's text, in that
order, with the source recorded ("feed" | "metadata" | "text"), since relative times in the
article ("last month") are resolved against this date."""
from __future__ import annotations

import calendar
import re
import time
from datetime import date
from typing import Optional

# Month names from the C locale's calendar, so no word list is kept here.
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH = r"[A-Z][a-z]{2,8}\.?"
_MDY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+((?:19|20)\d\d)\b")
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
TEXT_WINDOW = 1500  # datelines and bylines sit at the top; deeper dates are about events


def month_number(word: str) -> Optional[int]:
    """"Sept." -> 9, "March" -> 3; None for words that only look like months ("Mayor")."""
    w = word.rstrip(".").lower()
    if len(w) < 3:
        return None
    for name, number in _MONTHS.items():
        if name.startswith(w):
            return number
    return None


def _valid(y: int, m: Optional[int], d: int) -> Optional[str]:
    if m is None:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def date_in_text(text: str) -> Optional[str]:
    """The earliest-placed full date near the top of the article text."""
    head = text[:TEXT_WINDOW]
    found: list[tuple[int, str]] = []
    for m in _MDY.finditer(head):
        iso = _valid(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
        if iso:
            found.append((m.start(), iso))
    for m in _DMY.finditer(head):
        iso = _valid(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    for m in _ISO.finditer(head):
        iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), iso))
    return min(found)[1] if found else None


def date_in_metadata(html: str) -> Optional[str]:
    """Date from the page's markup only (meta tags, JSON-LD, <time>), never its running text."""
    if not html:
        return None
    try:
        from htmldate import find_date
        return find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises on odd markup; a missing date is not an error
        return None


def feed_date(entry) -> Optional[str]:
    """A feedparser entry's publication (else update) date, as an ISO date."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key) if hasattr(entry, "get") else None
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def resolve_published(feed_published: Optional[str], html: Optional[str], text: str
                      ) -> tuple[Optional[str], str]:
    """(date, where it came from) in the order feed, metadata, text; (None, "none") if none."""
    if feed_published:
        return feed_published, "feed"
    meta = date_in_metadata(html or "")
    if meta:
        return meta, "metadata"
    found = date_in_text(text)
    if found:
        return found, "text"
    return None, "none"
