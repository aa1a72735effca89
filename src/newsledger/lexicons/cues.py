"""The cue lexicon (data/cues.tsv) and the statement modifiers (data/statements/*.tsv)."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Optional

from ..records import STATEMENT_KINDS


FRAMES = ("speech", "utterance", "clause", "object", "personal", "regard", "raising", "light", "light-only")
NOUN_FRAMES = ("-", "source", "medium", "stance", "personal", "role", "viewpoint")
ADJ_FRAMES = ("-", "make")


@dataclass(frozen=True)
class Cue:
    words: str          # as in the lexicon: "say", "point out", "according to"
    pos: str            # verb | noun | adj | adv | prep
    kind: str
    frame: str = "speech"   # verbs: speech | utterance | clause | object | personal | raising (see cues.tsv)


@dataclass
class Lexicon:
    verbs: dict[str, Cue] = field(default_factory=dict)          # lemma -> cue
    phrasal: dict[str, dict[str, Cue]] = field(default_factory=dict)  # lemma -> particle -> cue
    nouns: dict[str, Cue] = field(default_factory=dict)
    # nouns that are a cue only as the object of a light verb ("made the case that ...", "took aim at ...":
    # "in some cases", "at this point" report nothing): lemma -> cue, its frame "light=VERB[,VERB]"
    light_nouns: dict[str, Cue] = field(default_factory=dict)
    adjectives: dict[str, Cue] = field(default_factory=dict)     # "is eager to", "was critical of"
    preps: dict[tuple[str, ...], Cue] = field(default_factory=dict)   # lower-case words -> cue
    adverbs: dict[str, Cue] = field(default_factory=dict)        # "reportedly": a report, no one named
    hedges: frozenset[str] = frozenset()
    non_speakers: frozenset[str] = frozenset()
    focus_words: frozenset[str] = frozenset()     # before a name but not part of it ("Even Trump said")
    title_abbreviations: frozenset[str] = frozenset()   # "Sens.", "Fr.": part of the name they stand before
    in_text_verbs: frozenset[str] = frozenset()   # whose passive's "in" phrase is the source ("mentioned in")
    non_sources: frozenset[str] = frozenset()  # "according to plan"
    labels: frozenset[str] = frozenset()      # "Note:", "Update:" — not a speaker's lead-in
    settings: frozenset[str] = frozenset()    # "at a rally", "in an interview": where, not what
    # Regular inflections of every verb cue -> its lemma, for words the lemmatizer gets wrong
    # ("hopes" -> "hop").
    forms: dict[str, str] = field(default_factory=dict)

    def light_noun(self, noun: str, verb: str) -> Optional[Cue]:
        """The cue a noun is as the object of light verb `verb`: a light noun of that verb (first: "made
        statements about" is a saying, though "statement" alone is a medium), or any cue noun."""
        cue = self.light_nouns.get(noun)
        if cue is not None and verb in cue.frame[len("light="):].split(","):
            return cue
        return self.nouns.get(noun)

    def verb_lemma(self, lemma: str, lower: str) -> str:
        if lemma in self.verbs or lemma in self.phrasal:
            return lemma
        return self.forms.get(lower, lemma)

    def verb(self, lemma: str, particles: tuple[str, ...] = ()) -> Optional[Cue]:
        """The cue a verb with these particle/preposition children makes (phrasal entries first)."""
        by_particle = self.phrasal.get(lemma)
        if by_particle:
            for p in particles:
                if p in by_particle:
                    return by_particle[p]
        return self.verbs.get(lemma)


def _inflections(lemma: str) -> list[str]:
    """Regular English inflections: hope -> hopes, hoped, hoping; admit -> admitted; deny -> denies."""
    forms = [lemma + "s", lemma + "ed", lemma + "ing"]
    if lemma.endswith("e"):
        forms += [lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.append(lemma + "es")
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return forms


def _rows(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = resources.files("newsledger") / "data"
    lex = Lexicon()
    for row in _rows(data / "cues.tsv"):
        words, pos, kind = row["cue"].strip().lower(), row["pos"].strip(), row["kind"].strip()
        if kind not in STATEMENT_KINDS:
            raise ValueError(f"cues.tsv: unknown kind {kind!r} for {words!r}")
        frame = (row.get("frame") or "-").strip()
        light_noun = pos == "noun" and frame.startswith("light=")
        if (pos == "verb" and frame not in FRAMES) or (pos == "noun" and frame not in NOUN_FRAMES and not light_noun) or (
                pos == "adj" and frame not in ADJ_FRAMES):
            raise ValueError(f"cues.tsv: unknown frame {frame!r} for {words!r}")
        cue = Cue(words, pos, kind, frame)
        parts = words.split()
        if pos == "verb" and len(parts) == 2:
            lex.phrasal.setdefault(parts[0], {})[parts[1]] = cue
        elif pos == "verb":
            lex.verbs[words] = cue
        elif light_noun:
            lex.light_nouns[parts[0]] = cue     # "aim at": the noun and the preposition it takes
        elif pos == "noun":
            lex.nouns[words] = cue
        elif pos == "adj":
            lex.adjectives[words] = cue
        elif pos == "prep":
            lex.preps[tuple(parts)] = cue
        elif pos == "adv":
            lex.adverbs[words] = cue
        else:
            raise ValueError(f"cues.tsv: unknown pos {pos!r} for {words!r}")
    for lemma in list(lex.verbs) + list(lex.phrasal):
        for form in _inflections(lemma):
            lex.forms.setdefault(form, lemma)
    mods = _rows(data / "statements" / "modifiers.tsv")
    lex.hedges = frozenset(r["word"] for r in mods if r["role"] == "hedge")
    speakers = _rows(data / "statements" / "speakers.tsv")
    lex.non_speakers = frozenset(r["word"] for r in speakers if r["role"] == "subject")
    lex.non_sources = frozenset(r["word"] for r in speakers if r["role"] == "according")
    lex.focus_words = frozenset(r["word"] for r in speakers if r["role"] == "focus")
    lex.title_abbreviations = frozenset(r["word"] for r in speakers if r["role"] == "title")
    lex.in_text_verbs = frozenset(r["word"] for r in speakers if r["role"] == "in_text")
    lex.labels = frozenset(r["word"] for r in _rows(data / "statements" / "labels.tsv"))
    lex.settings = frozenset(r["word"] for r in _rows(data / "statements" / "settings.tsv"))
    return lex
