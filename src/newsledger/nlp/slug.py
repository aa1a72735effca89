"""Actor ids: a slug of the canonical name, lower-case ASCII words joined by '-'."""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub("-", ascii_name.lower().replace("'", "").replace("\u2019", "")).strip("-") or "unnamed"
