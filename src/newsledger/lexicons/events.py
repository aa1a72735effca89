"""The two data tables of event coding: data/cameo.tsv (codes) and data/event_lexicon.tsv (words -> codes).

Both are read once (cached) and turned into dictionaries keyed the way the parse is looked up, so
coding a token costs a few dict lookups.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterator, Optional

from .loader import data_text

# Codes whose root means "not an event" (CAMEO 01: public statements).
NOT_EVENT_ROOTS = frozenset({"01"})
# Frames: how a word combines with the action it embeds (see the lexicon's header).
FRAMES = frozenset({"intent", "threat", "demand", "appeal", "reject", "modal", "attempt", "aspect",
                    "negation", "casualty", ""})
KINDS = frozenset({"verb", "phrasal", "verb_obj", "verb_clause", "verb_xcomp", "noun", "noun_mod",
                   "noun_prep", "adj", "light", "report", "military", "carrier", "undergo",
                   "class", "recode", "recode_subject", "nonagent", "measure"})


def _rows(name: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, columns) of each data row of a TSV file, for error messages that name the line."""
    text = data_text(name)
    header = True
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:  # the column names
            header = False
            continue
        yield lineno, line.split("\t")


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    plover: Optional[str]
    plover_2016: Optional[str]
    intent: Optional[str]
    demand: Optional[str]
    reject: Optional[str]


class CameoTable:
    """CAMEO codes with labels, PLOVER categories and their intent/demand/reject counterparts."""

    def __init__(self, codes: dict[str, CameoCode]):
        self.codes = codes

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def get(self, code: str) -> Optional[CameoCode]:
        return self.codes.get(code)

    def _lineage(self, code: str) -> Iterator[CameoCode]:
        """The code, then its parents (0871 -> 087 -> 08)."""
        for n in (len(code), 3, 2):
            if n <= len(code) and code[:n] in self.codes:
                yield self.codes[code[:n]]

    def counterpart(self, code: Optional[str], kind: str) -> Optional[str]:
        """The code for the same action intended/threatened (`intent`), demanded or refused, or None."""
        if not code:
            return None
        for entry in self._lineage(code):
            value = getattr(entry, kind)
            if value:
                return value
        return None

    def label(self, code: str) -> Optional[str]:
        entry = self.codes.get(code)
        return entry.label if entry else None

    def plover(self, code: str) -> Optional[str]:
        for entry in self._lineage(code):
            if entry.plover:
                return entry.plover
        return None


@functools.lru_cache(maxsize=1)
def load_cameo() -> CameoTable:
    codes: dict[str, CameoCode] = {}
    for lineno, cols in _rows("cameo.tsv"):
        if len(cols) != 7:
            raise ValueError(f"data/cameo.tsv:{lineno}: expected 7 columns, got {len(cols)}")
        code, label, plover, plover16, intent, demand, reject = (c.strip() for c in cols)
        codes[code] = CameoCode(code, label, plover or None, plover16 or None,
                                intent or None, demand or None, reject or None)
    return CameoTable(codes)


def cameo_labels() -> dict[str, str]:
    """CAMEO code -> its label ("19" -> "Fight"), for showing codes without importing the coder."""
    return {code: entry.label for code, entry in load_cameo().codes.items()}


@dataclass(frozen=True)
class Entry:
    """One lexicon row: what a word or construction codes as."""
    pattern: str
    kind: str
    code: Optional[str]   # None for frame-only words ("plan", "continue") and light verbs
    frame: str
    example: str
    why: str = ""         # the codebook's reason, where the code's label alone does not give it


