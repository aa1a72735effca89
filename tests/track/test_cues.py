"""How a follow-up's sentence tells what became of a commitment (track/cues.py, track/acts.py), on our own
sentences: each wording with a near one that must not say the same."""
from __future__ import annotations

import pytest

from newsledger.track import cues
from newsledger.track.acts import acts_of, done_act, purpose_begun, purposes_of, shared_score
from newsledger.track.dues import new_due
from newsledger.track.sentences import split_sentences


@pytest.mark.parametrize("sentence", [
    "Iran has made no agreement with Pakistan to reopen the crossing, its spokesman said.",
    "Hanoi said it had given Cambodia no such deal on the dam.",
    # the other side's telling rejected; none said to exist; the perfect of "agree" denied
    "Lima rejected Quito's account of the border talks on Monday.",
    "\"There is no agreement on any June date,\" the spokesman said.",
    "Ankara said it had signed up to no timetable for the pullout.",
    "Officials said Madrid had not agreed to lower the fee.",
    # the same of the other commitment verbs, in the perfect or the past
    "Oslo has not committed to deliver any set number of shells this year, the ministry said.",
    "The ministry said it did not promise to cut the tariff.",
    # a telling rejected by its content
    "Quito on Friday rejected Peruvian claims that the two had settled the border dispute.",
])
def test_either_side_saying_no_agreement_was_made_denies_it(sentence):
    assert "denied" in cues.status_cues(sentence)


@pytest.mark.parametrize("sentence", [
    "The two sides made an agreement to reopen the crossing on Monday.",
    "The talks reached no agreement on a date.",     # no deal reached is not a denial that one was made
    "There is no agreement yet, both delegations said, and talks resume on Monday.",   # still sought
    "Lima rejected Quito's proposal for joint patrols.",     # an offer turned down, no telling denied
    "Separately, the judge denied a request by two publishers to join the case.",     # a motion turned down
    "The board rejected the union's pay claim on Friday.",     # a demand turned down, no telling denied
    "Oslo has committed to deliver 20,000 shells this year.",     # a commitment told, not denied
])
def test_an_agreement_made_or_not_reached_is_no_denial(sentence):
    assert "denied" not in cues.status_cues(sentence)


@pytest.mark.parametrize("sentence", [
    "The firm did not hand in its reply by Monday's deadline, the court said.",
    "The date set by the court has come and gone, and the firm has filed nothing, the regulator said.",
    "The ministry had not paid the farmers before the deadline.",
    "The ultimatum the regulator gave the bank lapsed with no reply from its board, the regulator said.",
    "The cutoff expired with no new offer on the table.",
    "The union's ultimatum expired on Friday with the fuel levy unchanged, the union said.",
    "Ottawa's deadline ran out with the canola tariffs still in place.",
])
def test_an_act_told_not_done_by_the_deadline_is_missed(sentence):
    assert "missed" in cues.status_cues(sentence)


@pytest.mark.parametrize("sentence", [
    "The firm handed in its reply by Monday's deadline, the court said.",
    "The firm did not say whether it would reply by the deadline.",     # a question open, nothing missed
    "The licence lapsed with the firm's consent and a new one was issued.",   # "with", not "with no"
    "The deadline passed with the levy lifted, as Beijing had promised.",     # the state it demanded
])
def test_an_act_done_by_the_deadline_or_a_deadline_still_ahead_is_not_missed(sentence):
    assert "missed" not in cues.status_cues(sentence)


@pytest.mark.parametrize("sentence", [
    # the time given told over, the act told not done beside it, no status word (issue 21, class e)
    "The 30 days Lima gave the miner are up and not one of the tailings ponds has been drained, the minister said.",
    "The time we gave them has elapsed and the company has still not paid the fine, the regulator said.",
    "The two weeks are gone and no convoy has reached the camp, aid groups said.",
    "The deadline is over, but the rebels have yet to free the hostages.",
    "The grace period ran out without a single permit being issued.",
    # a share short of the whole told as the time ran out, or at the deadline
    "Only nine of the 30 ferries were back in service when the 60-day period ran out, the port authority said.",
    "Only 40 of the 90 electric buses were running by the city's deadline.",
])
def test_the_time_given_told_over_with_the_act_not_done_is_missed(sentence):
    assert "missed" in cues.status_cues(sentence)


