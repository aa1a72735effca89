"""Within-article reference: people's names and titles, metonymy, descriptions and pronouns.

Used by the actors component (actors.py), which owns the order of steps; everything here works on
its `DocState` (the ActorIndex being built plus token-level `Ref`s with sentence and subject role).

- `People`: person names from the gazetteer and the NER; short names join full names ("Putin" ->
  "Vladimir Putin", "Smith" -> "Jane Smith"); titles in front ("US special envoy Steve Witkoff") and
  appositions ("Witkoff, the US special envoy,") widen the mention and give role and country.
- `metonym_is_place`: "Moscow has not confirmed" (the government) vs "a strike on Kyiv" (a place).
- `Resolver`: definite titles ("the Russian president"), descriptions ("the Western military
  alliance", "the bloc") and pronouns, by number, gender, sentence distance and subjecthood.
  First- and second-person pronouns are never resolved: in quotes they are the speaker's, which is
  the statements component's business.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...records import Actor
from ...lexicons.gazetteer import Entry, Gazetteer, Name, Title
from ...slug import slugify

if TYPE_CHECKING:  # pragma: no cover
    from .component import DocState, Ref

_STOP_EXTEND = {"det", "poss", "case", "cc", "prep", "punct", "predet"}
_NUMERIC_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Sentences back a pronoun may look for its antecedent (0 = its own sentence).
PRONOUN_WINDOW = 3
ACTOR_NONPERSON = ("country", "organization", "alliance", "government", "group")


# ---- metonymy --------------------------------------------------------------------------------------
def _governing_prep(doc: Doc, s: int, e: int):
    """The preposition whose object the span is (through conjunctions), or None."""
    tok = doc[e - 1]
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ == "pobj" else None


def is_place_object(doc: Doc, s: int, e: int, rules) -> bool:
    """Object of a locative preposition: "in Ukraine", "at the White House"."""
    prep = _governing_prep(doc, s, e)
    return prep is not None and prep.lower_ in rules.get("place_preps", ())


def metonym_is_place(doc: Doc, s: int, e: int, rules) -> bool:
    """Whether a capital or seat of power names a place here rather than acting for its government.
    The rules (metonymy.yaml) look at the preposition it is the object of, or the noun it modifies."""
    tok = doc[e - 1]
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    prep = _governing_prep(doc, s, e)
    if prep is not None:
        word = prep.lower_
        if word in rules.get("place_preps", ()):
            return True
        head = prep.head
        if word in rules.get("on_preps", ()):
            return head.lower_ in rules["on_place_heads"] or head.lemma_.lower() in rules["on_place_heads"]
        if word in rules.get("to_preps", ()):
            return head.lemma_.lower() in rules.get("motion_verbs", ()) or head.lower_ in rules.get("motion_verbs", ())
        return False
    if tok.dep_ in ("compound", "nmod") and tok.head.i >= e:
        head = tok.head
        return head.pos_ in ("NOUN", "PROPN") and head.lower_ not in rules.get("agent_heads", ()) \
            and head.lemma_.lower() not in rules.get("agent_heads", ())
    return False


def apposed_country(st: "DocState", e: int) -> Optional[str]:
    """"Tianjin, China": the country named right after a place, if the gazetteer knows it."""
    doc = st.doc
    if e + 1 < len(doc) and doc[e].text == ",":
        m = st.index.mention_at(doc[e + 1].idx, doc[e + 1].idx + len(doc[e + 1].text))
        if m is not None:
            a = st.index.actors.get(m.actor_id)
            if a is not None and a.type == "country":
                return a.country
    return None


# ---- people ----------------------------------------------------------------------------------------
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _core_name(span) -> list[str]:
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

    def __init__(self, st: "DocState", gaz: Gazetteer, rules: dict):
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
            while n < len(doc) and n - e < 4 and _name_word(doc[n], org_words):
                n += 1
            if n == e:
                return False
            self.add_ner(e, n)                        # no-op when the name is a hit already
            return True
        tail = doc[te:e]
        if len(tail) > 4 or not all(_name_word(t, org_words) for t in tail):
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
            words = _core_name(doc[h.start:h.end])
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
                    and doc[h.start].tag_.lower() not in self.rules.get("one_word_person_tags", (doc[h.start].tag_.lower(),)):
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
        words = _core_name(doc[h.start:h.end])
        k = len(words)
        found = None
        for m, o in enumerate(self.hits):
            other = _core_name(doc[o.start:o.end])
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
            if t.is_punct or t.dep_ in _STOP_EXTEND - {"poss", "case"} or t.ent_type_ in _NUMERIC_ENTS \
                    or t.ent_type_ == "PERSON" or "\n" in t.text_with_ws:
                break
            if t.tag_ == "POS" and x >= 2:                  # "Ukraine's President ..."
                owner = st.index.mention_at(doc[x - 2].idx, doc[x - 2].idx + len(doc[x - 2].text))
                if owner is not None and ext.titles:
                    x -= 2
                    continue
                break
            m = st.index.mention_at(t.idx, t.idx + len(t.text))
            if m is not None or t.lower_ in prefixes or (t.text[:1].isupper() and t.dep_ in ("compound", "amod", "nmod")):
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
            if a is not None and a.type != "person" and ext.country is None:
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
        root = doc[h.end - 1]
        phrases = [c for c in root.children if c.dep_ == "appos" and c.i >= h.end]
        if root.dep_ == "appos" and root.head.i < h.start:
            phrases.append(root.head)
        for head in phrases:
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


def _name_word(tok, org_words) -> bool:
    """A capitalised proper noun that can be part of a person's name."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ not in org_words \
        and "\n" not in tok.text


