"""The promised act of a commitment and whether a sentence tells it done: act words, their families
(cues.families: "deliver" ~ "handed over") and past forms ("paid" for "pay", "took delivery of")."""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..lexicons.commitments import load_lexicon
from ..lexicons.times import load_lexicon as times_lexicon
from . import cues
from .dues import without_due
from .match import stem
from .sentences import TOKEN, Sentence
from .shares import class_named, count_part, derived_bases, short_share

# Irregular past forms and their verbs: "paid" tells the act of "pay" done ("the money be paid" ~
# "FIFA has paid all prize money").
_IRREGULAR = {"sent": "send", "gave": "give", "given": "give", "paid": "pay", "built": "build",
              "bought": "buy", "sold": "sell", "held": "hold", "made": "make", "brought": "bring",
              "cut": "cut", "put": "put", "set": "set", "kept": "keep", "freed": "free", "met": "meet",
              "won": "win", "began": "begin", "begun": "begin", "signed": "sign", "lifted": "lift"}
_IRREGULAR_PAST = frozenset(_IRREGULAR)


# Families that name a thing, not an act ("tariff", "deal"): never a commitment's act.
THING_FAMILIES = {"levy", "deal", "troops"}


@functools.lru_cache(maxsize=65536)
def _forms(word: str) -> frozenset[str]:
    """The word and what it also stands for: a stem with the final consonant doubled before -ing/-ed
    ("patroll" of "patrolling" is "patrol"), a number word as a number ("ten" is "#10")."""
    out = {word}
    if len(word) >= 6 and word[-1] == word[-2] and word[-1] in "lmnprt":
        out.add(word[:-1])
    n = times_lexicon().number(word) if word.isalpha() else None
    if isinstance(n, (int, float)) and n == int(n) and n > 1:
        out.add("#%d" % int(n))
    return frozenset(out)


def shared_score(cwords: frozenset[str], words: frozenset[str]) -> float:
    """Shared content words, a family match counting half ("deliver" ~ "handed over")."""
    direct = cwords & frozenset().union(*(_forms(w) for w in words)) if words else frozenset()
    fam = cues.families(cwords - direct) & cues.families(words - direct)
    return len(direct) + 0.5 * min(len(fam), 2)


def acts_of(content: str) -> frozenset[str]:
    """The promised acts: the act-family words of the content ("lend ... the loan agreement to be
    signed" -> lend, sign), else the verb after "to" ("X to appoint a representative"), else the
    first word."""
    toks = TOKEN.findall(content or "")
    if _accord_only(toks):
        return frozenset({stem("sign")})
    acts = {stem(tk.lower()) for tk in toks[:16] if cues.families(_verb_stems(tk)) - THING_FAMILIES}
    # a step still to come, wherever it stands ("..., with the loan agreement to be signed before June")
    acts |= {stem(m.group(1).lower()) for m in _STEP.finditer(content or "")
             if cues.families(_verb_stems(m.group(1))) - THING_FAMILIES}
    if _BE_BACK.search(content or ""):
        acts.add(stem("return"))    # to be back somewhere is to have returned there (_BE_BACK)
    if acts:
        return frozenset(acts)
    low = [t.lower() for t in toks]
    if "to" in low[:4] and low.index("to") + 1 < len(low):
        return frozenset({stem(low[low.index("to") + 1])})
    return frozenset({stem(toks[0])}) if toks else frozenset()


def _accord_only(toks: list[str]) -> bool:
    """The content is an accord named by its noun and at most two words before it ("supply agreement", "lithium
    supply agreement in Seoul"): what is promised is the accord concluded, and the words before its noun name what
    it is about ("supply" is no delivery promised)."""
    for i, tk in enumerate(toks[:3]):
        if "deal" in cues.families({stem(tk.lower())}):
            return i >= 1 and not any(_A_DET.fullmatch(t.lower()) for t in toks[:i])
    return False


_A_DET = re.compile(cues.DETERMINERS + r"|a|an")


