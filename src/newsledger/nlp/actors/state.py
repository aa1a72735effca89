"""One document's pass: the ActorIndex being built plus token-level mentions (`Ref`) with their
sentence and subject role, and the title and description phrases found in the text.

Every step of the actors component (component.py, people.py, metonymy.py, references.py,
pronouns.py) reads and adds to this one object.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from ...lexicons.gazetteer import Entry, Gazetteer
from ...records import Actor, Location
from ..extensions import ActorIndex
from .parse import subject_rank


@dataclass
class Ref:
    """A mention with the syntax coreference needs (token offsets, head, sentence, role)."""
    start: int            # token span [start, end)
    end: int
    actor_id: str
    kind: str
    root: int             # the token whose head lies outside the span
    sent: int
    subj: int             # 0 subject of its sentence root, 1 other subject, 2 anything else


class DocState:
    """What one document's pass knows so far: the index plus token-level refs and lookups."""

    def __init__(self, doc: Doc, gaz: Gazetteer):
        self.doc = doc
        self.gaz = gaz
        self.day: Optional[dt.date] = doc._.published
        self.index = ActorIndex()
        self.refs: list[Ref] = []
        self.taken = bytearray(len(doc))          # tokens inside a mention of a person
        self.sent_of = [0] * len(doc)
        self.sent_root: list[int] = []
        for n, s in enumerate(doc.sents):
            self.sent_root.append(s.root.i)
            for i in range(s.start, s.end):
                self.sent_of[i] = n
        self.genders: dict[str, Optional[str]] = {}
        # Filled by references.ReferenceResolver.prepare: title phrases by start token and by end
        # token, and description phrases with their targets.
        self.titles: dict = {}
        self.title_end_at: dict[int, int] = {}
        self.title_list: list[tuple[int, int]] = []
        self.descriptions: list[tuple[int, int, str]] = []
        self.lower_words: Optional[set[str]] = None     # built on demand (ambiguous names)
        self.dateline = 0                                # tokens of a wire dateline (grammar.dateline.dateline_end)

    def title_spans_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(s, e) for s, e in self.title_list if start <= s and e <= end]

    # ---- adding ---------------------------------------------------------------------------------
    def actor_for(self, entry: Entry) -> Actor:
        actor = self.index.add(entry.actor(self.day))
        self.genders.setdefault(actor.id, entry.gender)
        return actor

    def root_of(self, start: int, end: int) -> int:
        doc = self.doc
        for i in range(end - 1, start - 1, -1):
            if not start <= doc[i].head.i < end or doc[i].head.i == i:
                return i
        return end - 1

    def subj_rank(self, root: int) -> int:
        return subject_rank(self.doc[root], self.sent_root[self.sent_of[root]])

    def mention(self, actor_id: str, start: int, end: int, kind: str, take: bool = True) -> Ref:
        doc = self.doc
        s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        self.index.add_mention(actor_id, s_char, e_char, kind)
        root = self.root_of(start, end)
        ref = Ref(start, end, actor_id, kind, root, self.sent_of[root], self.subj_rank(root))
        self.refs.append(ref)
        actor = self.index.actors.get(actor_id)
        if take and actor is not None and actor.type == "person":
            for i in range(start, end):
                self.taken[i] = 1
        return ref

    def place(self, name: str, start: int, end: int, country: Optional[str]) -> None:
        doc = self.doc
        s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        if any(p.span == (s_char, e_char) for p in self.index.places):
            return
        self.index.places.append(Location(name=name, span=(s_char, e_char), country=country))
