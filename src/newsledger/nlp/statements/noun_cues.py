"""Noun and adjective cues: "X's claim that ...", "criticism from the West of ...", "X is eager to ...",
"X made it clear that ...", "In a statement, the ministry rejected ...", "In a CNN poll, Clinton led ...".
"""
from __future__ import annotations

import functools
from typing import Optional

from spacy.tokens import Token

from ...lexicons.cues import Cue
from ...lexicons.loader import tsv_rows
from .clauses import when
from .context import Attribution, Reading, STRIP
from .learned import NAME_ENTS
from .modality import hedged, negated
from ..grammar.doc_cache import kids
from ..grammar.syntax import agent, to_infinitive
from .speakers import is_person, speaker_of, speaker_span, speaker_subject
from .verb_cues import verb_cue_span

_STANCE_PREPS = frozenset({"of", "for", "on", "about", "against", "to"})
# What a feeling is about: "pleased with", "confident in", "dismayed at", "surprised by", "upset over".
_FEELING_PREPS = frozenset({"with", "in", "at", "by", "over"})
_MADE_IN_PREPS = frozenset({"in", "with", "from", "at", "of"})
# Verbs that link a subject to a predicate adjective: "is", "remains", "grew" (eager, skeptical, ...).
_COPULAS = frozenset({"be", "seem", "appear", "remain", "feel", "become", "sound", "look", "grow", "stay"})


