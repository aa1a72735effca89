"""Whether a clause is asserted as a fact: negation, modality, conditions and questions.

One reading for every extractor, from the closed-class words of data/english.yaml. Each function
decides one thing about the clause of a token; what that means for a record (a statement marked
negated, an event coded as a threat, a commitment left out) is the extractor's own decision.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .doc_cache import kids
from ...lexicons.english import MODAL_KINDS, load_english
from .syntax import NOMINAL_POS, PASSIVE_SUBJECT_DEPS, governor, is_root, verb_lemmas

_EN = load_english()
NEGATORS = _EN.negators
NEGATING_HEADS = _EN.negating_heads
INTENT_HEADS = _EN.intent_heads
CONDITION_MARKS = _EN.condition_marks
QUESTION_MARKS = _EN.question_marks
# How a negator hangs on what it denies: "not" (neg), "never" (advmod), "no attack" (det),
# "nor" as an auxiliary in some parses.
NEGATOR_DEPS = frozenset({"neg", "advmod", "det", "aux"})
# Through these links a head's negation or negating verb reaches its complement: "refused to sign",
# "stopped short of saying" (pcomp under prep).
COMPLEMENT_DEPS = frozenset({"xcomp", "pcomp", "prep"})
# The kinds of modal that make a clause hypothetical unless an extractor says otherwise.
ALL_MODALS = frozenset(MODAL_KINDS)


def _lemma_in(tok: Token, words: frozenset[str]) -> bool:
    """`tok`'s lemma is one of `words`; for a verb, a regular de-inflection counts too ("hopes" is
    lemmatized "hop" by the small model)."""
    if tok.pos_ in ("VERB", "AUX"):
        return any(lemma in words for lemma in verb_lemmas(tok))
    return tok.lemma_.lower() in words


# --- negation -------------------------------------------------------------------------------------
def _is_negator(c: Token) -> bool:
    if not (c.dep_ == "neg" or (c.dep_ in NEGATOR_DEPS and c.lower_ in NEGATORS)):
        return False
    nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
    # "not only condemned the attack but also ...": an addition, not a denial
    return not (nxt is not None and c.lower_ != "no" and nxt.lower_ in _EN.not_negating_after)


def negator(tok: Token, subject: bool = True) -> Optional[Token]:
    """The word that denies `tok`'s clause, or None.

    A negator hangs on the word it denies: "has not confirmed", "never attacked", "no attack".
    "no longer", "no more" deny that the thing goes on ("no longer supports the deal"). "not only"
    and "not just" add rather than deny. With `subject`, a negative determiner on the subject
    denies the clause too ("neither side attacked", "no one confirmed it").
    """
    for c in kids(tok):
        if _is_negator(c):
            return c
        if c.dep_ == "advmod" and c.lower_ in _EN.no_longer:
            no = next((g for g in kids(c) if g.lower_ == "no"), None)
            if no is not None:
                return no
    if subject and tok.pos_ not in NOMINAL_POS:
        for c in kids(tok):
            if c.dep_ in ("nsubj", *PASSIVE_SUBJECT_DEPS):
                det = next((g for g in kids(c) if g.dep_ == "det" and g.lower_ in NEGATORS), None)
                if det is not None:
                    return det
    return None


def without(tok: Token) -> bool:
    """`tok` is the verbal complement of a negating preposition: "left without saying a word"."""
    return tok.dep_ == "pcomp" and tok.head.lower_ in _EN.negating_preps


def negating_head(tok: Token, through: frozenset[str] = COMPLEMENT_DEPS,
                  negated_heads: bool = True) -> Optional[Token]:
    """The head that keeps `tok`'s complement clause from being done, or None.

    Climbs from `tok` through complement links (`through`) to a negating verb ("declined to say",
    "failed to pay", "stopped short of calling"); with `negated_heads`, a denied head does the same
    ("did not agree to pay": the paying is not done).
    """
    h = tok
    for _ in range(6):
        if h.dep_ not in through or is_root(h):
            return None
        h = h.head
        if _lemma_in(h, NEGATING_HEADS):
            return h
        if negated_heads and any(_is_negator(c) for c in kids(h)):
            return h
    return None


def negated(tok: Token, heads: bool = False, subject: bool = True) -> bool:
    """`tok`'s clause is denied: by a negator on it (see `negator`), by "without", and with `heads`
    by a negating or denied head above it (see `negating_head`)."""
    return (negator(tok, subject=subject) is not None or without(tok)
            or (heads and negating_head(tok) is not None))


# --- modality -------------------------------------------------------------------------------------
def modal_kind(word: Token) -> Optional[str]:
    """The kind of a modal auxiliary (future, conditional, possible, ability, obligation), or None.

    Read from the word's normal form, so contractions and curly apostrophes count ("won't" = "wo",
    "’ll" = "will"); "'d" is "would" only before a bare verb ("he'd return", not "he'd returned").
    """
    kind = _EN.modals.get(word.norm_) or _EN.modals.get(word.lower_.replace("\u2019", "'"))
    if kind is not None and word.lower_ in ("'d", "\u2019d"):
        # the verb after it: "he'd (never) return", "she'd be committed"; "he'd returned": had
        nxt = next((t for t in word.doc[word.i + 1:word.head.i + 1] if t.tag_.startswith("VB")), None)
        if nxt is None or nxt.tag_ != "VB":
            return None
    return kind


def modal(verb: Token, kinds: frozenset[str] = ALL_MODALS) -> Optional[Token]:
    """The modal auxiliary of `verb` of one of `kinds`, or None ("will meet", "could strike")."""
    for c in kids(verb):
        if c.dep_ == "aux" and modal_kind(c) in kinds:
            return c
    return None


def under_modal(tok: Token, kinds: frozenset[str] = ALL_MODALS, hops: int = 6,
                stop: frozenset[str] = frozenset({"ROOT", "conj", "ccomp", "relcl", "advcl"})) -> Optional[Token]:
    """The modal of a verb `tok` is embedded in (as object, complement or adjunct), or None.

    "any agreement would involve deploying troops": the deploying is only possible. The climb ends at
    a clause of its own (`stop`), whose modality is its own.
    """
    cur = tok
    for _ in range(hops):
        if cur.dep_ in stop or is_root(cur):
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") or cur.tag_.startswith("VB"):
            found = modal(cur, kinds)
            if found is not None:
                return found
    return None


def intent_head(tok: Token) -> Optional[Token]:
    """The head that makes `tok` wanted, planned or asked for rather than done ("hopes to sign",
    "urged Russia to withdraw"), or None: `tok` must be its infinitive complement (xcomp)."""
    if tok.dep_ == "xcomp" and _lemma_in(tok.head, INTENT_HEADS):
        return tok.head
    return None


def hypothetical(tok: Token, kinds: frozenset[str] = ALL_MODALS, intent: bool = True,
                 questions: bool = True, hops: int = 6) -> bool:
    """`tok`'s clause is not asserted as done, for its modality: a modal of `kinds` on its verb,
    or (climbing from it) an open question's "whether" above it, or with `intent` an intention or
    modal head over it as infinitive ("would prefer to agree", "hopes to sign")."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else governor(tok)
    if verb is None:
        return False
    if modal(verb, kinds) is not None:
        return True
    node = verb
    for _ in range(hops):
        if questions and any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in kids(node)):
            return True
        if intent and node.dep_ == "xcomp" and (intent_head(node) is not None
                                                or modal(node.head, kinds) is not None):
            return True
        if is_root(node):
            break
        node = node.head
    return False


