"""The reference article (../shared/corpus/seed/) through extract: what its README says a reader expects.

These are checks of general rules on one real article; the same rules are tested on articles we wrote
(tests/nlp/…, examples/) so nothing here can be satisfied by matching this article's strings.
"""
from __future__ import annotations

from newsledger.validate import problems


def _actor_ids(record):
    return {a["id"] for a in record["actors"]}


def _statements(record, speaker=None, cue=None):
    return [s for s in record["statements"]
            if (speaker is None or s["speaker"] == speaker) and (cue is None or cue in s["cue"]["text"])]


def test_record_is_valid(seed_record):
    assert problems(seed_record) == []
    assert seed_record["article"]["id"] == "putin-understandings"


def test_actors_listed_in_the_readme(seed_record):
    ids = _actor_ids(seed_record)
    for expected in ("vladimir-putin", "donald-trump", "volodymyr-zelensky", "steve-witkoff", "emmanuel-macron",
                     "xi-jinping", "narendra-modi", "russia", "ukraine", "united-states", "china", "india",
                     "germany", "france", "nato", "shanghai-cooperation-organisation"):
        assert expected in ids, expected


def test_one_record_per_actor_with_pronouns_linked(seed_record):
    text = seed_record["article"]["text"]
    putin = [a for a in seed_record["actors"] if a["id"] == "vladimir-putin"]
    assert len(putin) == 1
    words = {text[s:e] for s, e in putin[0]["mentions"]}
    assert "Putin" in words and ({"he", "He"} & words) and ({"his"} & words)
    # No second record for a surname or a mis-typed entity.
    names = [a["name"] for a in seed_record["actors"]]
    assert not any(n in ("Putin", "Trump", "Zelensky") for n in names)


def test_moscow_acts_for_russia_and_kyiv_is_a_place(seed_record):
    text = seed_record["article"]["text"]
    russia = next(a for a in seed_record["actors"] if a["id"] == "russia")
    assert "Moscow" in {text[s:e] for s, e in russia["mentions"]}
    ukraine = next(a for a in seed_record["actors"] if a["id"] == "ukraine")
    assert "Kyiv" not in {text[s:e] for s, e in ukraine["mentions"]}


def test_putin_claimed_understandings_as_a_mixed_quote(seed_record):
    [s] = _statements(seed_record, "vladimir-putin", "claimed")
    assert s["kind"] == "claim" and s["quote"] == "mixed" and not s["negated"]
    assert "understandings" in s["content"]["text"]


def test_witkoff_said_putin_agreed_to_guarantees(seed_record):
    [s] = _statements(seed_record, "steve-witkoff", "said")
    assert "security guarantees" in s["content"]["text"]
    assert s["speaker_mention"]["text"].endswith("Steve Witkoff")


def test_moscow_has_not_confirmed(seed_record):
    [s] = _statements(seed_record, "russia", "confirmed")
    assert s["kind"] == "confirmation" and s["negated"] is True
    assert s["speaker_mention"]["text"] == "Moscow"


def test_last_month_is_august_2025(seed_record):
    values = {t["text"]: t["value"] for t in seed_record["times"]}
    assert values.get("last month") == "2025-08"


def test_aerial_attack_russia_on_ukraine_23_killed(seed_record):
    attacks = [e for e in seed_record["events"] if e["code"].startswith(("18", "19", "20"))
               and e["source"] == "russia" and e["target"] == "ukraine"]
    assert attacks, seed_record["events"]
    assert any(e["fatalities"] == 23 for e in attacks)