def noun_cue(r: Reading, tok: Token, cue: Cue) -> Optional[Attribution]:
    clause = None
    for c in kids(tok):
        # (a "that" the parse made a complementizer marks the noun's content even when it hung the
        # clause as a relative one: "says in a statement that the budget will pass")
        if c.dep_ in ("acl", "ccomp", "appos", "relcl") and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark":
            clause = c
            break
    if clause is None and tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be":
        # "Her argument is that the plan will fail", "Trump's message was that ...": the noun's
        # content is the that-clause predicated of it
        clause = next((c for c in kids(tok.head) if c.dep_ in ("ccomp", "attr", "acomp") and c.i > tok.head.i
                       and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
    if clause is None:
        return noun_stance(r, tok, cue) if cue.frame in ("stance", "personal") else None
    spk = None
    for c in kids(tok):
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ in NAME_ENTS):
            spk = c     # "Tulsa police's claim", "a New York Times report that ..."
        elif c.dep_ == "prep" and c.lower_ in ("from", "by", "of") and c.i < clause.i:
            spk = next((g for g in kids(c) if g.dep_ == "pobj"), spk)
    if spk is None and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        spk = speaker_subject(tok.head) if tok.dep_ == "dobj" else agent(tok.head)
    if spk is None and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _MADE_IN_PREPS:
        # "says in a statement that ...", "stirred controversy with an assertion that ...",
        # "backed away from a suggestion that ...": the verb's subject made it
        verb = tok.head.head
        if verb.dep_ == "advmod":      # "backed away from"
            verb = verb.head
        if verb.pos_ == "VERB":
            spk = speaker_subject(verb)
    cue_span = (tok.idx, tok.idx + len(tok.text))
    content = r.extend_to_quotes(r.trim(*r.subtree_span(clause)), cue_span)
    speaker, spk_i = speaker_span(r, spk)
    return Attribution(
        cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind=cue.kind, negated=negated(r, tok.head) if tok.dep_ == "dobj" else False,
        hedged=hedged(r, tok, clause), quote=r.quote_kind(content),
        sentence=(tok.sent.start_char, tok.sent.end_char))


@functools.lru_cache(maxsize=None)
def receiving_words(role: str) -> frozenset[str]:
    """The words of data/statements/receiving.tsv in `role` (verb: a verb of receiving; noun: the
    criticism received)."""
    return frozenset(row["word"] for row in tsv_rows("statements", "receiving.tsv") if row["role"] == role)


# The prepositions that tell what the criticism received is about.
_RECEIVED_FOR = frozenset({"for", "over", "about"})


def received(r: Reading, tok: Token) -> Optional[Attribution]:
    """ "The proposal has drawn criticism from fellow Republicans", "Suu Kyi has faced sharp criticism for
    failing to act", "Hillary Clinton came under heavy criticism": a verb of receiving whose object is a
    word of criticism (receiving.tsv) tells a saying turned round. Who criticises is the "from"
    phrase's object, or no one named; what is criticised is the noun's (or the verb's) "for", "over" or
    "about" phrase, or else the verb's subject."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "under" and verb.dep_ == "prep":
        verb = verb.head        # "came under criticism"
        if verb.lemma_.lower() != "come":
            return None
    elif tok.dep_ != "dobj" or verb.lemma_.lower() == "come":
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in receiving_words("verb"):
        return None
    preps = [c for c in kids(tok) if c.dep_ == "prep"] + [
        c for c in kids(verb) if c.dep_ == "prep" and c.i > tok.i]
    by = next((c for c in preps if c.lower_ == "from"), None)
    spk = next((g for g in kids(by) if g.dep_ == "pobj"), None) if by is not None else None
    if spk is not None:     # "criticism from the unions over the cuts": the parse hangs "over" on the critics
        preps += [c for c in kids(spk) if c.dep_ == "prep" and c.i > spk.i]
    about = next((c for c in preps if c.lower_ in _RECEIVED_FOR and not when(c)
                  and any(g.dep_ in ("pobj", "pcomp") for g in kids(c))), None)
    if about is not None:
        words = [g for g in kids(about) if g.dep_ in ("pobj", "pcomp")]
        content = r.trim(*r.span_of(words))
    else:
        subj = speaker_subject(verb)
        if subj is None or subj.tag_ == "WDT" or subj.lower_ in ("which", "that", "who"):
            return None     # "..., which drew criticism": the relative's noun, not a word of its own
        content = r.trim(*r.subtree_span(subj))
    if content[1] - content[0] < 2:
        return None
    speaker, spk_i = speaker_span(r, spk)
    if speaker is not None and about is not None and speaker[0] < about.idx < speaker[1]:
        speaker = r.trim(speaker[0], about.idx)     # the critics' words end where the topic's begin
    end = by.idx + len(by.text) if by is not None and by.i > tok.i and (about is None or by.i < about.i) else (
        tok.idx + len(tok.text))
    cue_span = (verb_cue_span(verb)[0], end)
    return Attribution(
        cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind="criticism", negated=negated(r, verb), quote=r.quote_kind(content),
        sentence=(tok.sent.start_char, tok.sent.end_char), rule="received")


def noun_stance(r: Reading, tok: Token, cue: Cue) -> Optional[Attribution]:
    """ "Trump's proposal to ban Muslims", "Clinton's criticism of the deal": a possessor holds it."""
    spk = next((c for c in kids(tok) if c.dep_ == "poss"), None)
    if spk is None:
        # "criticism from the unions over the plan": the from/by phrase names the holder
        by = next((c for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
        spk = next((g for g in kids(by) if g.dep_ == "pobj"), None) if by is not None else None
    if spk is None:
        # "Obama's calls" said as "Obama calls for", "Republican calls for a special prosecutor": a name
        # or a party's adjective before the noun names its holder, as a possessor does
        spk = next((c for c in tok.lefts if c.ent_type_ in NAME_ENTS and (
            c.dep_ == "compound" or (c.dep_ == "amod" and c.ent_type_ == "NORP"))), None)
    if spk is None or spk.pos_ not in ("PROPN", "PRON", "NOUN", "ADJ"):
        return None     # with no holder named the speaker is elsewhere: guessing none costs more than it finds
    if cue.frame == "personal" and not is_person(spk):
        return None     # "Trump's attacks on Curiel" are words; "Russia's attack on Kyiv" is an act
    comp = next((c for c in kids(tok) if c.i > tok.i and (
        (c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and to_infinitive(c))
        or (c.dep_ == "prep" and c.lower_ in _STANCE_PREPS and not when(c)))), None)
    if comp is None:
        return None     # ("his remarks on Saturday": when, not what)
    content = r.trim(*r.subtree_span(comp))
    if comp.dep_ == "prep":
        content = (comp.idx + len(comp.text) + 1, content[1])
    content = r.trim(*content)
    if content[1] - content[0] < 2:
        return None
    speaker, spk_i = speaker_span(r, spk)
    cue_span = (tok.idx, tok.idx + len(tok.text))
    return Attribution(
        cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind=cue.kind, quote=r.quote_kind(content), sentence=(tok.sent.start_char, tok.sent.end_char),
        rule="noun-stance")


def adjective_cue(r: Reading, tok: Token, cue: Cue) -> Optional[Attribution]:
    """ "X is eager to ...", "X was critical of ...", "X remains confident that ...": a stance the
    subject of the copula holds; the adjective's complement is what it is about."""
    verb = tok.head
    if verb.lemma_.lower() not in _COPULAS or verb.i > tok.i:
        return None
    subj = speaker_subject(verb)
    if subj is None or subj.lower_ in r.lex.non_speakers or subj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None     # "it is clear that ..." names no one who holds the view
    comps = [c for c in kids(tok) if c.i > tok.i and (c.dep_ in ("ccomp", "xcomp") or (
        c.dep_ == "prep" and (c.lower_ in _STANCE_PREPS or (tok.pos_ == "ADJ" and c.lower_ in _FEELING_PREPS))))]
    if not comps:
        return None
    content = r.trim(*r.span_of(comps))
    if comps[0].dep_ == "prep":
        content = r.trim(comps[0].idx + len(comps[0].text), content[1])   # "critical of [the plan]"
    lo, hi = r.sentence_span(tok)
    content = (content[0], min(content[1], hi))
    if content[1] - content[0] < 2:
        return None
    cue_span = (min(verb.idx, tok.idx), tok.idx + len(tok.text))
    content = r.extend_to_quotes(content, cue_span)
    speaker, spk_i = speaker_span(r, subj)
    return Attribution(
        cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind=cue.kind, negated=negated(r, verb), hedged=hedged(r, verb, comps[0]),
        quote=r.quote_kind(content), sentence=(lo, hi), rule="adjective" if tok.pos_ == "ADJ" else "role")


def made_clear(r: Reading, tok: Token, cue: Cue) -> Optional[Attribution]:
    """ "The mayor made it clear (to the council) that she would veto the budget", "officials made clear
    Monday they have no plans", "the comparisons were made clear": "make" with an adjective of the
    make frame (cues.tsv) states what follows, the subject of "make" its speaker."""
    make = tok.head
    if tok.dep_ == "amod" and make.dep_ == "npadvmod":
        make = make.head        # "made clear Monday ...": the parse hung the adjective on the date
    if make.lemma_.lower() != "make" or make.pos_ not in ("VERB", "AUX") or make.i > tok.i:
        return None
    words = None
    clause = next((c for c in kids(tok) if c.dep_ in ("advcl", "ccomp") and c.i > tok.i), None) or next(
        (c for c in kids(make) if c.dep_ == "ccomp" and c.i > tok.i), None) or next(
        (c for c in tok.subtree if c.dep_ == "relcl" and c.left_edge.lower_ == "that"
         and c.left_edge.dep_ == "mark"), None)     # "... clear to the council that ...": read as relative
    if clause is not None:
        words = (clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text))
    else:
        # "the comparisons were made clear" (not "made the room clear": a clause or a passive only)
        held = next((c for c in kids(make) if c.dep_ == "nsubjpass"), None)
        if held is not None:
            words = r.subtree_span(held)
    if words is None:
        return None
    content = r.trim(*words)
    if content[1] - content[0] < 2:
        return None
    speaker, spk_i = speaker_span(r, speaker_of(r, make))
    cue_span = (min(verb_cue_span(make)[0], tok.idx), tok.idx + len(tok.text))
    return Attribution(
        cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind=cue.kind, negated=negated(r, make), hedged=hedged(r, make, clause),
        quote=r.quote_kind(content), sentence=(tok.sent.start_char, tok.sent.end_char), rule="made-clear")


