"""Articles we generate for crash and concurrency tests: varied, deterministic, newsy enough to fill
every table (statements, events, times, commitments)."""
from __future__ import annotations

import json
import random
from pathlib import Path

LEADERS = [("Foreign Minister Anna Berg", "Sweden"), ("President Luis Ortega", "Chile"),
           ("Prime Minister Kenji Sato", "Japan"), ("Defence Minister Amara Diallo", "Senegal"),
           ("Chancellor Petra Vogel", "Austria"), ("President Tomas Novak", "Czechia")]
CITIES = ["Oslo", "Geneva", "Nairobi", "Lima", "Hanoi", "Doha", "Vienna", "Accra"]
SENTENCES = [
    "{leader} said on {day} that {country} would send aid to the flood victims in {city}.",
    "{leader} denied that {country} had agreed to a ceasefire, calling the report \u201cfalse\u201d.",
    "Police in {city} arrested {n} protesters on {day}, officials said.",
    "{leader} pledged to cut emissions by {n} percent by 2030.",
    "A bomb attack near {city} killed {n} people last week, according to the army.",
    "{leader} warned that {country} would impose sanctions if the talks failed within two weeks.",
    "\u201cWe will not accept this,\u201d {leader} told reporters in {city}.",
    "{leader} met the visiting envoy in {city} on {day} to discuss trade.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_articles(n: int, seed: int = 1, prefix: str = "gen") -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        leader, country = rng.choice(LEADERS)
        paras = []
        for _ in range(rng.randint(2, 5)):
            paras.append(" ".join(
                rng.choice(SENTENCES).format(leader=leader, country=country, city=rng.choice(CITIES),
                                             day=rng.choice(DAYS), n=rng.randint(2, 40))
                for _ in range(rng.randint(2, 4))))
        out.append({"id": f"{prefix}-{i:04d}", "title": f"Generated story {i}",
                    "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "text": "\n\n".join(paras)})
    return out


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path
