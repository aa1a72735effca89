"""Which actors are one side of a commitment: the holder, its government and the bodies that act for it.

A follow-up rarely names the holder as the first report did: a ministry, a spokesman's agency or a short
name of the same body tells for it. Read by the tracker's reference (refer.py), its linking and its
statuses.
"""
from __future__ import annotations

from typing import Optional

from ..records import same_side as records_same_side
from . import cues
from .match import ActorInfo


def is_party(actor: Optional[str], infos: dict[str, ActorInfo]) -> bool:
    """A side that can hold or be owed a commitment: a place read as one ("in Sunderland") is none."""
    info = infos.get(actor) if actor else None
    return info is not None and info.type not in ("other", "location")


def on_side(actor: str, side: Optional[str], infos: dict[str, ActorInfo]) -> bool:
    """One side: the same actor; a person or agency and its country; or a short name of the same
    body ("commission" for "european-commission")."""
    if not actor or not side:
        return False
    if actor == side or records_same_side(infos.get(actor), infos.get(side)):
        return True
    a, b = infos.get(actor), infos.get(side)
    if a and b and a.country and a.country == b.country and {a.type, b.type} <= {"country", "government"}:
        return True     # a ministry and a government of one country speak for it (not its companies)
    short, long_ = sorted((actor, side), key=len)
    if len(short) >= 5 and long_.endswith("-" + short):
        return True
    bodies = cues.acts_for()     # "the Commission" acts for the EU (data/commitments.yaml)
    return bodies.get(actor, actor) == bodies.get(side, side)
