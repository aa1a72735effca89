"""When a commitment falls due: the phrase in its clause, read by the times package's resolver.

A due date is a time attached to a deadline noun ("a Monday deadline") or introduced by "by",
"before", "until", "within" (data: due_preps) in the commitment's clause. Where the times component
tagged that phrase (doc._.times), its expression is read as a due date; otherwise the phrase's words
are (`newsledger.nlp.times.due`, the one resolver). Relative phrases count from the day the words
were said: the date of the statement that holds them, else the publication date. A due date is a
day, an ISO week, a month or a year; anything vaguer ("a few weeks", a quarter) gives none.

Extensions: "to April 30" sets the new due date; an amount ("by two weeks") counts from the day the
extension is reported, not from the old due date: reports rarely give the old date, and an extension
announced on the old due day gives the same answer.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional

from spacy.tokens import Token

from ...dates import end_date, is_day, is_due_value, start_date
from ...records import TimeExpr
from ..grammar.modality import demanding
from ..grammar.syntax import time_bound, to_infinitive
from ..times.due import due_of_expression, resolve_due
from .context import Context
from .modality import split_that_clause
from .syntax import clause_text

# Nouns that count time: "three days to respond", "two more weeks".
DURATION_NOUNS = frozenset({"day", "week", "month", "year", "hour", "time"})


def counted_duration(tok: Token) -> bool:
    """A counted span of time ("60 days", "three weeks")."""
    return tok.lemma_.lower() in DURATION_NOUNS and any(n.dep_ == "nummod" or n.like_num for n in tok.children)
_VAGUE = re.compile(r"\bfew|several\b")


def due_of_text(text: str, anchor: Optional[dt.date]) -> Optional[str]:
    """A due date for a phrase of the text ("within two weeks", "by Friday") said on `anchor`."""
    due = resolve_due(text, anchor)
    return due if is_due_value(due) else None


def due_of_time(t: TimeExpr, anchor: Optional[dt.date]) -> Optional[str]:
    """A due date for a time expression the times component tagged."""
    due = due_of_expression(t, anchor)
    return due if is_due_value(due) else None


def anchor_of(ctx: Context, tok: Token) -> Optional[dt.date]:
    """The day a period at `tok` counts from: the day its verb names for itself ("ordered Amazon on Tuesday to
    change its contracts within 60 days": from that Tuesday), else the day the words were said (their
    statement's date), else the publication date."""
    own = _own_day(ctx, tok)
    if own is not None:
        return own
    for st in ctx.statements:
        if st.span[0] <= tok.idx < st.span[1] and is_day(st.time):
            return dt.date.fromisoformat(st.time)
    return ctx.published


def _own_day(ctx: Context, tok: Token) -> Optional[dt.date]:
    """A day told on the verb that governs `tok` (itself, or the nearest verb above it): a time expression of
    type DATE with a day's value inside one of that verb's own modifiers ("on Tuesday", "Tuesday") before its
    complement, not inside its complement or its subject."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    mods = [c for c in verb.children if (c.dep_ == "prep" and c.lower_ == "on") or c.dep_ == "npadvmod"]
    for m in mods:
        lo, hi = m.left_edge.idx, m.right_edge.idx + len(m.right_edge.text)
        for t in ctx.times:
            if t.type == "DATE" and lo <= t.span[0] and t.span[1] <= hi and is_day(t.value):
                return dt.date.fromisoformat(t.value)
    return None


def due_link(p: Token) -> bool:
    """A due phrase's link to its verb: a preposition, or "by" + a time the parse took for a passive's agent
    ("will be paid out by the end of the year"; grammar.syntax.time_bound), not an agent that names a doer."""
    return p.dep_ == "prep" or (p.dep_ == "agent" and time_bound(p))


def due_in(ctx: Context, heads: Iterable[Optional[Token]], deadline_noun: Optional[Token],
           anchor_tok: Token) -> Optional[str]:
    """A due date: a time attached to a deadline noun ("a Monday deadline") or introduced by
    "by", "before", "until", "within" in the commitment's clause."""
    cands: list[Token] = []
    if deadline_noun is not None:
        cands += [c for c in deadline_noun.children if c.dep_ in ("compound", "nmod", "npadvmod", "amod")]
        cands += [p for p in deadline_noun.children if p.dep_ == "prep" and p.lower_ in ("of", "for", "on")]
    heads = [h for h in heads if h is not None]
    # "agreed to finish marking the border by the end of September": the due phrase of a verb the
    # act's verb takes as its complement ("finish", "start", "keep" + gerund) is the act's
    heads += [c for h in heads for c in h.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c not in heads]
    # "has promised that a commission to investigate the deaths will be set up by the end of May": the clause's
    # own verb, where the parse split the clause at its subject's infinitive
    heads += [v for h in heads for v in [split_that_clause(h)] if v is not None and v not in heads]
    for h in heads:
        cands += [p for p in h.children if due_link(p) and p.lower_ in ctx.lex.due_preps]
    # "will finance the drones, with the first of them reaching the front by the end of the year":
    # an absolute with-clause tells a step of the act it hangs on, and when it falls due.
    for h in heads:
        for w in (c for c in h.children if c.dep_ == "prep" and c.lower_ == "with"):
            # "... with the loan agreement to be signed before the end of June": an infinitive too
            for v in (c for c in w.children if c.dep_ == "pcomp" and (c.tag_ == "VBG" or to_infinitive(c))):
                cands += [p for p in v.children if p.dep_ == "prep" and p.lower_ in ctx.lex.due_preps]
    # "deliver the jets ordered by Air India by the end of June", "the systems Armenia paid for in 2021
    # before the end of the year": the small parse often hangs the due phrase on a participle or a
    # relative clause inside the act's object. A clause told as done cannot fall due later than it was
    # told, so a due phrase there that resolves after the day the words were said bounds the act.
    deep = [p for h in heads for p in _inner_due_preps(ctx, h) if p not in cands]
    # "Rheinmetall will open its factory in Baisogala, Lithuania, by the end of June, its chief said": the
    # parse hangs the due phrase on the verb that reports the act; one says a thing on a day, never by a
    # date, so a due phrase there that falls after that day bounds the reported act
    deep += [p for h in heads if h.dep_ == "ccomp" and h.head.lemma_.lower() in ctx.lex.report_verbs
             for p in due_phrases(ctx, [h.head]) if p not in cands and p not in deep]
    # "Airbus will deliver the first jets to IndiGo from its plant in Hamburg, Germany, in 2028, its chief
    # told reporters": so too a period the parse hangs on the reporting verb, for an act to come; one is
    # not told a thing over a period to come, so a period after the day said places the reported act
    deep += [p for h in heads if h.dep_ == "ccomp" and _to_come(h) and h.head.lemma_.lower() in ctx.lex.report_verbs
             for p in h.head.children if p.dep_ == "prep" and p.lower_ in ctx.lex.word_lists["period_preps"]
             and timed(ctx, p) and p not in cands and p not in deep]
    # "will keep paying into the fund ... and will adopt the rules by the end of 2028": one commitment's
    # coordinated act to come tells when the commitment falls due when the first act names no time
    deep += [p for h in heads for c in h.children if c.dep_ == "conj" and _to_come(c)
             for p in due_phrases(ctx, [c]) if p not in cands and p not in deep]
    cands += deep
    # "raise output by 137,000 barrels per day in May": the act placed within a period, due by its
    # end; read after the due prepositions, which name the due date itself, and only on the act still
    # to come (a base form: "to raise", "will raise", "be paid"), not on a told verb ("pledged in March
    # to raise output": when the pledge was made)
    # "agreed to start joint patrols from July 1": a beginning falls due on the day it is to begin
    starts = ctx.lex.word_lists["threat_start_preps"]
    begins = starts | ctx.lex.word_lists["start_day_preps"]        # "will start vaccinating ... on May 3"
    cands += [p for h in heads if _to_come(h) and h.lemma_.lower() in ctx.lex.word_lists["start_verbs"]
              for g in (h, *(c for c in h.children if c.dep_ == "xcomp" and c.tag_ == "VBG"))
              for p in g.children if p.dep_ == "prep" and p.lower_ in (begins if g is h else begins - starts)
              and timed(ctx, p)]     # "will start vaccinating ... on May 3": the day on the gerund begun
    periods = ctx.lex.word_lists["period_preps"]
    cands += [p for h in heads if _to_come(h) for p in h.children
              if p.dep_ == "prep" and p.lower_ in periods and timed(ctx, p)]
    # a bare noun phrase of time does what "in" does ("will pay for the training of 300 medics this year"):
    # the act placed within the period, due by its end
    cands += [n for h in heads if _to_come(h) for n in h.children if n.dep_ == "npadvmod" and _dated(ctx, n)]
    # an act to come that takes effect on a day ("will lift its ban on dairy imports from June 1"): due on
    # that day, as a beginning is; read last, after any due, period or beginning phrase
    cands += [p for h in heads if _to_come(h) for p in h.children
              if p.dep_ == "prep" and p.lower_ in starts and timed(ctx, p) and p not in cands]
    # "will lift its ban on imports of Ukrainian sunflower seeds from Sept. 15": the parse hangs the day it takes
    # effect on a noun of the act's object; read as the act's when it falls after the day said (a day past tells
    # where the thing came from or since when, not when the act is to take effect)
    nested = [p for h in heads if _to_come(h) for p in _object_starts(h, starts)
              if timed(ctx, p) and p not in cands]
    deep += nested
    cands += nested
    anchor = anchor_of(ctx, anchor_tok)
    for c in cands:
        if _by_amount(c):
            continue        # "raise exports by 40,000 tonnes a day": how much, not by when
        if c in deep:
            due = _future_due(ctx, c, anchor)
            if due:
                return due
            continue
        lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
        counted = _counted_from(ctx, c, anchor)
        if counted is not None:
            if counted:
                return counted
            continue        # "within 90 days of a ceasefire": counted from a day no one knows yet
        due = _times_due(ctx, lo, hi, anchor)
        if due:
            return due
        if c.ent_type_ in ("DATE", "TIME") or any(x.ent_type_ == "DATE" for x in c.subtree) or \
                c.like_num or any(x.like_num for x in c.subtree):
            due = due_of_text(ctx.text[lo:hi], anchor)
            if due:
                return due
    return None


# Attachments that stay inside the act's own clause: its objects, their modifiers and relative or
# participle clauses, and to-infinitives of purpose ("send warships to patrol ... within a month");
# not a reported clause, a coordinated clause or an adverbial one ("after talks that ended by ..."),
# which tell other events.
_INNER_DEPS = frozenset({"dobj", "pobj", "prep", "acl", "relcl", "xcomp", "attr", "dative", "npadvmod",
                         "appos", "oprd", "nmod", "amod", "compound", "pcomp", "agent"})


def _inner_due_preps(ctx: Context, head: Optional[Token]) -> list[Token]:
    """Timed due phrases nested in the act's clause below `head` (not its own children)."""
    if head is None:
        return []
    preps = ctx.lex.due_preps
    if _to_come(head) and head.lemma_.lower() in ctx.lex.word_lists["start_verbs"]:
        preps = preps | ctx.lex.word_lists["threat_start_preps"]     # "begin checks at the crossing from May 1"
    out, todo = [], [c for c in head.children if c.dep_ in _INNER_DEPS or _purpose(c) or zero_relative(c)]
    while todo:
        t = todo.pop(0)
        # "destroyed by the August floods": a by-phrase whose object is no time names a doer, dated or not
        if t.dep_ in ("prep", "agent") and t.lower_ in preps and t.head is not head and timed(ctx, t) and \
                (t.lower_ != "by" or time_bound(t)):
            out.append(t)
        elif t.dep_ == "npadvmod" and _to_come(head) and _dated(ctx, t) and not _told_period(ctx, t, head):
            out.append(t)       # "pay for the training of 300 medics in Poland this year": the parse's noun
        todo += [c for c in t.children if c.dep_ in _INNER_DEPS or _purpose(c) or _coordinated_noun(c)]
    return sorted(out, key=lambda t: t.i)


def _coordinated_noun(tok: Token) -> bool:
    """A noun coordinated with one of the act's ("roads and bridges destroyed by the floods"): the same object
    phrase, not a clause of its own as a coordinated verb is."""
    return tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("NOUN", "PROPN")


# The words of an act's object noun phrase: its nouns, their modifiers and prepositional phrases, no clause.
_NOUN_PHRASE_DEPS = frozenset({"dobj", "attr", "oprd", "dative", "prep", "pobj", "compound", "nmod", "amod", "appos"})


def _object_starts(head: Token, starts: frozenset[str]) -> list[Token]:
    """Start phrases ("from Sept. 15") nested in the act's object noun phrase, not in a clause of it."""
    out, todo = [], [c for c in head.children if c.dep_ in _NOUN_PHRASE_DEPS]
    while todo:
        t = todo.pop(0)
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "oprd":
            continue        # a clause of the object; "keep the crossing open": a predicate of it, no clause
        if t.dep_ == "prep" and t.lower_ in starts and t.head is not head:
            out.append(t)
        todo += [c for c in t.children if c.dep_ in _NOUN_PHRASE_DEPS]
    return sorted(out, key=lambda t: t.i)


def _told_period(ctx: Context, phrase: Token, head: Token) -> bool:
    """A period that places a clause told as done, nested in the act's ("to ease queues that have grown to 15
    kilometres this month", "the plants it closed this year"): a past or perfect verb between the phrase and
    the act's verb, and a period already begun on the day said. When that clause happened, not when the act
    falls due; a period wholly after the day said cannot place a thing done, so the parse misplaced it."""
    verb = phrase.head
    while verb is not head and verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    if verb is head or not _told(verb):
        return False
    lo, hi = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge.text)
    anchor = anchor_of(ctx, phrase)
    starts = [start_date(t.value) for t in ctx.times if lo <= t.span[0] and t.span[1] <= hi]
    return anchor is not None and any(s is not None and s <= anchor.isoformat() for s in starts)


