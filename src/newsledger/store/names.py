"""Loose actor names: "Putin", "putin", "Vladimir Putin" and "vladimir-putin" all compare alike."""
from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")


def norm(name: str) -> str:
    """Lower-case ASCII words joined by single spaces ("Zelenskyy's" -> "zelenskyy s")."""
    folded = unicodedata.normalize("NFKD", name or "")
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join(_WORD.findall(folded))


def like_escape(s: str) -> str:
    """`s` made literal inside a LIKE pattern that uses ESCAPE '\\'."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
