"""The folded status (track/fold.py) is the replay of all evidence (track/status.py)."""
import itertools
import random

from newsledger.track import fold
from newsledger.track.status import (CLAIM_RELATIONS, COMMITMENT_STANCES, Evidence, replay_claim,
                                     replay_commitment)

STATES = {"commitment": (None, "open", *COMMITMENT_STANCES), "claim": (None, "claimed", "confirmed", "unconfirmed",
                                                                         "disputed", "denied")}
DATES = ["2025-01-01", "2025-01-02", "2025-01-03", None]


def _one(kind, status, stance):
    """The status after one piece of evidence, starting from `status` (None: no evidence yet)."""
    first = [] if status is None else [_first(kind, status)]
    ev = first + [Evidence(stance, "2025-02-01", "z", None, "z")]
    return (replay_claim(ev) if kind == "claim" else replay_commitment(ev, None)).status


def _first(kind, status):
    """Evidence that puts a record in `status` on its own."""
    stance = {"open": "mention", "claimed": "supports", "confirmed": "confirms", "unconfirmed":
              "not-confirmed" if kind == "claim" else "unconfirmed", "disputed": "disputes", "denied":
              "denied" if kind == "commitment" else "denies"}.get(status, status)
    return Evidence(stance, "2025-01-01", "a", None, "a")


def test_every_transition_is_idempotent():
    for kind, stances in (("commitment", COMMITMENT_STANCES), ("claim", CLAIM_RELATIONS)):
        for status in STATES[kind]:
            if status is not None and (replay_claim if kind == "claim" else
                                       lambda e: replay_commitment(e, None))([_first(kind, status)]).status != status:
                continue
            for stance in stances:
                once = _one(kind, status, stance)
                assert _one(kind, once, stance) == once, (kind, status, stance)


def _links(kind, rng, n):
    stances = COMMITMENT_STANCES if kind == "commitment" else CLAIM_RELATIONS
    out = []
    for i in range(n):
        span = rng.choice([None, (rng.randrange(50), 60)])
        out.append({"record_id": f"a{rng.randrange(6)}:c{i}", "stance": rng.choice(stances), "date": rng.choice(DATES),
                    "article": f"a{rng.randrange(6)}", "span_start": span[0] if span else None,
                    "span_end": span[1] if span else None,
                    "due": rng.choice([None, "2025-03-01", "2025-04"]), "note": rng.choice(["kremlin", "nato", None])})
    return out


def _evidence(kind, l):
    return Evidence(l["stance"], l["date"], l["article"],
                    (l["span_start"], l["span_end"]) if l["span_start"] is not None else None, l["record_id"],
                    due=l["due"] if kind == "commitment" else None, speaker=l["note"] if kind == "claim" else None)


def test_the_replay_of_the_steps_is_the_replay_of_every_report():
    rng = random.Random(7)
    for kind, n in itertools.product(("commitment", "claim"), range(1, 9)):
        for _ in range(150):
            links = _links(kind, rng, n)
            steps: dict = {}
            for l in links:
                fold._add(kind, steps, l)
            due = rng.choice([None, "2025-02-15"])
            got = fold.replay(kind, list(steps.values()), due)
            evidence = [_evidence(kind, l) for l in links]
            want = replay_claim(evidence) if kind == "claim" else replay_commitment(evidence, due)
            assert (got.status, got.due, got.history[-1]) == (want.status, want.due, want.history[-1]), links
