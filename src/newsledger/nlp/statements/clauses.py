"""Where a reported clause begins and ends around its cue: a cue set off by commas inside the sentence
("A, the clerk said, B"), "as X said", a closing cue ("A, police said."), asides that end the words
(", which ..."), clauses the parse attached to the wrong word, and phrases that say when, not what.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator, Optional

from spacy.tokens import Token

from ..grammar.doc_cache import kids
from ..grammar.syntax import RELATIVE_PRONOUNS, SUBJECT_DEPS, own_subject
from .context import Reading, STRIP
from .doc_view import doc_view
from .spans import CharSpan
from .speakers import speaker_subject

# A comma or dash that opens an aside of the writer's ("..., which raised concerns", "— one of ...").
_ASIDE_DEPS = frozenset({"relcl", "appos", "advmod", "npadvmod", "acl", "amod"})
# Words that front a reported clause about them: relative pronouns and "what" ("which he said was wrong").
_FRONTED = RELATIVE_PRONOUNS | {"what"}
# Words of a cue's own after it, before a comma that closes a set-off cue ("A, he told me on Friday, B").
_CUE_ADJUNCTS = frozenset({"dobj", "dative", "prep", "npadvmod", "advmod", "prt", "agent"})
# A verb that can open the rest of a clause after an aside ("..., would cost", "..., be removed").
_FINITE = frozenset({"MD", "VBZ", "VBD", "VBP", "VB"})
# Prepositions of a cue's setting, not of what was said: "said in a statement", "told reporters at a rally".
_SETTING_PREPS = frozenset({"in", "at", "during", "to", "after", "before", "from", "via", "through", "by"})
_PHRASE_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "appos", "npadvmod", "compound", "conj"})
_LEADING_CC = frozenset({"but", "and", "so", "yet", "or"})


def when(prep: Token) -> bool:
    """A phrase that says when, not what: "reported on Wednesday"."""
    obj = next((g for g in kids(prep) if g.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in ("DATE", "TIME") and obj.right_edge.i == obj.i


def for_clause(tok: Token) -> Optional[Token]:
    """The "for X to do Y" clause after a verb, which the parse makes adverbial."""
    return next((c for c in tok.rights if c.dep_ == "advcl" and c.left_edge.lower_ == "for"
                 and c.left_edge.dep_ == "mark" and c.left_edge.i < c.i), None)


def set_off(r: Reading, tok: Token, s_start: int, s_end: int) -> bool:
    """The cue and its subject sit between commas inside the sentence: "A, the clerk said, B"."""
    left = opening_words(tok)
    right = tok.idx + len(tok.text)
    for c in tok.rights:
        # the cue's own words after it, up to the comma: "he told me on Friday,", "Stumpf explained
        # earlier in the hearing,"
        c_start, c_end = r.subtree_span(c)
        if (c.dep_ not in _CUE_ADJUNCTS or r.text[right:c_start].strip()
                or r.quotes.overlapping(c_start, c_end)):
            break
        right = c_end
    before, after = r.text[s_start:left], r.text[right:s_end]
    # (the commas first: they rule most cues out before the quotation is looked for)
    return (before.rstrip().endswith(",") and after.lstrip().startswith(",")
            and bool(before.strip(" ,\n")) and bool(after.strip(" ,.\n"))
            and quote_then_aside(r, tok, s_start, s_end) is None)


def opening_words(tok: Token) -> int:
    """Where the cue's clause begins in the text: its subject's first word when that comes first."""
    subj = speaker_subject(tok)
    return subj.left_edge.idx if subj is not None and subj.i < tok.i else tok.idx


def quote_then_aside(r: Reading, tok: Token, s_start: int, s_end: int) -> Optional[CharSpan]:
    """ "“Too much hate,” she said, blaming Trump": a quotation whole before the cue and its subject is
    the words said; what follows the cue's comma, with no quotation in it and no finite verb going on
    with the quoted clause ("“Only you,” she said, would ..."), is the writer's, about the speaker.
    Returns the quotation."""
    left = opening_words(tok)
    q = r.quotes.first_from(s_start)
    if q is None or r.text[s_start:q[0]].strip() or q[1] > left or r.text[q[1]:left].strip(" ,\n"):
        return None
    if r.quotes.overlapping(tok.idx, s_end):
        return None
    nxt = next((t for t in r.doc[tok.i + 1:] if not t.is_punct), None)
    if nxt is None or nxt.idx >= s_end or nxt.tag_ in _FINITE:
        return None
    return q


def as_reported(r: Reading, tok: Token) -> bool:
    """ "as the senator said", "as reported by X": the comparative as, the cue's words being the
    clause it hangs on. Not the "as" of time ("as she said, “...”", "as he mentioned the wage"),
    which has words of its own, nor "as if to say"."""
    mark = next((c for c in kids(tok) if c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i), None)
    if mark is None or r.doc[mark.i + 1].lower_ in ("if", "though", "soon", "long", "well") or (
            mark.i and r.doc[mark.i - 1].lower_ in ("even", "just", "almost", "so")):
        return False
    idiom_it = "it" in r.lex.phrasal.get(r.lex.verb_lemma(tok.lemma_.lower(), tok.lower_), {})
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative", "attr", "oprd") and not (
            c.dep_ == "dobj" and c.lower_ == "it" and idiom_it) for c in kids(tok)):
        return False    # (but "as one analyst put it": the "it" is the idiom's, cues.tsv "put it")
    nxt = r.text[tok.right_edge.idx + len(tok.right_edge.text):].lstrip(" ,:")
    return not nxt.startswith(("“", '"', "''", "‘"))


def as_content(r: Reading, tok: Token) -> CharSpan:
    """The words an as-clause cue reports: the clause after it ("As X said, A"), before it ("A, as X
    said") or, set off inside it, the whole sentence ("A1, as X noted, A2")."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head    # "The network, as X put it, is a weapon": the parse hung it on the subject
    h_start, h_end = r.subtree_span(head)
    c_start, c_end = r.subtree_span(tok)
    s_start, s_end = r.sentence_span(tok)
    lo, hi = max(h_start, s_start), min(h_end, s_end)
    before = r.text[lo:c_start].strip(STRIP + "([")      # ("(As X noted, A.)": the writer's aside opens)
    after = r.text[c_end:hi].strip(STRIP + ".)]")
    if before.lower() in _LEADING_CC:
        before = ""
        lo = c_start
    if before and after:
        return r.trim_period(lo, hi)
    if after:
        return r.trim_period(c_end, hi)
    return r.trim_period(lo, c_start)


def root_set_off(r: Reading, tok: Token) -> bool:
    """A cue the parse made the root, set off inside the clause it reports: "These employees,
    Stumpf explained, were well paid" (not "On Friday, he reported gains, citing ...")."""
    if any(c.dep_ in ("ccomp", "xcomp", "oprd", "attr") or (c.dep_ == "dobj" and c.pos_ != "PRON")
           for c in kids(tok)):
        return False
    s_start, s_end = r.sentence_span(tok)
    if not set_off(r, tok, s_start, s_end):
        return False
    comma = r.text.find(",", tok.idx, s_end)
    nxt = r.doc.char_span(comma + 1, s_end, alignment_mode="contract")
    if nxt is None or not len(nxt):
        return False
    first = nxt[0]
    return first.dep_ not in ("cc", "prep", "mark", "advmod", "punct") and first.tag_ != "VBG"


def before_aside(r: Reading, span: CharSpan) -> int:
    """The end of a content span before a trailing aside: ", which ...", ", well above ...", "— one of"."""
    doc = r.doc
    words = doc.char_span(span[0], span[1], alignment_mode="contract")
    if words is None:
        return span[1]
    for t in _marks(r, words):
        if t.text == ";" and not r.quotes.containing(t.idx, t.idx + 1):
            return t.idx        # "A; B": the reported clause ends at the semicolon, B is the writer's
        if aside_mark(r, t) and not r.quotes.containing(t.idx, t.idx + 1):
            nxt = aside_head(doc[t.i + 1])
            if nxt.lower_ in ("which", "who") or (nxt.dep_ in _ASIDE_DEPS and nxt.head.i < t.i):
                if clause_resumes(r, t, words):
                    continue
                end = t.idx
                while end > span[0] and r.text[end - 1].isspace():
                    end -= 1    # (" — a ...": not the space before the dash)
                return end
    return span[1]


# The first characters of the tokens before_aside stops at (";", ",", "—", "–", "-", "--").
_MARK_START = re.compile(r"[;,—–-]")


def _marks(r: Reading, words) -> Iterator[Token]:
    """The tokens of words[1:-1], in order, that start with a character of _MARK_START: the only ones
    before_aside reads (a Token made for them alone, not for every word)."""
    idx = doc_view(r).idx
    for m in _MARK_START.finditer(r.text, words.start_char, words.end_char):
        i = bisect.bisect_left(idx, m.start(), words.start + 1, words.end - 1)
        if i < words.end - 1 and idx[i] == m.start():
            yield r.doc[i]


def aside_mark(r: Reading, t: Token) -> bool:
    """A comma or a dash (typed as "-" or "--" between spaces too) that can open an aside."""
    return t.text in (",", "—", "–") or (t.text in ("-", "--") and r.text[t.idx - 1:t.idx].isspace())


def aside_head(first: Token) -> Token:
    """The noun an article opens a phrase for: ", a swipe at the rallies", "— the former governor" stand
    for "swipe" and "governor", whose attachment (an apposition to a word before the comma) makes the
    phrase the writer's description (PolNeAR leaves it out of the words; a name in apposition,
    ", Lonnie Bunch", opens with no article and stays)."""
    if first.lower_ not in ("a", "an", "the"):
        return first
    h = first
    while h.head.i != h.i and h.head.i > first.i and h.head.left_edge.i == first.i and h.head.pos_ == "NOUN":
        h = h.head
    if h.dep_ != "appos" or any(c.dep_ in ("cc", "conj") for c in kids(h.head) if c.i > h.i):
        return first    # ("called for X, the closure of Y and Z": an item of a list, not an aside)
    mark = first.nbor(-1).text if first.i else ""
    if mark in ("—", "–", "-", "--") and any(t.text == mark for t in first.doc[first.i:first.sent.end - 1]):
        return first    # ("Shriver — a member of the clan — to replace": the dashes close, the words go on)
    return h


def clause_resumes(r: Reading, comma: Token, words) -> bool:
    """Whether an aside opened at `comma` sits inside the words rather than after them: the clause's
    head comes after it, or (the parse hung the clause on the aside) the aside closes with a second
    comma and the clause goes on with its verb ("the plan, which voters approved, would cost ...") or
    with a phrase of a word before the aside ("accused Cruz, who was born in Cuba, of associating")."""
    if words.root.i > comma.i:
        return True     # "that in the three largest counties, which include X, voters were ..."
    for t in words[comma.i - words.start + 1:]:
        if aside_mark(r, t):
            nxt = t.nbor() if t.i + 1 < len(r.doc) else None
            if nxt is not None and nxt.i < words.end and nxt.dep_ == "prep" and (
                    nxt.head.i < comma.i or nxt.head.i >= words.end or nxt.head.i < words.start):
                return True     # "accused Cruz, who was born in Cuba, of associating with ..."
            return nxt is not None and nxt.i < words.end and nxt.tag_ in _FINITE
    return False


def and_after_cue(r: Reading, tok: Token, end: int, sent_end: int) -> int:
    """ "A, the agency said in a June report, and B": the report goes on past its cue with "and" and a
    clause (or quotation) of its own, unless that clause has a cue of its own ("and he said ...")."""
    right = max([tok.idx + len(tok.text)] + [r.subtree_span(c)[1] for c in tok.rights
                                             if c.dep_ in _CUE_ADJUNCTS or c.dep_ in SUBJECT_DEPS])
    m = re.match(r"\s*,\s+and\s+", r.text[right:sent_end])
    if m is None:
        return end
    words = r.doc.char_span(right + m.end(), sent_end, alignment_mode="contract")
    if words is None or any(r.is_cue_verb(t) for t in words) or not (
            any(t.dep_ in SUBJECT_DEPS for t in words) or r.quotes.overlapping(right, sent_end)):
        return end
    return r.trim_period(end, sent_end)[1]


def closing_cue(r: Reading, tok: Token) -> Optional[CharSpan]:
    """ "A, police said.", "A, said Geert Wilders, a founder of the party.": the cue and its speaker
    close the sentence after a comma, and the parse hung the words before them on the cue as
    something other than its clause (a subject, an adverbial clause)."""
    doc = r.doc
    if tok.dep_ != "ROOT" or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VB"):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "oprd", "attr", "dative", "acomp") for c in kids(tok)):
        return None
    first = tok     # the cue's own words before it: "police said", "has not said"
    for c in reversed(list(tok.lefts)):
        if c.dep_ in ("aux", "neg", "advmod", "nsubj") and c.right_edge.i == first.i - 1:
            first = c.left_edge
    comma = doc[first.i - 1] if first.i > tok.sent.start else None
    if comma is None or comma.text not in (",", "—", "–"):
        return None
    s_start, s_end = r.sentence_span(tok)
    if comma.idx <= s_start:
        return None
    for c in tok.rights:    # after the cue only its speaker and setting: "said Tuesday in a statement"
        if c.dep_ not in ("nsubj", "npadvmod", "prep", "advmod", "punct") or (
                c.dep_ == "prep" and c.lower_ not in _SETTING_PREPS):
            return None
    if r.quotes.overlapping(tok.idx, min(tok.sent.end_char, s_end)):
        return None
    if not any(c.dep_ == "nsubj" for c in kids(tok)):
        return None
    words = doc.char_span(s_start, comma.idx, alignment_mode="contract")
    subj = speaker_subject(tok)
    if words is None or not (any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words) or any(
            t.head.i == tok.i and (t.dep_ in ("dep", "csubj") or (t.dep_ == "nsubj" and t.i != subj.i))
            for t in words)):
        # "In December, the Times wrote ...": no clause before the comma ("People like Scott, he
        # said" is one, though the parse read "like" as a preposition)
        return None
    return r.trim(s_start, comma.idx)


