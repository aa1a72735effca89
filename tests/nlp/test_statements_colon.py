"""A speaker before a colon, on lines we wrote: a transcript's speaker in capitals opening a paragraph
("FALLIN: Well, I think ..."), whatever the tagger calls the capitals; a name opening its paragraph before
a colon and a quotation, with the verb put first ("Continued Morales: “...”") or a "Here's" and a time
after it ("Here's Morales in March 2015: “...”"); and the labels, lists and times that are no speaker."""
from __future__ import annotations

import pytest

from .test_statements import base, parse  # noqa: F401  (fixtures)

TRANSCRIPT = ("The governor spoke to the network on Sunday.\n\n"
              "KATE BOULDUAN: Why not debate him?\n\n"
              "FALLIN: Well, I think the whole state needs to work together.")


def test_a_transcript_speaker_in_capitals_opens_the_line(parse):
    found = [(s.cue.text, s.speaker_mention.text, s.content.text) for s in parse(TRANSCRIPT)
             if s.reported_by is None]
    assert (":", "KATE BOULDUAN", "Why not debate him?") in found
    assert (":", "FALLIN", "Well, I think the whole state needs to work together.") in found


@pytest.mark.parametrize("text, cue, speaker, content", [
    ("The rally was loud.\n\nContinued Morales: \"We will not back down, and we will win this fight.\"",
     "Continued", "Morales", "\"We will not back down, and we will win this fight.\""),
    ("The mayor spoke.\n\nHere's Morales in March 2015: \"The city cannot afford another year of this.\"",
     ":", "Morales", "\"The city cannot afford another year of this.\""),
])
def test_a_name_opening_its_paragraph_before_a_colon_and_a_quotation(parse, text, cue, speaker, content):
    found = [(s.cue.text, s.speaker_mention.text, s.content.text) for s in parse(text)]
    assert found == [(cue, speaker, content)]


@pytest.mark.parametrize("text", [
    "Schedule for the day.\n\nNOTE: This story has been updated to correct a date.",
    "Schedule for the day.\n\nUPDATE: The vote was moved to Friday.",
    "Schedule for the day.\n\nPHOTO: The mayor speaks at the rally on Sunday.",
    "The recipe is simple.\n\nINGREDIENTS: flour, sugar, two eggs",
    "The recipe is simple.\n\nIngredients: flour, sugar, two eggs",
    "The meeting starts at\n10:30 and ends at noon.",
    "The figures are in.\n\nSTAT OF THE WEEK: $43 million, the sum spent on the new offices.",
])
def test_a_label_a_list_or_a_time_before_a_colon_is_no_speaker(parse, text):
    assert [(s.cue.text, s.content.text) for s in parse(text)] == []
