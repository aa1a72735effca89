"""The actor gazetteer: who can be named, by which words, in which roles — loaded from data files.

Shipped data (src/newsledger/data/actors/, one row per actor, every row with a `source`):

    countries.tsv      names, aliases, adjectives ("Russian") and demonyms ("Russians") per ISO alpha-3;
                       every other ISO 3166 country comes from pycountry with its names only
    organizations.tsv  alliances, international organisations, armed groups, ministries and agencies
    people.tsv         heads of state and government, ministers, envoys, spokespeople, with
                       date-bounded roles ("President of Russia@2012-05-07/")
    metonyms.tsv       capitals and seats of power that stand for a government ("Moscow", "Kremlin")
    descriptions.tsv   definite descriptions ("the Western military alliance" -> nato; "the bloc" -> the
                       last alliance named)
    titles.tsv         title words ("president", "spokesman") and the roles they can refer to
    pronouns.tsv       pronouns with number and gender
    first_names.tsv    given names with their usual gender (for "he"/"she")
    places.tsv         regions and cities with their country (for place records)
    ambiguous.yaml     country names that are also other places ("Georgia", the US state)
    metonymy.yaml      when a capital names a place rather than its government
    common_groups.tsv  common nouns for an unnamed side or speaker ("protesters", "police"): no entry of
                       the gazetteer, read through `common_groups()`

Users extend it with their own TSV (USER_COLUMNS), by default `user_actors_path()`, through
`add_actor`, `add_alias` and `merge_actors` (the CLI calls these). Rows there are applied on top of
the shipped data: a row with a known id adds aliases or roles to it; `merged_into` turns one actor
into an alias of another, so the merge survives every reload.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from ..records import ACTOR_TYPES, Actor
from .loader import data_text, yaml_data
from ..slug import slugify

USER_COLUMNS = ("id", "name", "type", "country", "aliases", "gender", "roles", "wikidata",
                "merged_into", "source")

# Name kinds in order of trust when one string names several actors.
KIND_RANK = {"name": 0, "alias": 1, "metonym": 2, "adjective": 3, "demonym": 3, "surname": 4, "place": 5}


class GazetteerError(ValueError):
    """A user row that cannot be applied (unknown actor, bad type or country)."""


@dataclass(frozen=True)
class Role:
    title: str
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None

    def active(self, day: Optional[dt.date]) -> bool:
        """Held on `day`; without a day, a role with no end date (held now)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @classmethod
    def parse(cls, text: str) -> "Role":
        """ "President of Russia@2012-05-07/" -> Role; the dates are optional."""
        title, _, dates = text.partition("@")
        start, _, end = dates.partition("/")
        return cls(title.strip(), _date(start), _date(end))

    def __str__(self) -> str:
        if not self.start and not self.end:
            return self.title
        return f"{self.title}@{self.start or ''}/{self.end or ''}"


def _date(text: str) -> Optional[dt.date]:
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None


@dataclass
class Entry:
    """One actor the gazetteer knows."""
    id: str
    name: str
    type: str
    country: Optional[str] = None
    wikidata: Optional[str] = None
    gender: Optional[str] = None           # m | f | None (persons)
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    standalone: bool = False               # its surname alone names it ("Putin")
    source: str = ""

    def roles_at(self, day: Optional[dt.date]) -> list[Role]:
        return [r for r in self.roles if r.active(day)]

    def actor(self, day: Optional[dt.date] = None) -> Actor:
        """A fresh record for this entry, with the roles held on `day`."""
        titles: list[str] = []
        for r in self.roles_at(day):
            if r.title not in titles:
                titles.append(r.title)
        return Actor(id=self.id, name=self.name, type=self.type, country=self.country,
                     roles=titles, wikidata=self.wikidata or None)


@dataclass(frozen=True)
class Name:
    """One way of naming an entry: `Gazetteer.names[surface]` lists these."""
    entry_id: str                   # for a place: the country it lies in
    kind: str                       # name | alias | surname | adjective | demonym | metonym | place
    place_country: Optional[str] = None   # metonyms: the country the place lies in
    weak: bool = False              # a surname that needs the full name or a title nearby


