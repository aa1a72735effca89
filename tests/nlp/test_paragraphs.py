"""newsledger_paragraphs: a blank line ends a sentence before the parser runs; a single line break does not."""
from __future__ import annotations

import pytest

from newsledger.nlp.pipeline import PARAGRAPHS, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(components=("newsledger_statements",))


def test_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index(PARAGRAPHS) < names.index("parser")


def test_headline_is_a_sentence_of_its_own(nlp):
    text = ("Kremlin says no deal on grain corridor\n\nMOSCOW — Russian Foreign Minister Sergei Lavrov said on "
            "Tuesday that Moscow would not extend the grain corridor.")
    doc = nlp(text)
    first = next(iter(doc.sents))
    assert first.text.rstrip() == "Kremlin says no deal on grain corridor"
    said = next(t for t in doc if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "ccomp"] == ["extend"]


def test_blank_line_with_spaces_ends_a_sentence(nlp):
    doc = nlp("The talks ended without a deal \n \n“No,” Erdogan said, “we will not.”")
    assert [s.text.split()[0] for s in doc.sents][:2] == ["The", "“No,”"]


def test_a_single_line_break_does_not(nlp):
    # hard-wrapped plain text: the line break is inside the sentence
    doc = nlp("The minister said that the border\nwould stay closed until March.")
    assert len(list(doc.sents)) == 1


def test_can_be_left_out():
    nlp = load_pipeline(components=(), exclude=(PARAGRAPHS,))
    assert PARAGRAPHS not in nlp.pipe_names
