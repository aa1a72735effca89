"""The record types of ../shared/SCHEMA.md ("newsledger/1").

Every extractor produces these; `to_dict()` is their JSON serialization and nothing else.
Spans are (start, end) code-point offsets into `Article.text`, end exclusive.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Optional

SCHEMA = "newsledger/1"

Span = tuple[int, int]

ACTOR_TYPES = ("person", "country", "government", "organization", "alliance", "group", "other")
STATEMENT_KINDS = (
    "claim", "assertion", "denial", "confirmation", "accusation", "warning", "demand",
    "pledge", "rejection", "praise", "criticism", "question", "other",
)
COMMITMENT_KINDS = ("ultimatum", "deadline", "pledge", "promise", "guarantee", "agreement", "threat")
COMMITMENT_STATUSES = ("open", "met", "missed", "extended", "withdrawn", "unconfirmed", "denied")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")


def text_id(text: str) -> str:
    """The id of an article that came without one: sha256 of its text, first 16 hex digits."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_UNWRITABLE = re.compile("[\ud800-\udfff\x00]")


def scrub_text(text: str) -> str:
    """Lone surrogates (from JSON escapes like "\\ud800") and NUL become U+FFFD: one code point for one,
    so offsets hold, and the text can be written as UTF-8, parsed, and stored in any database."""
    return _UNWRITABLE.sub("\ufffd", text)


def _span(s: Optional[Span]) -> Optional[list[int]]:
    return None if s is None else [int(s[0]), int(s[1])]


@dataclass
class Article:
    text: str
    id: Optional[str] = None
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # ISO date or datetime
    language: str = "en"
    # Where the article came from, for error messages: "file.jsonl:12".
    origin: Optional[str] = None

    def __post_init__(self) -> None:
        self.text = scrub_text(self.text)
        if not self.id:
            self.id = text_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "source": self.source, "url": self.url,
            "published": self.published, "language": self.language, "text": self.text,
        }


@dataclass
class TextSpan:
    """Words of the article: `text == article.text[span[0]:span[1]]`."""
    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": _span(self.span)}


@dataclass
class Actor:
    id: str
    name: str
    type: str = "other"
    country: Optional[str] = None
    roles: list[str] = field(default_factory=list)
    wikidata: Optional[str] = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "country": self.country,
            "roles": list(self.roles), "wikidata": self.wikidata,
            "mentions": [_span(m) for m in sorted(set(self.mentions))],
        }


# The actor types that act for their country's state: its people in office, ministries and agencies.
STATE_SIDE_TYPES = frozenset({"country", "government", "person"})
# The types of a state itself (a country, its government or an agency), and of a body that is no state
# (a company, a union, an alliance, a group): whose officer a title makes someone.
STATE_TYPES = frozenset({"country", "government"})
BODY_TYPES = frozenset({"organization", "group", "alliance"})


def same_side(a: Any, b: Any) -> bool:
    """Two actor records (anything with `type` and `country`) on one side: a person or agency and the
    country it belongs to ("Moscow" and Putin). A company, a news organisation or an armed group with a
    home country acts for itself, not for that country's state. Identity is the caller's check (ids)."""
    if a is None or b is None or not a.country or a.country != b.country:
        return False
    return "country" in (a.type, b.type) and {a.type, b.type} <= STATE_SIDE_TYPES


@dataclass
class Statement:
    cue: TextSpan
    content: TextSpan
    span: Span
    speaker: Optional[str] = None
    speaker_mention: Optional[TextSpan] = None
    kind: str = "claim"
    negated: bool = False
    hedged: bool = False
    quote: str = "indirect"
    about: list[str] = field(default_factory=list)
    time: Optional[str] = None
    # Index (in the record's `statements`) of the statement whose words report this one: "According to
    # the Kremlin, Putin said ..." -> Putin's statement is reported by the Kremlin's.
    reported_by: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict(), "kind": self.kind, "negated": self.negated,
            "hedged": self.hedged, "quote": self.quote, "content": self.content.to_dict(),
            "about": list(self.about), "time": self.time, "reported_by": self.reported_by,
            "span": _span(self.span),
        }


@dataclass
class Location:
    name: str
    span: Span
    country: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "span": _span(self.span)}


@dataclass
class Event:
    code: str
    trigger: TextSpan
    span: Span
    plover: Optional[str] = None
    label: Optional[str] = None
    source: Optional[str] = None
    target: Optional[str] = None
    location: Optional[Location] = None
    time: Optional[str] = None
    time_precision: Optional[str] = None
    fatalities: Optional[int] = None
    injured: Optional[int] = None
    negated: bool = False
    hypothetical: bool = False
    same_as: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "plover": self.plover, "label": self.label,
            "source": self.source, "target": self.target, "trigger": self.trigger.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "time": self.time, "time_precision": self.time_precision,
            "fatalities": self.fatalities, "injured": self.injured,
            "negated": self.negated, "hypothetical": self.hypothetical,
            "same_as": self.same_as, "span": _span(self.span),
        }


@dataclass
class TimeExpr:
    text: str
    span: Span
    type: str
    value: str
    anchor: str = "published"  # published | narrative | none

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": _span(self.span), "type": self.type,
                "value": self.value, "anchor": self.anchor}


@dataclass
class Commitment:
    kind: str
    holder: Optional[str]
    content: str
    counterparty: Optional[str] = None
    conditions: Optional[str] = None
    due: Optional[str] = None
    status: str = "open"
    overdue: bool = False
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "holder": self.holder, "counterparty": self.counterparty,
            "content": self.content, "conditions": self.conditions, "due": self.due,
            "status": self.status, "overdue": self.overdue,
            "evidence": [_span(e) for e in self.evidence],
        }


@dataclass
class Ledger:
    """One article's record: what `newsledger extract` prints, one JSON object per article."""
    article: Article
    model: dict[str, str]
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    # Why something could not be done ("no publication date: relative times unresolved").
    warnings: list[str] = field(default_factory=list)
    # A component that crashed on this article: the record is incomplete and must not be stored.
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "model": dict(self.model),
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "statements": [s.to_dict() for s in self.statements],
            "events": [e.to_dict() for e in self.events],
            "times": [t.to_dict() for t in self.times],
            "commitments": [c.to_dict() for c in self.commitments],
        }
        if self.warnings:
            d["warnings"] = list(self.warnings)
        if self.errors:
            d["errors"] = list(self.errors)
        return d
