"""Same commitment? (track/match.py): content words, actors, numbers."""
from __future__ import annotations

from newsledger.track.match import (ActorInfo, actor_keys, claim_similarity, commitment_score, content_words,
                                    same_side, similarity)

ACTORS = {"russia": ActorInfo("russia", "country", "RUS"),
          "vladimir-putin": ActorInfo("vladimir-putin", "person", "RUS"),
          "dmitry-peskov": ActorInfo("dmitry-peskov", "person", "RUS"),
          "germany": ActorInfo("germany", "country", "DEU"),
          "ukraine": ActorInfo("ukraine", "country", "UKR")}


def c(kind, holder, content, counterparty=None):
    return {"kind": kind, "holder": holder, "content": content, "counterparty": counterparty}


def test_content_words_are_stemmed_and_numbers_kept():
    assert content_words("security guarantees") == content_words("the security guarantee")
    assert "#3" in content_words("3 billion dollars")


def test_a_word_ending_in_us_and_its_plural_are_one_word():
    # "-us" is no plural ending: "bonus" and "bonuses", "virus" and "viruses", "census" and "censuses"
    for one, many in (("bonus", "bonuses"), ("virus", "viruses"), ("census", "censuses"), ("campus", "campuses")):
        assert content_words(one) == content_words(many), one
    # must not: plurals in -s still lose it, "-ss" stays whole
    assert content_words("guarantees") == content_words("guarantee")
    assert content_words("tariffs") == content_words("tariff")
    assert content_words("the process") == content_words("processes")


def test_same_side():
    assert same_side("vladimir-putin", "russia", ACTORS)
    assert not same_side("vladimir-putin", "dmitry-peskov", ACTORS)     # two people are not one side
    assert not same_side("germany", "russia", ACTORS)


def test_same_commitment_reworded():
    a = c("guarantee", "russia", "security guarantees as part of a potential future peace deal", "ukraine")
    b = c("guarantee", "vladimir-putin", "security guarantees", "ukraine")
    assert commitment_score(b, a, ACTORS) >= 0.6


def test_different_content_kind_holder_or_counterparty_do_not_match():
    a = c("pledge", "germany", "pressure Moscow to reach a deal", "russia")
    assert commitment_score(c("pledge", "germany", "send two more air defence systems", "ukraine"), a, ACTORS) == 0
    assert commitment_score(c("pledge", "russia", "pressure Moscow to reach a deal"), a, ACTORS) == 0
    assert commitment_score(c("agreement", "germany", "pressure Moscow to reach a deal"), a, ACTORS) == 0
    assert commitment_score(c("pledge", "germany", "pressure Moscow to reach a deal", "ukraine"), a, ACTORS) == 0


def test_different_amounts_do_not_match():
    assert similarity(content_words("3 billion for flood relief"), content_words("5 billion for flood relief")) == 0
    assert similarity(content_words("3 billion for flood relief"), content_words("$3 billion flood relief")) > 0.6


def _claim(text, *actors):
    return frozenset(content_words(text) | actor_keys(actors, ACTORS))


def test_claims_match_on_shared_proposition_not_on_a_shared_actor():
    said = _claim("Putin had agreed to security guarantees for Ukraine as part of a peace deal",
                  "vladimir-putin", "ukraine")
    denied = _claim("that Russia had agreed to security guarantees for Ukraine", "russia", "ukraine")
    assert claim_similarity(denied, said) >= 0.6
    # Same actors, different proposition.
    other = _claim("Russia launched drones at Ukraine overnight", "russia", "ukraine")
    assert claim_similarity(other, said) == 0
    # Same words, no actor in common.
    assert claim_similarity(_claim("had agreed to security guarantees", "germany"), said) == 0


