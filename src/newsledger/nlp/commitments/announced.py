"""Future acts announced by the side that will do them: a commitment made with "will".

A commissive needs no commitment word: the one who will act saying that it will is the commitment.
"Germany will finance the production of drones, Defence Minister Boris Pistorius said", "“We will pay
for the production here,” Pistorius told reporters", "Infantino said the prize money would be paid to
the clubs within 30 days". Read from doc._.statements: the content's main verb is foretold ("will",
"shall", "'ll"; "would" as the past of "will" under a past-tense cue) and done by the speaker's own
side: "we" or "I", the speaker, the country a minister speaks for, or (a passive naming no doer, with
a due date) the speaker. Left out: anything said of another side ("Mexico will pay", "the deal would
help Ukraine": a prediction or an opinion), states and outcomes rather than acts ("we will win", "it
will be hard": data: announced_non_acts), denied, conditional, questioned or refused clauses.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...lexicons.companies import civic_body_name, load_civic_member_words, load_company_words
from ...records import Commitment
from ..grammar import modality as grammar
from ..grammar.dateline import dateline_before, past_dateline
from ..grammar.syntax import (SUBJECT_DEPS, agent, conjuncts, dominates, is_passive, own_subject, saying_time,
                              set_off_host, stranded_subject, time_bound, to_infinitive, verb_lemmas)
from ..events.from_statements import SPEAKER_PRONOUNS
from ..events.sides import unnamed_speaker
from .context import Context, Found
from .due import DURATION_NOUNS, condition_placed, demanded_by, due_in, due_link
from .modality import CLIMB, negated, refused
from .status import acts_on_thing, gerunds, status_verb
from .syntax import clause_text, members_possessive, sentence_span

_FUTURE = frozenset({"future"})
_BACKSHIFTED = frozenset({"conditional"})
# Kinds of statement whose content may be an announcement: said, not asked, demanded or denied.
_ASSERTING = ("claim", "pledge")
_FIRST_PERSON = ("we", "i")
# A third-person pronoun for the speaker agrees with the speaker: "he"/"she" a person, "it" no person
# ("the company said it would invest", "Trump said he would"; "the minister said it would cost": not his act).
_PERSON_PRONOUNS = ("he", "she")
_THING_PRONOUNS = ("it",)
# CAMEO root 13, threaten: the events' code of a coercive act announced as intended.
_THREATEN = "13"


def announced(ctx: Context, found: list[Found]) -> list[Found]:
    """Pledges announced as future acts of the speaker's side, where no trigger already fired."""
    taken = [(f.trigger.idx, f.record.holder) for f in found]
    out: list[Found] = []
    for st in ctx.statements:
        if st.kind not in _ASSERTING or st.negated or st.hedged:
            continue
        if not st.speaker and not anonymous(ctx, st) and not _body_voice(ctx, st):
            continue
        lo, hi = st.content.span
        if any(lo <= i < hi for i, _ in taken):
            continue        # "said that Thailand and Cambodia agreed to …": a trigger holds it already
        content = ctx.doc.char_span(lo, hi, alignment_mode="expand")
        cue = ctx.doc.char_span(st.cue.span[0], st.cue.span[1], alignment_mode="expand")
        if content is None or cue is None or len(content) < 3:
            continue
        if set(verb_lemmas(cue.root)) & ctx.lex.word_lists["not_announcing_cues"] or \
                grammar.modal(cue.root, _FUTURE | _BACKSHIFTED) is not None:
            continue        # "Cuban exiles will proceed, Cuba predicted": a forecast, not a pledge
        past_cue = cue.root.tag_ in ("VBD", "VBN")
        for verb in _main_verbs(content, cue.root):
            f = _announcement(ctx, st.speaker, verb, past_cue, st, cue.root)
            if f is not None and not any(_restates(ctx, f, g) for g in (*found, *out)):
                out.append(f)
                taken.append((verb.idx, f.record.holder))
                break
    return out


