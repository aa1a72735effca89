"""Our story chains (tests/fixtures/chains), one test per transition, through the real pipeline.

Each chain's follow-up articles are extracted as `ingest` extracts them; the first article's commitment
is stored as the chain's gold states it (holder, counterparty, kind, content, due, first status), so these
tests measure linking and status changes, not finding the commitment (tests/nlp test that). Then the
articles are stored through track.store_record, in date order and in reverse order."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsledger.eval.tracking import due_equal
from newsledger.track import list_commitments, store_record

CHAINS = Path(__file__).resolve().parent.parent / "fixtures" / "chains"
KIND_GROUPS = ({"ultimatum", "deadline", "threat"}, {"pledge", "promise", "guarantee", "agreement"})


def _read(name: str) -> list[dict]:
    return [json.loads(line) for line in (CHAINS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


GOLD = {g["id"]: g for g in _read("gold.jsonl")}


def _group(kind: str) -> int:
    return next(i for i, g in enumerate(KIND_GROUPS) if kind in g)


def _actor(record: dict, fragments: list[str]) -> str:
    """The record's actor id the gold names: its forms in the gold's order (the holder first, then its
    spokespeople), each exactly or as a fragment of 3+ letters of an id ("samsung" in
    "samsung-electronics" before "tm-roh", the company's mobile chief)."""
    ids = [a["id"] for a in record["actors"]]
    for f in fragments:
        if f in ids:
            return f
        for i in ids:
            if len(f) >= 3 and f in i:
                return i
    record["actors"].append({"id": fragments[0], "name": fragments[0], "type": "organization", "country": None,
                             "roles": [], "wikidata": None, "mentions": []})
    return fragments[0]


def _sentence_of(text: str, content: str) -> list[int]:
    """The span of the sentence sharing most words with the gold content."""
    words = set(re.findall(r"[a-z]{4,}", content.lower()))
    best, span = -1, [0, len(text)]
    for m in re.finditer(r"[^.\n]+[.\n]?", text):
        n = len(words & set(re.findall(r"[a-z]{4,}", m.group(0).lower())))
        if n > best:
            best, span = n, [m.start(), m.end()]
    return span


def _with_gold_commitment(record: dict, g: dict) -> dict:
    record = json.loads(json.dumps(record))
    holder = _actor(record, g["holder"])
    cp = _actor(record, g["counterparty"]) if g.get("counterparty") else None
    # the extracted commitments of the same group and holder give way to the gold's (not another gold
    # commitment of the same first article: k112's two agreements of Indonesia)
    golds = {x["content"] for x in GOLD.values() if x["first_article"] == g["first_article"]}
    record["commitments"] = [c for c in record["commitments"] if c["content"] in golds or not (
        _group(c["kind"]) == _group(g["kind"]) and any(f in (c.get("holder") or "") for f in g["holder"]))]
    record["commitments"].append({
        "kind": g["kind"], "holder": holder, "counterparty": cp, "content": g["content"], "conditions": None,
        "due": g["due_first"], "status": g["statuses"][0], "overdue": False,
        "evidence": [_sentence_of(record["article"]["text"], g["content"])]})
    return record


@pytest.fixture(scope="session")
def chain_records(nlp) -> dict[str, dict]:
    from newsledger.extraction import extract
    from newsledger.records import Article
    out = {}
    for obj in _read("articles.jsonl"):
        art = Article(text=obj["text"], id=obj["id"], title=obj["title"], published=obj["published"])
        out[obj["id"]] = extract(art, nlp=nlp).to_dict()
    for g in GOLD.values():
        out[g["first_article"]] = _with_gold_commitment(out[g["first_article"]], g)
    return out


def _track(make_store, chain_records, chain: str, reverse: bool = False) -> list[dict]:
    store = make_store(f"{chain}-{'r' if reverse else 'f'}.db")
    recs = sorted((r for a, r in chain_records.items() if a.startswith(chain + "-")),
                  key=lambda r: r["article"]["published"], reverse=reverse)
    for r in recs:
        assert store_record(store, r).added
    return list_commitments(store, as_of="2026-01-01")


def _tracked(rows: list[dict], g: dict) -> dict:
    fits = [c for c in rows if any(h["article"] == g["first_article"] for h in c["history"])
            and _group(c["kind"]) == _group(g["kind"]) and any(f in c["holder"] for f in g["holder"])]
    assert fits, f"{g['id']}: no tracked commitment opened by {g['first_article']}"
    # most of the gold's links, then the record stored with the gold's content (two gold commitments of one
    # first article and one holder, k112: the one whose words these are)
    return max(fits, key=lambda c: (len({h["article"] for h in c["history"]} & set(g["links"])),
                                    c.get("content") == g["content"]))


def _due_right(due, gold) -> bool:
    """The due as `newsledger eval tracking` scores it (eval.tracking.due_equal): a due of a month, a week or a
    year ("to the end of March": 2026-03) is the day it is due by, the last (the gold writes 2026-03-31)."""
    return due == gold or due_equal(due, gold)


def _check(make_store, chain_records, gid: str, reverse: bool = False) -> dict:
    g = GOLD[gid]
    c = _tracked(_track(make_store, chain_records, g["chain"], reverse), g)
    articles = list(dict.fromkeys(h["article"] for h in c["history"]))
    assert articles == [g["first_article"], *g["links"]], gid                  # linked; not_links left out
    assert not set(articles) & set(g["not_links"])
    last = {}
    for h in c["history"]:
        last[h["article"]] = h["status"]
    assert list(last.values()) == g["statuses"], gid                           # the status after each report
    assert c["status"] == g["status"] and _due_right(c["due"], g["due"]), gid
    return c


# Chains the tracker does not yet follow, each with what stops it (strict: one that starts to pass must
# be taken off this list).
KNOWN_MISSES = {
    # k34-k41: written as a held-out check before any change (see the fixtures' README)
    "k38-g1": "City Hall / the mayor's office not read as the city; the delay and the opening stay unlinked",
    # k50-k57: written as a held-out check before any change (see the fixtures' README)
    "k51-g1": "neither 'gave Stellantis two more weeks' nor the signed letter is linked: stays open, due March 20",
    # k58-k63: written as a held-out check before any change (see the fixtures' README)
    "k59-g1": "held by Verdi since 'Germany's Verdi union' reads as the union, the extension to Feb. 27 is linked, but "
              "the met act told as the company's new offer ('put a new offer to Verdi, raising pay ... by 5.5%') is "
              "read as no act: stays extended",
    # k64-k71: written as a held-out check by a helper who had not read the tracker (see the fixtures' README)
    "k70-g2": "extended, July 30, in both orders (the same history): the same-actors delay of the other payment "
              "('pushed back by a month, to the end of March, the $500 million in budget support') is linked to this "
              "grant in date order too, its new due counted from June 30 though the month it names comes before it",
    # k125-k129: written for the telling by another side (issue 21, helper claimside) before the change
    "k128-g1": "the holder's spokesman telling it ('Iran will allow IAEA inspectors to return ..., Iranian Foreign "
               "Ministry spokesman Esmaeil Baghaei said') is found as no commitment, and the article ends the "
               "thread met (\"Iran has always honoured its obligations\": a habit, not this act done)",
    # k180-k189: written for the first article's holder (issue 21, helper first2) before the change
    "k180-g1": "the signing ('Eksfin signed the guarantee for the ... loan to Morrow Batteries') is linked but read as "
               "no act: the follow-up names Eksfin with no description, so the tagger finds no actor there; stays "
               "open (and the first article's due, 'by the end of June' after the apposition, is not read)",
    "k182-g1": "the start of production ('Volkswagen began building the electric Polo at its Emden plant'), 516 days "
               "after the guarantee and 110 before its due date, is linked (near_due.py) but read as no act done "
               "for the guarantee whose content is 'our Emden plant start building ...': stays open",
    # k260-k269: follow-ups near the due date past the window (issue 21, helper lookup21), before the change
    "k262-g1": "the delay ('put off ... until March 31, 2029') and the completion near the new date are linked, but "
               "'has completed the expansion of its Los Bronces copper mine' is read as no act done: stays extended",
    # k200-k209: written for statuses of classes seen on unseen stories (issue 21, helper status2) before the change
    "k202-g1": "the funding law passed ('South Africa's parliament passed the amended party funding law ..., a week "
               "before the date set by the Constitutional Court') is not linked: 'South Africa's parliament' is read "
               "as South Africa, not as the parliament the court's deadline is owed by, so no side that owes the act "
               "tells it done; stays open",
    # k250-k259: written for the actors the small tagger misses (issue 21, helper org21) before the change
    "k253-g1": "the arrival told with the promise in a relative clause ('The 200 Ukrainian students EPFL promised to "
               "take in began their studies') does not end the thread met: stays open",
    "k254-g1": "the release ('BNDES has released the 5 billion reais it promised ...', told by the state's governor) "
               "does not end the thread met: stays open",
    "k300-g1": "the switch told as 'has moved all of its couriers in Spain onto employment contracts, meeting the "
               "deadline set by the CNMC' is not linked: the back-reference names the setter, not the holder's act",
    "k302-g1": "the deletion ('Temu has deleted the personal data ..., complying with the order of the Personal "
               "Information Protection Commission') does not end the thread met from the gold's wording of the order (end "
               "to end, from the extracted record, it does)",
    # k280-k283: written by helper found22 before its change (see the fixtures' README)
    "k282-g1": "the payout told by the ministry ('Italy has paid out the 50 million euro Flood Recovery Fund to farmers "
               "...') does not end the thread met: stays open",
}

# Chains right in date order whose end differs when ingested in reverse (the reverse-ingest test only).
REVERSE_MISSES = {
    "k321-g1": "more time told as a deadline of its own ('will allow Ovo Energy until the end of March to file ...') "
               "joins the running deadline only when that is stored first (followups.extended_thread reads earlier "
               "threads): in reverse it opens its own thread, the first ends met with its due of Feb. 24",
    "k123-g1": "two extensions in a row: in reverse, the second ('two more weeks on Sunday') is read against the "
               "first's due as counted from its own report (April 18), and is not read again once the deadline "
               "arrives and the first is counted from the old due (April 19): ends May 2, not May 3",
}

# Chains whose end is right but whose history misses a link (the transition tests fail, not the reverse one).
MISSED_LINKS = {
    "k61-g1": "the holder's restatement ('remains on course to have its first low-carbon steel plant running ... "
              "before the end of the decade') is linked end to end, where the extracted content shares 'state "
              "support' with it; with the gold's content (no 'state support') it shares 'plant' and 'IJmuiden' only, "
              "0.46 < 0.5",
    "k175-g1": "the audit office's report of costs and of lawmakers calling for the terminal 'to be cancelled' is "
               "not linked (it names the holder only as 'the ministry'); the end, met, is right",
    "k218-g1": "the follow-up names the lender with no description ('Cassa Depositi e Prestiti has so far underwritten "
               "...'), so the tagger's person reading stands there and the thread, held by the lender since the "
               "first article's description ('Italy's state lender Cassa Depositi e Prestiti') is read, does not "
               "take it; the end, open, is right",
    "k177-g1": "the miner's denial that it owes the taxes ('EcuaCorriente denied ... that it owed Ecuador any back "
               "taxes') is linked, which the gold leaves out; the end, met, is right",
}


def _known(gids: list[str]) -> list:
    """The gids, those the tracker does not yet follow marked as strict xfails with the reason."""
    misses = {**KNOWN_MISSES, **MISSED_LINKS}
    return [pytest.param(g, marks=pytest.mark.xfail(reason=misses[g], strict=True)) if g in misses else g
            for g in gids]


# one chain (or more) per transition; the ids say which
@pytest.mark.parametrize("gid", _known(["k01-g1", "k08-g1", "k13-g1", "k15-g1", "k21-g1", "k27-g1", "k32-g1", "k35-g1",
                                        "k41-g1", "k44-g1", "k55-g1", "k59-g1", "k122-g1", "k123-g1",
                                        "k207-g1", "k208-g1", "k232-g1", "k233-g1", "k251-g1", "k255-g1",
                                        "k320-g1", "k321-g1", "k322-g1", "k323-g1", "k324-g1", "k325-g1"]))
def test_extended_with_the_new_due_date(make_store, chain_records, gid):
    c = _check(make_store, chain_records, gid)
    ext = [h for h in c["history"] if h["status"] == "extended"]
    noted = re.search(r"\bdue (\S+?)\)", ext[-1]["note"]) if ext else None
    assert noted and _due_right(noted.group(1), GOLD[gid]["due"])               # history keeps the new due
    assert GOLD[gid]["due_first"] != c["due"]                                  # and the old one is the root's


@pytest.mark.parametrize("gid", _known(["k02-g1", "k07-g1", "k11-g1", "k13-g1", "k16-g1", "k20-g1", "k25-g1", "k26-g1",
                                        "k27-g1", "k29-g1", "k32-g1", "k40-g1", "k42-g1", "k44-g1", "k50-g1", "k55-g1",
                                        "k58-g1", "k59-g1", "k63-g1", "k90-g1", "k92-g1", "k93-g1",
                                        "k94-g1", "k64-g1", "k120-g1", "k121-g1", "k124-g1",
                                        "k111-g1", "k112-g1", "k114-g1", "k150-g1", "k155-g1",
                                        "k140-g1", "k141-g1", "k142-g1", "k143-g1", "k144-g1",
                                        "k171-g1", "k172-g1", "k173-g1", "k174-g1", "k175-g1", "k176-g1",
                                        "k177-g1", "k210-g1", "k213-g1", "k180-g1", "k181-g1", "k182-g1", "k183-g1",
                                        "k186-g1", "k187-g1", "k188-g1", "k189-g1",
                                        "k200-g1", "k201-g1", "k202-g1", "k203-g1", "k204-g1", "k209-g1",
                                        "k220-g1", "k223-g1", "k226-g1", "k215-g1", "k216-g1", "k217-g1",
                                        "k234-g1", "k235-g1", "k236-g1", "k237-g1", "k239-g1", "k250-g1", "k252-g1",
                                        "k253-g1", "k254-g1", "k257-g1", "k258-g1", "k259-g1",
                                        "k310-g1", "k311-g1", "k312-g1", "k314-g1", "k318-g1", "k319-g1",
                                        "k320-g1", "k321-g1", "k322-g1", "k323-g1", "k324-g1", "k325-g1"]))
def test_met_through_the_reported_act(make_store, chain_records, gid):
    _check(make_store, chain_records, gid)


@pytest.mark.parametrize("gid", _known(["k03-g1", "k08-g1", "k10-g1", "k14-g1", "k19-g1", "k23-g1", "k28-g1", "k33-g1",
                                        "k36-g1", "k43-g1", "k52-g1", "k56-g1", "k60-g1", "k110-g1", "k153-g1",
                                        "k159-g1", "k159-g2", "k148-g1", "k149-g1", "k212-g1", "k214-g1", "k205-g1",
                                        "k219-g1", "k230-g1", "k231-g1", "k238-g1", "k256-g1"]))
def test_missed(make_store, chain_records, gid):
    _check(make_store, chain_records, gid)


@pytest.mark.parametrize("gid", _known(["k04-g1", "k06-g1", "k09-g1", "k17-g1", "k24-g1", "k31-g1", "k35-g1", "k39-g1",
                                        "k53-g1", "k61-g1", "k113-g1", "k145-g1", "k146-g1", "k147-g1", "k235-g2",
                                        "k313-g1", "k317-g1"]))
def test_withdrawn(make_store, chain_records, gid):
    _check(make_store, chain_records, gid)


@pytest.mark.parametrize("gid", _known(["k05-g1", "k12-g1", "k18-g1", "k30-g1", "k54-g1", "k57-g1", "k62-g1", "k126-g1",
                                        "k316-g1"]))
def test_denied(make_store, chain_records, gid):
    _check(make_store, chain_records, gid)


@pytest.mark.parametrize("gid", _known(["k127-g1"]))
def test_told_by_the_holder_then_retold_by_another_side_stays_open(make_store, chain_records, gid):
    """Must not: unnamed officials of the receiving side retelling what the holder's spokesperson told
    first take no confirmation back (status.replay_commitment)."""
    c = _check(make_store, chain_records, gid)
    assert [h["status"] for h in c["history"]] == ["open", "open"]


@pytest.mark.parametrize("gid", _known(["k07-g1", "k22-g1", "k50-g1", "k97-g1", "k125-g1", "k128-g1", "k178-g1"]))
def test_unconfirmed_then_open_once_the_holder_confirms(make_store, chain_records, gid):
    c = _check(make_store, chain_records, gid)
    assert [h["status"] for h in c["history"]][:2] == ["unconfirmed", "open"]


@pytest.mark.parametrize("gid", _known(["k170-g1", "k179-g1", "k211-g1", "k184-g1", "k185-g1", "k206-g1",
                                        "k218-g1", "k315-g1"]))
def test_stays_open_when_nothing_happened(make_store, chain_records, gid):
    """Must not: an agreement's terms told in its first article ("Under the deal, Switzerland will keep paying
    ..."), a debate on the promised law, "has yet to pay" before the due date change no status."""
    c = _check(make_store, chain_records, gid)
    assert {h["status"] for h in c["history"]} == {"open"}


@pytest.mark.parametrize("gid", _known(["k172-g1", "k173-g1", "k174-g1", "k176-g1"]))
def test_no_withdrawal_where_nothing_was_given_up(make_store, chain_records, gid):
    """Must not: a threat restated as the alternative of a demand ("or have its permit revoked"), a closure on a
    condition ("if governments cancel their orders"), the other side dropping its suits under a settlement."""
    c = _check(make_store, chain_records, gid)
    assert "withdrawn" not in {h["status"] for h in c["history"]}


@pytest.mark.parametrize("gid", ["k02-g1", "k07-g1", "k09-g1", "k11-g1", "k16-g1", "k19-g1", "k25-g1",
                                 "k26-g1", "k28-g1", "k29-g1", "k30-g1", "k31-g1", "k32-g1", "k39-g1", "k40-g1",
                                 "k42-g1", "k43-g1", "k45-g1", "k46-g1", "k47-g1", "k48-g1", "k50-g1",
                                 "k52-g1", "k53-g1", "k54-g1", "k56-g1", "k57-g1", "k58-g1", "k58-g2", "k60-g1",
                                 "k60-g2", "k62-g1", "k91-g1", "k93-g1", "k94-g1",
                                 "k95-g1", "k96-g1", "k97-g1", "k98-g1", "k99-g1",
                                 "k120-g1", "k121-g1", "k122-g1", "k123-g1", "k124-g1",
                                 "k110-g1", "k110-g2", "k111-g1", "k111-g2", "k112-g1", "k112-g2",
                                 "k113-g1", "k113-g2", "k114-g1", "k114-g2",
                                 "k140-g1", "k141-g1", "k142-g1", "k143-g1", "k144-g1", "k145-g1", "k146-g1",
                                 "k147-g1", "k149-g1", "k171-g1",
                                 *_known(["k115-g1", "k116-g1", "k117-g1", "k118-g1", "k119-g1"]),
                                 "k150-g1", "k151-g1", "k152-g1", "k154-g1", "k156-g1", "k157-g1", "k158-g1",
                                 "k210-g1", "k210-g2", "k211-g1", "k211-g2", "k214-g1", "k214-g2",
                                 "k182-g1", "k184-g1", "k201-g1", "k202-g1", "k206-g1",
                                 "k221-g1", "k222-g1", "k224-g1", "k225-g1", "k227-g1",
                                 "k260-g1", "k263-g1", "k264-g1", "k265-g1", "k268-g1",
                                 "k230-g1", "k231-g1", "k232-g1", "k233-g1", "k234-g1", "k235-g1", "k236-g1",
                                 "k235-g2", "k237-g1", "k238-g1", "k239-g1", "k250-g1", "k251-g1", "k252-g1",
                                 "k253-g1", "k254-g1", "k255-g1", "k256-g1", "k257-g1", "k258-g1", "k259-g1",
                                 "k310-g1", "k311-g1", "k312-g1", "k313-g1", "k314-g1", "k315-g1", "k316-g1",
                                 "k317-g1", "k318-g1", "k319-g1",
                                 "k320-g1", "k321-g1", "k322-g1", "k322-g2", "k323-g1", "k324-g1", "k325-g1"])
def test_same_actors_other_commitment_does_not_link(make_store, chain_records, gid):
    g = GOLD[gid]
    assert g["not_links"]
    c = _tracked(_track(make_store, chain_records, g["chain"]), g)
    assert not {h["article"] for h in c["history"]} & set(g["not_links"])


@pytest.mark.parametrize("gid", [pytest.param(g, marks=pytest.mark.xfail(reason={**KNOWN_MISSES, **REVERSE_MISSES}[g],
                                                                         strict=True))
                                 if g in KNOWN_MISSES or g in REVERSE_MISSES else g for g in sorted(GOLD)])
def test_reverse_ingest_ends_the_same(make_store, chain_records, gid):
    g = GOLD[gid]
    forward = _tracked(_track(make_store, chain_records, g["chain"]), g)
    backward = _tracked(_track(make_store, chain_records, g["chain"], reverse=True), g)
    # the order of ingest changes nothing (status, due and the articles linked) ...
    assert (backward["status"], backward["due"]) == (forward["status"], forward["due"]), "order of ingest"
    assert {h["article"] for h in backward["history"]} == {h["article"] for h in forward["history"]}, "order of ingest"
    # ... and the end is the gold's
    assert forward["status"] == g["status"] and _due_right(forward["due"], g["due"]), "end"