# Verbs that carry only the tense of an act named by their noun ("took delivery", "made the payment").
_LIGHT_PAST = frozenset({"took", "made", "completed", "received"})
_STEP = re.compile(r"\bto be (\w+)", re.I)
# Being, bringing or coming back somewhere is returning there ("be back on the route", "bring its services back
# to the route", "come back to the market").
_BE_BACK = re.compile(r"\b(?:be|being|been|bring|bringing|come|coming)\b(?:\s+[\w'\u2013-]+){0,5}?\s+back\b", re.I)
# Past forms that are also nouns ("the production cut", "a new set"): after a determiner, no act.
_NOUN_TOO = frozenset({"cut", "set"})
# Where a thing handed over now is ("are now in Ukraine", "is already with the army").
_NOW_WITH = re.compile(r"\b(?:is|are) (?:now|already) (?:in|with|at)\b", re.I)


def _verb_stems(word: str) -> set[str]:
    """The word's stem, and its verb's for an irregular past ("paid" -> paid, pay)."""
    low = word.lower()
    return {stem(low)} | ({stem(_IRREGULAR[low])} if low in _IRREGULAR else set())


def is_act(word: str, acts: frozenset[str]) -> bool:
    """Whether a word is one of the promised acts or of their families."""
    st = stem(word.lower())
    fam = cues.families(acts | {stem(_IRREGULAR[a]) for a in acts if a in _IRREGULAR})
    return st in acts or bool(fam & cues.families(_verb_stems(word))) or any(st.startswith(a[:5]) for a in acts)


def _a_noun(toks: list[str], i: int) -> bool:
    """toks[i] heads a noun phrase: right after a determiner ("the cut"), or after a determiner and a
    noun that a past verb takes as its object ("postponed the production cut"; not "the government cut")."""
    def det(k: int) -> bool:
        return k >= 0 and bool(re.fullmatch(cues.DETERMINERS + r"|a|an|\w+'s", toks[k].lower()))
    if det(i - 1):
        return True
    return det(i - 2) and i >= 3 and (toks[i - 3].lower().endswith("ed") or toks[i - 3].lower() in _IRREGULAR_PAST)


def _nominal(word: str) -> bool:
    """A noun made of a verb ("settlement", "extradition"): cues._NOMINAL endings."""
    return word.lower().endswith(("ment", "ion", "al"))


def only_part(text: str) -> bool:
    """The sentence tells a share of the act ("40 percent of its guns", "the first batch"): not it done."""
    return bool(cues.PARTIAL.search(text) or cues.FIRST_PART.search(text) or count_part(text))


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """The words of `text` (sentences.TOKEN) and the offset each starts at, in one pass."""
    found = list(TOKEN.finditer(text))
    return [m.group() for m in found], [m.start() for m in found]


def done_act(sentence: Sentence, acts: frozenset[str], promised=None) -> bool:
    """One of the commitment's acts (or of its family) told as done in this sentence; an act told by a
    verb of motion (data: motion_verbs, "arrived", "landed") only of the promised thing (`promised`,
    promised_things): "the planes landed in Manila" tells nothing of the generators."""
    if not acts or only_part(sentence.text):
        return False
    toks, starts = _tokens(sentence.text)
    for i, tk in enumerate(toks):
        low = tk.lower()
        if not (low.endswith("ed") or low in _IRREGULAR_PAST) or not is_act(low, acts):
            continue
        if low in _NOUN_TOO and _a_noun(toks, i):
            continue        # "postponed the production cut": a noun, no act told done
        if promised is not None and _other_moved(sentence.text, low, starts, i, promised):
            continue
        if promised is not None and _other_given(sentence.text, toks, starts, i, promised):
            continue        # "delivered two flight simulators" under a promise of jets: other goods given
        if not _told_done(sentence, starts[i], " ".join(toks[:i])):
            continue        # negated, planned or only begun; "denied that the president had agreed to a swap"
        if "no" in (t.lower() for t in toks[i + 1:i + 3]):
            continue        # "had given Serbia no guarantee", "paid no compensation": nothing done
        return True
    for i, tk in enumerate(toks[:-1]):
        # a light verb told done with the act as its noun ("took delivery of", "made the payment")
        if tk.lower() in _LIGHT_PAST and \
                not _not_done_at(sentence, starts[i],
                                 bool(cues.NEGATION.search(" ".join(toks[max(0, i - 3):i])))) and \
                any(is_act(n, acts) for n in toks[i + 1:i + 3] if n.lower() not in ("the", "a", "an")):
            return True
    now = _NOW_WITH.search(sentence.text)
    if cues.families(acts) & {"transfer"} and now:
        return True     # the result of a handover: "the systems Berlin promised are now in Ukraine"
    if now and promised is not None and cues.families(acts) & {"pay"} and \
            _matches(_subject(sentence.text[:now.start()]), promised):
        return True     # of a payment, the money with the side paid: "the money is now in our accounts" (its
                        # subject names the money: not "Jordan is now in talks over the money")
    for m in _SIGNED_ACT.finditer(sentence.text):
        if _nominal(m.group(1)) and is_act(m.group(1), acts) and _signed_done(sentence, m):
            return True     # "Bayer signed a settlement with the plaintiffs" of a promise to settle
    if cues.families(acts) & _CONTRACTED:
        for m in _SIGNED_TO.finditer(sentence.text):
            if is_act(m.group(1), acts) and _signed_done(sentence, m):
                return True     # a sale is made by its contract: "signed an agreement on Monday to sell"
    for ev in sentence.events:
        words = (ev.get("trigger") or {}).get("text") or ""
        trig = trigger_word(ev)
        if not_done(ev) or not trig:
            continue
        if cues.NEGATION.search(words):
            continue        # "reached no agreement": the object denied, nothing done (as "paid no" above)
        if promised is not None and (_other_moved_at(sentence, ev, trig, promised)
                                     or other_given_at(sentence, ev, promised)):
            continue
        if stem(trig) in _commitment_nouns():
            continue        # "extending a deadline" (139 give ultimatum): the commitment given, not its act done
        if is_act(trig, acts):
            return True
    return False



