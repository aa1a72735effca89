"""Met and withdrawn told in other words (helper status22; chains k310-k314): the promised thing named again
by another class noun with the same modifiers ("patrol ships" of "patrol vessels", track/shares.py
class_named), in a phrase whose relative clause has a pronoun subject ("the boats it promised"), a counted
share ("the first two of the four": a part; "the last two of four": the whole, shares.count_part), and the
promised act chosen for another place ("rather than in Belvidere", track/refusal.py _chosen_over). Our own
sentences; the must-not cases keep the pledge open."""
from __future__ import annotations

import pytest

from newsledger.track.acts import acts_of, arrived, done_act, only_part, promised_things
from newsledger.track.refusal import refused
from newsledger.track.sentences import split_sentences

VESSELS = "hand over four coastal patrol vessels to the Ghanaian navy"
SYSTEMS = "deliver two more NASAMS air defence systems to Ukraine"
BOATS = "hand over six coast guard boats to Mauritania"


def _done(text: str, content: str, sides=frozenset()) -> bool:
    s = split_sentences(text)[0]
    promised = promised_things(content, sides)
    return done_act(s, acts_of(content), promised) or arrived(s, promised)


@pytest.mark.parametrize("text,content", [
    ("Norway handed over the last two of four coastal patrol ships to the Ghanaian navy on Wednesday.", VESSELS),
    ("Two Norwegian-built NASAMS air defence units arrived in Ukraine last week, the air force said.", SYSTEMS),
    ("Spain has delivered the last of the six coast guard boats it promised Mauritania, the ministry said.", BOATS),
    ("Spain has delivered the six boats it promised Mauritania, the ministry said.", BOATS),
])
def test_the_promised_thing_named_in_other_words_is_told_done(text, content):
    assert _done(text, content, frozenset({"ukrain", "mauritania", "ghanaian"}))


@pytest.mark.parametrize("text,content", [
    # a part of the count promised
    ("Norway handed over the first two of the four coastal patrol ships to the Ghanaian navy on Wednesday.", VESSELS),
    ("Two of the four coastal patrol ships arrived in Tema on Monday, the Ghanaian navy said.", VESSELS),
    ("Spain has delivered the first three of the six boats it promised Mauritania, the ministry said.", BOATS),
    # another class noun with no modifier of the content, or a head that is no class noun
    ("Two Norwegian transport ships arrived in Ukraine last week, the air force said.", SYSTEMS),
    ("Norway handed over two coastal patrol aircraft to the Ghanaian navy on Wednesday.", VESSELS),
    # still to come
    ("The last two coastal patrol ships will be handed over to the Ghanaian navy next month.", VESSELS),
])
def test_must_not_a_part_another_thing_or_a_plan(text, content):
    assert not _done(text, content, frozenset({"ukrain", "mauritania", "ghanaian"}))


@pytest.mark.parametrize("text,part", [
    ("The first two of the four ships arrived.", True),
    ("Two of the five patrol vessels sailed into Manila Bay.", True),
    ("Japan handed over the last three of five ships.", False),
    ("The remaining two of the four ships arrived.", False),
    ("All four of the ships arrived.", False),
])
def test_a_counted_share_is_a_part_unless_it_completes_the_count(text, part):
    assert only_part(text) is part


PLANT = "build its next electric SUV at its plant in Nosovice, Czech Republic"


@pytest.mark.parametrize("text,withdrawn", [
    ("Hyundai Motor will build its next electric SUV in Montgomery, Alabama, rather than in Nosovice, "
     "the carmaker said.", True),
    ("Hyundai Motor has decided to build the SUV at its US plant instead of at Nosovice.", True),
    # the promised place is the one chosen, or the act is only possible, or already done elsewhere
    ("Hyundai Motor will build its next electric SUV in Nosovice rather than in Montgomery, the carmaker said.",
     False),
    ("Hyundai Motor could build the SUV in Alabama rather than in Nosovice if tariffs rise, analysts said.", False),
    ("Hyundai Motor will sell the SUV in Alabama rather than in Nosovice's home market.", False),
])
def test_the_act_chosen_for_another_place_withdraws_it(text, withdrawn):
    assert bool(refused(split_sentences(text)[0], acts_of(PLANT), PLANT)) is withdrawn