@dataclass
class Lexicon:
    verbs: dict[str, Entry] = field(default_factory=dict)          # lemma
    phrasal: dict[tuple[str, str], Entry] = field(default_factory=dict)    # (verb, particle/prep)
    verb_obj: dict[tuple[str, str], Entry] = field(default_factory=dict)   # (verb, object lemma)
    verb_clause: dict[str, Entry] = field(default_factory=dict)
    verb_xcomp: dict[tuple[str, str], Entry] = field(default_factory=dict)
    nouns: dict[str, Entry] = field(default_factory=dict)
    noun_mod: dict[tuple[str, str], Entry] = field(default_factory=dict)   # (modifier, noun)
    noun_prep: dict[tuple[str, str], Entry] = field(default_factory=dict)  # (noun, preposition)
    adjs: dict[str, Entry] = field(default_factory=dict)
    light: dict[str, Entry] = field(default_factory=dict)                  # lemma, or "carry out" phrasal
    report: frozenset[str] = frozenset()
    military: frozenset[str] = frozenset()
    carriers: frozenset[str] = frozenset()
    undergo: frozenset[str] = frozenset()
    # (code, word) -> entry: an event of that code whose phrase names the word takes the entry's code
    # ("sent troops to the peacekeeping force": a deployment for peacekeeping is CAMEO 074).
    recode: dict[tuple[str, str], Entry] = field(default_factory=dict)
    recode_codes: frozenset[str] = frozenset()     # the codes some recode row applies to
    # The same by the event's subject: protesters burning property protest violently (145).
    recode_subject: dict[tuple[str, str], Entry] = field(default_factory=dict)
    # Nouns naming natural forces and ailments: a verb with one as its subject reports no one's act
    # ("an earthquake struck the city").
    nonagent: frozenset[str] = frozenset()
    # Quantity nouns whose "of" complement is what a verb acts on ("sent tons of food", "took in
    # thousands of refugees").
    measure: frozenset[str] = frozenset()
    # Every word any pattern starts or ends with, and casualty words: a token outside it is no event word.
    vocabulary: frozenset[str] = frozenset()
    entries: list[Entry] = field(default_factory=list)


def _index(lex: Lexicon, pattern: str, kind: str, entry: Entry, report: set[str], military: set[str],
           carriers: set[str], undergo: set[str]) -> None:
    """File one (expanded) pattern under the lookup its kind is read by."""
    words = pattern.split()
    if kind == "verb":
        lex.verbs[pattern] = entry
    elif kind == "phrasal":
        lex.phrasal[(words[0], words[1])] = entry
    elif kind == "verb_obj":
        lex.verb_obj.setdefault((words[0], words[-1]), entry)
    elif kind == "verb_clause":
        lex.verb_clause[pattern] = entry
    elif kind == "verb_xcomp":
        lex.verb_xcomp[(words[0], words[-1])] = entry
    elif kind == "noun":
        lex.nouns[pattern] = entry
    elif kind == "noun_mod":
        lex.noun_mod.setdefault((words[0], words[-1]), entry)
    elif kind == "noun_prep":
        lex.noun_prep[(words[0], words[1])] = entry
    elif kind == "adj":
        lex.adjs[pattern] = entry
    elif kind == "light":
        lex.light[pattern] = entry
    elif kind == "report":
        report.add(pattern)
    elif kind == "military":
        military.add(pattern)
    elif kind == "carrier":
        carriers.add(pattern)
    elif kind == "undergo":
        undergo.add(pattern)
    elif kind == "recode":
        lex.recode[(words[0], words[-1])] = entry
    elif kind == "recode_subject":
        lex.recode_subject[(words[0], words[-1])] = entry
    elif kind == "nonagent":
        lex.nonagent = lex.nonagent | {pattern}
    elif kind == "measure":
        lex.measure = lex.measure | {pattern}


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    cameo = load_cameo()
    lex = Lexicon()
    report: set[str] = set()
    military: set[str] = set()
    carriers: set[str] = set()
    undergo: set[str] = set()
    rows: list[tuple[int, list[str]]] = []
    # Object classes ("@money": dollar, euro, fund, loan ...): a pattern naming one stands for a row
    # per member, so "give @money" is the codebook's "give money" whatever the currency.
    classes: dict[str, list[str]] = {}
    for lineno, cols in _rows("event_lexicon.tsv"):
        if len(cols) not in (5, 6):
            raise ValueError(f"data/event_lexicon.tsv:{lineno}: expected 5 or 6 columns, got {len(cols)}")
        cols = [c.strip() for c in cols] + [""] * (6 - len(cols))
        if cols[1] == "class":
            name, _, member = cols[0].partition(" ")
            if not name.startswith("@") or not member:
                raise ValueError(f"data/event_lexicon.tsv:{lineno}: a class row is '@class member'")
            classes.setdefault(name, []).append(member)
            continue
        rows.append((lineno, cols))
    # Rows of their own before class rows: "send troop" keeps its code when "send @military" is added.
    rows.sort(key=lambda row: "@" in row[1][0])
    for lineno, (pattern, kind, code, frame, example, why) in rows:
        if kind not in KINDS or frame not in FRAMES:
            raise ValueError(f"data/event_lexicon.tsv:{lineno}: unknown kind {kind!r} or frame {frame!r}")
        code_or_none = None if code in ("", "-") else code
        if code_or_none is not None and code_or_none not in cameo:
            raise ValueError(f"data/event_lexicon.tsv:{lineno}: {code!r} is not a CAMEO code in cameo.tsv")
        entry = Entry(pattern, kind, code_or_none, frame, example, why)
        lex.entries.append(entry)
        expanded = [pattern]
        if "@" in pattern:
            parts = pattern.split()
            names = [w for w in parts if w.startswith("@")]
            if len(names) != 1 or names[0] not in classes:
                raise ValueError(f"data/event_lexicon.tsv:{lineno}: unknown or several classes in {pattern!r}")
            expanded = [" ".join(m if w == names[0] else w for w in parts) for m in classes[names[0]]]
        for one in expanded:
            _index(lex, one, kind, entry, report, military, carriers, undergo)
    lex.report = frozenset(report)
    lex.carriers = frozenset(carriers)
    lex.undergo = frozenset(undergo)
    words: set[str] = {"dead", "die", "wounded", "injured", "hurt"}
    for entry in lex.entries:
        if entry.kind in ("recode", "recode_subject", "nonagent", "measure"):
            continue        # not event words themselves
        parts = entry.pattern.split()
        words.update(parts)
    # A class member is read as a token only where it is the event noun itself ("a contribution of
    # 56 million euros": "million"); as a verb's object or a modifier the verb or noun is read.
    for entry in lex.entries:
        last = entry.pattern.split()[-1]
        if entry.kind == "noun_mod" and last in classes:
            words.update(classes[last])
    lex.vocabulary = frozenset(words)
    lex.recode_codes = frozenset(code for code, _ in list(lex.recode) + list(lex.recode_subject))
    lex.military = frozenset(military)
    return lex


