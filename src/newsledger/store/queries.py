"""Filtered reads: actors, statements, events, commitments, an actor's timeline, full-text search
and counts, each with its own filters, sorting and paging. Fields are those of SCHEMA.md for the
record kind, plus `id` (the stored record's id) and `article` (its article id)."""
from __future__ import annotations

from typing import Any, Iterable, Optional, Union

from sqlalchemy import and_, func, literal, or_, select, text, union_all

from . import codec, names
from . import schema as t
from .migrate import current_version
from .reader import Reader, as_list, group_by, since_date, span_of, today_iso, until_date
from .search import fts5_query


class Queries(Reader):
    """The filtered reads of a store (Store adds the writes)."""

    # ---- actors ------------------------------------------------------------------------------

    def resolve_actor(self, name: str) -> list[str]:
        """Actor ids a loosely written name refers to: by id, name or alias, case- and
        accent-insensitive, every word of `name` matching a whole word ("putin" finds
        vladimir-putin and putin). Sorted; [] when nothing matches."""
        n = names.norm(name)
        if not n:
            return []
        al = t.actor_aliases.c
        padded = literal(" ") + al.norm + literal(" ")
        words = [padded.like(f"% {names.like_escape(w)} %", escape="\\") for w in n.split()]
        q = select(al.actor).where(or_(al.norm == n, and_(*words))).union(
            select(t.actors.c.id).where(t.actors.c.id == name))
        with self._read() as conn:
            return sorted(conn.execute(q).scalars())

    def _actor_ids(self, name: Optional[str]) -> Optional[list[str]]:
        return None if name is None else self.resolve_actor(name)

    def actors(self, name: Optional[str] = None, *, article: Optional[str] = None,
               type: Optional[str] = None, limit: Optional[int] = None, offset: int = 0,
               sort: str = "name") -> list[dict]:
        """Actors matching `name` (loosely), or all.

        Without `article`: one dict per actor across the store: id, name, type, country, roles,
        wikidata, `article` (the first article it appeared in), `articles` (how many) and
        `mention_count`. With `article`: the actors as that article lists them (SCHEMA.md fields,
        mentions included, plus `article`). sort: name | id | articles | mentions (prefix "-" to
        reverse).
        """
        if article is not None:
            ids = self._actor_ids(name)
            return [] if ids == [] else self._article_actors(article, ids, type, limit, offset)
        q = self._actors_query(name, type)
        if q is None:
            return []
        a, aa, m = t.actors.c, t.article_actors.c, t.mentions.c
        n_articles = (select(func.count(func.distinct(aa.article))).where(aa.actor == a.id)
                      .scalar_subquery())
        first = (select(aa.article).join(t.articles, t.articles.c.id == aa.article)
                 .where(aa.actor == a.id).order_by(t.articles.c.seq).limit(1).scalar_subquery())
        n_mentions = select(func.count()).where(m.actor == a.id).scalar_subquery()
        q = q.add_columns(first.label("article"), n_articles.label("articles"),
                          n_mentions.label("mention_count"))
        q = self._page(q, sort, {"name": [func.lower(a.name)], "id": [a.id],
                                 "articles": [n_articles], "mentions": [n_mentions]},
                       [a.id], limit, offset)
        with self._read() as conn:
            rows = conn.execute(q).mappings().all()
        return [{"id": r["id"], "article": r["article"], "name": r["name"], "type": r["type"],
                 "country": r["country"], "roles": codec.load_json(r["roles"]) or [],
                 "wikidata": r["wikidata"], "articles": r["articles"],
                 "mention_count": r["mention_count"]} for r in rows]

    def _actors_query(self, name, type):
        a = t.actors.c
        ids = self._actor_ids(name)
        if ids == []:
            return None
        q = select(a.id, a.name, a.type, a.country, a.roles, a.wikidata).where(~a.stub)
        if ids is not None:
            q = q.where(a.id.in_(ids))
        if type is not None:
            q = q.where(a.type == type)
        return q

    def _article_actors(self, article: str, ids: Optional[list[str]], type: Optional[str],
                        limit: Optional[int], offset: int) -> list[dict]:
        aa = t.article_actors.c
        q = select(t.article_actors).where(aa.article == article)
        if ids is not None:
            q = q.where(aa.actor.in_(ids))
        if type is not None:
            q = q.where(aa.type == type)
        q = q.order_by(aa.position).offset(offset or None).limit(limit)
        with self._read() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            men = group_by(self._fetch(conn, t.mentions, t.mentions.c.article, [article],
                                     [t.mentions.c.actor_position, t.mentions.c.position]),
                         "actor_position")
        return [{**codec.decode_actor(r, [span_of(x["span_start"], x["span_end"])
                                          for x in men.get(r["position"], [])]),
                 "article": article} for r in rows]

    # ---- statements, events, commitments ------------------------------------------------------

    def statements(self, speaker: Optional[str] = None, kind: Union[str, Iterable[str], None] = None,
                   about: Optional[str] = None, *, article: Optional[str] = None,
                   since: Optional[str] = None, until: Optional[str] = None,
                   limit: Optional[int] = None, offset: int = 0, sort: str = "date") -> list[dict]:
        """Statements, filtered: `speaker` and `about` are loose actor names, `kind` one kind or
        several, since/until dates (YYYY[-MM[-DD]]) on when it was said (else the article's date).
        sort: date | article | kind | speaker (prefix "-" to reverse)."""
        q = self._statements_query(speaker, kind, about, article, since, until)
        if q is None:
            return []
        s = t.statements.c
        q = self._page(q, sort, {"date": [s.date], "article": [s.article], "kind": [s.kind],
                                 "speaker": [s.speaker]}, [s.article, s.position], limit, offset)
        with self._read() as conn:
            return self._statement_dicts(conn, [dict(r) for r in conn.execute(q).mappings()])

    def _statements_query(self, speaker, kind, about, article, since, until):
        s = t.statements.c
        q = select(t.statements)
        speakers, abouts = self._actor_ids(speaker), self._actor_ids(about)
        if speakers == [] or abouts == []:
            return None
        if speakers is not None:
            q = q.where(s.speaker.in_(speakers))
        if abouts is not None:
            sa = t.statement_about.c
            q = q.where(s.id.in_(select(sa.statement).where(sa.actor.in_(abouts))))
        if kind is not None:
            q = q.where(s.kind.in_(as_list(kind)))
        if article is not None:
            q = q.where(s.article == article)
        return self._dates(q, s.date, since, until)

    def events(self, code: Optional[str] = None, actor: Optional[str] = None,
               since: Optional[str] = None, until: Optional[str] = None, *,
               article: Optional[str] = None, plover: Optional[str] = None,
               limit: Optional[int] = None, offset: int = 0, sort: str = "date") -> list[dict]:
        """Events: `code` a CAMEO prefix ("19" finds 190–196), `actor` a loose name (source or
        target), since/until dates on when it happened (else the article's date).
        sort: date | code | article (prefix "-" to reverse)."""
        q = self._events_query(code, actor, since, until, article, plover)
        if q is None:
            return []
        e = t.events.c
        q = self._page(q, sort, {"date": [e.date], "code": [e.code], "article": [e.article]},
                       [e.article, e.position], limit, offset)
        with self._read() as conn:
            return [{"id": r["id"], "article": r["article"], **codec.decode_event(dict(r))}
                    for r in conn.execute(q).mappings()]

    def _events_query(self, code, actor, since, until, article, plover):
        e = t.events.c
        q = select(t.events)
        ids = self._actor_ids(actor)
        if ids == []:
            return None
        if ids is not None:
            q = q.where(or_(e.source.in_(ids), e.target.in_(ids)))
        if code is not None:
            q = q.where(e.code.startswith(str(code), autoescape=True))
        if plover is not None:
            q = q.where(e.plover == plover)
        if article is not None:
            q = q.where(e.article == article)
        return self._dates(q, e.date, since, until)

    def commitments(self, status: Union[str, Iterable[str], None] = None,
                    due_before: Optional[str] = None, holder: Optional[str] = None,
                    overdue: Optional[bool] = None, *, article: Optional[str] = None,
                    as_of: Optional[str] = None, limit: Optional[int] = None, offset: int = 0,
                    sort: str = "due") -> list[dict]:
        """Commitments with their current status and `history` (oldest first).

        `status` one or several current statuses; `due_before` a date (due strictly before it);
        `holder` a loose actor name; `overdue` True/False: still open and either flagged overdue
        when extracted or due before `as_of` (default today, UTC). The returned `overdue` is that
        same live value (export keeps the stored one). sort: due | date | status | article.
        """
        today = since_date(as_of) if as_of else today_iso()
        q = self._commitments_query(status, due_before, holder, overdue, article, today)
        if q is None:
            return []
        c = t.commitments.c
        q = self._page(q, sort, {"due": [c.due_date], "date": [c.date], "status": [c.status],
                                 "article": [c.article]}, [c.article, c.position], limit, offset)
        with self._read() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            return self._commitment_dicts(conn, rows, today)

    def _commitments_query(self, status, due_before, holder, overdue, article, today):
        c = t.commitments.c
        q = select(t.commitments)
        ids = self._actor_ids(holder)
        if ids == []:
            return None
        if ids is not None:
            q = q.where(c.holder.in_(ids))
        if status is not None:
            q = q.where(c.status.in_(as_list(status)))
        if due_before is not None:
            q = q.where(c.due_date < since_date(due_before))
        if overdue is not None:
            late = and_(c.status == "open", or_(c.overdue.is_(True),
                                                and_(c.due_date.isnot(None), c.due_date < today)))
            q = q.where(late if overdue else ~late)
        if article is not None:
            q = q.where(c.article == article)
        return q

    def timeline(self, actor: str, *, since: Optional[str] = None, until: Optional[str] = None,
                 limit: Optional[int] = None, offset: int = 0, sort: str = "date") -> list[dict]:
        """What an actor said (statements it spoke), did or suffered (events as source or target)
        and promised (commitments as holder or counterparty), by date (`sort="-date"`: newest
        first). Each dict is the record's own plus `record` ("statement" | "event" |
        "commitment") and `date` (when it was said, happened or made)."""
        if sort not in ("date", "-date"):
            raise ValueError(f"timeline sorts by date or -date, not {sort!r}")
        ids = self.resolve_actor(actor)
        if not ids:
            return []
        s, e, c = t.statements.c, t.events.c, t.commitments.c
        parts = [
            select(literal("statement").label("record"), literal(0).label("rank"), s.id, s.article,
                   s.position, s.date).where(s.speaker.in_(ids)),
            select(literal("event").label("record"), literal(1).label("rank"), e.id, e.article,
                   e.position, e.date).where(or_(e.source.in_(ids), e.target.in_(ids))),
            select(literal("commitment").label("record"), literal(2).label("rank"), c.id, c.article,
                   c.position, c.date).where(or_(c.holder.in_(ids), c.counterparty.in_(ids))),
        ]
        parts = [self._dates(p, col, since, until) for p, col in zip(parts, (s.date, e.date, c.date))]
        u = union_all(*parts).subquery()
        d = u.c.date.desc() if sort == "-date" else u.c.date.asc()
        q = (select(u.c.record, u.c.id, u.c.date)
             .order_by(d.nulls_last(), u.c.article, u.c.rank, u.c.position)
             .offset(offset or None).limit(limit))
        with self._read() as conn:
            keys = conn.execute(q).all()
            wanted: dict[str, list[str]] = {}
            for rec, rid, _ in keys:
                wanted.setdefault(rec, []).append(rid)
            found: dict[str, dict] = {}
            if wanted.get("statement"):
                rows = self._fetch(conn, t.statements, s.id, wanted["statement"], [])
                found.update((x["id"], x) for x in self._statement_dicts(conn, rows))
            if wanted.get("event"):
                for r in self._fetch(conn, t.events, e.id, wanted["event"], []):
                    found[r["id"]] = {"id": r["id"], "article": r["article"], **codec.decode_event(r)}
            if wanted.get("commitment"):
                rows = self._fetch(conn, t.commitments, c.id, wanted["commitment"], [])
                found.update((x["id"], x) for x in
                             self._commitment_dicts(conn, rows, today_iso()))
        return [{"record": rec, "date": day, **found[rid]} for rec, rid, day in keys]

    # ---- search ------------------------------------------------------------------------------

    def search(self, q: str, limit: int = 20, offset: int = 0) -> list[dict]:
        """Full-text search over article text (and titles) and statement content, best first.

        Query syntax: words (all must occur), "a phrase", OR, -excluded. Each hit has `record`
        ("article" | "statement"), `id`, `article`, `snippet` (matches in [brackets]) and `score`
        (higher is better; comparable within one store); article hits add title and published,
        statement hits the statement's fields.
        """
        n = max(0, int(limit)) + max(0, int(offset))
        if n == 0:
            return []
        with self._read() as conn:
            if self.dialect == "sqlite":
                expr = fts5_query(q)
                if not expr:
                    return []
                arts = conn.execute(text(
                    "SELECT a.id, a.title, a.published, "
                    "snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, "
                    "-bm25(articles_fts, 5.0, 1.0) AS score "
                    "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                    "WHERE articles_fts MATCH :q ORDER BY score DESC LIMIT :n"),
                    {"q": expr, "n": n}).mappings().all()
                sts = conn.execute(text(
                    "SELECT s.id, snippet(statements_fts, 0, '[', ']', '…', 16) AS snippet, "
                    "-bm25(statements_fts) AS score "
                    "FROM statements_fts JOIN statements s ON s.seq = statements_fts.rowid "
                    "WHERE statements_fts MATCH :q ORDER BY score DESC LIMIT :n"),
                    {"q": expr, "n": n}).mappings().all()
            else:
                if not (q or "").strip():
                    return []
                opts = "StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1"
                arts = conn.execute(text(
                    "SELECT h.id, h.title, h.published, h.score, "
                    "ts_headline('english', h.text, h.query, :opts) AS snippet FROM ("
                    " SELECT a.id, a.title, a.published, a.text, query, "
                    " ts_rank(a.search, query) AS score"
                    " FROM articles a, websearch_to_tsquery('english', :q) AS query"
                    " WHERE a.search @@ query ORDER BY score DESC LIMIT :n) h ORDER BY h.score DESC"),
                    {"q": q, "n": n, "opts": opts}).mappings().all()
                sts = conn.execute(text(
                    "SELECT h.id, h.score, "
                    "ts_headline('english', h.content_text, h.query, :opts) AS snippet FROM ("
                    " SELECT s.id, s.content_text, query, ts_rank(s.search, query) AS score"
                    " FROM statements s, websearch_to_tsquery('english', :q) AS query"
                    " WHERE s.search @@ query ORDER BY score DESC LIMIT :n) h ORDER BY h.score DESC"),
                    {"q": q, "n": n, "opts": opts}).mappings().all()
            st_rows = self._fetch(conn, t.statements, t.statements.c.id, [r["id"] for r in sts], [])
            st_full = {d["id"]: d for d in self._statement_dicts(conn, st_rows)}
        hits = [{"record": "article", "id": r["id"], "article": r["id"], "title": r["title"],
                 "published": r["published"], "snippet": r["snippet"], "score": float(r["score"])}
                for r in arts]
        hits += [{"record": "statement", **st_full[r["id"]], "snippet": r["snippet"],
                  "score": float(r["score"])} for r in sts if r["id"] in st_full]
        hits.sort(key=lambda h: -h["score"])
        return hits[offset:offset + limit]

    # ---- misc --------------------------------------------------------------------------------

    def count(self, what: str, /, **filters: Any) -> int:
        """How many records a query would return without limit/offset (for page counts):
        `count("statements", speaker="putin")` takes the filters of `statements(...)`; kind is
        statements | events | commitments | actors (store-wide) | articles."""
        kind = what
        if kind == "statements":
            f = {k: filters.pop(k, None) for k in ("speaker", "kind", "about", "article", "since", "until")}
            q = self._statements_query(**f)
        elif kind == "events":
            f = {k: filters.pop(k, None) for k in ("code", "actor", "since", "until", "article", "plover")}
            q = self._events_query(**f)
        elif kind == "commitments":
            as_of = filters.pop("as_of", None)
            f = {k: filters.pop(k, None) for k in ("status", "due_before", "holder", "overdue", "article")}
            q = self._commitments_query(**f, today=since_date(as_of) if as_of else today_iso())
        elif kind == "actors":
            f = {k: filters.pop(k, None) for k in ("name", "type")}
            q = self._actors_query(**f)
        elif kind == "articles":
            f = {k: filters.pop(k, None) for k in ("since", "until")}
            q = self._dates(select(t.articles.c.id), t.articles.c.date, f["since"], f["until"])
        else:
            raise ValueError(f"cannot count {kind!r}: use statements, events, commitments, actors "
                             "or articles")
        if filters:
            raise TypeError(f"count({kind!r}) got unexpected filters: {', '.join(filters)}")
        if q is None:
            return 0
        with self._read() as conn:
            return conn.execute(select(func.count()).select_from(q.subquery())).scalar_one()

    def stats(self) -> dict[str, int]:
        """Row counts of the main tables, and the schema version."""
        out: dict[str, int] = {}
        with self._read() as conn:
            for table in (t.articles, t.actors, t.statements, t.events, t.times, t.commitments,
                          t.claims, t.history):
                out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
            out["schema_version"] = current_version(conn)
        return out

    # ---- query building ----------------------------------------------------------------------

    @staticmethod
    def _dates(q, col, since: Optional[str], until: Optional[str]):
        if since is not None:
            q = q.where(col >= since_date(since))
        if until is not None:
            q = q.where(col <= until_date(until))
        return q

    @staticmethod
    def _page(q, sort: str, choices: dict[str, list], tiebreak: list, limit: Optional[int],
              offset: int):
        desc = sort.startswith("-")
        key = sort.lstrip("-+")
        if key not in choices:
            raise ValueError(f"cannot sort by {sort!r}: use one of {', '.join(choices)} "
                             "(prefix - to reverse)")
        cols = [(c.desc() if desc else c.asc()).nulls_last() for c in choices[key]]
        if limit is not None and limit < 0 or offset < 0:
            raise ValueError("limit and offset must not be negative")
        return q.order_by(*cols, *tiebreak).offset(offset or None).limit(limit)
