"""Routes: each page is registered twice, as `/path` (HTML) and `/path.json` (its data);
`?format=json` on the page is the same as the `.json` path."""
from __future__ import annotations

from typing import Annotated, Any, Callable, Literal, Optional

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response

from . import queries
from .requests import wants_json
from .highlight import KINDS, marks_of, segments
from .svg import TONES, network_svg, strip_svg

router = APIRouter()

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Format = Annotated[Optional[Literal["html", "json"]],
                   Query(description="`json`: the page's data, as its `.json` twin gives it.")]
Day = Annotated[Optional[str], Query(max_length=10, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$",
                                     description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Text = Annotated[Optional[str], Query(max_length=200)]


def twin(path: str, name: str, summary: str) -> Callable:
    """Register a view as the page `path` and its JSON twin `path.json` (registered first, so
    `/articles/A.B.json` is the JSON of article A.B, and `/articles/A.B` its page)."""
    json_path = "/index.json" if path == "/" else path + ".json"

    def deco(fn: Callable) -> Callable:
        router.add_api_route(json_path, fn, methods=["GET"], name=f"{name}_json",
                             summary=f"{summary} (JSON)", response_class=JSONResponse)
        router.add_api_route(path, fn, methods=["GET"], name=name, summary=summary,
                             response_class=HTMLResponse)
        return fn
    return deco


def respond(request: Request, template: str, data: dict, as_json: Optional[bool] = None,
            **page: Any) -> Response:
    """The page's data as JSON, or the page rendered with it."""
    if wants_json(request) if as_json is None else as_json:
        return JSONResponse(jsonable_encoder(data))
    env = request.app.state.env
    html = env.get_template(template).render(request=request, **data, **page)
    return HTMLResponse(html)


def pager(request: Request, total: int, limit: int, offset: int) -> dict:
    from .filters import with_query
    nxt = offset + limit if offset + limit < total else None
    prev = max(0, offset - limit) if offset > 0 else None
    return {"total": total, "limit": limit, "offset": offset,
            "next": None if nxt is None else with_query(request, offset=nxt),
            "prev": None if prev is None else with_query(request, offset=prev or None)}


def store_of(request: Request):
    return request.app.state.store


# ---- the front page: articles, facets, the network ---------------------------------------------

ArticleSort = Literal["-date", "date", "title", "-title", "id", "-id", "ingested", "-ingested"]


@twin("/", "home", "Articles, facets and the network of who acts on whom")
def home(request: Request, sort: ArticleSort = "-date", since: Day = None, until: Day = None,
         limit: Limit = 50, offset: Offset = 0, format: Format = None) -> Response:
    store = store_of(request)
    since, until = since or None, until or None  # an empty form field is no filter
    arts = store.articles(since=since, until=until, limit=limit, offset=offset, sort=sort)
    total = store.count("articles", since=since, until=until)
    data = {"stats": store.stats(), "facets": queries.facets(store), "articles": arts,
            "page": pager(request, total, limit, offset)}
    if wants_json(request):
        return respond(request, "", data)
    names = queries.names(store)
    return respond(request, "home.html", data, title="Ledger", sort=sort, since=since, until=until,
                   network=network_svg(queries.all_events(store), names), tones=TONES)


# ---- one article ---------------------------------------------------------------------------------

@twin("/articles/{id:path}", "article", "One article with its records highlighted in its text")
def article(request: Request, id: str, format: Format = None) -> Response:
    store = store_of(request)
    record, as_json = store.article(id), wants_json(request)
    if record is None and request.url.path.endswith(".json"):
        # An id that itself ends in ".json": /articles/x.json is its page, x.json.json its JSON.
        record, as_json = store.article(id + ".json"), request.query_params.get("format") == "json"
    if record is None:
        raise HTTPException(404, f"no article {id!r} in this ledger")
    if as_json:
        return respond(request, "", record, as_json=True)
    aid = record["article"]["id"]
    names = queries.names(store)
    tracked = {c["id"]: c for c in queries.track.list_commitments(store)}
    return respond(request, "article.html", {"record": record}, as_json=False, title=record["article"].get("title") or aid,
                   aid=aid, names=names, kinds=KINDS, tracked=tracked,
                   segments=segments(record["article"]["text"], marks_of(record)))


# ---- actors ----------------------------------------------------------------------------------------

ActorSort = Literal["name", "-name", "articles", "-articles", "mentions", "-mentions", "id", "-id"]
ActorType = Literal["person", "country", "government", "organization", "alliance", "group", "other"]


@twin("/actors", "actors", "Actors, filtered by name and type")
def actors(request: Request, name: Text = None, type: Optional[ActorType] = None,
           sort: ActorSort = "-mentions", limit: Limit = 100, offset: Offset = 0,
           format: Format = None) -> Response:
    store = store_of(request)
    rows = store.actors(name or None, type=type, limit=limit, offset=offset, sort=sort)
    total = store.count("actors", name=name or None, type=type)
    return respond(request, "actors.html", {"actors": rows, "page": pager(request, total, limit, offset)},
                   title="Actors", name=name, type=type, sort=sort,
                   types=list(ActorType.__args__), sorts=list(ActorSort.__args__))


@twin("/actors/{id:path}", "actor", "One actor: what it said and did, what was said about it, its commitments")
def actor(request: Request, id: str, format: Format = None) -> Response:
    store = store_of(request)
    data = queries.actor_page(store, id)
    if data is None:
        raise HTTPException(404, f"no actor {id!r} in this ledger")
    if wants_json(request):
        return respond(request, "", data)
    names = queries.names(store)
    strip = strip_svg([{"date": x["date"], "record": x["record"], "label": _label(x, names)}
                       for x in data["timeline"]])
    titles = queries.titles(store, queries.linked_articles(data["timeline"], data["said_about"]))
    return respond(request, "actor.html", data, title=data["actor"]["name"], names=names, strip=strip,
                   titles=titles,
                   network=network_svg(queries.all_events(store, id), names, focus=id, max_nodes=12,
                                       width=520, height=360), tones=TONES)


def _label(x: dict, names: dict) -> str:
    if x["record"] == "statement":
        return f"{x.get('kind')}: {(x.get('content') or {}).get('text') or ''}"[:120]
    if x["record"] == "event":
        return f"{x.get('label')} → {names.get(x.get('target'), x.get('target') or '—')}"
    return f"{x.get('kind')}: {x.get('content')}"[:120]


# ---- commitments and claims ------------------------------------------------------------------------

Status = Literal["open", "met", "missed", "extended", "withdrawn", "unconfirmed", "denied"]
BoardSort = Literal["overdue", "due", "-due", "status"]


@twin("/commitments", "commitments", "The commitments board: due dates, statuses, overdue first, histories")
def commitments(request: Request, status: Optional[Status] = None, holder: Text = None,
                overdue: Optional[bool] = None, due_before: Day = None, as_of: Day = None,
                sort: BoardSort = "overdue", limit: Limit = 100, offset: Offset = 0,
                format: Format = None) -> Response:
    store = store_of(request)
    rows = queries.commitments_board(store, status=status, holder=holder, overdue=overdue,
                                     due_before=due_before or None, as_of=as_of or None, sort=sort)
    data = {"commitments": rows[offset:offset + limit], "page": pager(request, len(rows), limit, offset)}
    return respond(request, "commitments.html", data, title="Commitments", names=queries.names(store),
                   titles=queries.titles(store, queries.linked_articles(data["commitments"])),
                   status=status, holder=holder, overdue=overdue, due_before=due_before, sort=sort,
                   statuses=list(Status.__args__), sorts=list(BoardSort.__args__))


ClaimStatus = Literal["claimed", "confirmed", "unconfirmed", "disputed", "denied"]


@twin("/claims", "claims", "Claims with who supports, confirms, disputes and denies them")
def claims(request: Request, contested: Optional[bool] = None, status: Text = None,
           speaker: Text = None, limit: Limit = 100, offset: Offset = 0,
           format: Format = None) -> Response:
    store = store_of(request)
    rows = queries.claims_board(store, contested=contested, status=status, speaker=speaker)
    statuses = sorted({c.get("status") for c in rows if c.get("status")} | set(ClaimStatus.__args__))
    data = {"claims": rows[offset:offset + limit], "page": pager(request, len(rows), limit, offset)}
    return respond(request, "claims.html", data, title="Claims", names=queries.names(store),
                   titles=queries.titles(store, queries.linked_articles(data["claims"])),
                   contested=contested, status=status, speaker=speaker, statuses=statuses)


# ---- timeline and search ---------------------------------------------------------------------------

@twin("/timeline", "timeline", "Dated statements, events and commitments, filtered by actor, kind and date")
def timeline(request: Request, actor: Text = None,
             kind: Annotated[Optional[str], Query(max_length=40, description=(
                 "statement, event or commitment, or a kind within one: denial, pledge …"))] = None,
             code: Annotated[Optional[str], Query(max_length=4, pattern=r"^\d{0,4}$",
                                                  description="CAMEO code prefix: 19 finds 190-196.")] = None,
             since: Day = None, until: Day = None, order: Literal["date", "-date"] = "-date",
             limit: Limit = 100, offset: Offset = 0, format: Format = None) -> Response:
    store = store_of(request)
    items = queries.timeline(store, actor=actor or None, kind=kind or None, code=code or None,
                             since=since or None, until=until or None, newest_first=order == "-date")
    names = queries.names(store)
    data = {"items": items[offset:offset + limit], "facets": queries.item_facets(items, names),
            "page": pager(request, len(items), limit, offset)}
    return respond(request, "timeline.html", data, title="Timeline", names=names, actor=actor,
                   titles=queries.titles(store, queries.linked_articles(data["items"])),
                   kind=kind, code=code, since=since, until=until, order=order,
                   kinds=["statement", "event", "commitment"], cameo=queries.cameo_roots())


@twin("/search", "search", "Full-text search over articles and statements")
def search(request: Request, q: Annotated[Optional[str], Query(max_length=200)] = None,
           limit: Limit = 20, offset: Offset = 0, format: Format = None) -> Response:
    store = store_of(request)
    hits = store.search(q, limit=limit + 1, offset=offset) if q and q.strip() else []
    more = len(hits) > limit
    hits = hits[:limit]
    page = pager(request, offset + len(hits) + (1 if more else 0), limit, offset)
    return respond(request, "search.html", {"q": q, "hits": hits, "page": page}, title="Search",
                   titles=queries.titles(store, queries.linked_articles(hits)),
                   names=queries.names(store))


@router.get("/network.svg", name="network", summary="Who acts on whom, as SVG",
            response_class=Response, responses={200: {"content": {"image/svg+xml": {}}}})
def network(request: Request, actor: Text = None) -> Response:
    store = store_of(request)
    svg = network_svg(queries.all_events(store, actor or None), queries.names(store), focus=actor)
    if not str(svg).startswith("<svg"):
        svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 40"><text x="8" y="24">'
               'No events between two known actors.</text></svg>')
    return Response(str(svg), media_type="image/svg+xml")
