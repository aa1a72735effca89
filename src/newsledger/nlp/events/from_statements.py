"""Verbal events from statements: what the statements component found said is also what was done.

CAMEO codes verbal acts (appeal 02, intent 03, praise 051, demand 10, disapprove 11, reject 12, threaten
13) by the kind of speech act the words make. A statement with a named speaker yields its event by
its kind, or its cue where the kind is not enough (data/statement_events.tsv: "call on", "find
guilty", "order to"), unless the event coder already coded its cue (or passed it over on purpose, as a
public statement). A light speech verb makes the act its speech-act noun object names ("voiced support
for" praises, "issued a warning to" threatens), also when the coder coded only the verb ("pledged"
030 becomes "pledged support" 051). A speaker saying they will not act refuses (12). The speaker is
the source; the target is found as for any event from the cue's frame (or, for an act stated as a
purpose, the object of the verb it serves: "summoned the ambassador to complain"), else the actor the
statement is about. So statements and events never disagree about what was said. A light speech verb
whose speech-act noun object names an act is that act also where no statement of it was recorded (a
purpose, "called X to express support"; inside another's statement, "..., his office said").
"""
from __future__ import annotations

import functools
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from .arguments import Arguments
from .coder import Candidate, SentenceCoder
from .reading import is_verbal, particle_of
from .sides import unnamed_speaker
from ..grammar import (conditional, is_passive, own_subject, question, to_infinitive,
                       verb_lemmas)
from ...lexicons.cues import load_lexicon as load_cues
from ...lexicons.events import StatementEvent, StatementEvents, load_statement_events
from ...records import Statement
from ..extensions import Uncoded

# The frame a verbal act's code gives it: whom a demand, an appeal, a refusal or a threat is addressed
# to is found as for the event words of that frame.
FRAME_OF_ROOT = {"02": "appeal", "10": "demand", "12": "reject", "13": "threat"}
PARTICLE_DEPS = frozenset({"prt", "prep"})
# A verb's predicative complement ("found X guilty") and its infinitive ("ordered X to appear").
COMPLEMENT_DEPS = frozenset({"oprd", "ccomp", "xcomp", "acomp"})
# A purpose clause and an infinitive complement: "summoned X to complain", "called X to express".
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})
# Codes of verbal acts (appeal, intent, consult, support; demand, disapprove, reject, threaten): the
# acts that are addressed to someone.
VERBAL_ROOTS = frozenset({"02", "03", "04", "05", "10", "11", "12", "13"})
# The table's pseudo-kind of the verbs that issue a document ("issued a statement condemning ...").
DOCUMENT_KIND = "@document"
# The table's cue "@refusal": the kind's statements that the speaker will not act are refusals.
REFUSAL_CUE = "@refusal"
# Subjects that, under a reporting verb, are the speaker themselves ("Hungary says it will not ...").
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
# Verbs that say how things are rather than what someone does ("it will not be easy").
STATE_LEMMAS = frozenset({"be", "have", "need", "seem", "become", "remain"})
# What an act refused is done to or for: "will not end the strike", "will not go to Moscow".
ACT_COMPLEMENT_DEPS = frozenset({"dobj", "prep", "xcomp", "dative"})
# The table's cue "<verb> @object": the verb carries the act its speech-act noun object names.
OBJECT_CUE = "@object"
# Letters a light speech verb's forms share with its lemma ("voiced", "voicing": "voic").
LIGHT_PREFIX = 4


def cue_head(cue: Span) -> Optional[Token]:
    """The word that carries the cue: the span's head ("has ordered" -> ordered)."""
    head = cue.root
    return head if head.pos_ in ("VERB", "NOUN", "ADJ", "AUX") or is_verbal(head) else None


def cue_keys(head: Token, cue: Span) -> tuple[str, ...]:
    """The cue's lemmas, most specific first: phrasal ("called on" -> "call on"), with its object
    ("sought refuge" -> "seek refuge"), with its predicative adjective ("found X guilty" -> "find
    guilty") or its to-infinitive ("ordered X to appear" -> "order to"), then the lemma alone."""
    lemmas = verb_lemmas(head) if is_verbal(head) else [head.lemma_.lower()]
    particles = [c.lower_ for c in head.children
                 if c.dep_ in PARTICLE_DEPS and cue.start <= c.i < cue.end]
    extra: list[str] = []
    if is_verbal(head):
        for c in head.children:
            if c.dep_ == "dobj" and c.pos_ == "NOUN":
                extra.append(c.lemma_.lower())
            elif c.dep_ in COMPLEMENT_DEPS:
                if c.pos_ == "ADJ":
                    extra.append(c.lemma_.lower())
                elif is_verbal(c) and to_infinitive(c):
                    extra.append("to")
    return tuple([f"{lemma} {p}" for p in particles for lemma in lemmas]
                 + [f"{lemma} {x}" for x in extra for lemma in lemmas] + list(lemmas))


