"""A learned cue detector for the verbs the cue lexicon does not list.

Trained annotators attribute far more than speech: "Trump openly admires Putin", "the poll indicates a
tightening race", "the two countries signed an agreement". No hand list covers that tail, so a logistic
model, trained on an attribution corpus (`train.py`, `newsledger train attribution`), scores each verb
the lexicon lacks from its lemma and the shape of its clause: who its subject is, which complements it
takes, where it sits. Verbs at or above the threshold become cues (kind "other") whose words the rules
find as for a lexicon verb of frame `object`.

The model is a data file (data/statements/cue_model.tsv: feature<TAB>weight and a #threshold line), read
once; features are plain strings, so the file can be read, diffed and retrained.
"""
from __future__ import annotations

import functools
import itertools
import math
from importlib import resources
from typing import Callable, Iterable, Optional, Sequence

from spacy.tokens import Token

from ..grammar.doc_cache import kids
from ..grammar.modality import modal

CUE_MODEL = "cue_model.tsv"

# Complements whose presence says what kind of clause the verb heads.
_CHILD_DEPS = frozenset({"ccomp", "dobj", "xcomp", "nsubj", "nsubjpass", "agent", "dative", "attr",
                         "oprd", "acomp", "advcl", "mark", "neg", "aux", "auxpass"})
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who"})   # subjects that name people
NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})   # entities that name people or bodies
# Every value subject_class gives.
SUBJECT_CLASSES = ("none", "pron-personal", "pron-other", "propn", "noun") + tuple(
    "ent-" + e for e in sorted(NAME_ENTS))


def subject_class(subj: Optional[Token]) -> str:
    """What kind of thing the verb's subject is: a person, a body, a pronoun, some noun, or nothing."""
    if subj is None:
        return "none"
    if subj.pos_ == "PRON":
        return "pron-personal" if subj.lower_ in PERSONAL_PRONOUNS else "pron-other"
    if subj.ent_type_ in NAME_ENTS:
        return "ent-" + subj.ent_type_
    if subj.pos_ == "PROPN":
        return "propn"
    return "noun"


def features(tok: Token, subj: Optional[Token], known_frame: str, near_quote: bool) -> list[str]:
    """The feature strings of one verb. `known_frame` is its lexicon frame or "none"."""
    lemma = tok.lemma_.lower()
    feats = list(fixed_features(lemma, tok.dep_, tok.tag_, subject_class(subj), known_frame, near_quote,
                                tok.head.pos_))
    return feats + varying_features(subj, child_features(tok, lemma))


@functools.lru_cache(maxsize=4096)
def fixed_features(lemma: str, dep: str, tag: str, s: str, known_frame: str, near_quote: bool,
                   head_pos: str) -> tuple[str, ...]:
    """The first features of a verb, those made of its word, its place and its subject's class alone
    (the same strings for every verb alike in those: built once)."""
    return ("bias", f"L={lemma}", f"D={dep}", f"T={tag}", f"S={s}", f"L={lemma}|S={s}",
            f"L={lemma}|D={dep}", f"D={dep}|S={s}", f"LEX={known_frame}",
            f"Q={near_quote}", f"L={lemma}|Q={near_quote}", f"HD={head_pos}")


def varying_features(subj: Optional[Token], children: list[str]) -> list[str]:
    """The features after `fixed_features`: the subject's lemma, then the verb's complements (`children`,
    its child_features)."""
    if subj is None:
        return children
    return [f"SL={subj.lemma_.lower()}"] + children


def child_features(tok: Token, lemma: str) -> list[str]:
    """The features of the verb's complements (the last of its features)."""
    feats = []
    for c in kids(tok):
        d = c.dep_
        if d in ("prep", "prt"):
            d = f"{d}:{c.lower_}"
            feats.append(f"L={lemma}|C={d}")
        elif d not in _CHILD_DEPS:
            continue
        feats.append(f"C={d}")
        if d in ("ccomp", "dobj", "xcomp", "dative", "oprd", "attr"):
            feats.append(f"L={lemma}|C={d}")
        if d in ("dobj", "xcomp"):
            # what is admired, offered, examined: "no proof" and "a contrast" read differently
            feats += [f"{d}={c.lemma_.lower()}", f"L={lemma}|{d}={c.lemma_.lower()}"]
    return feats