@functools.lru_cache(maxsize=1)
def _commitment_nouns() -> frozenset[str]:
    """Stems of the nouns that name a commitment other than an accord (data/commitments.yaml nouns:
    "deadline", "ultimatum", "pledge"): an event they trigger gives or names the commitment, it is never
    the promised act done. An accord's nouns ("truce", "deal") may be the act agreed."""
    return frozenset(stem(n) for n, v in load_lexicon().nouns.items() if v.get("kind") != "agreement")


# Acts done by signing their contract (a sale, a purchase): "signed an agreement to sell" is the sale made.
_CONTRACTED = {"sell", "buy"}
_SIGNED_TO = re.compile(r"\b(?:signed|sealed|struck|inked|clinched)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}"
                        r"(?:agreement|deal|contract|accord)\b(?:\s+[\w-]+){0,3}?\s+to\s+([a-z]+)", re.I)
# An act done by signing or reaching the accord that is its own noun ("signed a settlement" of a promise to
# settle): the act's nominal as the thing signed, not as the kind of another accord ("signed a payment deal"
# is no payment made).
_SIGNED_ACT = re.compile(r"\b(?:signed|sealed|reached|struck|inked|clinched)\s+(?:a|an|the)\s+([a-z]+)\b"
                         r"(?!\s+(?:deal|agreement|accord|contract|pact|treaty|plan|framework)s?\b)", re.I)


def _signed_done(sentence: Sentence, m: re.Match) -> bool:
    return not _not_done_at(sentence, m.start(),
                            bool(cues.NEGATION.search(sentence.text[max(0, m.start() - 24):m.start()])))


def verb_set(acts: frozenset[str]) -> set[str]:
    return set(acts) | {stem(_IRREGULAR[a]) for a in acts if a in _IRREGULAR}


# A thing sent, deployed or handed over for a purpose ("send ten warships to patrol the Baltic"): once it
# has begun that purpose ("the warships began patrolling"), it was sent.
_SENT_FOR = re.compile(r"\b(?:send|sent|deploy|dispatch|deliver|ship|provide|supply|hand)\w*\b[^.;]{0,80}?"
                       r"\bto ([a-z]+)\b")
_BEGUN = re.compile(r"\b(?:began|begun|begin|begins|started|starts|start)\s+(?:to\s+)?([a-z]+)", re.I)


def purposes_of(content: str) -> frozenset[str]:
    """The purpose verbs of a transfer in the content ("send warships to patrol the Baltic" -> patrol)."""
    out = set()
    for m in _SENT_FOR.finditer(content or ""):
        w = m.group(1)
        if w not in ("the", "a", "an", "its", "their", "his", "her", "be") and not cues.families({stem(w)}) & {"transfer"}:
            out.add(stem(w))
    return frozenset(out)


