"""Events: who did what to whom, coded in CAMEO with the PLOVER category -> doc._.events, doc._.uncoded.

The words and their codes are data (data/event_lexicon.tsv, data/cameo.tsv, read by lexicons/events.py);
the modules beside this one read the parse (coder.py: frames and what modality, negation and conditions
do to a code; arguments.py: actors and places; reading.py: a token's lexicon reading), with negation,
modals, conditions and subjects decided by nlp/grammar/. This module turns what it finds into
records.Event:

- one event per source actor and per target actor ("Germany and France have pledged" gives two);
- `hypothetical` when the action is intended, threatened, planned or future ("would", "will",
  "threatened to"): such events carry CAMEO's intent/threat code, never the code of the act itself;
- `negated` for "did not attack";
- `same_as` links a later report of the same happening to the first ("an aerial attack …, including a
  strike on Kyiv"; "the invasion" after "invaded"), whose location and casualty counts it completes;
- sentences whose event words code no event are logged in `doc._.uncoded` with the reason.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...records import Article, Event, TextSpan, TimeExpr
from .arguments import TARGET_PREPS, Arguments
from .coder import Candidate, SentenceCoder
from .reading import is_verbal
from .from_statements import (PURPOSE_DEPS, VERBAL_ROOTS, addressee, issuer, statement_candidates,
                              taken_tokens, unsaid_acts)
from ...lexicons.events import load_cameo, load_lexicon, load_statement_events
from ..extensions import ActorIndex, Uncoded
from ..grammar import conditions
from ..grammar.syntax import to_infinitive
from ...lexicons.gazetteer import load_gazetteer

_PRECISION = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Protests, coercion, concessions and investigations with no named target are domestic in CAMEO's
# coding: directed at the source's own country (its government or its people).
DOMESTIC_ROOTS = ("08", "09", "14", "17", "132", "137")
NO_ACTOR = "event word with no actor doing it (or, for violence, no victim, place or casualties)"


def time_precision(value: str) -> str:
    for pattern, name in _PRECISION:
        if pattern.match(value):
            return name
    return "vague"


class EventsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.lex = load_lexicon()
        self.cameo = load_cameo()
        self.coder = SentenceCoder(self.lex, self.cameo)
        self.statement_events = load_statement_events()
        self.gaz = load_gazetteer()     # cached; the actors component loads the same one

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            doc._.events, doc._.uncoded = [], []
            if doc._.warnings is not None and len(doc):
                doc._.warnings.append("no dependency parse: events were not coded")
            return doc
        index: Optional[ActorIndex] = doc._.actors
        args = Arguments(index, self.gaz, doc._.published)
        ents = {t.i: ent for ent in doc.ents if ent.label_ in _PLACE_LABELS for t in ent}
        times = [t for t in (doc._.times or []) if t.type in ("DATE", "TIME")]
        published = doc._.published.isoformat() if doc._.published is not None else None
        events: list[Event] = []
        uncoded: list[Uncoded] = []
        # Per event: (its candidate, the index of the first event of the candidate's parent).
        origin: list[tuple[Candidate, Optional[int]]] = []
        statements = [s for s in (doc._.statements or [])
                      if s.speaker is not None or s.speaker_mention is not None]
        for sent in doc.sents:
            cands, skipped = self.coder.code_sentence(sent)
            said = [s for s in statements if sent.start_char <= s.cue.span[0] < sent.end_char]
            taken = taken_tokens(self.coder, cands, (skip.token for skip in skipped))
            if said:
                cands.extend(statement_candidates(sent, said, self.coder, self.statement_events, taken,
                                                  uncoded, cands))
            cands.extend(unsaid_acts(sent, self.coder, self.statement_events, taken))
            if not cands and not skipped:
                continue
            args.sentence_start, args.sentence_end = sent.start_char, sent.end_char
            first_of: dict[int, int] = {}
            sources_of: dict[int, list[str]] = {}
            for n, cand in enumerate(cands):
                inherited = sources_of.get(cand.parent, []) if cand.parent is not None else []
                made = self._events(doc, sent, cand, args, ents, times, published, inherited)
                if not made and cand.nominal and not cand.hypothetical:
                    made = _anaphor(cand, events, ents)
                    for event in made:
                        event.plover, event.label = self.cameo.plover(event.code), self.cameo.label(event.code)
                sources_of[n] = _unique_sources(made)
                if not made:
                    uncoded.append(Uncoded(_char_span(cand.trigger), (sent.start_char, sent.end_char),
                                           NO_ACTOR))
                    continue
                first_of[n] = len(events)
                parent = first_of.get(cand.parent) if cand.parent is not None else None
                for event in made:
                    events.append(event)
                    origin.append((cand, parent))
            for skip in skipped:
                tok = skip.token
                uncoded.append(Uncoded((tok.idx, tok.idx + len(tok.text)), (sent.start_char, sent.end_char),
                                       skip.reason))
        _link(events, origin, args)
        sides = {e.source for e in events} | {e.target for e in events}
        args.index.remove(args.made_sides - sides)     # made for a reading that was not kept
        doc._.events = events
        doc._.uncoded = uncoded
        return doc

    # --- one candidate -> events ----------------------------------------------------------------------
    def _events(self, doc: Doc, sent: Span, cand: Candidate, args: Arguments, ents, times: list[TimeExpr],
                published: Optional[str], inherited: list[str]) -> list[Event]:
        sources, targets = self._participants(cand, args)
        if cand.spoken:
            return self._verbal_events(sent, cand, args, targets, times, published)
        domestic = False
        code = cand.code
        if code[:2] == "18" and self._military_subject(cand.top):
            code = "190"    # violence by armed forces is military force in CAMEO
        if not sources and inherited:   # "…, including a strike on Kyiv": the including event's actors
            sources = [s for s in inherited if s not in targets]
        location = args.location_of(_where(cand), ents)
        # The place acted on ("suspended aid to Gaza") before the place where it happened.
        place = (args.object_place(cand.layers) or location) if not targets else None
        if place is None and not targets and code.startswith(AID_CODES):
            # "gave 350 million euros to promote investment in Ethiopia": aid goes where its purpose is
            purpose = _purpose_clause(cand.layers)
            place = args.location_of([purpose], ents) if purpose is not None else None
        location = location or place
        if (not sources and code[:2] == "14" and location is not None and location.country
                and _unnamed_people(cand.top)):
            # "Hundreds of people blocked streets in Hong Kong": protesters are people of the place
            sources = [s for s in [args.country(location.country)] if s]
        if place is not None and args.place_country(place):
            place_actor = args.country(args.place_country(place))
            # An act in the source's own country is domestic ("Afghan rebels exploded bombs in Kabul",
            # "the German government agreed to set up a company in Berlin"); a meeting or cooperation
            # with oneself is no event of two sides.
            if place_actor and (place_actor not in sources or code[:2] not in SYMMETRIC_ROOTS):
                targets = [place_actor]
                domestic = place_actor in sources
        if not targets and sources:
            # "Turkey will allow Turkish Kurd refugees to return", "demanding autonomy from Serbian
            # authorities": the source's own people, named by its adjective, are a domestic target.
            targets = _own_people(cand.layers, args, frozenset(sources))
            domestic = bool(targets)
        if not targets and sources and code.startswith(DOMESTIC_ROOTS):
            targets = _home_country(sources, args)
            domestic = True
        if not sources and cand.parent is None:
            # An event needs someone doing it: a nominal one ("talks", "the meeting") or an intention
            # with no agent is not reported as an event; violence with a victim or place still is.
            # ("agreed to …" did happen: only an intention read from modality needs its agent.)
            # (an act asked for in time given, "gave Russia two weeks to agree", is not done but still an
            # event of whoever it names: Candidate.purposed)
            if cand.nominal or (cand.hypothetical and cand.frame not in ("intent", "threat")
                                and not cand.purposed):
                if not (cand.violent and (targets or location is not None or cand.fatalities
                                          or cand.injured)):
                    return []
            if not targets and not (cand.violent and (location is not None or cand.fatalities
                                                      or cand.injured)):
                return []   # "it exploded", "unable to prevent itself": no one named, no event to record
        if not sources and cand.top.dep_ in ("acl", "amod") and not cand.violent:
            return []       # "a letter handed over to the UN": a participle describing a thing
        if not sources and not targets and cand.top.dep_ == "relcl":
            return []       # "a coup supported by Western nations": a description, with no one named
        if cand.nominal and cand.hypothetical:
            return []       # "would lead to direct peace talks": a possibility, not an event
        pairs = [(s, t) for s in sources or [None] for t in [t for t in targets if t != s or domestic] or [None]]
        joint = code[:2] in JOINT_ROOTS or code.startswith("057") or (
            code[:2] == "12" and cand.frame == "intent")     # "X and Y failed to reach agreement"
        if len(sources) > 1 and joint and (not targets or code.startswith(RECIPROCAL_CODES)):
            # "Jordan and Britain agreed to hold exercises": an agreement, a meeting, cooperation is
            # between the sides named together, each with the other. A reciprocal act also names what
            # it is about ("agreed to share information on North Korea": a further target of each);
            # "pledged to pressure Moscow" is each side's act on Moscow, not on the other.
            pairs = [(a, b) for a in sources for b in sources if a != b] + [
                (s, t) for s in sources for t in targets if t not in sources]
        trigger = _char_span(cand.trigger)
        time, precision = self._time(trigger[0], sent, times, published)
        out = []
        for source, target in pairs:
            out.append(Event(
                code=code, trigger=TextSpan(_text(cand.trigger, trigger), trigger),
                span=(sent.start_char, sent.end_char), plover=self.cameo.plover(code),
                label=self.cameo.label(code), source=source, target=target,
                location=location, time=time, time_precision=precision,
                fatalities=cand.fatalities, injured=cand.injured,
                negated=cand.negated, hypothetical=cand.hypothetical))
        return out

    def _verbal_events(self, sent: Span, cand: Candidate, args: Arguments, targets: list[str],
                       times: list[TimeExpr], published: Optional[str]) -> list[Event]:
        """The event of a statement: its speaker as source; the target from the cue's frame, else the
        actor the statement is about."""
        # A speaker that names no actor is made a side only now, after the sentence's other events
        # have read their sides, so that it takes no one else's words.
        speaker = cand.speaker
        if speaker is None and cand.speaker_token is not None:
            speaker = args.speaker_side(cand.speaker_token)
        if speaker is None:
            return []
        source = args.coded(speaker, cand.speaker_token) if cand.speaker_token is not None else speaker
        own = {speaker, source}
        targets = [t for t in targets if t not in own]
        if not targets:
            targets = [a for a in cand.about if a not in own and a in args.index.actors][:1]
        if not targets and cand.needs_target:
            return []
        trigger = _char_span(cand.trigger)
        time, precision = self._time(trigger[0], sent, times, published)
        return [Event(code=cand.code, trigger=TextSpan(_text(cand.trigger, trigger), trigger),
                      span=(sent.start_char, sent.end_char), plover=self.cameo.plover(cand.code),
                      label=self.cameo.label(cand.code), source=source, target=target,
                      time=time, time_precision=precision, negated=cand.negated,
                      hypothetical=cand.hypothetical)
                for target in targets or [None]]

    def _participants(self, cand: Candidate, args: Arguments) -> tuple[list[str], list[str]]:
        top = cand.top
        passive_targets: list[str] = []
        if top.pos_ == "NOUN":
            sources = args.possessor(top)
            if not sources and top.dep_ == "conj" and top.head.pos_ == "NOUN":
                sources = args.possessor(top.head)  # "its rejection and condemnation of": one possessor
            head = top.head
            if top.dep_ == "attr" and not sources:
                # "China and India remain major buyers of …"
                sources = args.subject_actors(head)[0]
            elif top.dep_ == "dobj" and head.lemma_.lower() in self.lex.undergo:
                passive_targets = args.subject_actors(head)[0]     # "Putin faced a deadline set by Trump"
                if not sources:     # "faces criticism from the U.N.": who does what is undergone
                    sources = [a for a in args.object_actors(top, preps=UNDERGONE_FROM)
                               if a not in passive_targets]
            if not sources and top.dep_ == "pobj" and top.head.lower_ in PARTICIPATION_PREPS and (
                    is_verbal(top.head.head)):
                # "workers went on strike", "troops took part in peacekeeping operations": those
                # the clause is about take part in the event it names (not when they undergo it).
                found, _, passive = args.subject_actors(top.head.head)
                sources = [] if passive else found
            if any(c.dep_ == "poss" and c.lower_ == "their" for c in top.children) and top.dep_ == "pobj":
                # "he reached understandings with Trump, following their meeting": the partners
                clause = head.head
                passive_targets = [a for a in args.object_actors(clause, preps=("with",))
                                   if a not in sources]
        else:
            clause = top.head if top.pos_ == "ADJ" and top.dep_ in ("acomp", "amod") else top
            sources, passive_targets, passive = args.subject_actors(clause)
            if passive and top.lower_ in self.lex.adjs:
                # "Israel is opposed to …", "Iraq is prepared to …": adjectives, not passives
                sources, passive_targets = passive_targets, []
            if not sources:     # "…, launching its second-largest aerial attack": the possessor acts
                for layer in cand.layers[1:]:
                    if layer.pos_ == "NOUN" and layer.dep_ == "dobj":
                        sources = args.possessor(layer)
                        if sources:
                            break
        if not sources:     # "put out a report accusing X", "signed a decree granting citizenship"
            sources = issuer(top, args, self.statement_events)
        targets: list[str] = []
        own = frozenset(sources)
        if sources and cand.code.startswith(GIVING_CODES):  # (with no one named, the forces stand for the side)
            own = own | self._forces_given(cand, args)
        if cand.code[:2] == "04" and top.dep_ in PURPOSE_DEPS and top.head.pos_ == "VERB" and (
                top.tag_ == "VBG" or to_infinitive(top)):
            # "called Lavrov to discuss Syria", "phoned the king, discussing oil": a consultation is
            # with the one called or met (CAMEO 04's counterpart); what is discussed is its topic.
            targets = args.object_actors(top.head, preps=("with",), exclude=own)
        if not targets and cand.frame in ("demand", "appeal", "threat", "reject"):
            targets = args.object_actors(top, preps=("to", "on", "against", "from", "with"), exclude=own)
            if not targets:     # "demanded that the United States match …"
                for clause in top.children:
                    if clause.dep_ == "ccomp":
                        targets = args.subject_actors(clause)[0]
                        break
        elif not targets and cand.code[:2] == "11":     # "complained to the UN over Israeli air raids"
            targets = args.object_actors(top, preps=("against", "over", "about", "of", "for", "on"),
                                         exclude=own)
        if not targets:
            targets = passive_targets
        # Meetings and cooperation are with someone: "discussed Libya with Trump" is with Trump.
        with_first = cand.code[:2] in SYMMETRIC_ROOTS
        if not targets:
            for layer in reversed(cand.layers):
                # A nominalization's object comes with "of": "the blockade of Serbia with Albania's help".
                preps = NOUN_TARGET_PREPS if layer.pos_ == "NOUN" else TARGET_PREPS
                targets = args.object_actors(layer, preps=preps, exclude=own, objects_first=not with_first)
                if not targets and layer.pos_ == "NOUN" and layer.i != top.i:
                    # ("provided their donations": the possessor is the doer, no target)
                    targets = [a for a in args.possessor(layer) if a not in own]
                if targets:
                    break
        if not targets:
            # "agreed to lend $1 billion to Indonesia", "pledged to work with China": an infinitive
            # the lexicon does not code still names whom the act is for.
            cur = cand.layers[-1]
            for _ in range(3):
                cur = next((c for c in cur.children if c.dep_ in ("xcomp", "ccomp") and is_verbal(c)), None)
                if cur is None:
                    break
                targets = args.object_actors(cur, exclude=own, objects_first=not with_first)
                if targets:
                    break
        if not targets:     # "staged a hunger strike to protest Assad's failure": the purpose's object
            for layer in (cand.layers[-1], top):
                targets = _purpose_targets(layer, args, own)
                if targets:
                    break
        if not targets and cand.code[:2] in VERBAL_ROOTS:     # "summoned X to complain"
            targets = addressee(top, args, own)
        if not targets and cand.code[:2] == "12":
            # "will not end the strike until the government raises pay": a refusal held until another
            # side acts is addressed to that side, the doer of its condition
            for clause in conditions(top):
                targets = [a for a in args.subject_actors(clause)[0] if a not in own]
                if targets:
                    break
        return sources, targets

    def _forces_given(self, cand: Candidate, args: Arguments) -> frozenset[str]:
        """"sent 200 troops to Liberia", "the deployment of troops": forces sent or given are what the
        act moves, not the side it is done for (CAMEO 07 names the recipient, 15 whom it faces)."""
        found: set[str] = set()
        for layer in cand.layers:
            for child in layer.children:
                nps = [child] if child.dep_ == "dobj" else [
                    c for c in child.children if c.dep_ == "pobj"] if (
                    layer.pos_ == "NOUN" and child.dep_ == "prep" and child.lower_ == "of") else []
                for np in nps:
                    if np.lemma_.lower() in self.lex.military:
                        found.update(args.group_actors(np))
        return frozenset(found)

    def _military_subject(self, top: Token) -> bool:
        for child in top.children:
            if child.dep_ in ("nsubj", "agent"):
                head = child if child.dep_ == "nsubj" else next(
                    (c for c in child.children if c.dep_ == "pobj"), child)
                if head.lemma_.lower() in self.lex.military:
                    return True
        return False

    @staticmethod
    def _time(at: int, sent: Span, times: list[TimeExpr],
              published: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        best = None
        for t in times:
            if sent.start_char <= t.span[0] and t.span[1] <= sent.end_char:
                distance = abs(t.span[0] - at)
                if best is None or distance < best[0]:
                    best = (distance, t)
        if best is not None:
            return best[1].value, time_precision(best[1].value)
        if published:
            return published, "publication"
        return None, None


def _purpose_clauses(tok: Token) -> Iterator[Token]:
    """The infinitives of purpose under `tok` ("gave money to promote ...", "sent troops to help ...")."""
    return (clause for clause in tok.children if clause.dep_ == "advcl" and to_infinitive(clause))


def _purpose_clause(layers: list[Token]) -> Optional[Token]:
    """The infinitive of purpose of the event words, nearest first ("gave money to promote ...")."""
    return next((clause for tok in reversed(layers) for clause in _purpose_clauses(tok)), None)


def _purpose_targets(tok: Token, args: Arguments, own: frozenset[str]) -> list[str]:
    """Targets of a purpose clause ("to help defend Saudi Arabia") under `tok`, through its infinitives."""
    for clause in _purpose_clauses(tok):
        cur: Optional[Token] = clause
        for _ in range(3):
            if cur is None:
                break
            found = args.object_actors(cur, exclude=own)
            if found:
                return found
            cur = next((c for c in cur.children if c.dep_ in ("xcomp", "ccomp")), None)
    return []


_OWN_PEOPLE_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "pobj"})


def _unnamed_people(top: Token) -> bool:
    """The event's subject is a plural common noun naming no one ("activists", "hundreds of people")."""
    clause = _clause_of(top)
    return any(c.dep_ == "nsubj" and c.tag_ == "NNS" and c.pos_ == "NOUN" for c in clause.children)