class LinearModel:
    def __init__(self, weights: dict[str, float], threshold: float = 0.5):
        self.weights = weights
        self.threshold = threshold
        self._sums: dict[tuple[str, ...], float] = {}     # is_cue_parts: fixed features -> their sum
        self._tops: dict[tuple[str, ...], float] = {}     # rules_out: a verb's highest fixed sum
        self._subject_lemma_top: Optional[float] = None
        self._top_parts: dict[tuple, float] = {}      # _top: the highest subject and quotation parts

    def prob(self, feats: Iterable[str]) -> float:
        # (map over the bound dict.get: the same sum in the same order, without a generator frame per verb)
        z = sum(map(self.weights.get, feats, itertools.repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_cue(self, feats: Iterable[str]) -> bool:
        return self.prob(feats) >= self.threshold

    def weights_of(self, feats: Iterable[str]) -> list[float]:
        """Each feature's weight (0.0 for one the model lacks), in order: looked up once for a verb whose
        features are scored more than once (rules_out, then is_cue_parts with and without a quotation)."""
        return list(map(self.weights.get, feats, itertools.repeat(0.0)))

    def is_cue_parts(self, fixed: tuple[str, ...], rest: Iterable[str],
                     rest_weights: Optional[list[float]] = None) -> bool:
        """is_cue(fixed + rest), the same sum in the same order: the running sum over `fixed` (the same
        for many verbs) is kept, and `rest` is added to it (`rest_weights`: weights_of(rest), when
        already looked up)."""
        head = self._sums.get(fixed)
        if head is None:
            head = self._sums[fixed] = sum(map(self.weights.get, fixed, itertools.repeat(0.0)))
        if rest_weights is None:
            rest_weights = map(self.weights.get, rest, itertools.repeat(0.0))
        z = sum(rest_weights, head)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) >= self.threshold

    def rules_out(self, lemma: str, dep: str, tag: str, known_frame: str, head_pos: str,
                  children: list[str], child_weights: Optional[list[float]] = None) -> bool:
        """True when the verb (these features of it, and `children` its child_features) is no cue
        whatever its subject and whether a quotation is adjacent: the highest sum any subject class,
        any subject lemma and either quotation feature could give stays below the threshold (with a
        margin far above the rounding of a sum in another order). False says nothing. (`child_weights`:
        weights_of(children), when already looked up.)"""
        key = (lemma, dep, tag, known_frame, head_pos)
        top = self._tops.get(key)
        if top is None:
            if self._subject_lemma_top is None:
                self._subject_lemma_top = max([0.0] + [v for k, v in self.weights.items() if k.startswith("SL=")])
            top = self._tops[key] = self._top(lemma, dep, tag, known_frame, head_pos)
        if child_weights is None:
            child_weights = map(self.weights.get, children, itertools.repeat(0.0))
        z = sum(child_weights, top) + 1e-6
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) < self.threshold

    def _top(self, lemma: str, dep: str, tag: str, known_frame: str, head_pos: str) -> float:
        """The highest sum of fixed_features(lemma, dep, tag, s, known_frame, q, head_pos) over every
        subject class s and q, plus the highest subject lemma weight where s is not "none". Of those
        features, three turn on s alone ("S=", "L=|S=", "D=|S=") and two on q alone ("Q=", "L=|Q="),
        the rest on neither: the highest sum is the sum of the highest of each part (in another order
        than one verb's sum: rules_out's margin covers its rounding), each part's highest kept for
        the verbs that share it."""
        w = self.weights.get
        parts = self._top_parts
        sk = ("S", lemma, dep)
        s_top = parts.get(sk)
        if s_top is None:
            s_top = parts[sk] = max(
                w(f"S={s}", 0.0) + w(f"L={lemma}|S={s}", 0.0) + w(f"D={dep}|S={s}", 0.0)
                + (0.0 if s == "none" else self._subject_lemma_top) for s in SUBJECT_CLASSES)
        qk = ("Q", lemma)
        q_top = parts.get(qk)
        if q_top is None:
            q_top = parts[qk] = max(w(f"Q={q}", 0.0) + w(f"L={lemma}|Q={q}", 0.0) for q in (True, False))
        rest = (w("bias", 0.0) + w(f"L={lemma}", 0.0) + w(f"D={dep}", 0.0) + w(f"T={tag}", 0.0)
                + w(f"L={lemma}|D={dep}", 0.0) + w(f"LEX={known_frame}", 0.0) + w(f"HD={head_pos}", 0.0))
        return rest + s_top + q_top

    def dump(self, path) -> None:
        write_weights(path, "# Learned cue detector (newsledger train attribution): feature<TAB>weight; a verb "
                            "whose weights sum to a probability >= threshold is a cue.",
                      [("threshold", str(self.threshold))], self.weights)

    @classmethod
    def load(cls, path) -> "LinearModel":
        params, weights = read_weights(path)
        threshold = float(params["threshold"][0][0]) if "threshold" in params else 0.5
        return cls(weights, threshold)