@dataclass(frozen=True)
class Title:
    word: str
    matches: tuple[str, ...]        # substrings of role titles this word can refer to
    gender: Optional[str] = None

    def fits(self, role_title: str) -> bool:
        """Whether this title word can name the holder of `role_title`: it must fit the role's head
        ("Aide" in "Foreign Policy Aide to the President"), and a deputy is not the principal."""
        head = role_head(role_title).lower()
        if not self.matches:
            return False
        for q in _QUALIFIERS:
            if q in head and q not in self.word and not any(q in m.lower() for m in self.matches):
                return False    # (a title that names the qualified role itself fits it: "premier", "leader")
        return any(re.search(r"\b" + re.escape(m.lower()) + r"\b", head) for m in self.matches)


# Words that make a role someone else's second: "Vice President" is no "president"; or another office than the
# bare word names: a "Prime Minister" is no "minister" ("Iraq's oil minister said" is not the prime minister).
_QUALIFIERS = ("vice", "deputy", "aide", "assistant", "acting under", "prime")
_COMPLEMENT = re.compile(r" (?:to|for|of) the | to | for ")


def role_head(role_title: str) -> str:
    """ "Foreign Policy Aide to the President of Russia" -> "Foreign Policy Aide";
    "Secretary of State of the United States" -> "Secretary of State"."""
    return _COMPLEMENT.split(role_title, maxsplit=1)[0]


@dataclass(frozen=True)
class Pronoun:
    word: str
    number: str                     # sg | pl
    gender: Optional[str]           # m | f | n | None
    refers: str                     # person | thing | any


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=dict)
    by_iso3: dict[str, str] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)   # phrase -> id | @type | role:ISO:title
    titles: dict[str, Title] = field(default_factory=dict)       # lower-case word(s) -> Title
    pronouns: dict[str, Pronoun] = field(default_factory=dict)
    metonymy: dict[str, frozenset[str]] = field(default_factory=dict)
    first_names: dict[str, str] = field(default_factory=dict)    # given name -> m | f
    places: dict[str, str] = field(default_factory=dict)         # place name -> ISO alpha-3
    ambiguous: dict[str, dict] = field(default_factory=dict)     # ambiguous.yaml
    warnings: list[str] = field(default_factory=list)

    # ---- lookups -------------------------------------------------------------------------------
    def resolve_id(self, actor_id: str) -> Optional[str]:
        """The current id of an actor id or ISO alpha-3 code, following merges; None if unknown."""
        if actor_id in self.by_iso3:
            actor_id = self.by_iso3[actor_id]
        seen = set()
        while actor_id in self.redirects and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.redirects[actor_id]
        return actor_id if actor_id in self.entries else None

    def entry(self, actor_id: str) -> Optional[Entry]:
        rid = self.resolve_id(actor_id)
        return self.entries.get(rid) if rid else None

    def lookup(self, surface: str) -> list[Name]:
        """Entries a surface string names, most trusted first."""
        return self.names.get(surface, [])

    def holders(self, title: Title, country: Optional[str], day: Optional[dt.date]) -> list[Entry]:
        """Persons who hold a role fitting `title` on `day` (in `country`, when given)."""
        found = []
        for e in self.entries.values():
            if e.type != "person" or (country and e.country != country):
                continue
            if any(title.fits(r.title) for r in e.roles_at(day)):
                found.append(e)
        return found

    # ---- building ------------------------------------------------------------------------------
    def add_entry(self, entry: Entry) -> Entry:
        known = self.entries.get(entry.id)
        if known is not None:
            for attr in ("aliases", "adjectives", "demonyms"):
                for v in getattr(entry, attr):
                    if v not in getattr(known, attr):
                        getattr(known, attr).append(v)
            for r in entry.roles:
                if r not in known.roles:
                    known.roles.append(r)
            known.country = known.country or entry.country
            known.wikidata = known.wikidata or entry.wikidata
            known.gender = known.gender or entry.gender
            known.standalone = known.standalone or entry.standalone
            return known
        self.entries[entry.id] = entry
        if entry.type == "country" and entry.country:
            self.by_iso3.setdefault(entry.country, entry.id)
        return entry

    def index_names(self) -> None:
        """(Re)build `names` from the entries; call after every change to entries or redirects."""
        self.names = {}
        for e in self.entries.values():
            self._name(e.name, Name(e.id, "name"))
            multi_word = len(e.name.split()) > 1
            for a in e.aliases:
                surname = e.type == "person" and multi_word and len(a.split()) == 1
                kind = "surname" if surname else "alias"
                self._name(a, Name(e.id, kind, weak=surname and not e.standalone))
            for a in e.adjectives:
                self._name(a, Name(e.id, "adjective"))
            for a in e.demonyms:
                self._name(a, Name(e.id, "demonym"))
        for surface, target, country in self._metonyms:
            rid = self.resolve_id(target)
            if rid is None:
                self.warnings.append(f"metonym {surface!r}: unknown actor {target!r}")
                continue
            self._name(surface, Name(rid, "metonym", place_country=country or None))
        for surface, iso in self.places.items():
            if iso in self.by_iso3:
                self._name(surface, Name(self.by_iso3[iso], "place", place_country=iso))
        for names in self.names.values():
            names.sort(key=lambda n: KIND_RANK[n.kind])

    def _name(self, surface: str, name: Name) -> None:
        surface = surface.strip()
        if not surface:
            return
        bucket = self.names.setdefault(surface, [])
        if all(n.entry_id != name.entry_id or n.kind != name.kind for n in bucket):
            bucket.append(name)

    _metonyms: list[tuple[str, str, str]] = field(default_factory=list, repr=False)