def split_particle(head: Token, cue: Span) -> bool:
    """A cue read as a phrasal verb across its object ("called X on Saturday"): a preposition in the
    cue after the verb that makes no phrasal verb with it, as event words are read."""
    return any(c.dep_ == "prep" and cue.start <= c.i < cue.end and c.i > head.i
               and not particle_of(head, c) for c in head.children)


def object_act(head: Token, kind: str, table: StatementEvents,
               coder: SentenceCoder) -> Optional[tuple[Token, StatementEvent]]:
    """The act a speech-act noun object names, when the cue verb carries it (a "<verb> @object" row
    of its kind): "expressed support for" is praise, "issued a warning to" a threat, "offered criticism of"
    criticism. None when the object is no such noun or names no act."""
    if not is_verbal(head) or not any(table.rows.get((kind, f"{lemma} {OBJECT_CUE}")) is not None
                                      for lemma in verb_lemmas(head)):
        return None
    nouns = load_cues().nouns
    for obj in head.children:
        if obj.dep_ != "dobj" or obj.pos_ != "NOUN":
            continue
        noun = nouns.get(obj.lemma_.lower())
        if noun is None or noun.frame in ("source", "medium", "role"):
            return None
        if any(c.dep_ == "compound" for c in obj.children):
            return None     # a compound names another thing: "a travel warning", "air support"
        if any(c.dep_ == "amod" and (c.lemma_.lower(), "aid") in coder.lex.noun_mod for c in obj.children):
            return None     # "pledged military support": aid promised (the event lexicon's "military aid")
        row = table.lookup(noun.kind, (obj.lemma_.lower(),))
        return (obj, row) if row is not None and row.code is not None else None
    return None


def statement_candidates(sent: Span, statements: Iterable[Statement], coder: SentenceCoder,
                         table: StatementEvents, taken: set[int],
                         uncoded: Optional[list[Uncoded]] = None,
                         coded: Optional[list[Candidate]] = None) -> list[Candidate]:
    """Candidates for the verbal acts of the sentence's statements whose cue no event covers; the
    statements whose kind and cue map to no event go to `uncoded` with the table's reason. A coded
    candidate (`coded`) that is only its cue verb's own code ("pledged" 030) takes the act of the
    verb's speech-act noun object instead ("pledged support for" is praise, 051). A speaker that
    names no actor ("teachers said") is a side of its own, made when its event is (sides.speaker_side)."""
    doc = sent.doc
    out: list[Candidate] = []
    for st in statements:
        start, end = st.cue.span
        if st.negated or not (sent.start_char <= start and end <= sent.end_char):
            continue
        if st.speaker is None and _unnamed_speaker(st, doc) is None:
            continue
        cue = doc.char_span(start, end, alignment_mode="expand")
        if cue is None:
            continue
        head = cue_head(cue)
        if any(t.i in taken for t in cue):
            if head is not None and coded:
                _recode(head, st.kind, coder, coded, table)
            continue
        if head is None or any(t.pos_ == "ADJ" for t in cue):
            continue        # "is critical of", "eager to": how someone stands, not what they did
        if split_particle(head, cue):
            continue        # "called King Salman on Saturday": no "call on", a call on a day
        row = table.lookup(st.kind, cue_keys(head, cue))
        noun_act = object_act(head, st.kind, table, coder)
        noun = None
        if noun_act is not None:
            noun, row = noun_act
            if noun.i in taken:
                continue    # the noun is an event of its own ("expressed its rejection of")
        if row is None or row.code is None:
            refused = refusal(head, st.kind, coder, table, taken)
            if refused is not None and conditional(head) is None and not question(head):
                out.append(_spoken(refused, st, doc, taken, row.needs_target if row else False))
                continue
            if uncoded is not None:
                why = row.why if row is not None else "no row in data/statement_events.tsv"
                uncoded.append(Uncoded((start, end), (sent.start_char, sent.end_char),
                                       f"statement ({st.kind}) that maps to no event: {why}"))
            continue
        if conditional(head) is not None or question(head):
            continue
        frame = FRAME_OF_ROOT.get(row.code[:2], "")
        trigger = tuple(t for t in cue if t.pos_ not in ("AUX", "PART") or t.i == head.i) or (head,)
        if noun is not None:
            trigger = tuple(sorted(set(trigger) | {noun}, key=lambda t: t.i))
        cand = coder.modality(head, row.code, trigger, frame, nominal=head.pos_ == "NOUN")
        if cand.negated or (cand.hypothetical and frame != "threat"):
            continue        # "did not criticize", "may demand": nothing was done
        if noun is not None:
            cand.layers = [head, noun]      # whom the act is for hangs on the noun: "support for X"
        taken.update(t.i for t in cue)
        out.append(_spoken(cand, st, doc, taken, row.needs_target))
    return out


