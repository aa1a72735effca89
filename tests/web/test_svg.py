import xml.etree.ElementTree as ET

from newsledger.web.svg import network_svg, strip_svg, tone


def test_network_is_valid_svg_with_escaped_names():
    events = [{"source": "a", "target": "b", "code": "190"}, {"source": "a", "target": "b", "code": "190"},
              {"source": "b", "target": "a", "code": "040"}]
    svg = str(network_svg(events, {"a": "<script>alert(1)</script>", "b": "B & Co"}))
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag.endswith("svg")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count('class="edge') == 2
    assert "tone-material" in svg and "tone-coop" in svg


def test_network_without_pairs_says_so():
    assert "No events" in str(network_svg([{"source": "a", "target": None, "code": "010"}], {}))


def test_tone_by_cameo_root():
    assert (tone("042"), tone("112"), tone("195"), tone(None), tone("xx")) == (
        "coop", "verbal", "material", "other", "other")


def test_strip_places_dated_items_only():
    svg = str(strip_svg([{"date": "2025-09-01", "record": "event", "label": "x<y"},
                         {"date": "2025-09-30", "record": "statement", "label": "z"},
                         {"date": None, "record": "event"}]))
    ET.fromstring(svg)
    assert svg.count("<circle") == 2 and "x&lt;y" in svg
