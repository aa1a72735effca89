"""Follow-ups that report on a commitment without restating it (track/refer.py, track/followups.py).

Hand-made records (no spaCy): our own small stories, one per transition, plus a same-actors report that
must not link. The texts are hypothetical events about real public actors."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import text as sql

from newsledger.track import history, list_commitments, store_record, unlink
from newsledger.track.followups import candidate_threads

ACTORS = {
    "canada": ("Canada", "country", "CAN", ["Canada", "Ottawa", "Canadian"]),
    "mark-carney": ("Mark Carney", "person", "CAN", ["Mark Carney", "Carney"]),
    "china": ("China", "country", "CHN", ["China", "Beijing", "Chinese"]),
    "japan": ("Japan", "country", "JPN", ["Japan", "Tokyo", "Japanese"]),
    "philippines": ("Philippines", "country", "PHL", ["Philippines", "Manila", "Philippine"]),
    "spain": ("Spain", "country", "ESP", ["Spain", "Madrid", "Spanish"]),
    "pedro-sanchez": ("Pedro Sanchez", "person", "ESP", ["Pedro Sanchez", "Sanchez"]),
    "ukraine": ("Ukraine", "country", "UKR", ["Ukraine", "Kyiv"]),
    "hungary": ("Hungary", "country", "HUN", ["Hungary", "Hungarian", "Budapest"]),
    "brazil": ("Brazil", "country", "BRA", ["Brazil", "Brasilia", "Brazilian"]),
    "argentina": ("Argentina", "country", "ARG", ["Argentina", "Argentine"]),
    "indonesia": ("Indonesia", "country", "IDN", ["Indonesia", "Jakarta", "Indonesian"]),
    "us-department-of-commerce": ("US Department of Commerce", "government", "USA", ["Commerce Department"]),
    "nvidia": ("Nvidia", "organization", "USA", ["Nvidia"]),
    "intel": ("Intel", "organization", "USA", ["Intel"]),
    "united-states": ("United States", "country", "USA", ["United States", "Washington", "US"]),
    "mexico": ("Mexico", "country", "MEX", ["Mexico"]),
    "bmw": ("BMW", "organization", "DEU", ["BMW"]),
    # a group told by a description, as the extraction makes it an actor (its id from the words)
    "1-400-fishermen": ("1,400 fishermen", "group", "DEU", ["1,400 fishermen whose"]),
    "poland": ("Poland", "country", "POL", ["Poland", "Warsaw", "Polish"]),
    "lithuania": ("Lithuania", "country", "LTU", ["Lithuania", "Vilnius", "Lithuanian"]),
    "hyundai-rotem": ("Hyundai Rotem", "organization", "KOR", ["Hyundai Rotem"]),
    "harvard-university": ("Harvard University", "organization", "USA", ["Harvard University", "Harvard"]),
    "allison-burroughs": ("Allison Burroughs", "person", "USA", ["Allison Burroughs"]),
    "greece": ("Greece", "country", "GRC", ["Greece", "Athens", "Greek"]),
    "north-macedonia": ("North Macedonia", "country", "MKD", ["North Macedonia", "Skopje"]),
    "aegean-airlines": ("Aegean Airlines", "organization", "GRC", ["Aegean Airlines"]),
    "gazprom-neft": ("Gazprom Neft", "organization", "RUS", ["Gazprom Neft"]),
    "lufthansa": ("Lufthansa", "organization", "DEU", ["Lufthansa"]),
    "vereinigung-cockpit": ("Vereinigung Cockpit", "organization", "DEU", ["Vereinigung Cockpit"]),
}


def record(aid, date, text, commitments=(), times=(), events=(), statements=()):
    actors = []
    for aid_, (name, typ, country, forms) in ACTORS.items():
        spans = []
        for f in forms:
            spans += [[m.start(), m.end()] for m in re.finditer(r"\b%s\b" % re.escape(f), text)]
        if spans:
            actors.append({"id": aid_, "name": name, "type": typ, "country": country, "roles": [],
                           "wikidata": None, "mentions": sorted(spans)})
    tlist = []
    for phrase, typ, value in times:
        i = text.index(phrase)
        tlist.append({"text": phrase, "span": [i, i + len(phrase)], "type": typ, "value": value, "anchor": "published"})
    clist = []
    for c in commitments:
        i = text.index(c["content"])
        clist.append({"kind": c["kind"], "holder": c["holder"], "counterparty": c.get("counterparty"),
                      "content": c["content"], "conditions": None, "due": c.get("due"),
                      "status": c.get("status", "open"), "evidence": [[i, i + len(c["content"])]]})
    return {"schema": "newsledger/1", "model": None,
            "article": {"id": aid, "title": aid, "source": None, "url": None, "published": date,
                        "language": "en", "text": text},
            "actors": actors, "statements": list(statements), "events": list(events), "times": tlist,
            "commitments": clist}


ULTIMATUM = record(
    "canola-1", "2026-03-02",
    "Prime Minister Mark Carney gave China 45 days to lift its tariffs on Canadian canola, or face duties "
    "on Chinese steel. Beijing did not respond.",
    commitments=[{"kind": "ultimatum", "holder": "mark-carney", "counterparty": "china",
                  "content": "lift its tariffs on Canadian canola", "due": "2026-04-16"}],
    times=[("45 days", "DURATION", "P45D")])
OTHER_TOPIC = record(
    "canola-2", "2026-03-20",
    "Canada and China agreed to set up a working group on fentanyl controls. The group will meet every "
    "three months, Ottawa said.")
EXTENDED = record(
    "canola-3", "2026-04-17",
    "Canada will give China two more weeks to remove its canola levies, Carney said, as the cutoff he set "
    "in March passed. \"There has been real movement from Beijing,\" he said.",
    times=[("two more weeks", "DURATION", "P2W"), ("March", "DATE", "2026-03")])
MET = record(
    "canola-4", "2026-04-28",
    "China said on Tuesday it had removed its tariffs on Canadian canola with immediate effect. "
    "Exporters in Canada welcomed the move.",
    times=[("Tuesday", "DATE", "2026-04-28")])

PLEDGE = record(
    "relief-1", "2026-06-08",
    "Japan pledged to send 30 tonnes of relief supplies to the Philippines within a week after a typhoon "
    "hit Luzon.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "philippines",
                  "content": "send 30 tonnes of relief supplies to the Philippines", "due": "2026-06-15"}])
ACCORD = record(
    "relief-2", "2026-06-11",
    "Japan and the Philippines signed an agreement on coast guard training. Tokyo will train 200 officers "
    "a year, and the accord takes effect in 2027.")
DELIVERED = record(
    "relief-3", "2026-06-13",
    "Two Japanese transport planes landed in Manila carrying tents and water purifiers. Japan delivered "
    "the 30 tonnes of supplies it had promised, its embassy said.")

PROMISE = record(
    "vat-1", "2026-01-13",
    "Spanish Prime Minister Pedro Sanchez promised to cut value-added tax on household electricity to 5 "
    "percent until the end of the year.",
    commitments=[{"kind": "promise", "holder": "pedro-sanchez", "counterparty": None,
                  "content": "cut value-added tax on household electricity to 5 percent", "due": "2026-12-31"}])
SCRAPPED = record(
    "vat-2", "2026-05-19",
    "The Spanish government has scrapped its plan to cut value-added tax on household electricity, "
    "citing a fall in power prices. VAT will remain at 21 percent in Spain.")

AGREEMENT = record(
    "pipe-1", "2026-02-10",
    "Brazil and Argentina agreed to sign a contract for a gas pipeline from Vaca Muerta by June 30.",
    commitments=[{"kind": "agreement", "holder": "brazil", "counterparty": "argentina",
                  "content": "sign a contract for a gas pipeline from Vaca Muerta", "due": "2026-06-30"}])
MISSED = record(
    "pipe-2", "2026-07-02",
    "Brazil and Argentina failed to sign the Vaca Muerta pipeline contract by the end of June. The target "
    "passed without an agreement, a Brazilian spokesman said.",
    times=[("the end of June", "DATE", "2026-06")])

GUARANTEE = record(
    "oil-1", "2026-09-07",
    "Hungarian officials said Ukraine had guaranteed the transit of Russian oil through the Druzhba "
    "pipeline to Hungary until the end of 2027.",
    commitments=[{"kind": "guarantee", "holder": "ukraine", "counterparty": "hungary", "status": "unconfirmed",
                  "content": "the transit of Russian oil through the Druzhba pipeline", "due": "2027-12-31"}])
DENIED = record(
    "oil-2", "2026-09-08",
    "Kyiv denied that Ukraine had given Hungary any guarantee on the transit of Russian oil through the "
    "Druzhba pipeline. \"No such guarantee exists,\" a spokesman said.")


def _ingest(store, records):
    for r in records:
        store_record(store, r)


def _tracked(store, article):
    return next(c for c in list_commitments(store) if c["article"] == article)


def _articles(c):
    return list(dict.fromkeys(h["article"] for h in c["history"]))


def test_ultimatum_extended_then_met_and_an_other_topic_not_linked(make_store):
    store = make_store()
    _ingest(store, [ULTIMATUM, OTHER_TOPIC, EXTENDED, MET])
    c = _tracked(store, "canola-1")
    assert _articles(c) == ["canola-1", "canola-3", "canola-4"]
    assert [h["status"] for h in c["history"]] == ["open", "extended", "met"]
    assert c["status"] == "met"
    assert c["due"] == "2026-04-30"           # the old due plus two more weeks
    notes = " ".join(h["note"] for h in c["history"])
    assert "due 2026-04-30" in notes          # history keeps the extension's new due


def test_pledge_met_through_reported_delivery_not_through_a_same_actors_accord(make_store):
    store = make_store()
    _ingest(store, [PLEDGE, ACCORD, DELIVERED])
    c = _tracked(store, "relief-1")
    assert _articles(c) == ["relief-1", "relief-3"]
    assert c["status"] == "met"


def test_promise_withdrawn(make_store):
    store = make_store()
    _ingest(store, [PROMISE, SCRAPPED])
    c = _tracked(store, "vat-1")
    assert _articles(c) == ["vat-1", "vat-2"] and c["status"] == "withdrawn"


def test_agreed_deadline_missed(make_store):
    store = make_store()
    _ingest(store, [AGREEMENT, MISSED])
    c = _tracked(store, "pipe-1")
    assert _articles(c) == ["pipe-1", "pipe-2"] and c["status"] == "missed"


def test_guarantee_denied_by_its_holder(make_store):
    store = make_store()
    _ingest(store, [GUARANTEE, DENIED])
    c = _tracked(store, "oil-1")
    assert _articles(c) == ["oil-1", "oil-2"] and c["status"] == "denied"


@pytest.mark.parametrize("chain", [[ULTIMATUM, OTHER_TOPIC, EXTENDED, MET], [PLEDGE, ACCORD, DELIVERED],
                                   [AGREEMENT, MISSED], [PROMISE, SCRAPPED]])
def test_ingest_order_does_not_change_final_status(make_store, chain):
    forward, backward = make_store("f.db"), make_store("b.db")
    _ingest(forward, chain)
    _ingest(backward, list(reversed(chain)))
    first = chain[0]["article"]["id"]
    a, b = _tracked(forward, first), _tracked(backward, first)
    assert (a["status"], a["due"], _articles(a)) == (b["status"], b["due"], _articles(b))


def test_unlink_undoes_a_follow_up_and_history_stays_append_only(make_store):
    store = make_store()
    _ingest(store, [PROMISE, SCRAPPED])
    with store.engine.connect() as conn:
        before = conn.execute(sql("SELECT COUNT(*) FROM history")).scalar()
    msg = unlink(store, "vat-1:c0", "vat-2")
    assert "vat-2" in msg
    c = _tracked(store, "vat-1")
    assert c["status"] == "open" and _articles(c) == ["vat-1"]
    with store.engine.connect() as conn:
        assert conn.execute(sql("SELECT COUNT(*) FROM history")).scalar() > before
    assert history(store, "vat-1:c0")[-1]["status"] == "open"


def test_candidates_are_read_through_the_side_and_date_indexes(make_store):
    store = make_store()
    _ingest(store, [ULTIMATUM])
    with store.engine.connect() as conn:
        assert candidate_threads(conn, {"china"}, "x", "2026-04-01") == ["canola-1:c0"]
        assert candidate_threads(conn, {"china"}, "x", "2026-02-01") == []        # before it was made
        assert candidate_threads(conn, {"japan"}, "x", "2026-04-01") == []
        plan = " ".join(str(r[-1]) for r in conn.execute(sql(
            "EXPLAIN QUERY PLAN SELECT id FROM commitments WHERE holder IN ('china') AND date >= '2025-01-01' "
            "AND date <= '2026-04-01' ORDER BY date DESC LIMIT 60")))
    assert "commitments_holder_date" in plan


def test_followups_on_postgresql(pg_schema_url):
    from newsledger.store import open_store
    with open_store(pg_schema_url) as store:
        _ingest(store, [MET, EXTENDED, OTHER_TOPIC, ULTIMATUM])      # newest first: linked backward
        c = _tracked(store, "canola-1")
        assert (c["status"], c["due"]) == ("met", "2026-04-30")
        assert _articles(c) == ["canola-1", "canola-3", "canola-4"]


# A passive promise ("the money would be paid") kept, told with an irregular past ("has paid").
PAID_PROMISE = record(
    "aid-1", "2026-04-01",
    "Spain said on Wednesday that the remaining reconstruction money for Ukraine would be paid to its "
    "regional councils within 60 days.",
    commitments=[{"kind": "promise", "holder": "spain", "counterparty": "ukraine",
                  "content": "the remaining reconstruction money for Ukraine would be paid to its regional councils",
                  "due": "2026-05-31"}])
PAID = record(
    "aid-2", "2026-05-29",
    "Spain has paid all the reconstruction money owed to the regional councils of Ukraine, the finance "
    "ministry said on Friday.")
PAID_NOTHING = record(
    "aid-2", "2026-05-29",
    "Spain has paid Ukraine no reconstruction money for the regional councils so far, officials in Kyiv said.")


def test_promise_met_when_its_act_is_told_in_an_irregular_past(make_store):
    store = make_store()
    _ingest(store, [PAID_PROMISE, PAID])
    c = _tracked(store, "aid-1")
    assert _articles(c) == ["aid-1", "aid-2"] and c["status"] == "met"


def test_an_act_done_with_no_object_is_not_met(make_store):
    store = make_store()
    _ingest(store, [PAID_PROMISE, PAID_NOTHING])
    assert _tracked(store, "aid-1")["status"] != "met"


# Two pledges of one side a month apart; the follow-up names the month its pledge was made.
MAY_PLEDGE = record(
    "grid-1", "2026-05-12",
    "Japan pledged to send 12 mobile power generators to Ukraine before the winter.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "ukraine",
                  "content": "send 12 mobile power generators to Ukraine"}])
JUNE_PLEDGE = record(
    "grid-2", "2026-06-20",
    "Japan pledged to finance the repair of several hundred transformer stations in Ukraine, with the "
    "first of them back in service by the end of the year.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "ukraine",
                  "content": "finance the repair of several hundred transformer stations in Ukraine"}])
GRID_DELIVERED = record(
    "grid-3", "2026-10-02",
    "The 12 mobile generators pledged by Japan in May are now in Ukraine and running, with the first of "
    "them feeding several transformer stations near Kharkiv whose repair is still months away. Japan has "
    "delivered what it said it would deliver, officials in Kyiv said.")


def test_a_follow_up_dated_to_an_earlier_pledge_is_not_linked_to_a_later_one(make_store):
    store = make_store()
    _ingest(store, [MAY_PLEDGE, JUNE_PLEDGE, GRID_DELIVERED])
    may, june = _tracked(store, "grid-1"), _tracked(store, "grid-2")
    assert _articles(may) == ["grid-1", "grid-3"] and may["status"] == "met"
    assert _articles(june) == ["grid-2"] and june["status"] == "open"


# A plan given up for reasons that include "delays" (a noun: no more time given).
PLANT_PROMISE = record(
    "plant-1", "2026-02-03",
    "Japan promised to open a battery recycling plant in the Philippines by the end of September.",
    commitments=[{"kind": "promise", "holder": "japan", "counterparty": "philippines", "due": "2026-09-30",
                  "content": "open a battery recycling plant in the Philippines"}])
PLANT_ABANDONED = record(
    "plant-2", "2026-05-20",
    "Japan has abandoned its plan to open a battery recycling plant in the Philippines, citing rising costs "
    "and delays in permits.")
# The receiving side says it was promised nothing.
RICE_PROMISE = record(
    "rice-1", "2026-04-06",
    "Japan will ship 50,000 tonnes of rice to the Philippines before the end of June, Tokyo said.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "philippines", "due": "2026-06-30",
                  "content": "ship 50,000 tonnes of rice to the Philippines"}])
RICE_DENIED = record(
    "rice-2", "2026-04-08",
    "The Philippines has received no commitment from Japan on rice shipments, officials in Manila said.")
RICE_SOLD = record(
    "rice-3", "2026-06-22",
    "All 50,000 tonnes of Japanese rice had been shipped to the Philippines by Monday, and shops in Manila "
    "said it would be on shelves by the weekend.")


def test_a_plan_abandoned_for_delays_is_withdrawn_not_extended(make_store):
    store = make_store()
    _ingest(store, [PLANT_PROMISE, PLANT_ABANDONED])
    c = _tracked(store, "plant-1")
    assert _articles(c) == ["plant-1", "plant-2"] and (c["status"], c["due"]) == ("withdrawn", "2026-09-30")


def test_the_receiving_side_saying_it_got_no_commitment_denies_it(make_store):
    store = make_store()
    _ingest(store, [RICE_PROMISE, RICE_DENIED])
    c = _tracked(store, "rice-1")
    assert _articles(c) == ["rice-1", "rice-2"] and c["status"] == "denied"


def test_goods_on_shelves_are_not_a_plan_shelved(make_store):
    store = make_store()
    _ingest(store, [RICE_PROMISE, RICE_SOLD])
    c = _tracked(store, "rice-1")
    assert _articles(c) == ["rice-1", "rice-3"] and c["status"] == "met"


# A loan pledge whose step to come is told last; the same lender signs a deal with a third country.
LOAN_PLEDGE = record(
    "loan-1", "2026-03-03",
    "Japan pledged to lend Indonesia 3 billion dollars to expand its ports, with the loan agreement to be "
    "signed before the end of July.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "indonesia", "due": "2026-07-31",
                  "content": "lend Indonesia 3 billion dollars to expand its ports, with the loan agreement to "
                             "be signed before the end of July"}])
LOAN_THIRD = record(
    "loan-2", "2026-05-12",
    "Japan and the Philippines signed a loan agreement on Tuesday to expand ports on Luzon.")
LOAN_SIGNED = record(
    "loan-3", "2026-07-14",
    "Japan and Indonesia signed a 3 billion dollar loan on Tuesday to expand Indonesian ports.")


def test_a_step_told_last_is_an_act_of_the_pledge_and_a_third_country_deal_does_not_link(make_store):
    store = make_store()
    _ingest(store, [LOAN_PLEDGE, LOAN_THIRD, LOAN_SIGNED])
    c = _tracked(store, "loan-1")
    assert _articles(c) == ["loan-1", "loan-3"] and c["status"] == "met"


# The receiving side tells alone what it got.
BOATS_PLEDGE = record(
    "boats-1", "2026-02-02",
    "Japan pledged to deliver five patrol boats to the Philippines by the end of June.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "philippines", "due": "2026-06-30",
                  "content": "deliver five patrol boats to the Philippines"}])
BOATS_RECEIVED = record(
    "boats-2", "2026-06-15",
    "The Philippines took delivery of the five patrol boats on Monday at a ceremony in Manila.")
OTHER_RECEIVED = record(
    "boats-3", "2026-04-20",
    "The Philippines took delivery of two Black Hawk helicopters on Monday at a ceremony in Manila.")
STILL_WAITING = record(
    "boats-4", "2026-05-04",
    "The Philippines is still waiting for the five patrol boats, officials in Manila said.")


def test_the_receiving_side_alone_tells_the_act_done(make_store):
    store = make_store()
    _ingest(store, [BOATS_PLEDGE, OTHER_RECEIVED, STILL_WAITING, BOATS_RECEIVED])
    c = _tracked(store, "boats-1")
    assert _articles(c) == ["boats-1", "boats-2"] and c["status"] == "met"


# A pledge said again in other words by its holder's side, and a pledge of the same sides to do something else.
TURBINES_CLAIMED = record(
    "wind-1", "2026-03-02",
    "Officials in Manila said Japan had promised to send 40 wind turbines to the Philippines by the end of "
    "the year. Tokyo did not comment.",
    commitments=[{"kind": "promise", "holder": "japan", "counterparty": "philippines", "due": "2026-12-31",
                  "status": "unconfirmed", "content": "send 40 wind turbines to the Philippines"}])
TURBINES_RESTATED = record(
    "wind-2", "2026-03-09",
    "Japan will ship the turbines in the autumn, a Japanese official said.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "philippines",
                  "content": "ship the turbines"}])
TRAINING_PLEDGE = record(
    "wind-3", "2026-03-16",
    "Japan pledged to train 200 Philippine coast guard officers, a Japanese official said.",
    commitments=[{"kind": "pledge", "holder": "japan", "counterparty": "philippines",
                  "content": "train 200 Philippine coast guard officers"}])


def test_a_pledge_said_again_in_other_words_is_evidence_on_the_first(make_store):
    store = make_store()
    _ingest(store, [TURBINES_CLAIMED, TURBINES_RESTATED, TRAINING_PLEDGE])
    first = _tracked(store, "wind-1")
    assert _articles(first) == ["wind-1", "wind-2"]
    assert [h["status"] for h in first["history"]][:2] == ["unconfirmed", "open"]     # the holder confirms it
    assert _articles(_tracked(store, "wind-3")) == ["wind-3"]                          # another act: its own
    assert not [c for c in list_commitments(store) if c["article"] == "wind-2"]


def _statement(text, kind, speaker, content, cue, about=()):
    i, c = text.index(content), text.index(cue)
    return {"speaker": speaker, "speaker_mention": None, "cue": {"text": cue, "span": [c, c + len(cue)]},
            "kind": kind, "negated": False, "hedged": False, "quote": None,
            "content": {"text": content, "span": [i, i + len(content)]}, "about": list(about), "time": None,
            "reported_by": None, "span": [0, len(text)]}


_GAS_CLAIM = "Officials in Kyiv said Hungary had guaranteed Ukraine deliveries of gas through the winter."
_GAS_DENIAL = "Hungary's foreign minister said Budapest had given Kyiv no guarantee on gas supplies."
_GAS_OTHER = "Hungary said it would not send weapons to Ukraine."
GAS_CLAIMED = record("gas-1", "2026-10-01", _GAS_CLAIM, statements=[_statement(
    _GAS_CLAIM, "claim", "ukraine", "Hungary had guaranteed Ukraine deliveries of gas through the winter", "said",
    ["hungary"])])
GAS_DENIED = record("gas-2", "2026-10-03", _GAS_DENIAL, statements=[_statement(
    _GAS_DENIAL, "denial", "hungary", "Budapest had given Kyiv no guarantee on gas supplies", "said", ["ukraine"])])
WEAPONS_DENIED = record("gas-3", "2026-10-02", _GAS_OTHER, statements=[_statement(
    _GAS_OTHER, "denial", "hungary", "it would not send weapons to Ukraine", "said", ["ukraine"])])


def test_a_denial_in_its_own_words_reaches_the_claim_it_answers(make_store):
    from newsledger.track import list_claims
    store = make_store()
    _ingest(store, [GAS_CLAIMED, WEAPONS_DENIED, GAS_DENIED])
    [claim] = [c for c in list_claims(store) if c["article"] == "gas-1"]
    assert claim["status"] == "denied" and claim["deniers"] == ["hungary"]
    assert [h["article"] for h in claim["history"]] == ["gas-1", "gas-2"]     # not the denial of something else


# The act of an ultimatum is the other side's: a report naming only that side may tell it missed.
CHINA_MISSED = record(
    "canola-5", "2026-04-20",
    "China did not lift its canola tariffs by Thursday's deadline, trade officials in Beijing said.")
CHINA_TALKS = record(
    "canola-6", "2026-04-20",
    "China said its canola tariffs were a matter for talks, trade officials in Beijing said.")


@pytest.mark.parametrize("order", [1, -1])
def test_the_other_side_alone_telling_it_failed_by_the_deadline_is_missed(make_store, order):
    store = make_store()
    _ingest(store, [ULTIMATUM, CHINA_MISSED][::order])
    c = _tracked(store, "canola-1")
    assert _articles(c) == ["canola-1", "canola-5"] and c["status"] == "missed"


def test_the_other_side_alone_telling_no_fate_is_not_linked(make_store):
    store = make_store()
    _ingest(store, [ULTIMATUM, CHINA_TALKS])
    assert _articles(_tracked(store, "canola-1")) == ["canola-1"]


# A claimed agreement denied in a quote whose first sentence names no one; a new agreement of the same two
# sides that names the first in passing; the other side's deal with a third country; another actor's plan
# dropped beside a mention of the holder.
_FEES_DENIAL = ('"There is no such understanding. The fees on Chinese ships stay in force," the US trade '
                'representative said. China did not respond to a request for comment.')
FEES_CLAIMED = record(
    "fees-1", "2026-02-03",
    "China's commerce ministry said Washington had agreed to suspend its fees on Chinese ships for one year.",
    commitments=[{"kind": "agreement", "holder": "united-states", "counterparty": "china", "status": "unconfirmed",
                  "content": "suspend its fees on Chinese ships for one year"}])
FEES_DENIED = record("fees-2", "2026-02-04", _FEES_DENIAL, statements=[_statement(
    _FEES_DENIAL, "claim", "united-states", '"There is no such understanding. The fees on Chinese ships stay in force,"',
    "said")])
FENTANYL_DEAL = record(
    "fees-3", "2026-02-20",
    "The United States and China agreed on Friday to set up a working group on fentanyl chemicals. Neither "
    "side mentioned the fees on Chinese ships.",
    commitments=[{"kind": "agreement", "holder": "united-states", "counterparty": "china",
                  "content": "set up a working group on fentanyl chemicals"}])
THIRD_DEAL = record(
    "fees-4", "2026-03-10", "Canada and China agreed on Tuesday to set up a working group on fentanyl chemicals.")
_DROPPED = "BMW has dropped its plan to make a working group on chemicals, blaming US tariffs."
OTHER_DROPPED = record("fees-5", "2026-03-12", _DROPPED, events=[{
    "code": "080", "source": "bmw", "target": None, "negated": False, "hypothetical": False,
    "trigger": {"text": "dropped its plan", "span": [8, 24]}}])


@pytest.mark.parametrize("order", [1, -1])
def test_a_quoted_denial_by_the_holder_denies_and_later_deals_do_not_link(make_store, order):
    store = make_store()
    _ingest(store, [FEES_CLAIMED, FEES_DENIED, FENTANYL_DEAL, THIRD_DEAL, OTHER_DROPPED][::order])
    fees = _tracked(store, "fees-1")
    assert _articles(fees) == ["fees-1", "fees-2"] and fees["status"] == "denied"
    group = _tracked(store, "fees-3")
    # not the other pair's deal; another actor's plan dropped is no fate of this one (named beside "US")
    assert "fees-4" not in _articles(group) and group["status"] == "open"


# A promise said still to stand in other words, by the month of its due date.
WATER_PROMISED = record(
    "water-1", "2026-04-28",
    "Mexico promised to deliver the water it owes the United States under the 1944 treaty by October 24.",
    commitments=[{"kind": "promise", "holder": "mexico", "due": "2026-10-24",
                  "content": "deliver the water it owes the United States under the 1944 treaty"}])
WATER_ON_TRACK = record(
    "water-2", "2026-08-05",
    "Mexico is on track to clear the water debt it owes the United States by late October, its water agency said.",
    times=[("late October", "DATE", "2026-10")])


def test_a_promise_said_to_be_on_track_in_other_words_is_linked_and_stays_open(make_store):
    store = make_store()
    _ingest(store, [WATER_PROMISED, WATER_ON_TRACK])
    c = _tracked(store, "water-1")
    assert _articles(c) == ["water-1", "water-2"] and c["status"] == "open"


# A deadline of the same holder named as another party's ("the deadline Ottawa set for Brazil") tells of
# that party's deadline, though the follow-up states no commitment; named as the counterparty's, it is ours.
LAPSED_OTHER = record(
    "canola-7", "2026-04-20",
    "The deadline Carney set for Brazil lapsed with no change to its tariffs on Canadian canola, Ottawa said.")
LAPSED_OWN = record(
    "canola-8", "2026-04-20",
    "The deadline Carney set for China lapsed with no change to its tariffs on Canadian canola, Ottawa said.")


def test_a_deadline_named_as_another_partys_is_not_linked(make_store):
    store = make_store()
    _ingest(store, [ULTIMATUM, LAPSED_OTHER])
    assert _articles(_tracked(store, "canola-1")) == ["canola-1"]


def test_a_deadline_named_as_the_counterpartys_lapsing_with_nothing_done_is_missed(make_store):
    store = make_store()
    _ingest(store, [ULTIMATUM, LAPSED_OWN])
    c = _tracked(store, "canola-1")
    assert _articles(c) == ["canola-1", "canola-8"] and c["status"] == "missed"


# "On course" and "on schedule" say what "on track" says: the holder's side tells that its promise stands.
RICE_PROMISED = record(
    "rice-1", "2026-03-02",
    "Japan promised the Philippines on Monday to ship 50,000 tonnes of emergency rice from its reserves by June 30.",
    commitments=[{"kind": "promise", "holder": "japan", "counterparty": "philippines", "due": "2026-06-30",
                  "content": "ship 50,000 tonnes of emergency rice from its reserves"}])
RICE_ON_COURSE = record(
    "rice-2", "2026-05-12",
    "Japan remains on course to ship the rice to the Philippines before the monsoon, a government "
    "spokeswoman said.")
RICE_ON_SCHEDULE = record(
    "rice-3", "2026-05-12",
    "Japan is on schedule to ship the rice to the Philippines before the monsoon, a government "
    "spokeswoman said.")


# The other side denies the agreement by its own verb, in other words ("never agreed to move its soldiers"):
# a denial of it, as "there is no such agreement" is.
POST_AGREED = record(
    "post-1", "2026-06-03",
    "Brazil and Argentina have agreed to pull their troops back from the disputed river crossing by Friday, "
    "Brazil's foreign ministry said.",
    commitments=[{"kind": "agreement", "holder": "brazil", "counterparty": "argentina",
                  "content": "pull their troops back from the disputed river crossing"}])
POST_DENIED = record(
    "post-2", "2026-06-04",
    "Argentina never agreed to move its soldiers away from the crossing, a defence ministry spokeswoman said, "
    "calling the Brazilian statement false.")


# To be back somewhere is to have returned there: "would be back on the route" is met by "returned to the route".
ROUTE_PROMISED = record(
    "route-1", "2026-02-10",
    "BMW promised Mexico on Tuesday that its car carriers would be back on the Pacific route by April 1.",
    commitments=[{"kind": "promise", "holder": "bmw", "counterparty": "mexico", "due": "2026-04-01",
                  "content": "its car carriers would be back on the Pacific route"}])
ROUTE_RETURNED = record(
    "route-2", "2026-03-24",
    "The first BMW car carrier in two years docked in Manzanillo on Monday as the German carmaker's fleet "
    "returned to the Pacific route, Mexico's port authority said.")


# An unnamed voice described by its body speaks for the side that is such a body: "a company spokeswoman"
# for the company of the commitment, "a government spokesman" for its state.
CHIPS_PROMISED = record(
    "fab-1", "2026-03-02",
    "Intel promised Mexico on Monday to build a chip packaging plant in Jalisco by the end of 2027.",
    commitments=[{"kind": "promise", "holder": "intel", "counterparty": "mexico", "due": "2027-12-31",
                  "content": "build a chip packaging plant in Jalisco"}])
CHIPS_ON_COURSE = record(
    "fab-2", "2026-09-14",
    "Mexico's economy ministry said on Monday that Intel had bought land near Guadalajara. The packaging plant "
    "remains on course, a company spokeswoman said.")


@pytest.mark.parametrize("first, follow_up, status", [
    (RICE_PROMISED, RICE_ON_COURSE, "open"),     # on course, on schedule: as on track
    (RICE_PROMISED, RICE_ON_SCHEDULE, "open"),
    (POST_AGREED, POST_DENIED, "denied"),        # the other side never agreed to it
    (ROUTE_PROMISED, ROUTE_RETURNED, "met"),     # back on the route: returned to it
    (CHIPS_PROMISED, CHIPS_ON_COURSE, "open"),   # the company's unnamed spokeswoman: still on course
], ids=["on course", "on schedule", "never agreed to", "be back", "a company spokeswoman"])
def test_a_follow_up_told_in_other_words_is_linked_with_its_status(make_store, first, follow_up, status):
    store = make_store()
    _ingest(store, [first, follow_up])
    c = _tracked(store, first["article"]["id"])
    assert _articles(c) == [first["article"]["id"], follow_up["article"]["id"]] and c["status"] == status


# A company's build pledge referred back to as "its ... project" (cues.REFERRING_NOUNS); a project with a name of
# its own the pledge lacks is another one (refer._named_apart).
FAB_PLEDGE = record(
    "fab-1", "2026-02-03",
    "Intel will build a chip packaging plant near New Albany, Ohio, by the end of 2028, the company said on Tuesday.",
    commitments=[{"kind": "pledge", "holder": "intel", "content": "build a chip packaging plant near New Albany, Ohio",
                  "due": "2028-12-31"}],
    times=[("the end of 2028", "DATE", "2028-12-31")])
FAB_DROPPED = record(
    "fab-2", "2026-09-15",
    "Intel has pulled the plug on its packaging project, the company said on Tuesday, blaming weak demand for chips.")
OTHER_FAB_DROPPED = record(
    "fab-3", "2026-09-15",
    "Intel has pulled the plug on its Magdeburg packaging project, the company said on Tuesday, blaming weak demand for "
    "chips.")


def test_a_build_pledge_ended_as_its_project_is_withdrawn(make_store):
    store = make_store()
    _ingest(store, [FAB_PLEDGE, FAB_DROPPED])
    c = _tracked(store, "fab-1")
    assert _articles(c) == ["fab-1", "fab-2"] and c["status"] == "withdrawn"


def test_must_not_another_named_project_ended_withdraws_it(make_store):
    store = make_store()
    _ingest(store, [FAB_PLEDGE, OTHER_FAB_DROPPED])
    c = _tracked(store, "fab-1")
    assert _articles(c) == ["fab-1"] and c["status"] == "open"


# A promise to a group told by a description; the follow-up names it by the same words, uncapitalized, beside
# the ministry of the state it happened in (refer._named_again): the group is there, the state no other party.
FISHERMEN_PROMISE = record(
    "fish-1", "2026-02-10",
    "BMW will compensate the 1,400 fishermen whose nets its supplier's barges tore by the end of May, the company said.",
    commitments=[{"kind": "promise", "holder": "bmw", "counterparty": "1-400-fishermen",
                  "content": "compensate the 1,400 fishermen whose nets its supplier's barges tore", "due": "2026-05-31"}],
    times=[("the end of May", "DATE", "2026-05-31")])
FISHERMEN_PAID = record(
    "fish-2", "2026-05-20",
    "BMW has paid out 9 million euros to the 1,400 fishermen for the nets its supplier's barges tore, Indonesia's "
    "fisheries ministry said on Wednesday.")
DEALERS_PAID = record(
    "fish-3", "2026-05-20",
    "BMW has paid out 9 million euros to its dealers for the cars its supplier's barges lost, Indonesia's trade "
    "ministry said on Wednesday.")


def test_a_group_named_again_by_its_description_is_there(make_store):
    store = make_store()
    _ingest(store, [FISHERMEN_PROMISE, FISHERMEN_PAID])
    c = _tracked(store, "fish-1")
    assert _articles(c) == ["fish-1", "fish-2"] and c["status"] == "met"


def test_must_not_a_payment_to_others_meets_it(make_store):
    store = make_store()
    _ingest(store, [FISHERMEN_PROMISE, DEALERS_PAID])
    c = _tracked(store, "fish-1")
    assert _articles(c) == ["fish-1"] and c["status"] == "open"
