"""A proper name that no tagger or list knows, read as an organisation by the part it plays.

The small model misses many company names, or tags them as places: "Fincantieri pledged 200 million euros",
"gave Petroperu until Friday", "gave Vedanta 30 days". Wire copy names a person in full the first time (a
first name, a title), and a place it knows is in the gazetteer; a capitalised name that no list holds (one
word, or words set before it: "Volvo Cars"), that takes no determiner, modifier or phrase, is never written in
lower case in the article (a common noun where a sentence starts), and that commits, says, is ordered or is given
time is the name of a body. Only these roles count: a name that is only visited, passed or lived in may be a
place the gazetteer lacks.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...lexicons.commitments import load_lexicon
from ...lexicons.cues import load_lexicon as cue_lexicon
from ...lexicons.english import load_english

# Entity labels the NER gives such a name: none, or a place it guessed from the shape of the word.
_GUESSED = ("", "GPE", "ORG")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")

# Dependents a bare name does not take: a determiner, a possessor, modifiers, a prepositional phrase.
_OWN_WORDS = ("poss", "amod", "det", "prep", "nmod")


def acting_names(doc: Doc, start: int, first_names, known, skip, placed=lambda i: False) -> list[tuple[int, int]]:
    """Token ranges (from `start`, after a dateline) of names that act as a body: one word, or words all
    capitalised and set before it as its compounds ("Volvo Cars"), the subject of a commitment verb, a
    statement cue, "will" or "must", or the one given time or ordered (data/commitments.yaml verbs,
    ultimatum_give_verbs, order_verbs; data/cues.tsv).
    `first_names`: a person's first names; `known(text)`: whether a list (the gazetteer) holds the name;
    `skip(i)`: tokens already read (a mention, a title); `placed(i)`: a token read as a place, which may be
    a word set before the name's head ("Cebu Pacific", "Lima Metro": a company named after its home) but not
    the head itself."""
    lex = load_lexicon()
    commit = set(lex.verbs) | set(cue_lexicon().verbs)
    given = set(lex.ultimatum_give_verbs) | set(lex.word_lists.get("order_verbs", ()))
    # "will", "'ll", "shall", "won't" (data/english.yaml), and the modal an order lays on a party ("Thames Water
    # must cut leaks by March 31": data/commitments.yaml order_modals)
    future = load_english().modal_words("future") | lex.word_lists.get("order_modals", frozenset())
    persons = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    lower = {t.text for t in doc if t.is_lower}

    def bare(t: Token, front: bool = False) -> bool:
        return t.pos_ == "PROPN" and t.tag_ in ("NNP", "NNPS") and t.ent_type_ in _GUESSED and t.text[:1].isupper() \
            and t.text not in persons and (not skip(t.i) or (front and placed(t.i)))

    def of_place(t: Token) -> Optional[Token]:
        """The place a name ends in: "State Railway of Thailand", "Development Bank of Rwanda" (one "of" phrase
        whose object is a name already read as a country or a place)."""
        of = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > t.i]
        objs = [p for p in of[0].children] if len(of) == 1 else []
        if len(objs) != 1 or objs[0].dep_ != "pobj" or objs[0].pos_ != "PROPN" or not objs[0].text[:1].isupper() \
                or any(c.dep_ != "compound" for c in objs[0].children) or not (skip(objs[0].i) or placed(objs[0].i)):
            return None
        return objs[0]

    out = []
    for t in doc[start:]:
        place = of_place(t) if t.pos_ == "PROPN" else None
        # a name that ends in "of" a place takes "the" as such names do ("The State Railway of Thailand said")
        own = [c for c in t.children if c.dep_ in _OWN_WORDS and c.i >= start
               and not (place is not None and (c.i == place.head.i or (c.dep_ == "det" and c.lower_ == "the")))]
        if not bare(t) or t.dep_ == "compound" or own:
            continue        # a word of a longer name, or a noun with words of its own ("The University of
                            # Cape Town" the NER reads, "Compensation for farmers"): the other readings'
        words = [c for c in t.children if c.dep_ == "compound" and c.i >= start]
        if any(not bare(c, front=True) or list(c.children) for c in words) or \
                (words and [c.i for c in words] != list(range(t.i - len(words), t.i))):
            continue
        s = t.i - len(words)
        text = doc[s:t.i + 1].text
        if (s == t.i and len(t.text) < 3) or doc[s].text in first_names or doc[s].lower_ in lower or known(text) \
                or not _acts(t, commit, given, future, start if s < t.i else 0):
            continue
        out.append((s, t.i + 1 if place is None else place.i + 1))
    return out


def _acts(t: Token, commit: set[str], given: set[str], future: frozenset[str], start: int = 0) -> bool:
    dep, head = t.dep_, t.head
    if dep == "appos" and head.i < start and head.dep_ in _SUBJECT_DEPS:
        # "COLOMBO, April 22 (Reuters) - Adani Ports said": the parse made the dateline's city the subject and
        # the name its apposition; the name is the subject (the caller asks it of names of two words or more: one
        # capitalised word after the dash may be the sentence's first common noun, "WARSAW — Farmers whose ...")
        dep, head = head.dep_, head.head
    if head.i == t.i or head.pos_ not in ("VERB", "AUX"):
        return False
    lemma = head.lemma_.lower()
    if dep in _SUBJECT_DEPS:
        return lemma in commit or any(c.dep_ == "aux" and c.lower_ in future for c in head.children)
    return dep in ("dative", "dobj") and lemma in given
