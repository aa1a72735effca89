"""Commitments stated in so many words: a commitment verb or noun, time given, a conditional warning.

- verbs: "Germany and France have pledged to pressure Moscow" (data: verbs). The subject holds the
  commitment, one record per coordinated member; the content is the infinitive, the "to" object, the
  clause or the object; an actor among the objects or in the content is the counterparty.
- nouns: "a deadline set by Trump", "Macron's pledge to send troops", "X signed an agreement on
  grain exports" (data: nouns). A noun alone is not enough: it needs a holder (possessor, agent of
  a setting verb, subject of a holding verb) and content.
- time given, an ultimatum without a commitment word: "gave Russia until Friday to accept a
  ceasefire", "gave Hamas three days to respond" (holder: the giver, counterparty: the receiver),
  "Hamas has 72 hours to respond, Trump said" (holder: the speaker).
- a warning of one's own future act under a condition: "warning that Washington would impose
  sanctions if Moscow refused" is a threat; without "if/unless" it is a prediction and nothing is
  recorded.
Questions, modals, "if/whether" clauses and intention heads never trigger (modality.py). Each rule
adds the tokens it used to `covered`, so a later trigger inside its content does not fire again.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..grammar import modality as grammar
from .context import Context, Found
from .due import (amounts, anchor_of, condition_placed, counted_duration, demanded_by, due_in, due_of_text, due_phrases,
                  made_in_an_earlier_year, threat_start)
from .modality import (FORETELLING_MODALS, condition_clause, condition_text, foretold, generic, hypothetical, negated,
                       unreal)
from ..grammar.syntax import (PASSIVE_SUBJECT_DEPS, RELATIVE_PRONOUNS, SUBJECT_DEPS, agent, governor, is_passive,
                              own_subject, to_infinitive)
from .syntax import OBJECT_DEPS, acting_subject, clause_text, infinitive, points_back
from .terms import owing, term_act, term_records


def from_verb(ctx: Context, verb: Token, covered: set[int]) -> list[Found]:
    """A commitment verb with its content ("pledged to pressure Moscow", "agreed to a ceasefire")."""
    entry = ctx.lex.verbs[verb.lemma_.lower()]
    if negated(verb) or hypothetical(verb) or made_in_an_earlier_year(ctx, [verb]):
        return []
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    preps = [c for c in verb.children if c.dep_ == "prep"]
    displaced = _displaced_complement(preps) if ccomp is None and xcomp is None else None
    ccomp = ccomp if displaced is None else displaced
    to_obj = next((p for c in preps if c.lower_ == "to" for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
    dobj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    if dobj is None and is_passive(verb) and agent(verb, predicate=False) is not None:
        # "A loan to Fincantieri will be guaranteed by Sace": the passive's subject is what is committed to,
        # its agent who commits
        dobj = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    dative = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
    if xcomp is None and to_obj is None and (dobj is None or ctx.actor(dobj) is not None):
        # "threatened on Monday to impose a tariff": the parse often hangs the infinitive as an
        # adverbial clause once a phrase comes between; a commissive verb's infinitive is its content,
        # also after the one it is made to ("promised the Dutch government on Tuesday to replace").
        xcomp = next((c for c in verb.children if c.dep_ == "advcl" and c.pos_ in ("VERB", "AUX") and c.i > verb.i
                      and to_infinitive(c)), None)
    if points_back(verb):
        return []
    if entry.get("needs_prep") and to_obj is None and xcomp is None:
        return []
    if entry.get("needs_xcomp") and xcomp is None:
        return []
    if entry.get("affirmative_xcomp") and xcomp is not None and negated(xcomp):
        return []       # "decided not to send the systems": no act decided on
    if entry.get("needs_object") and not (xcomp or to_obj or dobj or ccomp):
        return []
    owed_by = None
    if entry.get("no_ccomp") and ccomp is not None and not (xcomp or to_obj or dobj):
        # "they agreed that vaccines work": an opinion shared, not a commitment; but "Brazil and Paraguay
        # agreed that Paraguay will sell ...": the terms, an act one of the parties will do (terms.py)
        owed_by = term_act(ctx, ccomp)
        if owed_by is None:
            return []
    kind = entry["kind"]
    noun = None
    counterparty_tok: Optional[Token] = None
    drop: set[int] = set()
    merged = _merged_dative(ctx, dobj) if xcomp is None and to_obj is None and ccomp is None else None
    if merged is not None:
        # "had guaranteed Serbia uninterrupted deliveries of gas": the parse took the receiver for a
        # modifier of the thing given; the receiver is the counterparty, the thing the content
        counterparty_tok = merged
        drop |= {t.i for t in merged.subtree}
        content_head = dobj
    elif xcomp is not None:
        content_head = xcomp
    elif to_obj is not None:
        content_head = to_obj
    elif ccomp is not None:
        content_head = ccomp
    elif dobj is not None and ctx.actor(dobj) is None:
        allowed = entry.get("bare_object_in")
        if allowed and dobj.lemma_.lower() not in (ctx.lex.word_lists or {}).get(allowed, ()):
            return []       # "threatened the network's franchise renewal": endangered, not threatened
        content_head = dobj
    else:
        return []
    if merged is None and dobj is not None and ctx.actor(dobj) and content_head.i != dobj.i:
        counterparty_tok = dobj          # "promised Ukraine to …"
    if dative is not None and ctx.actor(dative):
        counterparty_tok = dative
    if content_head.pos_ in ("NOUN", "PROPN") and content_head.lemma_.lower() in ctx.lex.nouns:
        noun = content_head
        kind = ctx.lex.nouns[noun.lemma_.lower()]["kind"]
    # The counterparty inside the content: "guarantees for Ukraine", "pressure Moscow".
    if counterparty_tok is None:
        counterparty_tok, cp_prep = ctx.counterparty_in(content_head)
        if cp_prep is not None:
            drop |= {t.i for t in cp_prep.subtree}
    for c in preps:                       # "with Russia" on the verb itself
        if counterparty_tok is None and c.lower_ in ("with", "for") and kind in ("agreement", "guarantee", "pledge", "promise"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and ctx.actor(pobj):
                counterparty_tok = pobj
    if content_head.dep_ == "ccomp" or content_head is displaced:    # "promised that it would deliver": the act
        drop |= {c.i for c in content_head.children if c.dep_ == "mark" or
                 c.dep_ == "aux" and grammar.modal_kind(c) in FORETELLING_MODALS}
        if content_head.left_edge.lower_ == "that" and content_head.left_edge.pos_ == "SCONJ":
            drop.add(content_head.left_edge.i)    # "that" misparsed as a determiner
        said_by = own_subject(content_head)
        if said_by is not None and said_by.pos_ == "PRON":
            drop |= {t.i for t in said_by.subtree}
    content_toks = [t for t in content_head.subtree if t.i not in drop]
    for c in preps:                       # "as part of a peace deal" qualifies what was agreed
        if c.lower_ in ctx.lex.content_preps and c.i > verb.i:   # fronted "as part of…" is framing
            content_toks += list(c.subtree)
    cond_heads = [verb, content_head]
    conditions = condition_text(cond_heads)
    if conditions:
        cond_ids = {t.i for h in cond_heads for c in h.children if c.dep_ == "advcl"
                    and clause_text(c.subtree) == conditions for t in c.subtree}
        content_toks = [t for t in content_toks if t.i not in cond_ids]
    due_ids = {t.i for p in due_phrases(ctx, (verb, content_head)) for t in p.subtree}
    due = due_in(ctx, [verb, content_head], noun if kind in ("deadline", "ultimatum") else None, verb)
    if due:
        content_toks = [t for t in content_toks if t.i not in due_ids]
    if kind == "threat":
        cond = condition_clause(cond_heads)
        due = demanded_by(ctx, cond, verb) or due or threat_start(ctx, content_head, verb) or \
            condition_placed(ctx, cond, verb)
    content = clause_text(content_toks)
    if not content:
        return []
    subj = acting_subject(verb)
    holders = ctx.actors_of(subj) if subj is not None else []
    if not holders and subj is not None:
        holders = _first_person(ctx, subj)
    if not holders:
        return []
    if owed_by is not None:
        owers = owing(ctx, owed_by, holders)
        if not owers:
            return []       # "agreed that Ukraine will ...": a side that is no party to it
        covered |= {t.i for t in content_head.subtree} | {verb.i}
        return term_records(ctx, content_head, owed_by, owers, holders, set())
    counterparty = ctx.actor(counterparty_tok) if counterparty_tok is not None else None
    covered |= {t.i for t in content_head.subtree} | {verb.i}
    return ctx.records(kind, holders, counterparty, content, conditions, due, verb, noun)


def _displaced_complement(preps: list[Token]) -> Optional[Token]:
    """A that-clause the parse hung as a relative clause on the noun of a phrase set between the verb and it
    ("had promised him in a phone call that China would finance the metro"): a clause opened by "that" as a
    conjunction, with a subject of its own that is no relative pronoun, has no gap for the noun to fill, so it
    is no relative clause; it is the verb's complement."""
    for p in preps:
        for n in (c for c in p.children if c.dep_ == "pobj"):
            for c in n.children:
                if c.dep_ != "relcl" or not any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    continue
                subj = own_subject(c)
                if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS and subj.tag_ not in ("WDT", "WP"):
                    return c
    return None