def _words(ctx: Context, text: str) -> set[str]:
    return {w for w in (x.strip(".,;:\"'“”").lower() for x in text.split())
            if len(w) > 3 and w not in ctx.lex.link_stopwords}


def _restates(ctx: Context, new: Found, old: Found) -> bool:
    """A quote that says again what the lead announced ("Germany will finance the drones …" then
    "“We will pay for the production,” Pistorius said"): one side, and two words of content shared."""
    a, b = new.record, old.record
    if not (ctx.same_side(a.holder, b.holder) or ctx.speaks_for(a.holder, b.holder)):
        return False
    return len(_words(ctx, a.content) & _words(ctx, b.content)) >= 2


def _main_verbs(content, cue: Token) -> list[Token]:
    """The verbs that say what the statement's content asserts: its root and the root's conjuncts."""
    root = content.root
    if root.i == cue.i:
        # "A will give B ..., the ministry said on Wednesday, to help C": a cue set off inside its
        # content (PolNeAR's span takes both halves, cue and all); what is asserted is the host clause,
        # the one statements/content.py verb_content takes for "verb-set-off"
        root = set_off_host(cue) or cue
    if root.pos_ not in ("VERB", "AUX") and not _modal_borne(root):
        return []
    return [root, *[c for c in conjuncts(root) if c.pos_ in ("VERB", "AUX") and c.i < content.end]]


