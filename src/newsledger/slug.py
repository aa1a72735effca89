"""Actor ids: a slug of the canonical name, lower-case ASCII words joined by '-'."""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Latin letters NFKD does not decompose, so "Paweł" is "pawel", not "pawe".
_LATIN = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th",
                        "Þ": "Th", "ħ": "h", "Ħ": "H"})


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name.translate(_LATIN)).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub("-", ascii_name.lower().replace("'", "").replace("\u2019", "")).strip("-") or "unnamed"