def _first_person(ctx: Context, subj: Token) -> list[str]:
    """The holder a first person in quoted words names ("'I can guarantee that our Emden plant will ...,'
    Volkswagen Chief Executive Oliver Blume said"): the side the speaker speaks in the name of, as for an
    announcement's "we" (Context.we_of: the organisation the speaker is an officer of, a minister's state)."""
    if subj.pos_ != "PRON" or subj.lower_ not in grammar.performative_subjects():
        return []
    speaker = ctx.speaker_of(subj)
    return [ctx.we_of(speaker)] if speaker else []


def _merged_dative(ctx: Context, dobj: Optional[Token]) -> Optional[Token]:
    """The first of two objects the parse merged into one noun phrase: a common noun object ("deliveries")
    that names no actor itself, opening with the bare name of an actor before its other modifiers
    ("Serbia uninterrupted deliveries"): a give-type verb's receiver, then the thing given. A name after
    a determiner is part of the thing ("the Nord Pool market")."""
    if dobj is None or dobj.pos_ != "NOUN" or ctx.index.mention_at(dobj.idx, dobj.idx + len(dobj.text)) is not None:
        return None
    first = dobj.left_edge
    if first.pos_ != "PROPN" or first.i >= dobj.i - 1 or first.head.i > dobj.i:
        return None
    return first if ctx.actor(first) is not None else None


