"""Environment switches that several stages read (one parser, so "on", "1" and "yes" mean the same
everywhere).

    NEWSLEDGER_NUMPY_OPS          nlp/backend.py: 0 keeps blis, 1 forces numpy, unset probes
    NEWSLEDGER_REFINE_BOUNDARIES  nlp/statements/: 0 turns off the learned content-boundary refiner
    NEWSLEDGER_REFINE_STARTS      nlp/statements/: 1 lets the refiner move the start of a clause's words too
    NEWSLEDGER_NESTED_STATEMENTS  nlp/statements/: 0 leaves out statements reported inside another's words
"""
from __future__ import annotations

import os
from typing import Optional

_ON = frozenset({"1", "true", "yes", "on"})
_OFF = frozenset({"0", "false", "no", "off"})


def env_flag(name: str) -> Optional[bool]:
    """True or False when the variable says so; None when it is unset, empty or anything else
    ("auto")."""
    value = os.environ.get(name, "").strip().lower()
    if value in _ON:
        return True
    if value in _OFF:
        return False
    return None
