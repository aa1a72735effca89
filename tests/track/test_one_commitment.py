"""A follow-up reports on the commitment it is about and on nothing else (issue 21): a sentence read as a
report on one thread, or stating a commitment between other parties, is no report on a weaker candidate of
the same actors (followups._explained_elsewhere). Hand-made records (no spaCy), our own stories about real
public actors and hypothetical events; each with the report that must link and the one that must not."""
from __future__ import annotations

from .test_followups import _articles, _ingest, _tracked, record


def _first(aid, date, text, kind, sides, content, due, when):
    """The first report of a commitment: `sides` (holder, counterparty), due `due` told as `when`."""
    holder, cp = sides
    return record(aid, date, text, times=[(when, "DATE", due)],
                  commitments=[{"kind": kind, "holder": holder, "counterparty": cp, "content": content, "due": due}])


# Poland's own deal with Lithuania, and a company's promise to Poland
DAIRY = _first(
    "dairy-1", "2026-05-12",
    "Poland will lift its ban on Lithuanian dairy imports from June 1 under a deal in which Vilnius will certify "
    "every shipment, the Polish farm minister said.",
    "pledge", ("poland", "lithuania"),
    "lift its ban on Lithuanian dairy imports from June 1 under a deal in which Vilnius will certify every "
    "shipment", "2026-06-01", "June 1")
TANKS = _first(
    "tanks-1", "2026-04-14",
    "Hyundai Rotem will deliver 18 more K2 tanks to Poland by June 30, the company said.",
    "promise", ("hyundai-rotem", "poland"),
    "deliver 18 more K2 tanks to Poland by June 30", "2026-06-30", "June 30")
TANKS_MISSED = record(
    "tanks-2", "2026-07-03",
    "Hyundai Rotem failed to deliver the 18 K2 tanks it had promised Poland by the end of June, the Polish "
    "defence ministry said, and Warsaw will seek the penalties set out in the contract.",
    times=[("the end of June", "DATE", "2026-06")])
DAIRY_MET = record(
    "dairy-2", "2026-06-02",
    "The first certified shipments of Lithuanian dairy imports crossed into Poland on Monday after Warsaw lifted "
    "its ban, the ministry in Vilnius said.")


def test_another_partys_missed_promise_to_the_holders_country_is_not_the_holders_deal(make_store):
    store = make_store()
    _ingest(store, [TANKS, DAIRY, DAIRY_MET, TANKS_MISSED])
    tanks = _tracked(store, "tanks-1")
    assert _articles(tanks) == ["tanks-1", "tanks-2"] and tanks["status"] == "missed"
    dairy = _tracked(store, "dairy-1")
    assert _articles(dairy) == ["dairy-1", "dairy-2"]      # must not take the tanks' missed date
    assert dairy["status"] == "met"


# A university's pledge to its researchers, and a judge's order to the government about the university's grants
SALARIES = _first(
    "grants-1", "2026-02-10",
    "Harvard University said it will keep paying the salaries of researchers whose federal grants were cancelled "
    "until June 30, while it challenges the cuts in court.",
    "pledge", ("harvard-university", None),
    "keep paying the salaries of researchers whose federal grants were cancelled until June 30",
    "2026-06-30", "June 30")
ORDER = record(
    "grants-2", "2026-03-09",
    "US District Judge Allison Burroughs ordered the United States to restore the cancelled federal research "
    "grants of Harvard University by Friday, saying the cuts in court filings were likely unlawful.",
    commitments=[{"kind": "ultimatum", "holder": "allison-burroughs", "counterparty": "united-states",
                  "content": "restore the cancelled federal research grants of Harvard University by Friday",
                  "due": "2026-03-13"}],
    times=[("Friday", "DATE", "2026-03-13")])
STOPPED = record(
    "grants-3", "2026-04-17",
    "Harvard University said it would no longer pay the salaries of researchers whose federal grants were "
    "cancelled, scrapping its pledge after a court ruling.")


def test_an_order_between_other_parties_is_not_a_report_on_the_holders_pledge(make_store):
    store = make_store()
    _ingest(store, [SALARIES, ORDER, STOPPED])
    c = _tracked(store, "grants-1")
    assert _articles(c) == ["grants-1", "grants-3"]        # the judge's order is the judge's
    assert c["status"] == "withdrawn"
    order = _tracked(store, "grants-2")
    assert _articles(order) == ["grants-2"]


# A pledge "under an accord", and a deal of another party of the holder's country "under an agreement"
CROSSINGS = _first(
    "crossings-1", "2026-03-11",
    "ATHENS — Greece pledged on Wednesday to reopen two border crossings with North Macedonia by July 15, under "
    "an accord reached in Skopje last week, a government spokesman said.",
    "pledge", ("greece", "north-macedonia"),
    "reopen two border crossings with North Macedonia by July 15, under an accord reached in Skopje last week",
    "2026-07-15", "July 15")
ROUTES = record(
    "crossings-2", "2026-04-22",
    "ATHENS — Aegean Airlines will open two new routes to Skopje from October under an agreement it signed on "
    "Wednesday with the airport operator.")
REOPENED = record(
    "crossings-3", "2026-07-13",
    "The two border crossings between Greece and North Macedonia reopened on Monday after six years, the Greek "
    "citizen protection ministry said.")


def test_a_deal_sharing_only_function_words_and_a_number_does_not_link(make_store):
    """"two" and "under" are all the airline's routes share with the crossings: no act, no thing of the pledge."""
    store = make_store()
    _ingest(store, [CROSSINGS, ROUTES, REOPENED])
    c = _tracked(store, "crossings-1")
    assert _articles(c) == ["crossings-1", "crossings-3"]
    assert c["status"] == "met"


# A deadline of one side to a company, and the same side moving "the date by which" another company must act
STAKE = _first(
    "stake-1", "2026-02-06",
    "The United States has given Gazprom Neft until February 27 to sell its majority stake in the Serbian oil "
    "company NIS, or the company will face full sanctions.",
    "ultimatum", ("united-states", "gazprom-neft"),
    "sell its majority stake in the Serbian oil company NIS", "2026-02-27", "February 27")
OTHER_DATE = record(
    "stake-2", "2026-02-20",
    "The Commerce Department has pushed back to July 31 the date by which Intel must sell its majority stake in "
    "its Irish chip company, after the company submitted a plan that officials said needed more work.",
    times=[("July 31", "DATE", "2026-07-31")])
THIS_DATE = record(
    "stake-3", "2026-02-25",
    "Washington has pushed back to March 31 the date by which Gazprom Neft must sell its majority stake in the "
    "Serbian oil company NIS.",
    times=[("March 31", "DATE", "2026-03-31")])


def test_the_date_by_which_another_company_must_act_is_that_companys(make_store):
    """"the date by which Intel must sell its majority stake": Intel owes it, not the company of the older deadline."""
    store = make_store()
    _ingest(store, [STAKE, OTHER_DATE, THIS_DATE])
    c = _tracked(store, "stake-1")
    assert _articles(c) == ["stake-1", "stake-3"]
    assert c["status"] == "extended" and c["due"] == "2026-03-31"
