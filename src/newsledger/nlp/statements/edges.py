"""Where a statement's words begin and end, once the constructions have chosen them: no white space at
either edge, no wire dateline at the start; a reported clause does not stop on a coordinator, and a clause coordinated after it in
the speaker's own voice goes with it; an object that names the saying ("issued a statement saying
X", "voiced concern about X") leaves the words to what it says (PolNeAR's cue takes the noun).

`settle` is the last word on a content span's edges (rules.attributions calls it for every statement
it keeps); the constructions' own cuts (content.py, clauses.py) stand otherwise.
"""
from __future__ import annotations

import re
from typing import Optional

from .context import Attribution, Reading
from .spans import CharSpan
from ..grammar.doc_cache import kids
from ..grammar.dateline import paragraph_dateline_end
from ..grammar.syntax import own_subject

# A coordinator left at the end once what it joins was cut off ("... more intense — and", "that
# Burma's reforms were not complete, and"): the parse hung the next conjunct elsewhere.
_DANGLING = re.compile(r"[\s,;:—–-]+(?:and|but|or|nor|as well as|and also|but rather)$", re.I)
_CLOSERS = " \t\n.,;:\"'“”‘’"
# Prepositions that take what a saying noun is about ("criticism of", "a call for", "attacks against").
_NOUN_TOPIC_PREPS = frozenset({"about", "on", "of", "over", "regarding", "for", "against", "toward", "towards", "at"})


def settle(r: Reading, a: Attribution) -> CharSpan:
    start, end = _without_unopened_paren(r, *_without_spaces(r.text, *a.content))
    # a wire dateline that opens the paragraph ("DETROIT — Stellantis will ...") says where the
    # story was filed, not what anyone said: the words begin after it
    start = paragraph_dateline_end(r.doc, r.text, start, end)
    words = r.text[start:end].rstrip(_CLOSERS)
    m = _DANGLING.search(words)
    if m is not None:
        return _past_coordinator(r, a, start, start + m.start(), start + m.end())
    if a.rule == "verb-ccomp" and a.cue[1] <= start:
        return _with_conjunct(r, a, start, end)
    if a.rule.endswith("verb-object"):
        if a.rule.startswith("learned"):
            start = _past_a_cue_infinitive(r, start, end)
        return _what_the_object_says(r, a, start), end
    return start, end


def _past_a_cue_infinitive(r: Reading, start: int, end: int) -> int:
    """Words that open with the infinitive of a lexicon cue after a verb the learned detector took
    ("continued to portray immigrants as criminals", "tend to favor spending projects"): the
    infinitive's verb is the saying, so the words begin after it."""
    words = r.doc.char_span(start, end, alignment_mode="expand")
    if words is None or len(words) < 3 or words[0].lower_ != "to" or words[0].dep_ != "aux":
        return start
    verb = words[1]
    if words[0].head.i != verb.i or not r.is_cue_verb(verb):
        return start
    return words[2].idx


def _what_the_object_says(r: Reading, a: Attribution, start: int) -> int:
    """Where the words begin when the cue's object names the saying itself: at the clause of a
    participle cue on it ("released a statement Tuesday saying that ...") or at the object of "about"
    after a bare cue noun ("expressed concern about the cost", "voiced fears about"; a noun with
    words of its own, "fawning comments about X", is what was said), or of the preposition that
    takes its topic after a cue noun on a learned cue ("hold a dim opinion of X")."""
    cue = r.doc[a.cue_token]
    obj = next((c for c in cue.rights if c.dep_ == "dobj" and c.left_edge.idx == start), None)
    if obj is None:
        return start
    act = next((c for c in obj.rights if c.dep_ == "acl" and c.tag_ == "VBG" and r.is_cue_verb(c)), None)
    comp = next((c for c in act.rights if c.dep_ == "ccomp"), None) if act is not None else None
    if comp is not None:
        return comp.left_edge.idx
    said = _what_the_act_says(r, obj)
    if said is not None:
        return said
    # after a verb the learned detector took, the cue noun is the saying whatever its modifiers
    # ("avoided direct criticism of X", "made an impassioned call for X": the verb says nothing)
    learned = a.rule.startswith("learned")
    if obj.lemma_.lower() in r.lex.nouns and (learned or not any(True for _ in obj.lefts)):
        about = next((c for c in obj.rights if c.dep_ == "prep" and (
            c.lower_ in _NOUN_TOPIC_PREPS if learned else c.lower_ == "about")), None)
        topic = next((c for c in kids(about) if c.dep_ in ("pobj", "pcomp")), None) if (
            about is not None and about.i == obj.i + 1) else None
        if topic is not None:
            return topic.left_edge.idx
    return start