def from_noun(ctx: Context, noun: Token, covered: set[int]) -> list[Found]:
    """A commitment noun with a holder and content ("Macron's pledge to send troops")."""
    entry = ctx.lex.nouns[noun.lemma_.lower()]
    kind = entry["kind"]
    if generic(noun) or hypothetical(noun) or unreal(noun):
        return []       # "any agreement", "May's proposed Brexit deal": not (yet) a commitment
    if made_in_an_earlier_year(ctx, [noun]):
        return []       # "the 2015 nuclear deal": history recalled, not a commitment made now
    gov = noun.head if noun.dep_ in (*OBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) else None
    holders: list[str] = []
    counterparty_tok: Optional[Token] = None
    setter = False
    only_possessor = False
    # Holder: possessor, agent of a participle ("set by Trump"), subject of a light verb.
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        holders = ctx.actors_of(poss)
        above = governor(noun)
        if not holders and poss.pos_ == "PRON" and above is not None and acting_subject(above) is not None:
            holders = ctx.actors_of(acting_subject(above))   # "Trump extended his deadline"
        setter = only_possessor = bool(holders)
    # Only a participle of a holding verb names the holder ("a deadline set by Trump"); who brokered,
    # mediated or welcomed a deal is no party to it ("a deal brokered by the Philippines").
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                and c.lemma_.lower() in ctx.lex.holder_verbs):
        for by in (c for c in acl.children if c.dep_ == "agent"):
            for pobj in (c for c in by.children if c.dep_ == "pobj"):
                holders = holders or ctx.actors_of(pobj)
                setter = setter or bool(holders)
                only_possessor = False
    if gov is not None and noun.dep_ in OBJECT_DEPS:
        glemma = gov.lemma_.lower()
        subj = acting_subject(gov)
        if glemma in ctx.lex.holder_verbs and subj is not None:
            only_possessor = False
        if glemma in ctx.lex.holder_verbs and subj is not None and not holders:
            holders = ctx.actors_of(subj)
            setter = bool(holders)
            dative = next((c for c in gov.children if c.dep_ in ("dative", "iobj")), None)
            if dative is not None and ctx.actor(dative):
                counterparty_tok = dative
        elif glemma in ctx.lex.counterparty_verbs and subj is not None and ctx.actor(subj):
            counterparty_tok = subj
    between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is not None and kind == "agreement":
        parties = [a for p in between.children if p.dep_ == "pobj" for a in ctx.actors_of(p)]
        if len(parties) >= 2:   # "deals between Israel and Bahrain": the parties, not the broker
            holders, counterparty_tok, only_possessor = parties, None, False
    if not holders:
        return []
    drop: set[int] = set()
    if between is not None and kind == "agreement":
        drop |= {t.i for t in between.subtree}
    if counterparty_tok is None:
        counterparty_tok, cp_prep = ctx.counterparty_in(noun)
        if cp_prep is not None:
            drop |= {t.i for t in cp_prep.subtree}
    if counterparty_tok is None and gov is not None:
        for c in gov.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "for", "on", "with"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and ctx.actor(pobj):
                    counterparty_tok = pobj
    # Content: an infinitive on the noun or its verb ("a deadline … to agree to peace talks"),
    # "of/on/for" + phrase ("an agreement on grain exports"), else the noun phrase itself.
    content_head = None
    for h in (noun, gov):
        if h is None or content_head is not None:
            continue
        for c in h.children:
            if c.dep_ in ("acl", "advcl", "xcomp", "relcl") and c.pos_ in ("VERB", "AUX") and \
                    to_infinitive(c):
                content_head = c
                break
    content_toks: list[Token] = []
    if content_head is not None:
        content_toks = list(content_head.subtree)
        # "a deadline for Russia to agree": Russia is the subject of the infinitive
        csubj = own_subject(content_head)
        if csubj is not None and ctx.actor(csubj):
            counterparty_tok = counterparty_tok or csubj
            content_toks = [t for t in content_toks if t.i not in {x.i for x in csubj.subtree}]
    else:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "on", "to") and c.i not in drop:
                pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and not ctx.actor(pobj) and pobj.ent_type_ not in ("DATE", "TIME"):
                    content_toks = [noun, *[t for t in noun.lefts if t.dep_ in ("compound", "amod")], *c.subtree]
                    content_head = pobj
                    break
    bare = content_head is None
    if content_head is None:
        if kind in ("deadline", "ultimatum", "threat", "pledge", "promise"):
            return []     # "a series of ultimatums": no content, nothing to track
        if only_possessor:
            return []     # "his son's business deals": whose deal, but no terms and no signing
        content_toks = [noun, *[t for t in noun.lefts if t.dep_ in ("compound", "amod")]]
        content_toks += [t for c in noun.children if c.dep_ == "prep" and c.i not in drop
                         and c.lower_ not in ctx.lex.due_preps for t in c.subtree]
        if len(content_toks) < 2 and kind != "agreement":
            return []
    if counterparty_tok is None and content_head is not None and content_head.pos_ in ("VERB", "AUX"):
        counterparty_tok, cp_prep = ctx.counterparty_in(content_head)    # "pledge to pressure Moscow"
        if cp_prep is not None:
            content_toks = [t for t in content_toks if t.i not in {x.i for x in cp_prep.subtree}]
    due_ids = {t.i for p in due_phrases(ctx, (noun, gov, content_head)) for t in p.subtree}
    # "extended his deadline … by two weeks": an amount of extra time, never a due date or content
    due_ids |= {t.i for p in amounts(gov if gov is not None else noun) for t in p.subtree}
    if only_possessor and kind in ("pledge", "promise") and content_head.pos_ not in ("VERB", "AUX"):
        return []       # "his unrelenting commitment to justice": a virtue, not an undertaking
    content_toks = [t for t in content_toks if t.i not in drop and t.i not in due_ids]
    content = clause_text(content_toks)
    if not content:
        return []
    if kind == "deadline" and setter:
        kind = ctx.lex.deadline_with_setter_is
    heads = [h for h in (gov, content_head) if h is not None]
    conditions = condition_text(heads)
    due = due_in(ctx, heads, noun if kind in ("deadline", "ultimatum") else None, noun)
    counterparty = ctx.actor(counterparty_tok) if counterparty_tok is not None else None
    covered |= {t.i for t in content_toks} | {noun.i}
    trigger = gov if gov is not None else noun
    out = ctx.records(kind, holders, counterparty, content, conditions, due, trigger, noun)
    for f in out:
        f.bare = bare
    return out


