from newsledger.feeds.dates import date_in_metadata, date_in_text, month_number, resolve_published

META = ('<html><head><meta property="article:published_time" content="2025-09-02T09:00:00Z"></head>'
        '<body><p>Published on 1 March 2024.</p></body></html>')


def test_order_is_feed_then_metadata_then_text():
    text = "RIVERTON, September 3, 2025 - The minister said ..."
    assert resolve_published("2025-09-01", META, text) == ("2025-09-01", "feed")
    assert resolve_published(None, META, text) == ("2025-09-02", "metadata")
    assert resolve_published(None, "<html><body><p>x</p></body></html>", text) == ("2025-09-03", "text")
    assert resolve_published(None, None, "No date anywhere in this text.") == (None, "none")


def test_metadata_ignores_running_text():
    html = "<html><body><article><p>The treaty was signed on 1 March 2024 in Geneva.</p></article></body></html>"
    assert date_in_metadata(html) is None


def test_dates_in_text():
    assert date_in_text("LONDON, Sept. 4, 2025 (Wire) - Talks ...") == "2025-09-04"
    assert date_in_text("Updated 4th September 2025, 10:00") == "2025-09-04"
    assert date_in_text("Posted 2025-09-04 by the desk") == "2025-09-04"
    # The earliest-placed date wins: the dateline, not a date the story mentions.
    assert date_in_text("PARIS, 2 September 2025 - The pact of 12 March 2019 ...") == "2025-09-02"


def test_not_dates_in_text():
    assert date_in_text("Mayor 5, 2025 votes were counted") is None      # "Mayor" is not a month
    assert date_in_text("February 30, 2025 never happened") is None     # invalid day
    assert date_in_text("Revenue rose 2025-13-01 units") is None
    assert date_in_text("x" * 2000 + " September 3, 2025") is None       # too deep to be a dateline


def test_month_words():
    assert month_number("Sept.") == 9 and month_number("Jan") == 1 and month_number("March") == 3
    assert month_number("Ma") is None and month_number("Mayor") is None and month_number("Junk") is None
