"""What a follow-up's words say became of a commitment (track/cues.py) and the new due an extension's
amount gives (track/dues.py): sentences we wrote, no parser."""
from __future__ import annotations

import pytest

from newsledger.track.cues import status_cues
from newsledger.track.dues import new_due
from newsledger.track.sentences import split_sentences


@pytest.mark.parametrize("sentence", [
    "Apple has not met the end-July deadline to open the iPhone to rival watches, the Commission said.",
    "The two governments have not met their target for marking the border.",
])
def test_a_deadline_not_met_in_the_perfect_is_missed(sentence):
    assert "missed" in status_cues(sentence)


@pytest.mark.parametrize("sentence", [
    "Apple has not yet met the Commission's demands, officials said.",     # still owed
    "The two ministers have met twice since March.",
    "Putin and Zelensky have not met since the talks in Istanbul.",
])
def test_not_yet_met_or_a_meeting_is_not_missed(sentence):
    assert "missed" not in status_cues(sentence)


def _sentence(text, times=()):
    s = split_sentences(text)[0]
    for phrase, value in times:
        i = text.index(phrase)
        s.times.append({"text": phrase, "type": "DURATION", "value": value, "span": [i, i + len(phrase)]})
    return s


def test_extended_by_an_amount_adds_it_to_the_old_due():
    s = _sentence("President Donald Trump on Thursday extended the deadline for ByteDance to sell TikTok by 90 days.",
                  [("90 days", "P90D")])
    assert new_due([s], "2026-06-19", "2026-06-18") == "2026-09-17"        # June 19 + 90, not June 18 + 90
    # long after the old due too: the amount is the difference added to the due it extends
    assert new_due([s], "2026-05-01", "2026-06-18") == "2026-07-30"


def test_more_time_given_counts_from_a_recent_old_due_and_from_the_report_once_it_is_long_past():
    s = _sentence("Canada will give China two more weeks to remove its canola levies.", [("two more weeks", "P2W")])
    assert new_due([s], "2026-04-16", "2026-04-17") == "2026-04-30"
    assert new_due([s], "2026-03-01", "2026-04-17") == "2026-05-01"


def test_more_time_told_in_words_the_times_did_not_take():
    # "another month" (no time expression): a calendar month on the old due
    s = _sentence("Trump on Monday gave Tokyo another month to close a trade deal.")
    assert new_due([s], "2026-08-01", "2026-08-03") == "2026-09-01"
    s = _sentence("Tokyo will need one more week to get the stockpiled rice to wholesalers.")
    assert new_due([s], "2026-06-15", "2026-06-15") == "2026-06-22"
    s = _sentence("Tokyo said more rice would reach wholesalers next week.")            # no amount of time
    assert new_due([s], "2026-06-15", "2026-06-15") is None


# Through the store: Carney's canola ultimatum (tests/track/test_followups.py) and follow-ups we wrote.
from .test_followups import ULTIMATUM, _articles, _ingest, _tracked, record  # noqa: E402

HELD_OFF = record(
    "canola-held", "2026-04-17",
    "Canada gave China another month to remove its canola levies, Carney said on Friday. The duties on "
    "Chinese steel will not be imposed while talks continue, a government official said.")
GIVEN_UP = record(
    "canola-dropped", "2026-04-17",
    "Canada will not impose the duties on Chinese steel after all, Carney said, dropping his canola "
    "ultimatum to China.")


@pytest.mark.parametrize("order", [1, -1])
def test_a_negated_act_held_off_for_a_time_is_more_time_not_a_withdrawal(make_store, order):
    store = make_store()
    _ingest(store, [ULTIMATUM, HELD_OFF][::order])
    c = _tracked(store, "canola-1")
    assert _articles(c) == ["canola-1", "canola-held"]
    assert (c["status"], c["due"]) == ("extended", "2026-05-16")      # "another month" on April 16


def test_a_negated_act_with_no_time_bound_is_still_withdrawn(make_store):
    store = make_store()
    _ingest(store, [ULTIMATUM, GIVEN_UP])
    c = _tracked(store, "canola-1")
    assert _articles(c) == ["canola-1", "canola-dropped"] and c["status"] == "withdrawn"


def _event(text, trigger, code, source, target):
    i = text.index(trigger)
    return {"code": code, "source": source, "target": target, "negated": False, "hypothetical": False,
            "trigger": {"text": trigger, "span": [i, i + len(trigger)]}}


