"""The time of a saying that the parse hangs on the clause it reports ("said on Tuesday it would cut fees",
grammar.syntax.saying_time): the words begin after it, and it dates the statement. With "that" the time is
inside what was said and stays there. On sentences we wrote."""
from __future__ import annotations

import pytest

from newsledger import extract

from .test_statements import base, one, parse, spans_ok  # noqa: F401  (base and parse are fixtures)


@pytest.mark.parametrize("text, content", [
    ("The canal authority said on Tuesday it would cut transit fees by 15% from April 1.",
     "it would cut transit fees by 15% from April 1"),
    ("The company said Monday it would close the plant by June.", "it would close the plant by June"),
    ("The union said on Friday, its members would strike next week.", "its members would strike next week"),
    # "that" puts the time inside what was said
    ("The company said on Monday that it would close the plant by June.", "that it would close the plant by June"),
    ("The company said that on Monday it would close the plant.", "that on Monday it would close the plant"),
])
def test_the_saying_time_is_not_the_words(parse, text, content):
    s = one(parse(text), "said")
    assert s.content.text == content
    spans_ok(text, [s])


def test_the_saying_time_dates_the_statement(nlp):
    record = extract("The canal authority said on Monday it would cut transit fees by 15% from April 1.",
                     published="2027-03-03", nlp=nlp)
    (st,) = record.statements
    assert st.content.text.startswith("it would") and st.time == "2027-03-01"


def test_the_saying_time_is_not_the_commitments_act(nlp):
    record = extract("HELSINKI — Nokia said on Tuesday it would cut 2,000 jobs in Finland by the end of the year.",
                     published="2027-03-03", nlp=nlp)
    (c,) = record.commitments
    assert c.holder == "nokia" and c.content == "cut 2,000 jobs in Finland" and c.due == "2027-12-31"
