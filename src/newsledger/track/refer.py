"""Does a later article report on a tracked commitment, and what does it say became of it?

A follow-up rarely repeats the first report's words or names a status. It names the same sides, tells
the promised act in other words, points back ("the deadline", "its pledge", "the systems pledged by
Germany"), or names the due date; and it tells what happened ("were handed over", "the target passed
without a deal", "gave China two more weeks"). `reference(commitment, article)` reads an article's
stored record (text, actors and their mentions, times, events, statements) sentence by sentence and
returns a Reference (score, stance, new due, the sentence it rests on) or None.

Pure functions over dicts: no store, no parser (the linker feeds it rows and records). The sentences
and what sits in them are track/sentences.py's; the promised act and its being done, track/acts.py's;
due words and an extension's new due, track/dues.py's.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..dates import end_date
from ..lexicons.commitments import load_lexicon
from ..records import STATE_SIDE_TYPES
from . import cues, negative, refusal, told_alone
from .acts import (THING_FAMILIES, act_codes, acts_of, arrived, code_fits, done_act, is_act, not_done, only_part,
                   gives_other, other_given_at, promise_trigger, promised_things, receipt_fits, purpose_begun,
                   purposes_of, shared_score, trigger_word, verb_set)
from .demands import demands_another_thing, long_past, with_demand
from .dues import dated_months, new_due, shift_days, told_before, without_due
from .owed import owed_until
from .reports import left_undone, reported_once
from .near_due import dated_at_due, fate_told
from .match import ActorInfo, content_words, kinds_compatible, made_by, names_apart, stem
from .match import names_side as _names_side, side_words as _side_words
from .sentences import TOKEN, Sentence, names_actor, sentences_of
from .sides import is_party, on_side, place_unnamed_voices

__all__ = ["Reference", "THRESHOLD", "WINDOW_DAYS", "is_party", "on_side", "reference", "restates"]

# A reference needs this much (0..1): content alone (most of the promised act's words, or its act in
# other words), or some content with a back-reference, the due date or both sides in one sentence.
THRESHOLD = 0.5
# How long after it was made a commitment is still looked for in the news (days past its due date,
# or past the day it was made when it has none).
WINDOW_DAYS = 400

_ULTIMATUM_GROUP = told_alone.ULTIMATUM_GROUP     # ultimatum, deadline, threat: one group


@dataclass
class Reference:
    score: float
    stance: str
    span: Optional[tuple[int, int]]
    due: Optional[str] = None
    note: str = ""


@functools.lru_cache(maxsize=64)
def _kind_nouns(kind: str) -> frozenset[str]:
    lex = load_lexicon()
    group = lex.group_of(kind)
    words = {n for n, e in lex.nouns.items() if e.get("kind") in group}
    key = "ultimatum" if group & _ULTIMATUM_GROUP else "pledge"
    words |= set(cues.REFERRING_NOUNS[key])
    return frozenset(stem(w) for w in words)


# Participles pointing back at a commitment, by kind group: what a pledge is ("the systems pledged by
# Germany", "they had promised") and what an ultimatum is ("the cutoff he set in March", "the deadline
# given last month"); the other group's verbs name something else.
_BACKREF_VERB = {
    "pledge": re.compile(r"\b(?:pledged|promised|guaranteed|agreed|announced)\s+(?:by|in|last|earlier)\b|"
                         r"\b(?:it|they|he|she) (?:had )?(?:promised|pledged|said it would)\b|"
                         # the commitment's own verb denied ("never agreed to move its soldiers", "had not
                         # promised to"), as "no such promise" denies the noun
                         r"\b(?:never|not|n't)\s+(?:agreed|promised|pledged|guaranteed|committed)\s+to\b", re.I),
    "ultimatum": re.compile(r"\b(?:set|announced|threatened|ordered|demanded|given|imposed)\s+(?:by|in|last|earlier)\b|"
                            r"\b(?:it|they|he|she) (?:had )?(?:threatened|set|demanded)\b|" + cues.TIME_GIVEN, re.I),
}


def _points_back(sentence: str, nouns) -> bool:
    """A participle of the kind group of `nouns` (_kind_nouns) points back at a commitment in the sentence."""
    return bool(_BACKREF_VERB["ultimatum" if stem("deadline") in nouns else "pledge"].search(sentence))


def _backref(sentence: str, nouns: set[str], toks: Optional[list[str]] = None) -> bool:
    """A definite or possessive phrase naming a commitment of this kind, or a participle pointing back
    at one ("the systems pledged by Germany")."""
    if _points_back(sentence, nouns):
        return True
    toks = [t.lower() for t in TOKEN.findall(sentence)] if toks is None else toks
    for i, tk in enumerate(toks):
        if stem(tk) in nouns:
            before = toks[max(0, i - 4):i]
            if any(re.fullmatch(cues.DETERMINERS, b) for b in before):
                return True
            if before and before[-1] == "no" or before[-2:] == ["no", "such"]:
                return True     # "gave Serbia no guarantee", "there is no such promise": a denial of one
    return False


def _named_apart(s: Sentence, nouns: set[str], content: str) -> bool:
    """Every definite or possessive phrase of the sentence naming a commitment of this kind carries a name
    the commitment's content does not ("its Mozambique LNG project" read for a plant in Antwerp): they point
    at another one. Not when a participle points back ("the plant promised in January")."""
    if _points_back(s.text, nouns):
        return False
    toks = TOKEN.findall(s.text)
    own = {t.lower() for t in TOKEN.findall(content)}
    phrases = 0
    for i, tk in enumerate(toks):
        if stem(tk.lower()) not in nouns:
            continue
        dets = [k for k in range(max(0, i - 4), i) if re.fullmatch(cues.DETERMINERS, toks[k].lower())]
        if not dets:
            continue
        phrases += 1
        inside = toks[dets[-1] + 1:i]
        if not any(w[0].isupper() and w.lower() not in own for w in inside):
            return False
    return phrases > 0


def _named_again(infos: dict[str, ActorInfo], text: str, actor: str) -> bool:
    """`text` names the actor by its id's words, capitalized ("Intel"), or, for a group told by a description
    rather than a name ("the 1,200 families displaced by the mine"), by the same words in any case."""
    if names_actor(text, actor):
        return True
    info = infos.get(actor)
    if info is None or info.type != "group" or len(actor) < 4:
        return False
    return bool(re.search(r"\b%s\b" % r"[\s,\-]+".join(re.escape(p) for p in actor.split("-")), text, re.I))


def _introduces(sentence: str, nouns: set[str], toks: Optional[list[str]] = None) -> bool:
    """The sentence brings in a new one of these ("signed an agreement", "a new deal")."""
    toks = [t.lower() for t in TOKEN.findall(sentence)] if toks is None else toks
    for i, tk in enumerate(toks):
        if stem(tk) in nouns and any(b in ("a", "an", "new") for b in toks[max(0, i - 3):i]):
            return True
    return False


# Kept out of a commitment's act words besides the lexicon's stop list: answer and switch words that
# name no act.
_MORE_STOP = frozenset({"on", "off", "yes", "no", "y", "n"})


def reference(c: dict, record: dict, infos: dict[str, ActorInfo], *, date: Optional[str] = None,
              sents: Optional[list[Sentence]] = None) -> Optional[Reference]:
    """How `record` (a later article) bears on commitment `c` (holder, counterparty, kind, content,
    due, date, article), or None when it does not report on it."""
    aid = (record.get("article") or {}).get("id")
    if aid == c.get("article"):
        return None
    if date and c.get("date") and date < c["date"]:
        return None
    sents = sentences_of(record) if sents is None else sents
    if (c.get("kind") or "") == "threat" and any(_backref(s.text, _kind_nouns("threat"), s.tokens) for s in sents):
        c = with_demand(c)      # the threat pointed back at ("before the union's deadline"): its demand's act
    made = c.get("date") or ""
    dated = dated_months((record.get("article") or {}).get("text") or "", date)
    if dated and len(made) >= 7 and all(ym < (int(made[:4]), int(made[5:7])) for ym in dated):
        return None     # it reports on one made before this commitment was ("pledged ... in July")
    holder, cp = c.get("holder"), c.get("counterparty")
    present = {a["id"] for a in record.get("actors") or []}
    # a side the follow-up names but its extraction did not find as an actor ("Intel no longer intends")
    for x in (holder, cp):
        if x and x not in present and _named_again(infos, (record.get("article") or {}).get("text") or "", x):
            present.add(x)
            for s in sents:
                if _named_again(infos, s.text, x):
                    s.actors.add(x)
    place_unnamed_voices(sents, holder, cp, present, infos)
    cp_present = bool(cp) and any(on_side(a, cp, infos) for a in present)
    # the receiving side may tell alone that it got what was promised ("Air India took delivery of its
    # twelfth A350"); without the holder's side nothing else it says bears on the commitment
    receiver_only = not any(on_side(a, holder, infos) for a in present)
    if receiver_only and not cp_present:
        return None
    # the sides' names (and every country's) are no act words; other actors' names may be ("canola")
    sides_of_c = frozenset(_side_words({holder, cp}, infos))
    names = set(sides_of_c) | _side_words({a.id for a in infos.values() if a.type == "country"}, infos)
    # and the words the follow-up names a country or a side by ("Beijing" for China)
    text = (record.get("article") or {}).get("text") or ""
    for a in record.get("actors") or []:
        info = infos.get(a["id"])
        if a["id"] in (holder, cp) or (info is not None and info.type == "country"):
            for lo, hi in a.get("mentions") or []:
                # an abbreviation names a side too ("US tariffs" is no word of "fees on US ports")
                names |= {t.lower() for t in TOKEN.findall(text[lo:hi]) if len(t) >= 4 or t.isupper()}
    def act_words(text: str) -> frozenset[str]:
        return frozenset(w for w in content_words(without_due(text)) if w not in _MORE_STOP
                         and w not in names and not _names_side(w, names))

    cwords = act_words(c.get("content") or "")
    if len(cwords) < 2 and c.get("context"):
        # a content that only names a side or a kind ("Hungary", "the deal"): read the sentence it
        # was stated in instead
        cwords = act_words(c["context"])
    if not cwords:
        return None
    nouns = _kind_nouns(c.get("kind") or "pledge")
    denom = max(3, min(len(cwords), 6))
    due = c.get("due")
    all_words = frozenset().union(*(s.words for s in sents)) if sents else frozenset()
    article_content = min(1.0, shared_score(cwords, all_words) / max(4, min(len(cwords), 8)))
    scored = []
    acts = acts_of(c.get("content") or "")
    promised, receiver = _promised(c, infos)
    doer, owed = _doer(c)
    types = act_codes(c.get("content") or "")
    numbers = {w for w in cwords if w.startswith("#")}
    at_due = dated_at_due(date, due)
    for s in sents:
        if "makers" not in s.seen:
            s.seen["makers"] = made_by(s.text, s.mentions)
        makers = s.seen["makers"]
        if makers and all(is_party(x, infos) and not on_side(x, holder, infos) for x in makers):
            scored.append((0.0, s, False))      # it points back at another's ("the date set by Ruto", of the
            continue                            # union's ultimatum): the maker named holds what it is about
        shared = shared_score(cwords, s.words)
        content = min(1.0, shared / denom)
        if "numbers" not in s.seen:     # a day of a date is no quantity ("to July 1" beside "150 million euros");
            kept = content_words(without_due(s.text))      # a year is still read against a year ("in 1916")
            s.seen["numbers"] = {w for w in s.words if w.startswith("#") and (w in kept or re.fullmatch(r"#\d{4}", w))}
        other = s.seen["numbers"]
        if numbers and other and not numbers & other and not re.search(cues.BEYOND_TARGET, s.text, re.I):
            content *= 0.5      # "137,000 barrels a day" is not the pledge of "9.8 million barrels a day"
        elif content and names_apart(c.get("content") or "", s.text, sides_of_c, disjoint=False):
            content *= 0.5      # "737 MAX 8 jets" is not the pledge of "the first 737 MAX 10"
        elif content > 0 and gives_other(s, acts, promised):
            content *= 0.5      # "delivered two 737 MAX simulators" is not the promise of 737 MAX jets
        key = c.get("kind") or "pledge"
        if key not in s.seen:       # the same sentence is read for many commitments of a kind
            # a participle pointing back ("the timetable agreed in January") holds even beside a new
            # indefinite one ("talks on a trade agreement"); a definite noun phrase does not
            s.seen[key] = _points_back(s.text, nouns) or (_backref(s.text, nouns, s.tokens)
                                                          and not _introduces(s.text, nouns, s.tokens))
        back = s.seen[key] and not _named_apart(s, nouns, c.get("content") or "")
        due_named = bool(due) and any(tm.get("value") and (tm["value"] == due or end_date(tm["value"]) == end_date(due))
                                      for tm in s.times)
        # the period holding the due date ("by late October" of a due on October 24) points at it less
        due_near = not due_named and bool(due) and any(
            tm.get("value") and len(tm["value"]) >= 7 and len(tm["value"]) < len(due) and due.startswith(tm["value"])
            for tm in s.times)
        own = any(on_side(a, holder, infos) for a in s.actors)
        sides = own + (bool(cp) and any(on_side(a, cp, infos) for a in s.actors))
        # a back-reference counts in full where the sentence names a side and a word of the act ("the
        # systems pledged by Germany"); "its plan" of some other actor's sentence, or one sharing only an
        # act of the same family ("BMW has dropped its plan", beside "US tariffs", of a US pledge to
        # suspend fees), is weaker
        # the report dated within days of the due date, naming a side and words of the act with a word of what
        # became of it (a status word, or the act itself in its own or its family's words), points at it as naming
        # the period of the due does ("will not get their refunds until June 15", five days before the end-April
        # due; "have now received it"): the news of a commitment met, missed or put back comes as its date arrives
        dated_near = at_due and not (due_named or due_near) and content > 0 and bool(sides) and fate_told(s, acts)
        val = 0.6 * content + (0.25 if back and shared >= 1 and sides else 0.1 if back else 0) \
            + (0.2 if due_named else 0.1 if due_near or dated_near else 0) + 0.05 * sides
        told = reported_once(s, c.get("content") or "", cwords) if content > 0 and sides else frozenset()
        if content > 0 and (_done_by(s, acts, doer, infos, types, owed, promised) or (
                any(on_side(a, doer, infos) for a in s.actors) and done_act(s, acts, promised))
                or (sides and arrived(s, promised, receiver)) or "met" in told):
            val += 0.15     # an event of the side that owes the act, the act itself ("after Caracas freed them"),
                            # or the act told done beside that side ("Lukoil signed an agreement to sell")
        if content > 0 and own:     # the holder's side and the act, with what became of it ("no longer intends to")
            if "fate" not in s.seen:     # or that it still stands ("is on track to clear the water debt")
                s.seen["fate"] = bool(cues.status_cues(s.text) & (_SETTLING | {"confirm"}))
            if (s.seen["fate"] or "withdrawn" in told) and not _told_of_another(s, holder, cp, infos):
                val += 0.1
        # a sentence about the sides that names the act or the commitment also tells its fate
        about = bool(sides) and (back or shared > 0 or bool(s.words & nouns))
        scored.append((val, s, about))
    best = max((v for v, _, _ in scored), default=0.0)
    score = best + 0.25 * article_content + (0.05 if cp_present else 0)
    if score < THRESHOLD:
        return None
    if cp and not cp_present and _with_third_party(record, holder, cp, infos):
        return None     # an act of the holder with another country ("Japan and the Philippines signed")
                        # is not the one owed to the counterparty (Indonesia)
    if receiver_only and _with_third_party(record, cp, holder, infos):
        return None     # the other side with a third country ("Canada and China agreed to set up a working
                        # group"), the holder's side absent: what those two did, not what the holder owes
    if cp and not cp_present and _owed_by_another(record, c, infos):
        return None     # the follow-up sets or moves the holder's own deadline for someone else ("extended
                        # by 60 days the deadline for Lukoil"): that one, not the one owed by the counterparty
    relevant = [s for v, s, about in scored if v >= max(0.25, 0.5 * best) or about]
    sided = [s for _, s, _ in scored if any(on_side(a, holder, infos) or on_side(a, cp, infos) for a in s.actors)]
    stance, where = _stance(c, relevant, sided, infos=infos, own_words=cwords, date=date)
    # of an ultimatum or a deadline the act is the other side's: it may tell alone that it failed to act by the
    # deadline or that it was given more time (told_alone.py)
    if receiver_only and stance != "met" and not told_alone.other_side_may_tell(stance, c.get("kind") or "", where):
        return None
    if stance == "met":
        # the act told done for some and put off to a later day for the rest ("the other 250,000 have already
        # been paid back" beside "50,000 will not get their refunds until June 15"): not done yet, more time
        alt, at = _stance(c, relevant, sided, skip={"met", "missed", "withdrawn", "denied"}, infos=infos,
                          own_words=cwords, date=date)
        if alt == "extended" and at is not None and at is not where and new_due([at], due, date):
            stance, where = alt, at
    later = new_due([where], due, date) if stance == "extended" and where else None
    if stance == "extended" and later is None:
        # more time with no new time in its sentence ("accused the other side of delaying") is no
        # extension: read the rest
        stance, where = _stance(c, relevant, sided, skip={"extended"}, infos=infos, own_words=cwords, date=date)
    base = where or max(scored, key=lambda x: x[0])[1]
    if cp and not cp_present and _for_another_state(base, holder, cp, infos):
        return None     # the holder's side and another state in the sentence it rests on, the counterparty
                        # named nowhere ("put back the payment it had lined up for Egypt", of an EU deadline
                        # to Meta): it reports on the holder's dealings with that state
    span = base.span
    ref = Reference(round(min(score, 1.0), 3), stance, span)
    if stance == "extended":
        ref.due = later
    return ref


def _done_by(s: Sentence, acts: frozenset[str], doer: Optional[str], infos: dict[str, ActorInfo],
             types: frozenset[str] = frozenset(), owed: Optional[str] = None, promised=None) -> bool:
    """The sentence has an event (not negated, not hypothetical) whose source is on the side that owes
    the act and whose trigger is the promised act or of its family, or whose code is of the promised
    act's type (acts.act_codes, code_fits) and whose target, where it has one, is not a third side
    (`owed`: the side the act is owed to): the extraction read the act done by that side ("Caracas freed
    them", "Japan and the United States signed a trade agreement", "Norway handed over the supplies")."""
    if not (acts or types) or not doer:
        return False
    for ev in s.events:
        if not _done_from(ev, doer, infos):
            continue
        if promised is not None and other_given_at(s, ev, promised):
            continue        # "delivered 50 tanks": military aid as the promised missiles are, other goods
        trig = trigger_word(ev)
        if trig and acts and is_act(trig, acts):
            return True
        if code_fits(ev.get("code"), types) and not promise_trigger(ev) and not _to_third_side(ev, doer, owed, infos):
            return True
    return False


def _done_from(ev: dict, side: Optional[str], infos: dict[str, ActorInfo]) -> bool:
    """The event's record tells it done (acts.not_done) and its source is on `side`."""
    return not not_done(ev) and bool(ev.get("source")) and on_side(ev["source"], side, infos)


def _to_third_side(ev: dict, doer: Optional[str], owed: Optional[str], infos: dict[str, ActorInfo]) -> bool:
    """The event's target, where it has one, is on neither side of the act (the one that owes it, the one
    it is owed to): the act done for someone else."""
    target = ev.get("target")
    return bool(doer and owed and target) and not on_side(target, doer, infos) and not on_side(target, owed, infos)


def _received_by(s: Sentence, types: frozenset[str], owed: Optional[str], doer: Optional[str],
                 infos: dict[str, ActorInfo]) -> bool:
    """The side the act is owed to tells it received, as an event of the act's receipt code (acts.receipt_fits:
    "Lebanon received the 500 Indonesian peacekeepers", 0861, of a pledge to send them, 074) whose record
    says it is done and whose source is on that side; where it names whom from, that is the side that owes it."""
    if not types or not owed:
        return False
    return any(_done_from(ev, owed, infos) and receipt_fits(ev.get("code"), types)
               and not _to_third_side(ev, doer, owed, infos) for ev in s.events)


def restates(new: dict, old: dict, infos: dict[str, ActorInfo], date: Optional[str]) -> bool:
    """A later report's commitment that is an earlier one said again in other words ("remained on course
    to hand Air India its dozen A350s" after "promised to deliver all 12 A350 jets to Air India"): the
    same holder's side, a compatible kind, no other counterparty, an act of the same family done to a
    thing they both name, and made while the first is still owed (by its due date and two weeks after,
    or within RESTATED_DAYS of it when it has none). It is evidence on the first, not a new commitment."""
    if not (new.get("holder") and on_side(new["holder"], old.get("holder"), infos)):
        return False
    if not kinds_compatible(new.get("kind") or "pledge", old.get("kind") or "pledge"):
        return False
    if new.get("counterparty") and old.get("counterparty") and not on_side(new["counterparty"], old["counterparty"], infos):
        return False
    made = old.get("date") or ""
    if not date or not made or date < made:
        return False
    limit = owed_until(old.get("due")) or shift_days(made, RESTATED_DAYS)
    if limit and date > limit:
        return False
    fam_new = cues.families(verb_set(acts_of(new.get("content") or ""))) - THING_FAMILIES
    fam_old = cues.families(verb_set(acts_of(old.get("content") or ""))) - THING_FAMILIES
    if not fam_new & fam_old:
        return False
    sides = frozenset(_side_words({new.get("holder"), new.get("counterparty"), old.get("holder"),
                                   old.get("counterparty")}, infos))
    names = set(sides) | _side_words({a.id for a in infos.values() if a.type == "country"}, infos)
    if names_apart(new.get("content") or "", old.get("content") or "", sides):
        return False        # the same act on another named plant or product ("Belvidere" / "Mirafiori")

    def things(text: str) -> frozenset[str]:
        return frozenset(w for w in content_words(without_due(text)) if w not in _MORE_STOP
                         and not _names_side(w, names) and not cues.families({w}))
    a, b = things(new.get("content") or ""), things(old.get("content") or "")
    na, nb = {w for w in a if w.startswith("#")}, {w for w in b if w.startswith("#")}
    if na and nb and not na & nb:
        return False        # "3 billion" and "5 billion": two pledges
    return bool({w for w in a & b if not w.startswith("#")})


# How long after a commitment with no due date a restatement of it is still read as one (days).
RESTATED_DAYS = 90
# "X and Y", "X, Y", "X and the pilots' union Y": two parties joined, the second perhaps described (lower-case
# words, no name) before its name
_JOINED = re.compile(r"^\s*(?:and|,)\s+(?:the\s+)?(?:[a-z][\w'\u2019-]*\s+){0,3}$")


def _owed_by_another(record: dict, c: dict, infos: dict[str, ActorInfo]) -> bool:
    """The follow-up states a commitment of the same kind, held by the holder's side, whose counterparty
    is named and on another side than `c`'s: it reports on that commitment."""
    holder, cp, kind = c.get("holder"), c.get("counterparty"), c.get("kind") or "pledge"

    def state(x: Optional[str]) -> Optional[str]:
        info = infos.get(x) if x else None
        return info.country if info is not None and info.type in STATE_SIDE_TYPES else None

    if any(is_party(o.get("counterparty"), infos) and kinds_compatible(o.get("kind") or "pledge", kind)
           and (on_side(o.get("holder"), holder, infos)
                or (state(o.get("holder")) is not None and state(o.get("holder")) == state(holder)))
           and not on_side(o["counterparty"], cp, infos)
           for o in record.get("commitments") or []):
        return True
    if kind not in _ULTIMATUM_GROUP:
        return False
    # the deadline named as another party's ("The deadline the Commission set for Meta lapsed"), though
    # no commitment is stated there: of that party's deadline it tells
    text = (record.get("article") or {}).get("text") or ""
    return any(is_party(a["id"], infos) and not on_side(a["id"], cp, infos) and not on_side(a["id"], holder, infos)
               and _DEADLINE_FOR.search(text[max(0, lo - 80):lo])
               for a in record.get("actors") or [] for lo, _ in a.get("mentions") or [])


# "The deadline the Commission set for Meta", and "the date by which Microsoft must ...": the party named there
# owes what the deadline asks.
_DEADLINE_FOR = re.compile(r"\b(?:deadline|ultimatum|cut-?off)\b(?: [\w'-]+){0,6}? for (?:the )?$|"
                           r"\b(?:deadline|date|day|time)\s+by\s+which\s+(?:the\s+)?$", re.I)


def _for_another_state(s: Sentence, holder: str, cp: str, infos: dict[str, ActorInfo]) -> bool:
    """The sentence names a state (a country or its government) on neither side and not the home
    country of either (Denmark beside Maersk is no other party)."""
    homes = {i.country for i in (infos.get(holder), infos.get(cp)) if i is not None and i.country}
    for a in s.actors:
        info = infos.get(a)
        if info is not None and info.type in ("country", "government") and info.country not in homes \
                and not on_side(a, holder, infos) and not on_side(a, cp, infos):
            return True
    return False


def _with_third_party(record: dict, holder: str, cp: str, infos: dict[str, ActorInfo]) -> bool:
    """The article coordinates the holder's side with a country on neither side ("Japan and the
    Philippines signed ..."): the two are the parties of what it reports."""
    text = (record.get("article") or {}).get("text") or ""
    own, third = [], []
    for a in record.get("actors") or []:
        info = infos.get(a["id"])
        if on_side(a["id"], holder, infos):
            own += a.get("mentions") or []
        elif info is not None and _third_party(info, infos.get(holder)) and not on_side(a["id"], cp, infos):
            third += a.get("mentions") or []
    return any(_JOINED.match(text[x[1]:y[0]]) for a, b in ((own, third), (third, own))
               for x in a for y in b if x[1] <= y[0])


_BODIES = ("organization", "group")


def _third_party(info: ActorInfo, side: Optional[ActorInfo]) -> bool:
    """An actor that can be the other party of what the side did: a country, or, beside a company or a union,
    another body ("Lufthansa and the pilots' union Vereinigung Cockpit reached an agreement")."""
    return info.type == "country" or (side is not None and side.type in _BODIES and info.type in _BODIES)


_SETTLING = {"missed", "withdrawn", "met", "extended", "denied"}
_ORDER = ("missed", "withdrawn", "met", "extended", "denied", "confirm", "unconfirmed")


def _told_of_another(s: Sentence, holder: Optional[str], cp: Optional[str], infos: dict[str, ActorInfo]) -> bool:
    """The sentence's status words are the trigger of an event whose doer is on neither side ("BMW has
    dropped its plan ..., blaming ... US tariffs" read for a US commitment): what became of another's plan.
    Only where both sides are known: of an agreement with no counterparty the other signatory may be anyone."""
    if not holder or not cp:
        return False
    spans = s.seen.get("status_spans")
    if spans is None:   # the same sentence is read for every candidate commitment: find its status words once
        spans = s.seen["status_spans"] = [m.span() for pats in cues.STATUS_PATTERNS.values() for p in pats
                                          for m in p.finditer(s.text)]
    if not spans:
        return False
    base = s.span[0]
    doers = []
    for ev in s.events:
        sp = (ev.get("trigger") or {}).get("span")
        if ev.get("source") and sp and any(lo < sp[1] - base and sp[0] - base < hi for lo, hi in spans):
            doers.append(ev["source"])
    return bool(doers) and not any(on_side(d, holder, infos) or on_side(d, cp, infos) for d in doers)


def _before_due(due: Optional[str], date: Optional[str]) -> bool:
    """The report is dated on or before the last day of the due date: an act it tells not done is still owed
    (codebook: missed is the date gone by without the act)."""
    last = end_date(due) if due else None
    return bool(last and date and date[:10] <= last)


def _done_by_another(s: Sentence, start: int, c: dict, infos: dict[str, ActorInfo], third: bool = False) -> bool:
    """The side named last before `start` in its clause ("..., and the plaintiffs agreed to drop their lawsuits")
    is not the holder's, nor, of an agreement or where `third` asks for a side on neither, the other party's: the
    act at `start` is another side's (codebook: withdrawn is the holder giving the commitment up; either party
    leaves an accord; met is the act done, whoever tells it, not a third side's word kept)."""
    both = third or (c.get("kind") or "") == "agreement"
    if both and not c.get("counterparty"):
        return False    # an accord of parties not all known ("Mali and Niger agreed"): any may be one of them
    parties = [p for p in (c.get("holder"), c.get("counterparty")) if p] if both else [c.get("holder")]
    lo = cues.clause_start(s.text, start)
    named = [m for m in s.mentions if lo <= m[0] and m[1] <= start]
    return bool(named and parties) and not any(on_side(max(named)[2], p, infos) for p in parties)


def _own_denied(s: Sentence, words: str, c: dict, infos: dict[str, ActorInfo]) -> bool:
    """A denial told of another side than the commitment's (_done_by_another) that names no commitment ("it had no
    such plans"; not "received no commitment"): that side's own doings denied (codebook: denied is the commitment)."""
    at = s.text.find(words)
    nouns = _kind_nouns(c.get("kind") or "pledge")
    return not any(stem(t) in nouns for t in TOKEN.findall(s.text[at:])[:len(words.split()) + 3]) \
        and _done_by_another(s, at, c, infos)


def _doer(c: dict) -> tuple[Optional[str], Optional[str]]:
    """Who owes the act and to whom: the holder of a pledge to its counterparty; the other side of an
    ultimatum or a deadline to its holder."""
    holder, cp = c.get("holder"), c.get("counterparty")
    return (cp, holder) if (c.get("kind") or "") in _ULTIMATUM_GROUP and cp else (holder, cp)


def _promised(c: dict, infos: Optional[dict[str, ActorInfo]]):
    """The promised thing (acts.promised_things, the sides' names left out) and a reader of whether a
    text names the side it is owed to: the counterparty of a pledge, the holder of an ultimatum."""
    sides = frozenset(_side_words({c.get("holder"), c.get("counterparty")}, infos or {}))
    _, owed = _doer(c)
    return promised_things(c.get("content") or "", sides), (lambda t: names_actor(t, owed)) if owed else None


def _stance(c: dict, relevant: list[Sentence], sided: list[Sentence],
            skip: frozenset = frozenset(), infos: Optional[dict[str, ActorInfo]] = None,
            own_words: Optional[frozenset[str]] = None, date: Optional[str] = None) -> tuple[str, Optional[Sentence]]:
    """What the relevant sentences say became of the commitment (the most decisive wins); status words
    count also in the other sentences that name one of its sides ("Apple has now complied"), not where an
    actor on neither side is the one they are told of (_told_of_another)."""
    acts = acts_of(c.get("content") or "")
    purposes = purposes_of(c.get("content") or "")
    promised, receiver = _promised(c, infos)
    types = act_codes(c.get("content") or "")
    doer, owed = _doer(c)
    act_met, undone = negative.outcomes(c.get("content") or "")     # swapped for a denied act ("not to cut jobs")
    found: dict[str, Sentence] = {}
    for s in relevant + [x for x in sided if x not in relevant]:
        # status words told of a side on neither (_told_of_another) say nothing of this commitment; an act
        # told done in the same sentence still does ("X signed the settlement ..., which Y had not agreed to")
        another = infos is not None and _told_of_another(s, c.get("holder"), c.get("counterparty"), infos)
        earlier = told_before(s, c.get("date"))     # an act of before the commitment ("sent ... in 2023")
        for k, words in ({} if another else cues.status_matches(s.text)).items():
            if k == "withdrawn" and acts and all(is_act(w.split()[0], acts) for w in words):
                continue    # "withdrew 40 percent of its guns" under a pledge to withdraw them: the act
            if k == "withdrawn" and all(cues.attributive(s.text, s.text.find(w), _kind_nouns(c.get("kind") or "pledge"))
                                        for w in words):
                continue    # "passengers on cancelled flights": a participle naming a thing, no fate of the commitment
            if k == "met" and all(cues.foretold(s.text, s.text.find(w)) for w in words):
                continue    # "Turkey will fulfil its obligations under the accord": to come, not reported done
            if k == "missed" and _before_due(c.get("due"), date) and all(cues.NEGATION.search(w) for w in words):
                continue    # "has not lifted its tariffs, a week before the deadline": still owed, the date to come
            if k == "withdrawn" and all(cues.told_only_as_possible(s.text, s.text.find(w)) for w in words):
                continue    # "could close the plant if governments cancel their orders", "to sign or have its
                            # permit revoked": a withdrawal only possible, conditional or threatened, none told
            if k == "withdrawn" and infos is not None and all(
                    _done_by_another(s, s.text.find(w), c, infos) for w in words):
                continue    # "the plaintiffs agreed to drop their lawsuits": another side gives something up
            if k == "met" and infos is not None and all(_done_by_another(s, s.text.find(w), c, infos, True)
                                                        for w in words):
                continue    # "Norway has always kept its word to Ukraine" of Germany's pledge: a third side's word
            if k == "denied" and infos is not None and all(_own_denied(s, w, c, infos) for w in words):
                continue    # "after Helsinki said it had no such plans", beside Moscow's threat: its own plans
            if k == "withdrawn" and all(cues.HELD_FOR_A_TIME.search(s.text[s.text.find(w) + len(w):])
                                        for w in words):
                continue    # "will not be imposed while talks continue": held off for a time, not given up
            if k == "extended" and all(cues.NEGATION.search(s.text[max(0, s.text.find(w) - 90):s.text.find(w)])
                                       for w in words):
                continue    # "has never accepted that the troops remain for another day": more time refused
            if k == "extended" and all(cues.GIVEN_UNTIL_RE.fullmatch(w) for w in words) and (
                    long_past(c.get("due"), date) or demands_another_thing(s.text, c)):
                continue    # "gave TikTok until July 1 to hand over ..." months after the February deadline ran
                            # out, or "gave the Delhi government until August 31 to put electric buses on all its
                            # routes" of a deadline to shut brick kilns: the words that set any deadline, a new
                            # demand, not more time on the old one
            found.setdefault(k, s)
        for st in ([] if another else s.statements):
            kind = st.get("kind")
            if kind == "denial" and not st.get("negated") and not cues.TURNED_DOWN.search(s.text):
                found.setdefault("denied", s)
            elif kind == "confirmation":
                found.setdefault("unconfirmed" if st.get("negated") else "confirm", s)
        if act_met not in found and s in relevant and not earlier and (done_act(s, acts, promised)
                                                                       or purpose_begun(s, purposes)):
            found[act_met] = s
        if act_met not in found and infos is not None and not only_part(s.text) and not earlier \
                and (_done_by(s, frozenset(), doer, infos, types, owed, promised)
                     or _received_by(s, types, owed, doer, infos)):
            found[act_met] = s  # an event of the promised act's type done by the side that owes it, or received
        if act_met not in found and not earlier and arrived(s, promised, receiver):
            found[act_met] = s  # the promised thing reached the other side ("the money reached Argentina's central bank")
        if s in relevant:
            for told in reported_once(s, c.get("content") or "", own_words):
                if not (earlier and told == "met"):
                    found.setdefault(act_met if told == "met" else told, s)     # the act told in words of its kind
                # ("lawmakers voted to cut ...", "is laying off ... the workers" of a hiring pledge): reports.py
            if left_undone(s, acts, c.get("due"), date):
                found.setdefault(undone, s)   # "has yet to deliver" once the date has gone by
        # the holder's side denying its act to come ("will not build") or telling the one that undoes it ("would
        # keep operating in Brazil", of a threat to leave the market): the act's own verb, or its opposite, is
        # what ties the sentence to the commitment, so a sentence that names the holder's side counts too
        if infos is not None and (s in relevant or any(on_side(a, c.get("holder"), infos) for a in s.actors)) \
                and any(not _done_by_another(s, at, c, infos) for at in refusal.refused(s, acts, c.get("content") or "")):
            found.setdefault("withdrawn", s)
    if "confirm" in found and found.get("unconfirmed") is found["confirm"]:
        found.pop("confirm")        # "has not confirmed"
    if "withdrawn" in found and "extended" in found and found["withdrawn"] is found["extended"] \
            and "extended" not in skip:
        found.pop("withdrawn")      # "dropped the old date for a new one": more time, not an end
    for k in _ORDER:
        if k in found and k not in skip:
            return k, found[k]
    return "mention", None