# ---- k315-k319: an act of before the commitment, a denial with the verb denied, bringing back refused, a check
# switched on, an exchange done by its returns

def _sentence_with_times(text: str, values: list[str]):
    s = split_sentences(text)[0]
    s.times = [{"text": v, "value": v} for v in values]
    return s


def test_an_act_dated_before_the_commitment_is_an_earlier_one():
    from newsledger.track.dues import told_before
    made = "2026-02-09"
    assert told_before(_sentence_with_times("Canada sent armoured vehicles to Latvia in 2023.", ["2023"]), made)
    assert told_before(_sentence_with_times("It sent them in January.", ["2026-01"]), made)
    # must not: a date after it, one of each, or none
    assert not told_before(_sentence_with_times("Canada sent the vehicles on Friday.", ["2026-05-29"]), made)
    assert not told_before(_sentence_with_times("The soldiers, held since 2022, crossed back on Saturday.",
                                                ["2022", "2026-05-29"]), made)
    assert not told_before(_sentence_with_times("Canada sent the vehicles.", []), made)


@pytest.mark.parametrize("text,denied", [
    ("The United Arab Emirates has not made any commitment to lend Zambia money, a spokesman said.", True),
    ("Abu Dhabi did not give Zambia any guarantee of a loan, the ministry said.", True),
    # must not: the commitment made, or a question of it
    ("The United Arab Emirates has made a commitment to lend Zambia money, a spokesman said.", False),
    ("Zambia has not received the loan yet, its finance minister said.", False),
])
def test_a_commitment_said_not_made_is_a_denial(text, denied):
    from newsledger.track import cues
    assert ("denied" in cues.status_cues(text)) is denied


RESTART = "restart vehicle production at its idled Oppama plant by April 2027"


@pytest.mark.parametrize("text,withdrawn", [
    ("Nissan said it would not bring its idled Oppama plant back into production.", True),
    ("Nissan will not bring the Oppama, Kanagawa, plant back into use, it said.", True),
    # must not: brought back, or not brought back only for a time
    ("Nissan will bring its idled Oppama plant back into production next year.", False),
    ("Nissan will not bring the Oppama plant back into production until demand recovers.", False),
])
def test_bringing_back_refused_gives_up_a_restart(text, withdrawn):
    assert bool(refused(split_sentences(text)[0], acts_of(RESTART), RESTART)) is withdrawn


@pytest.mark.parametrize("text,met", [
    ("TikTok switched on age checks for its users in the European Union on Monday.", True),
    ("TikTok rolled out age checks for European users on Monday.", True),
    # must not: to come, or another feature of the same app
    ("TikTok will switch on age checks for its users in the European Union next month.", False),
    ("TikTok switched on a new video editor for its users in the European Union on Monday.", False),
])
def test_a_check_switched_on_is_introduced(text, met):
    from newsledger.track.reports import reported_as
    content = "introduce age checks for users in the European Union"
    assert ("met" in reported_as(split_sentences(text)[0], content)) is met


def test_an_exchange_is_done_by_its_returns():
    content = "exchange 18 detained soldiers each by the end of August"
    s = split_sentences("Cambodia's defence ministry said 18 Cambodian soldiers had been returned in the same "
                        "exchange.")[0]
    assert done_act(s, acts_of(content), promised_things(content, frozenset()))
    # must not: the exchange still to come
    s = split_sentences("The 18 soldiers will be returned in the exchange next week.")[0]
    assert not done_act(s, acts_of(content), promised_things(content, frozenset()))