def _unnamed_speaker(st: Statement, doc: Doc) -> Optional[Token]:
    """The head of a speaker that names no actor but someone (sides.unnamed_speaker). None otherwise."""
    if st.speaker_mention is None:
        return None
    mention = doc.char_span(*st.speaker_mention.span, alignment_mode="expand")
    head = mention.root if mention is not None else None
    return head if head is not None and unnamed_speaker(head) else None


def unsaid_acts(sent: Span, coder: SentenceCoder, table: StatementEvents, taken: set[int]) -> list[Candidate]:
    """Acts a light speech verb's speech-act noun object names where no statement of the verb was
    recorded (object_act, as for a statement's cue): a purpose ("called Erdogan to express his
    support"), or inside another's statement ("X expressed support for Y, his office said"). Its
    doer and target are found as for any event, from the clause; a denied, conditional or only
    possible act is none."""
    out: list[Candidate] = []
    kinds = _light_kinds()
    for tok in sent:
        # (the first letters pass over almost every word before any lemma is computed)
        if tok.lower_[:LIGHT_PREFIX] not in _light_prefixes() or tok.i in taken or not is_verbal(tok):
            continue
        kind = next((k for lemma in verb_lemmas(tok) for k in kinds.get(lemma, ())), None)
        noun_act = object_act(tok, kind, table, coder) if kind is not None else None
        if noun_act is None or noun_act[0].i in taken:
            continue
        noun, row = noun_act
        if conditional(tok) is not None or question(tok):
            continue
        trigger = (tok, noun)
        cand = coder.modality(tok, row.code, trigger, FRAME_OF_ROOT.get(row.code[:2], ""))
        if cand.negated or cand.hypothetical or cand.code[:2] != row.code[:2]:
            continue        # "did not express support": read as withheld, no act (nor a refusal) done
        cand.layers = [tok, noun]       # whom the act is for hangs on the noun: "support for X"
        taken.update((tok.i, noun.i))
        out.append(cand)
    return out


@functools.lru_cache(maxsize=1)
def _light_prefixes() -> frozenset[str]:
    return frozenset(lemma[:LIGHT_PREFIX] for lemma in _light_kinds())


@functools.lru_cache(maxsize=1)
def _light_kinds() -> dict[str, tuple[str, ...]]:
    """Light speech verb lemma -> the statement kinds whose "<verb> @object" row it has."""
    out: dict[str, tuple[str, ...]] = {}
    for kind, cue in load_statement_events().rows:
        words = cue.split()
        if len(words) == 2 and words[1] == OBJECT_CUE:
            out[words[0]] = out.get(words[0], ()) + (kind,)
    return out


def _spoken(cand: Candidate, st: Statement, doc: Doc, taken: set[int], needs_target: bool) -> Candidate:
    """The candidate as the statement's act: its speaker (or, for one that names no actor, its
    mention, made a side only if the act becomes an event), the actors it is about, its tokens taken."""
    cand.spoken = True
    cand.speaker = st.speaker
    if st.speaker_mention is not None:
        mention = doc.char_span(*st.speaker_mention.span, alignment_mode="expand")
        cand.speaker_token = mention.root if mention is not None else None
    cand.about = tuple(st.about)
    cand.needs_target = needs_target
    taken.update(t.i for t in cand.trigger)
    return cand