# ---- titles, descriptions, pronouns ----------------------------------------------------------------
class Resolver:
    """Definite titles, descriptions and pronouns -> mentions of actors already in the index."""

    def __init__(self, nlp: Language, gaz: Gazetteer):
        self.gaz = gaz
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Patterns in lower and capitalised form: the tokenizer splits "mr." but not "Mr.".
        self.desc_by_key: dict[str, str] = {}
        self.title_by_key: dict[str, Title] = {}
        for table, keyed, label in ((gaz.descriptions, self.desc_by_key, "DESC"),
                                    (gaz.titles, self.title_by_key, "TITLE")):
            phrases, values = [], []
            for phrase, value in table.items():
                for form in {phrase, phrase[:1].upper() + phrase[1:]}:
                    phrases.append(form)
                    values.append(value)
            docs = list(nlp.tokenizer.pipe(phrases))
            for d, value in zip(docs, values):
                keyed.setdefault(" ".join(t.lower_ for t in d), value)
            self.matcher.add(label, docs)
        self.desc_label = nlp.vocab.strings["DESC"]

    def prepare(self, st: "DocState") -> None:
        """Find title and description phrases once per doc (people's titles need them first)."""
        doc = st.doc
        titles, descs = [], []
        for label, s, e in self.matcher(doc):
            key = " ".join(t.lower_ for t in doc[s:e])
            if label == self.desc_label:
                descs.append((s, e, self.desc_by_key[key]))
            elif key in self.title_by_key:
                titles.append((s, e, self.title_by_key[key]))
        # Longest title wins where they overlap ("prime minister" over "minister").
        titles.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        used = bytearray(len(doc))
        st.titles, st.title_end_at, st.title_list = {}, {}, []
        for s, e, t in titles:
            if any(used[s:e]):
                continue
            used[s:e] = b"\x01" * (e - s)
            st.titles[s] = t
            st.title_end_at[e] = s
            st.title_list.append((s, e))
        st.title_list.sort()
        descs.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        used = bytearray(len(doc))
        st.descriptions = []
        for s, e, target in descs:
            if any(used[s:e]):
                continue
            used[s:e] = b"\x01" * (e - s)
            st.descriptions.append((s, e, target))
        st.descriptions.sort()

    def __call__(self, st: "DocState") -> None:
        self._governments(st)
        self._descriptions(st)
        self._titles(st)
        self._pronouns(st)

    # -- shared --
    def _latest(self, st: "DocState", before: int, ok) -> Optional[str]:
        """The actor of the latest ref before token `before` that `ok(actor)` accepts."""
        # nearest first, so `ok` (a scan of the actor's roles) runs only until one fits; a stable sort
        # keeps the list's order among refs that start together, as a forward scan would choose
        earlier = sorted((r for r in st.refs if r.start < before and r.kind != "demonym"),
                         key=lambda r: -r.start)
        checked: dict[str, bool] = {}
        for ref in earlier:
            fit = checked.get(ref.actor_id)
            if fit is None:
                a = st.index.actors.get(ref.actor_id)
                fit = checked[ref.actor_id] = a is not None and ok(a)
            if fit:
                return ref.actor_id
        return None

    def _holder(self, st: "DocState", title: Title, country: Optional[str], before: int):
        """The person a title names: one already mentioned who fits, else the only gazetteer holder
        (an Entry, added to the index only when the mention is)."""
        def fits(a: Actor) -> bool:
            return a.type == "person" and (country is None or a.country == country) and \
                any(title.fits(r) for r in a.roles)
        found = self._latest(st, before, fits)
        if found or country is None:
            return found
        holders = self.gaz.holders(title, country, st.day)
        return holders[0] if len(holders) == 1 else None

    @staticmethod
    def _add(st: "DocState", who, s: int, e: int, kind: str) -> None:
        if isinstance(who, Entry):
            who = st.actor_for(who).id
        st.mention(who, s, e, kind)

    # -- "the Russian government" --
    def _governments(self, st: "DocState") -> None:
        doc = st.doc
        nouns = self.gaz.metonymy.get("government_nouns", frozenset())
        for tok in doc:
            if tok.lower_ not in nouns or tok.pos_ not in ("NOUN", "PROPN") or st.taken[tok.i]:
                continue
            country, first = None, tok.i
            for child in tok.lefts:
                if child.dep_ not in ("amod", "compound", "nmod", "poss"):
                    continue
                m = st.index.mention_at(child.idx, child.idx + len(child.text))
                a = st.index.actors.get(m.actor_id) if m else None
                if (a is None or (a.type == "person" and not a.country)) and child.pos_ == "PROPN":
                    # "the Bush administration": a leader's surname the gazetteer knows, even when
                    # the surname alone is too weak to name the person.
                    entry = self._leader_country(child.text)
                    if entry is not None:
                        country = st.actor_for(entry).id
                        first = min(child.left_edge.i, first)
                        break
                if a is None:
                    continue
                if a.type == "country":
                    country = a.id
                elif a.type == "person" and a.country:          # "the Trump administration"
                    entry = self.gaz.entry(a.country)
                    country = st.actor_for(entry).id if entry else None
                if country:
                    first = min(child.left_edge.i, first)
                    break
            if country is None:
                continue
            if first > 0 and doc[first - 1].lower_ == "the":
                first -= 1
            st.mention(country, first, tok.i + 1, "description")

    def _leader_country(self, surname: str) -> Optional[Entry]:
        """The country entry of the persons with a role a surname names, if they share one."""
        countries = {self.gaz.entries[n.entry_id].country for n in self.gaz.lookup(surname)
                     if n.kind in ("surname", "alias", "name") and n.entry_id in self.gaz.entries
                     and self.gaz.entries[n.entry_id].type == "person"
                     and self.gaz.entries[n.entry_id].roles}
        if len(countries) != 1 or None in countries:
            return None
        return self.gaz.entry(countries.pop())

    # -- descriptions --
    def _descriptions(self, st: "DocState") -> None:
        for s, e, target in st.descriptions:
            if any(st.taken[s:e]):
                continue
            actor_id = None
            if target.startswith("@"):
                kind = target[1:]
                actor_id = self._latest(st, s, lambda a: a.type == kind)
            elif target.startswith("role:"):
                _, iso, word = target.split(":", 2)
                title = self.gaz.titles.get(word)
                if title is not None:
                    actor_id = self._holder(st, title, iso or None, s)
            else:
                actor_id = self.gaz.entry(target)
            if actor_id:
                self._add(st, actor_id, s, e, "description")

    # -- titles --
    def _titles(self, st: "DocState") -> None:
        doc = st.doc
        for s, e in st.title_list:
            title = st.titles[s]
            if not title.matches or any(st.taken[s:e]):
                continue
            nxt = doc[e] if e < len(doc) else None
            if nxt is not None and (nxt.pos_ == "PROPN" or st.taken[nxt.i]) and nxt.dep_ != "prep":
                continue                                # a title of a name ("President Trump")
            x, country = s, None
            while x > 0:
                t = doc[x - 1]
                m = st.index.mention_at(t.idx, t.idx + len(t.text))
                if m is not None and st.index.actors[m.actor_id].type == "country":
                    country = country or st.index.actors[m.actor_id].country
                    x -= 1
                elif t.tag_ == "POS" and x >= 2:
                    x -= 1
                elif t.dep_ in ("amod", "compound") and not t.is_punct and t.ent_type_ not in _NUMERIC_ENTS:
                    x -= 1
                else:
                    break
            det = doc[x - 1] if x > 0 else None
            possessed = x < s and doc[x].tag_ != "POS" and any(doc[i].tag_ == "POS" for i in range(x, s))
            if not possessed and (det is None or det.lower_ != "the"):
                continue
            start = x - 1 if not possessed else x
            if country is None and nxt is not None and nxt.lower_ == "of" and e + 1 < len(doc):
                m = st.index.mention_at(doc[e + 1].idx, doc[e + 1].idx + len(doc[e + 1].text))
                if m is not None and st.index.actors[m.actor_id].type == "country":
                    country = st.index.actors[m.actor_id].country
                    e = e + 2
            actor_id = self._holder(st, title, country, start)
            if actor_id and not any(st.taken[start:e]):
                self._add(st, actor_id, start, e, "title")

    # -- pronouns --
    def _pronouns(self, st: "DocState") -> None:
        doc = st.doc
        prons = self.gaz.pronouns
        refs = sorted((r for r in st.refs if r.kind != "demonym"), key=lambda r: r.start)
        coordinations = self._coordinations(st, refs)
        c = 0                                    # coordinations ending before the current token
        # Subjects that are no actor ("the storm", "this likelihood"): "it" after one is about it.
        roots = {r.root for r in refs}
        self._other_subjects = [t.i for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"
                                and t.i not in roots and not st.taken[t.i]]
        j = 0
        active: list["Ref"] = []                 # refs before the current token, in order
        for tok in doc:
            while j < len(refs) and refs[j].start < tok.i:
                active.append(refs[j])
                j += 1
            p = prons.get(tok.lower_)
            if p is None or tok.tag_ not in ("PRP", "PRP$") or st.taken[tok.i]:
                continue
            if tok.lower_ == "it" and tok.dep_ not in ("nsubj", "nsubjpass"):
                continue                             # object "it" is mostly a thing or an event
            if tok.dep_ == "expl":
                continue
            sent = st.sent_of[tok.i]
            actor_id = self._antecedent(st, tok, p, active)
            if p.number == "pl":
                while c < len(coordinations) and coordinations[c].end <= tok.i:
                    c += 1
                coord = coordinations[c - 1] if c else None
                if coord is not None and (coord.sent == sent or (coord.sent == sent - 1 and coord.subject)):
                    # "China and India ... their purchases": the coordinated actors together (one
                    # joint mention, no single actor), unless a group named outside the
                    # coordination could be meant as well: then ambiguous, left unresolved.
                    # Only a subject coordination is taken up by "they"/"them" ("asked China and
                    # South Korea ... isolate them" is about people); nor across a subject that is
                    # no actor ("The Democratic and Republican parties ... their nominees").
                    possessive = tok.tag_ == "PRP$" or tok.lower_.endswith("selves")
                    if (actor_id is None or actor_id in coord.actor_ids) \
                            and (coord.subject or possessive) and not self._subject_between(coord.root, tok.i):
                        if possessive or doc[coord.root].head.i != tok.head.i:
                            st.index.add_joint_mention(coord.actor_ids, tok.idx, tok.idx + len(tok.text))
                    continue
            if actor_id is None:
                continue
            if p.refers == "person" and p.gender in ("m", "f") and not st.genders.get(actor_id):
                st.genders[actor_id] = p.gender
            ref = st.mention(actor_id, tok.i, tok.i + 1, "pronoun", take=False)
            active.append(ref)

    def _antecedent(self, st: "DocState", tok, p, active) -> Optional[str]:
        sent = st.sent_of[tok.i]
        clause_head = tok.head.i
        reflexive = tok.lower_.endswith("self") or tok.lower_.endswith("selves")
        possessive = tok.tag_ == "PRP$"
        best, best_key = None, None
        seen: set[str] = set()
        for ref in reversed(active):
            dist = sent - ref.sent
            if dist > PRONOUN_WINDOW:
                break
            if ref.actor_id in seen:
                continue
            actor = st.index.actors.get(ref.actor_id)
            if actor is None or not self._agrees(st, actor, p):
                continue
            root = st.doc[ref.root]
            # Not a co-argument of the same verb ("Putin thanked him" is not Putin).
            if not reflexive and not possessive and root.head.i == clause_head and ref.sent == sent \
                    and ref.kind != "pronoun":
                continue
            subj = ref.subj if ref.subj < 2 else 2
            if p.refers == "thing" and ((subj == 2 and ref.kind != "pronoun")
                                        or self._subject_between(ref.root, tok.i)):
                continue                             # "it"/"its" take up an acting subject only
            seen.add(ref.actor_id)
            # A person known to have the pronoun's gender beats one of unknown gender.
            unknown = int(p.refers == "person" and not st.genders.get(ref.actor_id))
            if dist == 0:
                key = (0, unknown, 0 if subj < 2 else 1, -ref.start)   # latest subject in the sentence
            else:
                key = (dist, unknown, subj, -ref.start)                 # main-clause subject first
            if best_key is None or key < best_key:
                best, best_key = ref.actor_id, key
        return best

    def _subject_between(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self._other_subjects, a)
        return i < len(self._other_subjects) and self._other_subjects[i] < b

    @staticmethod
    def _agrees(st: "DocState", actor: Actor, p) -> bool:
        if p.refers == "person":
            if actor.type != "person":
                return False
            g = st.genders.get(actor.id)
            return not g or not p.gender or g == p.gender
        if p.refers == "thing":
            return actor.type in ACTOR_NONPERSON
        # they/them/their: groups ("the Houthis ... they"); organisations and countries take "it"
        # far more often than "they" refers to them, and coordinated people are no single actor.
        return actor.type == "group"

    @staticmethod
    def _coordinations(st: "DocState", refs) -> list["Coordination"]:
        """Actors coordinated with each other ("China and India", "Germany, France and Italy"),
        in order of their last conjunct."""
        doc = st.doc
        at_token = {r.root: r for r in refs}
        groups: dict[int, Coordination] = {}
        for r in refs:
            tok = doc[r.root]
            if tok.dep_ != "conj":
                continue
            first = tok
            while first.dep_ == "conj" and first.head.i != first.i and first.head.i in at_token:
                first = first.head
            if first.i == tok.i:
                continue
            head = at_token[first.i]
            g = groups.get(first.i)
            if g is None:
                g = groups[first.i] = Coordination(first.i, head.sent, head.subj < 2, [head.actor_id], r.end)
            if r.actor_id not in g.actor_ids:
                g.actor_ids.append(r.actor_id)
            g.end = max(g.end, r.end)
        return sorted((g for g in groups.values() if len(g.actor_ids) > 1), key=lambda g: g.end)


@dataclass
class Coordination:
    root: int                 # token of the first conjunct
    sent: int
    subject: bool             # the coordination is a subject
    actor_ids: list[str]
    end: int                  # token after the last conjunct
