"""Definite references to actors already named: titles ("the Russian president"), descriptions ("the
Western military alliance", "the bloc") and governments ("the Russian government", "the Trump
administration").
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from ...lexicons.companies import civic_body_name, load_agency_name_words, load_regulator_words
from ...lexicons.gazetteer import Entry, Gazetteer, Title
from ...records import Actor
from .parse import NUMERIC_ENTITIES
from .state import DocState

_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")     # "u.n.", "u.s.": initials with stops


class ReferenceResolver:
    """Definite titles, descriptions and "the <country> government" -> mentions of actors already in
    the index (or, for a title, of the one person the gazetteer says holds it)."""

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
                # (initials with stops upper-cased: the tokenizer keeps "U.N." whole, not "u.n.")
                initials = _DOTTED.sub(lambda m: m.group(0).upper(), phrase)
                for form in {phrase, phrase[:1].upper() + phrase[1:], initials}:
                    phrases.append(form)
                    values.append(value)
            docs = list(nlp.tokenizer.pipe(phrases))
            for d, value in zip(docs, values):
                keyed.setdefault(" ".join(t.lower_ for t in d), value)
            self.matcher.add(label, docs)
        self.desc_label = nlp.vocab.strings["DESC"]

    def prepare(self, st: DocState) -> None:
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

    def __call__(self, st: DocState) -> None:
        self._governments(st)
        self._descriptions(st)
        self._regulators(st)
        self._titles(st)

    # -- shared --
    def _latest(self, st: DocState, before: int, ok) -> Optional[str]:
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

    def _holder(self, st: DocState, title: Title, country: Optional[str], before: int):
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
    def _add(st: DocState, who, s: int, e: int, kind: str) -> None:
        if isinstance(who, Entry):
            who = st.actor_for(who).id
        st.mention(who, s, e, kind)

    # -- "the Russian government" --
    def _governments(self, st: DocState) -> None:
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
    def _descriptions(self, st: DocState) -> None:
        for s, e, target in st.descriptions:
            if any(st.taken[s:e]):
                continue
            actor_id = None
            if target == "@union":
                actor_id = self._latest(st, s, _body_of_members)
            elif target == "@agency":
                actor_id = self._latest(st, s, self._agency)
            elif target.startswith("@"):
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

    # -- "Thailand's telecoms regulator" --
    @staticmethod
    def _regulators(st: DocState) -> None:
        """A description of a regulator names the one regulating body the article names, before or after it:
        "Thailand's telecoms regulator on Tuesday ordered True ... the National Broadcasting and
        Telecommunications Commission (NBTC)" (data/actors/ner.yaml regulator_descriptions,
        regulator_name_words). Not where the story names two such bodies, where the description's country is
        another's, or where a name is set beside it ("Peru's airport regulator Ositran": that name)."""
        heads, name_words = load_regulator_words()
        doc = st.doc
        found = [t for t in doc if t.lemma_.lower() in heads and t.pos_ == "NOUN" and not st.taken[t.i]]
        if not found:
            return
        bodies = [a for a in st.index.actors.values() if a.type in ("organization", "government")
                  and _agency_words(a.name) & name_words]
        if len(bodies) != 1:
            return
        body = bodies[0]
        for tok in found:
            if st.index.at(tok.idx, tok.idx + len(tok.text)) is not None or \
                    any(c.dep_ == "appos" for c in tok.children):
                continue    # a name's word ("the Energy Regulatory Commission"), or a name set beside it
            lefts = [c for c in tok.lefts if c.dep_ in ("det", "poss", "amod", "compound", "nmod")]
            start = min([tok.i, *(c.left_edge.i for c in lefts)])
            countries = {st.index.actors[m.actor_id].country for m in st.index.mentions_in(doc[start].idx, tok.idx)
                         if st.index.actors[m.actor_id].type == "country"}
            if body.country and countries and body.country not in countries:
                continue    # "Brazil's regulator" of a story that names Argentina's commission
            st.mention(body.id, start, tok.i + 1, "description")

    def _agency(self, a: Actor) -> bool:
        """A body whose name or a gazetteer alias calls it an agency ("World Food Programme", UNHCR's "UN
        refugee agency"): what "the agency" names again (data/actors/ner.yaml agency_name_words)."""
        if a.type not in ("organization", "government"):
            return False
        entry = self.gaz.entries.get(a.id)
        names = [a.name, *(entry.aliases if entry is not None else ())]
        words = load_agency_name_words()
        return any(_agency_words(n) & words for n in names)

    # -- titles --
    def _titles(self, st: DocState) -> None:
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
                elif t.dep_ in ("amod", "compound") and not t.is_punct and t.ent_type_ not in NUMERIC_ENTITIES:
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


def _agency_words(name: str) -> set[str]:
    return {w.strip(".,'’()").lower() for w in name.split()}


def _body_of_members(a: Actor) -> bool:
    """An organisation named as a body of members ("National Confederation of Education Workers",
    "Royal College of Nursing"; data/actors/civic_bodies.tsv): what "the union" names again."""
    return a.type in ("organization", "group") and civic_body_name(a.name)