def in_statement(r: Reading, tok: Token) -> Optional[Attribution]:
    """ "In a statement, the ministry rejected ...": the verb's clause is what the statement said."""
    prep = tok.head
    verb = prep.head
    if prep.lower_ != "in" or verb.pos_ not in ("VERB", "AUX") or r.is_cue_verb(verb):
        return None
    subj = speaker_subject(verb)
    if subj is None:
        return None
    start = subj.right_edge.idx + len(subj.right_edge.text) if subj.i < verb.i else verb.idx
    end = verb.right_edge.idx + len(verb.right_edge.text)
    p_start, p_end = r.subtree_span(prep)
    if p_start > start:
        end = min(end, p_start)
    content = r.trim_period(start, end)
    if content[1] - content[0] < 2:
        return None
    speaker, spk_i = speaker_span(r, subj)
    cue_span = r.trim(p_start, p_end)
    return Attribution(
        cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind="claim", negated=negated(r, verb), hedged=hedged(r, verb, None),
        quote=r.quote_kind(content), sentence=(tok.sent.start_char, tok.sent.end_char))


def in_source(r: Reading, tok: Token, cue: Cue) -> Optional[Attribution]:
    """ "In a CNN poll, Clinton led by five points": the poll says the rest of the sentence."""
    prep = tok.head
    p_start, p_end = r.subtree_span(prep)
    sent = tok.sent
    lo, hi = r.paragraph(tok)
    s_start, s_end = max(sent.start_char, lo), min(sent.end_char, hi)
    before = r.text[s_start:p_start]
    after = r.text[p_end:s_end]
    if not before.strip(STRIP + "“\"") and after.startswith(","):
        content = (p_end, s_end)       # "In a CNN poll, Clinton led ..."
    elif before.rstrip().endswith(",") and not after.strip(" .\n"):
        content = (s_start, p_start)   # "... led by five points, in a CNN poll."
    else:
        content = in_source_predicate(r, tok, s_start)
        if content is None:
            return None
    content = r.trim_period(*content)
    if content[1] - content[0] < 8:
        return None
    speaker, spk_i = speaker_span(r, tok)
    return Attribution(
        cue=(prep.idx, prep.idx + len(prep.text)), cue_token=prep.i, content=content, speaker=speaker,
        speaker_token=spk_i, kind=cue.kind, quote=r.quote_kind(content),
        sentence=(sent.start_char, sent.end_char), rule="in-source")