def refusal(head: Token, kind: str, coder: SentenceCoder, table: StatementEvents,
            taken: set[int]) -> Optional[Candidate]:
    """ "Hungary says it will not accept ...", "the union said they will not end the strike": the
    speaker stating that they will not act refuses to (CAMEO 12; "said it would" is the intent, coded
    from the act). The act's own refusal code when the lexicon codes it (that event is the coder's);
    else the table's @refusal row. Only for a clause whose subject is a pronoun for the speaker, whose
    verb is an act (not "be" or "have"), denied under "will"/"would" as the grammar reads it."""
    row = table.rows.get((kind, REFUSAL_CUE))
    if row is None or row.code is None or not is_verbal(head):
        return None
    for verb in head.children:
        if verb.dep_ != "ccomp" or not is_verbal(verb) or verb.i in taken:
            continue
        subj = own_subject(verb)
        if (subj is None or subj.lower_ not in SPEAKER_PRONOUNS or is_passive(verb)
                or verb.lemma_.lower() in STATE_LEMMAS
                or not any(c.dep_ in ACT_COMPLEMENT_DEPS for c in verb.children)):
            continue        # "it will not happen", "it would not be easy": no act refused
        if conditional(verb) is not None or question(verb):
            continue        # "if asked, they would not ...": no refusal made
        # read as an intention to act (CAMEO 030): denied under "will", the grammar makes it a refusal
        cand = coder.modality(verb, "030", (verb,), "")
        if cand.code[:2] == "12" and not cand.negated and not cand.hypothetical:
            cand.code = row.code
            return cand
    return None


def _recode(head: Token, kind: str, coder: SentenceCoder, coded: list[Candidate],
            table: StatementEvents) -> None:
    """A coded event that is only its verb's own code ("pledged", "offered": intent to cooperate)
    takes the act its speech-act noun object names ("pledged support", "offered criticism")."""
    noun_act = object_act(head, kind, table, coder)
    if noun_act is None:
        return
    noun, row = noun_act
    for cand in coded:
        if (cand.top.i == head.i and [t.i for t in cand.layers] in ([head.i], [head.i, noun.i])
                and cand.code[:2] != row.code[:2]):
            trigger = tuple(sorted(set(cand.trigger) | {noun}, key=lambda t: t.i))
            # read again as the act itself: "pledged support" is support expressed now, no intention
            again = coder.modality(head, row.code, trigger, FRAME_OF_ROOT.get(row.code[:2], ""))
            cand.code, cand.frame, cand.trigger = again.code, again.frame, trigger
            cand.hypothetical, cand.negated = again.hypothetical, again.negated
            cand.layers = [head, noun]


def addressee(top: Token, args: Arguments, own: frozenset[str]) -> list[str]:
    """Whom a verbal act stated as a purpose is addressed to: the object of the verb it is the purpose
    of ("summoned the ambassador to complain about ...", "called Erdogan to express support")."""
    if top.dep_ not in PURPOSE_DEPS or not to_infinitive(top):
        return []
    verb = top.head
    if not is_verbal(verb) or not any(c.dep_ == "dobj" for c in verb.children):
        return []
    return args.object_actors(verb, preps=(), exclude=own)


def issuer(top: Token, args: Arguments, table: StatementEvents) -> list[str]:
    """Who makes an act told by a participle of a document: whoever issued the document ("Amnesty
    put out a report accusing the army", "the parliament passed a resolution criticizing the
    president", "signed a decree granting citizenship"); the issuing verbs are the table's
    "@document" rows."""
    if top.dep_ != "acl" or top.tag_ != "VBG" or top.head.pos_ != "NOUN" or top.head.dep_ != "dobj":
        return []
    verb = top.head.head
    if not is_verbal(verb):
        return []
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    keys = [f"{lemma} {p}" for lemma in verb_lemmas(verb) for p in particles] + list(verb_lemmas(verb))
    if not any((DOCUMENT_KIND, key) in table.rows for key in keys):
        return []
    return args.subject_actors(verb)[0]


def taken_tokens(coder: SentenceCoder, cands: list[Candidate], skipped_tokens: Iterable[Token]) -> set[int]:
    """Tokens already part of a coded event, or passed over by the coder for a reason of its own."""
    taken = set(coder.absorbed)
    for cand in cands:
        taken.update(t.i for t in cand.layers)
        taken.update(t.i for t in cand.trigger)
        taken.add(cand.top.i)
    taken.update(t.i for t in skipped_tokens)
    return taken
