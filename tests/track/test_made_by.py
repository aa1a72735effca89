"""A back-reference that names who made what it points back at ("the end-April date set by Pedro Sanchez", "the
deadline set by the union") is about that maker's commitment (match.made_by, refer.reference): a sentence
naming another party as the maker is no report on this one, however alike its words. Hand-made records (no
spaCy), our own story about real public actors and hypothetical events."""
from __future__ import annotations

import pytest

from newsledger.track.match import made_by

from .test_followups import _articles, _ingest, _tracked, record

UNION = {"id": "ccoo", "name": "CCOO", "type": "group", "country": "ESP", "roles": [], "wikidata": None}


def _with_union(r):
    text = r["article"]["text"]
    spans = [[i, i + 4] for i in range(len(text)) if text.startswith("CCOO", i)]
    if spans:
        r["actors"].append({**UNION, "mentions": spans})
    return r


ULTIMATUM = _with_union(record(
    "nurses-1", "2026-01-12",
    "The CCOO union gave Spain until February 27 to pay the nurses' overtime arrears or face a strike.",
    times=[("February 27", "DATE", "2026-02-27")],
    commitments=[{"kind": "ultimatum", "holder": "ccoo", "counterparty": "spain",
                  "content": "pay the nurses' overtime arrears or face a strike", "due": "2026-02-27"}]))
MISSED = _with_union(record(
    "nurses-2", "2026-03-02",
    "The deadline set by the CCOO union for paying the nurses' overtime arrears passed without the money being "
    "paid, and nurses in Madrid walked out on Monday."))
ANOTHERS = _with_union(record(
    "nurses-3", "2026-05-07",
    "The end-April date set by Pedro Sanchez for paying the nurses' overtime arrears passed without the money "
    "being paid, the CCOO union said.",
    times=[("end-April", "DATE", "2026-04")]))


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_a_date_set_by_another_party_is_no_report_on_the_unions_ultimatum(make_store, order):
    store = make_store()
    records = [ULTIMATUM, MISSED, ANOTHERS]
    _ingest(store, records if order == "forward" else records[::-1])
    c = _tracked(store, "nurses-1")
    assert _articles(c) == ["nurses-1", "nurses-2"]     # must link: the deadline set by the union itself
    assert c["status"] == "missed"


def test_made_by_reads_the_actor_after_by():
    text = "The end-April date set by Prime Minister Pedro Sanchez for paying them passed."
    i = text.index("Pedro")
    assert made_by(text, [(i, i + 12, "pedro-sanchez")]) == {"pedro-sanchez"}
    assert made_by("the systems Germany pledged in July", [(12, 19, "germany")]) == set()   # no "by": no maker
    j = text.index("passed")
    assert made_by(text, [(j, j + 6, "x")]) == set()     # an actor further on is not the maker
