"""Which language an article is in, so non-English text is skipped with a message, not mis-parsed."""
from __future__ import annotations

import functools
import re
from typing import Optional

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# Below this many letters a guess is noise: short English snippets are read as they are.
MIN_LETTERS = 40


@functools.lru_cache(maxsize=1)
def identifier():
    """The language-ID model (py3langid), loaded once per process (~0.5 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str, sample: int = 1000) -> Optional[str]:
    """ISO 639-1 code of the text's language, or None when too short (or too unsure) to say."""
    head = text[:sample]
    if len(_LETTERS.findall(head)) < MIN_LETTERS:
        return None
    lang, prob = identifier().classify(head)
    if lang != "en" and prob < 0.9:
        return None
    return lang