@pytest.mark.parametrize("sentence", [
    "Prices are up and not only in the capital, the statistics office said.",     # no span of time or deadline
    "The 30 days are up and the ponds have been drained, the minister said.",      # the act done
    "The time we gave them is not over yet, the regulator said.",                   # not told over
    "The deadline has passed and the company paid the fine in full.",
    # a share with no time run out: still owed, or no deadline at all
    "Only nine of the 30 ferries are back in service, a week before the deadline, the port authority said.",
    "Only two of the ministers attended the meeting.",
])
def test_the_time_given_told_over_with_the_act_done_or_no_time_is_not_missed(sentence):
    assert "missed" not in cues.status_cues(sentence)


def _done(content: str, sentence: str) -> bool:
    return done_act(split_sentences(sentence)[0], acts_of(content))


def test_a_sale_completed_is_the_promised_sale():
    assert _done("sell its US operations by June 19", "The group completed the sale of its US operations on Tuesday.")
    assert not _done("sell its US operations by June 19", "The group said the sale of its US operations was delayed.")


def test_a_sale_contracted_is_the_sale_made_not_another_act_contracted():
    content = "sell its stake in the Chilean copper mine by March 31"
    assert _done(content, "The miner signed an agreement on Friday to sell its stake in the Chilean mine.")
    assert not _done(content, "The miner has not signed a deal to sell its stake.")
    assert not _done("build a smelter in Chile", "The miner signed an agreement to build a smelter in Chile.")


def test_things_handed_over_now_at_the_receiver_are_delivered():
    assert _done("send two more air defence systems within six weeks",
                 "The two systems Berlin promised are now in Ukraine, the president said.")
    assert not _done("send two more air defence systems within six weeks",
                     "The two systems Berlin promised are not yet in Ukraine, the president said.")
    # a place now reached is no handover when nothing was to be handed over
    assert not _done("cut its tariffs on steel by June", "The tariffs are now in force, the ministry said.")


def test_an_offer_raised_is_the_offer_improved():
    assert _done("improve its pay offer by Friday", "The airline raised its pay offer to 6 percent on Thursday.")
    assert not _done("improve its pay offer by Friday", "The airline said it would not raise its pay offer.")


def test_ships_sent_to_patrol_that_began_patrolling_were_sent():
    content = "send eight more frigates to patrol the North Sea within a month"
    begun = split_sentences("Eight more frigates began patrolling the North Sea on Monday, the navy said.")[0]
    assert purposes_of(content) == {"patrol"} and purpose_begun(begun, purposes_of(content))
    for text in ("The frigates will begin patrolling next week.", "The frigates have not begun patrolling.",
                 "Talks on the patrols began on Monday."):
        assert not purpose_begun(split_sentences(text)[0], purposes_of(content)), text
    assert purposes_of("send 30 tonnes of rice to the Philippines") == frozenset()   # a place, no purpose


def test_a_doubled_consonant_and_a_number_word_are_the_same_word():
    assert shared_score(frozenset({"patrol", "#8"}), frozenset({"patroll", "eight"})) == 2
    assert shared_score(frozenset({"ball"}), frozenset({"bal"})) == 0


def _with_event(text: str, trigger: str):
    s = split_sentences(text)[0]
    i = text.index(trigger)
    s.events.append({"trigger": {"text": trigger, "span": [i, i + len(trigger)]}})
    return s


def test_an_act_whose_object_is_denied_is_not_done():
    # "reached no agreement": the event's own words deny it, as "paid no compensation" does
    acts = acts_of("hand over four patrol boats by the end of May")
    assert not done_act(_with_event("Accra has reached no agreement with Lome on boats.", "reached no agreement"), acts)
    assert done_act(_with_event("Accra has reached an agreement with Lome on boats.", "reached an agreement"), acts)


def test_a_past_form_that_is_a_noun_tells_no_act_done():
    acts = acts_of("cut oil output by 1 million barrels a day")
    assert not done_act(split_sentences("The group postponed the output cut it agreed in March.")[0], acts)
    assert done_act(split_sentences("The government cut oil output on Monday.")[0], acts)


def _with_time(text: str, phrase: str, value: str):
    s = split_sentences(text)[0]
    i = text.index(phrase)
    s.times.append({"text": phrase, "span": [i, i + len(phrase)], "type": "DATE", "value": value})
    return [s]