# ---- reading files -------------------------------------------------------------------------------
def parse_rows(text: str) -> Iterator[dict[str, str]]:
    """The rows of a gazetteer TSV (shipped or a user's): no quoting, values trimmed, blank lines
    and # comments skipped."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {k: (v or "").strip() for k, v in row.items() if k}


def shipped_rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of a shipped file of data/actors/ ("people.tsv")."""
    return parse_rows(data_text("actors", name))


@functools.lru_cache(maxsize=1)
def common_groups() -> dict[str, tuple[str, str]]:
    """Common nouns naming an unnamed side -> (actor type, where its country comes from: `place` or
    `none`), from data/actors/common_groups.tsv."""
    return {row["word"]: (row["type"], row["home"]) for row in shipped_rows("common_groups.tsv")}


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _load_countries(gaz: Gazetteer) -> None:
    import pycountry

    rows = {r["iso3"]: r for r in shipped_rows("countries.tsv")}
    for c in pycountry.countries:
        row = rows.get(c.alpha_3, {})
        name = row.get("name") or getattr(c, "common_name", None) or c.name
        aliases = [n for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
                   if n and n != name and "," not in n]
        aliases += [a for a in _split(row.get("aliases", "")) if a not in aliases]
        gaz.add_entry(Entry(
            id=slugify(name), name=name, type="country", country=c.alpha_3,
            wikidata=row.get("wikidata") or None, aliases=aliases,
            adjectives=_split(row.get("adjectives", "")), demonyms=_split(row.get("demonyms", "")),
            source=row.get("source") or "pycountry (ISO 3166-1)"))


# Two-letter initials written with or without stops ("UN"/"U.N.", "US"/"U.S."), in a description's phrase.
_INITIALS = re.compile(r"\b(?:UN|US|EU|UK)\b(?![.-])")


def _load_organizations(gaz: Gazetteer) -> None:
    for r in shipped_rows("organizations.tsv"):
        gaz.add_entry(Entry(
            id=slugify(r["name"]), name=r["name"], type=r["type"], country=r.get("country") or None,
            wikidata=r.get("wikidata") or None, aliases=_split(r.get("aliases", "")),
            adjectives=_split(r.get("adjectives", "")), source=r.get("source", "")))


def _load_people(gaz: Gazetteer) -> None:
    for r in shipped_rows("people.tsv"):
        gaz.add_entry(Entry(
            id=slugify(r["name"]), name=r["name"], type="person", country=r.get("country") or None,
            wikidata=r.get("wikidata") or None, gender=r.get("gender") or None,
            roles=[Role.parse(x) for x in _split(r.get("roles", ""))],
            aliases=_split(r.get("aliases", "")), standalone=r.get("standalone") == "yes",
            source=r.get("source", "")))