PROMISE_FREE = record(
    "free-1", "2026-03-12",
    "Japan promised on Thursday to release the detained Philippine fishermen within 30 days, its foreign "
    "ministry said.",
    commitments=[{"kind": "promise", "holder": "japan", "counterparty": "philippines",
                  "content": "release the detained Philippine fishermen", "due": "2026-04-11"}])
_FREED = ("The fishermen held for a year landed in Manila on Thursday after Tokyo freed them, the "
          "Philippine coast guard said.")
FREED = record("free-2", "2026-04-09", _FREED, events=[_event(_FREED, "freed", "0841", "japan", "philippines")])
_HOSTED = ("The fishermen held for a year landed in Manila on Thursday after Tokyo hosted talks, the "
           "Philippine coast guard said.")
HOSTED = record("free-3", "2026-04-09", _HOSTED, events=[_event(_HOSTED, "hosted", "036", "japan", "philippines")])


@pytest.mark.parametrize("order", [1, -1])
def test_the_act_told_as_an_event_of_the_side_that_owes_it_is_met(make_store, order):
    store = make_store()
    _ingest(store, [PROMISE_FREE, FREED][::order])
    c = _tracked(store, "free-1")
    assert _articles(c) == ["free-1", "free-2"] and c["status"] == "met"


def test_an_event_of_that_side_doing_something_else_does_not_link(make_store):
    store = make_store()
    _ingest(store, [PROMISE_FREE, HOSTED])
    assert _articles(_tracked(store, "free-1")) == ["free-1"]


def _dated(text, times):
    s = split_sentences(text)[0]
    for phrase, typ, value in times:
        i = text.index(phrase)
        s.times.append({"text": phrase, "type": typ, "value": value, "span": [i, i + len(phrase)]})
    return s


def test_an_extension_naming_an_amount_and_a_month_is_due_at_the_month():
    # the named date is the new due; the amount only says how much later it is
    s = _dated("The Commission pushed back the payment to Egypt by a month, to the end of March, a spokesperson said.",
               [("a month", "DURATION", "P1M"), ("the end of March", "DATE", "2026-03")])
    assert new_due([s], "2026-02-15", "2026-02-13") == "2026-03"          # not February 15 + a month
    s = _dated("Tokyo delayed the handover by two weeks, until the end of July.",
               [("two weeks", "DURATION", "P2W"), ("the end of July", "DATE", "2026-07")])
    assert new_due([s], "2026-07-10", "2026-07-08") == "2026-07"


def test_an_extension_naming_an_amount_and_a_day_is_due_on_the_day():
    s = _dated("Japan delayed the delivery two weeks until March 3, Tokyo said.",
               [("two weeks", "DURATION", "P2W"), ("March 3", "DATE", "2026-03-03")])
    assert new_due([s], "2026-02-15", "2026-02-13") == "2026-03-03"


def test_a_month_named_only_as_the_time_of_the_report_is_no_new_bound():
    # "in March": when it was said, not a bound; the amount gives the new due
    s = _dated("In March the Commission pushed back the payment by a month.",
               [("March", "DATE", "2026-03"), ("a month", "DURATION", "P1M")])
    assert new_due([s], "2026-03-15", "2026-03-02") == "2026-04-15"


from .test_sides import DEADLINE  # noqa: E402  (the Commerce Department's deadline to Nvidia)

_SOLD = ("Nvidia sold its stake in the Ohio chip plant on Friday, a day before the Commerce Department's "
         "deadline, in a sale the Intel board said it had not agreed to.")
# the status words ("had not agreed to") are an event of a side on neither (Intel): they tell nothing of the
# deadline, but the act told done in the same sentence ("sold its stake") still does
SOLD = record("chips-sale-2", "2026-06-29", _SOLD,
              events=[_event(_SOLD, "sold", "061", "nvidia", None), _event(_SOLD, "agreed", "057", "intel", None)])


def test_an_act_done_beside_status_words_told_of_another_side_is_met(make_store):
    store = make_store()
    _ingest(store, [DEADLINE, SOLD])
    c = _tracked(store, "chips-1")
    assert _articles(c) == ["chips-1", "chips-sale-2"] and c["status"] == "met"
