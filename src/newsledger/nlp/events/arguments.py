"""Who did it, to whom, and where: event arguments from the dependency parse and the ActorIndex.

Actors are only ever the ActorIndex's (`doc._.actors`): this module asks it "who is this span?" and
"is this span a place?", and walks the parse to find which span to ask about.
"""
from __future__ import annotations

import functools
from typing import Optional

from spacy.tokens import Token

from ...records import Location
from ..actors.component import ner_rules
from ..extensions import ActorIndex
from ..grammar import (ACTIVE_SUBJECT_DEPS, NOUN_MODIFIER_DEPS, PASSIVE_SUBJECT_DEPS,
                       RELATIVE_CLAUSE_DEPS, RELATIVE_PRONOUNS, SUBJECT_DEPS, agent, objects, own_subject,
                       relative_antecedent, to_infinitive)
from ...lexicons.events import load_groups
from ...lexicons.gazetteer import common_groups
from .places import PlaceReading
from .sides import UnnamedSides, moved

PRONOUNS = frozenset({"PRON"})
PERSONAL = frozenset({"he", "him", "his", "she", "her"})
NEUTER = frozenset({"it", "its"})
# The subject of an event clause: "there were clashes" (expl) leaves it to the governing clause.
EVENT_SUBJECT_DEPS = ACTIVE_SUBJECT_DEPS | {"expl"}
# Prepositions whose object is the target of an action ("apologized to Brazil", "attack on Ukraine").
TARGET_PREPS = ("to", "against", "on", "with", "toward", "towards", "into", "for", "from", "at", "of",
                "over", "between", "among")
# "Western powers, including Germany and France": the named members are the actors.
MEMBER_PREPS = frozenset({"including", "like", "such"})
# Prepositions of where an act is done, whose unplaced place can be the act's side (unknown_place_actor).
UNKNOWN_PLACE_PREPS = ("in", "at")
# Subordinate-clause links through which a clause without its own subject takes its head's.
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp"})


