"""Prepositional and adverbial cues and lead-ins: "according to X, ...", "X is reportedly ...", and
"Trump: Cruz has to come a long way" (a name opening a paragraph, a colon, then the words).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...lexicons.cues import Cue
from ..grammar.doc_cache import kids
from .context import Attribution, Reading, STRIP
from .learned import NAME_ENTS
from .modality import hedged
from .speakers import speaker_span

_LEAD_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART"})


def _headline_speaker(name: list[Token]) -> list[Token]:
    """The speaker's words of a headline lead-in "X to Y: ..." or "X on Y: ...": a name, then "to" and
    whom it is said to, or "on" and what it is about ("Obama To Asians Worried About U.S. Election:
    It's Going To Be OK", "CNN President On Trump: ..."). PolNeAR's source is the name alone (train 3
    made exact, none lost; dev 1)."""
    for k, t in enumerate(name):
        if k and t.lower_ in ("to", "on") and t.pos_ == "ADP":
            return name[:k]
    return name


def opening_cue(r: Reading, tok: Token) -> bool:
    """A capitalised past-tense speech verb opening a sentence before a name and a colon, the verb
    put first ("Said Ellis: ...", "Stated Stone: ...", "Added Ellis: ...")."""
    if tok.text == "Said":
        return True
    if not tok.is_title or tok.tag_ not in ("VBD", "VBN", "NNP"):
        return False
    cue = r.lex.verbs.get(r.lex.verb_lemma(tok.lemma_.lower(), tok.lower_))
    return cue is not None and cue.frame in ("speech", "utterance")


def according_to(r: Reading, tok: Token, words: tuple[str, ...], cue: Cue) -> Optional[Attribution]:
    doc = r.doc
    last = doc[tok.i + len(words) - 1]
    src = next((c for c in kids(last) if c.dep_ == "pobj"), None)
    if src is None:
        src = next((c for c in kids(tok) if c.dep_ == "pobj"), None)
    name_start = None
    if src is None:
        # "according to show insiders": the tagger read the noun's modifier as a verb
        comp = next((c for c in kids(last) if c.dep_ == "pcomp"), None)
        if comp is not None:
            src = next((c for c in kids(comp) if c.dep_ == "dobj"), comp)
            name_start = comp.left_edge.idx
    if src is None or src.lemma_.lower() in r.lex.non_sources:
        return None         # "according to plan" names a manner, not a source
    # The sentence is what the source says: the words before the cue, or after it when it leads.
    sent = tok.sent
    lo, hi = r.paragraph(tok)
    s_start, s_end = max(sent.start_char, lo), min(sent.end_char, hi)
    c_start, c_end = r.subtree_span(tok)
    if c_start <= s_start and c_end >= s_end:
        # the parse hung the whole sentence on "According": the cue phrase ends with its source's
        # name, at the first comma after it
        c_start = tok.idx
        c_end = src.idx + len(src.text)
        for t in r.doc[src.i + 1:sent.end]:
            if t.is_punct:
                break
            c_end = t.idx + len(t.text)
    before = r.text[s_start:c_start].strip(STRIP + "“\"'‘")
    if before and r.text[c_end:s_end].lstrip().startswith(",") and sent.root.idx > c_end:
        # set off inside the clause, whose verb comes after it: "Since November, according to the
        # group, troops have killed 400 protesters" -> the whole sentence
        content = (s_start, s_end)
    elif before:
        content = (s_start, c_start)
    else:
        content = (c_end, s_end)
    content = r.trim_period(*content)
    head = tok.head
    if content[1] - content[0] < 2:
        return None
    cue_span = (tok.idx, last.idx + len(last.text))
    content = r.extend_to_quotes(content, cue_span)
    speaker, spk_i = speaker_span(r, src)
    if speaker is not None and speaker[1] > c_end > speaker[0]:
        speaker = r.trim(speaker[0], c_end)      # the name ends where the cue phrase does
    if speaker is not None and name_start is not None:
        speaker = (name_start, speaker[1])
    return Attribution(
        cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind=cue.kind, hedged=hedged(r, head, None), quote=r.quote_kind(content),
        sentence=(tok.sent.start_char, tok.sent.end_char), rule="according-to")


def reported_clause(r: Reading, tok: Token, cue: Cue) -> Optional[Attribution]:
    """ "The FBI is reportedly making arrangements to interview Clinton": the clause the adverb modifies,
    from its subject (leading adverbials aside) to its end, is reported by no one named. The first verb
    of a coordination holds the subject ("He gained acclaim ... and was reportedly targeted ...").
    On a verb of saying the adverb hedges that statement (modality.py) and makes none of its own."""
    verb = tok.head
    if tok.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") or r.is_cue_verb(verb):
        return None     # "the president reportedly said that ...": a hedge on his statement
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    subj = next((c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or subj.tag_ in ("WDT", "WP"):
        return None     # "a senator who reportedly ..." describes a noun; "reportedly to ..." no clause
    start = subj.left_edge.idx
    if tok.i < subj.left_edge.i:
        start = tok.nbor().idx if tok.i + 1 < len(r.doc) else start     # "Reportedly, he made ..."
    _, end = r.subtree_span(verb)
    content = r.trim_period(start, end)
    if content[1] - content[0] < 8:
        return None
    sent = tok.sent
    return Attribution(
        cue=(tok.idx, tok.idx + len(tok.text)), cue_token=tok.i, content=content, speaker=None,
        speaker_token=None, kind=cue.kind, quote=r.quote_kind(content),
        sentence=(sent.start_char, sent.end_char), rule="adverb")


def lead_in(r: Reading, sent) -> Optional[Attribution]:
    """ "Trump: Cruz has to come a long way", "TAPPER: And obviously ..." — a short name opening a
    paragraph, a colon, then the words (to the paragraph's end)."""
    text = r.text
    if text.find(":", sent.start_char, sent.end_char) < 0:
        return None     # (no colon, no lead-in: most sentences are told so without reading a token)
    said = opening_cue(r, sent[0])     # "Said Ellis: “...”", "Continued Stone: ...", anywhere in a paragraph
    if sent.start_char and text[sent.start_char - 1] != "\n" and not said:
        return None
    title = sent.start_char == 0 and "\n" in text     # "Former AG Mukasey at RNC: Clinton ..."
    limit = 10 if title else 6
    toks = list(sent[:limit + 2])
    for k, t in enumerate(toks):
        if t.text == ":":
            break
    else:
        return None
    if k == 0 or k > limit:
        return None
    name = toks[1:k] if said else toks[:k]
    if title:
        name = _headline_speaker(name)
    if not name:
        return None
    # taggers often call a name before a colon a common noun: a capitalised word will do, unless it
    # is an editorial label ("Note:", "Update:")
    words = [t for t in name if t.is_alpha and not t.is_stop]
    named = (bool(words) and all(t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS or t.is_title or t.is_upper
                                 for t in words)
             and not any(t.lower_ in r.lex.labels for t in name))
    if not named or not all(t.pos_ in _LEAD_POS or t.is_punct or (title and t.pos_ in ("ADP", "NUM"))
                                    for t in name):
        return None
    colon = toks[k]
    start = colon.idx + 1
    region = r.quotes.next_after(start)
    if region is not None:
        content = region
    else:
        end = text.find("\n", start)
        content = r.trim(start, end if end >= 0 else len(text))
    if content[1] - content[0] < 8:
        return None
    head = max(name, key=lambda t: (t.pos_ == "PROPN", t.i))
    cue = sent[0] if said else colon
    return Attribution(
        cue=(cue.idx, cue.idx + len(cue.text)), cue_token=cue.i, content=content,
        speaker=r.trim(name[0].idx, name[-1].idx + len(name[-1].text)), speaker_token=head.i,
        kind="claim", quote=r.quote_kind(content), sentence=(sent.start_char, sent.end_char),
        rule="lead-in")
