from pathlib import Path

from newsledger.feeds.dedup import fingerprint, find_duplicate, is_near_duplicate, text_sha
from newsledger.feeds.state import FeedState, make_engine
from newsledger.ingest.html import read_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


def text(name: str) -> str:
    return read_html((FIXTURES / name).read_text(encoding="utf-8"), name).text


def test_wire_story_in_two_outlets_is_a_near_duplicate():
    a, b = fingerprint(text("wire-grain-a.html")), fingerprint(text("wire-grain-b.html"))
    assert a.sha != b.sha
    assert is_near_duplicate(a, b.signature, b.size)
    assert set(a.buckets()) & set(b.buckets())      # found through the index, not a scan


def test_different_stories_on_one_subject_are_not():
    a, strike = fingerprint(text("wire-grain-a.html")), fingerprint(text("port-strike.html"))
    assert not is_near_duplicate(a, strike.signature, strike.size)
    budget, bridge = fingerprint(text("budget-vote.html")), fingerprint(text("bridge-deadline.html"))
    assert not is_near_duplicate(budget, bridge.signature, bridge.size)


def test_short_texts_only_match_exactly():
    a, b = fingerprint("Talks resumed on Tuesday."), fingerprint("Talks resumed on Wednesday.")
    assert not is_near_duplicate(a, b.signature, b.size)
    assert text_sha("Talks  resumed, on Tuesday.") == text_sha("talks resumed on tuesday")


def test_signatures_are_stable():
    t = text("museum.html")
    assert fingerprint(t).signature == fingerprint(t).signature


def test_find_duplicate_through_state(tmp_path):
    state = FeedState(make_engine(str(tmp_path / "s.db")))
    a = fingerprint(text("wire-grain-a.html"))
    state.add_fingerprint("art-a", "http://127.0.0.1/a", a.sha, a.signature, a.size, a.buckets())
    assert find_duplicate(fingerprint(text("wire-grain-b.html")), state) == ("art-a", "near")
    assert find_duplicate(fingerprint(text("wire-grain-a.html") + "\n"), state) == ("art-a", "exact")
    assert find_duplicate(fingerprint(text("port-strike.html")), state) is None


def test_trimmed_copy_is_a_duplicate_but_a_fuller_version_is_kept():
    full = " ".join(text(n) for n in ("wire-grain-a.html", "port-strike.html", "budget-vote.html"))
    trimmed = text("wire-grain-a.html")
    f_full, f_trim = fingerprint(full), fingerprint(trimmed)
    assert is_near_duplicate(f_trim, f_full.signature, f_full.size)       # trimmed after full: linked
    assert not is_near_duplicate(f_full, f_trim.signature, f_trim.size)   # full after trimmed: stored