def _what_the_act_says(r: Reading, obj) -> Optional[int]:
    """Where the words begin when the object is the act itself and what it is about follows it: a
    saying noun and the participle that tells what it does ("issued a statement condemning the
    attacks", "passed a resolution describing the vote as a sham": the attacks, the vote as a sham;
    a noun with words of its own stays, "his tweets shaming a rival"),
    or a noun denied by "no" ("made no mention of the deal", "showed no sign of backing down", "makes
    no apologies for his record": the deal, backing down, his record; the denial is the cue's, the
    words are what it is about). PolNeAR train: 20 content spans made exact, 1 lost; dev 1 and none."""
    nxt = r.doc[obj.i + 1] if obj.i + 1 < len(r.doc) else None
    if nxt is None or nxt.head.i != obj.i:
        return None
    if nxt.dep_ == "acl" and nxt.tag_ == "VBG" and obj.lemma_.lower() in r.lex.nouns and all(
            c.dep_ == "det" for c in obj.lefts):     # (not "his early-morning tweets shaming X": his tweets)
        what = next((c for c in nxt.rights if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
        return what.left_edge.idx if what is not None else None
    if nxt.dep_ == "prep" and any(c.dep_ == "det" and c.lower_ == "no" and c.i == obj.left_edge.i
                                  for c in obj.lefts):
        what = next((c for c in kids(nxt) if c.dep_ in ("pobj", "pcomp")), None)
        return what.left_edge.idx if what is not None and what.left_edge.i == nxt.i + 1 else None
    return None


def _without_unopened_paren(r: Reading, start: int, end: int) -> CharSpan:
    """Words that end on a closing parenthesis they never opened ("(... as Clyburn noted, those voters
    will give Sanders a look.)"): the parenthesis closes the writer's aside the statement sits in,
    and is no word of it."""
    words = r.text[start:end].rstrip(_CLOSERS)
    if words.endswith(")") and words.count(")") > words.count("("):
        return r.trim_period(start, start + len(words) - 1)
    return start, end


def _without_spaces(text: str, start: int, end: int) -> CharSpan:
    """The words without white space of any kind at their edges: a no-break space after a full stop
    ("checks.\xa0") is no word of theirs."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _past_coordinator(r: Reading, a: Attribution, start: int, before: int, after: int) -> CharSpan:
    """Words that end on a coordinator: on to the end of the sentence when what follows it there is
    more of the same words (no cue verb, no quotation: "that majorities favor X and also back Y"),
    else without the coordinator."""
    if a.cue[1] <= start:
        end = r.sentence_span(r.doc[a.cue_token])[1]
        rest = r.doc.char_span(after, end, alignment_mode="contract") if end > after else None
        if rest is not None and len(rest) and not r.quotes.overlapping(after, end) and not any(
                t.pos_ == "VERB" and r.is_cue_verb(t) for t in rest):
            return r.trim_period(start, end)
    return start, before


def _with_conjunct(r: Reading, a: Attribution, start: int, end: int) -> CharSpan:
    """ "said A, but B", where the parse hung B on the cue: B goes on with the report when it has no
    active subject of its own or a pronoun one ("said the goal was not X but to Y", "said it would
    take two months, but it managed in one") and holds no cue verb."""
    cue = r.doc[a.cue_token]
    comp = next((c for c in kids(cue) if c.dep_ == "ccomp" and c.idx >= start), None)
    if comp is None:
        return start, end
    conj = next((c for c in cue.rights if c.dep_ == "conj" and c.i > comp.i), None)
    if conj is None or any(t.pos_ == "VERB" and r.is_cue_verb(t) for t in conj.subtree):
        return start, end
    subj = own_subject(conj)
    if subj is not None and subj.pos_ != "PRON":
        return start, end       # ("said A, but instant polls are no measure": the writer's words)
    c_start, c_end = r.subtree_span(conj)
    if r.quotes.overlapping(c_start, c_end) and not r.quotes.overlapping(start, end):
        return start, end
    new_end = min(c_end, r.sentence_span(cue)[1])
    return r.trim_period(start, new_end) if new_end > end else (start, end)