# ---- the model files (this one and boundary.py's) ---------------------------------------------------
# A header comment, "#name<TAB>value..." parameter lines, then feature<TAB>weight lines, largest first.

def write_weights(path, header: str, params: Iterable[Sequence[str]], weights: dict[str, float]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for fields in params:
            f.write("#" + "\t".join(fields) + "\n")
        for k, v in sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
            f.write(f"{k}\t{v:.4f}\n")


def read_weights(path) -> tuple[dict[str, list[list[str]]], dict[str, float]]:
    """(parameter lines by name, each as its fields; feature weights) of a model file."""
    params: dict[str, list[list[str]]] = {}
    weights: dict[str, float] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                name, *fields = line[1:].split("\t")
                if fields:                  # a parameter; other # lines are comments
                    params.setdefault(name, []).append(fields)
                continue
            if line.strip():
                k, v = line.rsplit("\t", 1)
                weights[k] = float(v)
    return params, weights


def data_file(name: str):
    """A shipped model file in data/statements/, or None when it is absent."""
    path = resources.files("newsledger.data").joinpath("statements").joinpath(name)
    return path if path.is_file() else None


@functools.lru_cache(maxsize=1)
def shipped(name: str = CUE_MODEL) -> Optional[LinearModel]:
    """The shipped model, or None when its file is absent (the rules then run alone)."""
    path = data_file(name)
    return LinearModel.load(path) if path is not None else None


def train(examples: list[tuple[list[str], int]], epochs: int = 12, l2: float = 1e-5,
          lr: float = 0.5, min_count: int = 2, progress: Optional[Callable[[int], None]] = None
          ) -> dict[str, float]:
    """Logistic regression by AdaGrad over sparse binary features; features seen fewer than
    `min_count` times are dropped (they would only memorise single sentences)."""
    import random
    counts: dict[str, int] = {}
    for feats, _ in examples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= min_count}
    data = [([f for f in feats if f in keep], y) for feats, y in examples]
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    order = list(range(len(data)))
    rng = random.Random(13)
    for epoch in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = data[i]
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = p - y
            for f in feats:
                wf = w.get(f, 0.0)
                g = err + l2 * wf
                acc = g2.get(f, 1e-8) + g * g
                g2[f] = acc
                w[f] = wf - lr * g / math.sqrt(acc)
        if progress:
            progress(epoch)
    return {f: v for f, v in w.items() if abs(v) >= 1e-3}



# ---- the statement filter ---------------------------------------------------------------------------
# The rules propose statements; whether PolNeAR's annotators would mark one turns on more than its cue
# word: an act verb with a named person and a clause is a saying, the same verb with a thing for subject
# and a noun for object is an act. A second logistic model (data/statements/accept_model.tsv, trained
# by train.py on the statements the rules propose for PolNeAR train, positive when one matches a gold
# statement with its source right) scores each proposed statement; one below its threshold is dropped.

