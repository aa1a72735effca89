"""What our spaCy components read from and write to a Doc (`doc._.…`).

The contract between extractors lives here, so each extractor module can be replaced on its own:

    doc._.published    datetime.date | None   the anchor for relative times (set before the pipeline runs)
    doc._.article_id   str | None
    doc._.times        list[records.TimeExpr]           newsledger_times
    doc._.actors       ActorIndex                       newsledger_actors
    doc._.statements   list[records.Statement]          newsledger_statements
    doc._.events       list[records.Event]              newsledger_events
    doc._.uncoded      list[Uncoded]                    newsledger_events (event words with no coded event)
    doc._.commitments  list[records.Commitment]         newsledger_commitments
    doc._.warnings     list[str]                        any component: why something could not be done
    doc._.errors       list[str] | None                 the pipeline: a component that crashed on this doc
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from ..records import Actor, Location, Span as CharSpan

_DOC_EXTENSIONS = (
    "published", "article_id", "times", "actors", "statements", "events", "uncoded",
    "commitments", "warnings", "errors",
)


def register_extensions() -> None:
    """Idempotent: declares every `doc._` attribute above (default None)."""
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


@dataclass
class Mention:
    start: int          # character offsets into doc.text, end exclusive
    end: int
    actor_id: str
    # name | surname | title | description | pronoun | metonym | demonym
    kind: str = "name"


@dataclass
class JointMention:
    """A span that refers to several actors together ("China and India ... their purchases")."""
    start: int
    end: int
    actor_ids: tuple[str, ...]
    kind: str = "pronoun"


@dataclass
class Uncoded:
    """A sentence with an event word that yielded no coded event, and why (PLOVER asks coders to log these)."""
    trigger: tuple[int, int]
    span: tuple[int, int]
    reason: str


@dataclass
class ActorIndex:
    """The actors of one document and every character span that refers to each.

    Built by the actors component; read by statements, events and commitments, which only ever
    ask "who is this span?" (`at`, `for_span`, `for_token`) or "is this span a place?" (`place_at`).
    """
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    # Place uses of names ("a strike on Kyiv"): locations, not actor mentions.
    places: list[Location] = field(default_factory=list)
    # Spans naming several actors at once; kept out of `mentions`, so `at` finds no single actor.
    joint: list[JointMention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def add(self, actor: Actor) -> Actor:
        """The actor with this id, adding it when new (roles and ids merge into the first record)."""
        known = self.actors.get(actor.id)
        if known is None:
            self.actors[actor.id] = actor
            return actor
        for role in actor.roles:
            if role not in known.roles:
                known.roles.append(role)
        known.wikidata = known.wikidata or actor.wikidata
        known.country = known.country or actor.country
        return known

    def remove(self, actor_ids: set[str]) -> None:
        """Forget actors and their mentions (ones made for a reading that was not kept)."""
        if not actor_ids:
            return
        for actor_id in actor_ids:
            self.actors.pop(actor_id, None)
        self.mentions = [m for m in self.mentions if m.actor_id not in actor_ids]
        self._starts = [m.start for m in self.mentions]

    def add_mention(self, actor_id: str, start: int, end: int, kind: str = "name") -> None:
        actor = self.actors[actor_id]
        if (start, end) not in actor.mentions:
            actor.mentions.append((start, end))
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self.mentions.insert(i, Mention(start, end, actor_id, kind))

    def add_joint_mention(self, actor_ids: Iterable[str], start: int, end: int, kind: str = "pronoun") -> None:
        """A span referring to these actors together: listed in each actor's record `mentions`, but
        `at` still answers None for it (no single actor is meant); `members_at` gives them all."""
        ids = tuple(dict.fromkeys(actor_ids))
        for actor_id in ids:
            actor = self.actors[actor_id]
            if (start, end) not in actor.mentions:
                actor.mentions.append((start, end))
        self.joint.append(JointMention(start, end, ids, kind))

    def members_at(self, start: int, end: int) -> list[str]:
        """Every actor a character range refers to: the actors of a joint mention covering it
        ("their" after "China and India"), else the one `at` finds, else none."""
        for j in self.joint:
            if j.start <= start and end <= j.end:
                return list(j.actor_ids)
        one = self.at(start, end)
        return [one] if one else []

    def mentions_in(self, start: int, end: int) -> Iterable[Mention]:
        """Mentions lying wholly inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end:
                yield m
            i += 1

    def at(self, start: int, end: int) -> Optional[str]:
        """The actor a character range names: the longest mention inside it, else one that covers it."""
        inside = list(self.mentions_in(start, end))
        if inside:
            return max(inside, key=lambda m: (m.end - m.start, -m.start)).actor_id
        i = bisect.bisect_right(self._starts, start) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.start <= start and m.end >= end:
                return m.actor_id
            if start - m.start > 200:
                break
            i -= 1
        return None

    def mention_at(self, start: int, end: int) -> Optional[Mention]:
        inside = list(self.mentions_in(start, end))
        return max(inside, key=lambda m: (m.end - m.start, -m.start)) if inside else None

    def for_span(self, span: Span) -> Optional[str]:
        return self.at(span.start_char, span.end_char)

    def for_token(self, token: Token) -> Optional[str]:
        return self.at(token.idx, token.idx + len(token.text))

    def place_at(self, start: int, end: int) -> Optional[Location]:
        for loc in self.places:
            if loc.span[0] < end and start < loc.span[1]:
                return loc
        return None

    def ordered(self) -> list[Actor]:
        """Actors in order of first mention (the order records list them in)."""
        def first(a: Actor) -> int:
            return min((m[0] for m in a.mentions), default=1 << 30)
        return sorted(self.actors.values(), key=lambda a: (first(a), a.id))


def char_span(doc: Doc, span: CharSpan) -> str:
    return doc.text[span[0]:span[1]]