def from_time_given(ctx: Context, verb: Token, covered: set[int]) -> list[Found]:
    """Ultimatums stated as time granted: "gave Russia until Friday to accept a ceasefire",
    "gave Hamas three days to respond" (holder: the giver, counterparty: the receiver), and
    "Russia has 50 days to agree a deal, Trump said" (counterparty: the subject, holder: the speaker)."""
    lemma = verb.lemma_.lower()
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS + ("dative", "iobj", "npadvmod")]
    span = [c for c in objs if counted_duration(c)]
    if not span and lemma in ctx.lex.ultimatum_give_verbs:
        # "gave Lima Airport Partners (LAP), the operator of the airport, 45 days to ...": the receiver described
        # in an apposition, the parse hangs the time given on the description
        span = [a for c in objs for a in c.children if a.dep_ == "appos" and a.i > c.i and counted_duration(a)]
    if not span and lemma in ctx.lex.ultimatum_give_verbs:
        # "gave the company 60 days on Monday to sign": the parse hangs the time given on the infinitive
        inf = infinitive(verb)
        span = [c for c in inf.children if c.dep_ == "npadvmod" and c.i < inf.i and counted_duration(c)] \
            if inf is not None else []
    if any(t.lower_ in ctx.lex.more_words for c in span for t in c.subtree):
        return []           # "gave Russia two more weeks": an extension (pass 2), not a new deadline
    until = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("until", "till")]
    if not span and not until:
        return []
    # "gave Georgia until the end of March to repeal the law": the time given and the act asked for are
    # one ultimatum, wherever the parse hangs the infinitive (on the verb, the duration, or the object
    # of the until-phrase and its "of" part: "the end of March to repeal" read as the end's modifier)
    content_head = infinitive(verb, *span, *_until_objects(until))
    if content_head is None or content_head.i in covered:
        return []
    if negated(verb) or hypothetical(verb):     # after the cheap tests: "have" is common
        return []
    subj = acting_subject(verb)
    if lemma in ctx.lex.ultimatum_give_verbs:
        receiver = next((c for c in objs if c not in span and ctx.actor(c)), None)
        holders = ctx.actors_of(subj) if subj is not None else []
        counterparty = ctx.actor(receiver) if receiver is not None else None
        if counterparty is None:
            return []       # "gave the talks until Friday": nobody bound
    elif lemma in ctx.lex.ultimatum_have_verbs and (span or until):     # "has 50 days to", "has until March 20 to"
        counterparty = ctx.actor(subj) if subj is not None else None
        speaker = ctx.speaker_of(verb)
        holders = [speaker] if speaker and not ctx.same_side(speaker, counterparty) else []
        if counterparty is None:
            return []
    else:
        return []
    if not holders:
        return []
    bound = own_subject(content_head)
    drop = {t.i for t in bound.subtree} if bound is not None else set()
    drop |= {t.i for c in span if c.head.i == content_head.i for t in c.subtree}     # the time given, not the act
    conditions, content = _content_and_conditions(verb, content_head, drop)
    if not content:
        return []
    due = due_in(ctx, [verb], None, verb)
    if due is None and span:
        due = due_of_text(clause_text(span[0].subtree), anchor_of(ctx, verb))
    covered |= {t.i for t in content_head.subtree} | {verb.i}
    return ctx.records("ultimatum", holders, counterparty, content, conditions, due, verb, None)