def _clause_of(top: Token) -> Token:
    """The verb whose clause an event word is in: itself, its head, or for a nominal event in a
    participation preposition ("workers went on strike") the verb above the preposition."""
    if top.pos_ in ("VERB", "AUX"):
        return top
    if top.dep_ == "pobj" and top.head.lower_ in PARTICIPATION_PREPS and is_verbal(top.head.head):
        return top.head.head
    return top.head


def _own_people(layers: list[Token], args: Arguments, own: frozenset[str]) -> list[str]:
    """A source's actor named by a demonym or adjective modifying the object of the event words or of
    their prepositions ("from Serbian authorities"), one preposition deep."""
    nouns = []
    for n, layer in enumerate(layers):
        for child in layer.children:
            # "allow refugees to return": an embedded action's subject is acted upon
            if child.dep_ in _OWN_PEOPLE_DEPS or n and child.dep_ == "nsubj":
                nouns.append(child)
            elif child.dep_ in ("ccomp", "xcomp"):     # parsed as "allow [refugees to return]"
                nouns.extend(c for c in child.children if c.dep_ == "nsubj")
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                nouns.extend(c for c in child.children if c.dep_ == "pobj")
    nouns += [pobj for noun in nouns for prep in noun.children
              if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS
              for pobj in prep.children if pobj.dep_ == "pobj"]
    for noun in nouns:
        # "Turkish Kurd refugees": the adjective may modify a compound of the noun
        mods = [m for c in noun.children if c.dep_ in ("amod", "compound") for m in (c, *c.children)]
        for mod in mods:
            if mod.dep_ not in ("amod", "compound"):
                continue
            mention = args.index.mention_at(mod.idx, mod.idx + len(mod.text))
            if mention is not None and mention.kind in ("demonym", "adjective") and mention.actor_id in own:
                return [mention.actor_id]
            group = args.country(args.groups.get(mod.text)) if mod.pos_ == "PROPN" else None
            if group in own:    # "captured a Karen guerrilla stronghold"
                return [group]
    return []