def _told(verb: Token) -> bool:
    """A verb that tells a thing done: a past tense ("closed") or a perfect ("have grown")."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children))


def _dated(ctx: Context, phrase: Token) -> bool:
    """A noun phrase of time that names a calendar period or day ("this year", "next month"), not an amount
    ("350 million francs a year")."""
    lo, hi = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge.text)
    return any(lo <= t.span[0] and t.span[1] <= hi and re.match(r"^\d{4}", t.value or "") for t in ctx.times)


def zero_relative(tok: Token) -> bool:
    """A clause the parse made a complement of the verb that follows its object right after it, with no
    complementizer ("pay the 4 billion kwacha it owes contractors by the end of June"): a relative clause of
    the object with its relative pronoun left out, as English allows; an act verb takes no clause there."""
    if tok.dep_ != "ccomp" or any(c.dep_ == "mark" for c in tok.children):
        return False
    objs = [c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i]
    return bool(objs) and tok.left_edge.i == objs[-1].right_edge.i + 1


def _purpose(tok: Token) -> bool:
    """A to-infinitive of purpose ("to patrol the Baltic Sea")."""
    return tok.dep_ == "advcl" and to_infinitive(tok)


def _future_due(ctx: Context, prep: Token, anchor: Optional[dt.date]) -> Optional[str]:
    """The due date a nested due phrase gives, when it falls after the day it was said."""
    lo, hi = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge.text)
    due = _times_due(ctx, lo, hi, anchor) or due_of_text(ctx.text[lo:hi], anchor)
    due = _nearest(ctx.text[lo:hi], due, anchor)
    if due and anchor is not None and (end_date(due) or due)[:10] > anchor.isoformat():
        return due
    return None


def _nearest(text: str, due: Optional[str], anchor: Optional[dt.date]) -> Optional[str]:
    """A day named without its year is the one nearest the day it was said, whatever the tense of the
    clause it sits in: "the workers whose shifts were suspended until at least Aug. 31", said in June, is
    this August (the times tagger reads it back a year from the past tense); "the workers laid off by March
    3", said on March 10, stays this March."""
    if anchor is None or not is_day(due) or re.search(r"\b\d{4}\b", text):
        return due
    ahead = due_of_text(text, anchor)      # the reading forward from the day said
    if not is_day(ahead):
        return due
    gap = abs((dt.date.fromisoformat(due) - anchor).days)
    return ahead if abs((dt.date.fromisoformat(ahead) - anchor).days) < gap else due


