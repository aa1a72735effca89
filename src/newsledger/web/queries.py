"""What each page shows, read from the store and the tracker (no HTTP here, no SQL strings:
the store binds parameters, and the facet counts below are SQLAlchemy expressions)."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Optional

from sqlalchemy import func, select

from .. import track
from ..lexicons.events import cameo_labels
from ..store import schema as t

BIG = 5000  # rows read at most for a page that gathers records from several queries


@lru_cache(maxsize=1)
def cameo_roots() -> dict[str, str]:
    """Two-digit CAMEO root -> its codebook label (the lexicons' CAMEO table: no spaCy)."""
    return {code: label for code, label in cameo_labels().items() if len(code) == 2 and code.isdigit()}


def names(store) -> dict[str, str]:
    """actor id -> display name, for every actor (stubs included)."""
    with store.engine.connect() as conn:
        return dict(conn.execute(select(t.actors.c.id, t.actors.c.name)).all())


def titles(store, article_ids) -> dict[str, str]:
    """article id -> title, for the articles a page links to."""
    ids = sorted({i for i in article_ids if i})
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for n in range(0, len(ids), 500):
            a = t.articles.c
            out.update((i, tt) for i, tt in conn.execute(
                select(a.id, a.title).where(a.id.in_(ids[n:n + 500]))) if tt)
    return out


def linked_articles(*groups) -> set[str]:
    """Every article a list of records (and their histories) refers to."""
    out: set[str] = set()
    for rows in groups:
        for r in rows:
            out.add(r.get("article"))
            out.update(h.get("article") for h in r.get("history") or [])
    return out


def facets(store) -> dict[str, list[dict]]:
    """Counts across the store: statements by kind, top speakers, events by CAMEO root,
    articles by month."""
    s, e, a = t.statements.c, t.events.c, t.articles.c
    n = func.count().label("n")
    root = func.substr(e.code, 1, 2).label("root")
    month = func.substr(a.date, 1, 7).label("month")
    with store.engine.connect() as conn:
        kinds = conn.execute(select(s.kind, n).group_by(s.kind).order_by(n.desc(), s.kind)).all()
        speakers = conn.execute(select(s.speaker, t.actors.c.name, n)
                                .join(t.actors, t.actors.c.id == s.speaker)
                                .group_by(s.speaker, t.actors.c.name)
                                .order_by(n.desc(), s.speaker).limit(12)).all()
        roots = conn.execute(select(root, n).where(e.code.isnot(None))
                             .group_by(root).order_by(root)).all()
        months = conn.execute(select(month, n).where(a.date.isnot(None))
                              .group_by(month).order_by(month.desc())).all()
    labels = cameo_roots()
    return {
        "kind": [{"value": k, "count": c} for k, c in kinds if k],
        "actor": [{"value": i, "label": nm, "count": c} for i, nm, c in speakers],
        "cameo_root": [{"value": r, "label": labels.get(r, r), "count": c} for r, c in roots if r],
        "month": [{"value": m, "count": c} for m, c in months if m],
    }


def all_events(store, actor: Optional[str] = None) -> list[dict]:
    return store.events(actor=actor, limit=BIG) if actor is None else [
        ev for ev in store.events(actor=actor, limit=BIG) if actor in (ev["source"], ev["target"])]


def actor_page(store, actor_id: str) -> Optional[dict]:
    """Everything about one actor (by exact id): what it said, what was said about it, events as
    source and target, commitments it holds and is owed, and its dated timeline."""
    found = [a for a in store.actors(actor_id, limit=50) if a["id"] == actor_id]
    if not found:
        return None
    tl = [x for x in store.timeline(actor_id, limit=BIG) if _involves(x, actor_id)]
    about = [s for s in store.statements(about=actor_id, limit=BIG) if actor_id in (s.get("about") or [])]
    tracked = {c["id"]: c for c in track.list_commitments(store)}
    def commitment(c: dict) -> dict:
        return tracked.get(c["id"], c)
    return {
        "actor": found[0],
        "said": [x for x in tl if x["record"] == "statement"],
        "said_about": [s for s in about if s.get("speaker") != actor_id],
        "events_as_source": [x for x in tl if x["record"] == "event" and x.get("source") == actor_id],
        "events_as_target": [x for x in tl if x["record"] == "event" and x.get("target") == actor_id],
        "commitments_held": [commitment(x) for x in tl if x["record"] == "commitment" and x.get("holder") == actor_id],
        "commitments_owed": [commitment(x) for x in tl
                             if x["record"] == "commitment" and x.get("counterparty") == actor_id],
        "timeline": tl,
    }


def _involves(x: dict, actor_id: str) -> bool:
    if x["record"] == "statement":
        return x.get("speaker") == actor_id
    if x["record"] == "event":
        return actor_id in (x.get("source"), x.get("target"))
    return actor_id in (x.get("holder"), x.get("counterparty"))


RECORDS = ("statement", "event", "commitment")


def timeline(store, *, actor: Optional[str], kind: Optional[str], code: Optional[str],
             since: Optional[str], until: Optional[str], newest_first: bool) -> list[dict]:
    """Dated records, filtered. `kind` is a record kind (statement, event, commitment) or a kind
    within one (denial, pledge ...); `code` a CAMEO prefix (events only); `actor` an exact id or a
    loose name."""
    sort = "-date" if newest_first else "date"
    if actor:
        ids = set(store.resolve_actor(actor))
        items = store.timeline(actor, since=since, until=until, limit=BIG, sort=sort) if ids else []
    else:
        items = _everything(store, since, until)
        items.sort(key=lambda x: (x["date"] is None, x["date"] or "", x["article"], x["id"]),
                   reverse=False)
        if newest_first:
            dated = [x for x in items if x["date"]]
            items = dated[::-1] + [x for x in items if not x["date"]]
    if kind:
        items = [x for x in items if x["record"] == kind or x.get("kind") == kind]
    if code:
        items = [x for x in items if x["record"] == "event" and str(x.get("code") or "").startswith(code)]
    return items


def _everything(store, since: Optional[str], until: Optional[str]) -> list[dict]:
    """Statements, events and commitments of the whole store with their date: when it was said,
    happened or was made, else the article's publication date (as the store's own timeline)."""
    published = {a["id"]: a.get("published") for a in store.articles(limit=BIG)}
    out = []
    for rec, rows in (("statement", store.statements(since=since, until=until, limit=BIG)),
                      ("event", store.events(since=since, until=until, limit=BIG)),
                      ("commitment", store.commitments(limit=BIG))):
        for r in rows:
            day = _date_of(r.get("time")) or _date_of(published.get(r["article"]))
            out.append({"record": rec, "date": day, **r})
    if since or until:
        from ..dates import end_date, start_date
        lo, hi = (start_date(since) if since else None), (end_date(until) if until else None)
        out = [x for x in out if x["record"] != "commitment" or
               (x["date"] and (lo is None or x["date"] >= lo) and (hi is None or x["date"] <= hi))]
    return out


def _date_of(v) -> Optional[str]:
    v = str(v or "")
    if len(v) >= 7 and v[:4].isdigit() and v[4] == "-" and v[5:7].isdigit():
        return v[:10] if len(v) >= 10 and v[8:10].isdigit() else v[:7] + "-01"
    return None


def item_facets(items: list[dict], names: dict[str, str]) -> dict[str, list[dict]]:
    """Facets of a list of timeline items: by kind, actor, CAMEO root and month."""
    kinds = Counter(x.get("kind") or x["record"] for x in items)
    actors: Counter = Counter()
    for x in items:
        for key in ("speaker", "source", "target", "holder", "counterparty"):
            if x.get(key):
                actors[x[key]] += 1
    roots = Counter(str(x["code"])[:2] for x in items if x["record"] == "event" and x.get("code"))
    months = Counter(x["date"][:7] for x in items if x.get("date"))
    labels = cameo_roots()
    return {
        "kind": [{"value": k, "count": c} for k, c in kinds.most_common()],
        "actor": [{"value": a, "label": names.get(a, a), "count": c} for a, c in actors.most_common(12)],
        "cameo_root": [{"value": r, "label": labels.get(r, r), "count": c} for r, c in sorted(roots.items())],
        "month": [{"value": m, "count": c} for m, c in sorted(months.items(), reverse=True)],
    }


def commitments_board(store, *, status: Optional[str], holder: Optional[str], overdue: Optional[bool],
                      due_before: Optional[str], as_of: Optional[str], sort: str) -> list[dict]:
    """Tracked commitments (one per thread of reports), overdue first unless sorted otherwise."""
    rows = track.list_commitments(store, status=status or None, holder=holder or None,
                                  overdue=overdue, due_before=due_before, as_of=as_of)
    if sort == "overdue":
        rows.sort(key=lambda c: (not c.get("overdue"), c.get("due") or "9999", c["id"]))
    elif sort in ("due", "-due"):
        rows.sort(key=lambda c: (c.get("due") or "9999", c["id"]), reverse=sort == "-due")
    elif sort == "status":
        rows.sort(key=lambda c: (c.get("status") or "", c.get("due") or "9999", c["id"]))
    return rows


def claims_board(store, *, contested: Optional[bool], status: Optional[str],
                 speaker: Optional[str]) -> list[dict]:
    rows = track.list_claims(store, contested=bool(contested))
    if contested is False:
        rows = [c for c in rows if not (c.get("deniers") or c.get("disputers"))]
    if status:
        rows = [c for c in rows if c.get("status") == status]
    if speaker:
        ids = set(store.resolve_actor(speaker)) or {speaker}
        rows = [c for c in rows if c.get("speaker") in ids]
    return rows