def purpose_begun(sentence: Sentence, purposes: frozenset[str]) -> bool:
    """What was sent told as doing what it was sent for ("began patrolling the Baltic")."""
    for m in _BEGUN.finditer(sentence.text) if purposes else ():
        before = sentence.text[max(0, m.start() - 24):m.start()]
        if not _not_done_at(sentence, m.start(1), bool(cues.NEGATION.search(before) or cues.NOT_YET_BEFORE.search(before))) \
                and is_act(m.group(1), purposes):
            return True
    return False



# ---- met by arrival: the promised thing reached the receiving side -------------------------------
# (data/commitments.yaml arrival_verbs, receipt_verbs, money_words, currency_words)

_DET = re.compile(cues.DETERMINERS + r"|a|an|all|some|every", re.I)
# Participles that point a noun phrase back at a commitment ("the promised systems", "the howitzers
# pledged by Helsinki"): whatever its head, the thing is the promised one.
_PROMISED = frozenset({"promised", "pledged", "guaranteed", "offered", "committed", "agreed"})
# Nouns of a share or a load of what was promised ("the last of the promised ...", "the final batch"):
# beside a promise participle they point back at the promised thing, as any noun of the content does.
_PORTION = frozenset(stem(w) for w in ("last", "rest", "remainder", "balance", "bulk", "final", "batch", "shipment",
                                       "consignment", "delivery", "cargo", "load", "lot", "all", "one", "ones"))
# Words that close a subject or an object noun phrase ("... from the IMF", "... on Friday"); "of" does not
# ("the final batch of the howitzers": the howitzers are what arrived).
_PHRASE_END = frozenset({"from", "on", "in", "at", "by", "for", "to", "into", "onto", "with", "after", "before",
                         "since", "under", "via", "through", "over", "last", "next", "that", "which",
                         "who", "when", "while", "as", "than"})
# (a comma right before a digit separates thousands, "300,000 tonnes": no clause ends there)
_CLAUSE = re.compile(r"[,;:](?!\d)|\b(?:and|but|while|after|before|as|when|because|since|although|though)\b", re.I)
_RELATIVE = re.compile(r",\s*(?:which|who|that|whose)\b[^,;]*,", re.I)
# A noun phrase set off by commas after the subject, saying what it is ("The loan from CAF, the regional
# development bank, was credited"): no clause of its own (no verb of saying or past form in it).
_APPOSITION = re.compile(r",\s*(?:the|a|an)\s+(?![^,;]*\b(?:said|says|told|\w+ed)\b)[^,;.]{1,60},", re.I)


@functools.lru_cache(maxsize=None)
def _verb_res() -> dict[str, re.Pattern]:
    lists = load_lexicon().word_lists
    return {k: re.compile(r"\b(?:%s)\b" % "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in
                                                     sorted(lists[k], key=len, reverse=True)), re.I)
            for k in ("arrival_verbs", "receipt_verbs")}


@functools.lru_cache(maxsize=4096)
def promised_things(content: str, sides: frozenset[str]) -> tuple[frozenset[str], frozenset[str], bool]:
    """What a commitment promises, as nouns a follow-up may make the subject of an arrival: the content's
    words but its verb, the sides' names and agreement nouns (an agreement does not arrive); its amounts;
    and whether it is money (a currency or money word)."""
    toks = TOKEN.findall(without_due(content or ""))
    low = [t.lower() for t in toks]
    verbs = {0} | {i + 1 for i, t in enumerate(low) if t == "to"}
    stop = load_lexicon().link_stopwords
    things, numbers = set(), set()
    for i, w in enumerate(low):
        if w in stop or i in verbs:
            continue
        if w[0].isdigit():
            numbers.add("#" + w.replace(",", ""))
            continue
        numbers |= {f for f in _forms(w) if f[0] == "#"}      # a count in words ("two corvettes")
        st = stem(w)
        if len(st) >= 3 and st not in sides and not cues.families({st}) & {"deal"}:
            things.add(st)
    currencies = load_lexicon().word_lists["currency_words"]
    money = any(w in currencies for w in low) or any(ch in (content or "") for ch in "$€£¥")
    return frozenset(things), frozenset(numbers), money


