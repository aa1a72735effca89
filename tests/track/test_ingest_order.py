"""The order articles are ingested in does not change what a tracked commitment ends as (issue 21): a
follow-up stored before the commitment it reports on is read again when the commitment arrives
(followups.link_backward), an extension stored before it is read again against its due
(followups.link_earlier), and the status is replayed from all evidence in date order (status.py). Our own
small stories, hand-made records as in test_followups.py, each ingested in every order."""
from __future__ import annotations

import itertools

import pytest

from newsledger.eval.tracking import due_equal

from .test_followups import _articles, _ingest, _tracked, record
from .test_met_by_arrival import GOODS, LOAN, MONEY, PLEDGE


def _ends(make_store, records, first):
    """(status, due, linked articles) after ingesting `records` in each order, one store per order."""
    out = set()
    for n, order in enumerate(itertools.permutations(records)):
        store = make_store(f"order-{n}.db")
        _ingest(store, list(order))
        c = _tracked(store, first)
        out.add((c["status"], c["due"], tuple(sorted(_articles(c)))))
    return out


@pytest.mark.parametrize("first,text", [(PLEDGE, t) for t in GOODS] + [(LOAN, t) for t in MONEY])
def test_an_arrival_stored_before_the_pledge_meets_it(make_store, first, text):
    """The promised thing reaching the other side, ingested before the pledge it keeps: read again when
    the pledge arrives, it meets it as in date order."""
    aid = first["article"]["id"]
    later = record(aid.replace("-1", "-2"), "2026-06-26" if first is PLEDGE else "2026-03-24", text)
    assert _ends(make_store, [first, later], aid) == {("met", first["commitments"][0]["due"],
                                                      (aid, later["article"]["id"]))}


# A pledge, its delay "by a month, to the end of April" (the month named, told by the holder's side), and
# the money reaching the receiving side: in every order, extended to April, then met.
DELAYED = record(
    "loan-3", "2026-03-20",
    "Brazil has pushed back by a month, to the end of April, the 2 billion dollar loan it promised Argentina "
    "for March, the finance ministry in Brasilia said.",
    times=[("by a month", "DURATION", "P1M"), ("the end of April", "DATE", "2026-04")])
PAID = record(
    "loan-4", "2026-04-22",
    "The payment of 2 billion dollars from Brazil was credited to Argentina's treasury on Tuesday, the economy "
    "ministry said.")


def test_a_delay_and_a_payment_end_the_same_in_every_order(make_store):
    ends = _ends(make_store, [LOAN, DELAYED, PAID], "loan-1")
    assert len(ends) == 1
    (status, due, arts), = ends
    assert status == "met" and arts == ("loan-1", "loan-3", "loan-4")
    assert due_equal(due, "2026-04-30")        # the month named, due by its last day


# A promise, one more week to keep it, and a report that points at it only with a few of its words and the
# new due day ("by Thursday", the day the week ends): read against the due in force after the extension
# whatever order the three arrive in (followups.link_after_extension: a report stored before the extension
# is read again once the extension moves the due). Before that re-reading, stored first, it stayed unlinked.
OIL = record(
    "oil-1", "2026-05-04",
    "Spain promised on Monday to hand 500 tonnes of olive oil from state reserves to food banks within ten "
    "days, Pedro Sanchez said.",
    commitments=[{"kind": "promise", "holder": "spain", "content": "hand 500 tonnes of olive oil from state "
                  "reserves to food banks", "due": "2026-05-14"}],
    times=[("ten days", "DURATION", "P10D")])
OIL_WEEK = record(
    "oil-2", "2026-05-14",
    "Madrid will need one more week to get the reserve olive oil to food banks, the government said on "
    "Thursday, pushing back the handover because of a shortage of trucks.",
    times=[("one more week", "DURATION", "P1W"), ("Thursday", "DATE", "2026-05-14")])
OIL_DONE = record(
    "oil-3", "2026-05-22",
    "The oil was with the food banks by Thursday, Madrid said.",
    times=[("Thursday", "DATE", "2026-05-21")])


def test_a_report_naming_the_extended_due_links_in_every_order(make_store):
    ends = _ends(make_store, [OIL, OIL_WEEK, OIL_DONE], "oil-1")
    assert ends == {("extended", "2026-05-21", ("oil-1", "oil-2", "oil-3"))}