class Arguments(UnnamedSides, PlaceReading):
    """Actor and place lookups for one document."""

    def __init__(self, index: Optional[ActorIndex], gazetteer=None, day=None):
        self.index = index or ActorIndex()
        self.made_sides: set[str] = set()   # actors made for unnamed sides (sides.UnnamedSides)
        self.gaz = gazetteer        # for country actors the document never names as actors
        self.groups = load_groups()
        self.day = day
        self.sentence_start = 0      # set per sentence: how far back a pronoun looks
        self.sentence_end = 0
        self._sentence_country: dict[int, Optional[str]] = {}
        self._affiliations: dict[str, Optional[str]] = {}
        # A place's country -> the country actor, so "a strike on Kyiv" can target Ukraine.
        self.country_actor: dict[str, str] = {}
        for actor in self.index.actors.values():
            if actor.type == "country" and actor.country and actor.country not in self.country_actor:
                self.country_actor[actor.country] = actor.id

    def country(self, iso3: Optional[str]) -> Optional[str]:
        """The country actor of an ISO alpha-3 code, added to the index when the document names the
        country only through a place ("a research center in Tokyo": Japan)."""
        if not iso3:
            return None
        found = self.country_actor.get(iso3)
        if found is None and self.gaz is not None:
            entry = self.gaz.entry(iso3)
            if entry is not None and entry.type == "country":
                found = self.index.add(entry.actor(self.day)).id
                self.country_actor[iso3] = found
        return found

    # --- actors -----------------------------------------------------------------------------------
    def _token_actor(self, tok: Token) -> Optional[str]:
        loc = self.index.place_at(tok.idx, tok.idx + len(tok.text))
        if loc is not None:
            # A place the index could not place in a country, whose name is a country's
            # ("North Korea's demand"): the country, acting.
            return self.country(self.place_country(loc)) if loc.country is None else None
        if _stance(tok):
            return None     # "an anti-Syria journalist" is no Syrian actor
        found = self.index.for_token(tok)
        if tok.text in self.groups and tok.pos_ == "PROPN" and (
                found is None or self.index.actors[found].type == "person" and tok.dep_ in ("amod", "compound")):
            # "a Karen guerrilla stronghold": a people group named as a modifier, not a person called Karen
            found = self.country(self.groups[tok.text]) or found
        return found

    def np_actors(self, head: Token, depth: int = 0, as_state: bool = True) -> list[str]:
        """The actors a noun phrase names: its head's, each coordinated member's, or a modifier's
        ("a Jordanian official", "Leaders of the coalition"); with `as_state`, people of unknown
        nationality as the state they act for (coded)."""
        if depth > 3:
            return []
        members: list[str] = []
        for child in head.children:          # "powers, including Germany and France"
            if child.dep_ == "prep" and child.lower_ in MEMBER_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        members.extend(self.np_actors(pobj, depth + 1, as_state))
        if members:
            return _unique(members)
        found = self._token_actor(head)
        if found is not None and self._is_demonym(head):
            # "ethnic Albanians in south Serbia": people named by origin act from where they live
            found = self._where_from(head) or found
        if found is None:
            found = self._modifier_actor(head, depth)
        if found is None and head.tag_ == "NNS":     # "demonstrators in Baghdad", not "a coup in Ukraine"
            found = self._where_from(head)
        if found is None and head.lower_ in state_bodies():
            # "a court in Lyon", "Beijing police": the body itself, coded as the state of its place
            state = self._body_place(head)
            found = (self._group_actor(head, state) if state else None) or state
        if found is not None and as_state:
            found = self.coded(found, head)
        out = [found] if found else []
        if found and self._token_actor(head) is None:
            out.extend(self._coordinated_modifiers(head, as_state))
        for child in head.children:
            if child.dep_ == "conj":
                # "the US and Western allies": a named side's unnamed partner is a side too
                more = self.np_actors(child, depth + 1, as_state)
                if not more and out and self.index.for_token(head) is not None:
                    more = [a for a in [self._group_actor(child)] if a]
                out.extend(more)
        return _unique(out)

    def _coordinated_modifiers(self, head: Token, as_state: bool) -> list[str]:
        """"Nigerian and British forces", "the armies of Brazil and Argentina": each coordinated
        modifier names a side of its own (the first is the phrase's actor already)."""
        mods = [c for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod")] + [
            p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]
        out = []
        for mod in mods:
            if self._token_actor(mod) is None:
                continue
            for conj in mod.conjuncts:
                found = self._token_actor(conj)
                if found:
                    out.append(self.coded(found, conj) if as_state else found)
        return out

    def _modifier_actor(self, head: Token, depth: int) -> Optional[str]:
        # Nearest modifier to the head first ("U.S. Secretary of State Warren Christopher"), but one
        # with a country before one without ("Turkish Kurd refugees": Turkey, not the Kurds).
        if depth > 4:
            return None
        mods = sorted((c for c in head.children
                       if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod")), key=lambda c: -c.i)
        found_any = None
        for child in mods:
            found = self._token_actor(child) or self._modifier_actor(child, depth + 1)
            if found:
                actor = self.index.actors.get(found)
                if actor is not None and actor.country:
                    return found
                found_any = found_any or found
        if found_any:
            return found_any
        for child in head.children:
            if child.dep_ == "appos":
                found = self._token_actor(child) or self._modifier_actor(child, depth + 1)
                if found:
                    return found
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self._token_actor(pobj) or self._modifier_actor(pobj, depth + 1)
                        if found:
                            return found
        return None

    def coded(self, actor_id: str, head: Token) -> str:
        """The actor as event data code it. People and bodies of unknown nationality take the state
        named in their noun phrase ("Lebanon's President Hrawi", "a member of the Syrian parliament"),
        else with another mention of theirs, else the one country their sentence is about, as their
        `country`: the event keeps them as its side (their words are where the text names the side)
        and codes as that state. One whose noun phrase names an organization instead ("Kofi Annan,
        UN secretary-general") is coded as the organization."""
        if not self._stateless(actor_id):
            return actor_id
        found = (self._np_affiliation(head, actor_id) or self._affiliation(head.doc, actor_id)
                 or self.sentence_country())
        state = self.index.actors.get(found) if found else None
        if state is not None and state.type == "country":
            self.index.actors[actor_id].country = state.country
            return actor_id
        return found or actor_id

    def _stateless(self, actor_id: str) -> bool:
        actor = self.index.actors.get(actor_id)
        return actor is not None and not actor.country and actor.type in ("person", "government", "group")

    def _np_affiliation(self, head: Token, own: str) -> Optional[str]:
        """A country (or, for a person, an organization) named inside the noun phrase of a stateless
        actor: its possessive, adjective, compound, appositive title or "of" phrase."""
        is_person = self.index.actors[own].type == "person"
        org = None
        frontier = [head]
        seen = {head.i}
        for _ in range(3):
            nxt = []
            for tok in frontier:
                for child in tok.children:
                    if child.i in seen:
                        continue
                    # modifiers that can name whose the actor is ("Lebanon's", "Syrian", "UN")
                    if not (child.dep_ in NOUN_MODIFIER_DEPS or child.dep_ == "pobj"
                            or child.dep_ == "prep" and child.lower_ in ("of", "from")):
                        continue
                    seen.add(child.i)
                    nxt.append(child)
                    loc = self.index.place_at(child.idx, child.idx + len(child.text))
                    if loc is not None:
                        found = self.country(loc.country)
                        if found:
                            return found
                        continue
                    actor_id = self.index.for_token(child)
                    if actor_id == own and child.pos_ == "PROPN":
                        # inside the actor's own name: "King Hassan of Morocco"
                        found = self.country(self._named_country(child.text))
                        if found:
                            return found
                    actor = self.index.actors.get(actor_id) if actor_id and actor_id != own else None
                    if actor is None:
                        continue
                    if actor.type == "country":
                        return actor.id
                    if actor.country:
                        return self.country(actor.country) or actor.id
                    if is_person and org is None and actor.type in ("organization", "alliance"):
                        org = actor.id
            frontier = nxt
        return org

    def _affiliation(self, doc, actor_id: str) -> Optional[str]:
        """The state (or organization) named in the noun phrase of any mention of the actor: "King
        Hassan of Morocco was quoted as saying he would host …" -> Morocco, for "he" too."""
        if actor_id not in self._affiliations:
            found = None
            for m in self.index.mentions:
                if m.actor_id != actor_id or m.kind == "pronoun":
                    continue
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    found = self._np_affiliation(span.root, actor_id)
                    if found:
                        break
            self._affiliations[actor_id] = found
        return self._affiliations[actor_id]

    def place_country(self, loc: Location) -> Optional[str]:
        """A place's country; for one the index left without, the country its name names
        ("North Korea", "Montenegro province")."""
        if loc.country:
            return loc.country
        found = self._named_country(loc.name)
        words = loc.name.split()
        if found is None and len(words) > 1 and words[-1].islower():
            found = self._named_country(" ".join(words[:-1]))
        return found

    def _named_country(self, text: str) -> Optional[str]:
        """The ISO code of the country a word names in the gazetteer ("Morocco", "Moroccan")."""
        if self.gaz is None:
            return None
        for name in self.gaz.lookup(text):
            if name.kind in ("name", "alias", "adjective", "demonym"):
                entry = self.gaz.entries.get(name.entry_id)
                if entry is not None and entry.type == "country":
                    return entry.country
        return None

    def sentence_country(self) -> Optional[str]:
        """The one country the sentence is about, for actors of unknown nationality (as ICEWS codes
        them: "Ousted President Akayev has agreed to resign without returning to Kyrgyzstan").
        Countries of named foreigners do not count ("welcomed South African leader de Klerk");
        None when the sentence names several countries or none."""
        start, end = self.sentence_start, self.sentence_end
        if start not in self._sentence_country:
            found: set[str] = set()
            foreign: set[str] = set()
            for m in self.index.mentions_in(start, end):
                actor = self.index.actors.get(m.actor_id)
                if actor is None or not actor.country:
                    continue
                (foreign if actor.type == "person" else found).add(actor.country)
            for loc in self.index.places:
                if loc.country and start <= loc.span[0] and loc.span[1] <= end:
                    found.add(loc.country)
            found -= foreign
            self._sentence_country[start] = self.country(found.pop()) if len(found) == 1 else None
        return self._sentence_country[start]

    def _is_demonym(self, tok: Token) -> bool:
        mention = self.index.mention_at(tok.idx, tok.idx + len(tok.text))
        return mention is not None and mention.kind == "demonym" and tok.tag_ in ("NNPS", "NNS")

    def _body_place(self, noun: Token) -> Optional[str]:
        """A body of a state named by a common noun and a place ("a court in Lyon", "an Istanbul
        court", "the police in Lagos"): the state the place lies in, the place its mention."""
        places = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
        places += [pobj for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                   for pobj in c.children if pobj.dep_ == "pobj"]
        for tok in places:
            loc = self._place_token(tok)
            found = self.country(self.place_country(loc)) if loc is not None else None
            if found:
                return found
        return None

    def _where_from(self, noun: Token) -> Optional[str]:
        """Unnamed people known by their place ("demonstrators in Baghdad", "parties in Nepal"):
        the country of that place."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "of"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    actor = self.index.for_token(pobj)
                    if actor is not None and self.index.actors[actor].type == "country":
                        return actor
                    loc = self.index.place_at(pobj.idx, pobj.idx + len(pobj.text))
                    if loc is not None and self.country(loc.country):
                        return self.country(loc.country)
        return None

    def subject_actors(self, verb: Token) -> tuple[list[str], list[str], bool]:
        """(sources, targets, passive) of a clause: its subject, or the agent of a passive."""
        passive_subj = own_subject(verb, PASSIVE_SUBJECT_DEPS)
        if passive_subj is not None:
            by = agent(verb)
            sources = (self.np_actors(by) or self.group_actors(by)) if by is not None else self._state_where(verb)
            return sources, self._resolve_np(passive_subj, verb) or self.group_actors(passive_subj), True
        subj = own_subject(verb, EVENT_SUBJECT_DEPS)
        if subj is not None:
            # "Troops loyal to Gbagbo blockaded ...": a subject whose head names no one acts for the
            # actor its phrase names.
            return (self._resolve_np(subj, verb) or self.phrase_actors(subj) or self.group_actors(subj)
                    or [a for a in [self.subject_side(subj)] if a], [], False)
        if verb.dep_ == "conj" and verb.tag_ == "VBN":
            # "who was arrested and banned from the election": the shared subject undergoes both
            shared = own_subject(verb.head, PASSIVE_SUBJECT_DEPS)
            if shared is not None:
                return [], self._resolve_np(shared, verb.head), True
        return self.inherited_subject(verb), [], False

    def _state_where(self, verb: Token) -> list[str]:
        """The unnamed agent of a passive act done in or from a state ("was arrested in Niger",
        "were expelled from North Korea"): that state, named as an actor there."""
        frontier = [verb]
        for _ in range(2):
            nxt = []
            for tok in frontier:
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
                        for pobj in prep.children:
                            if pobj.dep_ != "pobj":
                                continue
                            found = self.index.for_token(pobj)
                            actor = self.index.actors.get(found) if found else None
                            if actor is not None and actor.type == "country":
                                return [found]
                            nxt.append(pobj)
            frontier = nxt
        return []

    def pronoun_antecedent(self, pron: Token) -> Optional[str]:
        """A pronoun the actors component left unresolved: the nearest earlier actor in its sentence
        of the right kind ("its", "it" -> a state or body; "he", "his" -> a person)."""
        person = pron.lower_ in PERSONAL
        if not person and pron.lower_ not in NEUTER:
            return None
        start = self.sentence_start
        for m in reversed(self.index.mentions):
            if m.start >= pron.idx:
                continue
            if m.start < start:
                break
            actor = self.index.actors.get(m.actor_id)
            if actor is not None and (actor.type == "person") == person:
                return actor.id
        return None

    def _resolve_np(self, np: Token, clause: Token) -> list[str]:
        antecedent = relative_antecedent(np)
        if antecedent is not None:
            return self.np_actors(antecedent)
        found = self.np_actors(np)
        if not found and np.pos_ in PRONOUNS:
            # An unresolved pronoun subject ("Uganda said it had paid") takes the governing clause's.
            found = self.inherited_subject(clause)
            if not found:
                antecedent = self.pronoun_antecedent(np)
                found = [self.coded(antecedent, np)] if antecedent else []
        return found

    def inherited_subject(self, verb: Token, hops: int = 0) -> list[str]:
        """A clause without a subject of its own takes its governor's ("continuing ..., launching ...")."""
        if hops > 4 or verb.dep_ == "ROOT":
            return []
        head = verb.head
        if verb.dep_ in RELATIVE_CLAUSE_DEPS and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return self.np_actors(head)
        if verb.dep_ in INHERIT_DEPS or verb.dep_ == "prep" or verb.dep_ == "pobj":
            # "was arrested and says ...": the passive subject of a coordinated verb is this one's too
            subj = own_subject(head, SUBJECT_DEPS if verb.dep_ == "conj" else ACTIVE_SUBJECT_DEPS)
            if subj is not None:
                return self._resolve_np(subj, head)
            by = agent(head, predicate=False)
            if by is not None:
                return self.np_actors(by)
            return self.inherited_subject(head, hops + 1)
        return []

    def object_actors(self, tok: Token, preps: tuple[str, ...] = TARGET_PREPS,
                      exclude: frozenset[str] = frozenset(), objects_first: bool = True) -> list[str]:
        """Targets governed by `tok`: its object, dative, then prepositional objects (the prepositions
        first when not `objects_first`: "discussed Libya with Trump"), then the subject of an
        infinitive it governs ("allow the WFP to deliver food", "urged Iran to stop"); actors in
        `exclude` (the sources: "offered its troops to Lebanon") are passed over. A person the
        state-coding would merge into an excluded side stays themselves ("a Nigerian court convicted
        45 Boko Haram members")."""
        def keep(np: Token, through_prep: bool = False) -> list[str]:
            found = [a for a in self.np_actors(np) if a not in exclude]
            if not found:
                found = [a for a in self.np_actors(np, as_state=False) if a not in exclude]
            if not found and through_prep:
                found = [a for a in self._prep_actors(np) if a not in exclude]
            return found

        def from_objects() -> list[str]:
            for child in objects(tok):
                found = keep(child)
                if found:
                    return found
                # "rejected a call by X", "the withdrawal of forces from Panama"
                for sub in child.children:
                    if sub.dep_ == "prep" and sub.lower_ in ("by", "of", "from", "to", "for", "on", "with",
                                                             "against", "between"):
                        for pobj in sub.children:
                            if pobj.dep_ == "pobj":
                                found = keep(pobj, through_prep=True)
                                if found:
                                    return found
            return []

        def from_preps() -> list[str]:
            # "launched artillery, mortar and rocket fire against the camps": the preposition may sit
            # on a coordinated noun.
            heads = [tok] + [c for c in tok.children if c.dep_ == "conj" and tok.pos_ == "NOUN"]
            for prep in preps:
                for child in (c for h in heads for c in h.children):
                    if child.dep_ in ("prep", "dative") and child.lower_ == prep:
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                found = keep(pobj, through_prep=True)
                                if found:
                                    return found
            return []

        found = (from_objects() or from_preps()) if objects_first else (from_preps() or from_objects())
        if found:
            return found
        for clause in tok.children:     # object control: "allow the WFP to deliver", "urged X to stop"
            # A bare clause with no "to", no aux and no "that" is a small clause whose subject is what
            # the verb acts on: "allow aid workers access", "accept refugees fleeing the war".
            if clause.dep_ in ("ccomp", "xcomp") and (
                    to_infinitive(clause)
                    or clause.dep_ == "ccomp" and not any(c.dep_ in ("aux", "auxpass", "mark")
                                                          for c in clause.children)):
                subj = own_subject(clause, ACTIVE_SUBJECT_DEPS)
                if subj is not None:
                    found = keep(subj)
                    if found:
                        return found
        if tok.dep_ in ("advcl", "xcomp") and tok.pos_ == "VERB" and not objects(tok) and (
                tok.tag_ == "VBG" or to_infinitive(tok)):
            # "summoned the ambassador to complain", "called Lavrov to discuss …": the purpose of
            # calling or summoning someone is addressed to them.
            for obj in objects(tok.head):
                found = keep(obj)
                if found:
                    return found
        # Last, an actor named anywhere in the object's phrase: "arrested the captain of a ship
        # rescuing migrants near Libya", "rejected an extradition request for Carles Puigdemont".
        for child in objects(tok):
            found = self.phrase_actors(child, exclude)
            if found:
                return found
        # Last of all, an unnamed side: "opened fire on protesters", "arrested two journalists".
        # (the object's own "from/to/against" phrase last: "demanded an explanation from the minister")
        for np in [*objects(tok)] + [pobj for prep in preps for child in tok.children
                                     if child.dep_ in ("prep", "dative") and child.lower_ == prep
                                     for pobj in child.children if pobj.dep_ == "pobj"] + [
                pobj for obj in objects(tok) for sub in obj.children
                if sub.dep_ == "prep" and sub.lower_ in ("from", "to", "against", "on", "with", "by", "for")
                for pobj in sub.children if pobj.dep_ == "pobj"]:
            if exclude and any(c.dep_ == "poss" and (c.pos_ in PRONOUNS or self.index.for_token(c) in exclude)
                               for c in np.children):
                continue    # "strengthened its forces in Lebanon": the source's own, not its target
            if moved(np) and (common_groups().get(np.lemma_.lower()) or ("",))[0] == "government":
                continue    # "withdrew peacekeepers from Rwanda": forces moved, not whom it is done to
            found = [a for a in self.group_actors(np) if a not in exclude]
            if found:
                return found
        # A place no country is known for, acted on or where the act is done ("declared a state of
        # siege in Pando", "cut aid to Juba"): the place is the side, as no state can stand for it.
        for np in [*objects(tok)] + [pobj for child in tok.children
                                     if child.dep_ in ("prep", "dative")
                                     and child.lower_ in (*preps, *UNKNOWN_PLACE_PREPS)
                                     for pobj in child.children if pobj.dep_ == "pobj"]:
            found = self.unknown_place_actor(np)
            if found:
                return [found]
        return []

    def phrase_actors(self, head: Token, exclude: frozenset[str] = frozenset()) -> list[str]:
        """The first actor named inside the phrase `head` heads, read as any of its words is."""
        for tok in head.subtree:
            found = self._token_actor(tok)
            if found is not None and found not in exclude:
                return [found]
        return []

    def _prep_actors(self, noun: Token) -> list[str]:
        """One level down: "the withdrawal of forces from Panama" -> Panama."""
        for sub in noun.children:
            if sub.dep_ == "prep" and sub.lower_ in ("from", "to", "of", "against", "by"):
                for pobj in sub.children:
                    if pobj.dep_ == "pobj":
                        found = self.np_actors(pobj)
                        if found:
                            return found
        return []

    def possessor(self, noun: Token) -> list[str]:
        """The agent of a nominal event: "Russia's attack", "the attack by Russia", "an Israeli raid"."""
        for child in noun.children:
            if child.dep_ == "poss":
                found = self.np_actors(child)
                if not found and child.pos_ in PRONOUNS:
                    antecedent = self.pronoun_antecedent(child)
                    if antecedent:
                        return [self.coded(antecedent, child)]
                    found = self.inherited_subject(noun.head) if noun.dep_ in ("dobj", "pobj") else []
                    if not found and noun.head.pos_ in ("VERB", "AUX"):
                        found = self.subject_actors(noun.head)[0]
                if found:
                    return found
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.np_actors(pobj)
            if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"):
                # "a deadline set by Trump", "ultimatums he has issued"
                for sub in child.children:
                    if sub.dep_ == "agent":
                        pobj = next((c for c in sub.children if c.dep_ == "pobj"), None)
                        if pobj is not None:
                            return self.np_actors(pobj)
                    if sub.dep_ == "nsubj" and sub.lower_ not in RELATIVE_PRONOUNS:
                        return self._resolve_np(sub, child)
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.pos_ in ("ADJ", "PROPN"):
                found = self._token_actor(child)
                if found:
                    return [found]
            if child.dep_ == "amod" and child.lemma_.lower() == "lead":
                # "a Saudi-led strike": led by the one named before "-led"
                for sub in child.children:
                    found = self._token_actor(sub) if sub.i < child.i else None
                    if found:
                        return [found]
        return []


@functools.lru_cache(maxsize=1)
def state_bodies() -> frozenset[str]:
    """One-word names of a state's bodies ("court", "police", "prosecutor"): the actors' NER rules."""
    return frozenset(w for w in ner_rules().get("government_words", ()) if " " not in w)


STANCE_PREFIXES = frozenset({"anti", "pro"})


def _stance(tok: Token) -> bool:
    """A name after "anti-" or "pro-": it says what someone is for or against, not who they are."""
    i = tok.i
    return i >= 2 and tok.doc[i - 1].text == "-" and tok.doc[i - 2].lower_ in STANCE_PREFIXES


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