def _until_objects(until: list[Token]) -> list[Token]:
    """The objects of until-phrases and of the "of" phrase they hold ("until [the end] of [March]")."""
    out = []
    for prep in until:
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            out.append(obj)
            out += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"]
    return out


def from_warning(ctx: Context, verb: Token, covered: set[int]) -> list[Found]:
    """"Trump warned that Washington would impose sanctions if Moscow refused": a threat when the
    warned act is the warner's side's own, future, and conditional. Holder: the warner."""
    act = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if act is None or negated(act) or act.i in covered:
        return []
    if not foretold(act):
        return []
    conditions = condition_text([act])
    if not conditions:
        return []           # "warned that prices would rise": a prediction
    if negated(verb) or hypothetical(verb):
        return []
    subj = acting_subject(verb)
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        subj = acting_subject(verb.head)      # "…, warning that …": the main clause's subject warns
    warners = ctx.actors_of(subj) if subj is not None else []
    if not warners:
        return []
    act_subj = own_subject(act, SUBJECT_DEPS)
    if act_subj is None:
        return []
    doer = ctx.actor(act_subj)
    own = act_subj.lower_ in ("we", "i") or (doer is not None and any(ctx.same_side(w, doer) for w in warners)) \
        or (doer is None and act_subj.pos_ == "PRON" and act_subj.lower_ in ("he", "she", "it", "they"))
    if not own:
        return []           # "warned that Russia would attack if …": someone else's act
    cond = next(c for c in act.children if c.dep_ == "advcl" and clause_text(c.subtree) == conditions)
    counterparty_tok, cp_prep = ctx.counterparty_in(act)
    if counterparty_tok is None:        # "… if Moscow refused": whose refusal triggers it
        cond_subj = own_subject(cond, SUBJECT_DEPS)
        counterparty_tok = cond_subj if cond_subj is not None and ctx.actor(cond_subj) else None
    drop = {t.i for t in act_subj.subtree} | {t.i for t in cond.subtree}
    drop |= {c.i for c in act.children if c.dep_ in ("aux", "mark", "neg")}
    if cp_prep is not None:
        drop |= {t.i for t in cp_prep.subtree}
    content = clause_text(t for t in act.subtree if t.i not in drop)
    if not content:
        return []
    counterparty = ctx.actor(counterparty_tok) if counterparty_tok is not None else None
    due = demanded_by(ctx, cond, verb) or due_in(ctx, [act], None, verb) or condition_placed(ctx, cond, verb)
    covered |= {t.i for t in act.subtree} | {verb.i}
    return ctx.records("threat", warners, counterparty, content, conditions, due, verb, None)


