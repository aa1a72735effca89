"""The shortcuts that spare a replay (track/linker.py, track/claims.py) must give the status the replay gives."""
import itertools

from newsledger.track.claims import keeps_claim_status
from newsledger.track.status import Evidence, replay_claim, replay_commitment

CLAIM_RELATIONS = ("supports", "confirms", "not-confirmed", "disputes", "denies")
COMMITMENT_STANCES = ("mention", "confirm", "unconfirmed", "denied", "extended", "met", "missed", "withdrawn")


def _claim(seq):
    return replay_claim([Evidence(r, f"2025-01-{i + 1:02d}", f"a{i}", None, f"s{i}") for i, r in enumerate(seq)])


def _commitment(seq):
    return replay_commitment([Evidence(s, f"2025-01-{i + 1:02d}", f"a{i}", None, f"c{i}") for i, s in enumerate(seq)],
                             None)


def test_a_claim_kept_by_the_shortcut_is_kept_by_the_replay_wherever_the_evidence_falls():
    for n in range(1, 4):
        for seq in itertools.product(CLAIM_RELATIONS, repeat=n):
            status = _claim(seq).status
            for rel in CLAIM_RELATIONS:
                if not keeps_claim_status(status, rel):
                    continue
                for at in range(n + 1):
                    assert _claim(seq[:at] + (rel,) + seq[at:]).status == status, (seq, rel, at)


def test_a_mention_never_moves_a_commitment_wherever_it_falls():
    for n in range(1, 4):
        for seq in itertools.product(COMMITMENT_STANCES, repeat=n):
            status = _commitment(seq).status
            for at in range(n + 1):
                assert _commitment(seq[:at] + ("mention",) + seq[at:]).status == status, (seq, at)