def _load_rules(gaz: Gazetteer) -> None:
    for r in shipped_rows("metonyms.tsv"):
        gaz._metonyms.append((r["name"], r["actor"], r.get("country", "")))
    for r in shipped_rows("descriptions.tsv"):
        gaz.descriptions[r["phrase"].lower()] = r["actor"]
        # wire copy spells the short names with stops as often as without: "the U.N. refugee agency"
        dotted = _INITIALS.sub(lambda m: ".".join(m.group(0)) + ".", r["phrase"])
        gaz.descriptions.setdefault(dotted.lower(), r["actor"])
    for r in shipped_rows("titles.tsv"):
        gaz.titles[r["title"].lower()] = Title(r["title"].lower(), tuple(_split(r.get("matches", ""))),
                                               r.get("gender") or None)
    for r in shipped_rows("pronouns.tsv"):
        gaz.pronouns[r["word"]] = Pronoun(r["word"], r["number"], r.get("gender") or None, r["refers"])
    for r in shipped_rows("places.tsv"):
        gaz.places[r["name"]] = r["country"]
    for r in shipped_rows("first_names.tsv"):
        gaz.first_names[r["name"]] = r["gender"]
    for name, rule in (yaml_data("actors", "ambiguous.yaml") or {}).items():
        gaz.ambiguous[name] = {
            "place_country": rule.get("place_country") or None,
            "place_cues": frozenset(str(x).lower() for x in rule.get("place_cues", ())),
            "country_cues": frozenset(str(x).lower() for x in rule.get("country_cues", ()))}
    rules = yaml_data("actors", "metonymy.yaml") or {}
    gaz.metonymy = {k: frozenset(str(x).lower() for x in v) for k, v in rules.items()}


def apply_user_rows(gaz: Gazetteer, rows: Iterable[dict[str, str]], origin: str = "user") -> None:
    """Apply rows in USER_COLUMNS on top of `gaz` (new actors, extra aliases/roles, merges)."""
    merges = []
    for n, r in enumerate(rows, 2):
        try:
            if r.get("merged_into"):
                merges.append((r.get("id") or slugify(r.get("name", "")), r["merged_into"]))
                continue
            rid = r.get("id") or slugify(r.get("name", ""))
            if not rid or rid == "unnamed":
                raise GazetteerError("a row needs an id or a name")
            known = gaz.entry(rid)
            if known is None:
                if not r.get("name"):
                    raise GazetteerError(f"unknown actor {rid!r} (add it first, with a name)")
                known = gaz.add_entry(Entry(id=rid, name=r["name"], type=r.get("type") or "person",
                                            country=r.get("country") or None,
                                            source=r.get("source") or origin))
            extra = Entry(id=known.id, name=known.name, type=known.type,
                          country=r.get("country") or None, wikidata=r.get("wikidata") or None,
                          gender=r.get("gender") or None,
                          roles=[Role.parse(x) for x in _split(r.get("roles", ""))],
                          aliases=_split(r.get("aliases", "")))
            if r.get("name") and r["name"] != known.name:
                extra.aliases.append(r["name"])
            gaz.add_entry(extra)
        except (GazetteerError, ValueError, KeyError) as exc:
            gaz.warnings.append(f"{origin}:{n}: {exc}")
    for src, dst in merges:
        _merge(gaz, src, dst, origin)


def _merge(gaz: Gazetteer, src: str, dst: str, origin: str) -> None:
    target = gaz.resolve_id(dst)
    if target is None:
        gaz.warnings.append(f"{origin}: merge target {dst!r} unknown")
        return
    source = gaz.entries.pop(src, None)
    gaz.redirects[src] = target
    if source is not None and source.id != target:
        into = gaz.entries[target]
        for a in [source.name, *source.aliases]:
            if a not in into.aliases and a != into.name:
                into.aliases.append(a)
        for r in source.roles:
            if r not in into.roles:
                into.roles.append(r)


# ---- the user file -------------------------------------------------------------------------------
def user_actors_path() -> Path:
    """$NEWSLEDGER_ACTORS, else $NEWSLEDGER_HOME/actors.tsv, else $XDG_DATA_HOME (or
    ~/.local/share)/newsledger/actors.tsv."""
    if os.environ.get("NEWSLEDGER_ACTORS"):
        return Path(os.environ["NEWSLEDGER_ACTORS"]).expanduser()
    if os.environ.get("NEWSLEDGER_HOME"):
        return Path(os.environ["NEWSLEDGER_HOME"]).expanduser() / "actors.tsv"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "newsledger" / "actors.tsv"


def _append_user_row(path: Optional[Path], row: dict[str, str]) -> Path:
    path = Path(path) if path else user_actors_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists() or path.stat().st_size == 0
    for k, v in row.items():
        if "\t" in v or "\n" in v:
            raise GazetteerError(f"{k} may not contain tabs or newlines: {v!r}")
    with path.open("a", encoding="utf-8", newline="") as f:
        if new:
            f.write("\t".join(USER_COLUMNS) + "\n")
        f.write("\t".join(row.get(c, "") for c in USER_COLUMNS) + "\n")
    load_gazetteer.cache_clear()
    return path