def from_order(ctx: Context, verb: Token, covered: set[int]) -> list[Found]:
    """An order with a time limit is a deadline its giver sets: "the Commission ordered Meta to change
    its model by June 27", "a court told Google to open its store within 90 days" (holder: who orders,
    counterparty: who is ordered). Without a time limit an order is a demand, not a commitment to track."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if obj is not None and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in obj.children):
        return []       # "the union told its members to report for their shifts in November": a body's word to its
        # own people, no deadline set on another side
    if obj is None or (ctx.actor(obj) is None and not _bare_plural(obj)):
        return []       # an order to a class, a bare plural, binds it all the same ("ordered airlines to inspect
        # the engines within 90 days"): its giver holds the deadline, with no one counterparty; "the platform",
        # a party described but not named, is one no record can follow
    act = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX")
                and c.i > obj.i and to_infinitive(c)), None)
    bound = None
    if act is None:     # "has told Gazprom Neft it must sell its stake by Feb. 27"
        act = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > obj.i and _laid_on(ctx, c, obj)), None)
        bound = own_subject(act) if act is not None else None
    if act is None or act.i in covered or negated(verb) or hypothetical(verb):
        return []
    heads = [act, *[c for c in act.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]]
    due = due_in(ctx, [verb, *heads], None, verb)
    given = _time_given_to(ctx, verb, act, obj) if due is None else None
    if given is not None:
        due = given[1]
    if due is None:
        return []
    subj = acting_subject(verb)
    holders = ctx.actors_of(subj) if subj is not None else []
    if not holders:
        return []
    due_ids = {t.i for p in due_phrases(ctx, [verb, *heads]) for t in p.subtree}
    given_ids = _clause_ids(given[0]) if given is not None else set()
    if bound is not None:       # the party told and its "must": not the act
        given_ids |= {t.i for t in bound.subtree} | {c.i for c in act.children if c.dep_ in ("aux", "mark")}
    conditions, content = _content_and_conditions(verb, act, due_ids | given_ids)
    if not content:
        return []
    covered |= {t.i for t in act.subtree} | {verb.i} | given_ids
    return ctx.records(ctx.lex.deadline_with_setter_is, holders, ctx.actor(obj), content, conditions, due,
                       verb, None)


def from_said_must(ctx: Context, found: list[Found]) -> list[Found]:
    """A deadline told as what another party must do by a time, in the words of the one who sets it: "Hamas must
    free the hostages by Saturday, Trump said", "Ofwat said Thames Water must cut leaks by March 31". As an
    order with a time limit (from_order, _laid_on), the speaker sets it and holds it, the party the "must" is laid
    on is the counterparty. Not the speaker's own side's duty ("we must finish by June"), not one with no time
    (a demand), a denied one, or one asked ("asked whether Hamas must ..."); a condition on the act ("If talks
    fail, Hamas must ...") is kept as the record's conditions."""
    taken = {f.trigger.sent.start for f in found}
    out = []
    for st in ctx.statements:
        if not st.speaker or st.negated:
            continue
        content = ctx.doc.char_span(st.content.span[0], st.content.span[1], alignment_mode="expand")
        if content is None:
            continue
        act = content.root
        if act.sent.start in taken or act.pos_ not in ("VERB", "AUX") or negated(act):
            continue
        if not _obliged(ctx, act):
            continue
        subj = own_subject(act)
        # a party named ("Hamas", "Thames Water"), not a description ("the Russian owners") or a pronoun
        bound = ctx.actor(subj) if subj is not None and subj.pos_ == "PROPN" else None
        if bound is None or ctx.same_side(bound, st.speaker) or grammar.question(act) or any(
                c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in act.children):
            continue
        due = due_in(ctx, [act], None, act)
        if due is None or any(f.record.due == due and f.record.kind in ctx.lex.group_of(ctx.lex.deadline_with_setter_is)
                              for f in found + out):
            continue        # the deadline the article has told already, told again ("Meta must offer users a real
            # choice, and it must do so by the end of June," after "gave Meta until June 30")
        drop = {t.i for p in due_phrases(ctx, [act]) for t in p.subtree} | {t.i for t in subj.subtree} \
            | {c.i for c in act.children if c.dep_ in ("aux", "mark", "punct")} \
            | {t.i for c in act.children if _aside(act, c) or _own_clause(c) for t in c.subtree} \
            | {c.i for c in act.children if c.dep_ == "cc" and any(_own_clause(k) for k in act.children if k.i > c.i)}
        conditions, text = _content_and_conditions(act, act, drop)
        if text:
            taken.add(act.sent.start)
            out += ctx.records(ctx.lex.deadline_with_setter_is, [st.speaker], bound, text, conditions, due, act, None)
    return out


def _own_clause(tok: Token) -> bool:
    """A clause joined to the act with a subject of its own ("and it must do so by the end of June"): another
    clause, not more of the act."""
    return tok.dep_ == "conj" and own_subject(tok) is not None


def _aside(act: Token, tok: Token) -> bool:
    """A phrase set off by a comma after the act, told beside it and no part of it: a participle clause or a
    "with" phrase ("..., with President Marcos saying the coast guard was ready", "..., citing the law")."""
    return any(c.text == "," and c.i < tok.i for c in act.children if c.dep_ == "punct") and (
        tok.dep_ == "prep" and tok.lower_ == "with" or tok.dep_ == "advcl" and tok.tag_ == "VBG")


def _bare_plural(tok: Token) -> bool:
    """A plural common noun with no determiner or possessor: a class read generically ("airlines", "banks")."""
    return tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in tok.children)


