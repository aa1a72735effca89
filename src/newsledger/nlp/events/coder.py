"""Coding one sentence: event words -> CAMEO codes, through the constructions that embed them.

A sentence is read top-down (the root first), so a word that frames another ("agreed to", "threatened
to", "refused to", "launched") is coded together with the action it embeds, and the embedded words are
then *absorbed*: they are part of that event, not events of their own. What the frames do to a code is
data (cameo.tsv's intent/demand/reject columns); this module only follows the parse.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from .places import TIME_PREPS
from .casualties import casualty_count, casualty_kind
from .reading import THEME_DEPS, Reading, is_verbal, light_verb, read_token
from ..grammar import conditional, modal, negator, open_question, under_modal, verb_lemmas, without
from ..grammar.syntax import to_infinitive
from ...lexicons.events import NOT_EVENT_ROOTS, CameoTable, Lexicon

# Modals that make an event only intended or possible ("will attack", "could strike"); denied, they
# make a refusal ("would not meet the demands"). "can" says what someone is able to do, and "can't"
# is no refusal: not among them. A modal of obligation ("must withdraw") under a reporting verb makes
# the reporter's demand (_must_demand).
INTENT_MODALS = frozenset({"future", "conditional", "possible"})
DEMAND_MODALS = frozenset({"obligation"})
OFFERED_FORCE = "072"     # provide military aid: forces given to another side
# Children whose subtrees belong to the event of their head (its object, complement, adjuncts).
ABSORB_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "acomp", "dative", "agent",
                         "pcomp", "pobj", "nsubjpass", "acl", "appos", "npadvmod", "advcl", "relcl"})
# "an attack on Ukraine, including a strike on Kyiv": the included event elaborates its head.
ELABORATION_PREPS = frozenset({"including", "like", "such"})
# "as" last: "used civilians as human shields" names the act by what the object is made into.
COMPLEMENT_PREPS = ("to", "for", "on", "of", "in", "into", "against", "from", "with", "at", "as")
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# "had not met him", "does not meet the requirement": a meeting not held is no refusal to meet.
UNREFUSED_ROOTS = frozenset({"04"})


@dataclass
class Resolved:
    code: Optional[str]
    trigger: tuple[Token, ...]
    layers: list[Token]          # the framing word first, the innermost action last
    hypothetical: bool = False
    negated: bool = False
    frame: str = ""              # the outermost frame applied ("" for a plain event word)
    nominal: bool = False


@dataclass
class Candidate:
    code: str
    trigger: tuple[Token, ...]
    top: Token
    layers: list[Token]
    nominal: bool
    hypothetical: bool
    negated: bool
    frame: str
    parent: Optional[int] = None          # index (in the sentence's list) of the event it elaborates
    fatalities: Optional[int] = None
    injured: Optional[int] = None
    # Set for an event read from a statement (from_statements.py): its speaker's actor and mention
    # head, the actors its content is about, and whether it is an event only with a target.
    spoken: bool = False
    speaker: Optional[str] = None       # None for a speaker that names no actor ("teachers said")
    speaker_token: Optional[Token] = None
    about: tuple[str, ...] = ()
    needs_target: bool = False
    # An act asked for in time given or purposed, not done ("gave Georgia two weeks to repeal the law":
    # coder.unframed_infinitive): hypothetical, but kept as an event like the same act told as done.
    purposed: bool = False

    @property
    def violent(self) -> bool:
        return self.code[:2] in VIOLENT_ROOTS


@dataclass
class Skipped:
    token: Token
    reason: str


# Dependencies of a to-infinitive that hangs on a verb or noun with no frame reading of its own: a
# purpose or a time given for it ("gave Russia two more weeks to agree", "pushed back its deadline for
# Georgia to repeal the law", "time to respond"). Its act is not reported as done. (A verb that reports
# its infinitive done, "managed to free", is an aspect row of the lexicon, which absorbs the infinitive.)
INFINITIVE_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl"})


def unframed_infinitive(top: Token) -> bool:
    """`top` is a to-infinitive left as an event of its own under another word (INFINITIVE_DEPS)."""
    return top.dep_ in INFINITIVE_DEPS and to_infinitive(top)


def _negated(tok: Token) -> bool:
    return negator(tok) is not None


def _subtree(tok: Token) -> list[int]:
    """Token indices under `tok`, leaving out elaborations ("including a strike …"): events of their own."""
    out = [tok.i]
    stack = [tok]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "prep" and child.lower_ in ELABORATION_PREPS:
                continue
            out.append(child.i)
            stack.append(child)
    return out


def _top_down(sent: Span) -> list[Token]:
    """The sentence's tokens, governors before the words they govern (breadth-first from the root)."""
    out = [sent.root]
    k = 0
    while k < len(out):
        out.extend(out[k].children)
        k += 1
    return out