def performative_subjects() -> frozenset[str]:
    """The first-person subjects of a speech act done by saying it (data performative_subjects: "I", "we")."""
    return _EN.performative_subjects


def performative(verb: Token) -> Optional[Token]:
    """The modal of a speech act done by saying it ("I can guarantee that ...", "we can promise you"): a
    modal of data performative_modals on a verb whose own subject is a first person (performative_subjects),
    asserted (no negator, no question); None otherwise ("they can guarantee", "I can't promise")."""
    found = modal(verb, _EN.performative_modals)
    if found is None or negator(verb) is not None or question(verb):
        return None
    subj = next((c for c in kids(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    return found if subj is not None and subj.lower_ in _EN.performative_subjects else None


def open_question(tok: Token) -> Optional[Token]:
    """The "whether" that opens `tok`'s own clause as an open question, or None."""
    return next((c for c in kids(tok) if c.dep_ == "mark" and c.lower_ in QUESTION_MARKS), None)


# --- conditions -----------------------------------------------------------------------------------
def condition_mark(clause: Token) -> Optional[Token]:
    """The subordinator that makes `clause` (a verb) a condition ("if", "unless", "provided"; the last
    word of "as long as", "on condition that"), or None.

    "until" and "till" bound a time; their clause is a condition when the clause it bounds is denied
    or not yet done ("will not end the strike until members ratify", "wants to wait until he meets
    Netanyahu"), a fact otherwise ("fought until he died").
    """
    for c in kids(clause):
        if c.dep_ != "mark":
            continue
        if c.lower_ in CONDITION_MARKS:
            return c
        if c.lower_ in _EN.bound_marks and not is_root(clause) and (
                negator(clause.head) is not None or hypothetical(clause.head)):
            return c
        for phrase in _EN.condition_phrases:
            n = len(phrase)
            if c.lower_ == phrase[-1] and c.i >= n - 1 and tuple(
                    t.lower_ for t in c.doc[c.i - n + 1:c.i + 1]) == phrase:
                return c
    return None


def conditional(tok: Token, hops: int = 8) -> Optional[Token]:
    """The condition marker of the clause `tok` is in, or None: `tok` is (inside) a condition of
    another clause and not asserted as done ("will retaliate if Russia attacks": attacks)."""
    cur = tok
    for _ in range(hops):
        found = condition_mark(cur)
        if found is not None:
            return found
        if is_root(cur):
            return None
        cur = cur.head
    return None


def conditions(verb: Token) -> list[Token]:
    """The condition clauses (their verbs) attached to `verb`: "will retaliate if Russia attacks"
    -> [attacks]."""
    return [c for c in kids(verb) if c.dep_ == "advcl" and condition_mark(c) is not None]


def demanding(clause: Token) -> bool:
    """A condition clause that demands its act of someone: "unless the government reopens talks", "if
    Mexico does not stop the caravans" (a condition on what is not done). "if Russia attacks" names a
    trigger, not a demand."""
    mark = condition_mark(clause)
    if mark is None:
        return False
    return mark.lower_ in _EN.demanding_marks or negator(clause) is not None


# --- questions ------------------------------------------------------------------------------------
def question(tok: Token) -> bool:
    """`tok`'s sentence asks: it ends with a question mark, closing quotes and brackets aside
    ("Will Germany pledge more tanks?", "(Who said so?)")."""
    return tok.sent.text.rstrip().rstrip(_EN.closing_marks).endswith("?")
