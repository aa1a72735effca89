"""Words that sit next to a cue rather than in its parse: a quotation right before or after it ("“A,”
Trump said"), the paragraph after "X said:", the sentence after a colon.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..grammar.doc_cache import kids
from .context import Reading
from .spans import CharSpan


def quote_before(r: Reading, tok: Token) -> Optional[CharSpan]:
    """The quotation that ends right before a cue and its speaker ("“A,” Trump said")."""
    # (asked twice of a speech cue: for its words, then for an interrupted quotation)
    cache = r.memo.setdefault("quote_before", {})
    if tok.i not in cache:
        cache[tok.i] = _find_quote_before(r, tok)
    return cache[tok.i]


def _find_quote_before(r: Reading, tok: Token) -> Optional[CharSpan]:
    if r.quotes.before(tok.idx) is None:
        return None     # no quotation opens before the cue, so none before `left` (at or before it)
    # (a word of the quotation the parse hung on the cue, "“Probably not,” Moore said", is not one)
    words = [tok] + [c for c in kids(tok) if c.dep_ in ("nsubj", "aux", "neg", "advmod")
                     and r.quotes.containing(c.idx, c.idx + 1) is None]
    left = min(w.left_edge.idx if w.dep_ == "nsubj" else w.idx for w in words)
    region = r.quotes.before(left)
    if region is not None:
        s, e = region
        if e <= left and len(r.text[e:left]) <= 3 and not r.text[e:left].strip(" ,—–-"):
            return s, e
    return None


def adjacent_quote(r: Reading, tok: Token) -> Optional[CharSpan]:
    """A quotation right before the cue and its speaker ("“A,” Trump told a rally") or right after
    the cue and its addressee ("and said, “No.”"), when the parse did not make it the complement."""
    text = r.text
    region = quote_before(r, tok)
    if region is not None:
        return region
    right = tok.idx + len(tok.text)
    region = r.quotes.first_from(right)
    if region is not None:
        s, e = region
        gap = text[right:s]
        if len(gap) <= 3 and not gap.strip(" ,:—–-"):
            return s, e
        # "As Dell said last week in Tel Aviv, “...”": only the cue's own modifiers in between
        if len(gap) <= 60 and "\n" not in gap and gap.rstrip().endswith((",", ":")):
            last = r.doc.char_span(right, s, alignment_mode="contract")
            if last is not None and all(t.head.i == tok.i or tok.i < t.head.i < s and t.head.idx < s
                                        and t.head.dep_ in ("prep", "pobj", "npadvmod", "compound", "det",
                                                            "amod", "dobj", "dative")
                                        or t.is_punct for t in last):
                return s, e
    return None


def colon_after(r: Reading, tok: Token, skip: tuple[str, ...]) -> Optional[Token]:
    """The colon right after a cue verb ("said:"), past up to two of its `skip` dependents
    ("said Friday:")."""
    doc = r.doc
    j = tok.i + 1
    while j < len(doc) and doc[j].dep_ in skip and j - tok.i < 3:
        j += 1
    return doc[j] if j < len(doc) and doc[j].text == ":" else None


def colon_block(r: Reading, tok: Token) -> Optional[CharSpan]:
    """The paragraph after "X said:" when the colon ends the cue's paragraph, or the quotation
    opening that paragraph (quotations may run over several paragraphs)."""
    text = r.text
    colon = colon_after(r, tok, ("prt", "advmod", "npadvmod"))
    if colon is None:
        return None
    after = colon.idx + 1
    nl = text.find("\n", after)
    if nl < 0 or text[after:nl].strip():
        return None
    start = nl
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text):
        return None
    region = r.quotes.first_from(start)
    if region is not None and region[0] == start:
        return region
    end = text.find("\n", start)
    return start, (end if end >= 0 else len(text))


def after_colon(r: Reading, tok: Token) -> Optional[CharSpan]:
    """ "X said:" with the words in the next sentence or quotation."""
    doc = r.doc
    colon = colon_after(r, tok, ("prt", "advmod"))
    if colon is None:
        return None
    region = r.quotes.next_after(colon.idx + 1)
    if region is not None:
        return region
    if colon.i + 1 < len(doc):
        nxt = doc[colon.i + 1]
        return nxt.idx, nxt.sent.end_char
    return None


def past_colon(r: Reading, end: int) -> int:
    """Words that stop at a colon go on past it, to the end of the sentence after it: "offered a
    snappy retort: “No one is tearing this up.”", "reiterated his pledges: rebuilding the military,
    ...". A colon closing its paragraph goes on only into a quotation opening the next one ("said
    that given the field:\n\n“There's only one: Trump.”"); a list or a new topic there is the writer's."""
    text = r.text
    j = end
    while j < len(text) and text[j] in "”\"'’ ":
        j += 1
    if j >= len(text) or text[j] != ":":
        return end
    start = j + 1
    nl = text.find("\n", start)
    nl = len(text) if nl < 0 else nl
    closes_paragraph = not text[start:nl].strip()
    start = len(text) - len(text[start:].lstrip()) if closes_paragraph else start + len(text[start:nl]) - len(text[start:nl].lstrip())
    region = r.quotes.containing(start, start + 1) if start < len(text) else None
    if region is not None and region[0] == start:
        return region[1]
    if closes_paragraph:
        return end
    words = r.doc.char_span(start, nl, alignment_mode="expand")
    if words is None or not len(words):
        return end
    return r.trim_period(start, min(words[0].sent.end_char, nl))[1]
