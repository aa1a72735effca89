"""Commitments: pledges, promises, guarantees, ultimatums, deadlines, agreements and threats.

Reads the parse and what earlier components wrote (`doc._.actors`, `doc._.times`,
`doc._.statements`) and writes `doc._.commitments`, a list of records.Commitment.

How it works, in three passes over the tokens (each O(tokens); lexicon in data/commitments.yaml):
1. triggers: a commitment verb ("pledged to pressure Moscow") or noun with a holder ("a deadline set by
   Trump", "Macron's pledge"). Holder, counterparty, content, conditions and due date come from the
   dependency tree around the trigger; coordinated holders give one record each. Two shapes without a
   commitment word: time given ("gave Russia until Friday to accept a ceasefire", "gave Hamas three
   days to respond", "Hamas has 72 hours to …, Trump said": ultimatums), and a warning of one's own
   future act under a condition ("warning that Washington would impose sanctions if Moscow refused":
   a threat; without "if/unless" it is a prediction and nothing is recorded).
2. status cues: "has not confirmed these assurances", "denied that …", "extended his deadline",
   "gave Russia a few more weeks", "kept his promise", "reneged on", "walked back" set the status of
   the commitment they point at (the one in their clause, the latest compatible one for a phrase
   referring back, or the latest whose content has the cue's object noun: "has not confirmed the
   exchange"). The holder's state may speak for it: a country, its leader, spokesman or minister
   (data: state_voice_roles). A settling cue with nothing earlier to point at ("Trump extended the
   deadline for Iran by one week") gives a record of its own whose content only names the commitment;
   tracking links such referring records by holder, counterparty and kind (track/match.py).
   Extensions: "to April 30" sets the new due date; an amount ("by two weeks") counts from the day the
   extension is reported (the statement's date, else publication), not from the old due date: reports
   rarely give the old date, and an extension announced on the old due day gives the same answer.
3. statements and events: quoted pledges the parse rules miss (`doc._.statements`, kind pledge), and
   counterparties from coded events of the same sentence (`doc._.events`, source = holder).
Then overdue: a due date before the publication date with no evidence either way stays `open`, flagged.
Due dates come from `newsledger.nlp.times.component.resolve_due` (TIMEX3 values), with a small fallback here;
"by the end of the year/month" is the period's last day (the resolver gives the period), a bare period
("by June") stays a period. Questions, modals, "if/whether" clauses and intention heads never trigger.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Callable, Iterable, Optional

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...dates import period_end
from ...lexicons.commitments import Lexicon, load_lexicon
from ...records import Actor, Commitment, TimeExpr, same_side
from ..extensions import ActorIndex

# ----------------------------------------------------------------------------------------------
# Lexicon


# ----------------------------------------------------------------------------------------------
# Due dates: the times component's resolver when it exists, else a small fallback.

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS.update({"a": 1, "an": 1})
_UNIT = r"(hour|day|week|month|year)s?"
_RE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_RE_MONTH_DAY = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?\b")
_RE_DAY_MONTH = re.compile(r"\b(\d{1,2}) ([A-Z][a-z]{2,8})(?: (\d{4}))?\b")
_RE_DURATION = re.compile(r"\b(\d+|" + "|".join(_NUMBERS) + r")\s+(?:more |extra |additional |further )?"
                          + _UNIT + r"\b", re.I)
_RE_WEEKDAY = re.compile(r"\b(" + "|".join(d.capitalize() for d in _WEEKDAYS) + r")\b")
_RE_END_OF = re.compile(r"\bend of (?:the |this )?(week|month|year)\b", re.I)


def _add(anchor: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.lower().rstrip("s")
    if unit == "hour":      # "72 hours": a due date is a day, the day the hours run out
        return anchor + dt.timedelta(days=-(-n // 24))
    if unit == "day":
        return anchor + dt.timedelta(days=n)
    if unit == "week":
        return anchor + dt.timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    y, m = divmod(anchor.month - 1 + months, 12)
    y, m = anchor.year + y, m + 1
    return dt.date(y, m, min(anchor.day, calendar.monthrange(y, m)[1]))


def fallback_resolve_due(text: str, anchor: Optional[dt.date]) -> Optional[str]:
    """A date (ISO) for a deadline phrase, looking forward from `anchor`; None when vague.

    "Monday" on a Monday is that day; "within two weeks" counts from the anchor; "a few weeks" is vague.
    """
    m = _RE_ISO.search(text)
    if m:
        return m.group(0)
    for rx, order in ((_RE_MONTH_DAY, "md"), (_RE_DAY_MONTH, "dm")):
        m = rx.search(text)
        if m:
            mon, day = (m.group(1), m.group(2)) if order == "md" else (m.group(2), m.group(1))
            month = _MONTHS.get(mon.lower())
            if month:
                year = int(m.group(3)) if m.group(3) else (anchor.year if anchor else None)
                if year is None:
                    return None
                try:
                    d = dt.date(year, month, int(day))
                except ValueError:
                    return None
                if not m.group(3) and anchor and (anchor - d).days > 183:
                    d = d.replace(year=year + 1)
                return d.isoformat()
    if anchor is None:
        return None
    m = _RE_DURATION.search(text)
    if m and not re.search(r"\bfew\b|\bseveral\b", text, re.I):
        n = m.group(1).lower()
        return _add(anchor, int(n) if n.isdigit() else _NUMBERS[n], m.group(2)).isoformat()
    m = _RE_WEEKDAY.search(text)
    if m:
        ahead = (_WEEKDAYS[m.group(1).lower()] - anchor.weekday()) % 7
        return (anchor + dt.timedelta(days=ahead)).isoformat()
    m = _RE_END_OF.search(text)
    if m:
        unit = m.group(1).lower()
        if unit == "week":
            return (anchor + dt.timedelta(days=6 - anchor.weekday())).isoformat()
        if unit == "month":
            return anchor.replace(day=calendar.monthrange(anchor.year, anchor.month)[1]).isoformat()
        return dt.date(anchor.year, 12, 31).isoformat()
    return None


def _times_resolver() -> Optional[Callable]:
    try:  # the times engineer's resolver, once it exists
        from ..times.component import resolve_due  # type: ignore[attr-defined]
    except ImportError:
        return None
    return resolve_due


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A TIMEX3 date a due date may be: a day, an ISO week, a month, a year (no X, no REF).
_DUE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")


_RE_END_OF_PERIOD = re.compile(r"\bend of\b|\b(?:year|month|week|quarter)-end\b", re.I)


def resolve_due(text_or_timex, anchor: Optional[dt.date]) -> Optional[str]:
    """Prefer newsledger.nlp.times.component.resolve_due; fall back on our own rules for a day-precision date.

    "by the end of the year" is the last day of that period: the times resolver gives the period
    ("2025"), a due date needs the day it runs out ("2025-12-31"). A bare period ("by June") stays a
    period: the commitment is kept if met any day in it.
    """
    value = _resolve_due(text_or_timex, anchor)
    words = text_or_timex.text if isinstance(text_or_timex, TimeExpr) else str(text_or_timex)
    if value and not _DAY_VALUE.match(value) and _RE_END_OF_PERIOD.search(words):
        return period_end(value) or value
    return value


def _resolve_due(text_or_timex, anchor: Optional[dt.date]) -> Optional[str]:
    if isinstance(text_or_timex, TimeExpr) and _DAY_VALUE.match(text_or_timex.value or ""):
        return text_or_timex.value
    shared = _times_resolver()
    if shared is not None:
        arg = text_or_timex
        if isinstance(arg, TimeExpr):     # a duration resolves from its value (P2W), else from its words
            arg = arg.value if (arg.value or "").startswith("P") else arg.text
        try:
            value = shared(arg, anchor)
        except Exception:  # noqa: BLE001 - a resolver bug must not lose the commitment
            value = None
        if value and _DUE_VALUE.match(str(value)):
            return str(value)
    if isinstance(text_or_timex, TimeExpr):
        if _DAY_VALUE.match(text_or_timex.value or ""):
            return text_or_timex.value
        text_or_timex = text_or_timex.text
    return fallback_resolve_due(str(text_or_timex), anchor)


# ----------------------------------------------------------------------------------------------
# The component

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_OBJ = ("dobj", "obj", "attr", "oprd")
_DURATION_NOUNS = frozenset({"day", "week", "month", "year", "hour", "time"})


@dataclass
class _Found:
    record: Commitment
    trigger: Token
    noun: Optional[Token]          # the commitment noun, when there is one (for "these assurances")
    group: frozenset[str]


class CommitmentsComponent:
    def __init__(self, nlp: Language, name: str, lexicon: Optional[Lexicon] = None):
        self.name = name
        self.lex = lexicon or load_lexicon()

    # -- entry point --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        index: ActorIndex = doc._.actors or ActorIndex()
        ctx = _Ctx(doc, index, self.lex)
        found: list[_Found] = []
        covered: set[int] = set()
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in self.lex.verbs and tok.i not in covered:
                found.extend(ctx.from_verb(tok, covered))
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nouns and tok.i not in covered:
                found.extend(ctx.from_noun(tok, covered))
            elif tok.pos_ in ("VERB", "AUX") and tok.i not in covered:
                if lemma in self.lex.ultimatum_give_verbs or lemma in self.lex.ultimatum_have_verbs:
                    found.extend(ctx.from_time_given(tok, covered))
                elif lemma in self.lex.warn_verbs:
                    found.extend(ctx.from_warning(tok, covered))
        found.sort(key=lambda f: f.trigger.i)
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            if lemma in self.lex.status_verbs or (lemma, _particle(tok)) in self.lex.met_phrases:
                ctx.status_cue(tok, found)
            elif lemma in self.lex.give_verbs:
                ctx.extension_by_giving(tok, found)
        found.extend(ctx.from_statements(found))
        ctx.counterparties_from_events(found)
        published = doc._.published
        for f in found:
            c = f.record
            end = period_end(c.due)
            if end and published and c.status in ("open", "unconfirmed", "extended") and end < published.isoformat():
                c.overdue = True
        doc._.commitments = [f.record for f in found]
        return doc


@Language.factory("newsledger_commitments")
def make_commitments(nlp: Language, name: str) -> CommitmentsComponent:
    return CommitmentsComponent(nlp, name)


def _particle(tok: Token) -> Optional[str]:
    for c in tok.children:
        if c.dep_ in ("prt", "acomp", "oprd") or (c.dep_ in ("prep", "advmod") and c.i == tok.i + 1):
            return c.lower_
    return None


def _text(tokens: Iterable[Token]) -> str:
    """The words of a token set in order, with the doc's own spacing, trimmed of edge punctuation."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].dep_ in ("aux", "mark", "cc") and toks[0].lower_ in ("to", "that", "and", "for")):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    out = []
    for n, t in enumerate(toks):
        gap = n + 1 < len(toks) and toks[n + 1].i != t.i + 1
        out.append(t.text + (" " if gap and not t.whitespace_ else t.whitespace_))
    return "".join(out).strip()


