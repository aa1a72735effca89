"""Time expressions: TIMEX3 recognition and normalization (component "newsledger_times").

Writes `doc._.times`: a list of `records.TimeExpr` (text, span, type DATE|TIME|DURATION|SET, TIMEX3
value, anchor), in text order. `anchor` says what the value was computed from:
  "published"  the publication date ("last month", "Friday", "this quarter", PAST_REF ...);
  "narrative"  the text's own reference time: the last day or month it named ("On March 3 ... two days
               later", "In March ... the following month") or the quarter it reports ("the third
               quarter ... a year earlier" -> the year-ago quarter, "the 2024 period");
  "none"       nothing, in three cases only: (1) the value is partial, a relative expression left
               unresolved for want of a publication date ("XXXX-08", "XXXX-WXX-5"); (2) the expression
               states its own date ("2022", "March 3, 2024", "the first half of 2023"); (3) durations
               and sets ("three weeks", "every Monday"), which name no point in time.
A relative expression that was resolved therefore never says "none" (tests/nlp/test_times.py checks it).

How it works
- Recognition: the regex rules of data/times/patterns.yaml (words from data/times/lexicon.yaml), compiled
  once per process (recognize.py); overlapping matches keep the longest.
- Filters on the parse: "May" the modal, "March" the verb, years that are part of a name ("Trump 2020"),
  the generic present ("today's youth", "the people of tomorrow"), capitalized titles in quotes (ABC's
  "This Week"), fractions ("a quarter of the shares").
- Normalization (normalize.py): relative expressions are anchored on the publication date
  (`doc._.published`), or on the narrative's reference time, the last day the text named ("on March 3 …
  two days later" -> March 5, anchor "narrative"). Weekdays and month names without a year resolve by the
  tense of the verb that governs them ("said Friday" -> the past Friday; "will meet Friday" and "a Monday
  deadline" -> the coming or current one). Without a publication date relative values stay partial
  ("XXXX-08", anchor "none").
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...records import TimeExpr
from ...lexicons.times import Lexicon, load_lexicon
from .arithmetic import quarter_end
from .context import FUTURE, NEAREST, PAST, PRESENT, SCHEDULED, UNKNOWN, Context
from .normalize import Normalizer
from .recognize import Match, Rule, find_candidates, load_rules
from ..doc_text import doc_text
from ..grammar import governor, modal_kind, saying_time

# Modals by nlp/grammar: a future or conditional one ("will", and "would", mostly the future of
# reported speech: "said he would travel Thursday") looks ahead; the others ("could", "might",
# "must" ...) also report the past ("could be located Wednesday"): they say nothing.
# Cues that point forward only when the verb does not say the time is past ("until Thursday, they had
# not ..."); the other forward cues of the lexicon hold whatever the tense ("payable Dec. 7").
_WEAK_FORWARD_CUES = {"through", "by"}
_CLAUSE_CUES = {"until", "till"}  # forward, except opening a sentence ("Until Thursday, they had not ...")
# Rules whose matches are only a name, a year or a month word, where the parse can veto them.
_BARE_MONTH_RULES = {"month"}
_BARE_YEAR_RULES = {"year"}
# "A year earlier" means the year-ago quarter only while the text is talking about a quarter (characters).
_QUARTER_REACH = 600
_YEAR_VALUE = re.compile(r"^\d{4}(?!\d)")
_MONTH_VALUE = re.compile(r"^\d{4}-\d{2}$")
_OPEN_QUOTES = {'"', "\u201c", "`", "'"}
# "a quarter of the vote", "three quarters of its sales": a fraction, not three months.
_FRACTION_OF = re.compile(r"\s+of\s+(?!(?:fiscal\s+)?\d)")
_DEICTIC_RULES = {"deictic_day"}
# Expressions that name a day and so become the narrative's reference time.
_REFERENCE_NORMS = {"date", "weekday", "deictic", "holiday", "narrative", "offset"}


class TimeTagger:
    """Text (plus an optional parse) in, TimeExpr list out. Holds the compiled rules; no spaCy needed."""

    def __init__(self, lexicon: Optional[Lexicon] = None, rules: Optional[tuple[Rule, ...]] = None):
        self.lex = lexicon or load_lexicon()
        self.rules = rules or load_rules()
        self.normalizer = Normalizer(self.lex)

    def tag(self, text: str, published: Optional[dt.date], doc: Optional[Doc] = None,
            default_direction: int = UNKNOWN) -> list[TimeExpr]:
        ctx = Context(published=published)
        quarter_at = -_QUARTER_REACH
        out: list[TimeExpr] = []
        for m in find_candidates(text, self.rules):
            tokens = self._tokens(doc, m) if doc is not None else None
            if tokens is not None and self._vetoed(m, tokens, doc, text):
                continue
            ctx.direction = self._direction(tokens) if tokens else default_direction
            ctx.quarter_near = m.start - quarter_at < _QUARTER_REACH
            v = self.normalizer(m.rule.norm, m.groups, ctx, m.rule.value)
            if v is None or not v.value:
                continue
            anchor = v.anchor
            if published is None and anchor == "published":
                anchor = "none"
            out.append(TimeExpr(text=text[m.start:m.end], span=(m.start, m.end),
                                type=v.type or m.rule.type, value=v.value, anchor=anchor))
            if v.day is not None and m.rule.norm in _REFERENCE_NORMS:
                ctx.ref_day = ctx.ref_month = v.day
            if _YEAR_VALUE.match(v.value) and m.rule.type == "DATE":
                ctx.ref_year = int(v.value[:4])
            if m.rule.norm in ("date", "month") and _MONTH_VALUE.match(v.value):
                ctx.ref_month = dt.date(int(v.value[:4]), int(v.value[5:7]), 1)
            # Reports speak of the quarter just ended: a quarter still to come is no reference.
            if v.quarter is not None and (published is None or quarter_end(v.quarter) < published):
                ctx.ref_quarter = v.quarter
                quarter_at = m.end
        return out

    # ---- the parse ----------------------------------------------------------------------------
    @staticmethod
    def _tokens(doc: Doc, m: Match) -> Optional[list[Token]]:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return list(span) if span is not None and len(span) else None

    def _vetoed(self, m: Match, tokens: list[Token], doc: Doc, text: str) -> bool:
        first = tokens[0]
        if m.rule.id in _BARE_MONTH_RULES and len(tokens) == 1:
            # "May" the modal, "March" the verb, "April Ryan" the person.
            if first.tag_ == "MD" or first.pos_ in ("VERB", "AUX") or first.ent_type_ == "PERSON":
                return True
        if m.rule.id in _BARE_YEAR_RULES and len(tokens) == 1 and first.i > 0:
            prev = doc[first.i - 1]
            # A year right after a capitalized name is part of the name: "Trump 2020", "Windows 2000".
            if (prev.text[:1].isupper() and not prev.is_sent_start and prev.pos_ in ("PROPN", "NOUN")
                    and prev.text.lower() not in self.lex.year_premodifiers
                    and self.lex.month(prev.text) is None and self.lex.season(prev.text) is None):
                return True
        if (m.rule.id in _BARE_YEAR_RULES and len(tokens) == 1 and first.dep_ == "nummod"
                and first.head.tag_ in ("NNS", "NNPS") and first.head.i > first.i
                and first.head.lower_ not in self.lex.dated_plurals
                and not any(t.dep_ in ("det", "poss") for t in first.head.children if t.i < first.i)):
            return True  # a count: "1885 aftershocks", "nearly 2000 people" (but "the 2020 elections")
        if m.rule.id == "weekday" and first.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART") and len(tokens) == 1:
            return True
        # `text` is doc.text passed in: building doc.text joins every token, per call.
        last = tokens[-1]
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        # A capitalized title in quotes: ABC's "This Week".
        if (len(tokens) > 1 and m.start > 0 and text[m.start - 1] in _OPEN_QUOTES
                and all(t.text[:1].isupper() for t in tokens if t.is_alpha)):
            return True
        if m.rule.id in _DEICTIC_RULES and len(tokens) == 1:
            if self._generic_now(first, nxt):
                return True
        if (m.rule.id == "duration" and (m.groups.get("unit") or "").lower().startswith("quarter")
                and _FRACTION_OF.match(text, m.end)):
            return True
        return False

    def _generic_now(self, tok: Token, nxt: Optional[Token]) -> bool:
        """"today's youth", "the people of tomorrow", "VOA Today": the age we live in, or a name."""
        if nxt is not None and nxt.tag_ == "POS" and tok.head.i != tok.i:
            return tok.head.text.lower() in self.lex.generic_now_nouns or \
                tok.head.lemma_.lower() in self.lex.generic_now_nouns
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        if prev is None:
            return False
        if prev.lower_ == "of" and (nxt is None or nxt.is_punct) and prev.i > 0 and \
                prev.doc[prev.i - 1].pos_ == "NOUN":
            return True
        return (tok.text[:1].isupper() and not tok.is_sent_start and prev.pos_ == "PROPN"
                and prev.text[:1].isupper())

    def _direction(self, tokens: list[Token]) -> int:
        """PAST, FUTURE, PRESENT or UNKNOWN by the governing verb; NEAREST when the day modifies a
        deadline-like noun ("a Monday deadline": the nearer of the last and the coming Monday)."""
        first = tokens[0]
        cue = first.text.lower() if first.text.lower() in self.lex.forward_cues else (
            first.doc[first.i - 1].text.lower() if first.i > 0 else "")
        cue_token = first if first.text.lower() == cue else first.doc[first.i - 1]
        if cue in _CLAUSE_CUES and not cue_token.is_sent_start:
            return FUTURE
        if cue in self.lex.forward_cues and cue not in _WEAK_FORWARD_CUES | _CLAUSE_CUES:
            return FUTURE
        if first.i > 2 and first.doc[first.i - 3].text.lower() == "as" and first.doc[first.i - 1].text.lower() == "as":
            return FUTURE  # "as soon as Tuesday", "as early as next week"
        tense = self._governing_tense(tokens)
        if cue in _WEAK_FORWARD_CUES and tense == NEAREST:
            # "by Monday's deadline": the cue is the deadline's; a past verb over it ("did not hand it in
            # by Monday's deadline") tells a deadline that may have passed, so the nearer day
            noun = tokens[0].head
            verb = governor(noun, hops=7) if noun.i != tokens[0].i else None
            if verb is not None and self._tense(verb, depth=0) == PAST:
                return NEAREST
        if cue in _WEAK_FORWARD_CUES and tense == PAST and self._reduced_relative(tokens):
            return FUTURE
        if cue in _WEAK_FORWARD_CUES | _CLAUSE_CUES and tense != PAST:
            return FUTURE
        return tense

    def _reduced_relative(self, tokens: list[Token]) -> bool:
        """The time's verb is a bare past participle after a noun ("the artefacts taken from Dahomey"):
        not finite, so it tells no past; "by June 30" hung on it by the parse is a deadline of the
        clause its noun is in, which does not itself tell the past ("will return the artefacts ...")."""
        verb = governor(tokens[0], hops=7)
        if verb is None or verb.tag_ != "VBN" or verb.dep_ != "acl" or \
                any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return False
        outer = governor(verb.head, hops=7)
        return outer is not None and outer.i != verb.i and self._tense(outer, depth=0) != PAST

    def _governing_tense(self, tokens: list[Token]) -> int:
        root = tokens[0]
        for t in tokens:
            if t.head.i < tokens[0].i or t.head.i > tokens[-1].i or t.head.i == t.i:
                root = t
                break
        head = root.head
        if head.dep_ == "prep" and head.lower_ in ("of", "for") and head.head.i != head.i:
            head = head.head    # "a deadline of June 30", "a vote for March 3": the noun the date is of
        if head.i != root.i and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in self.lex.forward_nouns:
            return NEAREST
        nxt = tokens[-1].nbor(1) if tokens[-1].i + 1 < len(tokens[-1].doc) else None
        if nxt is not None and nxt.lemma_.lower() in self.lex.forward_nouns and nxt.pos_ == "NOUN":
            return NEAREST
        if root.dep_ in ("compound", "amod", "nmod", "poss") and head.pos_ in ("NOUN", "PROPN"):
            return UNKNOWN  # "a June agreement", "Wednesday's ruling": no verb speaks for them
        verb = governor(root, hops=7)
        if verb is None:
            return UNKNOWN
        said_at = saying_time(verb.head, verb) if verb.dep_ == "ccomp" else None
        if said_at is not None and said_at.left_edge.i <= root.i <= said_at.right_edge.i:
            verb = verb.head    # "said on Monday it would cut fees": the Monday of the saying, not of the cut
        return self._tense(verb, depth=0, after=root.i > verb.i)

    def _tense(self, verb: Token, depth: int, after: bool = True) -> int:
        lemma = verb.lemma_.lower()
        reporting = lemma in self.lex.reporting_verbs
        if lemma in self.lex.scheduling_verbs and after:
            # "planned a rally on Saturday", "has scheduled a news conference Thursday"; but a day put
            # before the verb dates the planning itself ("On Friday, the government planned ...").
            return FUTURE
        for a in verb.children:
            if a.dep_ not in ("aux", "auxpass"):
                continue
            low = a.text.lower()
            if a.tag_ == "VBD":
                return PAST
            if low == "to":
                # An infinitive looks ahead under "plan", "expect" ...; else it takes its governor's tense.
                gov = verb.head
                if gov.i != verb.i and gov.lemma_.lower() in self.lex.intent_verbs:
                    # "plans to meet Friday" looks ahead; "had been scheduled to expire Friday" no longer
                    had = any(c.dep_ == "aux" and c.text.lower() in ("had", "'d") for c in gov.children)
                    return PAST if had else FUTURE
                if gov.i != verb.i and gov.pos_ == "NOUN" and gov.lemma_.lower() in self.lex.intent_nouns:
                    return FUTURE   # "an agreement to acquire the bank in January"
                for _ in range(4):  # "ways to get around ..." depends on the verb of "ways"
                    if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                        break
                    gov = gov.head
                if gov.i == verb.i or depth > 2 or gov.pos_ not in ("VERB", "AUX"):
                    return FUTURE
                return self._tense(gov, depth + 1)
            kind = modal_kind(a)
            if kind in ("future", "conditional"):
                return FUTURE
            if kind is not None:
                return UNKNOWN
            if a.lemma_ == "have":
                return PAST
            if a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP"):
                # "is meeting Friday" looks ahead; "is reported Friday" does not.
                return PAST if reporting else FUTURE if verb.tag_ == "VBG" else PRESENT
        if verb.tag_ in ("VBD", "VBN"):
            return PAST
        if verb.tag_ in ("VBZ", "VBP"):
            if reporting:
                return PAST
            # "The council meets Monday" is planned; "as of Monday the figures are ..." just is.
            return PRESENT if lemma in ("be", "have") or verb.dep_ not in ("ROOT", "conj") else SCHEDULED
        if verb.tag_ == "MD":
            return FUTURE
        return UNKNOWN


class TimesComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.tagger = TimeTagger()

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if isinstance(published, dt.datetime):
            published = published.date()
        text = doc_text(doc)  # built once per doc: Doc.text joins every token
        doc._.times = self.tagger.tag(text, published, doc) if text.strip() else []
        return doc


@Language.factory("newsledger_times")
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)

