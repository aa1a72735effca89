"""Durations for `--every`: "15m", "1h", "30s", "1h30m", "2d", or a bare number of seconds."""
from __future__ import annotations

import re

_UNIT_SECONDS = {"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
                 "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
                 "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
                 "d": 86400, "day": 86400, "days": 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)")
_WHOLE = re.compile(r"(?:\d+(?:\.\d+)?\s*[a-z]+\s*)+")


def parse_duration(text: str) -> float:
    """Seconds in a duration string; ValueError with the accepted forms when it is not one.

    >>> parse_duration("15m"), parse_duration("1h30m"), parse_duration("45")
    (900.0, 5400.0, 45.0)
    """
    s = str(text).strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        seconds = float(s)
    elif _WHOLE.fullmatch(s):
        seconds = 0.0
        for number, unit in _PART.findall(s):
            if unit not in _UNIT_SECONDS:
                raise ValueError(f"unknown unit {unit!r} in duration {text!r}; use s, m, h or d")
            seconds += float(number) * _UNIT_SECONDS[unit]
    else:
        raise ValueError(f"not a duration: {text!r}; write e.g. 30s, 15m, 1h, 1h30m or 2d")
    if seconds <= 0:
        raise ValueError(f"duration must be positive: {text!r}")
    return seconds
