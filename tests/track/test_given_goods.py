"""A verb of giving tells the promised act done only of the promised thing (track/acts.py `_other_given`):
"delivered two flight simulators" does not keep a promise of jets, however many words of the content the
sentence shares ("737 MAX"); its object (or a passive's subject) names the thing given. An object that
names no thing ("supplied Ukraine with them") may be the promised one. Our own sentences."""
from __future__ import annotations

import pytest

from newsledger.track.acts import acts_of, done_act, promised_things
from newsledger.track.sentences import split_sentences

JETS = "deliver the remaining 29 737 MAX 8-200 jets of Ryanair's order"
MISSILES = "supply Ukraine with 5,000 Martlet air defence missiles"
RICE = "release 300,000 tonnes of stockpiled rice to wholesalers"


def _done(content: str, sides: set[str], text: str) -> bool:
    return done_act(split_sentences(text)[0], acts_of(content), promised_things(content, frozenset(sides)))


@pytest.mark.parametrize("content,sides,text", [
    (JETS, {"ryanair", "boe"}, "Boeing has delivered two 737 MAX full-flight simulators to Ryanair's training centre."),
    (JETS, {"ryanair", "boe"}, "Boeing delivered 40 spare engines to Ryanair on Monday."),
    (MISSILES, {"ukrain"}, "Britain has supplied 50 armoured ambulances to Ukraine, the ministry said."),
    (MISSILES, {"ukrain"}, "The ambulances were handed over to Ukraine on Monday, the ministry said."),
    (MISSILES, {"ukrain"}, "Ukraine has received 50 ambulances from Britain, the health ministry said."),
])
def test_other_goods_given_do_not_tell_the_promised_act(content, sides, text):
    assert not _done(content, sides, text)


@pytest.mark.parametrize("content,sides,text", [
    (JETS, {"ryanair", "boe"}, "Boeing delivered the last of the 29 jets to Ryanair on Monday."),
    (MISSILES, {"ukrain"}, "Ukrainian forces have received all 5,000 Martlet missiles that Britain promised."),
    (MISSILES, {"ukrain"}, "Britain has supplied Ukraine with the missiles, Healey said."),
    (MISSILES, {"ukrain"}, "Britain handed them over on Monday, Healey said."),
    # a thousands separator is no clause boundary: "300,000 tonnes of rice" is the subject
    (RICE, set(), "All 300,000 tonnes of rice from government stockpiles had been handed to wholesalers by Monday."),
])
def test_the_promised_thing_given_tells_the_act(content, sides, text):
    assert _done(content, sides, text)


def test_an_event_of_a_commitment_noun_is_no_act_done():
    # "extending a deadline" is coded 139 (give ultimatum) with "deadline" as trigger: of a thread whose
    # content names only the deadline, it gives the commitment, it does not tell its act done
    s = split_sentences("Trump gave Iran two more weeks on Sunday, extending a deadline that ran out that day.")[0]
    lo = s.text.index("deadline")
    s.events.append({"code": "139", "source": "donald-trump", "negated": False, "hypothetical": False,
                     "trigger": {"text": "deadline", "span": [s.span[0] + lo, s.span[0] + lo + 8]}})
    assert not done_act(s, acts_of("deadline for Iran"), promised_things("deadline for Iran", frozenset()))


def test_the_subject_of_a_reported_clause_comes_after_that():
    from newsledger.track.acts import arrived
    content = "pay $300 million in owed fees"
    s = split_sentences("The maritime authority said on Thursday that $300 million from the port operator had been "
                        "credited to the national treasury.")[0]
    assert arrived(s, promised_things(content, frozenset()))
    other = split_sentences("The maritime authority said on Thursday that two cranes from the port operator had "
                            "been delivered to the national treasury.")[0]
    assert not arrived(other, promised_things(content, frozenset()))


PAYMENT = "pay Ghana 150 million euros in budget support"


@pytest.mark.parametrize("text, done", [
    # the result of a payment told: the money with the side paid
    ("\"The money is now in our accounts,\" Ghana's finance minister said on Thursday.", True),
    ("The 150 million euros are now in the central bank's accounts, the ministry said.", True),
    # must not: a side now somewhere is no money paid; other money now in the accounts is not this payment
    ("Ghana is now in talks with the bank over the money, the ministry said.", False),
    ("The 20 million euros from the World Bank are now in the accounts, the ministry said.", False),
])
def test_money_now_with_the_side_paid_is_the_payment_done(text, done):
    assert _done(PAYMENT, {"ghana"}, text) is done
