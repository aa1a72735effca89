"""Who speaks: the subject or passive agent of a cue verb, climbing from a cue without a subject to the
verb it hangs on ("..., warning that" -> the main verb's subject), and the words that name the speaker.

The clause-level decisions (subject, passive, agent) are the shared reading of nlp/grammar; who speaks
through a cue (the climbing in `speaker_of`) is statements' own, built on them.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from ...lexicons.gazetteer import common_groups
from ..grammar.doc_cache import kids
from ..grammar.dateline import paragraph_dateline_end
from ..grammar.syntax import (PASSIVE_SUBJECT_DEPS, agent, extraposed_it, is_passive, FINITE_TAGS, own_subject,
                              stranded_subject, to_infinitive)
from .context import Reading
from .learned import PERSONAL_PRONOUNS
from .spans import CharSpan

# Who can speak through a verb: its noun-phrase subject; a clausal subject ("Holding rates near zero
# has encouraged borrowing") names no one.
SPEAKER_DEPS = frozenset({"nsubj"})
# Subjects that are noun phrases, active or passive: the ones a climb from a cue may take as its speaker.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How a cue without a subject reaches its speaker ("..., warning that" -> the main verb's subject).
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "ccomp", "acomp"})
# Pronouns that name people, as subjects or as holders ("her attack on").
_PERSONAL = PERSONAL_PRONOUNS | {"my", "our", "your", "his", "her", "their", "whose"}
# Prepositions whose gerund is the object's doing ("accused Russia of seeking", "kept him from saying",
# "quoted an official as saying"); after "by", "without", "before" ... it is the subject's ("won the
# nomination by promising ...").
_OBJECT_CONTROL = frozenset({"of", "from", "for", "into", "against", "as"})
# Demonstrative pronouns ("That means ..."); not "those", which stands for people ("those who said").
_DEMONSTRATIVES = frozenset({"this", "that", "these"})
# Indefinite pronouns that stand for people when they stand alone ("led some to speculate", "left many to
# wonder"), whatever the tagger calls them (it often makes "many" an adjective, "others" a noun).
_PEOPLE_PRONOUNS = frozenset({"some", "many", "others", "few", "several", "most", "everyone", "everybody",
                              "someone", "somebody", "anyone", "anybody", "nobody", "those"})
# Dashes that set an aside off inside a name ("Governor Chris Christie – a Dallas Cowboys fan –").
_DASHES = ("—", "–", "--")
# An abbreviated title right before a name ("Pres. ", "Fr.\xa0"), not the end of a word or abbreviation.
_TITLE = re.compile(r"(?<![\w.])([A-Z][a-z]{1,5})\.[ \xa0]$")
# A live blog's clock run into the name after it ("9:52PMBush"): the time of the entry, no naming word.
_CLOCK = re.compile(r"\d{1,2}:\d{2} ?[AaPp]\.?[Mm]\.?(?=[A-Z][a-z])")


def speaker_subject(verb: Token) -> Optional[Token]:
    """The verb's subject that can name who speaks: a noun phrase (SPEAKER_DEPS), two subjects the parse
    split out of one phrase read as one (a title before a name, a relative pronoun before the clause's
    own subject), and a heading only before the verb."""
    return own_subject(verb, SPEAKER_DEPS, relatives=True, titles=True, headings_before_verb=True)


def as_saying(r: Reading, verb: Token) -> Optional[Token]:
    """The cue verb of "was quoted as saying", "is reported as telling" under a passive verb."""
    if not is_passive(verb):
        return None
    for c in kids(verb):
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((g for g in kids(c) if g.dep_ == "pcomp" and r.is_cue_verb(g)), None)
    return None


def _has_read_as_passive(verb: Token) -> bool:
    """A contracted "has" the parse read as a passive "is" ("he's said he will fight", "She's argued
    that ..."): a person's "'s" before a participle that takes a clause or an object of its own, with no
    agent and no infinitive ("he's said to be ill" is passive)."""
    if verb.tag_ not in ("VBN", "VBD") or not any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s")
                                                   for c in kids(verb)):
        return False
    if any(c.dep_ in ("agent", "xcomp", "oprd") for c in kids(verb)) or agent(verb) is not None:
        return False
    subj = own_subject(verb, PASSIVE_SUBJECT_DEPS)
    return is_person(subj) and any(c.dep_ in ("ccomp", "dobj") for c in kids(verb))


def speaker_of(r: Reading, verb: Token) -> Optional[Token]:
    """The token naming who speaks through the cue `verb`: a passive's agent, its subject, or, for a cue
    without one, the subject (or object, or holder) of the verb or noun it hangs on."""
    if _has_read_as_passive(verb):
        return own_subject(verb, PASSIVE_SUBJECT_DEPS)
    if is_passive(verb) or (verb.tag_ == "VBN" and agent(verb) is not None):
        # (a bare participle with its agent is passive too: "as reported by Western Journalism")
        by = agent(verb)
        if by is None and as_saying(r, verb) is not None:
            # "“A,” Braynard is quoted as saying": the one quoted is the speaker
            return own_subject(verb, PASSIVE_SUBJECT_DEPS)
        return by if by is not None else said_in(r, verb)
    if verb.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids(verb)) \
            and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in kids(verb)):
        return said_in(r, verb)    # a bare participle: "As stated in Davis' commentary, ..." (not "as I've said")
    subj = speaker_subject(verb)
    if subj is not None and subj.lower_.endswith(("self", "selves")) and verb.dep_ in ("ccomp", "xcomp"):
        # a reflexive is bound by the subject above it: "Devine allowed himself to address": Devine
        subj = speaker_subject(verb.head) or subj
    if subj is not None:
        return subj
    share = quantity_subject(verb)
    if share is not None:
        return share
    lost = stranded_subject(verb)
    if lost is not None:
        return lost
    outer = verb.head.head
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.dep_ == "ccomp" \
            and verb.head.tag_ == verb.tag_ == outer.tag_ and r.is_cue_verb(outer):
        subj = speaker_subject(outer)
        if subj is not None:
            return subj     # "China said it was opposed to the test and warned North Korea": China warned
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ in ("VB", "VBG", "VBN"):
        # "said he would order a review and warned against hackers": a finite verb cannot be parallel
        # to the infinitive it hangs on; it goes with the first finite verb above, and its subject
        h = verb.head
        while h.head.i != h.i:
            h = h.head
            if h.tag_ == verb.tag_:
                subj = speaker_subject(h)
                if subj is not None:
                    return subj
                break
    if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in kids(verb)):
        # "Asked about the plan, Clinton said ...": a bare participle's subject is the one asked; who
        # asked is not named
        return None
    h = branch = verb
    fallback = None     # a thing as subject ("the initiative"): kept only if no agent shows up higher
    for _ in range(5):
        if h.dep_ == "acl" and h.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            if fallback is None:
                maker = object_maker(h.head)
                if maker is not None:
                    return maker
            return h.head if fallback is None else fallback
        if h.dep_ == "advmod" and h.pos_ == "ADV" and h.head.pos_ in ("VERB", "AUX"):
            pass        # "stopped short of calling", "aside from saying": on to the adverb's verb
        elif h.dep_ == "dep" and h.tag_ in FINITE_TAGS and h.head.tag_ in FINITE_TAGS and h.head.i < h.i \
                and h.doc[h.left_edge.i - 1].text == ",":
            pass        # "Clinton paused, then revealed ...": a finite verb the parse left loose after a
            #             comma is a conjunct without its "and": it shares the subject before it
        elif gerund_noun(branch, h):
            pass        # "has a long history of blaming others", "in addition to stating that": the noun
            #             whose gerund it is names no one; the verb it serves has the one who acts
        elif h.dep_ not in _CLIMB_DEPS or h.head.i == h.i:
            return fallback
        if h.dep_ == "pcomp" and h.head.dep_ == "prep" and h.head.head.pos_ == "NOUN":
            # "Mr. Ban's record on promoting women", "his campaign theme of questioning trade deals"
            poss = next((c for c in kids(h.head.head) if c.dep_ == "poss"), None)
            if poss is not None:
                return poss
        if h.dep_ == "xcomp" and to_infinitive(h):
            # object control: "That prompted Rubio to make a joke", "led her to declare" -> the object
            # does the infinitive; not a reflexive ("Devine allowed himself to address": Devine)
            obj = next((c for c in kids(h.head) if c.dep_ == "dobj" and c.i < h.i), None)
            if obj is not None and not obj.lower_.endswith(("self", "selves")) and can_act(obj):
                return obj      # (not "used the example of Chicago to prove": a thing is a means)
        if h.dep_ == "pcomp" and h.head.dep_ == "prep" and h.head.lower_ in _OBJECT_CONTROL:
            # object control: "accused Russia of seeking ..." -> Russia seeks
            obj = next((c for c in kids(h.head.head) if c.dep_ == "dobj" and c.i < h.head.i), None)
            if obj is not None:     # (not "After saying A, she left the room": no object before it)
                return obj
        branch, h = h, h.head
        if h.dep_ == "ccomp" and h.head.i != h.i and r.is_cue_verb(h.head) and verb.tag_ == "VBG":
            # "X emphasized that A, suggesting B": the participle is X's, not A's subject's
            branch, h = h, h.head
        # "Bemoaning the system, Trump said ...", "After saying A, she left": a participle opening
        # the sentence is its subject's
        # the subject of the clause controls an infinitive of purpose put before it too ("To
        # address inequality, Mrs. Clinton has proposed ...")
        infinitive = verb.tag_ == "VB" and to_infinitive(verb)
        fronted = (branch.i < h.i and verb.i < h.i and (verb.tag_ in ("VBG", "VBN") or infinitive)
                   and (branch.dep_ == "advcl" or (branch.dep_ == "prep" and verb.dep_ == "pcomp")))
        if extraposed_it(h) and branch.dep_ in ("xcomp", "acomp", "attr", "prep") and branch.i > h.i:
            # "it's hard to know", "it's worth noting that": the cue is the placeholder's real subject,
            # said by no one named (PolNeAR gives such statements no source)
            return None
        subjects = [c for c in kids(h) if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if len(subjects) > 1:
            # of two, the one the shared reading takes first (not a dateline: "PHILADELPHIA (UPI) —
            # The committee released a statement, offering ...")
            pick = own_subject(h, NOMINAL_SUBJECT_DEPS, headings_before_verb=True)
            subjects.sort(key=lambda c: c.i != pick.i)
        for c in subjects:
            if c.i < verb.i or fronted:
                if fronted and infinitive:
                    if can_act(c):      # (a thing has no purpose: "To alert voters, the message ...")
                        return c
                    continue
                if verb.tag_ != "VBG" or c.pos_ in ("PROPN", "PRON") or c.ent_type_:
                    return c
                fallback = fallback or c
    return fallback


def object_maker(noun: Token) -> Optional[Token]:
    """The one who acts through a thing a cue describes, when the thing is the object of their verb:
    "Trump fired off a response saying ...", "Ayotte wrote a letter congratulating ...", "Trump has a
    rare chance to show ...", "the leaders took turns rebutting ...": a response, a letter, a chance or a
    turn names no one; the subject who makes or has it speaks (PolNeAR's source). None when the object
    can itself act ("sent aides warning ...") or the verb has no subject that can."""
    if noun.dep_ != "dobj" or noun.pos_ != "NOUN" or can_act(noun):
        return None
    subj = speaker_subject(noun.head)
    if subj is None or subj.i > noun.i or not can_act(subj):
        return None
    return subj


# Nouns and pronouns a gerund of theirs can hang on through a preposition ("a history of blaming",
# "in addition to stating"): the object or complement of a verb, or a preposition's object.
_GERUND_NOUN_DEPS = frozenset({"dobj", "attr", "pobj"})


def gerund_noun(branch: Token, noun: Token) -> bool:
    """`noun` holds, through the preposition `branch`, a gerund the climb came from ("took the step of
    criticizing", "after months of refusing", "in addition to stating"): the gerund's doer is not the
    noun (no one acts in "a history") but the subject of the verb the noun belongs to, so the climb
    goes on through it. Only common nouns: "accused Russia of seeking" (object control) is read
    before, and a noun with a holder ("Mr. Ban's record on promoting") names its own."""
    return (branch.dep_ == "prep" and noun.pos_ == "NOUN" and noun.dep_ in _GERUND_NOUN_DEPS
            and noun.head.i != noun.i and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in kids(branch))
            and not any(c.dep_ == "poss" for c in kids(noun)))


# Entity types of an "in" phrase that tell where or when, not in what words ("was announced in Washington").
_SETTING_TYPES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT",
                            "MONEY"})

# Nouns of an "in" phrase that tell when or how, not in what words ("in the past", "in detail").
_NOT_TEXT_NOUNS = frozenset({"past", "future", "week", "weeks", "month", "months", "year", "years", "day", "days",
                             "time", "times", "period", "interim", "meantime", "wake", "end", "beginning", "way",
                             "part", "response", "order", "fact", "addition", "case", "light", "detail", "turn",
                             "advance", "public", "private", "person"})


def said_in(r: Reading, verb: Token) -> Optional[Token]:
    """The text a passive saying without an agent is said in, for a verb whose active takes the text as
    its subject (data/statements/speakers.tsv, in_text): "have barely been mentioned in the race", "in
    which a handful of donors are mentioned", "As stated in Davis' commentary". PolNeAR marks that text
    as the source, as it marks "according to a report" (not "reported in broad ranges", "known in local
    terms": train 3 such sources right and 11 wrong over all cue verbs, 3 and none over these)."""
    if verb.lemma_.lower() not in r.lex.in_text_verbs:
        return None
    for c in kids(verb):
        # after the verb, or before it in a relative clause ("in which ... are mentioned")
        if c.dep_ == "prep" and c.lower_ == "in" and (c.i > verb.i or verb.dep_ == "relcl"):
            obj = next((g for g in kids(c) if g.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ in ("NOUN", "PROPN") or obj.lower_ == "which") \
                    and obj.ent_type_ not in _SETTING_TYPES and obj.lemma_.lower() not in _NOT_TEXT_NOUNS:
                return obj
    return None


# Shares of people a poll reports ("Half said so", "Less than a third agreed"), as nouns.
_SHARES = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "majority", "most"})


def quantity_subject(verb: Token) -> Optional[Token]:
    """A number or share right before a finite verb without a subject, which the parse hung on the verb
    as a modifier ("About 4 in 10 say they want ...": 10 a nummod of say; "Less than a third agreed"):
    poll copy's subject, the people counted."""
    if verb.tag_ not in FINITE_TAGS or any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in kids(verb)):
        return None
    c = next((c for c in verb.lefts if c.dep_ in ("nummod", "npadvmod")), None)
    if c is None or not (c.pos_ == "NUM" or c.lower_ in _SHARES) or c.right_edge.i + 1 != verb.i:
        return None
    return c


def can_act(tok: Token) -> bool:
    """A noun phrase that can be the one who speaks or acts: a person, a named body or place, a
    personal pronoun, or a common noun for people or a group (data/actors/common_groups.tsv)."""
    if is_person(tok) or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    counted = next((kids(p) for p in kids(tok) if p.dep_ == "prep" and p.lower_ == "of"), ())
    counted = next((c for c in counted if c.dep_ == "pobj"), None)
    group = tok.pos_ in ("NUM", "PRON") or (tok.pos_ == "NOUN" and tok.lemma_.lower() in common_groups())
    if counted is not None and group:
        return can_act(counted)     # "thousands of protesters" act, "millions of dollars" do not
    if tok.lower_ in _PEOPLE_PRONOUNS:
        # "led some to speculate", "left many to wonder": an indefinite standing alone counts people
        # (not "most of his time": what it counts decides)
        return counted is None or can_act(counted)
    return group and tok.pos_ == "NOUN"     # (not "the example of Chicago")


def is_person(tok: Optional[Token]) -> bool:
    """A subject that names people: a person's name or a personal pronoun (not "it")."""
    if tok is None:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in _PERSONAL
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and not tok.ent_type_)


def speaker_span(r: Reading, tok: Optional[Token]) -> tuple[Optional[CharSpan], Optional[int]]:
    if tok is None:
        return None, None
    if tok.lower_ in r.lex.non_speakers and not (tok.dep_ == "nsubj" and tok.lower_ == "it"
                                                   and not is_passive(tok.head)):
        return None, None   # "it was reported", "there were claims"; but "it said" names the body
    if tok.tag_ == "DT" and tok.lower_ in _DEMONSTRATIVES and tok.dep_ in NOMINAL_SUBJECT_DEPS:
        # "That means admitting ...", "That's what McCarthy wrote": a demonstrative standing alone
        # points back to a proposition or a thing, not to someone who speaks (PolNeAR train: 1 of 20
        # such speakers is a source); the relative "that" (WDT) is not one
        return None, None
    start, end = r.name_span(tok)
    end = _end_before_contraction(r, tok, end)
    return naming_edges(r, _title_before(r, tok, start), end), tok.i


def _end_before_contraction(r: Reading, tok: Token, end: int) -> int:
    """Where a subject's name ends before a contracted "has" or "is" the parse took for a possessive
    ending ("Christie's been making the case": Christie). A possessive before a noun stays ("Christie's
    aides said"; PolNeAR keeps that ending as often as not, so only the contraction is cut)."""
    last = r.doc[tok.right_edge.i]
    after = r.doc[last.i + 1] if last.i + 1 < len(r.doc) else None
    if last.i > tok.i and last.lower_ in ("'s", "’s") and last.head.i == tok.i and last.idx + len(last) == end \
            and tok.dep_ in NOMINAL_SUBJECT_DEPS and after is not None \
            and (after.pos_ == "AUX" or after.tag_ in ("VBN", "VBG")):
        return last.idx
    return end


def _title_before(r: Reading, tok: Token, start: int) -> int:
    """Where the naming words begin when the parse cut a title off the name: a second subject of the
    verb right before it ("Vatican spokesman the Rev. Federico Lombardi told": own_subject takes
    Lombardi), or a fragment it made a sentence of ("Texas | Lt. Gov. Dan Patrick says"). PolNeAR's
    sources hold the title ("Texas Lt. Gov. Dan Patrick")."""
    doc = r.doc
    first = tok.left_edge
    if first.idx != start or first.i == 0:
        return start
    prev = doc[first.i - 1]
    if prev.is_punct or "\n" in prev.text or not prev.whitespace_:
        return start
    if tok.dep_ in SPEAKER_DEPS and prev.head.i != prev.i:
        # (a title of nouns before a proper name: not a clause the parse lost, "polls in the state he")
        title = next((c for c in kids(tok.head) if c.dep_ == tok.dep_ and c.i < tok.i
                      and c.right_edge.i == prev.i and c.pos_ in ("NOUN", "PROPN")), None)
        if title is None or tok.pos_ != "PROPN" or any(
                t.is_punct or t.pos_ in ("VERB", "AUX", "PRON") for t in doc[title.left_edge.i:first.i]):
            return start
        return title.left_edge.idx
    if first.is_sent_start:
        frag = prev.sent
        if len(frag) <= 3 and all(t.text[:1].isupper() and not t.is_punct and t.pos_ in ("PROPN", "NOUN", "ADJ")
                                  for t in frag):
            return frag.start_char
    return start


def naming_edges(r: Reading, start: int, end: int) -> CharSpan:
    """The edges of a speaker's naming words as PolNeAR marks sources (train): a bracket the name opens
    closes in it ("Rep. Gwen Moore (D-Wis.)"), and so does a dash ("Jason Sims — a teacher from Mount
    Pleasant — said": train 14 spans made exact, 1 lost); a wire dateline the parse joined to the
    name is not part of it ("RENO, Nev. (AP) — Republican hopeful Donald Trump": 10 made exact, none
    lost), nor is a live blog's clock run into it ("9:52PMBush": train 3 made exact, none lost); an
    abbreviated title the tokenizer split off before it is (data/statements/speakers.tsv, title: "Pres.
    Obama", "Fr. Frank Pavone": train 3 made exact, 1 lost); no focus word before it ("Even Trump
    said"), no no-break space at either end. (A possessive ending before a noun, a floating "all"
    after coordinated names, an age after a name (", 59,") and a relative
    clause after a comma were tried: the gold keeps each as often as not, or more often.)"""
    text = r.text
    words = text[start:end]
    if words.count("(") > words.count(")"):
        # the parse leaves the closing bracket out as punctuation
        close = text.find(")", end, end + 3)
        if close >= 0:
            end = close + 1
    for dash in _DASHES:
        if words.count(dash) % 2 == 1:
            # an aside the name opens with a dash closes with one: the parse leaves that out too
            after = len(text[end:end + 3]) - len(text[end:end + 3].lstrip(" "))
            if text.startswith(dash, end + after):
                end += after + len(dash)
            break
    start = paragraph_dateline_end(r.doc, r.text, start, end)   # actors' reading: its words name no one
    first = text[start:end].split(" ", 1)
    if len(first) == 2 and first[0].lower() in r.lex.focus_words and first[1][:1].isalnum():
        start += len(first[0]) + 1
    while start < end and text[start] in "\xa0 ":
        start += 1
    while end > start and text[end - 1] in "\xa0 ":
        end -= 1
    clock = _CLOCK.search(text, start, end)
    if clock:
        start = clock.end()
    title = _TITLE.search(text, max(0, start - 9), start)
    if title and title.group(1).lower() in r.lex.title_abbreviations:
        start = title.start(1)
    return start, end


def name_after_cue(tok: Token) -> Optional[Token]:
    """The name after an inverted cue ("“A,” added a South Carolina Democrat", "said Leslie Wimes"),
    whatever relation the parse gave it."""
    return next((c for c in kids(tok) if c.i > tok.i and c.dep_ in ("nsubj", "dobj", "attr", "npadvmod")
                 and c.pos_ in ("PROPN", "NOUN")), None)


def inverted_name(r: Reading, tok: Token) -> Optional[tuple[CharSpan, int]]:
    """ "“A,” said Robin Maynard, half joking", "“A,” said Skelly, explaining ...": in the inverted order
    after a quotation the words from the cue to the next comma (or the sentence's end) name the
    speaker, whatever the parse made of them (an adverb, the subject of the participle after). A name
    (a capitalised first word, or "a"/"the" and a noun: "said a spokesman"), no verb in it. Returns its
    span and its last word."""
    words = []
    for t in r.doc[tok.i + 1:tok.sent.end]:
        if (t.is_punct and t.text in ("-", "–") and not t.whitespace_) or (
                words and words[-1].text in ("-", "–") and not words[-1].whitespace_):
            words.append(t)     # "Holtz-Eakin", "Los Angeles-based attorney"
            continue
        if t.is_punct or t.pos_ in ("VERB", "AUX") or r.quotes.containing(t.idx, t.idx + 1) is not None:
            break
        words.append(t)
    if not words or len(words) > 6 or not (words[0].text[:1].isupper() or (
            words[0].lower_ in ("a", "an", "the") and len(words) > 1)):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") or t.text[:1].isupper() for t in words[1:] or words):
        return None
    end = words[-1].idx + len(words[-1].text)
    nxt = words[-1].i + 1
    if nxt + 1 < tok.sent.end and r.doc[nxt].text == "," and r.doc[nxt + 1].lower_ in _DESCRIBING:
        # "said Edward Leamer, an economist who ...": the description is part of the naming, up to
        # the quotation that resumes, a participle of the speaker's ("..., adding") or the sentence's end
        stop = tok.sent.end_char
        q = r.quotes.first_from(end)
        if q is not None and q[0] < stop:
            stop = q[0]
        for t in r.doc[nxt + 2:tok.sent.end]:
            if t.idx >= stop:
                break
            if t.tag_ == "VBG" and r.doc[t.i - 1].text == ",":
                stop = t.idx
                break
        end = r.trim(end, stop)[1]
    return (words[0].idx, end), words[-1].i


# Words that open a description of the speaker after a comma: "said Ann Lee, a lawyer", "..., who".
_DESCRIBING = frozenset({"a", "an", "the", "who", "whose"})


def speaker_after_quote(r: Reading, tok: Token, content: CharSpan, cue_span: CharSpan,
                        speaker: Optional[CharSpan], spk_i: Optional[int]):
    """A quotation before its cue whose speaker the parse misplaced."""
    region = r.quotes.containing(content[0], content[0] + 1)
    if region is not None and region[0] == content[0] and region[1] < content[1]:
        # "“A,” Gene Sperling, an adviser, said": the parse put the speaker into the quote's clause
        gap = r.doc.char_span(region[1], cue_span[0], alignment_mode="contract")
        content = region
        if speaker is None and gap is not None and any(t.pos_ in ("PROPN", "NOUN") for t in gap):
            speaker = r.trim(gap.start_char, gap.end_char)
            spk_i = gap.root.i
    if speaker is None:
        # "“A,” added a South Carolina Democrat": the subject comes after the verb
        after = name_after_cue(tok)
        if after is not None:
            speaker, spk_i = speaker_span(r, after)
    return content, speaker, spk_i
