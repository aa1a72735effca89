"""Template helpers: links to pages, query-string edits, and small formats."""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment
from starlette.requests import Request

from .svg import actor_href, tone

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")


def article_href(article_id: str, fragment: str = "") -> str:
    return "/articles/" + quote(str(article_id), safe="") + (f"#{fragment}" if fragment else "")


def json_href(request: Request) -> str:
    """This page's JSON twin: the path with `.json` appended (`/` -> `/index.json`)."""
    path = request.url.path
    path = "/index" if path == "/" else path
    q = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
    return quote(path, safe="/:@.-_~") + ".json" + (f"?{urlencode(q)}" if q else "")


def with_query(request: Request, **changes) -> str:
    """This page's URL with some query parameters changed (None removes one); offset resets
    unless changed, since a new filter starts at the first page."""
    params = dict(request.query_params)
    if "offset" not in changes:
        params.pop("offset", None)
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    path = quote(request.url.path, safe="/:@.-_~")
    return path + (f"?{urlencode(params)}" if params else "")


def safe_url(url: Optional[str]) -> Optional[str]:
    """An article's source URL, only when it is plain http(s): never javascript: or data:."""
    if not url:
        return None
    try:
        scheme = urlsplit(str(url).strip()).scheme.lower()
    except ValueError:
        return None
    return str(url).strip() if scheme in ("http", "https") else None


def snippet_parts(snippet: Optional[str]) -> list[tuple[str, bool]]:
    """A search snippet ("… new [sanctions] on …") as (text, is_match) pieces, escaped later by
    the template like every other text."""
    out, last = [], 0
    s = snippet or ""
    for m in _BRACKETS.finditer(s):
        out.append((s[last:m.start()], False))
        out.append((m.group(1), True))
        last = m.end()
    out.append((s[last:], False))
    return [p for p in out if p[0]]


def plural(n: int, word: str, many: Optional[str] = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def install(env: Environment) -> None:
    env.globals.update(actor_href=actor_href, article_href=article_href, json_href=json_href,
                       with_query=with_query, safe_url=safe_url, snippet_parts=snippet_parts,
                       plural=plural, tone=tone)
    env.filters["urlq"] = lambda v: quote(str(v), safe="")