def _heads(tokens: list[str]) -> tuple[set[str], set[str], bool]:
    """The heads of a noun phrase and of its of-phrases ("the final batch of the 20 howitzers" -> batch,
    howitzers; names are skipped: "the two Patriot systems Berlin" -> systems), its numbers, and whether
    a promise participle points it back."""
    heads, numbers, back = set(), set(), False
    last = None
    for k, tk in enumerate(tokens):
        low = tk.lower()
        if low in _PROMISED:
            back = True
            if k and not _DET.fullmatch(tokens[k - 1]):
                break               # "the howitzers pledged by Helsinki": the phrase ends
            continue
        if low in _PHRASE_END and not (low in ("last", "next") and k and _DET.fullmatch(tokens[k - 1])):
            break           # "from the IMF", "last month"; not "the last of the generators"
        if low == "of":
            if last:
                heads.add(last)
            last = None
            continue
        if tk[0].isdigit():
            numbers.add("#" + low.replace(",", ""))
            continue
        if low in _AUXILIARIES:
            continue        # "the corvettes Ankara had promised": a verb's auxiliary, no noun of the phrase
        if k and low in _SUBJECT_PRONOUNS:
            break           # "the boats it promised": a relative clause's subject, the phrase has ended
        if (tk[0].islower() and not _DET.fullmatch(low)) or (k and tokens[k - 1][0].isdigit()):
            last = stem(low)    # a capitalised word a count counts is its noun ("the 200 Afghans")
    if last:
        heads.add(last)
    return heads, numbers, back


def _matches(tokens: list[str], promised: tuple[frozenset[str], frozenset[str], bool]) -> bool:
    """A noun phrase names the promised thing: a head shared with the content, a share of it with a
    promise participle ("the last of the promised ones"), a money word or the amount of a money
    commitment; no other amount, and no other thing however it is pointed back ("the tanks promised by")."""
    things, numbers, money = promised
    heads, nums, back = _heads(tokens)
    if nums and numbers and not nums & numbers:
        return False        # "200 generators" are not the 30 tonnes promised
    if heads & things or (back and heads <= _PORTION) or derived_bases(heads) & derived_bases(things) \
            or class_named(tokens, things, _PHRASE_END):
        return True     # "the promised systems" of a pledge of systems; "the last of the promised ones"
    return money and bool(heads & {stem(w) for w in load_lexicon().word_lists["money_words"]} or nums & numbers)


@functools.lru_cache(maxsize=1)
def _reported_that() -> re.Pattern:
    """A reporting verb (the events lexicon's `report` rows) and the "that" opening what it reports, a few
    words of adjunct between ("said on Thursday that"): the reported clause's subject comes after it."""
    from ..lexicons.events import load_lexicon as event_lexicon
    irregular = {"say": ["said", "says"], "tell": ["told", "tells"]}
    forms = set()
    for lemma in event_lexicon().report:
        base = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= set(irregular.get(lemma, [])) | {lemma + "s", base + "ed"}
    return re.compile(r"\b(?:%s)\b(?:\s+[\w'-]+){0,4}?\s+that\s" % "|".join(sorted(forms)), re.I)


def _subject(before: str) -> list[str]:
    """The tokens of the subject of a verb, from the text before it: its clause (a reported one after
    "said on Thursday that"), a relative clause between commas left out ("The money, which Brussels held
    back in June, arrived")."""
    last = None
    for last in _reported_that().finditer(before):
        pass
    if last is not None:
        before = before[last.end():]
    return TOKEN.findall(_CLAUSE.split(_APPOSITION.sub(" ", _RELATIVE.sub(" ", before)))[-1])[-14:]


def _names_other(subject: list[str], promised) -> bool:
    """A subject that names a thing, and not the promised one ("the planes landed"); a pronoun or a name
    alone ("They arrived on Wednesday") names none and may be the promised thing."""
    heads, nums, _ = _heads(subject)
    return bool(heads or nums) and not _matches(subject, promised)


def _other_moved(text: str, verb: str, starts: list[int], i: int, promised) -> bool:
    """The i-th token (at offset starts[i]), a verb of motion, has a subject that is not the promised thing."""
    if verb not in load_lexicon().word_lists["motion_verbs"]:
        return False
    return _names_other(_subject(text[:starts[i]]), promised)


