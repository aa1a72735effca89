"""Status cues: what later words say about a commitment found earlier.

"has not confirmed these assurances", "denied that …", "extended his deadline", "gave Russia a few
more weeks", "kept his promise", "reneged on", "walked back" (data: status_verbs, met_phrases) set
the status of the commitment they point at: the one in their clause, the latest compatible one for a
phrase referring back, or the latest whose content has the cue's object noun ("has not confirmed
the exchange"). The holder's state may speak for it: a country, its leader, spokesman or minister
(data: state_voice_roles). A settling cue with nothing earlier to point at ("Trump extended the
deadline for Iran by one week") gives a record of its own whose content only names the commitment;
tracking links such referring records by holder, counterparty and kind (track/match.py).
An extension also sets the new due date (due.extension_due).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .context import Context, Found
from .due import DURATION_NOUNS, amounts, extension_due, new_due_preps
from .modality import foretold, generic, hypothetical, negated
from ..grammar.syntax import PASSIVE_SUBJECT_DEPS, dominates, own_subject
from .syntax import OBJECT_DEPS, acting_subject, clause_text, infinitive, particle, sentence_span

# Determiners that make a noun point back at something the text already named.
_REFERRING_DETERMINERS = ("the", "this", "that", "these", "those")


def _targets(ctx: Context, cue: Token, found: list[Found], object_only: bool = False) -> list[Found]:
    """The commitments a cue points at: those triggered inside its clause, else the latest
    earlier one compatible with the noun it governs ("these assurances", "his deadline"), else
    the latest earlier one whose content has that noun ("has not confirmed the exchange")."""
    lo, hi = cue.left_edge.i, cue.right_edge.i
    inside = [] if object_only else [f for f in found if lo <= f.trigger.i <= hi and f.trigger.i != cue.i
                                     and dominates(cue, f.trigger)]
    inside += [f for f in found if f.trigger.i == cue.i or f.noun is not None and f.noun.head.i == cue.i]
    if inside:
        return inside
    objs = [c for c in cue.children if c.dep_ in (*OBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)]
    objs += [p for c in cue.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for obj in objs:
        lemma = obj.lemma_.lower()
        if lemma in ctx.lex.nouns:
            group = ctx.lex.group_of(ctx.lex.nouns[lemma]["kind"])
            earlier = [f for f in found if f.trigger.i < cue.i and f.group & group]
        elif obj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _REFERRING_DETERMINERS
                                        for c in obj.children):
            earlier = [f for f in found if f.trigger.i < cue.i and lemma in _content_lemmas(f)]
        else:
            continue
        if earlier:
            last = earlier[-1].trigger.i
            return [f for f in earlier if f.trigger.i == last]
    return []


def gerunds(verb: Token) -> list[Token]:
    """The gerunds a verb says go on ("will keep paying the salaries"): "keep" with a gerund says an act goes
    on (the act is the gerund's), not that a commitment is kept ("will keep its promise": a status verb
    with a commitment as object)."""
    return [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]


def _kept_thing(ctx: Context, verb: Token, lemma: str) -> bool:
    """A status verb that also acts on things (data: acts_on_things, "keep") with a thing as its object: "will
    keep all 2,800 jobs" promises the keeping, where "will keep its promise" is the status of a commitment
    (its object a commitment noun of the lexicon, or a pronoun pointing back)."""
    entry = ctx.lex.status_verbs.get(lemma) or {}
    if not entry.get("acts_on_things"):
        return False
    words = set(ctx.lex.nouns) | set(entry.get("not_things") or ())      # "kept his word", "its end of the bargain"
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objs) and all(o.pos_ in ("NOUN", "PROPN", "NUM") and o.lemma_.lower() not in words
                              and o.lower_ not in words for o in objs)


def acts_on_thing(ctx: Context, verb: Token, lemma: str) -> bool:
    """A status verb told of an act, not of a commitment: "will keep paying" (a gerund goes on), "will keep
    all 2,800 jobs" (a thing kept). Such a verb states the act promised (an agreement's terms, "Under the
    deal, Switzerland will keep paying ..."), never that a commitment was kept."""
    return bool(gerunds(verb)) or _kept_thing(ctx, verb, lemma)


def status_verb(ctx: Context, verb: Token) -> bool:
    """A verb of data status_verbs used as one: with the particle its entry asks for ("walked back his
    pledge"; "doctors will walk out" is no status of anything)."""
    entry = ctx.lex.status_verbs.get(verb.lemma_.lower())
    return entry is not None and (not entry.get("particle") or particle(verb) == entry["particle"])


