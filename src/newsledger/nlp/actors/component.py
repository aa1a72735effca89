"""Actors: gazetteer names, repaired NER entities, titles, metonymy and coreference -> doc._.actors.

One pass per document, in this order (each step only adds to what the earlier ones found):

1. Gazetteer names (PhraseMatcher on exact token text, built once): countries, adjectives and
   demonyms ("Russian"), organisations, people and their surnames, capitals and seats of power.
   The gazetteer wins over the statistical NER ("which Trump reportedly sought": ORG -> person).
2. A capital or seat of power is the government when it acts ("Moscow has not confirmed") and a
   place when it is one ("a strike on Kyiv" -> `ActorIndex.places`); rules in metonymy.yaml.
3. NER entities the gazetteer does not know: PERSON, ORG, NORP groups become actors; GPE and LOC
   become places.
4. People: short names join the full name said earlier ("Smith" -> "John Smith"); a title or
   apposition in front ("US special envoy Steve Witkoff") widens the mention and gives the role and
   country of people the gazetteer does not know.
5. References (references.py): titles ("the Russian president"), descriptions ("the Western
   military alliance") and governments ("the Russian government"); then pronouns ("he", "its";
   pronouns.py).

The document's state is in state.py; people's names in people.py; what is read off the parse
(subjects, appositions, prepositions) in parse.py.

The longest mention names the actor: "Russian President Vladimir Putin" is Putin, its "Russian" a
demonym mention of Russia.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ...lexicons.gazetteer import KIND_RANK, Entry, Name, load_gazetteer
from ...lexicons.loader import yaml_data
from ...records import Actor
from ...slug import slugify
from ..grammar.dateline import dateline_end, filed_from
from ...lexicons.companies import load_org_descriptions, load_org_titles
from .companies import civic_body, company_names
from .regions import unnamed_regional_heads
from .cities import city_actor, city_of_start, city_seat, city_subjects, mayors, named_seat, the_city, unnamed_mayors
from .acting import acting_names
from .described import described_organisations, described_spans
from .metonymy import apposed_country, is_place_object, metonym_is_place
from .people import People
from .pronouns import PronounResolver
from .references import ReferenceResolver
from .state import DocState

_CONTAINER_DROP_ALL = {"GPE", "LOC", "FAC"}       # "New Mexico", "Western Australia"
_CONTAINER_ORG = {"ORG", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
_ORG_TYPES = {"organization", "alliance", "government", "group"}


@functools.lru_cache(maxsize=1)
def ner_rules() -> dict:
    """data/actors/ner.yaml as lower-case word sets, plus `not_actors_exact` (case kept) and
    `not_name_words`."""
    rules = yaml_data("actors", "ner.yaml") or {}
    out = {k: frozenset(str(x).lower() for x in v) for k, v in rules.items()}
    out["not_actors_exact"] = frozenset(str(x) for x in rules.get("not_actors", ()))
    out["shared_office_names"] = {str(k): tuple(v) for k, v in (rules.get("shared_office_names") or {}).items()}
    # Words that cannot be part of a person's name after a title (people.People.title_and_name).
    out["not_name_words"] = out.get("org_name_words", frozenset()) | out.get("government_words", frozenset()) \
        | out.get("group_words", frozenset())
    return out


def _of_place_end(doc: Doc, e: int, covered) -> int:
    """The end of an organisation's name that the NER closed before "of" and a place the gazetteer read ("The State
    Railway" + "of Thailand", as "the Development Bank of Rwanda" is tagged whole): the place is part of the name,
    so that the body has one id however the NER cut it. `covered`: tokens of gazetteer names."""
    if e + 1 >= len(doc) or doc[e].lower_ != "of" or not covered[e + 1] or not doc[e + 1].text[:1].isupper():
        return e
    j = e + 1
    while j < len(doc) and covered[j] and doc[j].text[:1].isupper() and not doc[j].is_sent_start:
        j += 1
    return j


class ActorsComponent:
    def __init__(self, nlp: Language, name: str, extra_paths: Sequence[str] = (),
                 user_file: bool = True):
        self.name = name
        kwargs = {} if user_file else {"user_path": None}
        self.gaz = load_gazetteer([Path(p) for p in extra_paths], **kwargs)
        self.rules = ner_rules()
        # Exact-text matcher over every name; patterns tokenized once.
        self.names_by_key: dict[str, list[Name]] = {}
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = list(self.gaz.names)
        patterns = []
        for surface, pdoc in zip(surfaces, nlp.tokenizer.pipe(surfaces)):
            key = " ".join(t.text for t in pdoc)
            self.names_by_key.setdefault(key, []).extend(
                n for n in self.gaz.names[surface] if n not in self.names_by_key.get(key, []))
            patterns.append(pdoc)
        self.name_matcher.add("NAME", patterns)
        self.references = ReferenceResolver(nlp, self.gaz)
        self.pronouns = PronounResolver(self.gaz)

    # ---- the pass -------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        st = DocState(doc, self.gaz)
        self.references.prepare(st)
        kept = self._gazetteer_matches(doc)
        st.dateline = dateline_end(doc)
        if st.dateline:                           # "MOGADISHU, Somalia --" names no one acting
            kept = [m for m in kept if m[0] >= st.dateline]
        companies, kept = self._companies(doc, st.dateline, kept, st.title_list)
        described, kept = described_spans(doc, st, kept, companies, self.gaz, self.rules)
        person_hits = self._apply_gazetteer(st, kept)
        described_organisations(st, described, self.rules)
        self._ner(st, kept, person_hits, companies + [(d.start, d.end) for d in described])
        self._dateline_city(st)
        self.references(st)
        self.pronouns(st)
        mayors(st, self.rules, self.gaz.lookup)
        unnamed_mayors(st, self.rules, self.gaz.lookup)
        unnamed_regional_heads(st, self.rules, self.gaz.lookup)
        city_subjects(st, self.rules, self.gaz.lookup)
        the_city(st)
        doc._.actors = st.index
        return doc

    # 1. gazetteer ------------------------------------------------------------------------------
    def _gazetteer_matches(self, doc: Doc) -> list[tuple[int, int, list[Name]]]:
        found = []
        for _, s, e in self.name_matcher(doc):
            key = " ".join(t.text for t in doc[s:e])
            names = self.names_by_key.get(key)
            if names and not self._inside_other_entity(doc, s, e, names):
                found.append((s, e, names))
        # Longest first, then the most trusted kind of name, then leftmost; no overlaps.
        found.sort(key=lambda m: (-(m[1] - m[0]), KIND_RANK[m[2][0].kind], m[0]))
        used = bytearray(len(doc))
        kept = []
        for s, e, names in found:
            if any(used[s:e]):
                continue
            for i in range(s, e):
                used[i] = 1
            kept.append((s, e, names))
        kept.sort()
        return kept

    def _inside_other_entity(self, doc: Doc, s: int, e: int, names: list[Name]) -> bool:
        """A name inside a longer NER entity is part of another name ("Jordan" in "Michael Jordan",
        "Washington" in "The Washington Post"), unless it can still be a country or a person."""
        tok = doc[s]
        if not tok.ent_type_:
            return False
        # The entity that holds token s.
        ent_start = s
        while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
            ent_start -= 1
        ent_end = s + 1
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        while ent_start < ent_end and doc[ent_start].lower_ in ("the", "a", "an"):
            ent_start += 1
        # "North Korea's", "the United States'": the possessive ending is no part of the name.
        while ent_end > ent_start + 1 and (doc[ent_end - 1].tag_ == "POS" or doc[ent_end - 1].is_punct):
            ent_end -= 1
        if ent_start >= s and ent_end <= e:
            return False                      # the match covers the entity: gazetteer wins
        label = tok.ent_type_
        kinds = {n.kind for n in names}
        is_person = any(self.gaz.entries[n.entry_id].type == "person" for n in names
                        if n.entry_id in self.gaz.entries)
        if label == "PERSON":
            # Keep a person's own names; drop places and countries inside a person's name, but not
            # an organisation in front of one ("on Twitter West accused": Twitter, then West).
            # A people's name in front is a given name ("Karen Miller"), not the group.
            org_first = ent_start == s and e < ent_end and any(
                n.kind in ("name", "alias") and self.gaz.entries[n.entry_id].type in _ORG_TYPES - {"group"}
                for n in names if n.entry_id in self.gaz.entries)
            return not is_person and not org_first
        if label in _CONTAINER_DROP_ALL:
            return True
        if label in _CONTAINER_ORG:
            if civic_body(doc[ent_start:ent_end], self.rules.get("civic_member_words", frozenset())) and not any(
                    self.gaz.entries[n.entry_id].type == "country" for n in names if n.entry_id in self.gaz.entries):
                return True     # "Congress" in "Nigeria Labour Congress": the body's head word, not the US Congress
            return bool(kinds & {"metonym", "surname"}) and not kinds & {"adjective", "demonym"}
        return False

    def _companies(self, doc: Doc, start: int, kept, titles):
        """Company names the gazetteer does not know (companies.company_names) and the gazetteer matches
        left once they are read: a name inside a company's ("American" in "American Airlines", "Siemens"
        in "Siemens Energy") is part of that name, not the country or organization it names alone. A
        gazetteer name as long as the company's, or reaching past it, wins."""
        spans = []
        for s, e in company_names(doc, start, self.gaz.first_names, titles):
            if self._portfolio(doc, titles, e):
                continue                          # "Romanian Energy Minister": a minister's portfolio
            if any(ms < e and s < me and not (s <= ms and me <= e and (ms, me) != (s, e))
                   for ms, me, _ in kept):
                continue
            spans.append((s, e))
        if spans:
            kept = [m for m in kept if not any(s <= m[0] and m[1] <= e for s, e in spans)]
        return spans, kept

    def _apply_gazetteer(self, st: DocState, kept) -> list[tuple[int, int, Entry]]:
        """Mentions for countries, organisations, metonyms and strong person names; returns the
        person hits (weak surnames included) for step 4."""
        persons: list[tuple[int, int, Entry, Name]] = []
        for s, e, names in kept:
            name = names[0]
            entry = self.gaz.entries.get(name.entry_id)
            if entry is None:
                continue
            if name.kind in ("place", "metonym") and (self._city_of(st, s, e, name.place_country) or
                                                      self._city_government(st, s, e)):
                continue                          # "the city of Lyon", "Lyon's city council": the city's government
            if name.kind == "place":                  # "Kharkiv": a place, whatever its role
                st.place(st.doc[s:e].text, s, e, name.place_country)
                continue
            if entry.type == "person":
                persons.append((s, e, entry, name))
                continue
            if name.kind == "metonym":
                place = metonym_is_place(st.doc, s, e, self.gaz.metonymy)
                if place:
                    st.place(st.doc[s:e].text, s, e, name.place_country)
                    continue
                st.actor_for(entry)
                st.mention(entry.id, s, e, "metonym")
                continue
            other = self._office_of_dateline(st, st.doc[s:e].text, entry)
            if other is not None:                 # "BERLIN — The Foreign Office will ...": Germany's
                st.actor_for(other)
                st.mention(other.id, s, e, "metonym")
                continue
            kind = "demonym" if name.kind in ("adjective", "demonym") else "name"
            if kind == "demonym" and s > 0 and st.doc[s - 1].lower_ in self.rules.get("people_cues", ()):
                self._group(st, s - 1, e)         # "ethnic Albanians": a people, not the state
                continue
            surface = st.doc[s:e].text
            if kind == "name" and surface in self.gaz.ambiguous:
                rule = self.gaz.ambiguous[surface]
                if self._other_place(st, rule):
                    st.place(surface, s, e, rule["place_country"])
                    continue
            st.actor_for(entry)
            st.mention(entry.id, s, e, kind, take=kind == "name")
            if entry.type == "country" and kind == "name" and is_place_object(
                    st.doc, s, e, self.gaz.metonymy):
                st.place(st.doc[s:e].text, s, e, entry.country)
        return persons

    def _office_of_dateline(self, st: DocState, surface: str, entry) -> Optional[Entry]:
        """The state a shared office name ("the Foreign Office", data: shared_office_names) is the body of
        under a wire dateline filed from another of its states than the gazetteer entry's ("BERLIN —"):
        that state's country entry; None elsewhere."""
        states = self.rules["shared_office_names"].get(surface)
        if not states or not st.dateline:
            return None
        filed = filed_from(st.doc)
        if entry.country in filed:
            return None
        iso = next((c for c in states if c != entry.country and c in filed), None)
        return next((x for x in self.gaz.entries.values() if x.type == "country" and x.country == iso), None) \
            if iso else None

    @staticmethod
    def _other_place(st: DocState, rule: dict) -> bool:
        """Whether an ambiguous country name ("Georgia") is the other place in this article."""
        words = st.lower_words
        if words is None:
            words = st.lower_words = {t.lower_ for t in st.doc}
        return bool(words & rule["place_cues"]) and not words & rule["country_cues"]

    # 3 + 4. NER entities and people -----------------------------------------------------------
    def _ner(self, st: DocState, kept, persons, companies=()) -> None:
        doc = st.doc
        covered = bytearray(len(doc))
        for s, e, _ in kept:
            for i in range(s, e):
                covered[i] = 1
        for s, e in companies:                    # a company by its name's last word, whatever the NER said
            for i in range(s, e):
                covered[i] = 1
            if st.index.mention_at(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) is not None:
                continue                          # a described organisation (described.py), made already
            text = doc[s:e].text
            actor = st.index.add(Actor(id=slugify(text), name=text, type="organization",
                                       country=self._country_of_place_in(doc[s:e])))
            st.mention(actor.id, s, e, "name")
        people = People(st, self.gaz, self.rules)
        for s, e, entry, name in persons:
            people.add_gazetteer(s, e, entry, name)
        ents = sorted(self._joined_names(doc, [(x.label_, x.start, x.end) for x in doc.ents if x.start >= st.dateline]),
                      key=lambda x: (x[0] != "PERSON", x[1]))
        for label, s, e in ents:
            while s < e and doc[s].lower_ in ("the", "a", "an"):
                s += 1
            if label != "PERSON":                 # "the Democratic Party's": no "'s" in the name
                while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct):
                    e -= 1
            e = _before_amount(doc, s, e)     # "Tonga NZ$20 million" tagged as one name: the name is Tonga
            if s >= e or doc[s:e].text in self.rules.get("not_actors_exact", ()):
                continue
            if label == "GPE":                    # "Barcelona's city council", the city known or not
                self._city_government(st, s, e)
                if not any(covered[s:e]) and self._city_of(st, s, e, self._place_country(doc[s:e])):
                    continue
            if label in ("FAC", "ORG", "GPE") and named_seat(st, s, e, self.rules, self.gaz.lookup):
                continue                          # "Barcelona City Hall": the city's government
            if all(covered[s:e]) or (label == "PERSON" and any(covered[s:e]) and people.has_gazetteer_in(s, e)):
                continue
            if any(covered[s:e]) and label != "PERSON":
                # Part of it is a known name: keep the org (its words around the name) only if longer.
                if label not in ("ORG",) or e - s <= 1:
                    continue
            if label == "PERSON":
                while s < e and covered[s]:       # a known name in front is not part of the person's
                    s += 1
                if s < e:
                    people.add_ner(s, e)
            elif label == "ORG":
                if city_seat(st, s, e, self.rules, self.gaz.lookup, self.gaz.metonymy.get("place_preps", ())):
                    continue                      # "City Hall said": the city's government
                if people.title_and_name(s, e):
                    # "Kongsberg Chief Executive" + "Geir Haoy": the words before an officer's title name
                    # the organisation
                    ts = next((i for i in range(s + 1, e) if self._officer_title_after(doc, i, e)), None)
                    if ts is not None and not any(covered[s:ts]):
                        self._organization(st, s, ts, people)
                elif not self._portfolio(doc, st.title_list, e):
                    self._organization(st, s, _of_place_end(doc, e, covered), people)
            elif label == "NORP":
                last = doc[e - 1]
                if last.tag_.lower() in self.rules.get("norp_group_tags", ()) \
                        and last.dep_ not in ("amod", "compound"):
                    self._group(st, s, e)
            elif label in ("GPE", "LOC", "FAC"):
                name = doc[s:e].text
                country = self._place_country(doc[s:e])
                if not any(covered[s:e]) and (label != "FAC" or country):
                    st.place(name, s, e, country or apposed_country(st, e))
        self._described_bodies(st, covered, people)
        def placed(i: int) -> bool:
            return any(ps <= doc[i].idx < pe for ps, pe in (p.span for p in st.index.places))
        for s, e in acting_names(doc, st.dateline, self.gaz.first_names, lambda w: bool(self.gaz.lookup(w)),
                                 lambda i: bool(covered[i] or st.taken[i]) or st.index.at(
                                     doc[i].idx, doc[i].idx + len(doc[i].text)) is not None
                                 or any(ts <= i < te for ts, te in st.title_list), placed):
            self._organization(st, s, e, people)      # "Fincantieri pledged", "gave Petroperu until Friday"
            lo, hi = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
            st.index.places[:] = [p for p in st.index.places if not lo <= p.span[0] < hi]    # "Cebu" in "Cebu Pacific"
        people.add_bare_surnames(covered)
        people.resolve()

    def _joined_names(self, doc: Doc, ents: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Two PERSON entities the NER split at the lower-case particles of one name ("Dolf" + "van den" +
        "Brink", data: name_particles) are one name."""
        particles = self.rules.get("name_particles", frozenset())
        out: list[tuple[str, int, int]] = []
        for label, s, e in sorted(ents, key=lambda x: x[1]):
            if out and label == "PERSON" and out[-1][0] == "PERSON" and out[-1][2] < s and \
                    all(t.lower_ in particles and t.is_lower for t in doc[out[-1][2]:s]):
                out[-1] = ("PERSON", out[-1][1], e)
                continue
            out.append((label, s, e))
        return out

    def _described_bodies(self, st: DocState, covered: bytearray, people) -> None:
        """A proper name the NER left untagged, described by a body's head noun (data: org_descriptions.tsv)
        in front of it ("competition watchdog CNMC") or in apposition ("Eksfin, Norway's state export credit
        agency"; "the agency, Eksfin"), is that body: an organisation of its own, not the country that owns it."""
        doc, heads = st.doc, frozenset(load_org_descriptions())
        for t in doc[st.dateline:]:
            if t.pos_ != "PROPN" or t.ent_type_ not in ("", "ORG") or covered[t.i] or st.taken[t.i] \
                    or len(t.text) < 3 or not t.text[:1].isupper() or any(ts <= t.i < te for ts, te in st.title_list):
                continue
            known = st.index.mention_at(t.idx, t.idx + len(t.text))
            if known is not None and (t.ent_type_ != "ORG" or (known.start, known.end) != (t.idx, t.idx + len(t.text))):
                continue                          # a name read already, or a one-word ORG the NER found
            if any(c.dep_ == "compound" and c.i < t.i for c in t.children if c.pos_ == "PROPN"):
                continue                          # the last word of a longer name: left to the other readings
            if known is None and self._officer_title_after(doc, t.i + 1):
                self._organization(st, t.i, t.i + 1, people)    # "Heineken Chief Executive Dolf van den Brink"
                continue
            by = next((c for c in t.children if c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"
                       and c.lemma_.lower() in heads), None)
            if by is None and t.dep_ == "appos" and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in heads:
                by = t.head
            if by is None:
                continue
            if known is None:
                self._organization(st, t.i, t.i + 1, people)
            actor = st.index.actors.get(st.index.for_token(t) or "")
            if actor is None or actor.country or actor.type != "organization":
                continue
            # "Norway's state export credit agency": a state's agency (government_words), of that state
            phrase = [x for x in by.subtree if x.i != t.i] if by.head.i == t.i else [x for x in by.lefts]
            for m in (st.index.mentions_in(x.idx, x.idx + len(x.text)) for x in phrase):
                a = next((st.index.actors.get(y.actor_id) for y in m), None)
                if a is not None and a.type == "country":
                    actor.country = a.country
                    if by.lemma_.lower() in self.rules.get("government_words", frozenset()):
                        actor.type = "government"
                    break

    @staticmethod
    def _officer_title_after(doc: Doc, i: int, end: Optional[int] = None) -> bool:
        """Whether an officer's title that names a company's officer alone (org_titles.tsv, bare: "Chief
        Executive", "CEO") starts at token i and a person's name follows it: the name before it is the
        organisation's ("Heineken Chief Executive Dolf van den Brink")."""
        titles = load_org_titles()
        for n in (3, 2, 1):
            words = " ".join(x.lower_ for x in doc[i:i + n])
            if i + n < len(doc) and titles.get(words) and doc[i + n].ent_type_ == "PERSON" and (
                    end is None or i + n == end):
                return True
        return False

    def _place_country(self, span: Span) -> Optional[str]:
        """The country a place lies in: places.tsv, else the country or capital its name is ("North
        Korea"), else the same for its name without a generic last word ("Kandahar province")."""
        names = [span.text]
        if len(span) > 1 and span[-1].lower_ in self.rules.get("place_generic_words", ()):
            names.append(span[:-1].text)
        for name in names:
            country = self.gaz.places.get(name)
            if country:
                return country
            for hit in self.gaz.lookup(name):
                entry = self.gaz.entries.get(hit.entry_id)
                if entry is not None and hit.kind in ("name", "alias", "metonym", "place") and (
                        hit.place_country or entry.type == "country"):
                    return hit.place_country or entry.country
        return None

    def _portfolio(self, doc: Doc, titles, e: int) -> bool:
        """An ORG entity right before a title only a government has ("Romanian Energy" + "Minister Bogdan
        Ivan", data: government_title_words) is the title's portfolio, no organisation: the country word in
        it (a gazetteer match kept) gives the minister's country, as "Austrian Interior Minister" does. Read
        for company names too ("Energy" is a company's head word)."""
        words = self.rules.get("government_title_words", frozenset())
        return any(ts == e and words & {t.lower_ for t in doc[ts:te]} for ts, te in titles)

    def _organization(self, st: DocState, s: int, e: int, people) -> None:
        doc = st.doc
        if people.is_person_short_form(s, e):     # "which Trump reportedly sought" tagged ORG
            return
        if any(ts <= s and e <= te for ts, te in st.title_list):
            return                                # "State" in "Secretary of State" is a title's word
        text = doc[s:e].text
        if "\n" in text:
            return
        short = self._initials_of(st, text, doc[s].idx)
        if short is not None:                     # "the NLC" after "the Nigeria Labour Congress"
            st.mention(short, s, e, "name")
            return
        words = {t.lower_ for t in doc[s:e]}
        words |= {f"{a.lower_} {b.lower_}" for a, b in zip(doc[s:e], doc[s + 1:e])}
        if civic_body(doc[s:e], self.rules.get("civic_member_words", frozenset())):
            kind = "organization"                 # "Nigeria Labour Congress": a body of members, no state's
        elif words & self.rules.get("government_words", frozenset()):
            kind = "government"
        elif words & self.rules.get("group_words", frozenset()):
            kind = "group"
        else:
            kind = "organization"
        country = None
        for m in st.index.mentions_in(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)):
            a = st.index.actors.get(m.actor_id)
            if a is not None and a.type == "country":
                country = a.country
                break
        if country is None:                       # "United Bus Company of Tehran": where it is
            country = self._country_of_place_in(doc[s:e])
        actor = st.index.add(Actor(id=slugify(text), name=text, type=kind, country=country))
        st.mention(actor.id, s, e, "name")

    @staticmethod
    def _initials_of(st: DocState, text: str, at: int) -> Optional[str]:
        """The organisation named before `at` whose initials `text` is: news names a body in full, then by
        its abbreviation ("the Nigeria Labour Congress" ... "the NLC", "Ghana Medical Association" ... "GMA").
        The initials of its capitalised words, the function words ("of", "and", "the") left out; one such
        body only."""
        if not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()):
            return None
        fits = set()
        for m in st.index.mentions:
            if m.start >= at:
                break
            a = st.index.actors.get(m.actor_id)
            if a is None or a.type not in _ORG_TYPES or a.name.isupper():
                continue
            initials = "".join(w[0] for w in a.name.replace("-", " ").split() if w[:1].isupper())
            if initials == text:
                fits.add(a.id)
        return fits.pop() if len(fits) == 1 else None

    def _country_of_place_in(self, span: Span) -> Optional[str]:
        """The country of a known place or capital named by one or two words of an organisation's
        name ("Esfahan Uranium Conversion Facilities" -> IRN); None when they disagree."""
        found = set()
        toks = [t.text for t in span]
        for n in (1, 2):
            for i in range(len(toks) - n + 1):
                for hit in self.gaz.lookup(" ".join(toks[i:i + n])):
                    if hit.kind in ("place", "metonym") and hit.place_country:
                        found.add(hit.place_country)
                        break
        return found.pop() if len(found) == 1 else None

    def _city_government(self, st: DocState, s: int, e: int) -> bool:
        """A city's own government named after it ("Barcelona's city council", "Lagos's city government";
        data/actors/ner.yaml city_government_heads and city_government_words): an actor of its own, of type
        government, that acts for the city and not for the state its capital may stand for."""
        doc = st.doc
        name = doc[e - 1]
        head = name.head
        if name.dep_ not in ("poss", "compound") or head.i < e or head.pos_ not in ("NOUN", "PROPN") \
                or head.lower_ not in self.rules.get("city_government_heads", frozenset()):
            return False
        between = [t for t in doc[e:head.i] if t.tag_ != "POS"]
        if len(between) != 1 or between[0].lower_ not in self.rules.get("city_government_words", frozenset()):
            return False
        entry = next((self.gaz.entries.get(h.entry_id) for h in self.gaz.lookup(doc[s:e].text)
                      if h.kind in ("name", "alias")), None)
        if entry is not None and entry.type == "country":
            return False                          # "Britain's town councils": the state's, not one city's
        if st.index.mention_at(doc[s].idx, head.idx + len(head.text)) is None:
            city_actor(st, doc[s:e].text, self._place_country(doc[s:e]), s, head.i + 1)
        return True

    def _city_of(self, st: DocState, s: int, e: int, country) -> bool:
        """ "the city of Lyon will open ...": the words name the city's government (cities.city_of_start),
        not the place ("in the city of Lyon") nor, for a capital, the state."""
        cs = city_of_start(st.doc, s)
        if cs is None or is_place_object(st.doc, s - 2, s - 1, self.gaz.metonymy) or \
                st.index.mention_at(st.doc[cs].idx, st.doc[e - 1].idx + len(st.doc[e - 1].text)) is not None:
            return False
        city_actor(st, st.doc[s:e].text, country, cs, e)
        return True

    def _dateline_city(self, st: DocState) -> None:
        """"BARCELONA — The city gave Airbnb until June 30 ...": "the city" acting (a verb's subject, no word
        of its own naming a place) in a story filed from a city, before any other place is named, is that
        city's government (_city_actor). A dateline naming a country names no city."""
        doc = st.doc
        if not st.dateline:
            return
        city = None
        for tok in doc[:st.dateline]:
            if tok.is_alpha and tok.text.isupper():
                name = tok.text.title()
                hit = next((h for h in self.gaz.lookup(name) if h.kind in ("place", "metonym") and h.place_country),
                           None)
                if hit is not None:
                    city = (name, hit.place_country)
                    break
        if city is None:
            return
        for tok in doc[st.dateline:]:
            if tok.ent_type_ in ("GPE", "LOC") and tok.text != city[0]:
                return                            # another place named first: "the city" may be that one
            if tok.lower_ == "city" and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and not st.taken[tok.i] and \
                    [c.lower_ for c in tok.children] == ["the"]:
                city_actor(st, city[0], city[1], tok.i - 1, tok.i + 1)
                return

    def _group(self, st: DocState, s: int, e: int) -> None:
        text = st.doc[s:e].text
        if "\n" in text:
            return
        actor = st.index.add(Actor(id=slugify(text), name=text, type="group"))
        st.mention(actor.id, s, e, "name")


@Language.factory("newsledger_actors", default_config={"extra_paths": [], "user_file": True})
def make_actors(nlp: Language, name: str, extra_paths: list[str], user_file: bool) -> ActorsComponent:
    """`extra_paths`: gazetteer TSVs (gazetteer.USER_COLUMNS) loaded after the shipped data;
    `user_file`: also load the user's actors file (gazetteer.user_actors_path())."""
    return ActorsComponent(nlp, name, extra_paths=extra_paths, user_file=user_file)


# A sum of money is no part of a name: its currency sign ("$", "NZ$20", "A$") or a number of millions.
_CURRENCY_SIGNS = ("$", "\u20ac", "\u00a3", "\u00a5")
_SCALES = frozenset({"million", "billion", "trillion", "mln", "bln", "bn"})


def _before_amount(doc: Doc, s: int, e: int) -> int:
    """The end of a name the NER ran on into the sum that follows it ("pay Tonga NZ$20 million": Tonga)."""
    for i in range(s + 1, e):
        t = doc[i]
        if t.is_currency or any(sign in t.text for sign in _CURRENCY_SIGNS) or (
                t.like_num and i + 1 < e and doc[i + 1].lower_ in _SCALES):
            return i
    return e