def _check_country(country: Optional[str]) -> str:
    if not country:
        return ""
    import pycountry
    c = pycountry.countries.get(alpha_3=country.upper())
    if c is None:
        raise GazetteerError(f"not an ISO 3166-1 alpha-3 code: {country!r}")
    return c.alpha_3


def add_actor(name: str, type: str = "person", country: Optional[str] = None,
              aliases: Sequence[str] = (), roles: Sequence[str] = (), wikidata: Optional[str] = None,
              gender: Optional[str] = None, source: str = "user", path: Optional[Path] = None) -> str:
    """Add an actor to the user file; returns its id (the slug of `name`).

    `roles` are "Title@YYYY-MM-DD/YYYY-MM-DD" strings, both dates optional.
    CLI: `newsledger actors add NAME --type person --country USA --alias X --role ... --wikidata Q..`
    """
    if type not in ACTOR_TYPES:
        raise GazetteerError(f"type must be one of {', '.join(ACTOR_TYPES)}, not {type!r}")
    for r in roles:
        Role.parse(r)      # fail now, not at load time
    if gender not in (None, "", "m", "f"):
        raise GazetteerError("gender is m, f or empty")
    actor_id = slugify(name)
    _append_user_row(path, {"id": actor_id, "name": name, "type": type,
                            "country": _check_country(country), "aliases": "|".join(aliases),
                            "gender": gender or "", "roles": "|".join(roles),
                            "wikidata": wikidata or "", "source": source})
    return actor_id


def add_alias(actor_id: str, alias: str, source: str = "user", path: Optional[Path] = None,
              check: bool = True) -> None:
    """Add another name for a known actor (shipped or user-added).
    CLI: `newsledger actors alias ACTOR_ID ALIAS`."""
    if check and load_gazetteer(user_path=_DEFAULT if path is None else path).entry(actor_id) is None:
        raise GazetteerError(f"unknown actor {actor_id!r}")
    _append_user_row(path, {"id": actor_id, "aliases": alias, "source": source})


def merge_actors(src_id: str, dst_id: str, source: str = "user", path: Optional[Path] = None,
                 check: bool = True) -> None:
    """Merge actor `src_id` into `dst_id`: its names become aliases of dst, its id redirects to dst.
    CLI: `newsledger actors merge SRC_ID DST_ID`."""
    if src_id == dst_id:
        raise GazetteerError("cannot merge an actor into itself")
    if check and load_gazetteer(user_path=_DEFAULT if path is None else path).entry(dst_id) is None:
        raise GazetteerError(f"unknown actor {dst_id!r}")
    _append_user_row(path, {"id": src_id, "merged_into": dst_id, "source": source})


# ---- loading -------------------------------------------------------------------------------------
_DEFAULT = object()


def _stamp(p: Path) -> tuple[str, float]:
    # Size as well as mtime: two appends within one mtime tick must still invalidate the cache.
    try:
        st = p.stat()
        return (str(p), st.st_mtime_ns + st.st_size / 1e6)
    except OSError:
        return (str(p), -1.0)


def load_gazetteer(extra_paths: Sequence[os.PathLike | str] = (), user_path=_DEFAULT) -> Gazetteer:
    """The shipped gazetteer plus `extra_paths` and the user file (USER_COLUMNS TSVs), in that order.

    `user_path=None` leaves the user file out; by default it is `user_actors_path()`.
    Cached per set of files and their modification times.
    """
    paths = [Path(p) for p in extra_paths]
    if user_path is _DEFAULT:
        user_path = user_actors_path()
    if user_path is not None:
        paths.append(Path(user_path))
    return _load_cached(tuple(_stamp(p) for p in paths))


@functools.lru_cache(maxsize=8)
def _load_cached(stamps: tuple[tuple[str, float], ...]) -> Gazetteer:
    gaz = Gazetteer()
    _load_countries(gaz)
    _load_organizations(gaz)
    _load_people(gaz)
    _load_rules(gaz)
    for path, mtime in stamps:
        if mtime < 0:
            continue
        apply_user_rows(gaz, parse_rows(Path(path).read_text(encoding="utf-8")), origin=path)
    gaz.index_names()
    return gaz


load_gazetteer.cache_clear = _load_cached.cache_clear  # type: ignore[attr-defined]
