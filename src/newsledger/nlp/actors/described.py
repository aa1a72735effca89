"""An organisation the gazetteer and the NER do not know, read from the English around its proper name.

News introduces an organisation its readers may not know by saying what it is: a description whose head
noun is a kind of body (data/actors/org_descriptions.tsv: utility, operator, lender, university, ...) set
in front of the name ("state utility Vattenfall", "the Italian state lender Cassa Depositi e Prestiti"),
after it ("KU Leuven university") or in apposition ("Eskom, the state power company,"). The name so
described is an organisation whatever the statistical tagger made of it (a person, a place, nothing). A
proper name doing what organisations do ("Renfe said", "X will invest") is not enough by itself: people
do the same. The corporate designators at a name's end ("Ltd", "plc", "AG") are read by companies.py.

`described_names` reads the tokens only (before the gazetteer's matches are applied, so a place inside the
name, "Zurich" in "ETH Zurich", is part of it); the actor is made by the component, which knows the
country a demonym or possessive in the description names ("the Swedish state utility", "Italy's").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...lexicons.companies import load_org_descriptions, load_org_titles
from ...records import Actor
from ...slug import slugify

# Entity labels of words that are never part of an organisation's name ("the airline Monday said").
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Labels of a name set before its description that make it a place or a people's ("the Wall Street bank",
# "the Chinese company"): a body located or owned there, not the body's name.
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP"})
_JOINERS = frozenset({"&", "-"})
_DETS = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Described:
    start: int              # the name's tokens [start, end)
    end: int
    head: int               # the description's head noun
    desc_start: int         # the description's tokens [desc_start, desc_end)
    desc_end: int
    cls: str                # what the head describes (org_descriptions.tsv class)


def described_names(doc: Doc, start: int, titles, particles, first_names, title_words=frozenset()) -> list[Described]:
    """Proper names at or after token `start` that a description of a body names (module doc). `titles`:
    the document's title phrases [s, e) ("the bank Governor Andrew Bailey": a title, no name of the
    bank's); `particles`: lower-case words inside a name ("Cassa Depositi e Prestiti"); `first_names`:
    known given names (a name that starts with one is a person's); `title_words`: lower-case first words of
    titles ("the company CEO Tim Cook": a title and a person, no name of the company's)."""
    heads = load_org_descriptions()
    title_start = {s for s, _ in titles} | {t.i for t in doc if t.lower_ in title_words}
    out: list[Described] = []
    taken: set[int] = set()
    for h in doc[max(start, 1):]:
        row = heads.get(h.text) if h.text.islower() else None
        if row is None or h.pos_ != "NOUN":
            continue
        ds = _description_start(doc, h, start)
        words = {t.lower_ for t in doc[ds:h.i]}
        if words & row.not_with:
            continue
        span = _name_after(doc, h, title_start, particles) or _apposed_name(doc, h, ds, start, particles) \
            or (_name_before(doc, h, start, particles) if row.cls != "state body" else None)
        if span is None:
            continue
        s, e = span
        if e - s > 1 and doc[s].text in first_names or taken & set(range(s, e)):
            continue                                  # "the firm's lawyer" never gets here; "John Smith" a person
        if any(s <= ts < e for ts in title_start):
            continue
        taken |= set(range(s, e))
        desc = (ds, h.i + 1) if s > h.i else (h.left_edge.i if h.left_edge.i > s else s, h.i + 1)
        out.append(Described(s, e, h.i, desc[0], desc[1], row.cls))
    return out


def _description_start(doc: Doc, h: Token, start: int) -> int:
    """First token of the description headed by `h`: its modifiers in front back to a determiner or a
    possessive ("the Italian state lender", "Italy's state lender", "state utility")."""
    i = h.i
    while i - 1 >= start and not doc[i - 1].is_sent_end:
        t = doc[i - 1]
        if t.lower_ in _DETS or t.tag_ == "PRP$":
            return i - 1
        if t.tag_ == "POS":
            i -= 1
            continue
        if t.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM") or t.is_punct:
            break
        i -= 1
    return i


def _name_word(t: Token) -> bool:
    """A word of a proper name: capitalised and tagged a proper noun, or an abbreviation in capitals the
    tagger takes for a common noun ("ZESCO", "EPFL"); no date or number."""
    return bool(t.text) and t.text[0].isupper() and t.text.replace("-", "").isalnum() and \
        (t.pos_ == "PROPN" or t.tag_ in ("NNP", "NNPS") or (len(t.text) > 1 and t.text.isupper() and t.is_alpha)) \
        and t.ent_type_ not in _NOT_NAME_ENTS


def _run_forward(doc: Doc, k: int, particles) -> int:
    """End of the name that starts at token k: name words, with particles and joiners between them."""
    e = k + 1
    while e < len(doc) and not doc[e].is_sent_start:
        t = doc[e]
        if _name_word(t):
            e += 1
        elif (t.lower_ in particles and t.is_lower or t.text in _JOINERS) and e + 1 < len(doc) and \
                _name_word(doc[e + 1]) and not doc[e + 1].is_sent_start:
            e += 2
        else:
            break
    return e


def _run_back(doc: Doc, k: int, start: int, particles) -> int:
    """Start of the name that ends at token k."""
    s = k
    while s - 1 >= start and not doc[s].is_sent_start:
        t = doc[s - 1]
        if _name_word(t):
            s -= 1
        elif (t.lower_ in particles and t.is_lower or t.text in _JOINERS) and s - 2 >= start and \
                _name_word(doc[s - 2]) and not doc[s - 1].is_sent_start:
            s -= 2
        else:
            break
    return s


def _name_after(doc: Doc, h: Token, title_start, particles):
    """ "the rail operator Renfe", "state utility Vattenfall": the name right after the head noun."""
    k = h.i + 1
    if k >= len(doc) or doc[k].is_sent_start or not _name_word(doc[k]) or k in title_start:
        return None
    e = _run_forward(doc, k, particles)
    cut = next((i for i in range(k + 1, e) if i in title_start), e)     # "the bank Governor Andrew Bailey"
    return (k, cut) if cut > k else None


def _apposed_name(doc: Doc, h: Token, ds: int, start: int, particles):
    """ "Eskom, the state power company,": a name, a comma, then the description as its apposition, which
    opens with a determiner or a possessive and closes the phrase (a comma or the clause's end follows)."""
    if h.dep_ != "appos" or ds - 2 < start or doc[ds - 1].text != "," or \
            not (doc[ds].lower_ in _DETS or doc[ds].tag_ == "PRP$" or doc[ds + 1].tag_ == "POS"):
        return None
    nxt = doc[h.i + 1] if h.i + 1 < len(doc) else None
    if nxt is not None and not (nxt.is_punct or nxt.pos_ in ("ADP", "AUX", "VERB") or nxt.dep_ == "relcl"):
        return None
    k = ds - 2
    if not _name_word(doc[k]):
        return None
    s = _run_back(doc, k, start, particles)
    return (s, k + 1) if s <= h.head.i <= k else None


def _name_before(doc: Doc, h: Token, start: int, particles):
    """ "KU Leuven university": a name right before the head noun, the head ending the phrase. A place's or
    a people's name there says where the body is or whose it is ("the Wall Street bank", "a Chinese
    company"), and is left alone; so is a state body's head ("gave the DNC authority over": the caller)."""
    k = h.i - 1
    if k < start or doc[h.i].is_sent_start or not _name_word(doc[k]):
        return None
    nxt = doc[h.i + 1] if h.i + 1 < len(doc) else None
    if nxt is not None and _name_word(nxt) and not nxt.is_sent_start:
        return None
    s = _run_back(doc, k, start, particles)
    if any(t.ent_type_ in _PLACE_ENTS for t in doc[s:k + 1]) or (s > 0 and doc[s - 1].tag_ == "POS"):
        return None
    return s, k + 1


def described_spans(doc: Doc, st, kept, companies, gaz, rules):
    """The described names of the document (described_names, past its wire dateline) that no company name
    and no gazetteer name as long or longer covers, and the gazetteer matches left once they are read: a
    name inside a described one ("Zurich" in "ETH Zurich", "Leuven" in "KU Leuven") is part of it."""
    particles = rules.get("name_particles", frozenset()) | rules.get("org_name_particles", frozenset())
    title_words = frozenset(t.split()[0] for t in (*gaz.titles, *load_org_titles()) if t)
    out = []
    for d in described_names(doc, st.dateline, st.title_list, particles, gaz.first_names, title_words):
        s, e = d.start, d.end
        if any(cs < e and s < ce for cs, ce in companies):
            continue
        if any(ms < e and s < me and not (s <= ms and me <= e and (ms, me) != (s, e)) for ms, me, _ in kept):
            continue                                  # the gazetteer's name wins ("the carrier Emirates")
        out.append(d)
    if out:
        kept = [m for m in kept if not any(d.start <= m[0] and m[1] <= d.end for d in out)]
    return out, kept


def described_organisations(st, described, rules) -> None:
    """An actor for each described name: an organisation of the country its description names ("the Swedish
    state utility", "Italy's state lender"), which acts for itself, not for that state (records.same_side);
    a state body so described ("Norway's export credit agency") is a government body of that state."""
    doc = st.doc
    for d in described:
        country = None
        lo, hi = doc[d.desc_start].idx, doc[d.desc_end - 1].idx + len(doc[d.desc_end - 1].text)
        for m in st.index.mentions_in(lo, hi):
            a = st.index.actors.get(m.actor_id)
            if a is not None and a.type == "country":
                country = a.country
                break
        kind = "government" if d.cls == "state body" and country else "organization"
        text = doc[d.start:d.end].text
        actor = st.index.add(Actor(id=slugify(text), name=text, type=kind, country=country))
        st.mention(actor.id, d.start, d.end, "name")
