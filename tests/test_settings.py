"""settings.env_flag: one reading of on/off switches for every stage."""
import pytest

from newsledger.settings import env_flag


@pytest.mark.parametrize("value, expected", [
    ("1", True), ("true", True), (" Yes ", True), ("ON", True),
    ("0", False), ("false", False), ("no", False), ("Off", False),
    ("", None), ("auto", None), ("2", None),
])
def test_env_flag_reads_on_off_and_auto(monkeypatch, value, expected):
    monkeypatch.setenv("NEWSLEDGER_TEST_FLAG", value)
    assert env_flag("NEWSLEDGER_TEST_FLAG") is expected


def test_env_flag_unset_is_none(monkeypatch):
    monkeypatch.delenv("NEWSLEDGER_TEST_FLAG", raising=False)
    assert env_flag("NEWSLEDGER_TEST_FLAG") is None


def test_refiner_switch_goes_through_env_flag(monkeypatch):
    import spacy
    from newsledger.nlp.pipeline import DEFAULT_MODEL
    from newsledger.nlp.statements.component import StatementsComponent
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner", "parser", "tagger"])
    monkeypatch.setenv("NEWSLEDGER_REFINE_BOUNDARIES", "on")
    assert StatementsComponent(nlp, "s").boundary is not None
    monkeypatch.setenv("NEWSLEDGER_REFINE_BOUNDARIES", "off")
    assert StatementsComponent(nlp, "s").boundary is None