def status_cue(ctx: Context, cue: Token, found: list[Found]) -> None:
    """A status verb ("confirmed", "denied", "extended", "kept", "reneged on") sets the status of
    the commitments it points at, when its subject may speak for their holder; with nothing to
    point at, a settling cue gives a record of its own that refers back."""
    lemma = cue.lemma_.lower()
    entry = ctx.lex.status_verbs.get(lemma)
    if entry is None:
        entry = {"status": "met", "by": "holder"}      # a met phrase: "made good on"
    elif not status_verb(ctx, cue):
        return
    elif acts_on_thing(ctx, cue, lemma):
        return      # "Under the deal, Switzerland will keep paying ...": the act agreed, no commitment kept
    if hypothetical(cue):
        return
    status = entry["status"]
    if status == "met" and foretold(cue):     # ("will meet", reported "would honour": codebook, met)
        return      # "Under the deal, Ethiopia will honour its contracts": the act foretold, not reported done
    if negated(cue):
        status = entry.get("negated")
        if not status:
            return
    pointed = _targets(ctx, cue, found, bool(entry.get("object_only")))
    if status == "extended":
        pointed = [f for f in pointed if f.group & {"deadline", "ultimatum"} or f.record.due]
    subj = acting_subject(cue)
    who = ctx.actors_of(subj) if subj is not None else []
    for f in pointed:
        if entry.get("by") == "holder" and who and not any(ctx.speaks_for(w, f.record.holder) for w in who):
            continue
        _set_status(ctx, f, status, cue)
    if not pointed and entry.get("by") == "holder" and who and status not in ("open", "unconfirmed"):
        found.extend(_referring(ctx, cue, status, who))


def _referring(ctx: Context, cue: Token, status: str, who: list[str]) -> list[Found]:
    """"Trump extended the deadline for Russia by two weeks" with no deadline earlier in the text:
    a record that refers back to one reported elsewhere. Its content is the commitment noun phrase;
    tracking links it by holder, counterparty and kind (track/match.py)."""
    noun = next((c for c in cue.children if c.dep_ in (*OBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
                 and c.lemma_.lower() in ctx.lex.nouns), None)
    if noun is None or generic(noun):
        return []
    kind = ctx.lex.nouns[noun.lemma_.lower()]["kind"]
    if kind == "deadline":
        kind = ctx.lex.deadline_with_setter_is
    counterparty_tok, cp_prep = ctx.counterparty_in(noun)
    inf = infinitive(noun, cue)      # "extended the deadline for Hungary to answer …"
    drop = {t.i for t in cp_prep.subtree} if cp_prep is not None else set()
    drop |= {t.i for p in amounts(cue) for t in p.subtree}
    drop |= {t.i for p in new_due_preps(ctx, cue) for t in p.subtree}
    if inf is not None:
        subj = own_subject(inf)
        if subj is not None:
            counterparty_tok = counterparty_tok or (subj if ctx.actor(subj) else None)
            drop |= {t.i for t in subj.subtree}
        content = clause_text(t for t in inf.subtree if t.i not in drop)
    else:
        content = clause_text(t for t in noun.subtree if t.i not in drop and not (t.dep_ == "poss" and t.head.i == noun.i))
    counterparty = ctx.actor(counterparty_tok) if counterparty_tok is not None else None
    recs = ctx.records(kind, who, counterparty, content, None, None, cue, noun)
    for f in recs:
        _set_status(ctx, f, status, cue)
    return recs


def extension_by_giving(ctx: Context, cue: Token, found: list[Found]) -> None:
    """"Trump has given Russia a few more weeks to respond": more time for a deadline."""
    dobj = next((c for c in cue.children if c.dep_ in OBJECT_DEPS), None)
    if dobj is None or dobj.lemma_.lower() not in DURATION_NOUNS:
        return
    if not any(t.lower_ in ctx.lex.more_words for t in dobj.subtree):
        return
    if negated(cue) or hypothetical(cue):
        return
    subj = acting_subject(cue)
    givers = ctx.actors_of(subj) if subj is not None else []
    dative = next((c for c in cue.children if c.dep_ in ("dative", "iobj")), None)
    takers = ctx.actors_of(dative) if dative is not None else []
    for f in found:
        if not f.group & {"deadline", "ultimatum"}:
            continue
        if givers and not any(ctx.same_side(g, f.record.holder) for g in givers):
            continue
        if takers and f.record.counterparty and not any(ctx.same_side(t, f.record.counterparty) for t in takers):
            continue
        if not givers and not takers:
            continue
        _set_status(ctx, f, "extended", cue, duration=dobj)


def _set_status(ctx: Context, f: Found, status: str, cue: Token, duration: Optional[Token] = None) -> None:
    c = f.record
    c.status = status
    span = sentence_span(cue.sent)
    if span not in c.evidence:
        c.evidence.append(span)
    if status == "extended":
        new_due = extension_due(ctx, cue, duration)
        if new_due and (c.due is None or new_due > c.due):
            c.due = new_due


def _content_lemmas(f: Found) -> set[str]:
    """Lemmas of a found commitment's content words, from the evidence sentence."""
    words = set(f.record.content.lower().split())
    return {t.lemma_.lower() for t in f.trigger.sent if t.lower_ in words and not t.is_stop}
