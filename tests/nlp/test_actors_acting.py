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
    # the NER closed the name before "of" and the country: the country is part of the name, one id however cut
    ("BANGKOK — The State Railway of Thailand said on Tuesday the new line would carry its first passengers in May.",
     "state-railway-of-thailand"),
    ("NAIROBI — The National Cereals and Produce Board of Kenya said on Monday it would buy maize from farmers.",
     "national-cereals-and-produce-board-of-kenya"),
])
def test_a_name_that_commits_or_is_given_time_is_a_body(nlp_actors, text, actor_id):
    index = run(nlp_actors, text)
    assert actor_id in index.actors and index.actors[actor_id].type in ("organization", "government")


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


def _parsed(words, heads, deps, pos, tags):
    """A Doc with the parse given (the small model's misparse, kept fixed for the test)."""
    import spacy
    from spacy.tokens import Doc
    lemmas = ["say" if w == "said" else w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_a_name_the_parse_hung_on_the_dateline_is_the_subject():
    from newsledger.nlp.actors.acting import acting_names
    # "COLOMBO, April 22 (Reuters) - Adani Ports said ...": the city made the subject, the name its apposition
    words = ["COLOMBO", ",", "April", "22", "(", "Reuters", ")", "-", "Adani", "Ports", "said", "on", "Thursday"]
    heads = [10, 0, 0, 2, 5, 2, 5, 0, 9, 0, 10, 10, 11]
    deps = ["nsubj", "punct", "npadvmod", "nummod", "punct", "parataxis", "punct", "punct", "compound", "appos",
            "ROOT", "prep", "pobj"]
    pos = ["PROPN", "PUNCT", "PROPN", "NUM", "PUNCT", "PROPN", "PUNCT", "PUNCT", "PROPN", "PROPN", "VERB", "ADP",
           "PROPN"]
    tags = ["NNP", ",", "NNP", "CD", "-LRB-", "NNP", "-RRB-", ":", "NNP", "NNPS", "VBD", "IN", "NNP"]
    doc = _parsed(words, heads, deps, pos, tags)
    found = acting_names(doc, 8, set(), lambda w: False, lambda i: False)
    assert [doc[s:e].text for s, e in found] == ["Adani Ports"]
    # one capitalised word there may be the sentence's first common noun: not read so
    doc = _parsed(["WARSAW", "-", "Farmers", "said", "on", "Thursday"], [3, 0, 0, 3, 3, 4],
                  ["nsubj", "punct", "appos", "ROOT", "prep", "pobj"], ["PROPN", "PUNCT", "PROPN", "VERB", "ADP", "PROPN"],
                  ["NNP", ":", "NNPS", "VBD", "IN", "NNP"])
    assert acting_names(doc, 2, set(), lambda w: False, lambda i: False) == []
