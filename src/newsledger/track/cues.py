"""How news tells what became of a commitment, when it names no status: the words tracking reads.

General English of reporting, not of any one story. Each list says why it is there. Matching is on
lowercase sentence text (regular expressions) or on stems (match.stem), since tracking reads stored
text without a parser.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..lexicons.commitments import load_lexicon
from ..lexicons.english import load_english
from .match import stem
from .sentences import TOKEN

# Acts a commitment promises, grouped by what happens: a follow-up tells the act in other words
# ("deliver two systems" ~ "the systems were handed over"; "lift tariffs" ~ "removed the levies").
# A content word and a follow-up word in one family count as shared.
ACT_FAMILIES = {
    "transfer": ["deliver", "send", "supply", "ship", "provide", "give", "hand", "transfer", "donate",
                 "arrive", "land", "receive", "dispatch", "reach"],
    "remove": ["lift", "remove", "end", "scrap", "drop", "repeal", "suspend", "ease", "cancel", "waive"],
    "impose": ["impose", "introduce", "levy", "slap", "apply"],
    "conclude": ["sign", "conclude", "seal", "finalise", "finalize", "reach", "close", "complete", "ink",
                 "agree"],
    # the receiving side tells a payment or a handover done ("staff received the bonus")
    # paying back what is owed is paying ("refund the fees" ~ "has now been repaid")
    "pay": ["pay", "fund", "finance", "bankroll", "disburse", "allocate", "transfer", "receive", "clear",
            "settle", "lend", "loan", "grant", "refund", "repay", "repaid", "reimburse"],
    # custody of people or things passes to the other side ("extradited the two men"); an exchange or a swap of
    # prisoners is done by each side's returning them ("300 soldiers had been returned in the same exchange")
    "free": ["release", "free", "return", "repatriate", "hand", "receive", "extradite", "deport", "surrender",
             "restitute", "exchange", "swap"],
    "buy": ["buy", "purchase", "order", "acquire", "procure"],
    # the seller's side of a sale ("sell TikTok's US operations" ~ "completed the sale of"; "sold" is
    # an irregular past, acts._IRREGULAR)
    "sell": ["sell", "sale", "divest", "divestment", "divestiture", "offload"],
    "cut": ["cut", "reduce", "lower", "slash", "trim"],
    # an offer or a bid made better is raised ("improve its pay offer" ~ "raised its pay offer")
    "raise": ["raise", "increase", "boost", "lift", "improve", "sweeten"],
    # not "let", "allow", "enable": permission verbs, whose act is the verb after them ("let users set")
    "open": ["open", "reopen", "unblock"],
    "build": ["build", "construct", "open", "complete"],
    "comply": ["comply", "implement", "fulfil", "fulfill", "honour", "honor", "meet", "keep"],
    # a proposal or plan laid before others ("put forward a package" ~ "unveiled the package")
    # (filing or handing in a document is submitting it: "file its recapitalisation proposal", "handed Ofgem its
    # plan" ~ "submit a plan")
    "present": ["present", "unveil", "propose", "table", "submit", "forward", "publish", "launch", "file", "hand"],
    # forces leaving ground they hold ("pull back its forces" ~ "withdrew its troops", "began leaving")
    "withdraw": ["withdraw", "pull", "leave", "retreat", "evacuate", "vacate", "pullout", "pullback"],
    "levy": ["tariff", "levy", "duty", "duties", "tax"],
    # armed forces by any of their names ("its forces" ~ "Rwandan troops", "soldiers")
    "troops": ["troop", "soldier", "force", "army", "forces", "troops", "soldiers"],
    "deal": ["deal", "agreement", "accord", "pact", "treaty", "contract"],
    # a decision is made by approving or by rejecting ("promised a decision on the bid" ~ "approved the
    # takeover", "blocked the merger"): two families, so that approving never tells a rejection done.
    # Not "rule"/"ruling": their stem is that of the noun "rules" ("its new content rules"), no act
    "decide_yes": ["decide", "decision", "approve", "clear", "accept", "authorise", "authorize"],
    "decide_no": ["decide", "decision", "reject", "block"],
    # a service, a route or a supply taken up again ("be back on the Suez route" ~ "returned to the route");
    # a plant, a shop or a crossing reopened is its activity taken up again ("restart production at the
    # plant" ~ "the plant will reopen")
    "resume": ["resume", "return", "restore", "restart", "reopen"],
}
FAMILY_OF: dict[str, set[str]] = {}
for _fam, _words in ACT_FAMILIES.items():
    for _w in _words:
        FAMILY_OF.setdefault(stem(_w), set()).add(_fam)

# Nouns a follow-up uses to point back at a commitment of a kind group ("the deadline", "its pledge",
# "the accord"); read beside the lexicon's commitment nouns.
REFERRING_NOUNS = {
    "ultimatum": ["deadline", "ultimatum", "cutoff", "cut-off", "timeline", "threat", "order", "demand",
                  "target", "date", "period", "window", "grace"],     # "the period for X to name ..."
    # a target is also a goal ("beating the goal it set in March"); a pledge to build or invest is the project it
    # names ("its hydrogen project at Mongstad"; one with a name of its own the pledge lacks is another, refer._named_apart)
    "pledge": ["pledge", "promise", "commitment", "guarantee", "assurance", "deal", "agreement", "accord",
               "pact", "plan", "offer", "target", "goal", "timetable", "project"],
}
DETERMINERS = r"(?:the|its|their|his|her|this|that|these|those|our|his)"

# What is asked of a court or an office, which it denies by turning it down ("the judge denied a request
# by publishers to join the case"): no denial that a commitment was made.
_ASKED = (r"(?:a|an|the|its|their|his|her) (?:[\w-]+ )?(?:request|motion|appeal|bid|application|petition|"
          r"permission|visa|entry)s?\b")
TURNED_DOWN = re.compile(r"\bden(?:y|ied|ies|ying) " + _ASKED, re.I)

# A target or goal gone beyond ("exceeded its target", "beating the goal it set in March", "surpassed the
# pledge"): met, with a larger figure than the one promised.
BEYOND_TARGET = (r"\b(?:exceed|surpass|beat|beating|beats|top(?:s|ped|ping)?|overshot|overshoot|outstrip|outstripp)"
                 r"\w* (?:its|their|his|her|the|this|that|a) (?:[\w'-]+ ){0,2}?(?:target|goal|aim|pledge|promise)s?\b")

# Time given until a day ("gave Sweden until Sunday to act"): the words that set any deadline, first or
# moved; more time only when said of a deadline still running or just run out (refer: a new demand once the
# old due is long past).
GIVEN_UNTIL = r"\b(?:grant|give|gave|given|allow)\w* (?:\w+ ){0,3}until\b"
GIVEN_UNTIL_RE = re.compile(GIVEN_UNTIL, re.I)

# Each status as told by what happened. Patterns are tried on one sentence; `\b` keeps words whole.
_P = {
    # the promised act will not happen, by the holder's decision
    "withdrawn": [
        # "shelved", not "on shelves"
        r"\b(?:scrap|scrapp|abandon|withdr[ae]w|withdraws?|revok|rescind|retract|shelv(?=ed|ing)|call(?:s|ed)? off|"
        r"walk(?:s|ed)? back|backtrack|drop(?:s|ped)?|dropping|cancel)\w*",
        r"\bno longer (?:intends?|plans?|wants?|seeks?|pursues?|needed|going)\b",
        # leaving an accord: "pulled out of the accord", "quit the pact", "walked away from the deal"
        r"\b(?:pull(?:s|ed|ing)?|back(?:s|ed|ing)?|opt(?:s|ed|ing)?) out of\b", r"\bwalk(?:s|ed|ing)? away from\b",
        # ended by the holder in an idiom ("pulled the plug on its hydrogen project", "put the plan on ice")
        r"\bpull(?:s|ed|ing)? the plug on\b", r"\b(?:put|puts|putting) (?:[\w'-]+ ){0,4}?on ice\b",
        # "has put the restart of its smelter on hold": stopped with no day to go on, as "on ice" (a day given,
        # "on hold until June", is more time: refer reads HELD_FOR_A_TIME)
        r"\b(?:put|puts|putting) (?:[\w'-]+ ){0,8}?on hold\b(?! (?:until|till|pending)\b)",
        r"\b(?:quit|quits|exit(?:s|ed)?|terminat\w*|tore up|tears? up|ripp?(?:ed)? up) (?:the|its|their|a)\b",
        r"\b(?:will|would|is|are|was|were)(?: not|n't) (?:go(?:ing)? ahead|pursue|proceed|be (?:doing|imposing))\b",
        r"\b(?:not|n't|never) (?:going to |be )?(?:impos|do|doing|pursu|proceed|buy|purchas|send|deliver)\w*\b",
        r"\b(?:won't|will not|would not|wouldn't) (?:impose|do|buy|go|send|deliver|pursue|cut)\b",
    ],
    # the due date passed and the act did not happen
    "missed": [
        r"\bfail(?:s|ed)? to\b", r"\bmiss(?:ed|es)? (?:the|its|their|a)\b",
        # "with no" says "without" ("lapsed with no change to the model")
        r"\b(?:passed|expired|lapsed|elapsed|ran out|run out|came and went|slipped) (?:\w+ ){0,2}(?:without|with no)\b",
        # the time given told over, the act told not done in the clause joined to it ("the 14 days are up and
        # not one lorry has crossed", "the time we gave them has elapsed and the plan has still not come"): the
        # subject is a span of time or a deadline ("prices are up and not only ..." is no lapse)
        r"\b(?:days?|weeks?|months?|hours?|time|deadline|ultimatum|cut-?off|period|window)\b(?: [\w'-]+){0,5}? "
        r"(?:is|are|was|were|has|have|had)(?: now| already)?(?: been)? (?:up|over|gone|elapsed|expired|lapsed|passed|"
        r"run out)\b[,;]? (?:and|but|yet)\b(?: [\w'-]+){0,8}? (?:not|no|none|nothing|never|yet to)\b",
        # or with what it demanded changed told as still as it was ("expired on Monday with electricity
        # tariffs unchanged", "ran out with the levies still in place"): the demand went unmet
        r"\b(?:passed|expired|lapsed|ran out) (?:\w+ ){0,2}with (?:[\w'-]+ ){1,4}?(?:unchanged|intact|still in "
        r"(?:place|force))\b",
        r"\bwithout (?:a|an|any) (?:deal|agreement|accord|contract|signature)\b",
        # the date gone by with nothing done ("The date set by the court has come and gone")
        r"\b(?:came and went|(?:has|have|had) come and gone)\b",
        r"\bfell short\b", r"\bdid not (?:meet|sign|conclude|deliver)\b", r"\bslip(?:s|ped)? past\b",
        # meeting a deadline or a target is keeping its date: not met in the perfect ("has not met the
        # end-July deadline") says the date went by unkept, as "did not meet" does ("not yet met": still
        # owed; "have not met since March": people meeting, no date)
        r"\b(?:has|have|had)(?: not|n't) met (?:[\w'-]+ ){0,3}(?:deadline|target|date|goal|timetable|cut-?off)s?\b",
        # an act told not done by the deadline ("did not hand in its reply by Monday's deadline"); not
        # words withheld ("did not say whether it would reply by the deadline")
        r"\b(?:did|had|has|have|was|were)(?: not|n't)\b(?! (?:say|said|confirm|comment|disclose|specify|know|"
        r"respond|answer)\b)[^.;]{0,80}?\b(?:by|before) (?:the|its|their|\w+'s) "
        r"(?:deadline|cutoff|cut-off|due date)\b",
        r"\bno (?:deal|agreement) (?:was|had been) (?:reached|signed)\b", r"\bbroke (?:its|their|his|her) (?:promise|pledge|word)\b",
        # a share short of the whole told as the time ran out ("Only five of the 12 bridges were working when the
        # regulator's 45-day period ran out", "only 40 of the 90 buses were running by the deadline"): not done
        r"^(?=.*\bonly (?:[\w,.-]+ ){1,2}of (?:the|its|their) )(?=.*(?:\b(?:deadline|cut-?off|period|time|days?|"
        r"weeks?|months?|window)\b(?: [\w'-]+){0,3}? (?:ran out|run out|expired|passed|lapsed|elapsed|(?:was|were) up)\b|"
        r"\b(?:by|at) (?:the |its |their )?(?:[\w-]+'s )?(?:deadline|cut-?off|due date)\b))",
    ],
    # more time: a new due date
    "extended": [
        r"\bextend\w*", r"\bpostpon\w*", r"\bdelay(?:s|ed|ing)?\b", r"\bpush(?:es|ed)? (?:back|the deadline|it)\b",
        r"\bpushed (?:\w+ ){0,3}(?:deadline|date|cutoff)\b", r"\bhold(?:s|ing)? off\b", r"\bheld off\b",
        r"\bput(?:s|ting)? off\b", r"\bput(?:s|ting)? back (?:to|until|till|by)\b",    # "put back to Sept. 15 the payment"
        r"\b(?:more|extra|additional|further|another) (?:\w+ )?(?:days?|weeks?|months?|time)\b",
        GIVEN_UNTIL, r"\bnew deadline\b",
        # "put back the second payment to Moldova to July 1": the object between the verb and the new bound
        r"\bput(?:s|ting)? back\b(?: [\w'-]+){1,8}? (?:to|until|till)\b",
        # the date moved to a later one ("the handover has slipped to July 1", "rescheduled the payment for July 1",
        # "was moved to July 1", "will open a week later than planned"); not "moved forward", which is earlier
        r"\bslip(?:s|ped|ping)? (?:back )?(?:to|until|till|into)\b", r"\breschedul\w*",
        r"\bmov(?:e|es|ed|ing) (?:back )?(?:to|until|till)\b(?! \w+ (?:office|headquarters|city)\b)",
        r"\b(?:days?|weeks?|months?|years?) later than (?:planned|promised|scheduled|expected|agreed)\b",
        # a new date set for the act ("a new date of June 15", "a new target date", "a new timetable")
        r"\bnew (?:target |due |completion |delivery |opening |start )?(?:date|timetable|timeline)\b",
        # the act denied until a later day ("will not get their refunds until June 15", "won't open till
        # May"): done then, later than promised; more time once its sentence names a day past the due
        # (refer reads no extension where it names none: "will not send troops until the vote")
        r"(?:\bnot|\bnever|n't)\b(?: [\w'-]+){1,10}? (?:until|till)\b",
        # the act to come told again as planned from now on ("will now complete the connections by the end of
        # June", "now expects to finish"): a new plan, more time once its sentence names a later due (refer
        # reads no extension where it names none)
        r"\b(?:will|would) now\b", r"\bnow (?:expects?|plans?|aims?|intends?) to\b",
    ],
    # the holder side or the other side says it is not so
    "denied": [
        r"\bden(?:y|ied|ies|ying)\b(?! " + _ASKED + ")", r"\bno such\b", r"\bnever (?:promised|agreed|pledged|gave|made|offered)\b",
        r"\brefut\w*", r"\bdismiss(?:ed|es)? (?:reports?|claims?)\b",
        # the other side's telling rejected ("rejected Beijing's account of the talks", "rejected the claim")
        r"\breject(?:s|ed|ing)? (?:the |[\w'-]+'s? )?(?:account|claims?|reports?|assertions?|version)\b",
        # a telling rejected by its content ("rejected Italian claims that the two had struck a deal"); a
        # claim with no "that" may be a demand ("rejected the union's pay claim")
        r"\breject(?:s|ed|ing)? (?:the )?(?:[\w'-]+ )?(?:claims?|reports?|assertions?|suggestions?) that\b",
        # none said to exist, or none signed up to ("There is no agreement on any March date", "had signed
        # up to no timetable"); the perfect of "agree" denies one was made ("Washington had not agreed to pause")
        r"\bthere (?:is|was|has been|had been) no (?:such )?(?:agreement|deal|accord|understanding|commitment|"
        r"promise|pledge|guarantee|assurance|undertaking)s?\b(?! yet)",
        r"\b(?:signed|signs|sign) up to no\b",
        # the perfect or the past of a commitment verb denied: none was made ("Turkey has not committed to release
        # any set volume", "Washington had not agreed to pause", "did not promise to")
        r"\b(?:has|have|had|did)(?: not|n't) (?:agreed|agree|committed|commit|promised|promise|pledged|pledge) to\b",
        # "had given Serbia no guarantee", "made no commitment": the holder says none was given;
        # "has received no commitment from Moscow": the other side says none was received
        # "has made no agreement with Pakistan to reopen": of an agreement, either side says none was made
        r"\b(?:made|make|makes|gave|given|give|offered|had|received|receives|got) (?:\w+ )?no (?:such )?(?:commitment|promise|pledge|"
        r"guarantee|assurance|undertaking|agreement|deal|accord)s?\b",
        # the same said with the verb denied ("has not made any commitment to finance", "did not give Serbia any
        # guarantee"): none was given
        r"\b(?:has|have|had|did|does|do)(?: not|n't) (?:made|make|given|give|offered|offer) (?:\w+ )?(?:any|a) "
        r"(?:such )?(?:commitment|promise|pledge|guarantee|assurance|undertaking)s?\b",
    ],
    "met": [
        BEYOND_TARGET,
        r"\bfulfill?(?:s|ed)?\b", r"\bhonou?r(?:s|ed)\b", r"\bkept (?:its|their|his|her) (?:promise|pledge|word)\b",
        r"\bcarried out\b", r"\b(?:made|make|makes|making) good on\b", r"\bdelivered on\b", r"\bcompli(?:ed|es)\b", r"\bhas complied\b",
        r"\bdelivered what\b", r"\bfollowed through\b",
    ],
    "unconfirmed": [
        r"\b(?:did|has|have|had) not (?:immediately )?confirm\w*", r"\bdeclined to (?:confirm|comment)\b",
        r"\bwould not confirm\b", r"\bno (?:immediate )?(?:confirmation|comment)\b",
        r"\bdoes not comment\b", r"\bdid not (?:immediately )?(?:respond|comment)\b",
    ],
    "confirm": [
        r"\bconfirm(?:s|ed|ing)?\b", r"\breaffirm\w*", r"\breiterat\w*", r"\bstands? by\b",
        r"\bstill expect\w*", r"\bon (?:track|course|schedule)\b", r"\bremains? (?:committed|on the table)\b",
    ],
}
STATUS_PATTERNS = {k: [re.compile(p, re.I) for p in v] for k, v in _P.items()}

# The span of time an ultimatum or a deadline gave, pointed back at by the giving ("the 14 days Poland gave
# Belarus", "the time we granted them", "the 30 days given to the operator"); not a span of something else
# ("the three days of talks gave both sides hope"). refer._BACKREF_VERB reads it with the ultimatum group.
TIME_GIVEN = (r"\bthe (?:[\w-]+ )?(?:days|weeks|months|hours|time)(?! (?:of|in|on|at|for|with|to|since|after)\b)"
              r"(?: [\w'-]+){1,3}? (?:had )?(?:gave|granted)\b|"
              r"\b(?:days|weeks|months|hours|time) (?:given|granted) (?:to|by)\b")

# A negated act bounded by a time it lasts ("the tariff will not be imposed while talks continue", "will
# not send troops until the vote", "pending a review", "for now"): held off for that time, not given up.
HELD_FOR_A_TIME = re.compile(r"\b(?:while|until|till|pending|as long as|so long as|for now|for the time being)\b", re.I)

# An act told as only begun is no act done ("began releasing water", "talks are under way").
UNDER_WAY = re.compile(r"\b(?:beg[ua]n|start(?:ed|s|ing)?|under way|underway|preparing|plans? to|"
                       r"intends? to|expects? to|will|would|could|may|might|aims? to|seeks? to|is to|are to|"
                       # an infinitive or a hope is no act done ("expected the contract to be signed")
                       r"to be|to have|expect(?:ed|s|ing)?|hope[sd]?|should|due to|set to)\b", re.I)
# Only part of the act done ("withdrew about 40 percent of its guns", "only part of the weaponry"):
# progress, not the promise kept.
PARTIAL = re.compile(r"\b(?:only|just|partly|partially|part of|some of|half of|a (?:third|quarter|fraction) of|"
                     r"\d+(?:\.\d+)? ?(?:percent|per cent|%) of|most of)\b", re.I)
# The first share of what was promised ("the first of the howitzers", "the first batch"): progress, not
# the whole; not "the first tranche", which names one whole payment, nor "the first two systems" (of two
# promised: a count, read against the promised one).
FIRST_PART = re.compile(r"\b(?:first|initial)\s+(?:of|few|batch|batches|shipment|shipments|consignment|part|"
                        r"portion|deliveries|instalment of|installment of)\b", re.I)
# A denied act: English's negators and negating prepositions (data/english.yaml, the words nlp/grammar
# reads on a parse), matched in text since tracking reads stored sentences; "yet to" ("has yet to pay")
# says the act is still to come.
_DENYING = sorted(load_english().negators | load_english().negating_preps, key=len, reverse=True)
# A contraction ends its word ("hasn't", "won't"): "n't" is matched at the word's end, not as a word of its own.
NEGATION = re.compile(r"\b(?:%s|yet to)\b|(?:n't|n\u2019t)\b" % "|".join(map(re.escape, _DENYING)), re.I)
# Right before a verb: what follows is only planned or possible ("will begin patrolling", "plans to").
NOT_YET_BEFORE = re.compile(r"\b(?:will|would|to|may|could|plans?)\s*$")
# Past or perfect telling: the act is reported as done.
DONE = re.compile(r"\b(?:has|have|had|was|were|is now|are now|now)\b|\b\w+ed\b", re.I)


# A participle after a preposition (and a determiner) describing the noun after it ("refunds to passengers on
# cancelled flights", "compensation for the dropped routes"): an attribute of a thing, not an act told.
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:on|of|for|from|with|by|to|in|about|over|after)\s+(?:(?:the|its|their|his|her|all)\s+)?$", re.I)
_NEXT_WORD = re.compile(r"\w+(?:ed|led)\s+([a-z][\w-]*)")


def attributive(text: str, start: int, nouns) -> bool:
    """The status word at `start` is a participle used as an adjective: after a preposition, before a noun
    that names no commitment (`nouns`: stems of the kind group's nouns, refer._kind_nouns)."""
    if start < 0 or not _ATTRIBUTIVE_BEFORE.search(text[max(0, start - 30):start]):
        return False
    m = _NEXT_WORD.match(text, start)
    return bool(m) and stem(m.group(1).lower()) not in nouns


_CLAUSE_MARK = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]")