@functools.lru_cache(maxsize=1)
def load_groups() -> dict[str, str]:
    """data/event_groups.tsv: a people group's word -> the ISO alpha-3 code of its state."""
    out: dict[str, str] = {}
    for lineno, cols in _rows("event_groups.tsv"):
        if len(cols) < 2 or len(cols[1].strip()) != 3:
            raise ValueError(f"event_groups.tsv:{lineno}: expected word, ISO alpha-3 country, why")
        out[cols[0].strip()] = cols[1].strip().upper()
    return out


@dataclass(frozen=True)
class StatementEvent:
    """What a statement of one kind (and cue) codes as: data/statement_events.tsv."""
    code: Optional[str]      # None: the statement is no event (CAMEO 01)
    needs_target: bool       # an event only when the cue names whom it is addressed to or about
    why: str


class StatementEvents:
    """(kind, cue lemma) -> StatementEvent, with a kind's "*" row for cues without their own."""

    def __init__(self, rows: dict[tuple[str, str], StatementEvent]):
        self.rows = rows

    def lookup(self, kind: str, cues: tuple[str, ...]) -> Optional[StatementEvent]:
        """The row of the first of `cues` (most specific first: "call on", then "call") with a row of
        its own, else the kind's default."""
        for cue in cues:
            found = self.rows.get((kind, cue))
            if found is not None:
                return found
        return self.rows.get((kind, "*"))


@functools.lru_cache(maxsize=1)
def load_statement_events() -> StatementEvents:
    cameo = load_cameo()
    rows: dict[tuple[str, str], StatementEvent] = {}
    for lineno, cols in _rows("statement_events.tsv"):
        if len(cols) != 5:
            raise ValueError(f"data/statement_events.tsv:{lineno}: expected 5 columns, got {len(cols)}")
        kind, cue, code, target, why = (c.strip() for c in cols)
        code_or_none = None if code in ("", "-") else code
        if code_or_none is not None and code_or_none not in cameo:
            raise ValueError(f"data/statement_events.tsv:{lineno}: {code!r} is not a CAMEO code in cameo.tsv")
        if target not in ("any", "needed") or not why:
            raise ValueError(f"data/statement_events.tsv:{lineno}: target must be any|needed, with a why")
        rows[(kind, cue)] = StatementEvent(code_or_none, target == "needed", why)
    return StatementEvents(rows)