def stray_that_clause(r: Reading, tok: Token) -> Optional[Token]:
    """A that-clause the parse attached as a relative clause or a noun's complement to a noun among
    the cue's own words ("telling customers at a breakfast spot that ...", "tweeted in the early
    hours that ..."): its "that" is a complementizer (mark) or read as an adverb, where a real relative
    clause has it as a pronoun (subject or object), and the noun is no cue noun that takes a clause of
    its own ("the claim that ...")."""
    for c in tok.rights:
        if c.dep_ not in ("dobj", "dative", "prep", "npadvmod"):
            continue
        for t in c.subtree:
            first = t.left_edge
            if t.dep_ in ("relcl", "acl") and first.lower_ == "that" and first.dep_ in ("mark", "advmod") \
                    and first.head.i == t.i and t.head.lemma_.lower() not in r.lex.nouns:
                h = t.head      # the noun must be one of the cue's own phrases
                while h.i != tok.i and h.dep_ in _PHRASE_DEPS:
                    h = h.head
                if h.i == tok.i:
                    return t
    return None


def clause_as_adverbial(tok: Token) -> Optional[Token]:
    """A clause with a subject after the cue, opened by "that", that the parse hung on the cue as an
    adverbial clause (a "when" or "while" clause stays the setting it is)."""
    for c in tok.rights:
        if c.dep_ != "advcl" or own_subject(c) is None:
            continue
        first = c.left_edge
        if first.head.i == c.i and first.lower_ == "that":
            return c
    return None