def _sent_span(sent: Span) -> tuple[int, int]:
    text = sent.text
    return sent.start_char, sent.start_char + len(text.rstrip())


class _Ctx:
    """One document's view for the rules: actors, times, statements and the lexicon."""

    def __init__(self, doc: Doc, index: ActorIndex, lex: Lexicon):
        self.doc, self.index, self.lex = doc, index, lex
        self.text = doc.text  # read once: Doc.text joins every token
        self.times: list[TimeExpr] = list(doc._.times or [])
        self.statements = list(doc._.statements or [])
        self.published: Optional[dt.date] = doc._.published

    # -- actors -------------------------------------------------------------------------------
    def actor(self, tok: Token) -> Optional[str]:
        """The actor a noun phrase head names: its name span (compounds, flat names) or the head."""
        own = self.index.mention_at(tok.idx, tok.idx + len(tok.text))
        if own is None:     # a name longer than its head token covers it ("Steve Witkoff")
            own_id = self.index.at(tok.idx, tok.idx + len(tok.text))
            if own_id is not None:
                return own_id
        else:
            return own.actor_id
        left = tok
        for c in tok.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "poss", "det") and c.i < left.i:
                left = c
        aid = self.index.at(left.idx, tok.idx + len(tok.text))
        if aid is None and tok.pos_ == "PRON" and tok.lower_ in ("his", "her", "its", "their", "he", "she", "it", "they"):
            aid = self.index.at(tok.idx, tok.idx + len(tok.text))
        return aid

    def actors_of(self, head: Token) -> list[str]:
        """Actors a subject/object phrase names, one per coordinated member; members listed with
        "including" stand for the group ("Western powers, including Germany and France")."""
        out: list[str] = []
        for member in [head, *_conjuncts(head)]:
            listed = [c for c in member.children if c.dep_ == "prep" and c.lower_ in self.lex.member_preps]
            if listed:
                for prep in listed:
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        for m in [pobj, *_conjuncts(pobj)]:
                            a = self.actor(m)
                            if a and a not in out:
                                out.append(a)
                continue
            a = self.actor(member)
            if a and a not in out:
                out.append(a)
        return out

    def record(self, aid: Optional[str]) -> Optional[Actor]:
        return self.index.actors.get(aid) if aid else None

    def state_of(self, aid: Optional[str]) -> Optional[str]:
        """The country actor a leader speaks for ("Putin" -> "russia"), when the index knows both."""
        a = self.record(aid)
        if a is None or a.type != "person" or not a.country:
            return aid
        if self.lex.leader_roles and not any(
                any(r in role.lower() for r in self.lex.leader_roles) for role in a.roles):
            return aid
        for other in self.index.actors.values():
            if other.type == "country" and other.country == a.country:
                return other.id
        return aid

    def speaks_for(self, a: Optional[str], b: Optional[str]) -> bool:
        """Same side, or two voices of one state (leader, spokesman, minister): who may confirm, deny
        or extend a commitment for its holder ("Kremlin spokesman Peskov denied that Putin agreed")."""
        if self.same_side(a, b):
            return True
        ra, rb = self.record(a), self.record(b)
        if ra is None or rb is None or not ra.country or ra.country != rb.country:
            return False
        roles = self.lex.leader_roles + self.lex.voice_roles
        return all(r.type == "person" and any(x in role.lower() for x in roles for role in r.roles)
                   for r in (ra, rb))

    def same_side(self, a: Optional[str], b: Optional[str]) -> bool:
        """Same actor, or a person/agency and the country it belongs to ("Moscow" and Putin)."""
        if not a or not b:
            return False
        return a == b or same_side(self.record(a), self.record(b))

    # -- shared checks ------------------------------------------------------------------------
    def hypothetical(self, tok: Token) -> bool:
        """A modal on the clause, a conditional/whether clause above it, or a negating head."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else _governor(tok)
        if verb is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in self.lex.modals for c in verb.children):
            return True
        if verb.sent.text.rstrip().rstrip("\"'”’").endswith("?"):
            return True         # "Will Germany pledge more tanks?"
        node = verb
        for _ in range(6):
            if any(c.dep_ == "mark" and c.lower_ in self.lex.hypo_marks for c in node.children):
                return True
            if node.dep_ in ("xcomp", "ccomp") and node.head.lemma_.lower() in self.lex.negating_heads:
                return True
            if node.dep_ == "xcomp" and (node.head.lemma_.lower() in self.lex.intent_heads or any(
                    c.dep_ == "aux" and c.lower_ in self.lex.modals for c in node.head.children)):
                return True     # "would prefer to agree", "hopes to sign": not yet a commitment
            if node.head.i == node.i or node.dep_ in ("ROOT",):
                break
            node = node.head
        return False

    def negated(self, tok: Token) -> bool:
        return any(c.dep_ == "neg" for c in tok.children)

    def anchor(self, tok: Token) -> Optional[dt.date]:
        for st in self.statements:
            if st.span[0] <= tok.idx < st.span[1] and st.time and _DAY_VALUE.match(st.time):
                return dt.date.fromisoformat(st.time)
        return self.published

    def due_in(self, heads: Iterable[Token], deadline_noun: Optional[Token], anchor_tok: Token) -> Optional[str]:
        """A due date: a time attached to a deadline noun ("a Monday deadline") or introduced by
        "by", "before", "until", "within" in the commitment's clause."""
        cands: list[Token] = []
        if deadline_noun is not None:
            cands += [c for c in deadline_noun.children if c.dep_ in ("compound", "nmod", "npadvmod", "amod")]
            cands += [p for p in deadline_noun.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "on")]
        for h in heads:
            if h is None:
                continue
            cands += [p for p in h.children if p.dep_ == "prep" and p.lower_ in self.lex.due_preps]
        anchor = self.anchor(anchor_tok)
        for c in cands:
            lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
            for t in self.times:
                if lo <= t.span[0] and t.span[1] <= hi:
                    due = resolve_due(t, anchor)
                    if due:
                        return due
            if c.ent_type_ in ("DATE", "TIME") or any(x.ent_type_ == "DATE" for x in c.subtree) or \
                    c.like_num or any(x.like_num for x in c.subtree):
                due = resolve_due(self.text[lo:hi], anchor)
                if due:
                    return due
        return None

    def conditions(self, heads: Iterable[Token]) -> Optional[str]:
        for h in heads:
            if h is None:
                continue
            for c in h.children:
                if c.dep_ in ("advcl",) and any(
                        m.dep_ == "mark" and m.lower_ in self.lex.condition_marks for m in c.children):
                    return _text(c.subtree)
        return None

    # -- pass 1: triggers ---------------------------------------------------------------------
    def from_verb(self, verb: Token, covered: set[int]) -> list[_Found]:
        entry = self.lex.verbs[verb.lemma_.lower()]
        if self.negated(verb) or self.hypothetical(verb):
            return []
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        preps = [c for c in verb.children if c.dep_ == "prep"]
        to_obj = next((p for c in preps if c.lower_ == "to" for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
        dobj = next((c for c in verb.children if c.dep_ in _OBJ), None)
        dative = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
        if entry.get("needs_prep") and to_obj is None and xcomp is None:
            return []
        if entry.get("needs_xcomp") and xcomp is None:
            return []
        if entry.get("needs_object") and not (xcomp or to_obj or dobj or ccomp):
            return []
        if entry.get("no_ccomp") and ccomp is not None and not (xcomp or to_obj or dobj):
            return []       # "they agreed that vaccines work": an opinion shared, not a commitment
        kind = entry["kind"]
        noun = None
        counterparty_tok: Optional[Token] = None
        drop: set[int] = set()
        if xcomp is not None:
            content_head = xcomp
        elif to_obj is not None:
            content_head = to_obj
        elif ccomp is not None:
            content_head = ccomp
        elif dobj is not None and self.actor(dobj) is None:
            allowed = entry.get("bare_object_in")
            if allowed and dobj.lemma_.lower() not in (self.lex.word_lists or {}).get(allowed, ()):
                return []       # "threatened the network's franchise renewal": endangered, not threatened
            content_head = dobj
        else:
            return []
        if dobj is not None and self.actor(dobj) and content_head.i != dobj.i:
            counterparty_tok = dobj          # "promised Ukraine to …"
        if dative is not None and self.actor(dative):
            counterparty_tok = dative
        if content_head.pos_ in ("NOUN", "PROPN") and content_head.lemma_.lower() in self.lex.nouns:
            noun = content_head
            kind = self.lex.nouns[noun.lemma_.lower()]["kind"]
        # The counterparty inside the content: "guarantees for Ukraine", "pressure Moscow".
        if counterparty_tok is None:
            counterparty_tok, cp_prep = self._counterparty_in(content_head)
            if cp_prep is not None:
                drop |= {t.i for t in cp_prep.subtree}
        for c in preps:                       # "with Russia" on the verb itself
            if counterparty_tok is None and c.lower_ in ("with", "for") and kind in ("agreement", "guarantee", "pledge", "promise"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and self.actor(pobj):
                    counterparty_tok = pobj
        if content_head.dep_ == "ccomp":      # "promised that it would deliver": the act, not the clause
            drop |= {c.i for c in content_head.children if c.dep_ == "mark" or
                     c.dep_ == "aux" and c.lower_ in self.lex.future_aux}
            if content_head.left_edge.lower_ == "that" and content_head.left_edge.pos_ == "SCONJ":
                drop.add(content_head.left_edge.i)    # "that" misparsed as a determiner
            drop |= {t.i for c in content_head.children if c.dep_ == "nsubj" and c.pos_ == "PRON"
                     for t in c.subtree}
        content_toks = [t for t in content_head.subtree if t.i not in drop]
        for c in preps:                       # "as part of a peace deal" qualifies what was agreed
            if c.lower_ in self.lex.content_preps and c.i > verb.i:   # fronted "as part of…" is framing
                content_toks += list(c.subtree)
        cond_heads = [verb, content_head]
        conditions = self.conditions(cond_heads)
        if conditions:
            cond_ids = {t.i for h in cond_heads for c in h.children if c.dep_ == "advcl"
                        and _text(c.subtree) == conditions for t in c.subtree}
            content_toks = [t for t in content_toks if t.i not in cond_ids]
        due_preps = [p for h in (verb, content_head) for p in h.children
                     if p.dep_ == "prep" and p.lower_ in self.lex.due_preps]
        due_ids = {t.i for p in due_preps for t in p.subtree}
        due = self.due_in([verb, content_head], noun if kind in ("deadline", "ultimatum") else None, verb)
        if due:
            content_toks = [t for t in content_toks if t.i not in due_ids]
        content = _text(content_toks)
        if not content:
            return []
        subj = _subject(verb)
        holders = self.actors_of(subj) if subj is not None else []
        if not holders:
            return []
        counterparty = self.actor(counterparty_tok) if counterparty_tok is not None else None
        covered |= {t.i for t in content_head.subtree} | {verb.i}
        return self._records(kind, holders, counterparty, content, conditions, due, verb, noun)

    def _infinitive(self, *heads: Optional[Token]) -> Optional[Token]:
        """A to-infinitive hanging on one of `heads` ("until Friday to accept", "three days to respond")."""
        for h in heads:
            if h is None:
                continue
            for c in h.children:
                if c.dep_ in ("advcl", "xcomp", "relcl", "acl", "ccomp") and c.pos_ in ("VERB", "AUX") and \
                        any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    return c
        return None

    def from_time_given(self, verb: Token, covered: set[int]) -> list[_Found]:
        """Ultimatums stated as time granted: "gave Russia until Friday to accept a ceasefire",
        "gave Hamas three days to respond" (holder: the giver, counterparty: the receiver), and
        "Russia has 50 days to agree a deal, Trump said" (counterparty: the subject, holder: the speaker)."""
        lemma = verb.lemma_.lower()
        objs = [c for c in verb.children if c.dep_ in _OBJ + ("dative", "iobj", "npadvmod")]
        span = [c for c in objs if c.lemma_.lower() in _DURATION_NOUNS and
                any(n.dep_ == "nummod" or n.like_num for n in c.children)]
        if any(t.lower_ in self.lex.more_words for c in span for t in c.subtree):
            return []           # "gave Russia two more weeks": an extension (pass 2), not a new deadline
        until = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("until", "till")]
        if not span and not until:
            return []
        content_head = self._infinitive(verb, *span)
        if content_head is None or content_head.i in covered:
            return []
        if self.negated(verb) or self.hypothetical(verb):     # after the cheap tests: "have" is common
            return []
        subj = _subject(verb)
        if lemma in self.lex.ultimatum_give_verbs:
            receiver = next((c for c in objs if c not in span and self.actor(c)), None)
            holders = self.actors_of(subj) if subj is not None else []
            counterparty = self.actor(receiver) if receiver is not None else None
            if counterparty is None:
                return []       # "gave the talks until Friday": nobody bound
        elif lemma in self.lex.ultimatum_have_verbs and span:
            counterparty = self.actor(subj) if subj is not None else None
            speaker = self._speaker_of(verb)
            holders = [speaker] if speaker and not self.same_side(speaker, counterparty) else []
            if counterparty is None:
                return []
        else:
            return []
        if not holders:
            return []
        drop = {t.i for c in content_head.children if c.dep_ == "nsubj" for t in c.subtree}
        conditions = self.conditions([verb, content_head])
        cond_ids = {t.i for c in content_head.children if c.dep_ == "advcl" and conditions
                    and _text(c.subtree) == conditions for t in c.subtree}
        content = _text(t for t in content_head.subtree if t.i not in drop | cond_ids)
        if not content:
            return []
        anchor = self.anchor(verb)
        due = self.due_in([verb], None, verb)
        if due is None and span:
            due = resolve_due(_text(span[0].subtree), anchor)
        covered |= {t.i for t in content_head.subtree} | {verb.i}
        return self._records("ultimatum", holders, counterparty, content, conditions, due, verb, None)

    def _speaker_of(self, tok: Token) -> Optional[str]:
        for st in self.statements:
            if st.speaker and st.content.span[0] <= tok.idx < st.content.span[1]:
                return st.speaker
        return None

    def from_warning(self, verb: Token, covered: set[int]) -> list[_Found]:
        """"Trump warned that Washington would impose sanctions if Moscow refused": a threat when the
        warned act is the warner's side's own, future, and conditional. Holder: the warner."""
        act = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if act is None or self.negated(act) or act.i in covered:
            return []
        if not any(c.dep_ == "aux" and c.lower_ in self.lex.future_aux for c in act.children):
            return []
        conditions = self.conditions([act])
        if not conditions:
            return []           # "warned that prices would rise": a prediction
        if self.negated(verb) or self.hypothetical(verb):
            return []
        subj = _subject(verb)
        if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            subj = _subject(verb.head)      # "…, warning that …": the main clause's subject warns
        warners = self.actors_of(subj) if subj is not None else []
        if not warners:
            return []
        act_subj = next((c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if act_subj is None:
            return []
        doer = self.actor(act_subj)
        own = act_subj.lower_ in ("we", "i") or (doer is not None and any(self.same_side(w, doer) for w in warners)) \
            or (doer is None and act_subj.pos_ == "PRON" and act_subj.lower_ in ("he", "she", "it", "they"))
        if not own:
            return []           # "warned that Russia would attack if …": someone else's act
        cond = next(c for c in act.children if c.dep_ == "advcl" and _text(c.subtree) == conditions)
        counterparty_tok, cp_prep = self._counterparty_in(act)
        if counterparty_tok is None:        # "… if Moscow refused": whose refusal triggers it
            counterparty_tok = next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")
                                     and self.actor(c)), None)
        drop = {t.i for t in act_subj.subtree} | {t.i for t in cond.subtree}
        drop |= {c.i for c in act.children if c.dep_ in ("aux", "mark", "neg")}
        if cp_prep is not None:
            drop |= {t.i for t in cp_prep.subtree}
        content = _text(t for t in act.subtree if t.i not in drop)
        if not content:
            return []
        counterparty = self.actor(counterparty_tok) if counterparty_tok is not None else None
        due = self.due_in([act], None, verb)
        covered |= {t.i for t in act.subtree} | {verb.i}
        return self._records("threat", warners, counterparty, content, conditions, due, verb, None)

    def _counterparty_in(self, head: Token) -> tuple[Optional[Token], Optional[Token]]:
        """An actor the content is for or aimed at: "for/to X" on a noun, the object of a verb."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "to", "on", "with", "against"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and self.actor(pobj):
                    return pobj, c
            if head.pos_ in ("VERB", "AUX") and c.dep_ in ("dobj", "dative") and self.actor(c):
                return c, None
        if head.pos_ in ("VERB", "AUX"):       # "impose new sanctions on Russia"
            for obj in (c for c in head.children if c.dep_ == "dobj"):
                for c in obj.children:
                    if c.dep_ == "prep" and c.lower_ in ("on", "against", "for", "to"):
                        pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                        if pobj is not None and self.actor(pobj):
                            return pobj, None
        return None, None

    def from_noun(self, noun: Token, covered: set[int]) -> list[_Found]:
        entry = self.lex.nouns[noun.lemma_.lower()]
        kind = entry["kind"]
        if any(c.dep_ == "det" and c.lower_ in self.lex.determiners for c in noun.children):
            return []
        if self.hypothetical(noun) or any(c.dep_ == "amod" and c.lemma_.lower() in self.lex.hypo_modifiers
                                          for c in noun.children):
            return []       # "May's proposed Brexit deal": not (yet) a commitment
        gov = noun.head if noun.dep_ in _OBJ + ("nsubjpass",) else None
        holders: list[str] = []
        counterparty_tok: Optional[Token] = None
        setter = False
        only_possessor = False
        # Holder: possessor, agent of a participle ("set by Trump"), subject of a light verb.
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            holders = self.actors_of(poss)
            above = _governor(noun)
            if not holders and poss.pos_ == "PRON" and above is not None and _subject(above) is not None:
                holders = self.actors_of(_subject(above))   # "Trump extended his deadline"
            setter = only_possessor = bool(holders)
        for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    holders = holders or self.actors_of(pobj)
                    setter = setter or bool(holders)
                    only_possessor = False
        if gov is not None and noun.dep_ in _OBJ:
            glemma = gov.lemma_.lower()
            subj = _subject(gov)
            if glemma in self.lex.holder_verbs and subj is not None:
                only_possessor = False
            if glemma in self.lex.holder_verbs and subj is not None and not holders:
                holders = self.actors_of(subj)
                setter = bool(holders)
                dative = next((c for c in gov.children if c.dep_ in ("dative", "iobj")), None)
                if dative is not None and self.actor(dative):
                    counterparty_tok = dative
            elif glemma in self.lex.counterparty_verbs and subj is not None and self.actor(subj):
                counterparty_tok = subj
        between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if between is not None and kind == "agreement":
            parties = [a for p in between.children if p.dep_ == "pobj" for a in self.actors_of(p)]
            if len(parties) >= 2:   # "deals between Israel and Bahrain": the parties, not the broker
                holders, counterparty_tok, only_possessor = parties, None, False
        if not holders:
            return []
        drop: set[int] = set()
        if between is not None and kind == "agreement":
            drop |= {t.i for t in between.subtree}
        if counterparty_tok is None:
            counterparty_tok, cp_prep = self._counterparty_in(noun)
            if cp_prep is not None:
                drop |= {t.i for t in cp_prep.subtree}
        if counterparty_tok is None and gov is not None:
            for c in gov.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "for", "on", "with"):
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if pobj is not None and self.actor(pobj):
                        counterparty_tok = pobj
        # Content: an infinitive on the noun or its verb ("a deadline … to agree to peace talks"),
        # "of/on/for" + phrase ("an agreement on grain exports"), else the noun phrase itself.
        content_head = None
        for h in (noun, gov):
            if h is None or content_head is not None:
                continue
            for c in h.children:
                if c.dep_ in ("acl", "advcl", "xcomp", "relcl") and c.pos_ in ("VERB", "AUX") and \
                        any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    content_head = c
                    break
        content_toks: list[Token] = []
        if content_head is not None:
            content_toks = list(content_head.subtree)
            # "a deadline for Russia to agree": Russia is the subject of the infinitive
            csubj = next((c for c in content_head.children if c.dep_ == "nsubj"), None)
            if csubj is not None and self.actor(csubj):
                counterparty_tok = counterparty_tok or csubj
                content_toks = [t for t in content_toks if t.i not in {x.i for x in csubj.subtree}]
        else:
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "on", "to") and c.i not in drop:
                    pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None and not self.actor(pobj) and pobj.ent_type_ not in ("DATE", "TIME"):
                        content_toks = [noun, *[t for t in noun.lefts if t.dep_ in ("compound", "amod")], *c.subtree]
                        content_head = pobj
                        break
        if content_head is None:
            if kind in ("deadline", "ultimatum", "threat", "pledge", "promise"):
                return []     # "a series of ultimatums": no content, nothing to track
            if only_possessor:
                return []     # "his son's business deals": whose deal, but no terms and no signing
            content_toks = [noun, *[t for t in noun.lefts if t.dep_ in ("compound", "amod")]]
            content_toks += [t for c in noun.children if c.dep_ == "prep" and c.i not in drop
                             and c.lower_ not in self.lex.due_preps for t in c.subtree]
            if len(content_toks) < 2 and kind != "agreement":
                return []
        if counterparty_tok is None and content_head is not None and content_head.pos_ in ("VERB", "AUX"):
            counterparty_tok, cp_prep = self._counterparty_in(content_head)    # "pledge to pressure Moscow"
            if cp_prep is not None:
                content_toks = [t for t in content_toks if t.i not in {x.i for x in cp_prep.subtree}]
        due_ids = {t.i for h in (noun, gov, content_head) if h is not None for p in h.children
                   if p.dep_ == "prep" and p.lower_ in self.lex.due_preps for t in p.subtree}
        # "extended his deadline … by two weeks": an amount of extra time, never a due date or content
        due_ids |= {t.i for p in _amounts(gov if gov is not None else noun) for t in p.subtree}
        if only_possessor and kind in ("pledge", "promise") and content_head.pos_ not in ("VERB", "AUX"):
            return []       # "his unrelenting commitment to justice": a virtue, not an undertaking
        content_toks = [t for t in content_toks if t.i not in drop and t.i not in due_ids]
        content = _text(content_toks)
        if not content:
            return []
        if kind == "deadline" and setter:
            kind = self.lex.deadline_with_setter_is
        heads = [h for h in (gov, content_head) if h is not None]
        conditions = self.conditions(heads)
        due = self.due_in(heads, noun if kind in ("deadline", "ultimatum") else None, noun)
        counterparty = self.actor(counterparty_tok) if counterparty_tok is not None else None
        covered |= {t.i for t in content_toks} | {noun.i}
        trigger = gov if gov is not None else noun
        return self._records(kind, holders, counterparty, content, conditions, due, trigger, noun)

    def _records(self, kind: str, holders: list[str], counterparty: Optional[str], content: str,
                 conditions: Optional[str], due: Optional[str], trigger: Token,
                 noun: Optional[Token]) -> list[_Found]:
        if kind in self.lex.state_kinds:
            holders = list(dict.fromkeys(self.state_of(h) for h in holders))
        counterparty = self.state_of(counterparty)
        out = []
        for h in holders:
            cp = counterparty
            if cp is None and kind == "agreement" and len(holders) == 2:
                cp = next(x for x in holders if x != h)   # "Turkey and Russia signed an agreement"
            if cp is not None and self.same_side(h, cp):
                cp = None
            rec = Commitment(kind=kind, holder=h, content=content, counterparty=cp,
                             conditions=conditions, due=due, status="open",
                             evidence=[_sent_span(trigger.sent)])
            group = self.lex.group_of(kind)
            if noun is not None:
                group |= self.lex.group_of(self.lex.nouns[noun.lemma_.lower()]["kind"])
            out.append(_Found(rec, trigger, noun, group))
        return out

    # -- pass 2: status cues ------------------------------------------------------------------
    def _targets(self, cue: Token, found: list[_Found], object_only: bool = False) -> list[_Found]:
        """The commitments a cue points at: those triggered inside its clause, else the latest
        earlier one compatible with the noun it governs ("these assurances", "his deadline"), else
        the latest earlier one whose content has that noun ("has not confirmed the exchange")."""
        lo, hi = cue.left_edge.i, cue.right_edge.i
        inside = [] if object_only else [f for f in found if lo <= f.trigger.i <= hi and f.trigger.i != cue.i
                                         and _dominates(cue, f.trigger)]
        inside += [f for f in found if f.trigger.i == cue.i or f.noun is not None and f.noun.head.i == cue.i]
        if inside:
            return inside
        objs = [c for c in cue.children if c.dep_ in _OBJ + ("nsubjpass",)]
        objs += [p for c in cue.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        for obj in objs:
            lemma = obj.lemma_.lower()
            if lemma in self.lex.nouns:
                group = self.lex.group_of(self.lex.nouns[lemma]["kind"])
                earlier = [f for f in found if f.trigger.i < cue.i and f.group & group]
            elif obj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                                            for c in obj.children):
                earlier = [f for f in found if f.trigger.i < cue.i and lemma in _lemmas(f, self.doc)]
            else:
                continue
            if earlier:
                last = earlier[-1].trigger.i
                return [f for f in earlier if f.trigger.i == last]
        return []

    def status_cue(self, cue: Token, found: list[_Found]) -> None:
        lemma = cue.lemma_.lower()
        entry = self.lex.status_verbs.get(lemma)
        if entry is None:
            entry = {"status": "met", "by": "holder"}      # a met phrase: "made good on"
        elif entry.get("particle") and _particle(cue) != entry["particle"]:
            return
        if self.hypothetical(cue):
            return
        status = entry["status"]
        if self.negated(cue):
            status = entry.get("negated")
            if not status:
                return
        targets = self._targets(cue, found, bool(entry.get("object_only")))
        if status == "extended":
            targets = [f for f in targets if f.group & {"deadline", "ultimatum"} or f.record.due]
        subj = _subject(cue)
        who = self.actors_of(subj) if subj is not None else []
        for f in targets:
            if entry.get("by") == "holder" and who and not any(self.speaks_for(w, f.record.holder) for w in who):
                continue
            self._set_status(f, status, cue)
        if not targets and entry.get("by") == "holder" and who and status not in ("open", "unconfirmed"):
            found.extend(self._referring(cue, status, who))

    def _referring(self, cue: Token, status: str, who: list[str]) -> list[_Found]:
        """"Trump extended the deadline for Russia by two weeks" with no deadline earlier in the text:
        a record that refers back to one reported elsewhere. Its content is the commitment noun phrase;
        tracking links it by holder, counterparty and kind (track/match.py)."""
        noun = next((c for c in cue.children if c.dep_ in _OBJ + ("nsubjpass",)
                     and c.lemma_.lower() in self.lex.nouns), None)
        if noun is None or any(c.dep_ == "det" and c.lower_ in self.lex.determiners for c in noun.children):
            return []
        kind = self.lex.nouns[noun.lemma_.lower()]["kind"]
        if kind == "deadline":
            kind = self.lex.deadline_with_setter_is
        counterparty_tok, cp_prep = self._counterparty_in(noun)
        inf = self._infinitive(noun, cue)      # "extended the deadline for Hungary to answer …"
        drop = {t.i for t in cp_prep.subtree} if cp_prep is not None else set()
        drop |= {t.i for p in _amounts(cue) for t in p.subtree}
        drop |= {t.i for p in self._new_due_preps(cue) for t in p.subtree}
        if inf is not None:
            subj = next((c for c in inf.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                counterparty_tok = counterparty_tok or (subj if self.actor(subj) else None)
                drop |= {t.i for t in subj.subtree}
            content = _text(t for t in inf.subtree if t.i not in drop)
        else:
            content = _text(t for t in noun.subtree if t.i not in drop and not (t.dep_ == "poss" and t.head.i == noun.i))
        counterparty = self.actor(counterparty_tok) if counterparty_tok is not None else None
        recs = self._records(kind, who, counterparty, content, None, None, cue, noun)
        for f in recs:
            self._set_status(f, status, cue)
        return recs

    def extension_by_giving(self, cue: Token, found: list[_Found]) -> None:
        """"Trump has given Russia a few more weeks to respond": more time for a deadline."""
        dobj = next((c for c in cue.children if c.dep_ in _OBJ), None)
        if dobj is None or dobj.lemma_.lower() not in _DURATION_NOUNS:
            return
        if not any(t.lower_ in self.lex.more_words for t in dobj.subtree):
            return
        if self.negated(cue) or self.hypothetical(cue):
            return
        subj = _subject(cue)
        givers = self.actors_of(subj) if subj is not None else []
        dative = next((c for c in cue.children if c.dep_ in ("dative", "iobj")), None)
        takers = self.actors_of(dative) if dative is not None else []
        for f in found:
            if not f.group & {"deadline", "ultimatum"}:
                continue
            if givers and not any(self.same_side(g, f.record.holder) for g in givers):
                continue
            if takers and f.record.counterparty and not any(self.same_side(t, f.record.counterparty) for t in takers):
                continue
            if not givers and not takers:
                continue
            self._set_status(f, "extended", cue, duration=dobj)

    def _set_status(self, f: _Found, status: str, cue: Token, duration: Optional[Token] = None) -> None:
        c = f.record
        c.status = status
        span = _sent_span(cue.sent)
        if span not in c.evidence:
            c.evidence.append(span)
        if status == "extended":
            new_due = None
            if duration is not None:
                text = _text(duration.subtree)
                new_due = resolve_due(text, self.anchor(cue)) if not re.search(r"\bfew|several\b", text) else None
            else:
                amount = _amounts(cue)
                if amount:      # "by two weeks": counted from the day the extension is reported
                    new_due = resolve_due(_text(amount[0].subtree), self.anchor(cue))
                else:
                    new_due = self.due_in([cue], None, cue)
                for p in ([] if new_due else self._new_due_preps(cue)):
                    new_due = new_due or resolve_due(_text(p.subtree), self.anchor(cue))
            if new_due and (c.due is None or new_due > c.due):
                c.due = new_due

    # -- statements and events ----------------------------------------------------------------
    def _new_due_preps(self, cue: Token) -> list[Token]:
        """"extended the deadline … to April 30": a "to"/"until" phrase with a time, in the cue's clause."""
        out = []
        for p in cue.subtree:
            if p.dep_ == "prep" and p.lower_ in ("to", "until", "till"):
                lo, hi = p.idx, p.right_edge.idx + len(p.right_edge.text)
                if any(lo <= t.span[0] and t.span[1] <= hi for t in self.times):
                    out.append(p)
        return out

    def from_statements(self, found: list[_Found]) -> list[_Found]:
        """Quoted pledges the parse rules miss ("“We will rebuild the bridge by June,” Mayor X
        pledged."): a statement of kind pledge whose cue is not already a trigger; the speaker holds it."""
        taken = {f.trigger.i for f in found} | {f.noun.i for f in found if f.noun is not None}
        out = []
        for st in self.statements:
            if st.kind != "pledge" or st.negated or not st.speaker:
                continue
            cue = self.doc.char_span(st.cue.span[0], st.cue.span[1], alignment_mode="expand")
            if cue is None or cue.root.lemma_.lower() not in self.lex.verbs:
                continue        # "offered condolences" is a statement of kind pledge, not a commitment
            if any(t.i in taken for t in cue) or any(
                    f.trigger.sent.start_char == st.span[0] for f in found if f.trigger.i in taken
                    and f.trigger.lemma_.lower() in self.lex.verbs):
                continue
            content = self.doc.char_span(st.content.span[0], st.content.span[1], alignment_mode="expand")
            if content is None or len(content) < 2 or self.hypothetical(cue.root):
                continue
            text = _text(t for t in content if not t.is_quote)
            due = self.due_in([content.root], None, content.root)
            holder = self.state_of(st.speaker) if "pledge" in self.lex.state_kinds else st.speaker
            rec = Commitment(kind="pledge", holder=holder, content=text, due=due,
                             evidence=[tuple(st.span)])
            out.append(_Found(rec, cue.root, None, self.lex.group_of("pledge")))
        return out

    def counterparties_from_events(self, found: list[_Found]) -> None:
        """A counterparty the parse left open, from a coded event of the same sentence whose source
        is the holder (events read "Germany pledges aid to Ukraine" with its target)."""
        events = [e for e in (self.doc._.events or []) if e.source and e.target and not e.negated]
        for f in found:
            c = f.record
            if c.counterparty is not None:
                continue
            s0, s1 = _sent_span(f.trigger.sent)
            for e in events:
                if s0 <= e.trigger.span[0] < s1 and self.same_side(e.source, c.holder) and \
                        e.code[:2] in self.lex.event_roots and not self.same_side(e.target, c.holder):
                    c.counterparty = e.target
                    break


def _lemmas(f: _Found, doc: Doc) -> set[str]:
    """Lemmas of a found commitment's content words, from the evidence sentence."""
    words = set(f.record.content.lower().split())
    return {t.lemma_.lower() for t in f.trigger.sent if t.lower_ in words and not t.is_stop}


def _amounts(head: Token) -> list[Token]:
    """"by two weeks" preps in a clause: a counted duration after "by" is an amount of time added."""
    return [p for p in head.subtree if p.dep_ == "prep" and p.lower_ == "by" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _DURATION_NOUNS and any(
            n.dep_ == "nummod" or n.like_num for n in o.children) for o in p.children)]


def _conjuncts(tok: Token) -> list[Token]:
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _subject(verb: Token) -> Optional[Token]:
    """The subject of a verb, climbing through coordination, xcomp and relative clauses."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c
            if c.dep_ == "agent":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i and node.dep_ != "advcl":
            node = node.head
            continue
        break
    return None


def _governor(tok: Token) -> Optional[Token]:
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _dominates(head: Token, tok: Token) -> bool:
    node = tok
    for _ in range(40):
        if node.i == head.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