def test_referring_followup_matches_on_holder_counterparty_and_kind():
    from newsledger.track.match import REFERRING_SCORE, commitment_score
    old = {"kind": "ultimatum", "holder": "donald-trump", "counterparty": "iran",
           "content": "reopen the nuclear sites", "status": "open"}
    ref = {"kind": "ultimatum", "holder": "donald-trump", "counterparty": "iran",
           "content": "the deadline", "status": "extended"}
    assert commitment_score(ref, old, {}) == REFERRING_SCORE
    assert commitment_score(old, ref, {}) == REFERRING_SCORE          # either order of ingest
    assert commitment_score(dict(ref, counterparty="russia"), old, {}) == 0.0
    assert commitment_score(dict(ref, counterparty=None), old, {}) < REFERRING_SCORE
    assert commitment_score(dict(ref, status="open"), old, {}) < REFERRING_SCORE   # a mention, not a follow-up
    assert commitment_score(ref, dict(old, kind="threat"), {}) < REFERRING_SCORE   # "the deadline" is no threat


# The same act on another named thing is another commitment (issue 21: the content as a proposition).
STELLANTIS = {"stellantis": ActorInfo("stellantis", "company"), "boeing": ActorInfo("boeing", "company"),
              "ryanair": ActorInfo("ryanair", "company"), "air-india": ActorInfo("air-india", "company"),
              "airbus": ActorInfo("airbus", "company")}


def _dated(kind, holder, content, date, due=None, counterparty=None):
    return {**c(kind, holder, content, counterparty), "date": date, "due": due}


def test_same_act_on_another_named_plant_is_another_commitment():
    from newsledger.track.refer import restates
    belvidere = _dated("pledge", "stellantis", "restart vehicle production at its idled Belvidere assembly plant",
                       "2026-05-12", "2027-12-31")
    mirafiori = _dated("promise", "stellantis", "restart production of the electric Fiat 500e at its Mirafiori "
                       "plant in Turin", "2026-05-13", "2026-10-31")
    assert commitment_score(mirafiori, belvidere, STELLANTIS) == 0
    assert not restates(mirafiori, belvidere, STELLANTIS, "2026-05-13")
    # the same named product with another designation: another aircraft
    max10 = c("pledge", "boeing", "deliver the first 737 MAX 10 jet to Ryanair", "ryanair")
    max8 = c("pledge", "boeing", "deliver the remaining 29 737 MAX 8-200 jets of Ryanair's order", "ryanair")
    assert commitment_score(max10, max8, STELLANTIS) == 0


def test_restatement_naming_the_same_thing_or_nothing_still_links():
    from newsledger.track.match import names_apart
    from newsledger.track.refer import restates
    belvidere = _dated("pledge", "stellantis", "restart vehicle production at its idled Belvidere assembly plant",
                       "2026-05-12", "2027-12-31")
    again = _dated("pledge", "stellantis", "restart the plant as planned", "2026-09-01")
    assert restates(again, belvidere, STELLANTIS, "2026-09-01")
    assert not names_apart("the plant will reopen as planned", belvidere["content"], frozenset({"stellantis"}))
    # reopening a plant is restarting what it does: the same act told in other words
    reopen = _dated("pledge", "stellantis", "the plant will reopen as planned", "2026-09-01")
    assert restates(reopen, belvidere, STELLANTIS, "2026-09-01")
    # must not: another named plant reopened, or the plant's sale
    assert not restates(_dated("pledge", "stellantis", "the Mirafiori plant will reopen as planned", "2026-09-01"),
                        belvidere, STELLANTIS, "2026-09-01")
    assert not restates(_dated("pledge", "stellantis", "sell the plant as planned", "2026-09-01"),
                        belvidere, STELLANTIS, "2026-09-01")
    # a thing the other names too, fewer or more of its words, a count or a plural: the same things
    assert not names_apart("restart production of the electric Fiat 500e at its Mirafiori plant in Turin",
                           "resume making the electric Fiat 500 at Mirafiori")
    assert not names_apart("deliver all 12 A350 jets to Air India", "hand Air India its dozen A350s",
                           frozenset({"india"}))
    assert not names_apart("take the last 29 of its MAX 8 aircraft", "deliver the remaining 29 737 MAX 8-200 jets")
    # a content's capitalised first word is no name ("Yes deliver ...")
    assert not names_apart("Yes deliver two further IRIS-T systems", "deliver two IRIS-T SLM systems to Ukraine")
