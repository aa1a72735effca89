"""A promised act reported in words of its kind (track/reports.py, data/act_reports.tsv), and an act told not
done once its date has passed. Our own sentences."""
from __future__ import annotations

import pytest

from newsledger.track import cues
from newsledger.track.acts import acts_of
from newsledger.track.reports import left_undone, reported_as
from newsledger.track.sentences import split_sentences


def _s(text: str):
    return split_sentences(text)[0]


@pytest.mark.parametrize("content, text, status", [
    ("pass a law raising the minimum wage to 15 euros an hour",
     "Lawmakers voted on Wednesday to raise the minimum wage to 15 euros an hour.", "met"),
    ("adopt a bill banning single-use plastic bags",
     "The Senate approved the bill banning single-use plastic bags by 61 votes to 32.", "met"),
    ("build a lithium refinery in Kwinana",
     "The lithium refinery in Kwinana was switched on on Tuesday, the company said.", "met"),
    ("open a battery factory near Szeged",
     "The battery factory near Szeged began production on Monday.", "met"),
    ("hire 800 nurses for rural clinics",
     "The ministry has hired 800 nurses for rural clinics, it said on Friday.", "met"),
    ("compensate the 300 farmers whose land the pipeline crossed",
     "The company has paid out 12 million dollars to the 300 farmers, the regional governor said.", "met"),
    ("create 2,000 jobs at its new warehouse in Leipzig",
     "The retailer will lay off 600 staff at its Leipzig warehouse, it said.", "withdrawn"),
    ("keep all 1,500 jobs at its Turin plant",
     "The carmaker will cut 400 jobs at its Turin plant next year.", "withdrawn"),
    # a road or a line opens when traffic or passengers first use it
    ("open the new ring road around Kumasi to traffic",
     "Traffic began flowing on the new ring road around Kumasi on Monday, the roads ministry said.", "met"),
    ("open the tram line to the university",
     "The tram line to the university carried its first passengers on Saturday.", "met"),
])
def test_the_act_told_in_words_of_its_kind(content, text, status):
    assert status in reported_as(_s(text), content)


@pytest.mark.parametrize("content, text", [
    # another law passed by the same parliament: only "law" is shared
    ("pass a law raising the minimum wage to 15 euros an hour",
     "Parliament approved a law on Thursday capping rents in large cities."),
    # another plant of the same company switched on
    ("build a lithium refinery in Kwinana", "The company switched on a solar farm in Texas on Tuesday."),
    # only planned, or denied
    ("open a battery factory near Szeged", "The battery factory near Szeged will open in October."),
    ("keep all 1,500 jobs at its Turin plant", "The carmaker said there would be no layoffs at its Turin plant."),
    ("keep all 1,500 jobs at its Turin plant", "The carmaker may cut 400 jobs at its Turin plant, unions fear."),
    ("keep all 1,500 jobs at its Turin plant", "The carmaker won't cut jobs at its Turin plant, its chief said."),
    # the same city, another thing opened
    ("build a switchgear plant in Erlangen", "Siemens opened a new training centre in Erlangen on Thursday."),
    # the same place, another thing hired
    ("hire 3,000 workers for its chip plant in Ohio", "Intel has hired a new chief executive for its Ohio plant."),
    # a verb of the table under a promise of another act
    ("deliver 12 trains to the Lagos metro", "The Lagos metro opened a new station on Monday."),
])
def test_must_not_read_a_status(content, text):
    assert not reported_as(_s(text), content)


def test_an_act_left_undone_after_its_date_is_missed():
    acts = acts_of("deliver 40 buses to the city by March 31")
    late = _s("A month after the promised date, the company has yet to deliver the 40 buses.")
    assert left_undone(late, acts, "2026-03-31", "2026-04-30")
    still = _s("The city still has not received the buses, the mayor said.")
    assert left_undone(still, acts, "2026-03-31", "2026-04-21")


def test_must_not_an_act_still_owed_before_its_date_or_refused():
    acts = acts_of("deliver 40 buses to the city by March 31")
    owed = _s("The company has yet to deliver most of the 40 buses but expects to meet the date.")
    assert not left_undone(owed, acts, "2026-03-31", "2026-03-03")      # before the due: still owed
    refused = _s("The company will not deliver the buses, it said.")
    assert not left_undone(refused, acts, "2026-03-31", "2026-04-30")   # a refusal: withdrawn's words
    done = _s("The company delivered the last of the 40 buses on Monday.")
    assert not left_undone(done, acts, "2026-03-31", "2026-04-30")


