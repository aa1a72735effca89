"""A name, a colon, then a quotation, inside a paragraph: "Iowa polls were not wrong - Mark Blumenthal
and Jon Cohen: “Although the polls failed ...”", "... to destroy ISIS.\" Bush: \"The mission is ...\"",
"Rep. Trey Gowdy (R-S.C.):\"I have not heard ...\"". The colon is the cue (PARC: punctuation that
attributes the quotation to the name before it, as in a transcript); the quotation is the content.
according.lead_in takes the same line when the name opens a paragraph; this takes it after a dash, a
closed quotation or a sentence's end, where wire digests and transcripts set it.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from .according import opening_cue
from .context import Attribution, Reading
from .learned import NAME_ENTS

# What may stand before the name: the name starts right after one of these (or a paragraph's start).
_DASHES = frozenset({"-", "–", "—", "--"})
_CLOSERS = frozenset({"”", "\"", "’", "''", ".", "?", "!", "...", "…"})
# Prepositions that end the name before the colon: what follows says when, where or on what it was said
_PLACES = frozenset({"in", "on", "at"})
# The most words a name before the colon may have ("Former secretary of state Hillary Rodham Clinton").
_MAX_NAME = 9
# Words that lead into the name without being part of it: "More from Jones: “...”", "From the report: ..."
# "Here's Clinton in 1992: “...”" too (the verb's clitic after "here")
_LEADS = frozenset({"more", "from", "here", "’s", "'s"})


def colon_quotes(r: Reading, taken: list[Attribution] = ()) -> list[Attribution]:
    cues = {a.cue_token for a in taken}
    out = []
    for start, end in r.quotes.regions:
        found = _colon_quote(r, start, end)
        if found is not None and found.cue_token not in cues:
            out.append(found)
    return out


def _colon_quote(r: Reading, start: int, end: int) -> Optional[Attribution]:
    j = start - 1
    while j >= 0 and r.text[j].isspace() and r.text[j] != "\n":     # (a no-break space too)
        j -= 1
    if j < 1 or r.text[j] != ":":
        return None
    colon = r.doc.char_span(j, j + 1, alignment_mode="expand")
    if colon is None or len(colon) != 1 or r.quotes.containing(j, j + 1) is not None:
        return None
    colon = colon[0]
    name: list[Token] = []
    k = colon.i - 1
    while k >= 0 and len(name) <= _MAX_NAME:
        t = r.doc[k]
        if _before_name(t):
            break
        name.insert(0, t)
        k -= 1
    else:
        if k >= 0:
            return None     # too long for a name: a sentence that ends in a colon
    if k >= 0 and not _before_name(r.doc[k]):
        return None
    while name and name[0].lower_ in _LEADS:
        name = name[1:]
    said = name[0] if name and len(name) > 1 and _verb_first(r, name[0]) else None
    if said is not None:
        name = name[1:]     # "Continued Stone: “...”": the verb put first is the cue, the name after it the speaker
    cut = next((i for i, t in enumerate(name) if i and t.lower_ in _PLACES), None)
    if cut is not None:
        name = name[:cut]   # "Clinton in December 1992: “...”", "Gillibrand on the transcripts: ‘...’": the speaker, then when or on what
    if not name or not (name[0].is_title or name[0].is_upper) or not _named(r, name):
        return None     # (" ... story by Times' Ben Sisario: “...”": a byline in a digest, no speaker)
    content = r.trim(start, end)
    if content[1] - content[0] < 8:
        return None
    head = max(name, key=lambda t: (t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS, t.i))
    sent = colon.sent
    cue = said if said is not None else colon
    return Attribution(
        cue=(cue.idx, cue.idx + len(cue.text)), cue_token=cue.i, content=content,
        speaker=r.trim(name[0].idx, name[-1].idx + len(name[-1].text)), speaker_token=head.i,
        kind="claim", quote=r.quote_kind(content), sentence=(sent.start_char, sent.end_char),
        rule="colon-quote")


def _verb_first(r: Reading, t: Token) -> bool:
    """A capitalised past-tense cue verb put before the name ("Said Ellis:", "Continued Stone:")."""
    if opening_cue(r, t):
        return True
    return t.is_title and t.tag_ in ("VBD", "VBN") and r.lex.verbs.get(r.lex.verb_lemma(t.lemma_.lower(), t.lower_)) is not None


def _before_name(t: Token) -> bool:
    """A token the name may start right after: a dash, a closed quotation or sentence, a line break."""
    return t.text in _DASHES or t.text in _CLOSERS or "\n" in t.text or t.is_space


def _named(r: Reading, name: list[Token]) -> bool:
    """Words that name someone: every word capitalised (a title, a name, initials), a name among them,
    no editorial label ("Update:", "Watch:"), no verb ("He then listed the qualities:")."""
    words = [t for t in name if t.is_alpha and not t.is_stop]
    if not words or any(t.lower_ in r.lex.labels for t in name):
        return False
    if any(t.pos_ in ("VERB", "AUX") and not t.is_title and not t.is_upper for t in name):
        return False
    return (all(t.is_title or t.is_upper or t.pos_ == "PROPN" for t in words)
            and any(t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS for t in words))


# The most words a transcript's speaker line may have before its colon ("KATE BOULDUAN:", "SEN. JOHN SMITH:")
_MAX_SPEAKER = 4


def _colons(r: Reading) -> list[Token]:
    """The doc's colon tokens, in order: found from the colons of the text (few), since walking every token
    of the doc to find them cost a tenth of the statements component's time."""
    out = []
    for i in (m.start() for m in re.finditer(":", r.text)):
        span = r.doc.char_span(i, i + 1)
        if span is not None and len(span) == 1:
            out.append(span[0])
    return out


