"""Status over time: replay the evidence of a tracked record in date order.

Every article linked to a commitment or claim contributes one piece of evidence with a *stance*
(what that article says: a mention, a denial, an extension …). The status is never stored as the
truth: it is the result of replaying all evidence oldest first, so articles ingested in any order
give the same status, and unlinking evidence simply replays without it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..dates import period_end
from .match import ActorInfo, mentioned_in
from .sides import on_side

# Commitments: the stance an article's record carries, from its extracted status.
# "confirm" is an explicit confirmation (status open with a status cue as evidence).
COMMITMENT_STANCES = ("mention", "confirm", "unconfirmed", "extended", "denied", "withdrawn", "missed", "met")
# Same-day evidence is applied in this order, so the order articles arrive in never matters.
_RANK = {s: i for i, s in enumerate(COMMITMENT_STANCES)}
TERMINAL = {"met", "missed", "withdrawn"}

CLAIM_RELATIONS = ("supports", "confirms", "not-confirmed", "disputes", "denies")
_CLAIM_RANK = {s: i for i, s in enumerate(CLAIM_RELATIONS)}


@dataclass
class Evidence:
    stance: str
    date: Optional[str]
    article: Optional[str]
    span: Optional[tuple[int, int]]
    record: str                      # the article's record id (commitment or statement)
    due: Optional[str] = None
    note: Optional[str] = None
    speaker: Optional[str] = None    # claims: who said it

    def key(self, rank: dict[str, int]) -> tuple:
        return (self.date or "", rank.get(self.stance, 0), self.article or "", self.span or (0, 0), self.record)


@dataclass
class Replay:
    status: str
    due: Optional[str]
    history: list[dict] = field(default_factory=list)


def stance_of(status: str, evidence_count: int) -> str:
    """The stance an extracted commitment record carries."""
    if status == "open":
        return "confirm" if evidence_count > 1 else "mention"
    return status


def _next_commitment(cur: Optional[str], stance: str) -> str:
    if cur is None:
        return "open" if stance in ("mention", "confirm") else stance
    if cur in TERMINAL and stance in ("mention", "confirm", "unconfirmed"):
        return cur                          # a later re-mention does not reopen a settled pledge
    if stance == "mention":
        return cur
    if stance == "confirm":
        return "open" if cur in ("unconfirmed", "denied", "open") else cur
    if stance == "unconfirmed":
        return "unconfirmed" if cur in ("open", "unconfirmed") else cur
    return stance


def replay_commitment(evidence: Iterable[Evidence], due: Optional[str]) -> Replay:
    """The status and due date after all evidence, and the history that explains them. Once the holder's
    side has told it (a "confirm"), a later report that leaves it unconfirmed (another side's or unnamed
    sources' retelling) does not take the confirmation back: unconfirmed is told, not yet confirmed."""
    cur: Optional[str] = None
    confirmed = False
    history = []
    for ev in sorted(evidence, key=lambda e: e.key(_RANK)):
        new = cur if ev.stance == "unconfirmed" and confirmed and cur == "open" else _next_commitment(cur, ev.stance)
        confirmed = confirmed or ev.stance == "confirm"
        if ev.stance == "extended" and ev.due and (due is None or ev.due > due):
            due = ev.due
        note = ev.note or _note(ev.stance, cur, new)
        if ev.stance == "extended" and ev.due:
            note += f" (due {ev.due})"
        history.append({"status": new, "date": ev.date, "article": ev.article,
                        "span": list(ev.span) if ev.span else None, "record": ev.record, "note": note})
        cur = new
    return Replay(cur or "open", due, history)


def _note(stance: str, old: Optional[str], new: str) -> str:
    if old is None:
        return f"first reported ({stance})"
    if old == new:
        return f"{stance}: no change"
    return f"{stance}: {old} -> {new}"


def is_overdue(status: str, due: Optional[str], as_of: Optional[dt.date] = None) -> bool:
    """A due date that has passed with no evidence either way: never guessed as missed."""
    if not due or status not in ("open", "extended", "unconfirmed"):
        return False
    day = period_end(due[:10])       # "2025-06" is due by the end of June
    if day is None:
        return False
    return day < (as_of or dt.date.today()).isoformat()


def _next_claim(cur: Optional[str], relation: str) -> str:
    if relation == "supports":
        return cur or "claimed"
    if relation == "confirms":
        return "confirmed" if cur != "denied" else cur
    if relation == "not-confirmed":
        return "unconfirmed" if cur in (None, "claimed", "unconfirmed") else cur
    if relation == "disputes":
        return "disputed" if cur != "denied" else cur
    return "denied"


def replay_claim(evidence: Iterable[Evidence]) -> Replay:
    cur: Optional[str] = None
    history = []
    for ev in sorted(evidence, key=lambda e: e.key(_CLAIM_RANK)):
        new = _next_claim(cur, ev.stance)
        history.append({"status": new, "date": ev.date, "article": ev.article,
                        "span": list(ev.span) if ev.span else None, "record": ev.record,
                        "speaker": ev.speaker, "note": ev.note or _note(ev.stance, cur, new)})
        cur = new
    return Replay(cur or "claimed", None, history)


def told_by(record: dict, c: dict, infos: dict[str, ActorInfo]) -> Optional[str]:
    """Whose telling a commitment of `record` rests on: "holder" when a statement by the holder's side
    holds its content ("Norway will give Moldova ten ambulances, the ministry said"), "other" when only
    statements of other sides do: the side it is owed to ("Moldova says Norway promised it ten
    ambulances"), a mediator or any third state or body ("Hungary says NATO has guaranteed ...", "..., a
    Spanish diplomat said"); None when no statement holds it, or its tellers' sides are not known. A
    commitment told first by another side is a claim about its holder, unconfirmed until the holder's side
    tells it (linker; codebook: unconfirmed). `infos`: the store's actors (tables.actor_infos) of the
    record's and the commitment's, as the linker read them to match the commitment."""
    text = (record.get("article") or {}).get("text") or ""
    content = (c.get("content") or "").strip()
    holder = c.get("holder")
    if not content or not holder:
        return None
    spans = [tuple(e) for e in c.get("evidence") or [] if e and len(e) == 2]
    parties = {holder} | ({c["counterparty"]} if _joint(record, c) else set())
    sides = set()
    for st in record.get("statements") or []:
        span = (st.get("content") or {}).get("span")
        who = st.get("speaker")
        if not span or not who or st.get("kind") in ("pledge", "denial") or not _holds(text[span[0]:span[1]], content):
            continue        # a pledge statement is the commitment itself, a denial no telling of it
        if spans and not any(lo < span[1] and span[0] < hi for lo, hi in spans):
            continue
        if any(on_side(who, p, infos) for p in parties) or _state_body_of(who, st, record, holder, infos):
            sides.add("holder")     # of an agreement both signatories are its parties
        elif st.get("kind") == "claim" and _another_side(who, st, record, c, infos):
            sides.add("other")      # reported speech of another side ("said", "according to")
    if "holder" in sides:
        return "holder"
    return "other" if sides else None


def _holds(said: str, content: str) -> bool:
    """The statement's words hold the commitment's content: as written, or each of its words (the
    extraction drops the due from the content: "supply ... on deferred payment [through June] next
    year")."""
    if content in said:
        return True
    # its own words, not sentences.TOKEN: "$", "%" and a word's closing comma or point are kept ("jets," is
    # not "jets"); read with TOKEN, a statement holds more, and own chains' status 0.8981 -> 0.8932
    words = set(re.findall(r"[\w$%,.]+", said.lower()))
    return all(w in words for w in re.findall(r"[\w$%,.]+", content.lower()))


_SIGNED = "057"      # CAMEO: sign formal agreement


def _joint(record: dict, c: dict) -> bool:
    """An agreement of two signatories ("Poland and Ukraine agreed to ...") is told by either party: the
    record holds it for each of them, each the other's counterparty. "China has agreed to buy ..." is
    China's act alone, and the other side's telling of it is a claim."""
    cp, holder = c.get("counterparty"), c.get("holder")
    if not cp or c.get("kind") != "agreement":
        return False
    if any(o.get("kind") == "agreement" and o.get("holder") == cp and o.get("counterparty") == holder
           for o in record.get("commitments") or []):
        return True
    # the article tells the two signing it ("Kenya and Ethiopia signed a power trade deal. Under the deal,
    # Ethiopia will ..."): CAMEO 057, sign formal agreement, is an act of both; its terms are either's account
    return any(e.get("code") == _SIGNED and {e.get("source"), e.get("target")} == {holder, cp}
               and not e.get("negated") and not e.get("hypothetical") for e in record.get("events") or [])


def _another_side(who: str, st: dict, record: dict, c: dict, infos: dict[str, ActorInfo]) -> bool:
    """The speaker is on a known side that is not the holder's: the side the commitment is owed to, or
    another state or state body by its own country or the one its mention names, or an alliance
    ("Vietnam's labour ministry": one country named inside the speaker's words). One country's speaker of
    its own company's promise ("chief executive Elon Musk told") is not another side, nor is a person
    telling the act of a holder of no known country (a company's executive may be its own)."""
    mine, theirs = infos.get(who), infos.get(c.get("holder"))
    country = (mine.country if mine else None) or _named_country(st, record)
    if theirs and theirs.country and country == theirs.country:
        return False
    if on_side(who, c.get("counterparty"), infos):
        return True
    if not country:
        return bool(mine and mine.type == "alliance")   # "EU officials", "NATO said" (an organisation
        # of no country may be a company, or a person the parse took for one)
    if theirs and theirs.country:
        return True
    return not (mine and mine.type == "person")


def _state_body_of(who: str, st: dict, record: dict, holder: str, infos: dict[str, ActorInfo]) -> bool:
    """A state body of no country of its own whose mention names the holder state ("Iran's foreign
    ministry", "the Norwegian defence ministry") speaks for that state (not for its companies)."""
    mine, theirs = infos.get(who), infos.get(holder)
    return bool(mine and theirs and mine.type == "government" and not mine.country and theirs.type == "country"
                and theirs.country and _named_country(st, record) == theirs.country)


def _named_country(st: dict, record: dict) -> Optional[str]:
    """The one country named inside the speaker's mention ("Vietnam's labour ministry", "Pakistani
    officials"), by the record's own mentions of it; None for none or two ("officials of both countries")."""
    span = (st.get("speaker_mention") or {}).get("span")
    if not span:
        return None
    inside = mentioned_in(record, span)
    named = {a.get("country") for a in record.get("actors") or []
             if a["id"] in inside and a.get("type") == "country" and a.get("country")}
    return named.pop() if len(named) == 1 else None