def _times_due(ctx: Context, lo: int, hi: int, anchor: Optional[dt.date]) -> Optional[str]:
    """The due date of the first time expression within lo..hi that gives one, or that begins there and runs on
    past it ("by 6 a.m. on Oct. 19", whose day the parse hung on the verb: the hour is on that day)."""
    return next((d for t in ctx.times if lo <= t.span[0] and (t.span[1] <= hi or t.span[0] < hi and t.type == "TIME")
                 for d in [due_of_time(t, anchor)] if d), None)


def _to_come(verb: Token) -> bool:
    """A verb in base form ("raise"), or a base-form passive ("be paid")."""
    return verb.tag_ == "VB" or (verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children))


def _by_amount(prep: Token) -> bool:
    """"by 40,000 tonnes": "by" before a counted quantity that is no time names an amount."""
    if prep.lower_ != "by":
        return False
    return any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") and o.lemma_.lower() not in DURATION_NOUNS
               and any(n.dep_ in ("nummod", "quantmod") or n.like_num for n in o.children) for o in prep.children)


def _counted_from(ctx: Context, prep: Token, anchor: Optional[dt.date]) -> Optional[str]:
    """"within 30 days of Sunday's final": a duration counted from the day its of-phrase names, not
    from the day it was said (the day a tagged time in the of-phrase resolves to). "" when the
    of-phrase names no day ("within 90 days of a ceasefire"): no due date can be known yet."""
    if prep.lower_ != "within":
        return None
    for n in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in DURATION_NOUNS):
        for of in (c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"):
            lo, hi = of.left_edge.idx, of.right_edge.idx + len(of.right_edge.text)
            days = [t for t in ctx.times if lo <= t.span[0] and t.span[1] <= hi and is_day(t.value)]
            if days:
                start = dt.date.fromisoformat(days[0].value)
                return due_of_text(ctx.text[prep.idx:of.idx], start)
            return ""
    return None


def threat_start(ctx: Context, act: Token, anchor_tok: Token) -> Optional[str]:
    """When a threat falls due: the day its act is to take effect ("impose a tariff … from February 1
    unless …"), by which the other side must have done what is asked (data: threat_start_preps)."""
    for p in act.children:
        if p.dep_ in ("prep", "advcl") and p.lower_ in ctx.lex.word_lists["threat_start_preps"] and timed(ctx, p):
            lo, hi = p.left_edge.idx, p.right_edge.idx + len(p.right_edge.text)
            return due_of_text(ctx.text[lo:hi], anchor_of(ctx, anchor_tok))
    return None


def demanded_by(ctx: Context, cond: Optional[Token], anchor_tok: Token) -> Optional[str]:
    """When a threat falls due by its condition: the date by which a demanding condition ("if Mexico does
    not stop the caravans by May 15", "unless the government reopens talks by February 23") asks the other
    side to act; a threat made that way is an ultimatum in all but name."""
    if cond is None or not demanding(cond):
        return None
    due = due_in(ctx, [cond], None, anchor_tok)
    # a day asked for is one to come, whatever the tense the condition puts it in ("unless a deal has been reached
    # by Jan. 15", said in November): the nearest such day, as a nested due phrase reads it
    lo, hi = cond.left_edge.idx, cond.right_edge.idx + len(cond.right_edge.text)
    return _nearest(ctx.text[lo:hi], due, anchor_of(ctx, anchor_tok))


def condition_placed(ctx: Context, cond: Optional[Token], anchor_tok: Token) -> Optional[str]:
    """When a threat falls due by the day its condition is placed on: a when-clause of the condition that names
    a day to come ("would leave Turkey if the government applies its licence to the company when the rules come
    into force on Sept. 1"; data: condition_time_marks, condition_day_preps). The condition can be met from that
    day, and the threatened act with it; a day already past places nothing to come."""
    if cond is None:
        return None
    marks, preps = ctx.lex.word_lists["condition_time_marks"], ctx.lex.word_lists["condition_day_preps"]
    anchor = anchor_of(ctx, anchor_tok)
    for clause in (c for c in cond.children if c.dep_ == "advcl" and any(
            m.dep_ in ("advmod", "mark") and m.lower_ in marks and m.i < c.i for m in c.children)):
        for p in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in preps and timed(ctx, c)):
            day = _future_due(ctx, p, anchor)       # a day to come, as a nested due phrase gives it
            if is_day(day):
                return day
    return None


