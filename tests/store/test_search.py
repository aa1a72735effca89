from newsledger.store.search import fts5_query


def test_words_are_quoted_terms():
    assert fts5_query("Putin Trump") == '"Putin" "Trump"'
    # Punctuation is never FTS5 syntax: a word with it inside becomes a phrase of its parts.
    assert fts5_query("U.S. talks") == '"U S" "talks"'
    assert fts5_query("Putin's") == '"Putin s"'


def test_phrases_or_prefix_and_exclusion():
    assert fts5_query('"peace talks" OR ceasefire') == '"peace talks" OR "ceasefire"'
    assert fts5_query("sanction*") == '"sanction"*'
    assert fts5_query("talks -Alaska") == '("talks") NOT ("Alaska")'


def test_nothing_searchable():
    for q in ("", "   ", "-only", "OR", "'; --", '""', None):
        assert fts5_query(q) == "", q
    assert fts5_query("talks OR") == '"talks"'
