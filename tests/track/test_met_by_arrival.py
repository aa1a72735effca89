"""Met told by the promised thing reaching the receiving side (track/acts.py, arrived): an arrival or
receipt verb told done whose subject is the promised thing ("the generators crossed into ...", "the
money reached ...") or the receiving side ("Manila has taken delivery of ..."). Our own small stories,
hand-made records as in test_followups.py; other goods arriving, or an arrival still to come, or only
part of it, must leave the pledge open."""
from __future__ import annotations

import pytest

from .test_followups import _articles, _ingest, _tracked, record

PLEDGE = record(
    "gen-1", "2026-06-01",
    "Japan pledged on Monday to send 40 diesel generators to the Philippines by the end of June, after "
    "a typhoon cut power across Luzon.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "philippines",
                  "content": "send 40 diesel generators to the Philippines", "due": "2026-06-30"}])
LOAN = record(
    "loan-1", "2026-02-02",
    "Brazil pledged on Monday to lend Argentina 2 billion dollars by the end of March to shore up its "
    "reserves.",
    commitments=[{"kind": "pledge", "holder": "brazil", "counterparty": "argentina",
                  "content": "lend Argentina 2 billion dollars", "due": "2026-03-31"}])


def _status(store, first, follow):
    _ingest(store, [first, follow])
    c = _tracked(store, first["article"]["id"])
    return c["status"], _articles(c)


GOODS = [
    # the promised thing as subject of an arrival verb, told by the receiving side
    "The last of the diesel generators promised by Japan crossed into the Philippines on Friday, officials "
    "in Manila said.",
    "The 40 diesel generators from Japan entered the Philippines on Friday, officials in Manila said.",
    "The last of the promised ones crossed into the Philippines on Friday, the diesel generators Japan "
    "pledged in June, officials in Manila said.",
    "The 40 diesel generators, which Manila had expected in July, crossed into the Philippines on Friday, "
    "officials said.",
    # the arrival itself points at the pledge it reports on, with few words of the content
    "The generators, which Manila had expected to arrive in July, crossed into the Philippines on Friday, "
    "officials said.",
    # the receiving side as subject of a receipt verb, the promised thing its object
    "The Philippines has taken delivery of the 40 diesel generators from Japan, its energy department "
    "said on Friday.",
]
MONEY = [
    "The 2 billion dollars Brazil promised have reached Argentina's central bank, the economy ministry said.",
    # a back-reference to money ("the money"), in a sentence of its own
    "Brazil's 2 billion dollar loan to Argentina was approved by its Senate in March. The money reached "
    "Argentina's central bank on Tuesday, the economy ministry said.",
    "The payment of 2 billion dollars from Brazil was credited to Argentina's treasury on Tuesday, the economy "
    "ministry said.",
    # the subject described in a phrase set off by commas ("the lender, the state development bank,")
    "The 2 billion dollar loan from Brazil, the largest in the bank's history, was credited to Argentina's "
    "treasury on Tuesday, the economy ministry said.",
]


@pytest.mark.parametrize("first,text", [(PLEDGE, t) for t in GOODS] + [(LOAN, t) for t in MONEY])
def test_the_promised_thing_reaching_the_receiver_meets_the_pledge(make_store, first, text):
    aid = first["article"]["id"]
    later = record(aid.replace("-1", "-2"), "2026-06-26" if first is PLEDGE else "2026-03-24", text)
    status, arts = _status(make_store(), first, later)
    assert status == "met" and arts == [aid, later["article"]["id"]]


@pytest.mark.parametrize("text", [
    # other goods between the same sides
    "The Philippines has taken delivery of 12 patrol boats from Japan, its coast guard said on Friday.",
    "Twelve Japanese patrol boats arrived in Manila on Friday, the Philippine coast guard said.",
    "The patrol boats promised by Japan last year arrived in the Philippines on Friday, Manila said.",
    "200 diesel generators from Japan crossed into the Philippines on Friday, officials in Manila said.",
    # still to come, or only part of it
    "The diesel generators promised by Japan have yet to arrive in the Philippines, officials in Manila said.",
    "The diesel generators promised by Japan are expected to arrive in the Philippines next week, Manila said.",
    "Only part of the diesel generators promised by Japan arrived in the Philippines on Friday, Manila said.",
    "The first of the diesel generators promised by Japan arrived in the Philippines on Friday, Manila said.",
])
def test_other_goods_or_an_arrival_not_done_leave_the_pledge_open(make_store, text):
    status, _ = _status(make_store(), PLEDGE, record("gen-2", "2026-06-26", text))
    assert status == "open"


def test_a_verb_of_motion_tells_the_promised_act_only_of_the_promised_thing():
    from newsledger.track.acts import acts_of, done_act, promised_things
    from newsledger.track.sentences import split_sentences
    content = "send 40 diesel generators to the Philippines"
    acts, promised = acts_of(content), promised_things(content, frozenset({"philippin"}))
    told = {t: done_act(split_sentences(t)[0], acts, promised) for t in (
        "Two Japanese transport planes landed in Manila on Friday.",         # other things moved
        "The generators landed in Manila on Friday.",
        "They landed in Manila on Friday.")}                                  # a pronoun may be the generators
    assert told == {"Two Japanese transport planes landed in Manila on Friday.": False,
                    "The generators landed in Manila on Friday.": True, "They landed in Manila on Friday.": True}
