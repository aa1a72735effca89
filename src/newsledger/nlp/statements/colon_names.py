"""A name, a colon, then a quotation, inside a paragraph: "Iowa polls were not wrong - Mark Blumenthal
and Jon Cohen: “Although the polls failed ...”", "... to destroy ISIS.\" Bush: \"The mission is ...\"",
"Rep. Trey Gowdy (R-S.C.):\"I have not heard ...\"". The colon is the cue (PARC: punctuation that
attributes the quotation to the name before it, as in a transcript); the quotation is the content.
according.lead_in takes the same line when the name opens a paragraph; this takes it after a dash, a
closed quotation or a sentence's end, where wire digests and transcripts set it.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .context import Attribution, Reading
from .learned import NAME_ENTS

# What may stand before the name: the name starts right after one of these (or a paragraph's start).
_DASHES = frozenset({"-", "–", "—", "--"})
_CLOSERS = frozenset({"”", "\"", "’", "''", ".", "?", "!", "...", "…"})
# The most words a name before the colon may have ("Former secretary of state Hillary Rodham Clinton").
_MAX_NAME = 9
# Words that lead into the name without being part of it: "More from Jones: “...”", "From the report: ..."
_LEADS = frozenset({"more", "from"})


def colon_quotes(r: Reading) -> list[Attribution]:
    out = []
    for start, end in r.quotes.regions:
        found = _colon_quote(r, start, end)
        if found is not None:
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
    if not name or not (name[0].is_title or name[0].is_upper) or not _named(r, name):
        return None     # (" ... story by Times' Ben Sisario: “...”": a byline in a digest, no speaker)
    if k < 0 or "\n" in r.doc[k].text or r.text[r.text.rfind("\n", 0, name[0].idx) + 1:name[0].idx].strip() == "":
        return None     # opening its paragraph: according.lead_in's line
    content = r.trim(start, end)
    if content[1] - content[0] < 8:
        return None
    head = max(name, key=lambda t: (t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS, t.i))
    sent = colon.sent
    return Attribution(
        cue=(colon.idx, colon.idx + 1), cue_token=colon.i, content=content,
        speaker=r.trim(name[0].idx, name[-1].idx + len(name[-1].text)), speaker_token=head.i,
        kind="claim", quote=r.quote_kind(content), sentence=(sent.start_char, sent.end_char),
        rule="colon-quote")


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
