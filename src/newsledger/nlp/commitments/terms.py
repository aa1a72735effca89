"""The terms of an agreement told as what one of its parties will do.

News tells an agreement's terms in a clause of its own, in the future, with the party that owes the act as
its subject: "Brazil and Paraguay agreed that Paraguay will sell its surplus power to Brazil by June",
"Kenya and Ethiopia signed a power deal. Under the deal, Ethiopia will raise its exports to Kenya ...",
"they reached an agreement under which Indonesia will lift its ban ...". The agreement is held by the
party that owes the act (the other party is its counterparty); when the subject is both ("they will",
"the two countries will") each holds it towards the other.

A condition on the act is kept apart as the record's conditions ("agreed that if prices rise, Paraguay
will sell ..."). Left out, as for every commitment (modality.py): a term that is denied, questioned, a
hypothetical ("would" outside reported speech), a passive (its subject is who the act is done to), a
state or outcome rather than an act (data: announced_non_acts), and a clause whose subject names no
party ("agreed that prices will fall", "agreed that the talks will resume": no side bound by it).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..grammar import modality as grammar
from ..grammar.syntax import SUBJECT_DEPS, is_passive, own_subject
from .context import Context, Found
from .due import due_in, due_phrases, made_in_an_earlier_year
from .modality import CLIMB, condition_clause, negated
from .syntax import clause_text

_FUTURE = frozenset({"future"})
_BACKSHIFTED = frozenset({"conditional"})
# Pronouns for the parties themselves ("they agreed that they will", "we have agreed that we will").
_PARTY_PRONOUNS = ("they", "we")


def term_act(ctx: Context, act: Token) -> Optional[Token]:
    """The subject of a clause that states an agreed act ("Paraguay will sell ..."), or None when the
    clause is no such act: not foretold, denied, conditional, questioned, passive, or no act at all."""
    if act.pos_ not in ("VERB", "AUX"):
        return None
    if grammar.modal(act, _FUTURE) is None and not (
            grammar.modal(act, _BACKSHIFTED) is not None and ctx.speaker_of(act) is not None):
        return None     # "would" only as the past of "will" in reported speech
    if act.lemma_.lower() in ctx.lex.word_lists["announced_non_acts"] or is_passive(act):
        return None     # "agreed that it will be hard", "the border will be reopened": no doer bound
    if negated(act) or grammar.question(act) or grammar.conditional(act, hops=CLIMB) is not None:
        return None
    subj = own_subject(act, SUBJECT_DEPS)
    if subj is None or not (subj.lower_ in _PARTY_PRONOUNS or ctx.actors_of(subj)):
        return None
    return subj


def owing(ctx: Context, subj: Token, parties: list[str]) -> Optional[list[str]]:
    """Who of `parties` owes the act of a term whose subject is `subj`: the one it names, or all of them
    for "they"/"we" or a subject naming every party; None when it names a side outside the agreement
    ("the US and the EU agreed that Ukraine will ...": a third side, bound by no one here)."""
    if subj.lower_ in _PARTY_PRONOUNS:
        return list(parties)
    named = ctx.actors_of(subj)
    if not parties:
        return named or None
    out = [p for p in parties if any(ctx.same_side(p, n) for n in named)]
    if not out or len(out) < len(named):
        return None
    return out


def term_records(ctx: Context, act: Token, subj: Token, holders: list[str], parties: list[str],
                 drop: set[int]) -> list[Found]:
    """Agreement records for the act `act` owed by `holders`: towards the other party when one is left,
    each other's counterparty when two parties both owe it."""
    drop = set(drop) | {t.i for t in subj.subtree}
    drop |= {c.i for c in act.children if c.dep_ in ("aux", "auxpass", "mark", "neg", "punct")}
    drop |= {t.i for c in act.children if c.dep_ == "ccomp" and c.i > act.i for t in c.subtree}
    cond = condition_clause([act])      # "agreed that if prices rise, Paraguay will sell ...": a term on a condition
    if cond is not None:
        drop |= {t.i for t in cond.subtree}
    due = due_in(ctx, [act], None, act)
    if due:
        drop |= {t.i for p in due_phrases(ctx, [act]) for t in p.subtree}
    content = clause_text(t for t in act.subtree if t.i not in drop and not t.is_quote)
    if len(content.split()) < 2:
        return []
    others = [p for p in parties if not any(ctx.same_side(p, h) for h in holders)]
    counterparty = others[0] if len(others) == 1 else None
    if counterparty is None and len(holders) == 1:
        cp_tok, _ = ctx.counterparty_in(act)
        counterparty = ctx.actor(cp_tok) if cp_tok is not None else None
    conditions = clause_text(cond.subtree) if cond is not None else None
    return ctx.records("agreement", holders, counterparty, content, conditions, due, act, None)


