"""One document as the commitment rules see it: its actors, times and statements, and the records found.

`Context` answers who a phrase names (holders and counterparties, one per coordinated member), which
state a leader speaks for, and who may confirm, deny or extend a commitment for its holder. `Found`
is a commitment record with the tokens that made it, for the status cues that point back at it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token

from ...lexicons.commitments import Lexicon
from ...lexicons.companies import load_company_words
from ...lexicons.gazetteer import load_gazetteer
from ...records import BODY_TYPES, Actor, Commitment, TimeExpr, same_side
from ..actors.companies import described_company, officer_of
from ..doc_text import doc_text
from ..grammar.dateline import filed_from
from ..extensions import ActorIndex
from ..grammar.syntax import conjuncts
from .syntax import members_possessive, sentence_span

# Prepositions whose object, when it names an actor, is who the content is for or aimed at.
_COUNTERPARTY_PREPS = ("for", "to", "on", "with", "against")
_OBJECT_COUNTERPARTY_PREPS = ("on", "against", "for", "to")
_POSSESSIVE_PRONOUNS = ("his", "her", "its", "their", "he", "she", "it", "they")


@dataclass
class Found:
    record: Commitment
    trigger: Token
    noun: Optional[Token]          # the commitment noun, when there is one (for "these assurances")
    group: frozenset[str]
    bare: bool = False             # a commitment noun that says no terms ("a power trade deal")


class Context:
    """One document's view for the rules: actors, times, statements and the lexicon."""

    def __init__(self, doc: Doc, index: ActorIndex, lex: Lexicon):
        self.doc, self.index, self.lex = doc, index, lex
        self.text = doc_text(doc)  # built once per doc: Doc.text joins every token
        self.times: list[TimeExpr] = list(doc._.times or [])
        self.statements = list(doc._.statements or [])
        self.published: Optional[dt.date] = doc._.published
        self._filed: Optional[set[str]] = None
        self._heads: dict[tuple[str, str], bool] = {}

    # -- who a phrase names ---------------------------------------------------------------------
    def actor(self, tok: Token) -> Optional[str]:
        """The actor a noun phrase head names: its name span (compounds, flat names) or the head.
        A company described by what it makes ("the iPhone maker") is not what it makes. "The federal
        government" that the events made a government of no state is the state it is the government of,
        when one can be told (unnamed_state)."""
        aid = self._named_by(tok)
        if aid is not None and self._stateless_government(aid):
            return self.unnamed_state(tok) or aid
        if aid is not None:
            return self._state_of_common_body(aid) or aid
        return aid

    def _state_of_common_body(self, aid: str) -> Optional[str]:
        """The country a state body named by a common noun acts for ("the government", "the authorities": data
        actors/common_groups.tsv, an actor that is its noun with the state's country): the document's actor of
        that country, as "Sweden's government" would be (a country and its government are one side)."""
        rec = self.record(aid)
        if rec is None or rec.type != "government" or not rec.country or not rec.name.islower():
            return None
        return next((a.id for a in self.index.actors.values() if a.type == "country" and a.country == rec.country),
                    None)

    def _named_by(self, tok: Token) -> Optional[str]:
        if tok.lemma_.lower() in load_company_words().maker_heads and tok.pos_ == "NOUN":
            named = next((self.actor(c) for c in tok.children if c.dep_ == "appos"), None)
            return named or self.described(tok)         # "TikTok's owner ByteDance": ByteDance
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in load_company_words().descriptions:
            # "gave the oil company Chevron 60 days": the name set beside the description is who it is (the
            # parse makes the description the head, the name its apposition); else the company it refers back
            # to ("The company will restart ..., Chief Executive X said")
            named = next((self.actor(c) for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) \
                or self.described(tok)
            if named is not None:
                return named
        own = self.index.mention_at(tok.idx, tok.idx + len(tok.text))
        if own is None:     # a name longer than its head token covers it ("Steve Witkoff")
            own_id = self.index.at(tok.idx, tok.idx + len(tok.text))
            if own_id is not None:
                return own_id
            if tok.pos_ == "NOUN":
                # "ordered the messaging app Telegram to ...", "the shopping platform Temu": a common noun that
                # says what the one named right after it is; the name is who acts (whatever the tagger made it)
                named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                              and c.left_edge.i == tok.i + 1), None)
                if named is not None and self.actor(named) is not None:
                    return self.actor(named)
        else:
            return own.actor_id
        left = tok
        for c in tok.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "poss", "det") and c.i < left.i:
                left = c
        poss = next((c for c in tok.lefts if c.dep_ == "poss"), None)
        if poss is not None and poss.left_edge.i < left.i:
            left = poss.left_edge       # the whole possessor: "South Korea's antitrust regulator", as "Italy's"
        if poss is not None and members_possessive(poss):
            left, poss = min(left, poss.left_edge, key=lambda t: t.i), None     # "the GDL train drivers' union"
        if poss is not None and left.i <= poss.i:
            # "Poland's development bank BGK": a body's name set beside the possessed description is the body
            body = next((a for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == tok.i + 1
                         for a in [self.actor(c)] if getattr(self.record(a), "type", None) in BODY_TYPES), None)
            if body is not None:
                return body
            # "Germany's Verdi union": the name after the possessive is the body; the possessor owns it
            own = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.i > poss.i]
            named = self.index.at(own[0].idx, tok.idx + len(tok.text)) if own else None
            names = [c for c in own if c.pos_ == "PROPN"]
            if named is None and names:     # the name tagged as a place there, an actor further on
                named = self.named(self.text[names[0].idx:names[-1].idx + len(names[-1].text)])
            if named is not None:
                return named
        aid = self.index.at(left.idx, tok.idx + len(tok.text))
        if aid is None and tok.pos_ == "PRON" and tok.lower_ in _POSSESSIVE_PRONOUNS:
            aid = self.index.at(tok.idx, tok.idx + len(tok.text))
        if aid is None and tok.pos_ == "PROPN":
            aid = self.named(self.text[left.idx:tok.idx + len(tok.text)])
        if aid is None and tok.pos_ == "NOUN" and (left.i == tok.i or (left.dep_ == "det" and left.i == tok.i - 1)):
            aid = self._body_by_noun(tok)
        if aid is None:
            aid = self.unnamed_state(tok)
        return aid

    def _body_by_noun(self, tok: Token) -> Optional[str]:
        """A state body the article names by its common noun, bare or with "the" ("gave parliament until June 30"
        where "Parliament said" is the actor): the one state body of the document so called (the caller asks
        for a noun)."""
        ids = [a.id for a in self.index.actors.values()
               if a.type == "government" and a.mentions and a.name.lower() == tok.lower_]
        return ids[0] if len(ids) == 1 else None

    def unnamed_state(self, tok: Token) -> Optional[str]:
        """The state "the government" (or "the federal government", "the ministry": data state_voice_bodies)
        names when nothing in its phrase names one: the state the story is filed from ("ABUJA — The union
        gave the federal government 14 days ..."), when the document names that country."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lex.word_lists["state_voice_bodies"]:
            return None
        kids = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
                c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ == "of")
                or (c.dep_ == "amod" and c.pos_ == "PROPN") for c in kids):
            return None     # "Ghana's government", "the Biden administration", "the government of Peru"
        if any(not self._stateless_government(m.actor_id)
               for m in self.index.mentions_in(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text))):
            return None     # "the Venezuelan government": named in its own phrase
        homes = self.filed_from()
        states = [a.id for a in self.index.actors.values() if a.type == "country" and a.country in homes]
        if not states and len(homes) == 1 and not any(a.type == "country" for a in self.index.actors.values()):
            # "BRASILIA — The federal government promised ...": no state named but the dateline's, which the
            # government of a story filed from there is (a country and its government are one actor)
            states = self._dateline_state(tok, next(iter(homes)))
        return states[0] if len(states) == 1 else None

    def _stateless_government(self, aid: str) -> bool:
        """An actor of type government of no state: the side events make of "the (federal) government"
        where its sentence names no country (events/sides)."""
        rec = self.record(aid)
        return rec is not None and rec.type == "government" and not rec.country

    def _dateline_state(self, tok: Token, iso: str) -> list[str]:
        """The country of ISO code `iso` from the gazetteer, added to the document's actors with the words
        of `tok`'s phrase as its mention."""
        gaz = load_gazetteer()
        entries = [e for e in gaz.entries.values() if e.type == "country" and e.country == iso]
        if len(entries) != 1:
            return []
        actor = self.index.add(entries[0].actor(self.doc._.published))
        self.index.add_mention(actor.id, tok.left_edge.idx, tok.idx + len(tok.text), kind="description")
        return [actor.id]

    def filed_from(self) -> set[str]:
        """The countries (ISO alpha-3) of the place a wire dateline says the story was filed from ("KYIV —"),
        read once per document (grammar/dateline.filed_from)."""
        if self._filed is None:
            self._filed = filed_from(self.doc)
        return self._filed

    def named(self, name: str) -> Optional[str]:
        """The one actor of the document called exactly `name` where the tagger missed that mention
        ("MUMBAI — Tesla promised …" after a dateline, "Tesla's factory" found further on): one name
        names one actor throughout an article."""
        ids = [a.id for a in self.index.actors.values() if a.name == name and a.mentions]
        return ids[0] if len(ids) == 1 else None

    def actors_of(self, head: Token) -> list[str]:
        """Actors a subject/object phrase names, one per coordinated member; members listed with
        "including" stand for the group ("Western powers, including Germany and France")."""
        out: list[str] = []
        for member in [head, *conjuncts(head)]:
            listed = [c for c in member.children if c.dep_ == "prep" and c.lower_ in self.lex.member_preps]
            if listed:
                for prep in listed:
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        for m in [pobj, *conjuncts(pobj)]:
                            a = self.actor(m)
                            if a and a not in out:
                                out.append(a)
                continue
            pair = self.parties_named(member)
            if pair:        # "the two sides agreed to ...": the two parties named together before
                out.extend(a for a in pair if a not in out)
                continue
            # "the company" names the company named before it, even where the actor tagger kept
            # the description as an actor of its own; "A US federal judge ... ordered" names the judge
            # named later, not the country in its modifiers
            a = self.described(member) or self.introduced(member) or self.actor(member)
            a = self.maker_of(a)
            if a and a not in out:
                out.append(a)
        return out

    def parties_named(self, tok: Token) -> list[str]:
        """The two parties "the two sides", "both countries", "the two governments" refer back to: the two
        actors last named together ("Indonesia and Australia reached an agreement ... The two sides also
        agreed to ..."), in this sentence before the phrase or in an earlier one. Words: data party_nouns."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lex.word_lists["party_nouns"]:
            return []
        if not any(c.dep_ in ("nummod", "det", "predet") and c.lower_ in ("two", "both") for c in tok.children):
            return []
        for t in reversed(self.doc[:tok.i]):
            if t.dep_ != "conj" or t.head.i >= t.i or t.pos_ != "PROPN":
                continue
            members = [t.head, *conjuncts(t.head)]
            if len(members) != 2:
                continue
            ids = [self.actor(m) for m in members]
            if all(ids) and ids[0] != ids[1] and not self.same_side(ids[0], ids[1]):
                return [self.maker_of(i) for i in ids]
        return []

    def described(self, tok: Token) -> Optional[str]:
        """The organization a definite description of a company names ("the company", "the iPhone
        maker"): the shared reading, actors/companies.py."""
        return described_company(tok, self.index)

    def introduced(self, tok: Token) -> Optional[str]:
        """The person an indefinite description by role brings in before naming them: "A federal judge
        in Boston ordered …" then "US District Judge Allison Burroughs said": news introduces someone by
        role and names them after. The one person of the document named later whose role ends in the
        description's noun."""
        if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return None
        noun = tok.lemma_.lower()
        fits = {m.actor_id for m in self.index.mentions if m.start > tok.idx
                for a in [self.index.actors.get(m.actor_id)] if a is not None and a.type == "person"
                and any(r.lower().split()[-1:] == [noun] for r in a.roles)}
        return fits.pop() if len(fits) == 1 else None

    def maker_of(self, aid: Optional[str]) -> Optional[str]:
        """A product or division named with its company's name in front ("Boeing P-8I", "Boeing
        Commercial Airplanes") acts, promises and is promised through the company, when the company
        is an actor of the document: a company's products are not the company."""
        a = self.record(aid)
        if a is None or a.type != "organization" or aid in load_gazetteer().entries:
            return aid      # a company the gazetteer knows by its own name ("Gazprom Neft") is its own
        parts = aid.split("-")
        for n in range(len(parts) - 1, 0, -1):
            other = self.record("-".join(parts[:n]))
            if other is not None and other.type == "organization" and a.name.startswith(other.name + " "):
                return other.id
        return aid

    def counterparty_in(self, head: Token) -> tuple[Optional[Token], Optional[Token]]:
        """An actor the content is for or aimed at: "for/to X" on a noun, the object of a verb.
        Returns the actor's token and the preposition that introduced it on `head` (to drop from
        the content), if any."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _COUNTERPARTY_PREPS:
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and self.actor(pobj):
                    if self._possessed(pobj):
                        return pobj, None   # "a decision on UniCredit's bid": the bid is what it is about
                    return pobj, c
            if head.pos_ in ("VERB", "AUX") and c.dep_ in ("dobj", "dative") and self.actor(c):
                return c, None
        if head.pos_ in ("VERB", "AUX"):       # "impose new sanctions on Russia"
            for obj in (c for c in head.children if c.dep_ == "dobj"):
                for c in obj.children:
                    if c.dep_ == "prep" and c.lower_ in _OBJECT_COUNTERPARTY_PREPS:
                        pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                        if pobj is not None and self.actor(pobj):
                            return pobj, None
        return None, None

    def _possessed(self, tok: Token) -> bool:
        """A thing of an actor's, named by a common noun with the actor as possessor ("UniCredit's bid"):
        the actor is who it concerns, the thing is part of what is promised."""
        return tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children) and \
            self.index.mention_at(tok.idx, tok.idx + len(tok.text)) is None

    def speaker_of(self, tok: Token) -> Optional[str]:
        """The speaker of the statement whose content holds `tok` ("Russia has 50 days …, Trump said")."""
        for st in self.statements:
            if st.speaker and st.content.span[0] <= tok.idx < st.content.span[1]:
                return st.speaker
        return None

    # -- sides ----------------------------------------------------------------------------------
    def record(self, aid: Optional[str]) -> Optional[Actor]:
        return self.index.actors.get(aid) if aid else None

    def state_of(self, aid: Optional[str]) -> Optional[str]:
        """The country actor a leader speaks for ("Putin" -> "russia"), when the index knows both."""
        a = self.record(aid)
        if a is None or a.type != "person" or not a.country:
            return aid
        if self.lex.leader_roles and not any(
                any(r in role.lower() for r in self.lex.leader_roles) for role in a.roles):
            return aid
        for other in self.index.actors.values():
            if other.type == "country" and other.country == a.country:
                return other.id
        return aid

    def speaks_for(self, a: Optional[str], b: Optional[str]) -> bool:
        """Same side, or two voices of one state (leader, spokesman, minister): who may confirm, deny
        or extend a commitment for its holder ("Kremlin spokesman Peskov denied that Putin agreed")."""
        if self.same_side(a, b):
            return True
        bodies = self.lex.acts_for      # "the European Commission said" of what the EU will do
        if a and b and bodies.get(a, a) == bodies.get(b, b):
            return True
        ra, rb = self.record(a), self.record(b)
        if ra is not None and rb is not None and {ra.type, rb.type} & {"person"} and ra.type != rb.type:
            return self.heads(a, b) if ra.type == "person" else self.heads(b, a)
        if ra is None or rb is None or not ra.country or ra.country != rb.country:
            return False
        return all(r.type == "person" and self.state_voice(r) for r in (ra, rb))

    def heads(self, person: str, org: str) -> bool:
        """An officer of an organisation speaks for it: "Stellantis will restart the plant, Chief Executive
        Antonio Filosa told workers", "Boeing will deliver ..., its commercial chief said" (the title's reading,
        actors/companies.officer_of; the titles are data/actors/org_titles.tsv)."""
        ro = self.record(org)
        if ro is not None and ro.type == "government" and ro.name.startswith("City of "):
            return self._role_of(person, ro)    # "Toronto Mayor Olivia Chow": actors/cities.py mayors
        if ro is None or ro.type not in BODY_TYPES:
            return False
        key = (person, org)
        if key not in self._heads:
            self._heads[key] = self._role_of(person, ro) or officer_of(self.doc, self.index, person, org,
                                                                          self.maker_of)
        return self._heads[key]

    def _role_of(self, person: str, org: Actor) -> bool:
        """A person whose known office is one of the organisation ("Secretary General of NATO", the
        gazetteer's roles): "NATO allies will pay for ..., Secretary-General Mark Rutte said"."""
        rp = self.record(person)
        return rp is not None and any(role.lower().endswith(f" of {org.name.lower()}") for role in rp.roles)

    def we_of(self, speaker: str) -> str:
        """Who "we" is in an organisation officer's words ("'We will open a plant in Poland,' Ryanair Chief
        Executive Michael O'Leary said"): the one organisation of the document the speaker is an officer of;
        else, in a state's voice ("'We will lift the checks ...,' Austrian Interior Minister Gerhard Karner
        said": a minister, spokesman or leader, data: state_voice_roles, leader_roles), the country it speaks
        for (voiced_state); else the speaker."""
        rec = self.record(speaker)
        if rec is None or rec.type != "person":
            return speaker
        fits = {self.maker_of(a.id) for a in self.index.actors.values()
                if a.type in BODY_TYPES and a.mentions and self.heads(speaker, a.id)}
        if len(fits) == 1:
            return fits.pop()
        if fits or not self.state_voice(rec):
            return speaker
        return self.voiced_state(rec) or speaker

    def voices_agency(self, speaker: Optional[str], body: Optional[str]) -> bool:
        """A state's voice telling what an agency of its state will do ("A loan ... will be underwritten by
        Eksfin, Norway's state export credit agency, Trade Minister Cecilie Myrseth said"): the minister speaks
        for the government the agency is part of; the agency holds what it will do."""
        rs, rb = self.record(speaker), self.record(body)
        if rs is None or rb is None or rs.type != "person" or rb.type != "government" or not rb.country:
            return False
        if not self.state_voice(rs):
            return False
        state = self.voiced_state(rs)
        rc = self.record(state)
        return rc is not None and rc.country == rb.country

    def voiced_state(self, rec: Actor) -> Optional[str]:
        """The country a state's voice speaks for: its own country; for one named by title alone ("Agriculture
        Minister Konstantinos Tsiaras", no country given) the one state the story is filed from ("ATHENS —"),
        as voices_country reads it: a minister of another state would be named with it."""
        homes = {rec.country} if rec.country else self.filed_from()
        if len(homes) != 1:
            return None
        iso = next(iter(homes))
        own = [a.id for a in self.index.actors.values() if a.type == "country" and a.country == iso]
        if own or rec.country or not self.doc:
            return own[0] if own else None
        return next(iter(self._dateline_state(self.doc[0], iso)), None)

    def voices_country(self, speaker: Optional[str], country: Optional[str]) -> bool:
        """A government voice named by title alone ("Culture Minister Rachida Dati said", no country
        given) announcing what a country will do speaks for that country: a minister or spokesman of
        another state would be named with it."""
        rs, rc = self.record(speaker), self.record(country)
        if rs is None or rc is None or rs.type != "person" or rs.country or rc.type != "country":
            return False
        return self.state_voice(rs)

    def state_voice(self, rec: Actor) -> bool:
        """A person whose role is a state's voice or leader (data: state_voice_roles, leader_roles)."""
        return any(v in role.lower() for v in self.lex.voice_roles + self.lex.leader_roles for role in rec.roles)

    def same_side(self, a: Optional[str], b: Optional[str]) -> bool:
        """Same actor, or a person/agency and the country it belongs to ("Moscow" and Putin)."""
        if not a or not b:
            return False
        return a == b or same_side(self.record(a), self.record(b))

    # -- records --------------------------------------------------------------------------------
    def records(self, kind: str, holders: list[str], counterparty: Optional[str], content: str,
                conditions: Optional[str], due: Optional[str], trigger: Token,
                noun: Optional[Token]) -> list[Found]:
        """One open commitment per holder. A state's kinds are held by the state its leader speaks
        for; the two signatories of an agreement are each other's counterparty."""
        if kind in self.lex.state_kinds:
            holders = list(dict.fromkeys(self.state_of(h) for h in holders))
        counterparty = self.state_of(self.maker_of(counterparty))
        holders = list(dict.fromkeys(self.maker_of(h) for h in holders))
        out = []
        for h in holders:
            cp = counterparty
            if kind == "agreement" and len(holders) == 2:
                # "Turkey and Russia signed an agreement": the two signatories are each other's
                # counterparty, whoever else the terms name ("a deal on a pipeline from Vaca Muerta")
                cp = next(x for x in holders if x != h)
            if cp is not None and self.same_side(h, cp):
                cp = None
            rec = Commitment(kind=kind, holder=h, content=content, counterparty=cp,
                             conditions=conditions, due=due, status="open",
                             evidence=[sentence_span(trigger.sent)])
            group = self.lex.group_of(kind)
            if noun is not None:
                group |= self.lex.group_of(self.lex.nouns[noun.lemma_.lower()]["kind"])
            out.append(Found(rec, trigger, noun, group))
        return out