def _own_thing(ctx: Context, who: Token, speaker: str) -> bool:
    """`who` is a work of the speaker's own: a common noun naming no actor that is, or whose "of" phrase names, a
    thing a side builds or runs (data own_works: "the cable", "the extension of the Red Line", "the remaining
    berths of its terminal"), whose possessor, if any, is the speaker's side or a pronoun ("its terminal", "our
    plant"). What such a work will do or be by a date, the speaker sets as its target: "the Estlink 2 cable would
    be back at full capacity by Feb. 15, Fingrid said"."""
    works = ctx.lex.word_lists["own_works"]
    if who.pos_ != "NOUN" or ctx.index.at(who.idx, who.idx + len(who.text)) is not None:
        return False    # the head word itself names no side (its possessor may: "its new wind farm")
    named = [who] + [p for c in who.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"]
    if not any(n.lemma_.lower() in works for n in named):
        return False
    for c in who.children:
        if c.dep_ != "poss":
            continue
        owner = ctx.actor(c)
        if not (c.lower_ in ("its", "our", "their") or (owner is not None and (
                owner == speaker or ctx.speaks_for(speaker, owner) or ctx.same_side(owner, speaker)))):
            return False    # "Mexico's exports will", "the union's members will": another's
    return True


def _modal_borne(tok: Token) -> bool:
    """A word that carries a modal auxiliary is a verb, whatever its tag: "its members would down tools" (the
    tagger reads "down" as a preposition)."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


def _gives_time(verb: Token) -> bool:
    """A giving verb whose gift is time ("will give China two more weeks", "until Friday to"): more time
    on a commitment; one giving a thing ("will give Moldova 10 ambulances") or leave to act ("students will be
    allowed to defer their exams") is a transfer or a permission announced."""
    return any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in DURATION_NOUNS for c in verb.children) or \
        any(c.dep_ == "prep" and c.lower_ in ("until", "till") for c in verb.children) or \
        not any(c.dep_ == "dobj" or (c.dep_ == "xcomp" and to_infinitive(c)) for c in verb.children)


def anonymous(ctx: Context, st) -> bool:
    """The statement's speaker is an unnamed source ("two Japanese government officials said", "people
    familiar with the plan said"): a speaker mention that names no actor but someone (the events' reading,
    events/sides.unnamed_speaker) whose head is a source off the record (data: anonymous_sources)."""
    if st.speaker_mention is None:
        return False
    words = ctx.doc.char_span(*st.speaker_mention.span, alignment_mode="expand")
    if words is None:
        return False
    head = words.root
    if any(t.lower_ == "both" for t in words) or sum(1 for _ in ctx.index.mentions_in(*st.speaker_mention.span)) > 1:
        return False    # "officials from both countries said": the two sides' own joint account
    return unnamed_speaker(head) and head.lemma_.lower() in ctx.lex.word_lists["anonymous_sources"]


def _body_voice(ctx: Context, st) -> Optional[str]:
    """The kind of body an unnamed voice on the record speaks for, "state" or "company": "the government
    said", "a ministry spokesman said", "the company said" where no company was named before it (the bodies
    of data: state_voice_bodies and the company descriptions; the voices of data: unnamed_voices); "own" for
    a spokesperson naming no body ("a spokeswoman said", data: own_voices), the voice of the body that acts."""
    if st.speaker_mention is None:
        return None
    words = ctx.doc.char_span(*st.speaker_mention.span, alignment_mode="expand")
    if words is None or not unnamed_speaker(words.root):
        return None
    head = words.root
    lemmas = [head.lemma_.lower()]
    if lemmas[0] in ctx.lex.word_lists["unnamed_voices"]:
        lemmas = [c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
        if not lemmas and head.lower_ in ctx.lex.word_lists["own_voices"] and not any(
                c.dep_ in ("prep", "poss") for c in head.children):
            return "own"    # "a spokeswoman said", no body named: the voice of the body that acts
    for lemma in lemmas:
        if lemma in ctx.lex.word_lists["state_voice_bodies"]:
            return "state"
        if lemma in load_company_words().descriptions:
            return "company"
    return None


def _body_fits(ctx: Context, body: str, doer: str) -> bool:
    """An unnamed body speaks for the side that acts when that side is such a body: a company for "the
    company"; for "the government" or "a ministry spokesman", a state filed from ("ULAANBAATAR — Mongolia
    will build ..., the government said"; from Kyiv, "Russia will launch ..., the government said" is
    Ukraine's government foretelling another side's act)."""
    rec = ctx.record(doer)
    if rec is None:
        return False
    if body == "own":       # a state's act told by a bare spokesperson: the state's own, filed from there
        return rec.type != "person" and (rec.type not in ("country", "government") or rec.country in ctx.filed_from())
    if body == "company":
        return rec.type == "organization"
    return rec.type in ("country", "government") and rec.country in ctx.filed_from()


def _for_speaker(ctx: Context, subj: Token, speaker: str) -> bool:
    """A pronoun subject of reported speech that is the speaker: "Siemens Energy said it would invest",
    "the company said they would" (the events' reading of "Hungary says it will not": SPEAKER_PRONOUNS),
    when it agrees with who the speaker is."""
    word = subj.lower_
    if subj.pos_ != "PRON" or word not in SPEAKER_PRONOUNS or word in _FIRST_PERSON:
        return False
    who = ctx.record(speaker)
    if who is None:
        return False
    person = who.type == "person"
    return word in _PERSON_PRONOUNS if person else word in _THING_PRONOUNS or word == "they"


def _announcement(ctx: Context, speaker: str, verb: Token, past_cue: bool, st, cue: Token) -> Optional[Found]:
    if grammar.modal(verb, _FUTURE) is None and not (past_cue and grammar.modal(verb, _BACKSHIFTED)):
        return None
    lemma = verb.lemma_.lower()
    # "be" states no act, but "the cable will be back at full capacity by Feb. 15", told of a thing of the
    # speaker's own with a date, states the target it sets itself (_own_thing, below)
    state = lemma == "be"
    if lemma in ctx.lex.word_lists["announced_non_acts"] and not state:
        return None
    if (status_verb(ctx, verb) and not acts_on_thing(ctx, verb, lemma)) or \
            lemma in ctx.lex.verbs or \
            (lemma in ctx.lex.give_verbs and _gives_time(verb)):
        return None     # "will extend the deadline", "will give China two more weeks": a status, not a new pledge
    if any(c.dep_ == "advmod" and c.lower_ in ctx.lex.word_lists["announced_hedges"] for c in verb.children):
        return None     # "he would probably campaign with him", "she would rather vote for …"
    if any(t.tag_ in ("WP", "WDT", "WRB") and t.i < verb.i and not _in_relative(t, verb) for t in verb.subtree) or \
            verb.dep_ in ("relcl", "acl"):
        return None     # "who he would pick", "the case he would make": not what is promised
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return None     # "I would have chosen them": what would have been, not what will be
    # "will not register players unless the federation signs a partner by Aug. 31": an act withheld until another
    # side does what the condition demands is a threat, as "will strike unless" is (the refusal is the act)
    refusal = negated(verb) and any(grammar.demanding(c) for c in grammar.conditions(verb))
    restraint = negated(verb) and (refusal or _holds_off(ctx, verb))
    if (negated(verb) and not restraint) or grammar.question(verb) or grammar.conditional(verb, hops=CLIMB) is not None \
            or refused(verb) or grammar.hypothetical(verb, kinds=grammar.ALL_MODALS - _FUTURE - _BACKSHIFTED,
                                                     hops=CLIMB):
        return None
    if any(t.lower_ in ctx.lex.more_words and t.head.lemma_.lower() in DURATION_NOUNS for t in verb.subtree):
        return None     # "would hold off for another 30 days": more time on a commitment already made
    parsed = own_subject(verb, SUBJECT_DEPS)
    subj = past_dateline(parsed)
    if subj is None:
        return None
    members = thing = None
    passive = is_passive(verb)
    # "the loans will be disbursed by the World Bank": the passive's agent is the one who acts
    by = agent(verb, predicate=False) if passive else None
    who = by if by is not None else subj
    # "Swiss diplomats will be allowed to visit the detained hiker before the end of the month": leave given,
    # the act it allows (and its due) in the infinitive, the one given leave its subject
    permitted = next((c for c in verb.children if c.dep_ == "xcomp" and to_infinitive(c)), None) \
        if passive and by is None and verb.lemma_.lower() in ctx.lex.word_lists["permission_verbs"] else None
    due = due_in(ctx, [verb] if permitted is None else [verb, permitted], None, verb)
    if passive and by is None:
        if due is None or any(c.dep_ == "agent" and not time_bound(c) for c in verb.children):
            return None     # "the bridge will be rebuilt": no doer named and nothing to hold it to
        side = ctx.actor(subj) is not None and subj.lemma_.lower() not in ctx.lex.word_lists["money_words"]
        if (side and permitted is None) or not speaker:
            return None     # "Ukraine will be defended": the subject is who it is done to; but "the new Regional
            # News Fund will be paid out to publishers": a fund named as a body is the money handed over
        holder = ctx.we_of(speaker)     # the speaker's side: a minister's state, an officer's company
    elif not speaker:       # unnamed sources or bodies telling what a side named by its name will do
        doer = ctx.actor(who) if who.pos_ == "PROPN" else None
        body = None if anonymous(ctx, st) else _body_voice(ctx, st)
        if doer is None or body and not _body_fits(ctx, body, doer):
            return None
        holder = doer
    elif who.lower_ in _FIRST_PERSON or _for_speaker(ctx, who, speaker):
        holder = ctx.we_of(speaker) if who.lower_ == "we" else speaker     # a chief executive's "we"
    elif _members_of(ctx, who, speaker):
        holder = speaker    # "doctors will walk out unless ..., the BMA said": a body acts through its members
        members = who
    elif due is not None and _own_thing(ctx, who, speaker):
        thing = who
        holder = ctx.we_of(speaker)     # "the first metro line will carry passengers before the end of March,
        # the metro company said": a thing of the speaker's own, with a date to hold it to, is its target
    else:
        if any(c.dep_ == "poss" and not members_possessive(c) for c in who.children) and \
                ctx.index.at(who.idx, who.idx + len(who.text)) is None:
            return None     # "his dealing powers would force companies": his powers, not him; but "Germany's
            # Siemens Energy will hire": the head word is inside a name, the possessive its home country
        doer = ctx.actor(who)
        if doer is None or not (doer == speaker or ctx.speaks_for(speaker, doer) or ctx.voices_country(speaker, doer)
                                or ctx.voices_agency(speaker, doer)):
            return None     # "Mexico will pay", "the deal would help Ukraine": said of another side
        holder = doer
    if state and thing is None:
        return None     # "it will be hard", "nurses will be busier": a state, no target of a work of the speaker's
    if restraint and due is None and not refusal:
        return None     # "we will not strike": no date held to, a stance
    kind, conditions = "pledge", None
    cond = next(iter(grammar.conditions(verb)), None)
    if cond is None and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.subtree):
        return None     # "if elected, he'd leave such decisions": a condition the parse hung elsewhere
    if cond is not None:
        # "would strike Iraq unless it gave inspectors access": one's own act on condition of what
        # another side does is a threat; on one's own condition ("if elected") it binds no one yet.
        cond_subj = own_subject(cond, SUBJECT_DEPS)
        other = ctx.actor(cond_subj) if cond_subj is not None else None
        if other is None and not grammar.demanding(cond) and not _coercion_threatened(ctx, verb, cond_subj, holder):
            return None     # "if elected": no other side; "unless the arrears are paid": a demand on whoever owes them
        if other is not None and (ctx.same_side(other, holder) or ctx.speaks_for(other, holder)):
            return None
        kind, conditions = "threat", clause_text(cond.subtree)
        due = demanded_by(ctx, cond, verb) or due or condition_placed(ctx, cond, verb)
    drop = {t.i for t in subj.subtree} | {t.i for t in parsed.subtree} | dateline_before(subj)  # "OSLO — Norway"
    if cond is not None:
        drop |= {t.i for t in cond.subtree}
    drop |= {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "mark", "punct")
             or (c.dep_ == "neg" and not restraint)}     # "not hold strikes ...": what is held off, told so
    drop |= {t.i for c in verb.children if c.dep_ in ("conj", "parataxis", "ccomp") and c.i > verb.i
             and c.pos_ in ("VERB", "AUX") for t in c.subtree}      # "…, and the drones will be …"
    drop |= {c.i for c in verb.children if c.dep_ == "cc" and c.i > verb.i}
    said_at = saying_time(cue, verb)
    if said_at is not None:
        drop |= {t.i for t in said_at.subtree}      # "said on Tuesday it would cut fees": when it was said
    lost = stranded_subject(cue)
    if lost is not None and dominates(verb, lost):
        # "will pay ... families in Lebanon, its representative in the country said": the speaker the parse hung
        # inside the act, the comma before it, and the cue with its words ("said on Monday") hung there too
        drop |= {t.i for t in lost.subtree} | {lost.left_edge.i - 1} | {t.i for t in cue.subtree}
    # the due phrase on the verb, or on the gerund it goes on doing ("will keep paying ... until June 30")
    due_ids = {t.i for h in [verb, *gerunds(verb)]
               for p in h.children if due_link(p) and p.lower_ in ctx.lex.due_preps
               for t in p.subtree} if due else set()
    counterparty_tok, cp_prep = ctx.counterparty_in(verb)
    if passive:     # "would be paid to the clubs": the act, told in the voice it was said in
        drop -= {t.i for t in subj.subtree} | {c.i for c in verb.children if c.dep_ == "auxpass"}
    if by is not None:
        drop |= {t.i for t in by.head.subtree}      # "by the World Bank": the holder, not the act
    if members is not None and members.lower_ != "members":
        drop -= {t.i for t in members.subtree}      # "doctors would strike": the members' act, told as theirs
    if thing is not None:
        drop -= {t.i for t in thing.subtree}        # "the Estlink 2 cable be back at full capacity": what is to be so
    toks = [t for t in verb.subtree if t.i not in drop and t.i not in due_ids and not t.is_quote]
    content = clause_text(toks)
    if len(content.split()) < 2 and cond is None:
        return None     # "we will deliver": too little to track; "if Ford closes the plant, we will strike":
        # a threat's act is told with its condition, which says what it answers
    counterparty = ctx.actor(counterparty_tok) if counterparty_tok is not None else None
    if permitted is not None and ctx.actor(subj) is not None:
        if ctx.same_side(ctx.actor(subj), holder):
            return None     # "Polish trucks will be allowed to return", a Polish group said: leave told, not given
        counterparty = ctx.actor(subj)      # who is given leave
    if counterparty is None and cond is not None:
        counterparty = other        # "if Mexico does not stop the caravans": who is to act
    if counterparty is not None and ctx.same_side(counterparty, holder):
        counterparty = None
    rec = Commitment(kind=kind, holder=holder, content=content, counterparty=counterparty,
                     conditions=conditions, due=due, status="open", evidence=[sentence_span(verb.sent)])
    return Found(rec, verb, None, ctx.lex.group_of(kind))


