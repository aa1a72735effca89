"""A status changes only for what happened (issue 21): a withdrawal told only as possible, on a condition, or
as the alternative of a demand ("sign by March 31 or have its permit revoked") changes nothing; the
demanded act done before the deadline is met (track/cues.only_possible, read by refer._stance and reports)."""
from __future__ import annotations

import pytest

from newsledger.track import list_commitments, store_record
from newsledger.track.cues import foretold, told_only_as_possible

from .test_followups import PLANT_PROMISE, PLEDGE, ULTIMATUM, _articles, _ingest, _tracked, record

def _end(make_store, records, root):
    """The root's tracked commitment after ingesting `records` in that order: (articles linked, status)."""
    store = make_store()
    _ingest(store, records)
    c = _tracked(store, root)
    return _articles(c), c["status"]


PLANT_MAYBE = record(
    "plant-maybe", "2026-05-20",
    "Japan could scrap its plan to open a battery recycling plant in the Philippines if permits are not "
    "granted by August, a Japanese trade official said.")
PLANT_OPENED = record(
    "plant-opened", "2026-09-10",
    "Japan opened the battery recycling plant in the Philippines on Thursday, its embassy said.")
PLANT_CLOSE_IF = record(
    "plant-close-if", "2026-11-10",
    "Japan could close the battery recycling plant in the Philippines if the Philippines cancels its orders, "
    "the Japanese embassy said.")
PLANT_ABANDONED = record(
    "plant-gone", "2026-05-20",
    "Japan has abandoned its plan to open a battery recycling plant in the Philippines, citing rising costs.")
CANOLA_BEFORE = record(
    "canola-before", "2026-04-15",
    "China lifted its tariffs on Canadian canola on Wednesday, a day before the deadline Carney had set for "
    "it to act or have its steel export quotas revoked.")


@pytest.mark.parametrize("order", [1, -1])
def test_a_possible_withdrawal_changes_nothing(make_store, order):
    arts, status = _end(make_store, [PLANT_PROMISE, PLANT_MAYBE][::order], "plant-1")
    assert arts == ["plant-1", "plant-maybe"] and status == "open"


@pytest.mark.parametrize("order", [1, -1])
def test_met_then_a_conditional_closure_stays_met(make_store, order):
    arts, status = _end(make_store, [PLANT_PROMISE, PLANT_OPENED, PLANT_CLOSE_IF][::order], "plant-1")
    assert "plant-opened" in arts and status == "met"


def test_must_not_a_plan_abandoned_is_still_withdrawn(make_store):
    arts, status = _end(make_store, [PLANT_PROMISE, PLANT_ABANDONED], "plant-1")
    assert arts == ["plant-1", "plant-gone"] and status == "withdrawn"


@pytest.mark.parametrize("order", [1, -1])
def test_the_demanded_act_done_before_the_deadline_is_met_whatever_the_threat_restated(make_store, order):
    arts, status = _end(make_store, [ULTIMATUM, CANOLA_BEFORE][::order], "canola-1")
    assert arts == ["canola-1", "canola-before"] and status == "met"


@pytest.mark.parametrize("text, word, possible", [
    ("It could close the plant if governments cancel their orders.", "cancel", True),
    ("It has until March 31 to sign or have its permit revoked.", "revoked", True),
    ("China acted before the deadline set for it to act or have its steel export quotas revoked.", "revoked", True),
    ("The ministry is considering cancelling the contract.", "cancelling", True),
    ("The ministry plans to cancel the contract.", "cancel", True),
    # must not: told
    ("The company scrapped the plan on Monday.", "scrapped", False),
    ("Intel said it would drop the plan.", "drop", False),              # a reported decision, no condition
    ("The hydrogen plan, which could have cut emissions, was scrapped.", "scrapped", False),  # another clause's modal
    ("The planned plant was cancelled in May.", "cancelled", False),    # "planned" with no infinitive
])
def test_told_only_as_possible_reads_the_clause_before(text, word, possible):
    assert told_only_as_possible(text, text.index(word)) is possible