def timed(ctx: Context, phrase: Token) -> bool:
    """A phrase that holds a time: one the times component tagged, or a date the parse saw."""
    lo, hi = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge.text)
    return any(lo <= t.span[0] and t.span[1] <= hi for t in ctx.times) or \
        any(x.ent_type_ in ("DATE", "TIME") for x in phrase.subtree)


def due_phrases(ctx: Context, heads: Iterable[Optional[Token]]) -> list[Token]:
    """The due-date phrases on `heads` ("by Friday", "through the end of September"): a due
    preposition whose phrase holds a time ("by Ukrainian companies", "through the Black Sea" do not)."""
    return [p for h in heads if h is not None for p in h.children
            if due_link(p) and p.lower_ in ctx.lex.due_preps and timed(ctx, p)]


def amounts(head: Token) -> list[Token]:
    """"by two weeks" preps in a clause: a counted duration after "by" is an amount of time added."""
    return [p for p in head.subtree if p.dep_ == "prep" and p.lower_ == "by" and any(
        o.dep_ == "pobj" and counted_duration(o) for o in p.children)]


def new_due_preps(ctx: Context, cue: Token) -> list[Token]:
    """"extended the deadline … to April 30": a "to"/"until" phrase with a time, in the cue's clause."""
    out = []
    for p in cue.subtree:
        if p.dep_ == "prep" and p.lower_ in ("to", "until", "till"):
            lo, hi = p.idx, p.right_edge.idx + len(p.right_edge.text)
            if any(lo <= t.span[0] and t.span[1] <= hi for t in ctx.times):
                out.append(p)
    return out