# Particles of a verb of giving ("handed over", "sent back"): its object follows them.
_GIVE_PARTICLES = frozenset({"over", "back", "out", "off", "up", "in"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_AUXILIARIES = _BE | {"has", "have", "had", "will", "would", "may", "might", "can", "could", "should", "must"}
_OBJECT_PRONOUNS = frozenset({"them", "it", "those", "these", "this", "that"})
_SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you"})


def _other_given(text: str, toks: list[str], starts: list[int], i: int, promised) -> bool:
    """The i-th token, a verb of giving (cues' transfer family: "delivered", "handed over", "received"),
    gives a thing that is named and is not the promised one: its object ("delivered two flight simulators"
    under a promise of jets), or a passive's subject ("the ambulances were handed over"). An object that
    names no thing ("supplied Ukraine with ...", "handed them over") may be the promised thing."""
    if not cues.families(_verb_stems(toks[i])) & {"transfer"} or \
            toks[i].lower() in load_lexicon().word_lists["motion_verbs"]:
        return False        # a verb of motion has its own reading (_other_moved)
    prev = [t.lower() for t in toks[max(0, i - 2):i]]
    if prev and (prev[-1] in _BE or (len(prev) == 2 and prev[0] in _BE and prev[1].endswith("ly"))):
        # "were finally handed over": the passive's subject, its auxiliaries left out; none named ("arrived
        # ... and were handed over") may be the promised thing
        subject = [t for t in _subject(text[:starts[i]]) if t.lower() not in _AUXILIARIES and not t.endswith("ly")]
        return bool(subject) and _names_other(subject, promised)
    k = i + 1
    while k < len(toks) and toks[k].lower() in _GIVE_PARTICLES:
        k += 1
    if k >= len(toks) or toks[k].lower() in _OBJECT_PRONOUNS:
        return False        # "handed them over": a pronoun may stand for the promised thing
    return _names_other(TOKEN.findall(re.split(r"[,;:.](?!\d)", text[starts[k]:])[0])[:12], promised)


def gives_other(sentence: Sentence, acts: frozenset[str], promised) -> bool:
    """The sentence tells one of the promised acts (or of its family) given to another thing than the
    promised one ("Boeing has delivered two 737 MAX simulators" of a promise of 737 MAX jets): its words of
    the act report another delivery, not this one."""
    if not acts or promised is None:
        return False
    text = sentence.text
    toks, starts = _tokens(text)
    return any(is_act(tk, acts) and _other_given(text, toks, starts, i, promised) for i, tk in enumerate(toks)
               if tk.lower().endswith("ed") or tk.lower() in _IRREGULAR_PAST)


def other_given_at(sentence: Sentence, ev: dict, promised) -> bool:
    """An event triggered by a verb of giving that gives another thing than the promised one (_other_given):
    "delivered 50 tanks" is military aid as "delivered the 5,000 missiles" is, but not the missiles."""
    lo = ((ev.get("trigger") or {}).get("span") or [None])[0]
    if lo is None or not sentence.span[0] <= lo < sentence.span[1]:
        return False
    text = sentence.text
    toks, starts = _tokens(text)
    at = lo - sentence.span[0]
    if at not in starts:
        return False
    return _other_given(text, toks, starts, starts.index(at), promised)


def _other_moved_at(sentence: Sentence, ev: dict, trig: str, promised) -> bool:
    """An event triggered by a verb of motion whose subject is not the promised thing."""
    if trig.lower() not in load_lexicon().word_lists["motion_verbs"]:
        return False
    lo = ((ev.get("trigger") or {}).get("span") or [None])[0]
    if lo is None or not sentence.span[0] <= lo < sentence.span[1]:
        return False
    return _names_other(_subject(sentence.text[:lo - sentence.span[0]]), promised)


def _event_at(sentence: Sentence, start: int) -> Optional[dict]:
    """The sentence's event whose trigger holds the word at text offset `start` (of the article), or None."""
    for e in sentence.events:
        span = (e.get("trigger") or {}).get("span") or []
        if len(span) == 2 and span[0] is not None and span[0] <= start < span[1]:
            return e
    return None


def _not_done_at(sentence: Sentence, start: int, window: bool) -> bool:
    """Whether the act word at offset `start` (relative to the sentence) is told not done: by the record of
    the event it triggers where there is one (acts.not_done), else by `window` (the text before it)."""
    ev = _event_at(sentence, sentence.span[0] + start)
    return not_done(ev) if ev is not None else window


def _told_done(sentence: Sentence, start: int, before: str) -> bool:
    """The act verb at offset `start` (relative to the sentence), after the words `before`, is told done:
    no denial before it, and not negated, planned, expected or only begun: by the record of the event the
    verb triggers (read on the parse), else in the four words before it (_not_done_at; done_act and
    arrived read the same)."""
    if "denied" in cues.status_cues(before):
        return False
    near = " ".join(t for t in TOKEN.findall(before)[-4:] if t != "May")     # "in May" names a month, no modal
    return not _not_done_at(sentence, start, bool(cues.NEGATION.search(near) or cues.UNDER_WAY.search(near)))


def arrived(sentence: Sentence, promised: tuple[frozenset[str], frozenset[str], bool], receiver=None) -> bool:
    """The promised thing told as having reached the other side: an arrival verb told done whose subject
    (or passive subject) names it ("the last of the promised generators crossed into Moldova", "the money
    arrived in the central bank's accounts"), or a receipt verb whose subject is the receiving side and
    whose object names it ("Moldova has received the ambulances"). `receiver(text)`: the text names the
    receiving side. Not when only part arrived ("only part of", "the first of")."""
    text = sentence.text
    if only_part(text):
        return False
    res = _verb_res()
    for m in res["arrival_verbs"].finditer(text):
        before = text[:m.start()]
        toks = _subject(before)
        if not toks or not _told_done(sentence, m.start(), _RELATIVE.sub(" ", before)):
            continue
        if _matches(toks, promised) and not short_share(toks, promised):
            return True
    if receiver is None:
        return False
    for m in res["receipt_verbs"].finditer(text):
        before = text[:m.start()]
        subject = " ".join(_subject(before))
        obj = re.split(r"[,;:.]", text[m.end():])[0]
        if not subject or not receiver(subject) or \
                not _told_done(sentence, m.start(), _RELATIVE.sub(" ", before)):
            continue
        obj_toks = TOKEN.findall(obj)[:12]
        if _matches(obj_toks, promised) and not short_share(obj_toks, promised):
            return True
    return False


# ---- the promised act typed by the events' codebook ----------------------------------------------
# The content is typed with the verb rows of the events extractor's lexicon (data/event_lexicon.tsv:
# verb, phrasal, verb + object), so a follow-up's event (coded from its parse by the same rows) tells the
# act done when its code fits: "send 30 tonnes of relief supplies" is 070 (provide aid) as "handed over
# the supplies" is; "lift tariffs" 080/085 as "lifted the tariffs"; "release 40 prisoners" 084.

# Words that end the promised act's object ("release prisoners by Friday", "send aid to Gaza").
_OBJECT_END = frozenset({"to", "by", "before", "after", "within", "until", "if", "unless", "or", "and", "in",
                         "on", "at", "for", "from", "under", "as", "so", "while", "when"})


@functools.lru_cache(maxsize=1)
def _event_rows() -> dict[str, list[tuple[str, str, str]]]:
    """The events lexicon's act rows by the stem of their verb: (kind, next word's stem, code). Rows of
    a frame (intent, modal, report ...) embed an act and are none themselves."""
    from ..lexicons.events import NOT_EVENT_ROOTS, load_lexicon as event_lexicon
    lex = event_lexicon()
    out: dict[str, list[tuple[str, str, str]]] = {}

    def add(verb: str, kind: str, other: str, entry) -> None:
        if entry.code and not entry.frame and entry.code[:2] not in NOT_EVENT_ROOTS:
            out.setdefault(stem(verb), []).append((kind, stem(other) if other else "", entry.code))
    for (verb, obj), e in lex.verb_obj.items():
        add(verb, "verb_obj", obj, e)
    for (verb, part), e in lex.phrasal.items():
        add(verb, "phrasal", part, e)
    for verb, e in lex.verbs.items():
        if " " not in verb:
            add(verb, "verb", "", e)
    return out


@functools.lru_cache(maxsize=4096)
def act_codes(content: str) -> frozenset[str]:
    """The CAMEO codes the content's promised act has by the events lexicon: for the first verb that
    has rows, its row with an object word of the content (up to a word that ends the object: "to",
    "by" ...), else its row with the particle after it, else its own row. Empty when no verb of the
    content is an act the codebook names ("improve its pay offer")."""
    toks = [t.lower() for t in TOKEN.findall(without_due(content or ""))][:16]
    rows = _event_rows()
    for i, tk in enumerate(toks):
        found = [r for v in _verb_stems(tk) for r in rows.get(v, ())]
        if not found:
            continue
        obj = []
        for w in toks[i + 1:i + 8]:
            if w in _OBJECT_END:
                break
            obj.append(stem(w))
        with_obj = {code for kind, other, code in found if kind == "verb_obj" and other in obj}
        if with_obj:
            return frozenset(with_obj)
        nxt = stem(toks[i + 1]) if i + 1 < len(toks) else ""
        phrasal = {code for kind, other, code in found if kind == "phrasal" and other == nxt}
        if phrasal:
            return frozenset(phrasal)
        own = {code for kind, _, code in found if kind == "verb"}
        if own:
            return frozenset(own)
    return frozenset()


def code_fits(code: Optional[str], types: frozenset[str]) -> bool:
    """An event's code is of the promised act's type: the same CAMEO code at the codebook's second level
    (a four-digit code specifies its three-digit parent: 0841 "release persons" is a 084 "return, release"),
    or one of them the root's "not specified below" code (070, 080: it says only the root, "provide aid",
    "yield"). Not the root alone: 081 (ease administrative sanctions), 084 (release) and 085 (ease
    economic sanctions) are three acts of root 08."""
    if not code or not types:
        return False
    return any(code[:3] == t[:3] or (code[:2] == t[:2] and (_unspecified(code) or _unspecified(t))) for t in types)


def _unspecified(code: str) -> bool:
    """A root code or its "not specified below" code ("07", "070")."""
    return len(code) <= 3 and code[2:3] in ("", "0")


@functools.lru_cache(maxsize=1)
def _promise_stems() -> frozenset[str]:
    """Stems of the verbs that make a commitment (data/commitments.yaml verbs) and of the participles that
    point back at one (_PROMISED)."""
    return frozenset(stem(w) for w in set(load_lexicon().verbs) | _PROMISED)


def promise_trigger(ev: dict) -> bool:
    """An event triggered by a promise verb: the codebook codes aid pledged as aid ("pledge @money",
    "offer @military": CAMEO 071, 072), but for a commitment it is the promise, not the act done."""
    trig = trigger_word(ev)
    return bool(trig) and stem(trig) in _promise_stems()


def trigger_word(ev: dict) -> str:
    """The first word of an event's trigger (its verb: "handed" of "handed over"), "" if none."""
    return ((ev.get("trigger") or {}).get("text") or "").split(" ")[0]


@functools.lru_cache(maxsize=1)
def _refusal_codes() -> frozenset[str]:
    """The codes of an act refused (data/cameo.tsv's reject column: "has not pulled its forces back" is
    1246, the refusal of 0874): the events extractor codes a negated act so, with `negated` false."""
    from ..lexicons.events import load_cameo
    return frozenset(e.reject for e in load_cameo().codes.values() if e.reject)


def not_done(ev: dict) -> bool:
    """The event record tells no act done: negated, hypothetical (planned, promised, demanded) or coded as
    the act refused."""
    return bool(ev.get("negated") or ev.get("hypothetical") or ev.get("code") in _refusal_codes())


@functools.lru_cache(maxsize=1)
def _receipts() -> dict[str, str]:
    """Receipt code -> the act code it mirrors (data/receipt_codes.tsv)."""
    from ..lexicons.loader import tsv_rows
    return {r["receipt"]: r["act"] for r in tsv_rows("receipt_codes.tsv")}


def receipt_fits(code: Optional[str], types: frozenset[str]) -> bool:
    """An event's code is the receiving side's code of the promised act ("received the peacekeepers", 0861,
    of a pledge to send peacekeepers, 074)."""
    act = _receipts().get(code or "")
    return act is not None and code_fits(act, types)