def _coercion_threatened(ctx: Context, verb: Token, cond_subj: Optional[Token], holder: str) -> bool:
    """A coercive act of one's own announced on a condition of how things go ("Poland will close its crossings
    with Belarus from Oct. 1 if migrants keep being pushed across"): the events read the act as threatened (CAMEO
    13, the intended form of a coercive act: cameo.tsv's intent column), done by the holder's side to another
    side; the condition has a subject that is not the holder's side ("if elected", "if we win": the holder's own
    condition binds no one)."""
    if cond_subj is None or cond_subj.pos_ == "PRON" or ctx.same_side(ctx.actor(cond_subj), holder):
        return False
    return any(e.trigger.span[0] == verb.idx and e.code[:2] == _THREATEN and e.source and e.target
               and not e.negated and ctx.speaks_for(e.source, holder) and not ctx.speaks_for(e.target, holder)
               for e in ctx.doc._.events or [])


def _holds_off(ctx: Context, verb: Token) -> bool:
    """A denied act held off until a time: "will not call strikes until the end of February", "will not raise
    fares before January" (data: restraint_acts, the verb's or its object's lemma; restraint_bounds)."""
    acts = ctx.lex.word_lists["restraint_acts"]
    if not (verb.lemma_.lower() in acts or any(c.dep_ == "dobj" and c.lemma_.lower() in acts for c in verb.children)):
        return False
    bounds = ctx.lex.word_lists["restraint_bounds"]
    return any(c.dep_ == "prep" and c.lower_ in bounds for c in verb.children)


