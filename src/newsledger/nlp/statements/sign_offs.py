"""Statements found on the page's layout rather than in a parse: a title line ("Conservative Icon Morton
Blackwell Endorses Ted Cruz"), quotations signed with a dash and a name ("“...”― Jane Roe", or on the
line below a quoted paragraph), and direct speech that goes on past its cue ("“A,” she said. “B.”" is
one statement).
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from .context import Attribution, Reading
from .spans import CharSpan

# "“...”― Stephanie Egan" at a line's end: a quotation signed with a dash and a name.
_NAME = r"(?:[A-Z][\w.'’-]*)(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|of|de|van|von|,)){0,5}"
_SIGN_OFF = re.compile(r"[ \t\xa0]*([―—–-])[ \t\xa0]*(" + _NAME + r")[ \t\xa0]*(?=\n|$)")
# The same after a closing quotation mark, found without quotation regions (for quotes whose opening
# mark is typed the wrong way round: "”Fear. ...” ― Edwin Monroy").
_LINE_DASHES = "―—–"
_LINE_SIGN_OFF = re.compile(r"(?<=[”\"’])[ \t\xa0]*([" + _LINE_DASHES + r"])[ \t\xa0]*(" + _NAME + r")[ \t\xa0]*(?=\n|$)")
# A quotation that makes up its paragraph, signed on a line of its own below it ("“A.”\n\n- Bernie
# Sanders.", "-President Obama, tweeting after the speech."): the dash, the name, and what the name may
# be followed by after a comma (a description, a place), no dash closing the line ("–Old hands –." is a
# subhead).
_LINE_BELOW = re.compile(r"[ \t\xa0]*\n\s*([―—–-])[ \t\xa0]*(" + _NAME + r")(?:,[^\n―—–-]*)?[ \t\xa0]*(?=\n|$)")
# How far a quotation may go on after its cue and speaker ("“A,” said X, a professor at Y who advised Z.
# “B.”" is one statement): long appositions run to 250 characters.
_SPEAKER_GAP = 250
_QUOTE_MARKS = "\"'“”‘’«»"
# What may close the clause before a quotation goes on: "on “Meet the Press.” “B”".
_CLOSING = "”\"’'"
# Words a title leaves in lower case ("Face the Nation", "State of the Union").
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "with"})


def headline(r: Reading, found: list[Attribution]) -> list[Attribution]:
    """ "Conservative Icon Morton Blackwell Endorses Ted Cruz": taggers read title case as names, so
    the first line (the title) is matched on word forms: names, a cue verb, the rest."""
    text = r.text
    end = text.find("\n")
    if end <= 0 or end > 200 or any(a.cue[0] < end for a in found):
        return []
    line = r.doc.char_span(0, end, alignment_mode="contract")
    if line is None or len(line) < 3:
        return []
    for tok in line[1:-1]:
        lemma = r.lex.verb_lemma(tok.lemma_.lower(), tok.lower_)
        cue = r.lex.verbs.get(lemma) or r.lex.verbs.get(tok.lower_)
        if cue is None or cue.frame in ("clause", "raising", "light", "light-only"):
            continue
        name = line[:tok.i - line.start]
        if not all(t.is_title or t.is_upper or t.is_punct or t.is_digit or t.is_stop for t in name):
            return []
        name = _name_words(name)
        content = r.trim_period(tok.idx + len(tok.text), end)
        if content[1] - content[0] < 4:
            return []
        return [Attribution(
            cue=(tok.idx, tok.idx + len(tok.text)), cue_token=tok.i, content=content,
            speaker=r.trim(name.start_char, name.end_char), speaker_token=name.root.i, kind=cue.kind,
            quote=r.quote_kind(content), sentence=(0, end), rule="headline")]
    return []


# Words a name does not open with ("Why", "As", "On" before it) or close with ("To", "Just", "Finally",
# "had" after it); a determiner opens one ("This Cable News Panel", "Another GOP Figure").
_NOT_OPENING = frozenset({"ADV", "SCONJ", "ADP", "CCONJ"})
_NOT_CLOSING = frozenset({"ADV", "AUX", "PART"})


def _name_words(words):
    """The words of a headline before its cue that can name the speaker: no function word or adverb at
    either end ("Why Republicans Won't Renounce": Republicans; "Donald Trump Finally Endorses": Donald
    Trump), or all of them when nothing else is left."""
    lo, hi = words.start, words.end
    doc = words.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_stop and doc[lo].pos_ in _NOT_OPENING):
        lo += 1
    while hi > lo and (doc[hi - 1].is_stop or doc[hi - 1].is_punct or doc[hi - 1].pos_ in _NOT_CLOSING):
        hi -= 1
    return doc[lo:hi] if hi > lo else words


def sign_offs(r: Reading) -> list[Attribution]:
    """ "“Tonight showed who he is.”― Jane Roe": the name after the dash is the speaker."""
    out = []
    text = r.text
    for s, e in r.quotes.regions:
        m = _SIGN_OFF.match(text, e)
        if m is not None:
            out.append(signed_quote(r, m, (s, e), s, r.trim(*m.span(2))))
            continue
        m = _LINE_BELOW.match(text, e)
        if m is not None and not text[text.rfind("\n", 0, s) + 1:s].strip():
            out.append(signed_quote(r, m, (s, e), s, _name_end(text, r.trim(*m.span(2)))))
    taken = {a.cue for a in out if a is not None}
    # (the pattern's lookbehind is tried at every character: a text without its dashes is not searched)
    for m in _LINE_SIGN_OFF.finditer(text) if any(d in text for d in _LINE_DASHES) else ():
        if m.span(1) in taken:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        while start < m.start() and text[start].isspace():
            start += 1
        if start >= m.start() or text[start] not in "“”\"«":
            continue
        name = _name_end(text, r.trim(*m.span(2)))
        out.append(signed_quote(r, m, r.trim(start, m.start()), start, name))
    return [a for a in out if a is not None]


def _name_end(text: str, name: CharSpan) -> CharSpan:
    """A signing name less the period closing its line: "― Steve Quinlan." (but "― John Q.")."""
    if text[name[1] - 1] == "." and name[1] - name[0] > 3 and text[name[1] - 3] != " ":
        return name[0], name[1] - 1
    return name


def signed_quote(r: Reading, m: re.Match, content: CharSpan, start: int, name: CharSpan
                 ) -> Optional[Attribution]:
    """The statement of a quotation signed with a dash and a name (`m`: group 1 the dash, group 2
    the name); None when the name is no tokens of the parse."""
    words = r.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    if words is None:
        return None
    return Attribution(
        cue=m.span(1), cue_token=words.root.i, content=content, speaker=name,
        speaker_token=words.root.i, kind="claim", quote="direct", sentence=(start, m.end()),
        rule="sign-off")


def second_act(r: Reading, a: Attribution, k: Attribution) -> bool:
    """ "“A,” she said, adding that B. “C.”", "“A,” he said, referring to the resorts": the participle
    after the cue of `k` is its speaker's next act, with words of its own outside k's quotation (the
    quotation joined across the cue covers them, as PolNeAR joins a quote around its cue)."""
    tok, head = r.doc[a.cue_token], r.doc[k.cue_token]
    return (tok.head.i == head.i and tok.i > head.i and tok.dep_ in ("advcl", "xcomp", "conj")
            and tok.tag_ == "VBG" and r.doc[tok.i - 1].text in (",", "—", "–")
            and r.quotes.containing(tok.idx, tok.idx + 1) is None
            and r.quotes.containing(*a.content) is None)


def continue_quotes(r: Reading, found: list[Attribution]) -> None:
    """Direct speech that goes on after its cue: "“A,” she said. “B.”" is one statement, A to B.
    Words that follow their cue ("she said that A.") go on into a quotation in their own paragraph
    only: one that opens the next paragraph is a statement of its own (PolNeAR ends such words with
    their paragraph: on train, stopping there gains 35 exact spans and loses 10)."""
    claimed = sorted(a.content for a in found)
    starts = [c[0] for c in claimed]
    cue_starts = sorted(a.cue[0] for a in found)

    def taken(region: CharSpan, owner: Attribution) -> bool:
        i = bisect.bisect_left(starts, region[0])
        for c in claimed[max(0, i - 1):i + 2]:
            if c is not owner.content and c[0] < region[1] and region[0] < c[1]:
                return True
        return False

    text = r.text
    for a in found:
        if a.content[1] <= a.cue[0]:
            # the words came first ("“A,” she said. “B.”"): B must open right after the cue's clause
            tail = a.cue[1]
            region = r.quotes.first_from(tail)
            titled = False
            while region is not None and _quoted_name(text, region) and "\n" not in text[tail:region[1]] \
                    and not text[tail:region[0]].rstrip().endswith((".", ",", ":")):
                # ("“A,” he said on “Meet the Press.” “B.”": the cue's clause quotes a title; B opens after)
                region, titled = r.quotes.first_from(region[1]), True
            if region is None:
                continue
            gap = text[tail:region[0]].rstrip()
            gap = gap.rstrip(_CLOSING) if titled else gap
            if len(gap) > _SPEAKER_GAP or "\n" in gap or not gap.endswith((".", ",", ":")) or taken(region, a):
                continue
            j = bisect.bisect_right(cue_starts, tail)
            if not gap.endswith(".") and j < len(cue_starts) and cue_starts[j] < region[0]:
                continue    # "..., he said, citing “X”": the next quotation is the citing's
        elif a.content[1] > a.cue[0]:
            # the words follow the cue: a quotation may go on right after them (not after a speaker's
            # second act: in "“A,” she said, adding that B. “C.”" C goes on from A)
            governor = r.doc[a.cue_token].head.i    # (second_act asks only of the cue a's cue hangs on)
            if any(second_act(r, a, k) for k in found if k.cue_token == governor and k is not a):
                continue
            end = a.content[1]
            while end < len(text) and text[end] in ".,;!? ":
                end += 1
            region = r.quotes.next_after(end, limit=4)
            if region is None or taken(region, a) or "\n" in text[end:region[0]]:
                continue
        else:
            continue
        end = region[1]
        for _ in range(20):   # further paragraphs of the same speech
            nxt = r.quotes.next_after(end, limit=4)
            if nxt is None or taken(nxt, a):
                break
            if _mark_kind(text[nxt[0]]) != _mark_kind(text[region[0]]):
                break       # a speech goes on in the marks it began with; other marks are another's
            end = nxt[1]
        a.content = (a.content[0], end)


def _quoted_name(text: str, region: CharSpan) -> bool:
    """A name set in quotation marks: a title of a show, a paper or a book ("“Meet the Press”",
    "“State of the Union”"), at most five words, each content word capitalized. (The caller takes it
    for one only inside the cue's clause: "added. “We're America.”" opens after it and is speech.)"""
    words = text[region[0]:region[1]].strip(_QUOTE_MARKS + " ").rstrip(".,")
    parts = words.split()
    if not parts or len(parts) > 5 or any(ch in words for ch in "!?"):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in parts) and parts[0][0].isupper()


def _mark_kind(ch: str) -> str:
    """Curly or straight: the kind of quotation mark a region opens with."""
    return "curly" if ch in "“”«»" else "straight"
