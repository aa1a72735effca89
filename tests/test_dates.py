from newsledger.dates import end_date, start_date


def test_calendar_values():
    assert start_date("2025-09-01") == end_date("2025-09-01") == "2025-09-01"
    assert start_date("2025-09-01T10:30:00Z") == "2025-09-01"
    assert (start_date("2025-02"), end_date("2025-02")) == ("2025-02-01", "2025-02-28")
    assert (start_date("2024-02"), end_date("2024-02")) == ("2024-02-01", "2024-02-29")
    assert (start_date("2025-W36"), end_date("2025-W36")) == ("2025-09-01", "2025-09-07")
    assert (start_date("2025-Q4"), end_date("2025-Q4")) == ("2025-10-01", "2025-12-31")
    assert (start_date("2025-H1"), end_date("2025-H1")) == ("2025-01-01", "2025-06-30")
    assert (start_date("2025"), end_date("2025")) == ("2025-01-01", "2025-12-31")


def test_values_that_are_no_calendar_period():
    for v in ("PAST_REF", "P3W", "XXXX-08", "2025-SU", "", None, "2025-02-30", "2025-W60", "next week"):
        assert start_date(v) is None and end_date(v) is None, v
