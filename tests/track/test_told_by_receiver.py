"""A commitment first told by another side than its holder's (the side it is owed to: "Manila says Tokyo
promised ...", "according to Manila, Japan pledged ..."; or a third side) starts unconfirmed and becomes open when the holder's side tells it
(track/status.py told_by, track/linker.py). Our own small stories, hand-made records."""
from __future__ import annotations

import re

from newsledger.track import list_commitments

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


def test_told_first_by_the_holder_is_open(make_store):
    store = make_store()
    _ingest(store, [HOLDER_SAYS])
    assert _tracked(store, "told-2")["status"] == "open"


def test_told_first_by_a_third_side_is_a_claim_until_the_holder_tells_it(make_store):
    """Issue 21: a mediator's or any third state's telling ("Hungary says NATO has guaranteed ...", "..., a
    Spanish diplomat said") is a claim about the holder: unconfirmed, then open once the holder tells it."""
    store = make_store()
    _ingest(store, [THIRD_SAYS])
    assert _tracked(store, "told-3")["status"] == "unconfirmed"
    _ingest(store, [HOLDER_SAYS])
    assert _statuses(_tracked(store, "told-3")) == ["unconfirmed", "open"]


def _body(aid, date, text, body, country_word):
    """Told by a ministry the extraction resolved to no country of its own ("labour-ministry"); its mention
    names the country ("the Philippine labour ministry")."""
    r = _told(aid, date, text, body)
    i = text.index(country_word)
    mention = text[i:text.index(" said")]
    r["statements"][0]["speaker_mention"] = {"text": mention, "span": [i, i + len(mention)]}
    r["actors"].append({"id": body, "name": body, "type": "government", "country": None, "roles": [],
                        "wikidata": None, "mentions": [[i, i + len(mention)]]})
    return r


def test_a_body_of_no_country_is_on_the_side_its_mention_names(make_store):
    """"the Philippine labour ministry" is the receiving side (unconfirmed); "the Japanese foreign ministry"
    is the holder's, and its telling confirms (open)."""
    store = make_store()
    _ingest(store, [_body("body-1", "2026-06-01", "Japan has promised to send 40 diesel generators to the "
                          "Philippines by the end of June, the Philippine labour ministry said.", "labour-ministry",
                          "Philippine")])
    assert _tracked(store, "body-1")["status"] == "unconfirmed"
    _ingest(store, [_body("body-2", "2026-06-04", "Japan will send 40 diesel generators to the Philippines by "
                          "the end of June, the Japanese foreign ministry said.", "foreign-ministry", "Japanese")])
    assert _statuses(_tracked(store, "body-1")) == ["unconfirmed", "open"]


def _deal(aid, text, speaker, mirrored, events=()):
    """China's agreement to buy soybeans from the United States, told by `speaker`; `mirrored`: the record
    holds it for both signatories ("China and the United States agreed ...")."""
    content = "buy 25 million tonnes of soybeans"
    i = text.index(content)
    claim = {"kind": "claim", "speaker": speaker, "content": {"span": [0, i + len(content)]},
             "cue": {"span": [len(text) - 5, len(text) - 1], "text": "said"}}
    cs = [{"kind": "agreement", "holder": "china", "counterparty": "united-states", "content": content}]
    if mirrored:
        cs.append({"kind": "agreement", "holder": "united-states", "counterparty": "china", "content": content})
    return record(aid, "2026-09-01", text, statements=[claim], commitments=cs, events=events)


def test_an_agreement_told_by_the_counterparty_is_a_claim_unless_both_signed_it(make_store):
    store = make_store()
    _ingest(store, [_deal("deal-1", "China has agreed to buy 25 million tonnes of soybeans, the United States said.",
                          "united-states", False)])
    assert _tracked(store, "deal-1")["status"] == "unconfirmed"
    store = make_store("joint.db")
    _ingest(store, [_deal("deal-2", "China and the United States agreed that China would buy 25 million tonnes "
                          "of soybeans, the United States said.", "united-states", True)])
    assert all(c["status"] == "open" for c in list_commitments(store))