def relative_before(tok: Token, comp: Token) -> Optional[Token]:
    """The relative pronoun of a cue's relative clause that its reported clause is about: the
    clause's own subject ("which he said was wrong") or, as the parser sometimes has it, the cue's
    object ("which she said was a mistake")."""
    for w in (comp.left_edge, next((c for c in kids(tok) if c.dep_ == "dobj"), None)):
        if w is not None and w.i < tok.i and w.lower_ in _FRONTED:
            return w
    return None


def before_cue_participle(r: Reading, head: Token, end: int) -> int:
    """ "analysts said X, citing Y": the participle is the speaker's act, not part of X."""
    doc = r.doc
    for c in kids(head):
        if c.i <= head.i or not r.is_cue_verb(c):
            continue
        if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and doc[c.i - 1].text in (",", "—", "–"):
            return min(end, doc[c.i - 1].idx)
        if c.dep_ == "conj" and c.tag_ == "VBD" and doc[c.i - 1].dep_ == "cc" and r.lex.verb(
                r.lex.verb_lemma(c.lemma_.lower(), c.lower_)).frame in ("speech", "utterance"):
            # "said that A and noted that B": the second report is a statement of its own
            return min(end, doc[c.i - 1].idx)
    return end


# Marks that set off a parenthetical cue inside its sentence ("A, he said, B", "A — say experts — B").
_SET_OFF_MARKS = (",", "—", "–")
# Words a speaker's naming after an inverted cue is made of ("said Doyle and others,", "say experts
# like Paul Bauman,", "said Oversight ranking Democrat Elijah Cummings (D-Md.),").
_NAMING_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "CCONJ", "PART", "ADP", "PUNCT"})
# Prepositions of the aside's own setting ("he said in an interview,", "she told me at the rally,"); a
# cue's other prepositions carry what was said ("vouching for someone else", "warning against it").
_ASIDE_PREPS = frozenset({"in", "at", "during", "after", "before", "via", "through"})
# Words opening a phrase after the aside that tells when or how it was said: "..., they said Friday, as
# they bristled at ...", "..., he said, on condition of anonymity".
_WHEN_SAID = frozenset({"as", "when", "after", "before", "during", "on"})
# Words that name people on their own as a subject ("many think", "some argue", "most agree").
_QUANTIFIERS = frozenset({"many", "some", "most", "few", "several", "others", "both", "all"})


