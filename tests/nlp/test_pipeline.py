"""Our extractors are ordinary spaCy components: registered by name, in order, and swappable."""
from __future__ import annotations

import subprocess
import sys

from spacy.language import Language

from newsledger.extraction import extract
from newsledger.nlp.pipeline import COMPONENTS, load_pipeline


def test_components_follow_the_model_in_order(nlp):
    names = nlp.pipe_names
    assert names[-len(COMPONENTS):] == list(COMPONENTS)
    assert "parser" in names and "ner" in names


def test_factories_are_found_through_entry_points_without_importing_newsledger():
    code = ("import spacy; nlp = spacy.blank('en'); nlp.add_pipe('newsledger_times'); "
            "print(nlp.pipe_names)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "newsledger_times" in out.stdout


@Language.component("test_no_events")
def _no_events(doc):
    doc._.events = [] 
    doc._.uncoded = []
    return doc


def test_a_user_can_replace_one_extractor():
    nlp = load_pipeline()
    nlp.replace_pipe("newsledger_events", "test_no_events")
    text = "Rebels attacked an army base near Goma on Sunday, killing nine soldiers."
    assert extract(text, published="2025-05-05", nlp=nlp).events == []
    assert "newsledger_statements" in nlp.pipe_names