def transcript_lines(r: Reading, found: list[Attribution]) -> list[Attribution]:
    """A transcript's line: a speaker in capitals opening a paragraph, a colon, then a clause ("TAPPER: And
    obviously you're supporting him", "KATE BOULDUAN: Why not debate?"). (An interview's "Q: ..." and
    "A: ..." stay labels: PolNeAR marks them as speakers in one interview and the words inside the answers
    in another; reading them lost on train.) Taggers read a name in capitals as anything (a number, a
    verb, an adverb), so the capitals stand for the name here, where according.lead_in asks the tagger; the colon
    is the cue, the paragraph after it the content."""
    taken = {a.cue_token for a in found}
    text = r.text
    out = []
    for t in _colons(r):
        if t.i in taken or t.i == 0:
            continue
        name = []
        k = t.i - 1
        while k >= 0 and len(name) <= _MAX_SPEAKER and not _before_name(r.doc[k]):
            name.insert(0, r.doc[k])
            k -= 1
        if not name or len(name) > _MAX_SPEAKER:
            continue
        line_start = r.paragraph(name[0])[0]
        if text[line_start:name[0].idx].strip(" \t\"“'"):
            continue        # not opening its paragraph (an opening quotation mark may stand before it)
        words = [w for w in name if not w.is_punct]
        lowers = [w.lower_ for w in words]
        if not (words and all(w.is_alpha and w.is_upper and len(w) > 1 for w in words)
                and not any(w in r.lex.labels for w in lowers)):
            continue
        if t.idx + 1 < len(text) and text[t.idx + 1].isdigit():
            continue        # a time, a ratio ("10:30")
        content = r.trim(t.idx + 1, r.paragraph(t)[1])
        if content[1] - content[0] < 8 or not (text[content[0]].isalpha() or text[content[0]] in "\"“‘'"):
            continue        # a figure, not words ("STAT OF THE WEEK: $43 million")
        span = r.doc.char_span(content[0], content[1], alignment_mode="expand")
        if span is None or not any(w.pos_ in ("VERB", "AUX") for w in span):
            continue        # no clause: a list or a heading ("INGREDIENTS: flour, sugar")
        head = words[-1]
        sent = t.sent
        out.append(Attribution(
            cue=(t.idx, t.idx + 1), cue_token=t.i, content=content,
            speaker=r.trim(name[0].idx, name[-1].idx + len(name[-1].text)), speaker_token=head.i,
            kind="claim", quote=r.quote_kind(content), sentence=(sent.start_char, sent.end_char),
            rule="transcript"))
    return out
