import pytest

from newsledger.feeds import parse_duration


@pytest.mark.parametrize("text, seconds", [
    ("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("2d", 172800), ("45", 45),
    (" 10 min ", 600), ("1.5h", 5400), ("2 hours", 7200),
])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "15x", "fifteen minutes", "-5m", "0s", "1h-30m", "15m!"])
def test_not_durations(text):
    with pytest.raises(ValueError):
        parse_duration(text)
