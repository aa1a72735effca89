"""A province's or a state's own government, named by an office of it with no holder's name: "British Columbia's
housing minister said", "Queensland's transport minister". An unnamed minister of a country acts for the country
(references.py); one of a place below a country acts for that place's government, one actor "Government of X"
(type government, with the country the place lies in). The office words are data/actors/ner.yaml regional_heads.
"""
from __future__ import annotations

from ...records import Actor
from ...slug import slugify
from .cities import unnamed_head, unplace


def unnamed_regional_heads(st, rules, lookup) -> None:
    """An office of `regional_heads` whose possessor is a place the gazetteer or the NER knows, that is no country
    ("Ontario's energy minister"), the active subject of a clause and no actor yet: "Government of Ontario"."""
    doc = st.doc
    heads = rules.get("regional_heads", frozenset())
    for tok in doc[st.dateline:]:
        if not unnamed_head(st, tok, heads):
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.ent_type_ == "GPE"), None)
        if owner is None:
            continue
        lo = owner.left_edge
        place = doc[lo.i:owner.i + 1].text
        hits = lookup(place)
        if any(h.kind not in ("place", "metonym") for h in hits):
            continue        # a country or another actor's name: its own reading ("Iraq's oil minister")
        hit = next((h for h in hits if h.place_country), None)
        if hit is None:
            continue
        name = f"Government of {place}"
        actor = st.index.add(Actor(id=slugify(name), name=name, type="government", country=hit.place_country))
        st.mention(actor.id, lo.i, tok.i + 1, "name")
        unplace(st, lo.idx, lo.idx + len(place))