def _time_given_to(ctx: Context, verb: Token, act: Token, obj: Token) -> Optional[tuple[Token, str]]:
    """The time limit of an order given in a clause of its own, to the one ordered: "ordered Ticketmaster to
    refund fans, and gave it eight weeks to make the payments", "ordered Meta to remove the accounts, giving
    the company 48 hours to comply". A give verb coordinated with the order (sharing its subject) or a
    participle set after it, whose receiver is the ordered party again (a pronoun, the same actor, or a definite
    description: "the company"): the
    act it asks for ("to comply", "to make the payments") is the ordered act told again. The give clause and
    its due date."""
    ordered = ctx.actor(obj)
    # The give clause closes the sentence; when the ordered act ends in a clause of its own ("to remove 40
    # accounts that police say sold fake certificates, giving the company 48 hours to comply", "to stop using
    # tools that limit the prices sellers can charge, and gave the company until June 30 to comply"), the parse
    # hangs it on the last verb before it, inside the act: it is sought in the act's words too.
    for g in (c for c in (*verb.children, *act.subtree) if c.lemma_.lower() in ctx.lex.ultimatum_give_verbs
              and c.pos_ in ("VERB", "AUX") and c.i > obj.i and c.i != act.i
              and (c.dep_ == "conj" and own_subject(c) is None or c.dep_ == "advcl" and c.tag_ == "VBG")):
        receiver = next((c for c in g.children if c.dep_ in ("dative", "iobj", "dobj") and not counted_duration(c)),
                        None)
        if receiver is None or not (receiver.lower_ in ("it", "them") or ctx.actor(receiver) == ordered
                                    or _definite_description(receiver)):
            continue
        due = due_in(ctx, [g], None, g)         # "gave the company until Sept. 30 to comply"
        # the time given as the parse hangs it, an object or a bare noun phrase ("gave the company 45 days to do
        # it": "days" an npadvmod), as from_time_given reads it
        span = [c for c in g.children if c.dep_ in (*OBJECT_DEPS, "npadvmod") and counted_duration(c)]
        if due is None and span:                # "gave it eight weeks to ..."
            due = due_of_text(clause_text(span[0].subtree), anchor_of(ctx, g))
        if due:
            return g, due
    return None


