"""Attribution rules over a parsed Doc: cue -> speaker, content, modifiers.

Each rule reads dependency arcs the parser already computed; nothing here re-parses or scans the
doc more than a few times. The output is character spans (`Attribution`); component.py turns them
into records (actor ids, times, kinds). This module runs the constructions over a doc and chooses
among what they propose; each construction has its module:
  verb cues        verb_cues.py (the words: content.py, clauses.py, adjacent.py)
                   "X said (that) ...", "..., X said", "“A,” he said, “B.”", "X told reporters ...",
                   "X, speaking ..., warned that", "X was quoted as saying", "it was reported that"
  noun cues        noun_cues.py: "X's claim that ...", "criticism from the West that ...",
                   "the plan drew criticism from X" (a saying turned round: received),
                   "In a statement, X ...", and adjectives: "X is eager to", "X made it clear that"
  prepositions     according.py: "according to X, ..."; noun_cues.py: "in a CNN poll, ...", "in her view, ..."
  adverbs          according.py: "X is reportedly ..." (no one named)
  lead-ins         according.py: "Trump: Cruz has to come a long way" (a name, a colon, the words);
                   colon_names.py: the same inside a paragraph, before a quotation ("... - Jones: “A”")
  sign-offs        sign_offs.py: "“Tonight showed who he is.”― Jane Roe", and a title line
Who speaks is found in speakers.py, negation and hedges in modality.py, the shared span helpers in
context.py (`Reading`). Afterwards a direct quotation that goes on past its cue ("“A,” she said. “B.”")
is joined into one span (sign_offs.continue_quotes). A statement reported inside another's words
("According to the Kremlin, Putin said ...") is kept with a link to the one reporting it (nested.py);
one the parse only hung there ("X said A, while Y said B") is cut out of them first (sayings_apart).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...lexicons.cues import Lexicon
from ..grammar.doc_cache import kids, sentences
from .according import according_to, lead_in, reported_clause
from .boundary import BoundaryModel
from .clauses import for_clause
from .colon_names import colon_quotes, transcript_lines
from .context import Attribution, Reading, STRIP
from .edges import settle
from .learned import AcceptModel, LinearModel, statement_features
from .nested import complement_cue, next_act, reported, reports, same_speaker, words_end_before
from .noun_cues import (adjective_cue, in_source, in_statement, in_view, made_clear, noun_cue, received,
                        receiving_words)
from .quotes import QuoteRegions
from .sign_offs import continue_quotes, headline, second_act, sign_offs
from .spans import jaccard
from .token_columns import cue_positions
from .verb_cues import learned_cue, verb_cue, verb_features


# The parts of speech of the words a construction below starts from (other words only begin a
# prepositional cue: "according to").
_CUE_POS = ("VERB", "NOUN", "ADJ", "ADV")
# Lexicon frames whose rule may turn a verb down where the learned detector (learned.py) still reads a
# cue: a clause verb with only an object ("feared the re-emergence of a German colossus"), a light verb
# whose object is no cue noun, and a personal verb whose subject the rules do not read as a person
# ("Analysts see a strong chance of a cut": who "sees" a chance holds a view, as a named person does).
# (The detector was trained on every verb, these included, with its lexicon frame as a feature.)
_DETECTOR_FRAMES = frozenset({"clause", "light", "personal"})


def candidates(r: Reading) -> list[Attribution]:
    """Every statement the constructions propose, nested ones included."""
    lex = r.lex
    out: list[Attribution] = []
    first_words = {k[0]: k for k in lex.preps}
    received_nouns = receiving_words("noun")
    # (words inside a quotation belong to its speaker's statement: none of them is looked at)
    for i in cue_positions(r.doc, r.quotes, _CUE_POS, first_words, r.memo.setdefault("token_columns", {})):
        tok = r.doc[i]
        pos = tok.pos_
        lower = tok.lower_
        found = None
        if pos == "VERB":
            lemma = lex.verb_lemma(tok.lemma_.lower(), lower)
            if lemma in lex.verbs or lemma in lex.phrasal:
                parts = [c for c in kids(tok) if c.dep_ in ("prt", "prep") and c.i > tok.i]
                words = tuple(c.lower_ for c in parts)
                if any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.rights):
                    words += ("it",)     # "as one analyst put it"
                fc = for_clause(tok)
                if fc is not None:      # "calls for X to do Y": the "for" opens a clause
                    words += ("for",)
                cue = lex.verb(lemma, words)
                if cue is not None:
                    extra = tuple(c for c in parts if c.dep_ == "prep" and " " in cue.words
                                  and c.lower_ == cue.words.split()[1])
                    if fc is not None and not extra and cue.words.endswith(" for"):
                        extra = (fc.left_edge,)
                    found = verb_cue(r, tok, cue, extra)
                    if found is None and r.cue_model is not None and cue.frame == "light-only":
                        # "made a cake": a verb that cues only with a cue noun is, alone, any verb
                        found = learned_cue(r, tok, lemma)
                    elif found is None and r.cue_model is not None and cue.frame in _DETECTOR_FRAMES:
                        # "feared the re-emergence of a German colossus": an object where
                        # the frame expects a clause (or a light verb's object is no cue noun,
                        # or a personal verb's subject no person), taken when the detector agrees
                        found = learned_cue(r, tok, lemma, cue.kind)
                elif r.cue_model is not None:
                    # a phrasal cue's verb without its particle ("opened a bridge", not "opened up
                    # about"): no lexicon cue, so the detector decides as for any other verb
                    found = learned_cue(r, tok, lemma)
            elif r.cue_model is not None:
                found = learned_cue(r, tok, lemma)
        elif pos == "NOUN":
            lemma = tok.lemma_.lower()
            cue = lex.nouns.get(lemma)
            if cue is not None:
                found = _noun_cue(r, tok, cue)
            if found is None and lemma in received_nouns:
                found = received(r, tok)    # "has drawn criticism from ...": a saying turned round
        elif pos == "ADJ":
            cue = lex.adjectives.get(tok.lemma_.lower())
            if cue is not None and cue.frame == "make":
                found = made_clear(r, tok, cue)     # "made it clear that ..."
            elif cue is not None and tok.dep_ == "acomp":
                found = adjective_cue(r, tok, cue)
        elif pos == "ADV" and lower in lex.adverbs:
            found = reported_clause(r, tok, lex.adverbs[lower])     # "X is reportedly ..."
        if found is None and lower in first_words:
            words = first_words[lower]
            if tuple(t.lower_ for t in r.doc[tok.i:tok.i + len(words)]) == words:
                found = according_to(r, tok, words, lex.preps[words])
        if found is not None:
            out.append(found)
    for sent in sentences(r.doc):
        found = lead_in(r, sent)
        if found is not None:
            out.append(found)
    out.extend(transcript_lines(r, out))
    out.extend(colon_quotes(r, out))
    out.extend(headline(r, out))
    out.extend(sign_offs(r))
    continue_quotes(r, out)
    return out


def attributions(r: Reading, boundary: Optional[BoundaryModel] = None, starts: bool = False) -> list[Attribution]:
    """The statements of the doc: the constructions' proposals, less cues that are a word of an
    "according to" source ("according to show insiders") or learned cues inside another's speaker,
    less those nested in another's words; of those, the ones reported by another (`reported`) are kept with
    a link to it."""
    found = candidates(r)
    names = [a.speaker for a in found if a.speaker is not None]
    sources = [a.speaker for a in found if a.speaker is not None and a.rule == "according-to"]
    found = [a for a in found if not (any(
        n[0] <= a.cue[0] and a.cue[1] <= n[1] for n in (names if a.rule.startswith("learned") else sources))
        and not in_description(r, a))]
    # a saying turned round ("drew criticism for promoting offensive commentary") whose words hold a cue
    # of their own gives way to it: what was said there is the statement (noun_cues.received)
    found = [a for a in found if a.rule != "received" or not any(
        b is not a and a.content[0] <= b.cue[0] and b.cue[1] <= a.content[1] for b in found)]
    according_outside(r, found)
    sayings_apart(r, found)
    outer = one_cue_per_words(outermost(found, r))
    according_after_verb(r, outer, found)
    if boundary is not None:
        cues = [a.cue for a in outer]
        for a in outer:     # the learned refiner re-cuts each statement's words (boundary.py)
            a.content = recut(boundary, r, a, cues, starts)
    for a in outer:
        a.content = settle(r, a)    # where the words end: edges.py
    outer = [a for a in outer if has_words(r, a) and not doerless_act(r, a)]
    if r.accept_model is not None:      # the learned statement filter (learned.py)
        per_sentence: dict = {}
        for a in outer:
            per_sentence[a.sentence] = per_sentence.get(a.sentence, 0) + 1
        outer = [a for a in outer if r.accept_model.keeps(accept_features(r, a, per_sentence[a.sentence] - 1))]
    chosen = {id(a) for a in outer}
    return outer + reported(r, outer, [a for a in found if id(a) not in chosen and has_words(r, a)])


# The rules whose words `recut` re-begins from the whole window: a verb's clause or object, the clause
# a cue is set inside or after ("A is B, he said"), and a cue noun's words (noun_cues.noun_cue and
# in_statement leave the rule unnamed). (Adding the last two: dev 0.6588 -> 0.6598, CV 0.6227 -> 0.6229
# and 0.6423 -> 0.6428; the passive, raising, set-off and according-to rules gained nothing or lost.)
START_RULES = frozenset({"verb-ccomp", "verb-object", "learned-verb-object", "verb-inside", ""})


def recut(boundary: BoundaryModel, r: Reading, a: Attribution, cues: list[tuple[int, int]],
          starts: bool = False) -> tuple[int, int]:
    """The content span of `a` as the learned refiner reads it: its end from `refine` and, with `starts`
    (off by default: it costs half again the statements' time), for the statements of START_RULES, its
    start from the whole window (`full_refine`, on the rules' span):
    where the gold begins such words is where the rules guess most (a clause subject the parse left
    out: "explaining the firings amounted to"; a saying noun before its topic). Words that open with
    "that" keep it (PolNeAR keeps it: train 1,745 to 8), unread. The start moves only while the span
    still overlaps the rules' one by the model's min_jaccard. PolNeAR content exact F1, two-fold CV on
    train (a model from each half scoring the other) 0.6207 -> 0.6229 and 0.6408 -> 0.6428; dev
    0.6569 -> 0.6598 (attribution F1 unchanged or up)."""
    cs, ce = a.content
    start = None
    if starts and a.rule.split(":")[0] in START_RULES and ce > cs and r.text[cs:cs + 5].lower() != "that ":
        start = boundary.full_refine(r, a, cues)[0]
    s, e = boundary.refine(r, a, cues)
    if start is not None and start != cs and start < e and (
            not boundary.min_jaccard or jaccard((start, e), (cs, ce)) >= boundary.min_jaccard):
        s = start
    return s, e


def _closes(r: Reading, start: int, end: int) -> bool:
    """Nothing but spaces, closing quotation marks and punctuation from start to end: what ends there
    closes the words it sits in."""
    return not r.text[start:end].strip(STRIP + ".”\"’'")


def according_outside(r: Reading, found: list[Attribution]) -> None:
    """"The president told her that it was simple, according to an account she gave": the trailing
    "according to" attributes the whole clause, the saying in it included (PARC: its source is the
    outer one), but the verb's words run on through it. When each of the two holds the other's cue,
    the verb's words are cut where the "according to" phrase begins, so that it nests inside."""
    for acc in found:
        if acc.rule != "according-to" or acc.content[1] > acc.cue[0]:
            continue        # only an "according to" after the words it attributes
        last = r.doc.char_span(*acc.cue, alignment_mode="expand")[-1]      # "to", holding the source
        phrase_end = max(r.subtree_span(last)[1], acc.speaker[1] if acc.speaker is not None else 0)
        for a in found:
            if (a is not acc and a.content[0] <= acc.cue[0] < a.content[1]
                    and acc.content[0] <= a.cue[0] and a.cue[1] <= acc.content[1]
                    and _closes(r, phrase_end, min(a.content[1], acc.sentence[1]))):
                # the phrase closes the verb's words ("He said that, according to the FBI, the
                # server was hacked" sets it inside them: his words, the phrase among them)
                a.content = r.trim(a.content[0], acc.cue[0])


def according_after_verb(r: Reading, outer: list[Attribution], found: list[Attribution]) -> None:
    """“A,” Sanders said, according to CNN: the "according to" phrase hangs on the cue verb after it,
    the words before it; the saying is one CNN reports, and PARC (PolNeAR) marks the outer source as
    the statement's (train: 8 such statements with the reporter as source, 1 with the verb's subject,
    where the phrase sat inside words that came after the verb). Where the phrase's own statement holds
    the verb's, nested.reported links them and nothing changes here; where the verb's statement is
    among the `outer` ones (its words ran on past the phrase: "“A,” X said, according to CNN. “B.”",
    or the two took words apart), it takes the phrase's source. (Dropping the phrase's statement too
    lost train attribution F1 0.7012 -> 0.7010 and content exact 0.6248 -> 0.6243.)"""
    by_cue = {a.cue_token: a for a in outer if a.rule.startswith(("verb", "learned-verb"))}
    for acc in found:
        if acc.rule != "according-to" or acc.speaker is None:
            continue
        a = by_cue.get(r.doc[acc.cue_token].head.i)
        if a is not None and a.cue[1] <= acc.cue[0] and a.content[0] < a.cue[0]:
            a.speaker, a.speaker_token = acc.speaker, acc.speaker_token


# Subordinators that set a second saying beside the first ("X said A, while Y said B"), not inside it.
_BESIDE = frozenset({"while", "whereas", "as", "although", "though", "but"})


def sayings_apart(r: Reading, found: list[Attribution]) -> None:
    """ "Most voters said Clinton is honest, and three-quarters said the same of Sanders", "X said A,
    while Y said B": the parse hangs the second saying on the first one's words, so the first ran on
    through it and kept it as reported. A saying whose clause has a subject of its own, not the first
    speaker (nor a pronoun that can stand for it: nested.same_speaker), and is coordinated with (conj)
    or set beside (advcl with while, whereas, as ...) a verb inside another verb cue's words, and closes
    them, is a statement of its own: the first one's words end where its clause begins. "said A and
    that he feels B" (a "that" clause: still the first speaker's words) is left as it was."""
    for b in found:
        if not b.rule.startswith("verb") or b.speaker_token is None:
            continue
        tok, spk = r.doc[b.cue_token], r.doc[b.speaker_token]
        if tok.dep_ not in ("advcl", "conj", "ccomp") or spk.dep_ not in ("nsubj", "nsubjpass") or spk.head != tok \
                or not reports(r, b, "inner"):
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(tok)):
            continue
        start = tok.left_edge
        while start.i > 0 and (r.doc[start.i - 1].is_punct or r.doc[start.i - 1].dep_ == "cc"):
            start = r.doc[start.i - 1]
        # a second clause the parse gave the first cue ("said A, and three-quarters said B")
        second = tok.dep_ == "ccomp" and any(t.dep_ == "cc" for t in r.doc[start.i:tok.left_edge.i])
        if tok.dep_ == "advcl":
            if not any(c.dep_ == "mark" and c.lower_ in _BESIDE for c in kids(tok)):
                continue
        elif not second and (tok.dep_ != "conj" or tok.head.pos_ not in ("VERB", "AUX")):
            continue
        for a in found:
            if (a is not b and a.rule.startswith("verb") and a.speaker is not None
                    and (a.content[0] <= tok.head.idx < a.content[1] or (second and tok.head.i == a.cue_token))
                    and a.content[0] < start.idx and b.content[1] <= a.content[1]
                    and r.text[slice(*a.speaker)].lower() != r.text[slice(*b.speaker)].lower()
                    and not same_speaker(r, a, b)
                    and _closes(r, r.subtree_span(tok)[1], a.content[1])):
                a.content = r.trim(a.content[0], start.idx)


def in_description(r: Reading, a: Attribution) -> bool:
    """The cue is the verb of a relative clause or participle describing a speaker ("Ms. Arnold, who
    helped found EDGE, said"): words of the speaker's naming, and a statement of its own."""
    tok = r.doc[a.cue_token]
    return tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON")


def _noun_cue(r: Reading, tok: Token, cue) -> Optional[Attribution]:
    """The statement a cue noun of the lexicon makes, by its frame."""
    in_phrase = tok.dep_ == "pobj" and tok.head.lower_ == "in"
    if in_phrase and cue.kind == "claim" and cue.frame in ("-", "stance", "viewpoint"):
        found = in_view(r, tok, cue)        # "in her view, ...", "in the words of X, ..."
        if found is not None:
            return found
    if cue.frame == "viewpoint":
        return None
    if cue.frame == "source":
        return in_source(r, tok, cue) if in_phrase else None
    if cue.frame == "role":     # "the senator is a critic of the plan"
        return adjective_cue(r, tok, cue) if tok.dep_ == "attr" else None
    found = noun_cue(r, tok, cue)
    if found is None and cue.frame == "medium" and tok.dep_ == "pobj":
        found = in_statement(r, tok)
    return found


def has_words(r: Reading, a: Attribution) -> bool:
    """A construction misled by the parse can leave no words at all: no statement without content."""
    return a.content[1] > a.content[0] and not says_nothing(r, a)


# Tags of a verb that is neither finite nor a participle: the infinitive and the gerund.
_NON_FINITE = frozenset({"VB", "VBG"})


def doerless_act(r: Reading, a: Attribution) -> bool:
    """An infinitive or gerund cue whose doer no reading finds and whose words are its object, not a
    clause ("how to address rising costs", "the first Democrat to endorse Sanders", "ways to seek
    enforcement"): the verb names an act in general, not something someone said or thought, and
    PARC's attribution needs a source. A clause keeps it: "It is important to remember that A" is the
    writer's proposition, which PolNeAR marks with no source."""
    return (a.speaker is None and a.rule in ("verb-object", "learned-verb-object")
            and r.doc[a.cue_token].tag_ in _NON_FINITE)


def says_nothing(r: Reading, a: Attribution) -> bool:
    """Words that cannot be what was said: one adjective or verb ("feel terrible", "see fit"), or a
    plural pronoun or "that" as a subject ("the plans were announced: they", "that was rejected"):
    such statements are seldom right."""
    words = r.doc.char_span(*a.content, alignment_mode="expand")
    if words is None or len(words) != 1:
        return False
    w = words[0]
    return (w.pos_ in ("ADJ", "VERB", "AUX") or w.lower_ in ("they", "them")
            or (w.lower_ == "that" and w.dep_ != "dobj"))


def outermost(found: list[Attribution], r: Optional[Reading] = None) -> list[Attribution]:
    """Statements whose cue lies inside another statement's words are set aside: "Macron highlighted that
    Putin faced a deadline set by Trump" is Macron's statement, not Trump's; "accused Russia of seeking
    to delay" reports no statement of Russia's. Of those set aside, nested.reported keeps the sayings
    reported by another ("According to the Kremlin, Putin said ..."). A speaker's second act after the
    cue (`r` given: `second_act`) is a statement of its own even inside a quotation joined across it; so
    is one the parse hung on a verb of the words (`next_act`: "said she was shocked, adding that B"),
    whose words then end before it. A learned verb whose words are the complement of a cue ("proceeded
    to hand down his sentence": `complement_cue`) gives way to that cue."""
    kept: list[Attribution] = []
    for a in sorted(found, key=lambda a: a.content[0] - a.content[1]):     # widest first
        holders = [k for k in kept if k.content[0] <= a.cue[0] and a.cue[1] <= k.content[1]
                   and not (r is not None and second_act(r, a, k))]
        if not holders:
            kept.append(a)
        elif r is not None and len(holders) == 1 and next_act(r, a, holders[0]):
            k = holders[0]
            k.content = r.trim(k.content[0], words_end_before(r, k, a))
            a.speaker, a.speaker_token = k.speaker, k.speaker_token
            kept.append(a)
        elif r is not None and len(holders) == 1 and complement_cue(r, a, holders[0]):
            k = holders[0]
            a.speaker, a.speaker_token = k.speaker, k.speaker_token
            kept.remove(k)
            kept.append(a)
    return kept


def one_cue_per_words(found: list[Attribution]) -> list[Attribution]:
    """Two cues that claim the same words (their spans overlap by at least half of their union: "posted a
    photo, saying “A”", "Asked if ..., she said “A”") make one statement, the first cue's."""
    kept: list[Attribution] = []
    for a in sorted(found, key=lambda a: a.cue[0]):
        if not any(jaccard(k.content, a.content) >= 0.5 for k in kept):
            kept.append(a)
    return kept


def accept_features(r: Reading, a: Attribution, others: int) -> list[str]:
    """What the statement filter (learned.statement_features) sees of a proposed statement; `others`:
    how many other statements the sentence holds."""
    feats = statement_features(r.doc, a, r.doc[a.speaker_token] if a.speaker_token is not None else None,
                               r.text)
    feats.append(f"OTHERS={min(others, 2)}")
    if a.rule.startswith("learned") and r.cue_model is not None:
        # how sure the cue detector was, in tenths
        feats.append(f"CUEP={int(r.cue_model.prob(verb_features(r, r.doc[a.cue_token])) * 10)}")
    return feats


def find_attributions(doc: Doc, lex: Lexicon, quotes: Optional[QuoteRegions] = None,
                      text: Optional[str] = None, cue_model: Optional[LinearModel] = None,
                      boundary: Optional[BoundaryModel] = None,
                      accept_model: Optional[AcceptModel] = None,
                      refine_starts: bool = False) -> list[Attribution]:
    """Statements of one parsed article. `cue_model` (learned.py, optional) adds the verbs the cue
    lexicon does not list; `boundary` (boundary.py, optional) re-cuts each statement's content (its start
    too, for the rules of START_RULES, with `refine_starts`)."""
    text = doc.text if text is None else text
    return attributions(Reading(doc, lex, quotes or QuoteRegions(text), text, cue_model, accept_model),
                        boundary, refine_starts)
