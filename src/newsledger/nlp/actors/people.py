"""People: person names from the gazetteer and the NER, and which actor each one is.

Short names join full names ("Putin" -> "Vladimir Putin", "Smith" -> "Jane Smith"); titles in front
("US special envoy Steve Witkoff") and appositions ("Witkoff, the US special envoy,") widen the
mention and give role and country.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ...lexicons.gazetteer import Entry, Gazetteer, Name, Title
from ...records import STATE_TYPES, Actor
from ...slug import slugify
from .parse import NUMERIC_ENTITIES, apposition_heads
from .state import DocState

# Dependencies that end the words in front of a name (a title's widening stops there); a possessive
# ("Ukraine's President ...") is handled on its own.
_STOP_EXTEND = frozenset({"det", "cc", "prep", "punct", "predet"})
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def core_name(span) -> list[str]:
    """Lower-case words of a name without generational suffixes ("John Conyers Jr." -> john conyers)."""
    words = [t.lower_ for t in span if not t.is_punct]
    while words and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words


@dataclass
class PersonHit:
    start: int
    end: int
    source: str                      # gaz | weak | ner | maybe
    entry: Optional[Entry] = None
    name_kind: str = "name"          # name | surname
    actor_id: Optional[str] = None


@dataclass
class Extension:
    start: int                       # new start of the mention (== hit start when none)
    roles: list[str] = field(default_factory=list)
    country: Optional[str] = None
    gender: Optional[str] = None
    titles: list[Title] = field(default_factory=list)


class People:
    """Collects person names for one document and decides which actor each one is."""

    def __init__(self, st: DocState, gaz: Gazetteer, rules: dict):
        self.st = st
        self.gaz = gaz
        self.rules = rules
        self.hits: list[PersonHit] = []
        self._full_tokens: dict[str, list[int]] | None = None

    # -- collecting --
    def add_gazetteer(self, s: int, e: int, entry: Entry, name: Name) -> None:
        source = "weak" if name.weak else "gaz"
        kind = "surname" if name.kind == "surname" else "name"
        self.hits.append(PersonHit(s, e, source, entry, kind))

    def has_gazetteer_in(self, s: int, e: int) -> bool:
        return any(h.source in ("gaz", "weak") and h.start < e and s < h.end for h in self.hits)

    def add_ner(self, s: int, e: int) -> None:
        doc = self.st.doc
        prefixes = self.rules.get("name_prefixes", frozenset())
        # Drop titles and honorifics in front, never the last word ("Mr. King" is Mr. King).
        while s < e - 1 and (doc[s].lower_ in prefixes or doc[s].lower_ in self.gaz.titles):
            s += 1
        # Nor a common word capitalised at the start of a sentence ("Born Robert Burns in ...")
        # unless it is a known given name ("Will", "Rose").
        if s < e - 1 and doc[s].is_sent_start and doc[s].pos_ in ("NOUN", "VERB", "ADJ") \
                and doc[s].text not in self.gaz.first_names:
            s += 1
        # A known given name the tagger left out in front, hung on the name ("LONDON — Sadiq Khan, the
        # mayor": only "Khan" tagged after the dateline): the name is the whole of it.
        while s > 0 and doc[s - 1].text in self.gaz.first_names and doc[s - 1].pos_ == "PROPN" \
                and not doc[s - 1].ent_type_ and s <= doc[s - 1].head.i < e:
            s -= 1
        # Nor caption words, numbers or separate lower-case words at the end ("Humberto 785 miles");
        # hyphenated parts stay ("Prayuth Chan-o-cha").
        trailing = self.rules.get("person_trailing_words", frozenset())
        while e > s and (doc[e - 1].is_punct or doc[e - 1].tag_ == "POS" or doc[e - 1].lower_ in trailing
                         or ((doc[e - 1].like_num or doc[e - 1].is_lower) and doc[e - 2].whitespace_)):
            e -= 1
        if s >= e or "\n" in doc[s:e].text or not doc[s].text[:1].isupper():
            return
        if any(h.start < e and s < h.end for h in self.hits):
            return
        self.hits.append(PersonHit(s, e, "ner", None, "name" if e - s > 1 else "surname"))
        self._full_tokens = None

    def _full_names(self) -> dict[str, list[int]]:
        """Token text -> indexes of hits with a multi-word name containing it (first/last word)."""
        if self._full_tokens is None:
            doc = self.st.doc
            out: dict[str, list[int]] = {}
            for n, h in enumerate(self.hits):
                if h.source == "gaz" or (h.source == "ner" and h.end - h.start > 1):
                    words = [t.text for t in doc[h.start:h.end]]
                    keys = {words[0], words[-1]}
                    if h.entry is not None:
                        # First name, surname, and every one-word alias (a surname spelling).
                        name = h.entry.name.split()
                        keys = {name[0], name[-1]} | {a for a in h.entry.aliases if " " not in a}
                    if len(words) > 1 or h.entry is not None:
                        for w in keys:
                            out.setdefault(w, []).append(n)
            self._full_tokens = out
        return self._full_tokens

    def title_and_name(self, s: int, e: int) -> bool:
        """An ORG entity that is a title and a person's name ("Harbour Minister Ilse Varnholt"), or
        only the title in front of one ("Harbour Minister" + "Jon Aasen"): the name becomes a person
        hit (the title widens it later) and True says the entity is no organisation. Words of
        `org_name_words` in the name keep it an organisation ("Queen Mary University")."""
        doc, st = self.st.doc, self.st
        while e > s and (doc[e - 1].is_punct or doc[e - 1].tag_ == "POS"):
            e -= 1
        if e - s < 2:
            return False
        titles = st.title_spans_in(s, e)
        # A gazetteer person ends the entity: its full name, or a surname after a title.
        for h in self.hits:
            if h.source in ("gaz", "weak") and h.end == e and s < h.start:
                if h.name_kind == "name" or any(te <= h.start for _, te in titles):
                    return True
        if not titles:
            return False
        te = titles[-1][1]
        org_words = self.rules.get("not_name_words", frozenset())
        if te == e:                                   # the entity ends with the title
            n = e
            while n < len(doc) and n - e < 4 and name_word(doc[n], org_words):
                n += 1
            if n == e:
                return False
            self.add_ner(e, n)                        # no-op when the name is a hit already
            return True
        tail = doc[te:e]
        if len(tail) > 4 or not all(name_word(t, org_words) for t in tail):
            return False
        self.add_ner(te, e)
        return True

    def add_bare_surnames(self, covered: bytearray) -> None:
        """ "Varnholt added nothing.": a proper noun the NER left untagged that equals, with its
        capitals, the surname of a person named in full earlier in the document is a short-name
        hit; `resolve` joins it to the most recent earlier full name with that surname (as for the
        NER's own short names), so of two Smiths the last one named wins.

        Not taken: words in lower case ("rice" after "Condoleezza Rice"), a word that modifies a
        noun or stands next to another proper noun ("Rice prices", "Varnholt Shipping", "Karl
        Varnholt"), and, when the word also occurs in lower case in this document, a capitalised
        one at the start of a sentence (a common word there, not the surname)."""
        doc = self.st.doc
        first_at: dict[str, int] = {}         # surname -> end of its first full name
        for h in self.hits:
            if h.end - h.start < 2 or h.source not in ("gaz", "ner") or h.name_kind != "name":
                continue
            words = core_name(doc[h.start:h.end])
            surnames = {doc[h.start + len(words) - 1].text} if words else set()
            if h.entry is not None:
                surnames.add(h.entry.name.split()[-1])
            for w in surnames:
                if len(w) > 1 and w[:1].isupper() and (w not in first_at or h.end < first_at[w]):
                    first_at[w] = h.end
        if not first_at:
            return
        in_hit = bytearray(len(doc))
        for h in self.hits:
            in_hit[h.start:h.end] = b"\x01" * (h.end - h.start)
        title_end_at = self.st.title_end_at
        prefixes = self.rules.get("name_prefixes", frozenset())
        lower_words = None
        n = len(doc)
        for tok in doc:
            i = tok.i
            start = first_at.get(tok.text)
            if start is None or i < start or covered[i] or in_hit[i] or tok.pos_ != "PROPN" \
                    or tok.ent_type_ or tok.dep_ in ("compound", "amod", "nmod"):
                continue
            if i + 1 < n and doc[i + 1].pos_ == "PROPN":
                continue                              # part of a longer name
            if i > 0 and doc[i - 1].pos_ == "PROPN" and i not in title_end_at \
                    and doc[i - 1].lower_ not in prefixes:
                continue                              # another first name: another person
            if tok.is_sent_start:
                if lower_words is None:
                    lower_words = {t.text for t in doc if t.is_lower}
                if tok.lower_ in lower_words:
                    continue
            self.hits.append(PersonHit(i, i + 1, "maybe", None, "surname"))
        self._full_tokens = None

    def is_person_short_form(self, s: int, e: int) -> bool:
        """An ORG entity that is really a person's short name ("which Trump reportedly sought")."""
        if e - s != 1:
            return False
        word = self.st.doc[s].text
        if word in self._full_names():
            self.hits.append(PersonHit(s, e, "maybe", None, "surname"))
            return True
        return False

    # -- deciding --
    def resolve(self) -> None:
        st, doc, gaz = self.st, self.st.doc, self.gaz
        self.hits.sort(key=lambda h: h.start)
        self._full_tokens = None
        full = self._full_names()
        # Full NER names: the gazetteer may know them by a variant ("Joseph R. Biden"), or they
        # may end a longer name said nearby ("Rivera Schatz" after "Thomas Rivera Schatz").
        for n, h in enumerate(self.hits):
            if h.source == "ner" and h.end - h.start > 1:
                h.entry = self._variant(doc[h.start:h.end].text.split())
                if h.entry is None:
                    longer = self._longer_name(n)
                    if longer is not None:
                        h.entry, h.actor_id = longer.entry, longer.actor_id or self._ner_id(longer)
                        h.name_kind = "surname"
        # Short names join the nearest full name before them, else the first after.
        for n, h in enumerate(self.hits):
            if h.source not in ("weak", "ner", "maybe") or (h.source == "ner" and h.end - h.start > 1):
                continue
            word = doc[h.end - 1].text
            cands = [i for i in full.get(word, []) if i != n]
            before = [i for i in cands if self.hits[i].start < h.start]
            pick = before[-1] if before else (cands[0] if cands else None)
            if pick is not None:
                target = self.hits[pick]
                h.entry = target.entry
                h.actor_id = target.actor_id or (None if target.entry else self._ner_id(target))
                h.name_kind = "surname"
                continue
            if h.source == "weak":
                h.source = "weak-unconfirmed"
        # Emit: widen by titles, confirm weak surnames by a fitting title, then add mentions.
        for h in self.hits:
            ext = self.extension(h.start, h.end)
            if h.source == "weak-unconfirmed":
                if not any(t.fits(r.title) for t in ext.titles for r in h.entry.roles):
                    if doc[h.start].ent_type_ != "PERSON":
                        continue
                    h.entry, h.actor_id = None, slugify(doc[h.start:h.end].text)
            if h.source == "maybe" and h.entry is None and h.actor_id is None:
                continue
            if h.source == "ner" and h.end - h.start == 1 and h.entry is None and h.actor_id is None \
                    and doc[h.start].tag_.lower() not in self.rules.get("one_word_person_tags",
                                                                        (doc[h.start].tag_.lower(),)):
                continue                          # "Photographs showed", "Longer term": no name
            actor = self._actor(h, ext)
            if actor is None:
                continue
            gender = ext.gender or (h.entry.gender if h.entry else None) or \
                (gaz.first_names.get(doc[h.start].text) if h.end - h.start > 1 else None)
            if gender and not st.genders.get(actor.id):
                st.genders[actor.id] = gender
            st.mention(actor.id, ext.start, h.end, h.name_kind)
            self._appositions(h, actor)

    def _longer_name(self, n: int) -> Optional[PersonHit]:
        """The nearest (earlier first) person hit with a longer name that ends with hit n's words
        ("Van Biljon" in "Leon van Biljon") or shares its first and last word ("Robert Mugabe" in
        "Robert Gabriel Mugabe")."""
        doc, h = self.st.doc, self.hits[n]
        words = core_name(doc[h.start:h.end])
        k = len(words)
        found = None
        for m, o in enumerate(self.hits):
            other = core_name(doc[o.start:o.end])
            if m == n or len(other) <= k or o.source not in ("gaz", "ner") or not words:
                continue
            if other[-k:] == words or (other[0] == words[0] and other[-1] == words[-1]):
                if o.start < h.start:
                    found = o                     # keep the last earlier one
                elif found is None:
                    return o
        return found

    def _ner_id(self, h: PersonHit) -> str:
        return h.actor_id or slugify(self.st.doc[h.start:h.end].text)

    def _variant(self, words: list[str]) -> Optional[Entry]:
        """A gazetteer person whose first name and surname alias equal a full NER name's."""
        for name in self.gaz.lookup(words[-1]):
            e = self.gaz.entries.get(name.entry_id)
            if e is not None and e.type == "person" and name.kind == "surname" \
                    and e.name.split()[0] == words[0]:
                return e
        return None

    def _actor(self, h: PersonHit, ext: Extension) -> Optional[Actor]:
        st = self.st
        if h.entry is not None:
            return st.actor_for(h.entry)
        actor_id = h.actor_id or slugify(st.doc[h.start:h.end].text)
        h.actor_id = actor_id
        known = st.index.actors.get(actor_id)
        if known is None:
            known = st.index.add(Actor(id=actor_id, name=st.doc[h.start:h.end].text, type="person"))
        if known.type == "person":
            for r in ext.roles:
                if r not in known.roles:
                    known.roles.append(r)
            known.country = known.country or ext.country
        return known

    def extension(self, s: int, e: int) -> Extension:
        """Title words, country words and honorifics right before a name ("US special envoy")."""
        st, doc = self.st, self.st.doc
        ext = Extension(start=s)
        x = s
        title_at = st.title_end_at
        prefixes = self.rules.get("name_prefixes", frozenset())
        while x > 0:
            t = doc[x - 1]
            if x in title_at:                               # a title ends right here
                ts = title_at[x]
                ext.titles.append(st.titles[ts])
                x = ts
                continue
            if ext.titles and t.dep_ == "compound" and t.pos_ == "NOUN" and x <= t.head.i < s:
                x -= 1                                      # "the Kenyan opposition leader ..."
                continue
            if t.is_punct or t.dep_ in _STOP_EXTEND or t.ent_type_ in NUMERIC_ENTITIES \
                    or t.ent_type_ == "PERSON" or "\n" in t.text_with_ws:
                break
            if t.tag_ == "POS" and x >= 2:                  # "Ukraine's President ..."
                owner = st.index.mention_at(doc[x - 2].idx, doc[x - 2].idx + len(doc[x - 2].text))
                if owner is not None and ext.titles:
                    x -= 2
                    continue
                break
            m = st.index.mention_at(t.idx, t.idx + len(t.text))
            if m is not None or t.lower_ in prefixes \
                    or (t.text[:1].isupper() and t.dep_ in ("compound", "amod", "nmod")):
                x -= 1
                continue
            break
        if not ext.titles:
            return ext
        ext.country = self._of_country(e)                   # "King Hassan of Morocco"
        # Trim modifiers left of the leftmost title that are neither names nor prefixes.
        ext.start = x
        for m in st.index.mentions_in(doc[x].idx, doc[s].idx):
            a = st.index.actors.get(m.actor_id)
            if a is not None and a.type in STATE_TYPES and ext.country is None:
                # a title naming a state gives its bearer that country ("Kenyan Health Minister"); an
                # organisation's officer ("UAW President Shawn Fain") acts for it, not its home state
                ext.country = a.country
        words = []
        for ts, te in sorted(st.title_spans_in(x, s)):
            w = doc[ts:te].text.lower()
            if self.gaz.titles.get(w) and self.gaz.titles[w].matches:
                words.append(doc[ts:te].text.lower())
        if words:
            ext.roles.append(" ".join(words))
        for t in ext.titles:
            ext.gender = ext.gender or t.gender
        return ext

    def _of_country(self, e: int) -> Optional[str]:
        """The country in "of <country>" right after a titled name ("President Bongo of Gabon")."""
        doc, st = self.st.doc, self.st
        if e + 1 >= len(doc) or doc[e].lower_ != "of":
            return None
        x = e + 1 + (doc[e + 1].lower_ == "the" and e + 2 < len(doc))
        actor_id = st.index.for_token(doc[x])
        a = st.index.actors.get(actor_id) if actor_id else None
        return a.country if a is not None and a.type == "country" else None

    def _appositions(self, h: PersonHit, actor: Actor) -> None:
        """ "Steve Witkoff, the US special envoy," and "the US special envoy, Steve Witkoff": the
        title phrase is a title mention of the person and gives role and country."""
        st, doc = self.st, self.st.doc
        for head in apposition_heads(doc[h.end - 1], h.start, h.end):
            if head.ent_type_ == "PERSON" or st.taken[head.i]:
                continue
            if head.i < h.start:
                s = head.left_edge.i
                e = head.i + 1
            else:
                s, e = head.left_edge.i, head.right_edge.i + 1
            spans = st.title_spans_in(s, e)
            # The phrase must be headed by a title ("the US special envoy", not "the son of Joe
            # Biden") and hold no other person's name.
            if not any(a <= head.i < b for a, b in spans) or any(st.taken[i] for i in range(s, e)) \
                    or any(t.ent_type_ == "PERSON" for t in doc[s:e]) \
                    or any(o is not h and o.start < e and s < o.end for o in self.hits):
                continue
            st.mention(actor.id, s, e, "title")
            if actor.type == "person":
                words = " ".join(doc[a:b].text.lower() for a, b in sorted(spans)
                                 if self.gaz.titles.get(doc[a:b].text.lower()) is not None)
                if words and words not in actor.roles and st.gaz.entry(actor.id) is None:
                    actor.roles.append(words)
                if actor.country is None:
                    for m in st.index.mentions_in(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)):
                        a = st.index.actors.get(m.actor_id)
                        if a is not None and a.type == "country":
                            actor.country = a.country
                            break


def name_word(tok, org_words) -> bool:
    """A capitalised proper noun that can be part of a person's name."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ not in org_words \
        and "\n" not in tok.text
