"""The web application: server-rendered pages, their JSON twins, and ingest behind a token.

    from newsledger.web import create_app, run_server
    app = create_app("ledger.db")                 # an ASGI app (FastAPI)
    run_server("ledger.db", port=8000)            # `newsledger serve`
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.responses import HTMLResponse, Response
from swagger_ui_bundle import swagger_ui_path

from ..store import StoreError, open_store
from . import filters, ingest, routes
from .requests import wants_json

HERE = Path(__file__).resolve().parent

# Pages load only our own script and style: even if some text escaped our escaping, the browser
# would run no inline script, no handler attribute and no javascript: URL.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# The API explorer (Swagger UI, served from the swagger-ui-bundle-v2 package: nothing from a CDN) starts
# itself with an inline script.
API_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
           "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'")


class DropEmptyParams:
    """An empty form field means "no filter": `?status=&overdue=` is read as no parameters, so
    the filter forms can submit every field."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = [p for p in scope["query_string"].split(b"&") if p and not p.endswith(b"=")]
            scope = dict(scope, query_string=b"&".join(pairs))
        await self.app(scope, receive, send)


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    filters.install(env)
    return env


def create_app(store: Union[str, Path, object, None] = None, *, token: Optional[str] = None) -> FastAPI:
    """The ASGI app over a store (a Store, or a path/URL opened here). With `token`, POST /ingest
    accepts records from requests bearing `Authorization: Bearer <token>`; without, it is 404."""
    if store is None or isinstance(store, (str, Path)):
        store = open_store(store, must_exist=True)
    app = FastAPI(title="newsledger", version="1",
                  description="A source-linked ledger of who said and did what in the news. Every page "
                              "has a JSON twin: append `.json` to its path, or add `?format=json`.",
                  docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.token = token or None
    app.state.env = templates()
    app.add_middleware(DropEmptyParams)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount("/api/assets", StaticFiles(directory=swagger_ui_path), name="api-assets")

    @app.get("/api", include_in_schema=False)
    async def api_explorer() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="newsledger API",
            swagger_js_url="/api/assets/swagger-ui-bundle.js", swagger_css_url="/api/assets/swagger-ui.css",
            swagger_favicon_url="/api/assets/favicon-32x32.png")

    @app.middleware("http")
    async def headers(request: Request, call_next):
        resp = await call_next(request)
        resp.headers.setdefault("Content-Security-Policy", API_CSP if request.url.path == "/api" else CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        return resp

    def error(request: Request, status: int, message: str) -> Response:
        if wants_json(request) or request.method != "GET":
            return JSONResponse({"error": message, "status": status}, status_code=status)
        html = app.state.env.get_template("error.html").render(
            status=status, message=message, request=request, title=f"{status}")
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(404)
    async def not_found(request: Request, exc):
        return error(request, 404, getattr(exc, "detail", None) or "Not found")

    @app.exception_handler(RequestValidationError)
    async def bad_query(request: Request, exc: RequestValidationError):
        msgs = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                         for e in exc.errors())
        return error(request, 422, msgs or "invalid request")

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError):
        return error(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_down(request: Request, exc: StoreError):
        return error(request, 503, str(exc))

    app.include_router(routes.router)
    if app.state.token:
        app.include_router(ingest.router)
    return app


def run_server(db_url: Union[str, Path, None], *, host: str = "127.0.0.1", port: int = 8000,
               token: Optional[str] = None, log_level: str = "info") -> None:
    """Serve the ledger over HTTP until interrupted (`newsledger serve`)."""
    import uvicorn
    app = create_app(db_url, token=token)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False,
                    server_header=False)
    finally:
        app.state.store.close()