def test_an_extension_to_a_yearless_day_read_as_past_is_the_next_such_day():
    # the times component dated "June 1" by the past verb "agreed": an extension's new bound lies ahead
    sents = _with_time("The group postponed the cut it agreed in March to June 1.", "June 1", "2025-06-01")
    assert new_due(sents, "2026-05-01", "2026-04-05") == "2026-06-01"
    # a year written out stays as written
    sents = _with_time("The group postponed the cut to June 1, 2025.", "June 1, 2025", "2025-06-01")
    assert new_due(sents, "2026-05-01", "2026-04-05") is None


def test_a_promised_decision_is_made_by_approving_or_rejecting():
    # a decision is made by approving or by rejecting: either tells "a decision on the bid" done
    content = "a decision on UniCredit's bid for Commerzbank by the end of July"
    assert _done(content, "The European Commission on Thursday approved UniCredit's takeover of Commerzbank.")
    assert _done(content, "The Commission rejected the bid on Thursday.")
    assert _done(content, "The Commission blocked the takeover on Thursday.")
    # must not: approving is no rejection done, nor rejecting an approval; a decision still ahead is none made
    assert not _done("reject the merger by June", "The regulator approved the merger on Monday.")
    assert not _done("approve the merger by June", "The regulator rejected the merger on Monday.")
    assert not _done(content, "The Commission said it had not decided on the bid.")
    # "rules", a noun, is no decision: the content's rules give it no act of deciding
    assert not _done("explain how its new content rules will protect users", "The court approved the budget.")


@pytest.mark.parametrize("content, sentence, done", [
    # a content that names only an accord by its noun promises the accord concluded: the words before the noun
    # say what it is about ("supply" is no delivery)
    ("supply agreement", "Chile and Peru signed the water supply agreement in Lima on Tuesday.", True),
    ("gas transit deal", "Ankara and Baku sealed the gas transit deal on Friday.", True),
    # must not: the accord's subject told as an act is not its signing; an act named by a verb stays that act
    ("supply agreement", "Chile supplied the first cargo of water to Peru on Tuesday.", False),
    ("deliver the supply trucks", "Chile and Peru signed a supply agreement on Tuesday.", False),
])
def test_a_content_naming_only_an_accord_is_done_by_concluding_it(content, sentence, done):
    assert bool(done_act(split_sentences(sentence)[0], acts_of(content))) is done


# "Only planned" has one reader (cues.foretold), its window a parameter: by default the status word's clause,
# from `since` when a caller reads further back (reports.reported_as: the sentence's start).
@pytest.mark.parametrize("text, since, to_come", [
    ("The company will, its chief said, honour its pledge.", None, False),    # the modal is in another clause
    ("The company will, its chief said, honour its pledge.", 0, True),
    ("The company, its chief said, honoured its pledge.", 0, False),            # must not: nothing to come
])
def test_foretold_reads_from_the_window_it_is_given(text, since, to_come):
    assert cues.foretold(text, text.index("hono"), since=since) is to_come


@pytest.mark.parametrize("sentence", [
    "The 14 days Lima gave the miner are up, the minister said.",
    "The time we granted the company has elapsed.",
    "The 30 days given to the operator ran out on Monday.",
])
def test_the_time_given_points_back_at_an_ultimatum(sentence):
    from newsledger.track.refer import _kind_nouns, _points_back
    assert _points_back(sentence, _kind_nouns("ultimatum"))


@pytest.mark.parametrize("sentence", [
    "The three days of talks gave both sides hope, the mediator said.",    # a span of talks, not of time given
    "The company gave its staff two more days off.",                       # time given now, no span pointed at
])
def test_a_span_not_given_as_time_to_act_points_back_at_nothing(sentence):
    from newsledger.track.refer import _kind_nouns, _points_back
    assert not _points_back(sentence, _kind_nouns("ultimatum"))


@pytest.mark.parametrize("sentence, withdrawn", [
    ("The miner has put the restart of its copper smelter on hold, the company said.", True),
    ("The ministry put the tender for the new terminal on hold on Monday.", True),
    # a day given to go on: more time, not an end
    ("The miner has put the restart of its copper smelter on hold until June, the company said.", False),
    ("Flights were on hold for two hours because of fog.", False),
])
def test_put_on_hold_with_no_day_to_go_on_is_withdrawn(sentence, withdrawn):
    assert ("withdrawn" in cues.status_matches(sentence)) is withdrawn
