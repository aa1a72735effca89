"""The due date of a commitment is read in its own clause (issue 21): a that-clause the parse split at its subject's
infinitive, and a period that places a clause told as done inside the act's; with dates that must not be read (the
day of the announcement, "since 2024", a period of a told clause). Sentences written for these tests."""
from __future__ import annotations

from tests.nlp.test_commitments import commitments


def _one(found, holder):
    hits = [c for c in found if holder in (c["holder"] or "")]
    assert len(hits) == 1, found
    return hits[0]


def test_a_that_clause_split_at_its_subjects_infinitive(nlp):
    c = _one(commitments(nlp, "LIMA — Peru's interior minister, Carlos Malaver, has promised that a commission to "
                              "investigate the deaths of protesters will be set up by the end of May, the country's "
                              "ombudsman said on Monday.", published="2027-03-15"), "malaver")
    assert c["due"] == "2027-05-31"


def test_a_that_clause_parsed_whole_keeps_its_due(nlp):
    c = _one(commitments(nlp, "NAIROBI — Kenyan President William Ruto pledged on Monday that a task force to audit "
                              "the new Social Health Authority would be in place by Sept. 30.",
                         published="2027-07-05"), "ruto")
    assert c["due"] == "2027-09-30"


def test_a_period_of_a_perfect_relative_clause_is_not_the_acts(nlp):
    c = _one(commitments(nlp, "SOFIA — Greece and Bulgaria agreed on Tuesday to keep the Kulata-Promachonas border "
                              "crossing open around the clock for lorries from Aug. 1, to ease queues that have grown "
                              "to 15 kilometres this month.", published="2027-06-22"), "greece")
    assert c["due"] == "2027-08-01"


def test_since_a_year_in_a_relative_clause_is_not_the_acts(nlp):
    c = _one(commitments(nlp, "GHENT, Belgium — Carmaker Volvo Cars promised on Tuesday to rehire by the end of the year all "
                              "600 workers it has laid off at its Ghent plant since 2024.", published="2027-03-09"),
             "volvo")
    assert c["due"] == "2027-12-31"


def test_a_period_to_come_in_the_acts_object_is_still_read(nlp):
    c = _one(commitments(nlp, "WARSAW — Germany will pay for the training of 300 Ukrainian medics in Poland this "
                              "year, Defence Minister Boris Pistorius said on Tuesday.", published="2027-03-09"),
             "germany")
    assert c["due"] == "2027"


def test_a_threats_condition_placed_on_a_day_to_come(nlp):
    c = _one(commitments(nlp, "COPENHAGEN — Netflix said on Monday that it would leave Denmark if the government applies "
                              "its new streaming levy to the company when the levy takes effect on Oct. 1.",
                         published="2027-05-10"), "netflix")
    assert c["kind"] == "threat" and c["due"] == "2027-10-01"


def test_a_threats_condition_placed_on_a_day_past_gives_no_due(nlp):
    c = _one(commitments(nlp, "COPENHAGEN — Netflix said on Monday that it would leave Denmark if the government applies "
                              "its new streaming levy to the company, which took effect on Jan. 1.",
                         published="2027-05-10"), "netflix")
    assert c["kind"] == "threat" and c["due"] is None


def test_a_take_effect_day_hung_inside_the_object(nlp):
    c = _one(commitments(nlp, "SOFIA — Bulgaria will lift its ban on imports of Ukrainian wheat from Oct. 1, "
                              "Agriculture Minister Georgi Tahov said on Tuesday.", published="2027-07-13"), "bulgaria")
    assert c["due"] == "2027-10-01"


def test_a_place_inside_the_object_is_no_take_effect_day(nlp):
    c = _one(commitments(nlp, "SOFIA — Bulgaria will lift its ban on imports of wheat from Ukraine and Moldova, "
                              "Agriculture Minister Georgi Tahov said on Tuesday.", published="2027-07-13"), "bulgaria")
    assert c["due"] is None


def test_a_take_effect_day_inside_a_kept_predicate(nlp):
    c = _one(commitments(nlp, "ATHENS — Greece and Turkey agreed on Tuesday to keep the Kipoi crossing open 24 hours a "
                              "day for empty lorries from Sept. 1, to cut queues that have grown this month.",
                         published="2027-07-13"), "greece")
    assert c["due"] == "2027-09-01"


def test_a_due_phrase_on_a_coordinated_noun_of_the_object(nlp):
    c = _one(commitments(nlp, "ZAGREB — Croatia will give 200 million euros to towns to rebuild schools and clinics "
                              "damaged by the March earthquake by the end of October, Prime Minister Andrej Plenkovic "
                              "said on Tuesday.", published="2027-05-11"), "croatia")
    assert c["due"] == "2027-10-31"


def test_a_dated_doer_is_no_due_date(nlp):
    c = _one(commitments(nlp, "ZAGREB — Croatia will give 200 million euros to towns to rebuild schools and clinics "
                              "damaged by the November earthquake, Prime Minister Andrej Plenkovic said on Tuesday.",
                         published="2027-05-11"), "croatia")
    assert c["due"] is None