def clause_start(text: str, start: int) -> int:
    """Where the clause holding `start` begins, as far as punctuation shows it (the last comma, semicolon,
    colon, dash, bracket or quotation mark before it)."""
    return max((m.end() for m in _CLAUSE_MARK.finditer(text[:start])), default=0)


def foretold(text: str, start: int, since: Optional[int] = None) -> bool:
    """The word at `start` (a status word) is told as to come, planned or begun, not done: UNDER_WAY among
    the last four words before it from `since`, by default its clause's start ("will fulfil its obligations",
    "is expected to honour"; reports.reported_as reads from the sentence's start, since=0)."""
    lo = clause_start(text, start) if since is None else since
    return bool(UNDER_WAY.search(" ".join(TOKEN.findall(text[lo:start])[-4:])))


@functools.lru_cache(maxsize=1)
def _possible_marks() -> frozenset[str]:
    en = load_english()
    return frozenset(en.modal_words("possible") | en.condition_marks | en.alternative_marks | en.question_marks)


def told_only_as_possible(text: str, start: int) -> bool:
    """The word at `start` (a status word) is inside what its clause leaves only possible, conditional, asked
    or the alternative of a demand, so nothing is told to have happened: a possible modal, a condition, an
    open question or an alternative mark among the clause's last eight words before it ("could close the
    plant if governments cancel their orders", "until March 31 to sign or have its permit revoked"), or an
    intent head with its infinitive or as a gerund right before it ("plans to scrap", "is considering
    cancelling"). A reported "would" is left alone: "said it would drop the plan" tells a decision.
    (Not reports.reported_as's reading, which is of an act's own words, not a status word: see there.)"""
    words = [t.lower() for t in TOKEN.findall(text[clause_start(text, start):start])][-8:]
    en = load_english()
    if any(w in _possible_marks() for w in words):
        return True
    for i, w in enumerate(words):
        if any(w.startswith(h) for h in en.intent_heads) and (
                words[i + 1:i + 2] == ["to"] or (w.endswith("ing") and i == len(words) - 1)):
            return True
    return False