# How far up from "in" the verb of the clause a poll speaks for may be: "led by five points in a poll"
# (on the verb), "held a lead over Obama in a poll" (on its object), "was ahead in the polls" (on the
# predicate adverb).
_PREDICATE_HOPS = 3


def in_source_predicate(r: Reading, tok: Token, s_start: int) -> Optional[tuple[int, int]]:
    """ "Trump has a decisive lead in the polls", "Obama was winning blacks by 28 points in the same
    poll": the poll phrase closes the predicate of a clause whose subject comes first; what the poll
    says is that clause, from its subject to where the phrase begins. Only within the predicate (every
    word from the verb to "in" lies after the verb): "voters in the poll said ..." is the voters'
    saying, and a poll in a clause of another's saying is part of those words. One poll only: "a
    CNN poll", "the same survey" report their figures; "in the polls", "in several recent surveys" is
    the writer's summary of where a candidate stands, no one's report."""
    if tok.tag_ != "NN":
        return None
    prep = tok.head
    verb = prep.head
    for _ in range(_PREDICATE_HOPS):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ in ("ROOT", "nsubj", "nsubjpass"):
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > prep.i or r.is_cue_verb(verb):
        return None
    if verb.dep_ not in ("ROOT", "conj") or (verb.dep_ == "conj" and verb.head.dep_ != "ROOT"):
        return None     # a clause inside another ("said that Trump led in the polls"): the outer one's
    subj = speaker_subject(verb)
    if subj is None or subj.i > verb.i:
        return None
    start = subj.left_edge.idx
    if start < s_start:
        return None
    end = prep.idx
    return (start, end) if r.text[start:end].strip() else None


def in_view(r: Reading, tok: Token, cue: Cue) -> Optional[Attribution]:
    """ "In her view, the deal is dead", "the plan, in the words of one aide, is dead", "..., in Bolton's
    view": the clause is what the holder (the noun's possessor, or the object of its "of") holds. The
    phrase opens its clause or is set off by commas; "in his view of the deal" (the view's object named)
    and "in the report that ..." (no holder) are no such phrase."""
    prep = tok.head
    holder = next((c for c in kids(tok) if c.dep_ == "poss"), None)
    of = next((c for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i), None)
    if holder is None and of is not None:
        holder = next((g for g in kids(of) if g.dep_ == "pobj"), None)
    elif of is not None:
        return None     # "in his view of the deal": what the view is of, not a clause it holds
    if holder is None or holder.pos_ not in ("PROPN", "PRON", "NOUN"):
        return None
    if any(c.dep_ in ("acl", "relcl", "prep") and c.i > tok.i and (of is None or c.i != of.i)
           for c in kids(tok)):
        return None     # "in the words of the song that ...": the phrase goes on
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or r.is_cue_verb(verb):
        return None     # "In his remarks, Trump said ...": the verb's statement, the phrase its medium
    p_start, p_end = r.subtree_span(prep)
    sent = tok.sent
    lo, hi = r.paragraph(tok)
    # the clause the phrase belongs to (not the sentence: "..., because, in her words, “he knows how”"),
    # from its first word after a subordinator
    first = next((t for t in verb.subtree if t.dep_ != "mark" and not t.is_punct), verb)
    s_start = max(first.idx, sent.start_char, lo)
    s_end = min(r.subtree_span(verb)[1], sent.end_char, hi)
    before = r.text[s_start:p_start].rstrip()
    after = r.text[p_end:s_end]
    if not after.lstrip().startswith(",") and after.strip(STRIP + ".”\"’'"):
        return None     # "in his view the plan ...": not set off
    if not before.strip(STRIP + "“\"'‘"):
        content = (p_end, s_end)                     # "In her view, the deal is dead."
    elif before.endswith(",") and not after.strip(STRIP + ".”\"’'"):
        content = (s_start, p_start)                 # "The deal is dead, in her view."
    elif before.endswith(","):
        content = (s_start, s_end)                   # "The deal, in her view, is dead."
    else:
        return None
    content = r.trim_period(*content)
    if content[1] - content[0] < 8:
        return None
    content = r.extend_to_quotes(content, (p_start, p_end))
    speaker, spk_i = speaker_span(r, holder)
    return Attribution(
        cue=(prep.idx, tok.idx + len(tok.text)), cue_token=tok.i, content=content, speaker=speaker,
        speaker_token=spk_i, kind=cue.kind, quote=r.quote_kind(content),
        sentence=(sent.start_char, sent.end_char), rule="in-view")
