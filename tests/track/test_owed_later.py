"""A commitment is owed until its due date has passed (and OWED_DAYS after, while the news of it comes in):
a report made after that, telling a commitment of the same sides as still owed by a later date, is another
commitment, however alike the words (track/owed.py; the linker's match and the follow-ups' reading of a
sentence both ask it). Hand-made records (no spaCy), our own story about real public actors and hypothetical
events; with the reports of the first one that must still link: its restatement before the due, a retelling
months later with the same due, an extension."""
from __future__ import annotations

import pytest

from newsledger.track import list_commitments
from newsledger.track.linker import link_article
from newsledger.track.owed import owed_later, owed_until

from .test_followups import _articles, _ingest, record


def _threat(aid, date, text, kind, content, due, when, status="open"):
    return record(aid, date, text, times=[(when, "DATE", due)],
                  commitments=[{"kind": kind, "holder": "brazil", "counterparty": "argentina", "content": content,
                                "due": due, "status": status}])


CARS = _threat(
    "quotas-1", "2026-02-03",
    "Brazil gave Argentina until March 15 to lift its quotas on Brazilian cars or face duties on Argentine wheat.",
    "ultimatum", "lift its quotas on Brazilian cars or face duties on Argentine wheat", "2026-03-15", "March 15")
# before the due: the same ultimatum told again
CARS_AGAIN = _threat(
    "quotas-2", "2026-03-02",
    "Brazil will impose duties on Argentine wheat if Argentina does not lift its quotas on Brazilian cars by "
    "March 15, the trade ministry said.",
    "threat", "impose duties on Argentine wheat if Argentina does not lift its quotas on Brazilian cars",
    "2026-03-15", "March 15")
# months after the due, told with the same due: still that one
CARS_RETOLD = _threat(
    "quotas-4", "2026-06-02",
    "Brazil had said it would impose duties on Argentine wheat unless Argentina lifted its quotas on Brazilian "
    "cars by March 15, a trade official recalled on Tuesday.",
    "threat", "impose duties on Argentine wheat unless Argentina lifted its quotas on Brazilian cars",
    "2026-03-15", "March 15")
# after the due, more time given: an extension of that one
CARS_EXTENDED = _threat(
    "quotas-5", "2026-04-07",
    "Brazil extended until May 15 its deadline for Argentina to lift its quotas on Brazilian cars or face duties "
    "on Argentine wheat.",
    "ultimatum", "lift its quotas on Brazilian cars or face duties on Argentine wheat", "2026-05-15", "May 15",
    status="extended")
# months after the due, a new threat by a later date
TRUCKS = _threat(
    "quotas-3", "2026-08-11",
    "Brazil will impose duties on Argentine wheat if Argentina does not lift its new quotas on Brazilian trucks "
    "by October 1, the trade ministry said.",
    "threat", "impose duties on Argentine wheat if Argentina does not lift its new quotas on Brazilian trucks",
    "2026-10-01", "October 1")


def _of(store, aid):
    return next(c for c in list_commitments(store) if aid in _articles(c))


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_a_new_threat_made_months_after_the_older_one_was_due_is_another_commitment(make_store, order):
    store = make_store()
    _ingest(store, [CARS, TRUCKS] if order == "forward" else [TRUCKS, CARS])
    assert _articles(_of(store, "quotas-1")) == ["quotas-1"]
    trucks = _of(store, "quotas-3")
    assert _articles(trucks) == ["quotas-3"] and trucks["due"] == "2026-10-01" and trucks["status"] == "open"


@pytest.mark.parametrize("later", [CARS_AGAIN, CARS_RETOLD, CARS_EXTENDED], ids=["restated", "retold", "extended"])
def test_the_same_commitment_told_again_still_links(make_store, later):
    """Must not: told again before its due, told months later with its own due, or given more time."""
    store = make_store()
    _ingest(store, [CARS, later])
    assert _articles(_of(store, "quotas-1")) == ["quotas-1", later["article"]["id"]]


def test_index_and_scan_agree(make_store):
    """Both strategies read the same candidates through the same gate (linker._owed_apart)."""
    got = {}
    for strategy in ("index", "scan"):
        store = make_store(f"{strategy}.db")
        for r in (CARS, CARS_AGAIN, TRUCKS):
            store.add(r)
            link_article(store, r, strategy=strategy)
        got[strategy] = sorted((c["id"], tuple(_articles(c))) for c in list_commitments(store))
    assert got["index"] == got["scan"] and len(got["index"]) == 2


def test_owed_later_reads_dates_as_periods():
    assert owed_until("2026-03") == "2026-04-14" and owed_until(None) is None
    older = {"date": "2026-02-01", "due": "2026-03"}
    assert owed_later(older, {"date": "2026-04-15", "due": "2026-12", "stance": "mention"})
    assert not owed_later(older, {"date": "2026-04-14", "due": "2026-12", "stance": "mention"})    # still owed
    assert not owed_later(older, {"date": "2026-06-01", "due": "2026-03-31", "stance": "mention"})  # its own due
    assert not owed_later(older, {"date": "2026-06-01", "due": "2026-12", "stance": "extended"})    # more time
    assert not owed_later(older, {"date": "2026-06-01", "due": None, "stance": "confirm"})          # no due: can't tell
