"""One-word names no tagger or list knows, read as organisations by the part they play (nlp/actors/acting.py):
the subject of a commitment or of "will", the one given time or ordered. Sentences written for these tests,
with names the small model misses or takes for places, and words in the same places that are no names."""
from __future__ import annotations

import pytest

from .test_actors import nlp_actors, run  # noqa: F401  (the fixture: the model plus our actors component)


@pytest.mark.parametrize("text, actor_id", [
    ("ROME — Fincantieri pledged 200 million euros to modernise its Monfalcone shipyard by 2029.", "fincantieri"),
    ("LIMA — Peru's energy ministry gave Petroperu until Friday to present a restructuring plan.", "petroperu"),
    ("NEW DELHI — India's environment ministry on Tuesday gave Vedanta 30 days to shut its copper smelter.",
     "vedanta"),
    # words set before the name as its compounds, none of them known
    ("GOTHENBURG — Volvo Cars will open a new assembly plant in Ghent by the end of 2028, the company said.",
     "volvo-cars"),
    # the one who says it (a statement cue, data/cues.tsv)
    ("NAIROBI — Safaricom said on Tuesday it would refund customers overcharged for data.", "safaricom"),
    # a place word set before the name's head: a company named after its home town
    ("MANILA — Davao Light will cut its power rates by 5 percent from July 1, the utility said on Monday.",
     "davao-light"),
    ("KAMPALA — Entebbe Handling will hire 300 staff before the new terminal opens, the firm said.",
     "entebbe-handling"),
])
def test_a_name_that_commits_or_is_given_time_is_a_body(nlp_actors, text, actor_id):
    index = run(nlp_actors, text)
    assert actor_id in index.actors and index.actors[actor_id].type == "organization"


@pytest.mark.parametrize("text, word", [
    # a longer name, read whole by the other readings
    ("CAPE TOWN — The University of Cape Town pledged on Monday to pay the fees of 2,000 students.", "university"),
    # a common noun capitalised where its sentence starts
    ("Compensation for the farmers will be paid out in full by June, the minister said.", "compensation"),
    # a place the story only names, in no acting part
    ("The delegation visited Monfalcone on Tuesday.", "monfalcone"),
])
def test_words_that_are_no_acting_name(nlp_actors, text, word):
    index = run(nlp_actors, text)
    assert word not in index.actors, sorted(index.actors)