def test_the_terms_of_a_deal_the_article_tells_both_signed_are_either_partys_account(make_store):
    # CAMEO 057 (sign formal agreement) between the two: the terms, told by the counterparty, are no claim
    text = ("China and the United States signed a trade deal. Under the deal, China will buy 25 million tonnes of "
            "soybeans, the United States said.")
    signed = {"code": "057", "source": "united-states", "target": "china", "negated": False,
              "hypothetical": False, "trigger": {"text": "signed", "span": [29, 35]}}
    store = make_store()
    _ingest(store, [_deal("deal-3", text, "united-states", False, events=[signed])])
    assert _tracked(store, "deal-3")["status"] == "open"
    # a signing that did not happen ("have not signed") binds no one: the terms stay the teller's claim
    store = make_store("unsigned.db")
    _ingest(store, [_deal("deal-4", text, "united-states", False, events=[{**signed, "negated": True}])])
    assert _tracked(store, "deal-4")["status"] == "unconfirmed"


def test_a_company_promise_told_by_its_own_country_is_no_claim_of_another_side(make_store):
    """Must not: the US Commerce Department telling Nvidia's promise is one country's speaker of its own
    company's act, not another side (open)."""
    text = "Nvidia has promised to ship 500 servers to Indonesia by June, the Commerce Department said."
    content = "ship 500 servers to Indonesia"
    i = text.index(content)
    claim = {"kind": "claim", "speaker": "us-department-of-commerce", "content": {"span": [0, i + len(content)]},
             "cue": {"span": [len(text) - 5, len(text) - 1], "text": "said"}}
    store = make_store()
    _ingest(store, [record("nv-1", "2026-03-02", text, statements=[claim],
                           commitments=[{"kind": "promise", "holder": "nvidia", "content": content}])])
    assert _tracked(store, "nv-1")["status"] == "open"


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


def test_the_other_sides_telling_is_a_claim_whichever_side_it_is(make_store):
    """Nigeria's side telling it (the receiving side) and Niger's (a third side) both tell a claim about
    Egypt: unconfirmed."""
    store = make_store()
    _ingest(store, [_grain("grain-1", "Egypt has promised to deliver 5,000 tonnes of grain to Nigeria, "
                                      "an official of Nigeria said.", "nigeria")])
    assert _tracked(store, "grain-1")["status"] == "unconfirmed"
    store = make_store("niger.db")
    _ingest(store, [_grain("grain-2", "Egypt has promised to deliver 5,000 tonnes of grain to Nigeria, "
                                      "an official of Niger said.", "niger")])
    assert _tracked(store, "grain-2")["status"] == "unconfirmed"


def test_a_confirmed_commitment_retold_unconfirmed_stays_open():
    """Once the holder's side has told it, another side's or unnamed sources' retelling (unconfirmed) takes
    no confirmation back; a commitment only narrated ("X pledged ...") then told unconfirmed is."""
    from newsledger.track.status import Evidence, replay_commitment

    def ev(stance, date):
        return Evidence(stance=stance, date=date, article=date, span=None, record=date)

    told = replay_commitment([ev("confirm", "2026-06-01"), ev("unconfirmed", "2026-07-01")], None)
    assert [h["status"] for h in told.history] == ["open", "open"]
    narrated = replay_commitment([ev("mention", "2026-06-01"), ev("unconfirmed", "2026-07-01")], None)
    assert narrated.status == "unconfirmed"
    claimed = replay_commitment([ev("unconfirmed", "2026-06-01"), ev("confirm", "2026-06-03"),
                                 ev("unconfirmed", "2026-06-05"), ev("denied", "2026-06-07")], None)
    assert [h["status"] for h in claimed.history] == ["unconfirmed", "open", "open", "denied"]