# A settlement signed: the promised act done by its own accord; the other side giving up its complaint under
# it is no withdrawal of the holder's promise.
SETTLE_PROMISE = record(
    "settle-1", "2026-01-14",
    "Japan promised on Wednesday to settle the compensation claims of Philippine fishermen by the end of March.",
    commitments=[{"kind": "promise", "holder": "japan", "counterparty": "philippines", "due": "2026-03-31",
                  "content": "settle the compensation claims of Philippine fishermen"}])
SETTLE_SIGNED = record(
    "settle-2", "2026-03-24",
    "Japan signed a settlement of the compensation claims of Philippine fishermen on Tuesday, and the "
    "Philippines agreed to drop its complaint to the maritime tribunal.")
SETTLE_DROPPED = record(
    "settle-3", "2026-03-24",
    "Japan has dropped its plan to settle the compensation claims of Philippine fishermen, its foreign "
    "ministry said.")


@pytest.mark.parametrize("order", [1, -1])
def test_a_settlement_signed_is_the_promise_to_settle_met(make_store, order):
    arts, status = _end(make_store, [SETTLE_PROMISE, SETTLE_SIGNED][::order], "settle-1")
    assert arts == ["settle-1", "settle-2"] and status == "met"


def test_must_not_the_holder_dropping_it_is_still_withdrawn(make_store):
    arts, status = _end(make_store, [SETTLE_PROMISE, SETTLE_DROPPED], "settle-1")
    assert arts == ["settle-1", "settle-3"] and status == "withdrawn"


@pytest.mark.parametrize("text, done", [
    ("Bayer signed a settlement with the plaintiffs on Tuesday.", True),
    ("Bayer reached a settlement with the plaintiffs.", True),
    ("Bayer has not signed a settlement with the plaintiffs.", False),      # must not: denied
    ("Bayer hopes to reach a settlement with the plaintiffs.", False),      # must not: only wanted
    ("Bayer signed a settlement deal framework with the plaintiffs.", False),
])
def test_an_act_done_by_signing_its_own_accord(text, done):
    from newsledger.track.acts import acts_of, done_act
    from newsledger.track.sentences import split_sentences
    assert done_act(split_sentences(text)[0], acts_of("settle the remaining lawsuits")) is done


# The act told not done before the date it is due by: still owed, not missed ("has yet to", "has not ... a week
# before the deadline"); after the date the same words tell it missed.
NOT_YET_BEFORE = record(
    "canola-not-yet", "2026-04-09",
    "China has not lifted its tariffs on Canadian canola, a week before the deadline Carney set, officials in "
    "Ottawa said.")
YET_TO_BEFORE = record(
    "canola-yet-to", "2026-04-09",
    "China has yet to lift its tariffs on Canadian canola, a week before the deadline set by Carney.")
NOT_BY_AFTER = record(
    "canola-not-by", "2026-04-20",
    "China did not lift its tariffs on Canadian canola by the deadline Carney set, officials in Ottawa said.")


@pytest.mark.parametrize("follow", [NOT_YET_BEFORE, YET_TO_BEFORE])
def test_not_done_before_the_due_date_leaves_it_open(make_store, follow):
    arts, status = _end(make_store, [ULTIMATUM, follow], "canola-1")
    assert arts == ["canola-1", follow["article"]["id"]] and status == "open"


def test_must_not_not_done_by_the_deadline_after_it_is_still_missed(make_store):
    arts, status = _end(make_store, [ULTIMATUM, NOT_BY_AFTER], "canola-1")
    assert arts == ["canola-1", "canola-not-by"] and status == "missed"


# A status word foretold ("will fulfil its pledge") is no act reported done.
RELIEF_WILL = record(
    "relief-will", "2026-06-10",
    "Japan will fulfil its pledge to send 30 tonnes of relief supplies to the Philippines, its embassy said.")
RELIEF_DID = record(
    "relief-did", "2026-06-14",
    "Japan has fulfilled its pledge to send 30 tonnes of relief supplies to the Philippines, its embassy said.")


def test_a_fulfilment_foretold_is_not_met(make_store):
    arts, status = _end(make_store, [PLEDGE, RELIEF_WILL], "relief-1")
    assert arts == ["relief-1", "relief-will"] and status == "open"


