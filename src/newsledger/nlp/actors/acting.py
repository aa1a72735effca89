"""A one-word proper name that no tagger or list knows, read as an organisation by the part it plays.

The small model misses many company names, or tags them as places: "Fincantieri pledged 200 million euros",
"gave Petroperu until Friday", "gave Vedanta 30 days". Wire copy names a person in full the first time (a
first name, a title), and a place it knows is in the gazetteer; a lone capitalised word that no list holds and
that commits, is ordered or is given time is the name of a body. Only these roles count: a name that is only
visited, passed or lived in may be a place the gazetteer lacks.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lexicons.commitments import load_lexicon

# Entity labels the NER gives such a name: none, or a place it guessed from the shape of the word.
_GUESSED = ("", "GPE", "ORG")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Dependents a bare name does not take: a determiner, a possessor, modifiers, a prepositional phrase.
_OWN_WORDS = ("compound", "poss", "amod", "det", "prep", "nmod")


def acting_names(doc: Doc, start: int, first_names, known, skip) -> list[int]:
    """Token indices (from `start`, after a dateline) of one-word names that act as a body: the subject of a
    commitment verb or of "will", the one given time or ordered (data/commitments.yaml verbs,
    ultimatum_give_verbs, order_verbs). `first_names`: a person's first names; `known(text)`: whether a list
    (the gazetteer) holds the word; `skip(i)`: tokens already read (a mention, a title)."""
    lex = load_lexicon()
    commit = set(lex.verbs)
    given = set(lex.ultimatum_give_verbs) | set(lex.word_lists.get("order_verbs", ()))
    persons = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    lower = {t.text for t in doc if t.is_lower}
    out = []
    for t in doc[start:]:
        if t.pos_ != "PROPN" or t.tag_ != "NNP" or t.ent_type_ not in _GUESSED or len(t.text) < 3 \
                or not t.text[:1].isupper() or t.text in first_names or t.text in persons or skip(t.i) or known(t.text):
            continue
        if t.dep_ == "compound" or any(c.dep_ in _OWN_WORDS and c.i >= start for c in t.children):
            continue        # a word of a longer name, or a noun with words of its own ("The University of
                            # Cape Town", "Compensation for farmers"): the other readings'
        if t.lower_ in lower:
            continue        # a common noun capitalised where a sentence starts
        if _acts(t, commit, given):
            out.append(t.i)
    return out


def _acts(t: Token, commit: set[str], given: set[str]) -> bool:
    head = t.head
    if head.i == t.i or head.pos_ not in ("VERB", "AUX"):
        return False
    lemma = head.lemma_.lower()
    if t.dep_ in _SUBJECT_DEPS:
        return lemma in commit or any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in head.children)
    return t.dep_ in ("dative", "dobj") and lemma in given