def _in_relative(wh: Token, verb: Token) -> bool:
    """A wh-word of a relative clause inside one of the verb's phrases ("Compensation for farmers who lost
    their flocks will be paid out ..."): it opens that clause, not the verb's own."""
    t = wh
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ == "relcl":
            return True
        t = t.head
    return False


def _members_of(ctx: Context, who: Token, speaker: str) -> bool:
    """`who` are the members a body of members (a union, a professional association) acts through:
    "its members", "their members", or people of a trade named by a member word ("resident doctors",
    "teachers", data/actors/ner.yaml civic_member_words) naming no other actor, in the words of a body whose
    name is a body of members' ("British Medical Association", data/actors/civic_bodies.tsv)."""
    rec = ctx.record(speaker)
    if rec is None or rec.type not in ("organization", "group") or who.pos_ not in ("NOUN", "PROPN"):
        return False
    head = who.lower_
    if head == "members" and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in who.children):
        return True
    member_words = load_civic_member_words()
    # a member word the tagger took for a name where a sentence or a dateline's dash puts a capital on it
    # ("DUNDEE — Staff at the University of Dundee will walk out")
    initial = who.pos_ == "PROPN" and (who.is_sent_start or (who.i > 0 and who.doc[who.i - 1].is_punct))
    if head not in member_words or not (who.pos_ == "NOUN" or initial):
        return False
    doer = ctx.record(ctx.actor(who))
    if doer is not None and doer.id != speaker and doer.type != "group" and not (initial and doer.name.lower() == head):
        return False        # "pilots" as a group of people is who the body's members are; a named actor is not
        # (the member word itself, capitalised and taken for a name, "Players" after a dateline's dash, is no other)
    return civic_body_name(rec.name)