def parenthetical(r: Reading, tok: Token) -> Optional[tuple[CharSpan, Token]]:
    """A cue set off inside the clause it reports, with its speaker and nothing else of its own:
    "The plan, he said, will fail", "Part of the problem, say experts like Paul Bauman, is ...", "Of
    course, Clinton said, it was not". The host clause is what was said, both halves with the cue
    inside (PolNeAR's convention on train); its speaker is the subject of the aside, before the cue or
    after it ("said Doyle and others,"), wherever the parse hung it. Returns (the host clause's words,
    the speaker's head) or None. Not when the cue has words of its own (a clause, an object, a
    modal: "student debt would decline,"), when what follows is the speaker's own act or a
    description ("..., he said, adding", "..., said X, who ...", "..., Y said, a policy that ...")
    or another report, nor around a quotation that is a sentence of its own ("“A,” he said, “B.”",
    "Asked about it, he said, “No.”": the quotation rules')."""
    doc = r.doc
    if tok.i < 2 or any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids(tok)):
        return None
    # the cheap tests first (this runs for every cue): a mark right before the cue, or before its subject
    prev = doc[tok.i - 1]
    inverted = prev.text in _SET_OFF_MARKS
    if inverted:
        if tok.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        left = prev
    else:
        speaker = speaker_subject(tok)
        if speaker is None or speaker.i > tok.i or speaker.left_edge.i == 0 or not (
                speaker.pos_ in ("PROPN", "NOUN", "PRON") or speaker.lower_ in _QUANTIFIERS):
            return None
        left = doc[speaker.left_edge.i - 1]
        if left.text not in _SET_OFF_MARKS or any(t.is_punct for t in doc[speaker.i + 1:tok.i]):
            return None
    if tok.dep_ in ("relcl", "acl") and not (left.i and doc[left.i - 1].lower_ in _FRONTED):
        return None     # "Jones, who said ..., added": the speaker's description ("which, they believe," is an aside)
    sent = tok.sent
    s_start, s_end = r.sentence_span(tok)
    if left.i <= sent.start or left.idx <= s_start:
        return None
    end = next((t.i for t in doc[tok.i + 1:sent.end] if t.text == ";" or t.idx >= s_end), sent.end)
    close = next((t for t in doc[tok.i + 1:end] if t.text in _SET_OFF_MARKS), None)
    if close is None:
        return None
    if inverted:
        # "..., said Doyle and others, would be ...": a name after the cue up to the closing mark, and
        # the host's verb resumes after it
        if close.i == tok.i + 1 or any(t.pos_ not in _NAMING_POS or t.tag_ in ("``", "''")
                                       for t in doc[tok.i + 1:close.i]):
            return None
        heads = [t for t in doc[tok.i + 1:close.i] if t.pos_ in ("PROPN", "NOUN", "PRON")
                 and not tok.i < t.head.i < close.i]
        if not heads:
            return None
        speaker = heads[0]
    else:
        if any(c.dep_ in ("ccomp", "dobj", "dative", "xcomp", "attr", "oprd")
               and tok.i < c.left_edge.i <= close.i for c in kids(tok)):
            return None     # ("asserted that, abortion aside, ...": the cue's own clause)
        for c in tok.rights:    # the aside's own words after the cue: "said in an interview, Friday"
            if c.i >= close.i:
                break
            if not (c.dep_ in ("advmod", "npadvmod") or (c.dep_ == "prep" and (
                    c.lower_ in _ASIDE_PREPS or when(c)))):
                return None
            if c.right_edge.i >= close.i:
                close = next((t for t in doc[c.right_edge.i + 1:end] if t.text in _SET_OFF_MARKS), None)
                if close is None:
                    return None
    before = doc[sent.start:left.i]
    after = [t for t in doc[close.i + 1:end] if t.text.strip()]
    if not any(t.is_alpha for t in before) or not any(t.is_alpha for t in after):
        return None
    if r.quotes.containing(before[0].idx, before[0].idx + 1) is not None or before[0].tag_ == "``":
        return None     # "“A,” he said, “B.”": the quotation's own rule
    first = after[0]
    if r.quotes.containing(first.idx, first.idx + 1) is not None or first.tag_ == "``":
        word = next((t for t in after if t.is_alpha), first)
        if word.is_title and word.lower_ != "i" or word.text == "I" and word.i == after[0].i + 1:
            return None     # a quoted sentence of its own ("Asked about it, he said, “No.”")
    phrase = first      # the phrase the words after the mark open
    while phrase.head.i != phrase.i and close.i < phrase.head.i < sent.end:
        phrase = phrase.head
    if first.tag_ in ("VBG", "VBN") or first.lower_ in _WHEN_SAID or (
            first.lower_ in _FRONTED and first.dep_ != "mark") or (
            phrase.dep_ in ("appos", "npadvmod", "dobj", "attr") and phrase.head.i < close.i):
        # ", adding ...", ", who ...", ", a policy that ...", ", as they left": the writer's, not the host's
        return None
    if inverted and not (first.tag_ in _FINITE or first.pos_ == "AUX"):
        return None     # ("aides ..., said their speeches, already replete ..., would": no aside)
    if before[-1].dep_ == "cc":
        return None     # ("supported X and, he argued, to help Y": the cue's own second object)
    for t in after:
        subj = own_subject(t) if t.pos_ == "VERB" and r.is_cue_verb(t) else None
        if subj is None:
            continue
        cc = doc[subj.left_edge.i - 1] if subj.i < t.i else None
        if t.dep_ == "conj" and cc is not None and cc.dep_ == "cc" and cc.i > close.i + 1:
            # "A, they believe, B, and most expect C": the host ends where the next report begins
            stop = doc[cc.i - 1] if doc[cc.i - 1].text in (",", ";") else cc
            s_end = min(s_end, stop.idx)
            break
        if t.dep_ in ("conj", "parataxis") or not close.i < t.head.i < end or (
                cc is not None and cc.text in _SET_OFF_MARKS):
            return None     # ", while B, the Times reported", "..., B says": a report of its own
    start = s_start
    for t in before:    # the host is the last clause before the aside: "A, but at that point, B", "A — B"
        if t.i + 1 < left.i and (t.text in (";", ":", "—", "–", "--") or (t.text == "-" and t.whitespace_) or (
                t.dep_ == "cc" and t.i > sent.start and doc[t.i - 1].text in (",", ";"))):
            start = doc[t.i + 1].idx
    wh = before[-1]
    if wh.lower_ in _FRONTED and wh.lower_ != "what":
        # "the stadium, which, Tompkins said, is full", "the existence of which, many say, shows": the
        # relative clause is the host, from the phrase its pronoun opens to the clause's last word
        verb = wh
        while verb.dep_ != "relcl" and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "relcl" and verb.right_edge.i > close.i:
            s_end = min(s_end, verb.right_edge.idx + len(verb.right_edge.text))
        while wh.head.i < wh.i and wh.head.pos_ in ("ADP", "NOUN", "PRON", "NUM", "DET"):
            wh = wh.head
        start = wh.left_edge.idx
    last = doc[end - 1]
    while last.i > close.i and last.is_punct and (region := r.quotes.containing(last.idx, last.idx + 1)) \
            and region[0] == last.idx:
        s_end = min(s_end, last.idx)    # (a quotation the parse ran into the sentence opens the next one)
        last = doc[last.i - 1]
    words = r.doc.char_span(start, s_end, alignment_mode="contract")
    if words is not None and len(words) > 1 and words[0].lower_ in _LEADING_CC:
        start = words[1].idx    # "But the plan, he said, ...": PolNeAR leaves the sentence's "But" out
    return r.trim_period(start, s_end), speaker