def _agreement_noun(ctx: Context, tok: Token) -> bool:
    entry = ctx.lex.nouns.get(tok.lemma_.lower())
    return entry is not None and entry["kind"] == "agreement"


def under_terms(ctx: Context, found: list[Found]) -> list[Found]:
    """Terms told as what a party will do under an agreement named before: "Under the deal, Ethiopia will
    raise its electricity exports to Kenya ...", "reached an agreement under which Indonesia will lift
    its ban ...". The parties are those of the agreement it refers to (the records found for it, or for
    "the deal" the last agreement found before it); its records that say no terms ("a deal in Addis
    Ababa") give way to the terms. Returns the new records; drops the bare ones from `found`."""
    out: list[Found] = []
    for prep in (t for t in ctx.doc if t.dep_ == "prep" and t.lower_ in ctx.lex.word_lists["terms_preps"]):
        act = prep.head
        made = None
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or act.pos_ not in ("VERB", "AUX"):
            continue
        if pobj.tag_ == "WDT" and act.dep_ == "relcl" and _agreement_noun(ctx, act.head):
            before = [f for f in found if f.noun is not None and f.noun.i == act.head.i]
        elif _agreement_noun(ctx, _terms_of(pobj)) and _definite(_terms_of(pobj)):
            before = _last_agreement(found, pobj)
        elif _agreement_noun(ctx, pobj) and (made := _made_with(ctx, pobj)) is not None:
            before = []     # "will leave the water in Lake Mead ... under an agreement signed on Monday with the
            # Bureau of Reclamation": the agreement named with its other party, after the act
        else:
            continue
        subj = term_act(ctx, act)
        if subj is None or made_in_an_earlier_year(ctx, [_terms_of(pobj)]):
            continue        # "Under the 2015 deal, Iran will ...": terms of an old deal recalled
        parties = list(dict.fromkeys(f.record.holder for f in before))
        if made is not None:
            parties = list(dict.fromkeys([*ctx.actors_of(subj), made]))
        holders = owing(ctx, subj, parties)
        if not holders:
            continue
        new = term_records(ctx, act, subj, holders, parties, {t.i for t in prep.subtree})
        if not new:
            continue
        out.extend(new)
        for f in before:
            if f.bare and f in found:
                found.remove(f)     # "a power trade deal": the terms say what it is
    return out


# Participles that tell an agreement made, and the preposition naming the party it was made with.
_MADE = frozenset({"sign", "reach", "strike", "conclude", "agree", "negotiate"})


def _made_with(ctx: Context, noun: Token) -> Optional[str]:
    """The other party of an agreement told as made with it ("an agreement signed on Monday with the U.S. Bureau of
    Reclamation", "a deal reached with Chevron"): the actor of the "with" phrase on the participle, or None."""
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in _MADE):
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and ctx.actor(pobj) is not None:
                return ctx.actor(pobj)
    return None


def _terms_of(noun: Token) -> Token:
    """The agreement a phrase names through "the terms of" ("under the terms of the accord")."""
    if noun.lemma_.lower() == "term":
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((p for p in c.children if p.dep_ == "pobj"), noun)
    return noun


def _definite(noun: Token) -> bool:
    """A noun phrase that refers back: "the deal", "this accord", "their agreement" (a definite or
    demonstrative determiner, or a possessor), not "a deal" or "any deal"."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and (c.morph.get("Definite") == ["Def"] or
                                                        c.morph.get("PronType") == ["Dem"])
               for c in noun.children)


def _last_agreement(found: list[Found], ref: Token) -> list[Found]:
    """The records of the last agreement found before `ref` ("Under the deal, ..."): those of one trigger."""
    earlier = [f for f in found if f.group & {"agreement"} and f.trigger.i < ref.i]
    if not earlier:
        return []
    last = max(earlier, key=lambda f: f.trigger.i).trigger.i
    return [f for f in earlier if f.trigger.i == last]

