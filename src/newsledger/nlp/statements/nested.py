"""Statements inside statements: "According to the Kremlin, Putin said that ...", "A senior official told
Reuters that the minister had warned that ...", "The agency reported that Zelensky accused Moscow of
stalling", "Tass quoted Lavrov as saying ...", "“A,” the minister said, according to state media".

rules.py keeps the outermost statements; of the candidates it set aside because their cue lies inside
another statement's words, `reported` keeps those that are a saying reported by that statement, each
linked to it (`Attribution.reported_by`). Which cues report and which can be reported: verbs of the
speech and utterance frames (data/cues.tsv), and data/statements/reporting.tsv. A cue the parse put
inside another's words that is no part of them is not set aside (`next_act`: "said A, adding B").
PolNeAR gives a statement inside another's words no entry of its own (on train, 124 of 19,832 gold cues
lie inside another gold content); where it marks both, the outer words end before the inner cue.
"""
from __future__ import annotations

import functools

from ...lexicons.loader import tsv_rows
from ..grammar.doc_cache import kids
from ..grammar.modality import hypothetical
from .context import Attribution, Reading
from .spans import jaccard


def reported(r: Reading, outer: list[Attribution], inner: list[Attribution]) -> list[Attribution]:
    """The statements reported inside another's words ("According to the Kremlin, Putin said that A",
    "The agency reported that Zelensky accused Moscow of stalling"), each linked to the narrowest
    statement that reports it (`reported_by`). Only a report of someone else, named inside those words,
    whose saying is told as done: "Macron highlighted that Putin faced a deadline set by Trump" names no
    speaker of a deadline in the words, "said that he would say no" is a prediction, "Caddell said,
    speaking of ..." is Caddell's own aside."""
    kept = list(outer)
    out: list[Attribution] = []
    for a in sorted(inner, key=lambda a: a.content[0] - a.content[1]):     # widest first
        holders = [k for k in kept if k.content[0] <= a.cue[0] and a.cue[1] <= k.content[1]]
        if not holders or a.speaker is None or a.negated or a.rule.startswith("learned"):
            continue
        k = min(holders, key=lambda k: k.content[1] - k.content[0])
        if not (k.content[0] <= a.speaker[0] and a.speaker[1] <= k.content[1]
                and k.content[0] <= a.content[0] and a.content[1] <= k.content[1]
                and a.content != k.content):
            continue
        if k.speaker is not None and (r.text[slice(*k.speaker)].lower() == r.text[slice(*a.speaker)].lower()
                                      or same_speaker(r, k, a)):
            continue        # "He said he had warned that ...": one speaker, one statement
        cue = r.doc[a.cue_token]
        if hypothetical(cue) or any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids(cue)):
            continue        # "would say no", "urged Mexico to respond": not said, or not yet
        if cue.tag_ == "VB" and not any(c.dep_ == "aux" and c.lemma_ == "do" for c in kids(cue)):
            continue        # "should change the laws rather than criticize him": a bare verb tells no saying done
        if a.speaker_token is not None and r.doc[a.speaker_token].lower_ in ("that", "which"):
            continue        # "a movement that demands respect": a thing, not a speaker
        if not reports(r, k, "outer") or not reports(r, a, "inner"):
            continue
        if any(jaccard(o.content, a.content) >= 0.5 for o in out):
            continue        # two cues for the same words, as one_cue_per_words
        a.reported_by = k
        out.append(a)
        kept.append(a)
    return out


def next_act(r: Reading, a: Attribution, k: Attribution) -> bool:
    """ "She said she was shocked, adding that she had not been told", "Trump said the deal was dead,
    saying it had been broken": a participle of saying, set off by a comma after k's cue and with no
    subject of its own, whose doer is k's speaker. The parse hangs it on the last verb of k's words, but
    it is the speaker's next act beside the saying, not words of it: a statement of its own, and k's
    words end before it (PolNeAR marks the two; sign_offs.second_act keeps the same participle hung on
    k's cue itself)."""
    tok = r.doc[a.cue_token]
    if _second_verb(r, a, k, tok):
        return True
    if (a.rule.startswith("learned") or a.speaker is None or k.speaker is None or tok.idx < k.cue[1]
            or tok.pos_ != "VERB" or tok.tag_ != "VBG" or tok.dep_ != "advcl"
            or tok.left_edge.i == 0 or not r.doc[tok.left_edge.i - 1].is_punct
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(tok))):
        return False
    return (r.text[slice(*a.speaker)].lower() == r.text[slice(*k.speaker)].lower()
            or same_speaker(r, k, a))