@pytest.mark.parametrize("text, met", [
    ("The country installed 120,000 heat pumps, beating the goal it set in March.", True),
    ("Sales exceeded the company's annual target by a tenth.", True),
    ("Sales fell short of the target.", False),
    ("The striker beat the goalkeeper from close range.", False),
])
def test_a_target_gone_beyond_is_met(text, met):
    assert ("met" in cues.status_cues(text)) is met


@pytest.mark.parametrize("content, text", [
    ("pass a law legalising same-sex civil partnerships",
     "President Nawrocki signed the civil partnerships bill into law on Friday."),
    ("start up its new ammonia plant in Rotterdam",
     "The ammonia plant in Rotterdam began commercial operations on Monday, the company said."),
    ("build a copper smelter at Kolwezi", "The Kolwezi copper smelter went into full operation in March."),
    ("keep all 900 jobs at its Turin plant", "The carmaker will close its Turin plant by June, it said."),
    ("hire 1,000 engineers for its Munich campus", "The company is cutting its workforce in Munich by a fifth."),
])
def test_the_act_told_with_words_between(content, text):
    assert reported_as(_s(text), content)


def test_a_thing_still_awaited_after_its_date_is_missed():
    acts = acts_of("deliver 12 trams to Sofia by June 30")
    waiting = _s("Sofia is still waiting for the 12 trams, the mayor said.")
    assert left_undone(waiting, acts, "2026-06-30", "2026-07-20")
    assert not left_undone(waiting, acts, "2026-06-30", "2026-06-10")     # before the date: still owed


def test_must_not_a_denial_of_another_verb_is_the_act_left_undone():
    acts = acts_of("deliver 12 trams to Sofia by June 30")
    other = _s("The company has not confirmed it delivered the 12 trams, the mayor said.")
    assert not left_undone(other, acts, "2026-06-30", "2026-07-20")
    late = _s("The company has not yet fully delivered the 12 trams, the mayor said.")
    assert left_undone(late, acts, "2026-06-30", "2026-07-20")


def test_a_contracted_denial_leaves_the_act_undone():
    acts = acts_of("deliver 12 trams to Sofia by June 30")
    assert left_undone(_s("Sofia still hasn't received the 12 trams."), acts, "2026-06-30", "2026-07-20")


@pytest.mark.parametrize("text, denied", [
    ("Sofia still hasn't received them", True), ("the company won't deliver", True),
    ("the company didn\u2019t pay", True), ("another delivery arrived", False), ("nothing wasn't there", True),
])
def test_negation_reads_contractions(text, denied):
    """A contraction is one word to the tracker's tokenizer: "n't" denies at its word's end."""
    assert bool(cues.NEGATION.search(text)) is denied


@pytest.mark.parametrize("content, text", [
    # a payment told by the bookkeeping that records it (issue 21, class f)
    ("pay a 1,500 euro bonus to its 9,000 dockers",
     "The 1,500 euro bonuses were credited to the dockers' accounts on Thursday, their union said."),
    ("refund the 40,000 passengers of the cancelled flights",
     "The refunds were wired to the 40,000 passengers on Friday, the airline said."),
    # a vaccination drive told by its shots given or its rounds made
    ("vaccinate 3 million children in Kano state against polio",
     "Vaccinators went from house to house in Kano state and gave polio drops to 3 million children."),
    ("immunise 500,000 girls against HPV in the northern regions",
     "Health workers gave HPV shots to 500,000 girls in the northern regions, the ministry said."),
    # an appointment told as someone named to the promised post
    ("appoint a data protection representative in the country",
     "A lawyer in Lagos was named as the firm's data protection representative in a filing on Monday."),
])
def test_an_act_told_as_an_ordinary_event_of_its_kind_is_met(content, text):
    assert "met" in reported_as(_s(text), content)


@pytest.mark.parametrize("content, text", [
    ("pay a 1,500 euro bonus to its 9,000 dockers",
     "The dockers' bonuses will be credited next month, the port said."),          # to come
    ("pay a 1,500 euro bonus to its 9,000 dockers",
     "No bonuses were credited to the dockers' accounts, their union said."),       # denied
    ("vaccinate 3 million children in Kano state against polio",
     "Vaccinators will go from house to house in Kano state from May."),            # to come
    # another post filled by the same company: the promised post is not named again
    ("appoint a data protection representative in the country",
     "The firm named a new chief executive in the country on Monday."),
])
def test_must_not_an_ordinary_event_to_come_denied_or_of_another_post(content, text):
    assert "met" not in reported_as(_s(text), content)