def _clause_ids(clause: Token) -> set[int]:
    """The tokens of a clause with the comma and "and" that join it to what comes before ("..., and gave it")."""
    ids = {t.i for t in clause.subtree}
    i = clause.left_edge.i - 1
    while i >= 0 and (clause.doc[i].dep_ == "cc" or clause.doc[i].is_punct) and clause.doc[i].head.i in (
            clause.head.i, clause.i):
        ids.add(i)
        i -= 1
    return ids


def _obliged(ctx: Context, verb: Token) -> bool:
    """The verb carries a modal of necessity laid on its subject (data: order_modals, "must")."""
    return any(c.dep_ == "aux" and c.lower_ in ctx.lex.word_lists["order_modals"] for c in verb.children)


def _laid_on(ctx: Context, clause: Token, obj: Token) -> bool:
    """A clause that lays an act on the party told: a modal of necessity (data: order_modals) and, as its
    subject, a pronoun for that party or its name ("told Gazprom Neft it must sell ...")."""
    subj = own_subject(clause)
    if subj is None or negated(clause):
        return False
    if not _obliged(ctx, clause):
        return False
    return subj.lower_ in ("it", "they") or (ctx.actor(subj) is not None and ctx.actor(subj) == ctx.actor(obj))


def _definite_description(tok: Token) -> bool:
    """A common noun after "the" with no name of its own ("the company", "the airline"): a phrase that
    refers back to one named before, not a new party."""
    return tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and \
        not any(c.pos_ == "PROPN" for c in tok.subtree)


def _content_and_conditions(verb: Token, act: Token, drop: set[int]) -> tuple[Optional[str], str]:
    """The conditions on `verb` or its `act` ("if Kyiv agrees"), and the act's words without them and
    without `drop` (a bound subject, a due phrase): the condition is kept apart, not in the content."""
    conditions = condition_text([verb, act])
    cond_ids = {t.i for c in act.children if c.dep_ == "advcl" and conditions
                and clause_text(c.subtree) == conditions for t in c.subtree}
    return conditions, clause_text(t for t in act.subtree if t.i not in drop | cond_ids)