def extension_due(ctx: Context, cue: Token, duration: Optional[Token] = None) -> Optional[str]:
    """The new due date an extension cue gives: more time granted ("gave Russia two more weeks",
    `duration`), an amount ("by two weeks"), a time in the clause, or "to April 30"."""
    anchor = anchor_of(ctx, cue)
    if duration is not None:
        text = clause_text(duration.subtree)
        return due_of_text(text, anchor) if not _VAGUE.search(text) else None
    amount = amounts(cue)
    if amount:      # "by two weeks": counted from the day the extension is reported
        return due_of_text(clause_text(amount[0].subtree), anchor)
    new_due = due_in(ctx, [cue], None, cue)
    for p in ([] if new_due else new_due_preps(ctx, cue)):
        new_due = new_due or due_of_text(clause_text(p.subtree), anchor)
    return new_due


# Modifiers of a trigger that say when it was made ("agreed in 2015", "a 2015 deal", "Under a 2015 deal,
# Iran agreed"): not its due date (due_preps) and not a clause of its own.
_WHEN_DEPS = ("prep", "npadvmod", "nummod", "compound", "amod", "nmod")


def made_in_an_earlier_year(ctx: Context, heads: Iterable[Optional[Token]]) -> bool:
    """The commitment was made in a year before the one the article is published in ("In 2015, Iran agreed
    to limit its enrichment", "signed a 2015 accord", "agreed last year to ..."): history the article
    recalls, not news; the record of it is the one made then (codebook: a commitment is recorded when it is
    made or reported as made). A time in its own modifiers, not in its due phrase or its content; a year, so
    that "in December" told in January (the news of a month ago) stays news."""
    if ctx.published is None:
        return False
    spans = []
    for h in heads:
        if h is None:
            continue
        for c in h.children:
            if c.dep_ in _WHEN_DEPS and not (c.dep_ == "prep" and c.lower_ in ctx.lex.due_preps):
                spans.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
    for t in ctx.times:
        if t.type != "DATE" or not re.match(r"\d{4}", t.value or ""):
            continue
        if not (re.fullmatch(r"\d{4}", t.value) or re.search(r"\b\d{4}\b", t.text)):
            continue        # a year named or counted ("in 2015", "last year"), not "in December" read in January
        if int(t.value[:4]) < ctx.published.year and any(lo <= t.span[0] and t.span[1] <= hi for lo, hi in spans):
            return True
    return False