def _second_verb(r: Reading, a: Attribution, k: Attribution, tok) -> bool:
    """ "The farmer said he makes $41,000 a year and questioned how ...": a finite speech-act verb
    coordinated with a verb of k's words, with no subject of its own, in the tense of k's cue and not
    of the verb it is coordinated with. Conjuncts share their tense and subject; one in the outer
    cue's tense is the outer speaker's second act, which the parse hung on the wrong verb (the same
    tense both ways, "said it was late and warned", stays ambiguous: left as one statement)."""
    head = r.doc[k.cue_token]
    return (not a.rule.startswith("learned") and a.speaker_token is not None
            and (a.speaker_token == k.speaker_token or same_speaker(r, k, a)) and tok.dep_ == "conj" and tok.idx > k.cue[1]
            and tok.tag_ in ("VBD", "VBZ") and tok.head.i != k.cue_token
            and tok.tag_ == head.tag_ and tok.head.tag_ != tok.tag_
            and tok.head.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(tok))
            and reports(r, a, "inner"))


def complement_cue(r: Reading, a: Attribution, k: Attribution) -> bool:
    """ "The judge proceeded to hand down his sentence", "Holder failed to prosecute the fraud", "Perez
    starts talking about baseball": k is a verb only the learned detector took, and its words are the
    complement (xcomp) of a's cue, which opens them. The verb of the complement is the act whose object
    was said or meant (PolNeAR's cue: its words are "his sentence"); the first verb tells only its
    aspect or outcome. Its doer is k's subject (the complement has none of its own), so a, with k's
    speaker, stands for the two."""
    tok = r.doc[a.cue_token]
    return (k.rule.startswith("learned") and tok.dep_ == "xcomp" and tok.head.i == k.cue_token
            and tok.left_edge.idx <= k.content[0] + 1)


def words_end_before(r: Reading, k: Attribution, a: Attribution) -> int:
    """Where k's words end when `a` (next_act) follows them: before a's clause and the comma or
    coordinator that opens it; before k's own cue when the words began before it ("“A,” he said,
    adding B")."""
    start = r.doc[a.cue_token].left_edge
    while start.i < a.cue_token and (start.is_punct or start.dep_ == "cc"):
        start = r.doc[start.i + 1]
    while start.dep_ == "conj" and start.i > 0 and (r.doc[start.i - 1].dep_ == "cc" or r.doc[start.i - 1].is_punct):
        start = r.doc[start.i - 1]      # "said A and questioned B": A ends before the "and"
    return k.cue[0] if k.content[0] < k.cue[0] < start.idx else start.idx


# Pronouns that can take up the speaker of the statement around them ("the envoy said he urged ...").
_SINGULAR = frozenset({"he", "she", "i"})
_PLURAL = frozenset({"they", "we"})
# Entities that are no one "he" or "she" can stand for.
_NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def same_speaker(r: Reading, outer: Attribution, inner: Attribution) -> bool:
    """The inner speaker is a pronoun that can stand for the outer one: "The envoy said he urged Kyiv to
    ..." is the envoy's own statement, not one reported by him ("Officials said he warned" is)."""
    if outer.speaker_token is None or inner.speaker_token is None:
        return False
    o, i = r.doc[outer.speaker_token], r.doc[inner.speaker_token]
    if i.pos_ != "PRON" or i.lower_ not in _SINGULAR | _PLURAL:
        return False
    plural = o.tag_ in ("NNS", "NNPS") or o.lower_ in _PLURAL
    if i.lower_ in _PLURAL:
        return plural
    return not plural and o.ent_type_ not in _NOT_PEOPLE


@functools.lru_cache(maxsize=None)
def reporting_words(role: str) -> frozenset[str]:
    """The cues of data/statements/reporting.tsv in `role` (outer: can report another's statement;
    inner: a speech act that can be reported)."""
    return frozenset(row["word"] for row in tsv_rows("statements", "reporting.tsv") if row["role"] == role)


def reports(r: Reading, a: Attribution, role: str) -> bool:
    """`a` is a statement of saying that can report another (role outer) or be reported (role inner):
    a verb of the speech or utterance frame, or a cue of reporting.tsv; "according to" only reports."""
    words = reporting_words(role)
    if a.rule == "according-to":
        return "according to" in words
    tok = r.doc[a.cue_token]
    if tok.pos_ != "VERB":
        return False
    lemma = r.lex.verb_lemma(tok.lemma_.lower(), tok.lower_)
    cue = r.lex.verbs.get(lemma)
    if cue is not None and cue.frame in ("speech", "utterance"):
        return True
    last = r.text[a.cue[0]:a.cue[1]].split()[-1].lower()
    return lemma in words or f"{lemma} {last}" in words
