"""A company named again by a definite description: "the company", "the German carmaker", "the iPhone
maker" names the organization named last before it. Read by commitments (who holds a pledge) and by
statements (who speaks: "..., the company said"), so both read the description the same way.

The word lists are data (data/actors/companies.yaml: company_descriptions, maker_heads, not_company_words).

A company's own name is read here too (company_names): a proper name that ends in a corporate designator
or a company-name head word (data/actors/company_names.tsv: "Barrick Gold", "American Airlines", "Zenith
Minerals Ltd") is a company's, whether or not the gazetteer knows it.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...lexicons.companies import civic_name, load_civic_heads, load_company_heads, load_company_words, load_org_titles
from ...records import BODY_TYPES, STATE_TYPES
from ..extensions import ActorIndex
from ..grammar.dateline import past_dateline
from ..grammar.syntax import SUBJECT_DEPS


def described_company(tok: Token, index: ActorIndex) -> Optional[str]:
    """The organization a definite description of a company names: "the company", "the planemaker",
    "the iPhone maker" (data: company_descriptions, maker_heads). News names a company, then goes on
    with such a description of it: the organization named last before it, never the product or
    actor in its own modifiers ("the iPhone maker" is not the iPhone, "the German carmaker" not
    Germany)."""
    words = load_company_words()
    lemma = tok.lemma_.lower()
    # (two look-ups, not one in their union: a new set made for every speaker read)
    if tok.pos_ != "NOUN" or (lemma not in words.descriptions and lemma not in words.maker_heads):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None     # "Mr. Clarke's new company", "a company": another company, not the one named last
    own = {m.actor_id for m in index.mentions_in(tok.left_edge.idx, tok.idx + len(tok.text))}
    best = subject = None
    sent = tok.sent
    no_company: dict[str, bool] = {}
    for m in index.mentions:
        if m.end > tok.left_edge.idx:
            break
        a = index.actors.get(m.actor_id)
        if a is None or a.type != "organization" or a.id in own:
            continue
        if a.id not in no_company:      # "the union Verdi": no company, by its name or the words it came with
            no_company[a.id] = bool(set(a.name.lower().split()) & words.not_company_words) or \
                _introduced_as_no_company(tok.doc, index, a.id, words.not_company_words - {lemma})
        if not no_company[a.id]:
            best = a.id
            if m.start >= sent.start_char and _names_subject(tok.doc, m.start, m.end):
                subject = a.id
    # "Rio Tinto will invest in Mongolia's Oyu Tolgoi mine, the company said": the company that acts in
    # the sentence, not the mine or the partner named after it in the sentence's other phrases
    return subject or best


def _introduced_as_no_company(doc, index: ActorIndex, aid: str, not_company: frozenset) -> bool:
    """An organization named with the kind of body it is, one that is no company ("the German services
    union Verdi", "the French union CGT", "the farmers' association Coldiretti"): the words of its name's
    phrase before the name say so, so that a later "the airline" or "the company" is not it (`not_company`
    leaves out the description's own word: "the Swiss university EPFL ..., the university said" is EPFL)."""
    for m in index.mentions:
        if m.actor_id != aid or m.kind != "name":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        heads = [root, root.head] if root.dep_ == "appos" else [root]
        if any(t.i < span.start and t.lower_ in not_company for h in heads for t in h.subtree):
            return True
    return False


def _names_subject(doc, start: int, end: int) -> bool:
    """The mention is a clause's subject ("Ivanhoe Mines will build ..."; behind a wire dateline the parse
    took for it, grammar/dateline.py), not an object or modifier."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS:
        return past_dateline(root.head).i == root.i
    return root.dep_ in SUBJECT_DEPS


_ARTICLES = frozenset({"the", "a", "an"})
_JOINERS = frozenset({"&", "-"})


def company_names(doc: Doc, start: int, first_names, titles=()) -> list[tuple[int, int]]:
    """Token spans [s, e) of company names at or after token `start` (past a wire dateline): a run of
    capitalised proper words in one sentence that ends in a head word of company_names.tsv ("Barrick
    Gold", "Asante Gold Corp", "British Airways"). The head must end the name: "Energy Minister" and
    "Gold Coast" go on past it; a name of the head alone ("Gold") names nothing. A word of `not_with` or
    of not_company_words anywhere in the name ("Swiss National Bank", "Ministry of Mines") and a known
    given name in front of a surname-like head ("Renee Gold") leave it to the other readings. `titles`:
    the document's title phrases [s, e): a head inside one is a title's word ("Energy Minister"), one
    right after the head ends the name ("Qatar Airways Chief Executive Akbar al-Baker")."""
    heads = load_company_heads()
    in_title = {i for ts, te in titles for i in range(ts, te)}
    title_start = {ts for ts, _ in titles}
    blocked = load_company_words().not_company_words
    found = []
    for i in range(max(start, 1), len(doc)):
        tok = doc[i]
        head = heads.get(tok.text)
        if head is None or i in in_title:
            continue
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and not nxt.is_sent_start and nxt.i not in title_start and (
                _name_word(nxt) or nxt.text in heads):
            continue                                  # "Energy Ministry", "Barrick Gold Corp": the name goes on
        s = i
        j = i - 1
        while j >= start and not doc[j + 1].is_sent_start:
            t = doc[j]
            if _name_word(t) and not (t.is_sent_start and t.pos_ != "PROPN"):
                s = j
            elif t.text in _JOINERS and j - 1 >= start and _name_word(doc[j - 1]) and not t.is_sent_start:
                s = j                                 # "Johnson & Johnson", "Coca-Cola"
            else:
                break
            j -= 1
        while s < i and doc[s].text in _JOINERS:
            s += 1
        if s == i:
            continue                                  # the head word alone
        words = {t.lower_ for t in doc[s:i + 1]}
        if words & head.not_with or words & blocked:
            continue
        if i - s == 1 and doc[s].text in first_names and not head.exact:
            continue                                  # "Renee Gold": a person
        found.append((s, i + 1))
    return found


def _name_word(t: Token) -> bool:
    """A capitalised word of a proper name ("Barrick", "Anglo", "American"), not an article."""
    return bool(t.text) and t.text[0].isupper() and t.is_alpha and t.lower_ not in _ARTICLES and (
        t.pos_ in ("PROPN", "ADJ") or t.tag_ in ("NNP", "NNPS"))


def civic_body(span, member_words) -> bool:
    """A proper name of a body of members (a union, an association, a federation of employers): its last
    word is a head of data/actors/civic_bodies.tsv, with a word of `member_words` in the name where the head
    needs one ("Nigeria Labour Congress", not "US Congress"). Such a body acts for its members, not a state."""
    return civic_name([t.lower_ for t in span if not t.is_punct], member_words)


_TITLE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "appos"})


def title_phrase(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of a person's mention [start, end) (chars) and of the title phrase around its name:
    modifiers in front ("its commercial chief Stephanie Pope"), an apposition either way ("Stephanie Pope,
    chief executive of Boeing Commercial Airplanes", "the chief executive, Antonio Filosa")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    out = {t.i for t in span}
    for c in head.children:
        if c.dep_ in _TITLE_DEPS and (c.i < head.i or c.dep_ == "appos"):
            out |= {t.i for t in c.subtree}
    if head.dep_ == "appos":
        out |= {t.i for t in head.head.subtree} - {t.i for t in head.subtree} | {head.head.i}
    return [doc[i] for i in sorted(out)]


def officer_of(doc: Doc, index: ActorIndex, person: str, org: str, maker_of=lambda a: a) -> bool:
    """Whether `person` is an officer of the organization `org` by a title the article gives them
    (data/actors/org_titles.tsv): a title that names `org` ("Ryanair Chief Executive", "chief executive of
    Boeing Commercial Airplanes": a division is its company's, `maker_of`), or points at it by a possessive
    ("its commercial chief", "the carmaker's chief"), or a bare title of a company officer naming no side
    ("Chief Executive Antonio Filosa"), or a head's title naming no side beside the one organisation its
    sentence names (_head_of_sole_body). A title naming another organization or a state ("Kremlin spokesman")
    makes them that side's."""
    titles = load_org_titles()
    words = load_company_words()
    for m in index.mentions:
        if m.actor_id != person or m.kind == "pronoun":
            continue
        phrase = title_phrase(doc, m.start, m.end)
        text = (" " + " ".join(t.lower_ for t in phrase) + " ").replace(" - ", "-")     # "vice-chancellor"
        held = [bare for title, bare in titles.items() if f" {title} " in text]
        if not held:
            continue
        named, states, pointed = set(), set(), False
        for t in phrase:
            for mm in index.mentions_in(t.idx, t.idx + len(t.text)):
                a = index.actors.get(mm.actor_id)
                if a is None or a.id == person:
                    continue
                if a.type in BODY_TYPES:
                    named.add(maker_of(a.id))
                    pointed |= mm.kind == "pronoun"
                elif a.type in STATE_TYPES:
                    states.add(a.id)
            if t.dep_ == "poss" and t.lemma_.lower() in words.descriptions and described_company(t, index) == org:
                pointed = True                  # "the carmaker's European chief"
            if t.pos_ == "NOUN" and t.is_lower and t.lemma_.lower() in load_civic_heads() and \
                    _described_as(doc, index, org, t.lemma_.lower()):
                pointed = True                  # "union chairman Mario Reiss" of "the GDL train drivers' union"
        if named:
            if org in named:
                return True
            continue
        if states:
            continue
        # a bare title ("Chief Executive Chris Weston") names a company's officer: of an organisation, never
        # of a common group the article mentions ("its creditors", "protesters")
        if pointed or (any(held) and getattr(index.actors.get(org), "type", None) == "organization"):
            return True
        if _head_of_sole_body(doc, index, m, person, org, maker_of):
            return True
    return False


def _described_as(doc: Doc, index: ActorIndex, org: str, head: str) -> bool:
    """The organisation's name stands in a phrase the article heads with `head`, a body of members' word ("the
    GDL train drivers' union", "GDL, the train drivers' union"): what a title's "union" points at."""
    for m in index.mentions:
        if m.actor_id != org or m.kind == "pronoun":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        t = span.root
        for _ in range(4):      # "GDL" < "train" < "drivers'" < "union"
            if t.lemma_.lower() == head and t.pos_ == "NOUN" or any(
                    c.dep_ == "appos" and c.lemma_.lower() == head for c in t.children):
                return True
            if t.dep_ not in ("compound", "poss", "nmod") or t.head.i == t.i:
                break
            t = t.head
    return False


def _head_of_sole_body(doc: Doc, index: ActorIndex, m, person: str, org: str, maker_of) -> bool:
    """A head's title that names no side ("Harvard University will keep paying ..., President Alan Garber
    said", "Vice-Chancellor Emma Johnston") in a sentence that names one organisation and no other body: the
    head of that organisation. A state's office needs more than the word: the person must hold no office
    the gazetteer names with its state ("President of Nigeria": the roles read from an article's title are
    its lower-case words) and belong to no other country than the organisation's."""
    ro, rp = index.actors.get(org), index.actors.get(person)
    if ro is None or rp is None or ro.type != "organization":
        return False
    if any(r != r.lower() for r in map(str, rp.roles)) or (rp.country and rp.country != ro.country):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    # bodies named by a name ("staff", "owners": people of the story, no body that has a head)
    bodies = {maker_of(a.id) for mm in index.mentions_in(sent.start_char, sent.end_char)
              if (a := index.actors.get(mm.actor_id)) is not None and a.type in BODY_TYPES
              and doc.text[mm.start:mm.start + 1].isupper()}
    return bodies == {maker_of(org)}