def test_must_not_a_fulfilment_reported_is_met(make_store):
    arts, status = _end(make_store, [PLEDGE, RELIEF_DID], "relief-1")
    assert arts == ["relief-1", "relief-did"] and status == "met"


@pytest.mark.parametrize("text, word, to_come", [
    ("Turkey will fulfil its obligations under the accord.", "fulfil", True),
    ("Turkey is expected to honour the accord.", "honour", True),
    ("Turkey has fulfilled its obligations.", "fulfilled", False),       # must not: reported done
])
def test_foretold_reads_the_clause_before(text, word, to_come):
    assert foretold(text, text.index(word)) is to_come


# Time given "until" a day: the words that set any deadline. Of a deadline still running or just run out they move
# it; months after it ran out they set a new demand (refer._stance, dues.RECENT_DAYS).
NVIDIA_DEADLINE = record(
    "nvidia-1", "2026-01-13",
    "The Commerce Department gave Nvidia until February 13 to report its chip sales to Chinese customers.",
    commitments=[{"kind": "deadline", "holder": "us-department-of-commerce", "counterparty": "nvidia",
                  "content": "report its chip sales to Chinese customers", "due": "2026-02-13"}],
    times=[("February 13", "DATE", "2026-02-13")])
NVIDIA_NEW_DEMAND = record(
    "nvidia-2", "2026-05-12",
    "The Commerce Department gave Nvidia until June 30 to report its chip sales to Malaysian data centres.",
    commitments=[{"kind": "deadline", "holder": "us-department-of-commerce", "counterparty": "nvidia",
                  "content": "report its chip sales to Malaysian data centres", "due": "2026-06-30"}],
    times=[("June 30", "DATE", "2026-06-30")])
NVIDIA_MOVED = record(
    "nvidia-3", "2026-02-12",
    "The Commerce Department gave Nvidia until March 2 to report its chip sales to Chinese customers, after the "
    "company asked for time.",
    times=[("March 2", "DATE", "2026-03-02")])


def test_time_given_until_a_day_months_after_the_deadline_ran_out_is_a_new_demand(make_store):
    store = make_store()
    _ingest(store, [NVIDIA_DEADLINE, NVIDIA_NEW_DEMAND])
    c = _tracked(store, "nvidia-1")
    assert c["status"] != "extended" and c["due"] == "2026-02-13"


def test_must_not_time_given_until_a_day_before_the_deadline_still_moves_it(make_store):
    store = make_store()
    _ingest(store, [NVIDIA_DEADLINE, NVIDIA_MOVED])
    c = _tracked(store, "nvidia-1")
    assert c["status"] == "extended" and c["due"] == "2026-03-02"


# The act to come told again as planned from now on, with a later due: the holder's new date ("will now complete
# ... by the end of June": cues, extended).
PLANT_NOW_LATER = record(
    "plant-now", "2026-09-15",
    "Japan will now open the battery recycling plant in the Philippines by the end of December, its embassy said, "
    "blaming late permits.",
    times=[("the end of December", "DATE", "2026-12")])
PLANT_NOW_SAME = record(
    "plant-now-same", "2026-09-15",
    "Japan will now open the battery recycling plant in the Philippines with a local partner, its embassy said.")


def test_the_act_told_as_planned_from_now_with_a_later_due_is_extended(make_store):
    store = make_store()
    _ingest(store, [PLANT_PROMISE, PLANT_NOW_LATER])
    c = _tracked(store, "plant-1")
    assert c["status"] == "extended" and c["due"] == "2026-12"


def test_must_not_told_as_planned_from_now_with_no_later_due_is_no_extension(make_store):
    store = make_store()
    _ingest(store, [PLANT_PROMISE, PLANT_NOW_SAME])
    c = _tracked(store, "plant-1")
    assert c["status"] != "extended" and c["due"] == "2026-09-30"



