"""Pronouns: "he", "its", "they" -> the actor they take up, by number, gender, sentence distance and
subjecthood. First- and second-person pronouns are never resolved: in quotes they are the speaker's,
which is the statements component's business.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional

from ...lexicons.gazetteer import Gazetteer
from ...records import Actor
from .parse import is_nominal_subject
from .state import DocState, Ref

# Sentences back a pronoun may look for its antecedent (0 = its own sentence).
PRONOUN_WINDOW = 3
ACTOR_NONPERSON = ("country", "organization", "alliance", "government", "group")


@dataclass
class Coordination:
    """Actors coordinated with each other ("China and India")."""
    root: int                 # token of the first conjunct
    sent: int
    subject: bool             # the coordination is a subject
    actor_ids: list[str]
    end: int                  # token after the last conjunct


class PronounResolver:
    """Third-person pronouns -> mentions of actors already in the index (or one joint mention of
    coordinated actors)."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def __call__(self, st: DocState) -> None:
        doc = st.doc
        prons = self.gaz.pronouns
        refs = sorted((r for r in st.refs if r.kind != "demonym"), key=lambda r: r.start)
        coordinations = self._coordinations(st, refs)
        c = 0                                    # coordinations ending before the current token
        # Subjects that are no actor ("the storm", "this likelihood"): "it" after one is about it.
        roots = {r.root for r in refs}
        others = [t.i for t in doc if is_nominal_subject(t) and t.pos_ == "NOUN"
                  and t.i not in roots and not st.taken[t.i]]
        j = 0
        active: list[Ref] = []                   # refs before the current token, in order
        for tok in doc:
            while j < len(refs) and refs[j].start < tok.i:
                active.append(refs[j])
                j += 1
            p = prons.get(tok.lower_)
            if p is None or tok.tag_ not in ("PRP", "PRP$") or st.taken[tok.i]:
                continue
            if tok.lower_ == "it" and not is_nominal_subject(tok):
                continue                             # object "it" is mostly a thing or an event
            if tok.dep_ == "expl":
                continue
            sent = st.sent_of[tok.i]
            actor_id = self._antecedent(st, tok, p, active, others)
            if p.number == "pl":
                while c < len(coordinations) and coordinations[c].end <= tok.i:
                    c += 1
                coord = coordinations[c - 1] if c else None
                if coord is not None and (coord.sent == sent or (coord.sent == sent - 1 and coord.subject)):
                    # "China and India ... their purchases": the coordinated actors together (one
                    # joint mention, no single actor), unless a group named outside the
                    # coordination could be meant as well: then ambiguous, left unresolved.
                    # Only a subject coordination is taken up by "they"/"them" ("asked China and
                    # South Korea ... isolate them" is about people); nor across a subject that is
                    # no actor ("The Democratic and Republican parties ... their nominees").
                    possessive = tok.tag_ == "PRP$" or tok.lower_.endswith("selves")
                    if (actor_id is None or actor_id in coord.actor_ids) \
                            and (coord.subject or possessive) and not _subject_between(others, coord.root, tok.i):
                        if possessive or doc[coord.root].head.i != tok.head.i:
                            st.index.add_joint_mention(coord.actor_ids, tok.idx, tok.idx + len(tok.text))
                    continue
            if actor_id is None:
                continue
            if p.refers == "person" and p.gender in ("m", "f") and not st.genders.get(actor_id):
                st.genders[actor_id] = p.gender
            ref = st.mention(actor_id, tok.i, tok.i + 1, "pronoun", take=False)
            active.append(ref)

    def _antecedent(self, st: DocState, tok, p, active, others: list[int]) -> Optional[str]:
        sent = st.sent_of[tok.i]
        clause_head = tok.head.i
        reflexive = tok.lower_.endswith("self") or tok.lower_.endswith("selves")
        possessive = tok.tag_ == "PRP$"
        best, best_key = None, None
        seen: set[str] = set()
        for ref in reversed(active):
            dist = sent - ref.sent
            if dist > PRONOUN_WINDOW:
                break
            if ref.actor_id in seen:
                continue
            actor = st.index.actors.get(ref.actor_id)
            if actor is None or not self._agrees(st, actor, p):
                continue
            root = st.doc[ref.root]
            # Not a co-argument of the same verb ("Putin thanked him" is not Putin).
            if not reflexive and not possessive and root.head.i == clause_head and ref.sent == sent \
                    and ref.kind != "pronoun":
                continue
            subj = ref.subj if ref.subj < 2 else 2
            if p.refers == "thing" and ((subj == 2 and ref.kind != "pronoun")
                                        or _subject_between(others, ref.root, tok.i)):
                continue                             # "it"/"its" take up an acting subject only
            seen.add(ref.actor_id)
            # A person known to have the pronoun's gender beats one of unknown gender.
            unknown = int(p.refers == "person" and not st.genders.get(ref.actor_id))
            if dist == 0:
                key = (0, unknown, 0 if subj < 2 else 1, -ref.start)   # latest subject in the sentence
            else:
                key = (dist, unknown, subj, -ref.start)                 # main-clause subject first
            if best_key is None or key < best_key:
                best, best_key = ref.actor_id, key
        return best

    @staticmethod
    def _agrees(st: DocState, actor: Actor, p) -> bool:
        if p.refers == "person":
            if actor.type != "person":
                return False
            g = st.genders.get(actor.id)
            return not g or not p.gender or g == p.gender
        if p.refers == "thing":
            return actor.type in ACTOR_NONPERSON
        # they/them/their: groups ("the Houthis ... they"); organisations and countries take "it"
        # far more often than "they" refers to them, and coordinated people are no single actor.
        return actor.type == "group"

    @staticmethod
    def _coordinations(st: DocState, refs) -> list[Coordination]:
        """Actors coordinated with each other ("China and India", "Germany, France and Italy"),
        in order of their last conjunct."""
        doc = st.doc
        at_token = {r.root: r for r in refs}
        groups: dict[int, Coordination] = {}
        for r in refs:
            tok = doc[r.root]
            if tok.dep_ != "conj":
                continue
            first = tok
            while first.dep_ == "conj" and first.head.i != first.i and first.head.i in at_token:
                first = first.head
            if first.i == tok.i:
                continue
            head = at_token[first.i]
            g = groups.get(first.i)
            if g is None:
                g = groups[first.i] = Coordination(first.i, head.sent, head.subj < 2, [head.actor_id], r.end)
            if r.actor_id not in g.actor_ids:
                g.actor_ids.append(r.actor_id)
            g.end = max(g.end, r.end)
        return sorted((g for g in groups.values() if len(g.actor_ids) > 1), key=lambda g: g.end)


def _subject_between(subjects: list[int], a: int, b: int) -> bool:
    """Whether one of `subjects` (sorted token indexes) lies after token a and before token b."""
    i = bisect.bisect_right(subjects, a)
    return i < len(subjects) and subjects[i] < b
