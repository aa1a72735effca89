"""Words that name a company again without its name (data/actors/companies.yaml), read once, without
spaCy: nlp/actors/companies.py reads a description on a parse, track/ reads "a company spokeswoman" in
stored text."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .loader import tsv_rows, yaml_data


@dataclass(frozen=True)
class CompanyWords:
    descriptions: frozenset[str]        # "the company", "the carmaker"
    maker_heads: frozenset[str]         # "the iPhone maker", "the TikTok owner"
    not_company_words: frozenset[str]   # in the name of a union, an association, a public body


@functools.lru_cache(maxsize=1)
def load_company_words() -> CompanyWords:
    d = yaml_data("actors", "companies.yaml")
    return CompanyWords(descriptions=frozenset(d["company_descriptions"]),
                        maker_heads=frozenset(d["maker_heads"]),
                        not_company_words=frozenset(d["not_company_words"]))


@dataclass(frozen=True)
class CompanyHead:
    exact: bool                         # a designator as written ("AG", "plc"); else the word capitalised
    not_with: frozenset[str]            # lower-case words that make a name with this head no company


@functools.lru_cache(maxsize=1)
def load_company_heads() -> dict[str, CompanyHead]:
    """data/actors/company_names.tsv: the last word of a company's proper name, by its text as written
    (exact) or title-cased."""
    out = {}
    for r in tsv_rows("actors", "company_names.tsv"):
        exact = r["case"] == "exact"
        out[r["head"] if exact else r["head"].title()] = CompanyHead(
            exact=exact, not_with=_cell_words(r["not_with"]))
    return out


@dataclass(frozen=True)
class CivicHead:
    members: bool                       # the head makes a body of members only with a member word in the name
    not_with: frozenset[str]            # lower-case words that keep the other readings


@functools.lru_cache(maxsize=1)
def load_civic_heads() -> dict[str, CivicHead]:
    """data/actors/civic_bodies.tsv: the last word (lower case) of a body of members' proper name."""
    return {r["head"]: CivicHead(members=r["when"] == "members",
                                 not_with=_cell_words(r["not_with"]))
            for r in tsv_rows("actors", "civic_bodies.tsv")}


@functools.lru_cache(maxsize=1)
def load_civic_member_words() -> frozenset[str]:
    """data/actors/ner.yaml civic_member_words: the members a body of members is named after (labour,
    teachers, doctors, employers ...), lower case."""
    return _ner_words("civic_member_words")


def _ner_words(key: str) -> frozenset[str]:
    """One word list of data/actors/ner.yaml, lower case."""
    return frozenset(str(w).lower() for w in (yaml_data("actors", "ner.yaml") or {}).get(key, ()))


@functools.lru_cache(maxsize=1)
def load_regulator_words() -> tuple[frozenset[str], frozenset[str]]:
    """data/actors/ner.yaml: the nouns that describe a regulator ("regulator", "watchdog") and the words of a
    body's name that make it one (commission, authority ...), lower case."""
    return _ner_words("regulator_descriptions"), _ner_words("regulator_name_words")


@functools.lru_cache(maxsize=1)
def load_agency_name_words() -> frozenset[str]:
    """data/actors/ner.yaml agency_name_words: words of a name or alias that make a body one "the agency"
    names again (agency, programme, fund ...), lower case."""
    return _ner_words("agency_name_words")


def civic_name(words: list[str], member_words: frozenset[str], of_head: bool = False) -> bool:
    """The words (lower case, punctuation left out) of a proper name of a body of members: its last word is
    a head of data/actors/civic_bodies.tsv, with a word of `member_words` in the name where the head needs
    one ("nigeria labour congress", not "us congress"). With `of_head`, the head may also be the last word
    before "of" ("royal college of nursing", "national union of teachers")."""
    if len(words) < 2:
        return False
    last = words.index("of") - 1 if of_head and "of" in words[1:] else len(words) - 1
    head = load_civic_heads().get(words[last])
    if head is None:
        return False
    rest = set(words) - {words[last]}
    if rest & head.not_with:
        return False
    return not head.members or bool(rest & member_words)


def civic_body_name(name: str) -> bool:
    """An actor's name is a body of members' (civic_name of its words, "of" heads too): "Royal College of
    Nursing", "National Confederation of Education Workers"."""
    return civic_name([w.strip(".,'’").lower() for w in name.split()], load_civic_member_words(), of_head=True)


@functools.lru_cache(maxsize=1)
def load_org_titles() -> dict[str, bool]:
    """data/actors/org_titles.tsv: an organisation officer's title (lower case) -> whether the title alone,
    with no side named in it, makes its bearer the officer of the organisation whose act they announce."""
    return {r["title"]: r["bare"] == "yes" for r in tsv_rows("actors", "org_titles.tsv")}


@dataclass(frozen=True)
class OrgDescription:
    cls: str                            # what the head describes: company, finance, education, union, state body
    not_with: frozenset[str]            # lower-case words of the description that make it no such body


@functools.lru_cache(maxsize=1)
def load_org_descriptions() -> dict[str, OrgDescription]:
    """data/actors/org_descriptions.tsv: head nouns (lower case) of a description naming an organisation
    beside its proper name ("state utility Vattenfall", "Eskom, the state power company,")."""
    return {r["head"]: OrgDescription(cls=r["class"], not_with=_cell_words(r["not_with"]))
            for r in tsv_rows("actors", "org_descriptions.tsv")}


def _cell_words(cell: str) -> frozenset[str]:
    """A TSV cell of words joined by "|" ("" for none)."""
    return frozenset(w for w in (cell or "").split("|") if w)