def test_time_given_until_a_day_to_do_another_thing_is_a_second_demand(make_store, nlp):
    # while the first deadline runs, a second of the same court to the same government, for other things, moves
    # nothing (read through the pipeline, as ingest reads it)
    from newsledger.extraction import extract
    from newsledger.records import Article
    first = Article(id="kilns-1", published="2026-01-20", title="Court orders Delhi to shut kilns", text=(
        "NEW DELHI — India's Supreme Court on Tuesday gave the Delhi government until April 30 to shut down polluting "
        "brick kilns around the capital, saying the air had become unbreathable.\n\nThe government said it would "
        "comply."))
    second = Article(id="kilns-2", published="2026-03-03", title="Court orders Delhi to run electric buses", text=(
        "NEW DELHI — India's Supreme Court on Tuesday gave the Delhi government until August 31 to put electric buses "
        "on all its routes, in a second order on the capital's air this year."))
    store = make_store()
    for a in (first, second):
        store_record(store, extract(a, nlp=nlp).to_dict())
    c = next(c for c in list_commitments(store) if c["article"] == "kilns-1")
    assert c["status"] != "extended" and c["due"] == "2026-04-30"


def _through_pipeline(make_store, nlp, articles, first):
    from newsledger.extraction import extract
    from newsledger.records import Article
    store = make_store()
    for aid, date, text in articles:
        store_record(store, extract(Article(id=aid, published=date, title=aid, text=text), nlp=nlp).to_dict())
    return next(c for c in list_commitments(store) if c["article"] == first)


_STRIKE_THREAT = ("metall-1", "2026-03-02",
                  "BERLIN — IG Metall said on Monday its members would strike at Volkswagen plants from March 16 "
                  "unless the carmaker signed a new wage agreement by March 15.")


def test_a_threats_demand_done_before_its_deadline_is_met(make_store, nlp):
    # the act the condition asks of the other side, reported done with the deadline pointed back at
    c = _through_pipeline(make_store, nlp, [_STRIKE_THREAT, (
        "metall-2", "2026-03-14", "WOLFSBURG — Volkswagen and IG Metall signed a new wage agreement on Saturday, a day "
                                  "before the union's deadline, averting strikes at the carmaker's plants.")], "metall-1")
    assert c["status"] == "met"


def test_must_not_an_accord_of_the_same_sides_on_another_thing_meets_no_threat(make_store, nlp):
    c = _through_pipeline(make_store, nlp, [_STRIKE_THREAT, (
        "metall-3", "2026-03-10", "EMDEN — Volkswagen and IG Metall signed an agreement on Tuesday to open a training "
                                  "centre for battery technicians in Emden.")], "metall-1")
    assert c["status"] == "open"


# Met is the promised act done, whoever tells it (codebook); a third side's word kept, in a report that names
# the counterparty beside it, is that side's doing: "Spain has kept its word" says nothing of Japan's pledge.
RELIEF_THIRD_KEPT = record(
    "relief-third", "2026-06-12",
    "Spain has kept its word to the Philippines on typhoon relief supplies, Manila said on Friday, as 30 tonnes "
    "of supplies were still awaited.")
RELIEF_KEPT = record(
    "relief-kept", "2026-06-12",
    "Japan has kept its word to the Philippines on typhoon relief supplies, Manila said on Friday.")


def test_a_third_sides_word_kept_is_not_the_holders_act(make_store):
    arts, status = _end(make_store, [PLEDGE, RELIEF_THIRD_KEPT], "relief-1")
    assert status != "met"


def test_must_not_the_holders_word_kept_is_still_met(make_store):
    arts, status = _end(make_store, [PLEDGE, RELIEF_KEPT], "relief-1")
    assert arts == ["relief-1", "relief-kept"] and status == "met"



def test_the_holder_telling_the_act_that_undoes_its_threat_withdraws_it(make_store, nlp):
    # "would keep operating in Turkey" shares no word with "leave the Turkish market": the holder named and the
    # opposite of its act (refusal._opposed) tie the sentence to the threat the article points back at
    c = _through_pipeline(make_store, nlp, [
        ("app-1", "2027-03-02", "ISTANBUL — Telegram will leave the Turkish market for good if Turkey bans its app, "
                                "the company said on Tuesday."),
        ("app-2", "2027-03-09", "ISTANBUL — The regulator fined Telegram 40 million lira on Tuesday, a week after the "
                                "company threatened to leave the Turkish market for good. Telegram said it would keep "
                                "operating in Turkey whatever the regulator decides next.")], "app-1")
    assert c["status"] == "withdrawn"
