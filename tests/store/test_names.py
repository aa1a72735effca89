from newsledger.store.names import like_escape, norm


def test_norm_folds_case_accents_and_punctuation():
    assert norm("Vladimir Putin") == norm("vladimir-putin") == norm("  VLADIMIR   putin ") == "vladimir putin"
    assert norm("Volodymyr Zelenskyy's") == "volodymyr zelenskyy s"
    assert norm("Recep Tayyip Erdoğan") == "recep tayyip erdogan"
    assert norm("...") == "" and norm("") == ""


def test_like_escape():
    assert like_escape("50%_a\\b") == "50\\%\\_a\\\\b"
