"""What a request asks for (JSON or a page) and whether it may write: shared by the routes."""
from __future__ import annotations

import hmac

from fastapi import HTTPException, Request


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json") or request.query_params.get("format") == "json"


def check_token(request: Request) -> None:
    """403 unless the request bears the server's token (compared in constant time)."""
    token = request.app.state.token
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if not token or scheme.lower() != "bearer" or not hmac.compare_digest(
            value.strip().encode(), token.encode()):
        raise HTTPException(status_code=403, detail="ingest needs Authorization: Bearer <token>")
