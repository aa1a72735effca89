"""Wire datelines and headings: the place (and agency) a story was filed from, set off from its first
sentence by a dash or a colon ("MOGADISHU, Somalia --", "KABUL (Pajhwok) :", "(CNN)"). None of its
words is an actor of the story, and the small model often parses it into the sentence (as its subject,
with the real subject hung on it). Every extractor reads a dateline here.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...lexicons.gazetteer import load_gazetteer

# Punctuation that sets a heading or dateline off from the sentence the parse joined it to
# ("KABUL (Pajhwok) : ...", "BERLIN -- A court ...").
HEADING_BREAKS = frozenset({"-", "--", "\u2014", "\u2013", ":"})


def stands_apart(t: Token) -> bool:
    """A dash or colon with a space on either side: a break, not the hyphen of "Asia-Pacific"."""
    return t.text in HEADING_BREAKS and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


def heading_break(doc: Doc, start: int, end: int) -> bool:
    """A colon, a line break or a dash standing apart in doc[start:end]."""
    return any("\n" in t.text or t.text == ":" or stands_apart(t) for t in doc[start:end])


def dateline_end(doc: Doc) -> int:
    """The token after a wire dateline at the start of the text ("MOGADISHU, Somalia --", "TEHRAN --",
    "(CNN)", "CLEVELAND, July 19 (UPI) —", "New York (AFP) –"), else 0. A dateline says where the
    story was filed and by whom: none of its words is an actor of the story."""
    n = len(doc)
    i = 0
    if n > 3 and doc[0].text == "(" and doc[1].text.isupper() and doc[2].text == ")":
        return 3                                  # "(CNN) Italian police have arrested …"
    while i < n and i < 4 and doc[i].is_alpha and doc[i].text.isupper() and len(doc[i].text) > 1:
        i += 1
    if i == 0 or (i == 1 and len(doc[0].text) < 3):
        return _credited_place(doc)
    if i < n and doc[i].text == ",":              # ", Somalia" / ", D.C." / ", July 19"
        j = i + 1
        while j < n and j < i + 4 and (doc[j].text[:1].isupper() or (doc[j].is_digit and j > i + 1)) \
                and doc[j].text not in HEADING_BREAKS:
            j += 1
        i = j
    if i < n and doc[i].text == "(":              # "(Pajhwok)", "(AP)"
        close = next((j for j in range(i + 1, min(n, i + 6)) if doc[j].text == ")"), None)
        if close is None:
            return 0
        i = close + 1
        if i < n and doc[i].text not in HEADING_BREAKS and doc[i].text[:1].isupper():
            return i                              # "JERUSALEM (Reuters) Israel said …"
    if i < n and doc[i].text in HEADING_BREAKS:
        return i + 1
    return 0


def filed_from(doc: Doc) -> set[str]:
    """The countries (ISO alpha-3) of the place a wire dateline says the story was filed from ("KYIV —"
    gives UKR), read word by word from the gazetteer; empty when the text opens with no dateline."""
    gaz = load_gazetteer()
    out = set()
    for tok in doc[:dateline_end(doc)]:
        for name in gaz.lookup(tok.text.title()) if tok.is_alpha else ():
            if name.place_country:
                out.add(name.place_country)
    return out


def paragraph_dateline_end(doc: Doc, text: str, start: int, end: int) -> int:
    """Where a wire dateline that opens the paragraph of the words start..end ends, as a character
    offset ("WASHINGTON (AP) — ", after the headline line), or `start` when none does or the dateline
    would be all the words. `text` is the doc's text."""
    if start != text.rfind("\n", 0, start) + 1:
        return start
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return start
    n = dateline_end(doc[words.start:])
    return doc[words.start + n].idx if 0 < n < len(words) else start


def _credited_place(doc: Doc) -> int:
    """The token after a dateline in title case that credits its wire in brackets and ends in a
    spaced dash ("New York (AFP) –", "Dec 29 (Reuters) -"), else 0: without the credit, capitalised
    words before a dash may be the sentence's own subject ("Jane Roe – a teacher – said")."""
    n = len(doc)
    i = 0
    while i < n and i < 4 and ((doc[i].is_title and doc[i].is_alpha) or doc[i].is_digit):
        i += 1
    if i == 0 or i + 3 >= n or doc[i].text != "(" or doc[i + 2].text != ")" or not doc[i + 1].text[:1].isupper():
        return 0
    return i + 4 if stands_apart(doc[i + 3]) else 0


def past_dateline(subj: Optional[Token]) -> Optional[Token]:
    """The subject behind a wire dateline the parse took for it. A story opens with the place it was
    filed from, set off by a dash ("MANILA — Thailand and Cambodia agreed"); the small model often
    makes the place the subject and hangs the real one on it as an apposition. A place at the start
    of its sentence, a spaced dash or colon, then its apposition: the apposition acts."""
    if subj is None or subj.left_edge.i != subj.sent.start:
        return subj
    doc = subj.doc
    if subj.i != subj.sent.start and not all(t.is_upper for t in doc[subj.sent.start:subj.i + 1]):
        return subj     # a place of two words in capitals ("NEW DELHI — India and ..."), not "Jane Roe — a teacher"
    for app in (c for c in subj.children if c.dep_ == "appos" and c.i > subj.i):
        # the dash may hang on the apposition itself ("ASUNCION — Paraguay and Brazil agreed")
        if any(stands_apart(t) for t in doc[subj.i + 1:app.i]):
            return app
    return subj


def dateline_before(subj: Token) -> set[int]:
    """The tokens of a wire dateline before a subject at the start of its sentence ("MOSCOW — Russia
    will deliver"), however the parse attached them: the place a story was filed from is no part of
    what is promised. The dash may hang in the subject's own subtree ("JOHANNESBURG — South African
    Airways will resume": the parse takes it for the subject's punctuation): the subject begins at its
    first word."""
    doc, start = subj.doc, subj.sent.start
    first = next(t.i for t in subj.subtree if not t.is_punct or t.i == subj.i)
    for t in doc[start + 1:first]:
        if stands_apart(t):
            return set(range(start, t.i + 1))
    return set()
