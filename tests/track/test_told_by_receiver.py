"""A commitment first told by the side it is owed to ("Manila says Tokyo promised ...", "according to
Manila, Japan pledged ...") starts unconfirmed and becomes open when the holder's side tells it
(track/status.py told_by, track/linker.py). Our own small stories, hand-made records."""
from __future__ import annotations

import re

from .test_followups import _ingest, _tracked, record

CONTENT = "send 40 diesel generators to the Philippines"


def _told(aid, date, text, speaker):
    """A record whose commitment (Japan's, to the Philippines) lies in a claim by `speaker`, and in the
    pledge statement of its holder (the commitment itself, as the extraction gives it)."""
    i = text.index(CONTENT)
    claim = {"kind": "claim", "speaker": speaker, "content": {"span": [0, i + len(CONTENT)]},
             "cue": {"span": [len(text) - 6, len(text) - 1], "text": "said"}}
    pledge = {"kind": "pledge", "speaker": "japan", "content": {"span": [i, i + len(CONTENT)]},
              "cue": {"span": [0, 5], "text": "Japan"}}
    return record(aid, date, text, statements=[claim, pledge],
                  commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "philippines",
                                "content": CONTENT, "due": "2026-06-30"}])


RECEIVER_SAYS = _told("told-1", "2026-06-01", "Japan has promised to send 40 diesel generators to the Philippines by "
                      "the end of June, the Philippine energy secretary said.", "philippines")
HOLDER_SAYS = _told("told-2", "2026-06-04", "Japan will send 40 diesel generators to the Philippines by the end of "
                    "June, the Japanese foreign ministry said.", "japan")
THIRD_SAYS = _told("told-3", "2026-06-01", "Japan has promised to send 40 diesel generators to the Philippines by "
                   "the end of June, a Spanish diplomat in Madrid said.", "spain")


def _statuses(c):
    return [h["status"] for h in c["history"]]


def test_told_first_by_the_receiving_side_is_unconfirmed_until_the_holder_tells_it(make_store):
    store = make_store()
    _ingest(store, [RECEIVER_SAYS])
    assert _tracked(store, "told-1")["status"] == "unconfirmed"
    _ingest(store, [HOLDER_SAYS])
    c = _tracked(store, "told-1")
    assert _statuses(c) == ["unconfirmed", "open"]


def test_told_first_by_the_holder_or_a_third_side_is_open(make_store):
    store = make_store()
    _ingest(store, [HOLDER_SAYS])
    assert _tracked(store, "told-2")["status"] == "open"
    store = make_store("third.db")
    _ingest(store, [THIRD_SAYS])
    assert _tracked(store, "told-3")["status"] == "open"


def _grain(aid, text, speaker):
    """Egypt's pledge with no counterparty found, told in a claim by `speaker`: the side it is owed to is
    a country its content names (status._receiving)."""
    content = "deliver 5,000 tonnes of grain to Nigeria"
    i = text.index(content)
    claim = {"kind": "claim", "speaker": speaker, "content": {"span": [0, i + len(content)]},
             "cue": {"span": [len(text) - 5, len(text) - 1], "text": "said"}}
    r = record(aid, "2026-03-02", text, statements=[claim],
               commitments=[{"kind": "pledge", "holder": "egypt", "content": content}])
    for ident, name, code in (("egypt", "Egypt", "EGY"), ("nigeria", "Nigeria", "NGA"), ("niger", "Niger", "NER")):
        spans = [[m.start(), m.end()] for m in re.finditer(r"\b%s\b" % name, text)]
        r["actors"].append({"id": ident, "name": name, "type": "country", "country": code, "roles": [],
                            "wikidata": None, "mentions": spans})
    return r


def test_the_country_the_content_names_is_read_by_its_name_not_inside_another(make_store):
    """The content names Nigeria: Nigeria's side telling it is the receiving side (unconfirmed), Niger's
    is not, though "niger" is the start of "Nigeria" (a third side's telling: open)."""
    store = make_store()
    _ingest(store, [_grain("grain-1", "Egypt has promised to deliver 5,000 tonnes of grain to Nigeria, "
                                      "an official of Nigeria said.", "nigeria")])
    assert _tracked(store, "grain-1")["status"] == "unconfirmed"
    store = make_store("niger.db")
    _ingest(store, [_grain("grain-2", "Egypt has promised to deliver 5,000 tonnes of grain to Nigeria, "
                                      "an official of Niger said.", "niger")])
    assert _tracked(store, "grain-2")["status"] == "open"
