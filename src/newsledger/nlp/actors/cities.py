"""A city's own government: "the city of Lyon", "Lyon's city council", "City Hall", "the mayor of Barcelona".

A city government acts in news the way a national government does, through its seat ("City Hall said"),
its head ("Toronto Mayor Olivia Chow said the city will ...") and the city's own name once the story is about
it ("Barcelona will hand 1,000 flats ..., the mayor of Barcelona said"). It is one actor, "City of X"
(type government), however it is named, and it acts for the city, not for the state. A capital's name
alone still acts for its national government (metonymy.py: "Paris said" is France); only the words that
name the city's own government ("the city of Paris", "Paris City Hall", "the mayor of Paris") name it.
The words are data/actors/ner.yaml: city_government_heads, city_government_words, city_seats, city_heads.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ...records import Actor
from ...slug import slugify
from ..grammar.dateline import past_dateline
from .parse import SUBJECT_DEPS


def city_actor(st, place: str, country: Optional[str], s: int, e: int) -> Actor:
    """The government of the city `place`, one actor however it is named ("Barcelona's city council",
    "the city" of a story filed from Barcelona): "City of Barcelona", mentioned at tokens s..e."""
    text = f"City of {place}"
    actor = st.index.add(Actor(id=slugify(text), name=text, type="government", country=country))
    st.mention(actor.id, s, e, "name")
    return actor


def city_of_start(doc: Doc, s: int) -> Optional[int]:
    """ "the city of Lyon", "City of Toronto": the first token of the words naming the city's government in
    front of the place name at token s, or None. "the city of" in a place's sense ("in the city of Lyon")
    names a place: the caller reads the preposition."""
    if s < 2 or doc[s - 1].lower_ != "of" or doc[s - 2].lower_ != "city":
        return None
    start = s - 2
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    return start


def dateline_city(st, lookup) -> Optional[tuple[str, Optional[str]]]:
    """The city a story is filed from ("TORONTO —", "BARCELONA, Spain —"): its name and country when the
    gazetteer knows it as a place or a capital; None for a dateline naming a country."""
    doc = st.doc
    if not st.dateline:
        return None
    for tok in doc[:st.dateline]:
        if tok.is_alpha and tok.text.isupper():
            name = tok.text.title()
            hit = next((h for h in lookup(name) if h.kind in ("place", "metonym") and h.place_country), None)
            if hit is not None:
                return name, hit.place_country
            return None
    return None


def city_seat(st, s: int, e: int, rules, lookup, place_preps=()) -> bool:
    """A city government's seat or body named without its city ("City Hall said", "the city council"; data:
    city_seats) is the one city government the document names already, else that of the city the story is
    filed from: mentioned at s..e. False (nothing done) when neither is known or the words name a place
    ("reporters at City Hall")."""
    doc = st.doc
    words = " ".join(t.lower_ for t in doc[s:e] if t.lower_ != "the")
    if words not in rules.get("city_seats", frozenset()):
        return False
    prep = doc[e - 1].head if doc[e - 1].dep_ == "pobj" else None
    if prep is not None and prep.lower_ in place_preps:
        return False
    cities = {a.id for a in st.index.actors.values() if a.type == "government" and a.name.startswith("City of ")}
    if len(cities) == 1:
        st.mention(cities.pop(), s, e, "name")
        return True
    home = None if cities else dateline_city(st, lookup)
    if home is None:
        return False
    city_actor(st, home[0], home[1], s, e)
    return True


def mayors(st, rules, lookup) -> None:
    """A city's head (data: city_heads: "Toronto Mayor Olivia Chow", "the mayor of Barcelona, Jaume
    Collboni", "Oslo's mayor", "Mayor Olivia Chow" in a story filed from Toronto) speaks for the city's
    government: the person gets the office "Mayor of City of X" (read as any office "of" a body is:
    commitments/context.py), and the city government is an actor of the document."""
    from .companies import title_phrase
    doc = st.doc
    heads = rules.get("city_heads", frozenset())
    for m in list(st.index.mentions):
        person = st.index.actors.get(m.actor_id)
        if person is None or person.type != "person" or m.kind == "pronoun":
            continue
        phrase = title_phrase(doc, m.start, m.end)
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        up = span.root if span is not None else None
        for _ in range(3):      # "the mayor of Barcelona, Carla Puig": the name hung on the city by the parse
            if up is None or up.dep_ not in ("appos", "pobj", "prep") or up.head.i == up.i:
                break
            up = up.head
            if up.lower_ in heads:
                phrase = sorted({*phrase, *up.subtree}, key=lambda t: t.i)
                break
        head = next((t for t in phrase if t.lower_ in heads), None)
        if head is None:
            continue
        city = next((c for c in (_city_word(t, lookup) for t in phrase if t.i != head.i) if c is not None), None)
        if city is None:
            home = dateline_city(st, lookup)
            if home is None:
                continue
            place, country = home
        else:
            place, country = city[0], city[1]
        actor = st.index.add(Actor(id=slugify(f"City of {place}"), name=f"City of {place}", type="government",
                                   country=country))
        if city is not None:
            _mention_place(st, actor.id, city[2])
        role = f"{head.text.title()} of {actor.name}"
        if role not in person.roles:
            person.roles.append(role)


def unnamed_mayors(st, rules, lookup) -> None:
    """A city's head told with the city and no name ("Amsterdam's mayor on Tuesday gave Ajax 30 days", "the mayor
    of Lyon said") acts for the city's government, as a named one does (mayors): the words name "City of X"
    when they are a clause's subject and the city is a place the gazetteer knows or the NER tags as one."""
    doc = st.doc
    heads = rules.get("city_heads", frozenset())
    for tok in doc[st.dateline:]:
        if not unnamed_head(st, tok, heads):
            continue
        named = [c for c in tok.children if c.dep_ == "poss"] + \
            [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        city = next((c for c in (_city_word(t, lookup) for t in named) if c is not None), None)
        if city is None:
            continue
        place, country, i = city
        city_actor(st, place, country, min(i, tok.i), max(i, tok.i) + 1)
        unplace(st, doc[i].idx, doc[i].idx + len(place))


def unplace(st, lo: int, hi: int) -> None:
    """The words lo..hi name a government that acts ("Amsterdam's mayor", "Ontario's energy minister"), no longer
    a place where something happens."""
    st.index.places[:] = [p for p in st.index.places if p.span != (lo, hi)]


def unnamed_head(st, tok, heads) -> bool:
    """`tok` is an office word of `heads` told with no holder's name ("Amsterdam's mayor", "Ontario's energy
    minister"): a common noun (whatever the tagger calls it: "housing ministry" may be tagged a name), the active
    subject of a clause, no actor's word yet and with no name set beside it."""
    return tok.lower_ in heads and tok.is_lower and tok.pos_ in ("NOUN", "PROPN") and \
        _acting_subject(st.doc[tok.i:tok.i + 1]) and not st.taken[tok.i] and \
        st.index.at(tok.idx, tok.idx + len(tok.text)) is None and not any(c.dep_ == "appos" for c in tok.children)


def _city_word(t, lookup) -> Optional[tuple[str, Optional[str], int]]:
    """A word of a city head's phrase that names the city: capitalised, a place or metonym the gazetteer knows
    (with its country) or one the NER tags GPE ("Oslo's mayor", "the mayor of Lyon"); (text, country, index)."""
    if not t.text[:1].isupper() or t.ent_type_ not in ("GPE", "LOC", ""):
        return None
    hit = next((h for h in lookup(t.text) if h.kind in ("place", "metonym") and h.place_country), None)
    if hit is None and t.ent_type_ != "GPE":
        return None
    return t.text, hit.place_country if hit else None, t.i


def _mention_place(st, actor_id: str, i: int) -> None:
    """The city's name in its head's title ("Gothenburg's mayor Jonas Attenius") names the city's government,
    unless it is inside another mention ("Toronto Mayor Olivia Chow" names the person; "the mayor of Oslo": a
    capital's name is its state's, metonymy.py)."""
    t = st.doc[i]
    lo, hi = t.idx, t.idx + len(t.text)
    if any(m.start < hi and lo < m.end for m in st.index.mentions):
        return
    st.mention(actor_id, i, i + 1, "name")
    unplace(st, t.idx, t.idx + len(t.text))


def the_city(st) -> None:
    """ "The city will open 2,000 school places ..., Gothenburg's mayor said": "the city" acting (a verb's
    subject, no word of its own naming a place) is the one city government the document names."""
    cities = [a.id for a in st.index.actors.values() if a.type == "government" and a.name.startswith("City of ")]
    if len(cities) != 1:
        return
    for tok in st.doc[st.dateline:]:
        if tok.lower_ == "city" and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and \
                [c.lower_ for c in tok.children] == ["the"] and tok.i > 0 and \
                next(iter(st.index.mentions_in(st.doc[tok.i - 1].idx, tok.idx + len(tok.text))), None) is None:
            st.mention(cities[0], tok.i - 1, tok.i + 1, "name")


def city_subjects(st, rules, lookup) -> None:
    """A city that is no capital, named as a clause's subject, acts for its government when the story is
    about that government ("Barcelona will hand 1,000 flats ..., the mayor of Barcelona said"; "MILAN — Milan
    has failed to plant the trees it promised, the city's environment councillor said"): the document names
    the city's government already, or the story is filed from the city and names one of its officers (data:
    city_voice_words). A place otherwise ("Barcelona is hot in July" is no act: the verb's subject only)."""
    doc = st.doc
    home = dateline_city(st, lookup)
    voiced = any(t.lower_ in rules.get("city_voice_words", frozenset()) for t in doc[st.dateline:])
    keep = []
    for loc in st.index.places:
        span = doc.char_span(loc.span[0], loc.span[1], alignment_mode="expand")
        actor = None
        if span is not None and span.start >= st.dateline:
            actor = st.index.actors.get(slugify(f"City of {loc.name}"))
            if actor is None and voiced and home is not None and home[0] == loc.name:
                actor = Actor(id=slugify(f"City of {loc.name}"), name=f"City of {loc.name}", type="government",
                              country=home[1])
        if actor is None or not _acting_subject(span):
            keep.append(loc)
            continue
        actor = st.index.add(actor)
        st.mention(actor.id, span.start, span.end, "name")
    st.index.places[:] = keep


def _acting_subject(span) -> bool:
    """The span is the active subject of a verb (behind a wire dateline the parse took for it)."""
    root = span.root
    if root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS and past_dateline(root.head).i == root.i:
        root = root.head
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB"


def named_seat(st, s: int, e: int, rules, lookup) -> bool:
    """ "Barcelona City Hall said", "Lyon's city council voted": an entity (the tagger's place, building or
    organisation) that is a city seat of city_seats after the name of a place the gazetteer knows is that
    city's government, mentioned at s..e."""
    doc = st.doc
    for n in (2, 1):
        if e - s <= n:
            continue
        words = " ".join(t.lower_ for t in doc[e - n:e])
        if words not in rules.get("city_seats", frozenset()):
            continue
        pe = e - n - 1 if doc[e - n - 1].tag_ == "POS" else e - n     # "Lyon's city council"
        place = doc[s:pe].text
        hit = next((h for h in lookup(place) if h.kind in ("place", "metonym") and h.place_country), None)
        if hit is None:
            return False
        if st.index.mention_at(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) is None:
            city_actor(st, place, hit.place_country, s, e)
        return True
    return False