class SentenceCoder:
    """Codes the event words of one sentence; stateless between sentences."""

    def __init__(self, lex: Lexicon, cameo: CameoTable):
        self.lex = lex
        self.cameo = cameo
        # Tokens of the last coded sentence that belong to an event or were passed over on purpose
        # (a public statement, CAMEO 01): statements read after coding leave them alone.
        self.absorbed: set[int] = set()

    # --- the entry point --------------------------------------------------------------------------
    def code_sentence(self, sent: Span) -> tuple[list[Candidate], list[Skipped]]:
        # Only words the lexicon knows (one set lookup per token) are read further.
        known = self.lex.vocabulary
        order = [t for t in _top_down(sent) if t.lemma_.lower() in known or t.lower_ in known
                 or (is_verbal(t) and any(lemma in known for lemma in verb_lemmas(t)))]
        cands: list[Candidate] = []
        skipped: list[Skipped] = []
        self.absorbed = set()
        if not order:
            return cands, skipped
        readings: dict[int, Optional[Reading]] = {t.i: read_token(t, self.lex) for t in order}
        self._readings = readings
        absorbed: set[int] = set()
        self.absorbed = absorbed
        casualty_tokens: list[Token] = []
        for tok in order:
            reading = readings[tok.i]
            if casualty_kind(tok) is not None and (reading is None or reading.frame == "casualty"):
                casualty_tokens.append(tok)
                continue
            if tok.i in absorbed:
                continue
            demand = self._must_demand(tok)
            if demand is not None:
                resolved = demand
            elif reading is None and not light_verb(tok, self.lex):
                continue
            else:
                resolved = self._resolve(tok, 0)
            if resolved is None or resolved.code is None:
                if reading is not None and reading.code:
                    skipped.append(Skipped(tok, "event word in a construction that codes no event"))
                continue
            if resolved.code[:2] in NOT_EVENT_ROOTS:
                skipped.append(Skipped(tok, f"public statement (CAMEO {resolved.code}), not an event"))
                absorbed.update(self._absorb(resolved.layers))
                continue
            if conditional(tok) is not None:
                skipped.append(Skipped(tok, "condition of another clause (if/unless/until): not reported as done"))
                absorbed.update(self._absorb(resolved.layers))
                continue
            absorbs = self._absorb(resolved.layers)
            resolved.code = self._recoded(resolved.code, tok, absorbs, sent)
            cand = self._modality(tok, resolved)
            if unframed_infinitive(tok) or (len(resolved.layers) > 1 and light_verb(tok, self.lex)
                                            and unframed_infinitive(resolved.layers[1])):
                # "gave Georgia two more weeks to repeal the law" ("give" a light verb whose complement is
                # no event noun but an infinitive): asked for, not done
                cand.hypothetical = cand.purposed = True
            cand.parent = self._elaborates(tok, cands)
            cands.append(cand)
            absorbed.update(absorbs)
        self._casualties(casualty_tokens, cands, skipped)
        return cands, skipped

    # --- frames -----------------------------------------------------------------------------------
    def _resolve(self, tok: Token, depth: int) -> Optional[Resolved]:
        if depth > 5:
            return None
        reading = self._reading(tok)
        if reading is None or (reading.code is None and reading.frame == ""):
            if not light_verb(tok, self.lex):
                return None
            comp = self._complement(tok, light=True)
            inner = self._resolve(comp, depth + 1) if comp is not None else None
            if inner is None:
                return None
            inner.layers.insert(0, tok)
            return inner
        frame = reading.frame
        if frame in ("", "casualty"):
            return Resolved(reading.code, reading.words, [tok], nominal=reading.nominal)
        comp = self._complement(tok, light=False)
        inner = self._resolve(comp, depth + 1) if comp is not None else None
        if inner is not None and inner.code and inner.code[:2] in NOT_EVENT_ROOTS:
            inner = None
        layers = [tok] + (inner.layers if inner else [])
        inner_code = inner.code if inner else None
        own = reading.code
        counterpart = self.cameo.counterpart
        if frame == "intent":
            if inner_code and inner_code[:2] == "15":
                # "offered to send troops", "agreed to deploy forces": forces offered or promised to
                # another are military aid intended (CAMEO 0332), not a show of force threatened (138).
                inner_code = OFFERED_FORCE
            code = inner_code if inner_code and inner_code[:2] == "03" else (
                counterpart(inner_code, "intent") or own or inner_code)
            # "reached a deal" (057): the accord is made now; only an intent code is still to come
            done = bool(own) and code == own and own[:2] != "03"
            return Resolved(code, reading.words if own else (inner.trigger if inner else reading.words),
                            layers, not done, False, frame, reading.nominal)
        if frame == "threat":
            code = counterpart(inner_code, "intent")
            code = code if code and code[:2] == "13" else own
            return Resolved(code, reading.words, layers, True, False, frame, reading.nominal)
        if frame in ("demand", "appeal"):
            code = counterpart(inner_code, "demand")
            if code and frame == "appeal" and code.startswith("10"):
                code = "02" + code[2:]
            if not code or code[:2] != own[:2]:
                code = own
            return Resolved(code, reading.words, layers, False, False, frame, reading.nominal)
        if frame == "reject":
            code = counterpart(inner_code, "reject") or own
            return Resolved(code, reading.words, layers, False, False, frame, reading.nominal)
        if inner is None:       # modal, attempt, aspect, negation: nothing to code without an action
            return None
        if frame == "modal":
            code = inner_code if inner.frame in ("intent", "threat") else (
                counterpart(inner_code, "intent") or inner_code)
            return Resolved(code, inner.trigger, layers, True, inner.negated, "modal", inner.nominal)
        if frame == "attempt":
            return Resolved(inner_code, inner.trigger, layers, True, inner.negated, inner.frame, inner.nominal)
        if frame == "negation":
            return Resolved(inner_code, inner.trigger, layers, inner.hypothetical, True, inner.frame,
                            inner.nominal)
        # aspect ("continued to send arms"): transparent
        return Resolved(inner_code, inner.trigger, layers, inner.hypothetical, inner.negated, inner.frame,
                        inner.nominal)

    def _recoded(self, code: str, top: Token, phrase: set[int], sent: Span) -> str:
        """The code an event takes from a word of its own phrase or its subject (lexicon kinds
        `recode`, `recode_subject`): troops sent "to the peacekeeping force" are a peacekeeping
        deployment, protesters burning property protest violently."""
        if code not in self.lex.recode_codes:
            return code
        doc = sent.doc
        if self.lex.recode:
            for i in sorted(phrase):
                entry = self.lex.recode.get((code, doc[i].lemma_.lower()))
                if entry is not None and entry.code:
                    return entry.code
        if self.lex.recode_subject:
            for child in top.children:
                if child.dep_ == "nsubj":
                    entry = self.lex.recode_subject.get((code, child.lemma_.lower()))
                    if entry is not None and entry.code:
                        return entry.code
        return code

    def _reading(self, tok: Token) -> Optional[Reading]:
        if tok.i not in self._readings:
            self._readings[tok.i] = read_token(tok, self.lex)
        return self._readings[tok.i]

    def _is_event_word(self, tok: Token) -> bool:
        reading = self._reading(tok)
        return reading is not None and (reading.code is not None or reading.frame not in ("", "casualty"))

    def _complement(self, tok: Token, light: bool) -> Optional[Token]:
        """The action a frame or light word embeds: its infinitive, clause, or event-noun object."""
        children = list(tok.children)
        for child in children:
            if child.dep_ == "xcomp" and is_verbal(child):
                return child
        if not light:
            for child in children:
                if child.dep_ == "ccomp" and is_verbal(child):
                    return child
            if tok.pos_ == "NOUN":      # "an attempt to assassinate", "a threat to cut off gas"
                for child in children:
                    if child.dep_ in ("acl", "relcl") and any(c.lower_ == "to" for c in child.children):
                        return child
        for child in children:
            if child.dep_ in THEME_DEPS:
                if self._is_event_word(child):
                    return child
                for sub in child.children:      # "a series of ultimatums", "70 million dollars of aid"
                    if sub.dep_ == "prep" and sub.lower_ == "of":
                        for pobj in sub.children:
                            if pobj.dep_ == "pobj" and self._is_event_word(pobj):
                                return pobj
                for sub in child.children:      # "artillery, mortar and rocket fire"; "mediation mission"
                    if sub.dep_ in ("conj", "compound", "amod") and self._is_event_word(sub):
                        return sub
        for prep in COMPLEMENT_PREPS:
            for child in children:
                if child.dep_ == "prep" and child.lower_ == prep:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and self._is_event_word(pobj):
                            return pobj
                        if pobj.dep_ == "pcomp" and is_verbal(pobj):
                            return pobj
        return None

    def _must_demand(self, tok: Token) -> Optional[Resolved]:
        """"X said that Libya must hand over the suspects": a demand by the reporter on the clause's
        subject, coded from the demanded action."""
        if tok.lemma_.lower() not in self.lex.report or not is_verbal(tok):
            return None
        for child in tok.children:
            if child.dep_ == "ccomp" and modal(child, DEMAND_MODALS) is not None:
                inner = self._resolve(child, 1)
                inner_code = inner.code if inner else None
                code = self.cameo.counterpart(inner_code, "demand") or "100"
                if not code.startswith("10"):
                    code = "100"
                layers = [tok, child] + (inner.layers[1:] if inner else [])
                return Resolved(code, (tok,), layers, False, False, "demand")
        return None

    # --- modality, negation, conditions -----------------------------------------------------------
    def modality(self, top: Token, code: str, trigger: tuple[Token, ...], frame: str = "",
                 nominal: bool = False) -> Candidate:
        """A one-word event (a statement's cue) read through the clause's modality, as coded events are."""
        return self._modality(top, Resolved(code, trigger, [top], frame == "threat", False, frame, nominal))

    def _modality(self, top: Token, resolved: Resolved) -> Candidate:
        code = resolved.code
        hypothetical = resolved.hypothetical
        negated = resolved.negated or _negated(top) or (
            resolved.frame == "" and len(resolved.layers) == 1 and _negated(resolved.layers[-1]))
        future = modal(top, INTENT_MODALS) is not None
        if not future and top.dep_ in ("conj",):
            future = modal(top.head, INTENT_MODALS) is not None
        if without(top):     # "without deploying troops"
            negated = True
        if not future and under_modal(top, INTENT_MODALS) is not None:
            hypothetical = True     # "any agreement would involve … deploying troops"
        if open_question(top) is not None:
            hypothetical = True
        if future:
            if negated and resolved.frame not in ("reject",):
                # "would not meet the demands": a refusal, which did happen.
                refusal = self.cameo.counterpart(code, "reject")
                if refusal:
                    code, negated, hypothetical = refusal, False, False
                else:
                    hypothetical = True
            else:
                hypothetical = True
                if resolved.frame not in ("intent", "threat", "modal", "demand", "appeal", "reject") or (
                        resolved.frame == "intent" and not resolved.hypothetical):
                    # "will reach a deal": the accord still to come is its intent (057 -> 037)
                    code = self.cameo.counterpart(code, "intent") or code
        elif (negated and (not hypothetical or resolved.frame == "intent") and resolved.frame != "reject"
              and code[:2] not in UNREFUSED_ROOTS):
            # "did not give permission", "failed to reach agreement": a concession or agreement that
            # was withheld is a refusal (CAMEO 12x), which did happen; acts without a refusal
            # counterpart ("did not attack") stay negated.
            refusal = self.cameo.counterpart(code, "reject")
            if refusal:
                code, negated, hypothetical = refusal, False, False
        return Candidate(code=code, trigger=resolved.trigger, top=top, layers=resolved.layers,
                         nominal=resolved.nominal and len(resolved.layers) == 1,
                         hypothetical=hypothetical, negated=negated, frame=resolved.frame)

    # --- structure --------------------------------------------------------------------------------
    def _absorb(self, layers: list[Token]) -> set[int]:
        out: set[int] = set()
        for layer in layers:
            out.add(layer.i)
            for child in layer.children:
                if child.dep_ not in ABSORB_DEPS:
                    continue
                if child.dep_ == "prep" and (child.lower_ in ELABORATION_PREPS or child.lower_ in TIME_PREPS):
                    continue
                # "..., launching an attack": a participle clause is an event of its own;
                # "staged a strike to protest ...": a purpose clause is part of this one.
                if child.dep_ == "advcl" and not to_infinitive(child):
                    continue
                out.update(_subtree(child))
        # "expressed its rejection and condemnation of the plan": an event noun coordinated with a
        # layer noun is an act of its own (CAMEO codes each act), not part of this one.
        ids = {layer.i for layer in layers}
        for layer in layers:
            if layer.pos_ != "NOUN":
                continue
            for conj in layer.conjuncts:
                if conj.i not in ids and conj.pos_ == "NOUN" and self._is_event_word(conj):
                    out.difference_update(t.i for t in conj.subtree)
        return out

    @staticmethod
    def _elaborates(tok: Token, cands: list[Candidate]) -> Optional[int]:
        """"…, including a strike on Kyiv": the index of the event this one is a part of."""
        if tok.dep_ == "pobj" and tok.head.lower_ in ELABORATION_PREPS or tok.dep_ == "appos":
            anchor = tok.head.head if tok.dep_ == "pobj" else tok.head
            for n, cand in enumerate(cands):
                if anchor in cand.layers or anchor == cand.top:
                    return n
        return None

    def _casualties(self, tokens: list[Token], cands: list[Candidate], skipped: list[Skipped]) -> None:
        """Attach "killed 23 people" to the violent event it tells of; a killing on its own is an event."""
        owners: dict[int, int] = {}
        for n, cand in enumerate(cands):
            for layer in cand.layers:
                owners.setdefault(layer.i, n)
            owners.setdefault(cand.top.i, n)
        made: dict[int, Candidate] = {}     # casualty word -> the event it counted for
        for tok in sorted(tokens, key=lambda t: t.i):
            kind = casualty_kind(tok)
            if tok.dep_ == "conj" and tok.head.i in made:
                # "killed twelve and injured twenty": the same event's second count
                cand = made[tok.head.i]
                count = casualty_count(tok)
                if kind == "injured" and cand.injured is None:
                    cand.injured = count
                elif kind == "fatalities" and cand.fatalities is None:
                    cand.fatalities = count
                continue
            owner = None
            cur = tok
            for _ in range(6):
                if cur.i in owners and cur.i != tok.i:
                    owner = owners[cur.i]
                    break
                if cur.head.i == cur.i:
                    break
                cur = cur.head
            if owner is None:
                for child in tok.children:      # "the attack killed 23 people"
                    if child.dep_ == "nsubj" and child.i in owners:
                        owner = owners[child.i]
            count = casualty_count(tok)
            if owner is not None:
                cand = cands[owner]
                if cand.violent:
                    made[tok.i] = cand
                    if count is not None and kind == "fatalities" and cand.fatalities is None:
                        cand.fatalities = count
                    elif count is not None and kind == "injured" and cand.injured is None:
                        cand.injured = count
                continue
            if not is_verbal(tok) or tok.lemma_.lower() == "die":
                continue
            reading = self._readings.get(tok.i)
            if reading is None or reading.code is None:
                continue
            if conditional(tok) is not None:
                skipped.append(Skipped(tok, "condition of another clause (if/unless/until): not reported as done"))
                continue
            cand = self._modality(tok, Resolved(reading.code, reading.words, [tok]))
            if kind == "fatalities":
                cand.fatalities = count
            else:
                cand.injured = count
            cands.append(cand)
            made[tok.i] = cand