def status_matches(sentence: str) -> dict[str, list[str]]:
    """The statuses whose wording appears in a sentence, each with the words that said it."""
    out: dict[str, list[str]] = {}
    for k, pats in STATUS_PATTERNS.items():
        hits = [m.group(0) for p in pats for m in p.finditer(sentence)]
        if hits:
            out[k] = hits
    return out


def acts_for() -> dict[str, str]:
    """body -> the larger body it acts for (data/commitments.yaml, link_acts_for)."""
    return load_lexicon().acts_for


def status_cues(sentence: str) -> set[str]:
    """The statuses whose wording appears in a sentence."""
    return {k for k, pats in STATUS_PATTERNS.items() if any(p.search(sentence) for p in pats)}


# Nominal endings over a verb stem: "extradition", "payment", "delivery", "withdrawal" name the act.
_NOMINAL = ("ation", "ion", "ment", "al", "y")


@functools.lru_cache(maxsize=65536)
def _family_of(s: str) -> frozenset[str]:
    fam = FAMILY_OF.get(s)
    if fam is None:
        for end in _NOMINAL:
            if s.endswith(end) and len(s) - len(end) >= 3 and s[:-len(end)] in FAMILY_OF:
                fam = FAMILY_OF[s[:-len(end)]]
                break
    return frozenset(fam or ())


def families(stems) -> set[str]:
    out: set[str] = set()
    for s in stems:
        out |= _family_of(s)
    return out