def _where(cand: Candidate) -> list[Token]:
    """Tokens whose place adjuncts say where the event happened: the event words, their object
    ("strengthened its forces in Lebanon") and subject ("demonstrators in Baghdad")."""
    out = list(cand.layers)
    clause = _clause_of(cand.top)
    for layer in cand.layers + ([clause] if clause is not cand.top and clause.pos_ != "ADP" else []):
        out.extend(c for c in layer.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))
    return out


def _home_country(sources: list[str], args: Arguments) -> list[str]:
    out = []
    for source in sources:
        actor = args.index.actors.get(source)
        home = args.country_actor.get(actor.country) if actor is not None and actor.country else None
        if home and home not in out:
            out.append(home)
    return out


def _unique_sources(events: list[Event]) -> list[str]:
    return list(dict.fromkeys(e.source for e in events if e.source is not None))


def _text(tokens: tuple[Token, ...], span: tuple[int, int]) -> str:
    """The article text of a token span (without rebuilding doc.text, which costs a whole pass)."""
    doc = tokens[0].doc
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    return doc[first:last + 1].text if first != last else tokens[0].text


def _char_span(tokens: tuple[Token, ...]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _same_party(a: Optional[str], b: Optional[str], args: Arguments) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    actor_a, actor_b = args.index.actors.get(a), args.index.actors.get(b)
    if actor_a is None or actor_b is None or not actor_a.country:
        return False
    # A state's leader acting for it: "Putin's decision to invade" and "Russia's invasion".
    return actor_a.country == actor_b.country and "country" in (actor_a.type, actor_b.type)


def _root_group(code: str) -> str:
    """Codes that can name the same happening: any violence; otherwise the same three-digit code
    ("the resignation" is not "the release", though both are 08)."""
    return "violent" if code[:2] in ("18", "19", "20") else code[:3]


NOUN_TARGET_PREPS = ("on", "against", "of", "to", "into", "toward", "towards", "with", "for", "at", "from",
                     "over", "between", "among")
SYMMETRIC_ROOTS = frozenset({"04", "06"})     # meetings and cooperation: "A met B" is "B met A"
# "went on strike", "took part in protests": a nominal event in these is done by the clause's subject.
PARTICIPATION_PREPS = frozenset({"on", "in"})
# The prepositions naming who does an event that the clause's subject undergoes ("faced criticism from
# the U.N.", "suffered attacks by the army").
UNDERGONE_FROM = ("from", "by")
# Acts done together by the sides a subject coordinates: agreeing (03), meeting (04), cooperating (06).
JOINT_ROOTS = frozenset({"03", "04", "06"})
# Acts that send or give forces: aid (07: troops for peacekeeping), force posture (15), and the intent
# to give aid (033: "offered to send troops to help the Philippine army").
GIVING_CODES = ("07", "15", "033")
# Aid given and aid offered (CAMEO 07, 033): its recipient is where its purpose lies.
AID_CODES = ("07", "033")
# Acts two sides do with each other: meet (04), cooperate (06), sign an agreement (057), and the intent
# to cooperate (031) or to meet (036), CAMEO's parallels of 06 and 04.
RECIPROCAL_CODES = ("04", "06", "057", "031", "036")


def _anaphor(cand: Candidate, events: list[Event], ents: dict) -> list[Event]:
    """"the Alaska meeting", "the attack": a definite event noun with no actors of its own refers back
    to the latest earlier event of its kind, whose actors it takes (and is linked to by same_as)."""
    noun = cand.top
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return []
    group = cand.code[:3]      # strictly the same kind: "the war" is not the latest bombing
    # "the Alaska meeting": a place named in the noun phrase must be the earlier event's place.
    places = [c.text for c in noun.children if c.dep_ in ("compound", "amod") and c.i in ents]
    for i in range(len(events) - 1, -1, -1):
        prior = events[i]
        if places and (prior.location is None or not any(p in prior.location.name for p in places)):
            continue
        if prior.code[:3] == group and not prior.hypothetical and prior.same_as is None:
            copy = Event(code=cand.code, trigger=TextSpan(_text(cand.trigger, _char_span(cand.trigger)),
                                                          _char_span(cand.trigger)),
                         span=(noun.sent.start_char, noun.sent.end_char), source=prior.source,
                         target=prior.target, location=prior.location, time=prior.time,
                         time_precision=prior.time_precision, negated=cand.negated)
            copy.same_as = i
            return [copy]
    return []


def _link(events: list[Event], origin: list[tuple[Candidate, Optional[int]]], args: Arguments) -> None:
    """Set same_as on later reports of an earlier event, and let them complete the earlier record."""
    for j, event in enumerate(events):
        cand, parent = origin[j]
        first: Optional[int] = parent
        if first is None and cand.nominal:
            for i in range(j):
                other = events[i]
                if (other.same_as is None and origin[i][0] is not cand
                        and _root_group(other.code) == _root_group(event.code)
                        and other.hypothetical == event.hypothetical and other.negated == event.negated
                        and event.source is not None
                        and (_same_party(other.source, event.source, args)
                             and (event.target is None or _same_party(other.target, event.target, args))
                             or event.code[:2] in SYMMETRIC_ROOTS
                             and _same_party(other.source, event.target, args)
                             and _same_party(other.target, event.source, args))
                        and not _times_differ(other, event)
                        and not (other.location and event.location
                                 and other.location.name != event.location.name)):
                    first = i
                    break
        if first is None or first == j:
            continue
        event.same_as = first
        head = events[first]
        if head.location is None:
            head.location = event.location
        if head.fatalities is None:
            head.fatalities = event.fatalities
        if head.injured is None:
            head.injured = event.injured
        if head.target is None and event.target is not None and event.target != head.source:
            head.target = event.target


def _times_differ(a: Event, b: Event) -> bool:
    if a.time_precision in (None, "publication", "vague") or b.time_precision in (None, "publication", "vague"):
        return False
    return not (a.time.startswith(b.time) or b.time.startswith(a.time))


def uncoded_of(doc: Doc) -> list[dict]:
    """`doc._.uncoded` as JSON-ready rows: the event word, its sentence, and why no event came of it."""
    text = doc.text
    rows = []
    for u in doc._.uncoded or []:
        rows.append({"trigger": {"text": text[u.trigger[0]:u.trigger[1]], "span": list(u.trigger)},
                     "sentence": {"text": text[u.span[0]:u.span[1]], "span": list(u.span)},
                     "reason": u.reason})
    return rows


def find_uncoded(articles: Iterable[Article], nlp: Optional[Language] = None) -> Iterator[dict]:
    """For `newsledger events --uncoded`: one row per sentence event word that coded no event,
    with the article id (PLOVER asks coders to review these)."""
    from ..pipeline import cached_pipeline, make_doc
    nlp = nlp or cached_pipeline()
    pending: list[Article] = []

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=16):
        article = pending.pop(0)
        for row in uncoded_of(doc):
            yield {"article": article.id, **row}


@Language.factory("newsledger_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