ACCEPT_MODEL = "accept_model.tsv"
# First words of a statement's words that tell its shape (a that-clause, an infinitive, a question, a quotation).
_OPENERS = frozenset({"that", "to", "whether", "if", "“", '"'})


def _length_bin(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16-30" \
        if n <= 30 else "31+"


def statement_features(doc, a, speaker_tok: Optional[Token], text: str) -> list[str]:
    """The features of one proposed statement `a` (context.Attribution): its construction, its cue word
    and the shape of the cue's clause, who speaks, how long its words are and where they lie."""
    cue = doc[a.cue_token]
    lemma = cue.lemma_.lower()
    rule = a.rule.split("-")[0] if a.rule.startswith("learned") else a.rule
    words = doc.char_span(a.content[0], a.content[1], alignment_mode="expand")
    n = len(words) if words is not None else 0
    s = subject_class(speaker_tok) if a.speaker is not None else "none"
    side = "before" if a.content[1] <= a.cue[0] else "after" if a.content[0] >= a.cue[1] else "around"
    first = words[0].lower_ if n else ""
    feats = list(_statement_head(a.rule, rule, lemma, cue.pos_, cue.dep_, cue.tag_, s, a.kind, a.quote,
                                 _length_bin(n), side, a.negated, a.hedged,
                                 first if first in _OPENERS else "other", cue.head.pos_))
    if n:
        root = words.root
        clause = any(t.pos_ in ("VERB", "AUX") for t in words)
        feats += [f"CR={root.pos_}", f"R={a.rule}|CR={root.pos_}", f"CLAUSE={clause}",
                  f"L={lemma}|CLAUSE={clause}"]
    if speaker_tok is not None and a.speaker is not None:
        feats.append(f"SL={speaker_tok.lemma_.lower()}")
    sent = cue.sent
    if sent.start == 0:
        feats.append("FIRST-SENT")
    for c in kids(cue):
        if c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "advcl", "neg", "aux", "mark"):
            feats.append(f"C={c.dep_}")
    # a cue under a modal ("will announce", "would say", "could argue") tells of a saying still to come
    # or only supposed, not one made: annotators mark fewer of them
    feats.append(f"CMODAL={modal(cue) is not None}")
    return feats


@functools.lru_cache(maxsize=8192, typed=True)
def _statement_head(rule: str, short: str, lemma: str, pos: str, dep: str, tag: str, s: str, kind: str,
                    quote, n: str, side: str, negated, hedged, first: str, head_pos: str) -> tuple[str, ...]:
    """The first features of statement_features, made of these values alone: the same strings for
    every statement alike in them, built once (and their hashes, which the weights' lookup needs, kept)."""
    return ("bias", f"R={rule}", f"L={lemma}", f"R={short}|L={lemma}", f"P={pos}", f"D={dep}",
            f"T={tag}", f"S={s}", f"L={lemma}|S={s}", f"R={rule}|S={s}", f"K={kind}",
            f"Q={quote}", f"R={rule}|Q={quote}", f"N={n}", f"R={rule}|N={n}",
            f"SIDE={side}", f"R={rule}|SIDE={side}", f"NEG={negated}", f"HEDGE={hedged}",
            f"F={first}", f"HD={head_pos}", f"L={lemma}|D={dep}")


class AcceptModel(LinearModel):
    def dump(self, path) -> None:
        write_weights(path, "# Statement filter (python -m newsledger.nlp.statements.train accept): feature<TAB>weight; a "
                            "proposed statement whose weights sum to a probability below threshold is "
                            "dropped.", [("threshold", str(self.threshold))], self.weights)

    # the filter keeps a proposed statement as the cue model takes a verb: probability at the threshold or above
    keeps = LinearModel.is_cue


@functools.lru_cache(maxsize=1)
def shipped_accept(name: str = ACCEPT_MODEL) -> Optional[AcceptModel]:
    path = data_file(name)
    return AcceptModel.load(path) if path is not None else None
