"""What a user types into search, as each database's full-text query.

The query text always travels as a bound parameter; these functions only translate its syntax.
Supported everywhere: words (all must occur), "quoted phrases", OR between terms, -word to exclude.
"""
from __future__ import annotations

import re

_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def fts5_query(q: str) -> str:
    """An FTS5 MATCH expression; "" when `q` holds no word. Every term is quoted, so punctuation
    ("U.S.", "Putin's") can never be read as FTS5 syntax."""
    positive: list[str] = []
    negative: list[str] = []
    for m in _TERM.finditer(q or ""):
        if m.group(3) is not None:
            tok = m.group(3)
            if tok == "OR":
                if positive and positive[-1] != "OR":
                    positive.append("OR")
                continue
            neg, prefix = tok.startswith("-"), tok.endswith("*")
            words = _WORD.findall(tok)
        else:
            neg, prefix = m.group(1) == "-", False
            words = _WORD.findall(m.group(2))
        if not words:
            continue
        term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        (negative if neg else positive).append(term)
    while positive and positive[-1] == "OR":
        positive.pop()
    if not positive:
        return ""  # FTS5 cannot search for "not X" alone
    expr = " ".join(positive)
    if negative:
        expr = f"({expr}) NOT ({' OR '.join(negative)})"
    return expr
