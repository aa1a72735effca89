"""One article's record (the JSON of SCHEMA.md) to table rows and back.

`encode` flattens a record into rows for every table; `decode_*` rebuild the exact JSON objects.
Round trip is exact, key order included: fields this schema does not know, a missing field or an
unusual key order are noted per object in the row's `extra` column (NULL in the ordinary case),
keyed by the object's path inside the record ("" the record itself, "cue", "location" …).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Optional

from . import names
from ..dates import end_date, start_date
from .errors import StoreError

TOP_KEYS = ("schema", "model", "article", "actors", "statements", "events", "times", "commitments")
ARTICLE_KEYS = ("id", "title", "source", "url", "published", "language", "text")
ACTOR_KEYS = ("id", "name", "type", "country", "roles", "wikidata", "mentions")
STATEMENT_KEYS = ("speaker", "speaker_mention", "cue", "kind", "negated", "hedged", "quote",
                  "content", "about", "time", "reported_by", "span")
EVENT_KEYS = ("code", "plover", "label", "source", "target", "trigger", "location", "time",
              "time_precision", "fatalities", "injured", "negated", "hypothetical", "same_as", "span")
TIME_KEYS = ("text", "span", "type", "value", "anchor")
COMMITMENT_KEYS = ("kind", "holder", "counterparty", "content", "conditions", "due", "status",
                   "overdue", "evidence")
TEXT_SPAN_KEYS = ("text", "span")
LOCATION_KEYS = ("name", "country", "span")

# Record-id letters: "<article>:s3" is the article's 4th statement.
ID_LETTER = {"statement": "s", "event": "e", "time": "t", "commitment": "c"}


def record_id(article: str, kind: str, position: int) -> str:
    return f"{article}:{ID_LETTER[kind]}{position}"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# ---- shape bookkeeping: what a JSON object has beyond the columns --------------------------------

def _note_shape(obj: dict, keys: tuple[str, ...], path: str, extra: dict) -> None:
    order = list(obj)
    if order != list(keys):
        extra[path] = {"order": order, "more": {k: obj[k] for k in order if k not in keys}}


def _restore_shape(canonical: dict, path: str, extra: Optional[dict]) -> dict:
    shape = extra.get(path) if extra else None
    if not shape:
        return canonical
    more = shape["more"]
    return {k: (canonical[k] if k in canonical else more[k]) for k in shape["order"]}


def _dump_extra(extra: dict) -> Optional[str]:
    return json.dumps(extra, ensure_ascii=False) if extra else None


def load_json(s: Optional[str]) -> Any:
    return None if s is None else json.loads(s)


# ---- typed field access with one-line errors -------------------------------------------------------

class _Ctx:
    """Where in the record we are, for error messages."""

    def __init__(self, article: str):
        self.article = article

    def fail(self, where: str, why: str) -> StoreError:
        return StoreError(f"article {self.article!r}: {where}: {why}")

    def obj(self, v: Any, where: str, nullable: bool = True) -> Optional[dict]:
        if v is None and nullable:
            return None
        if not isinstance(v, dict):
            raise self.fail(where, f"expected an object, got {type(v).__name__}")
        return v

    def lst(self, v: Any, where: str) -> list:
        if v is None:
            return []
        if not isinstance(v, list):
            raise self.fail(where, f"expected a list, got {type(v).__name__}")
        return v

    def str_(self, v: Any, where: str) -> Optional[str]:
        if v is not None and not isinstance(v, str):
            raise self.fail(where, f"expected a string, got {v!r}")
        return v

    def int_(self, v: Any, where: str) -> Optional[int]:
        if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
            raise self.fail(where, f"expected an integer, got {v!r}")
        return v

    def bool_(self, v: Any, where: str) -> Optional[bool]:
        if v is not None and not isinstance(v, bool):
            raise self.fail(where, f"expected true or false, got {v!r}")
        return v

    def span(self, v: Any, where: str) -> tuple[Optional[int], Optional[int]]:
        if v is None:
            return None, None
        if (not isinstance(v, (list, tuple)) or len(v) != 2
                or any(isinstance(x, bool) or not isinstance(x, int) for x in v)):
            raise self.fail(where, f"expected a span [start, end], got {v!r}")
        return v[0], v[1]


def _span_out(start: Optional[int], end: Optional[int]) -> Optional[list[int]]:
    return None if start is None and end is None else [start, end]


def _text_span_cols(ctx: _Ctx, v: Any, prefix: str, path: str, where: str, extra: dict) -> dict:
    """A {"text", "span"} object as columns <prefix>_text, <prefix>_start, <prefix>_end."""
    o = ctx.obj(v, where)
    if o is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None}
    _note_shape(o, TEXT_SPAN_KEYS, path, extra)
    s, e = ctx.span(o.get("span"), f"{where}.span")
    t = ctx.str_(o.get("text"), f"{where}.text")
    if t is None and s is None:
        _mark_present(extra, path)
    return {f"{prefix}_text": t, f"{prefix}_start": s, f"{prefix}_end": e}


def _text_span_out(row: dict, prefix: str, path: str, extra: Optional[dict]) -> Optional[dict]:
    present = (row[f"{prefix}_text"] is not None or row[f"{prefix}_start"] is not None
               or _is_marked(extra, path))
    if not present:
        return None
    return _restore_shape({"text": row[f"{prefix}_text"],
                           "span": _span_out(row[f"{prefix}_start"], row[f"{prefix}_end"])},
                          path, extra)


def _mark_present(extra: dict, path: str) -> None:
    """An object whose every column is NULL must still come back as an object, not as null."""
    extra.setdefault("present", []).append(path)


def _is_marked(extra: Optional[dict], path: str) -> bool:
    return bool(extra) and path in extra.get("present", ())


def _note_null_list(obj: dict, key: str, extra: dict) -> None:
    """A list field given as null (rather than []) must come back as null."""
    if key in obj and obj[key] is None:
        extra.setdefault("null", []).append(key)


def _list_out(items: list, key: str, extra: Optional[dict]) -> Optional[list]:
    return None if not items and extra and key in extra.get("null", ()) else items


def _slice(text: str, s: Optional[int], e: Optional[int]) -> Optional[str]:
    if s is None or e is None or not (0 <= s <= e <= len(text)):
        return None
    return text[s:e]


# ---- encode ----------------------------------------------------------------------------------------

@dataclass
class Rows:
    """Everything one article puts in the tables."""
    article: dict
    actors: list[dict] = field(default_factory=list)          # canonical, upserted, sorted by id
    aliases: list[dict] = field(default_factory=list)
    article_actors: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    statement_about: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    times: list[dict] = field(default_factory=list)
    commitments: list[dict] = field(default_factory=list)
    commitment_evidence: list[dict] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)


def article_id_of(record: Any) -> str:
    """The article id of a record, or a StoreError saying why there is none."""
    if not isinstance(record, dict) or not isinstance(record.get("article"), dict):
        raise StoreError("not a newsledger record: no \"article\" object")
    aid = record["article"].get("id")
    if not isinstance(aid, str) or not aid:
        raise StoreError("record without an article id")
    return aid


def encode(record: dict) -> Rows:
    """All rows of one article's record; StoreError (one line, naming the field) if malformed."""
    return _Encoder(record).rows


class _Encoder:
    """Flattens one record; `ref` collects the actor ids records use, so FKs always hold."""

    def __init__(self, record: dict):
        self.aid = aid = article_id_of(record)
        self.ctx = ctx = _Ctx(aid)
        art = record["article"]
        self.text = art.get("text")
        if not isinstance(self.text, str):
            raise ctx.fail("article.text", "missing or not a string")
        published = ctx.str_(art.get("published"), "article.published")
        self.date = start_date(published)
        self.canonical: dict[str, dict] = {}  # actor id -> row of `actors`

        top_keys = TOP_KEYS + (("warnings",) if "warnings" in record else ())
        extra: dict = {}
        _note_shape(record, top_keys, "", extra)
        _note_shape(art, ARTICLE_KEYS, "article", extra)
        for key in TOP_KEYS[3:]:
            _note_null_list(record, key, extra)
        warnings = record.get("warnings")
        model = record.get("model")
        self.rows = Rows(article={
            "id": aid, "title": ctx.str_(art.get("title"), "article.title"),
            "source": ctx.str_(art.get("source"), "article.source"),
            "url": ctx.str_(art.get("url"), "article.url"), "published": published,
            "date": self.date, "language": ctx.str_(art.get("language"), "article.language"),
            "text": self.text, "schema": ctx.str_(record.get("schema"), "schema"),
            "model": None if model is None else json.dumps(model, ensure_ascii=False),
            "warnings": None if warnings is None else json.dumps(warnings, ensure_ascii=False),
            "extra": _dump_extra(extra), "ingested_at": now(),
        })
        for kind, encode_one in (("actors", self.actor), ("statements", self.statement),
                                 ("events", self.event), ("times", self.time),
                                 ("commitments", self.commitment)):
            for i, obj in enumerate(ctx.lst(record.get(kind), kind)):
                encode_one(i, ctx.obj(obj, f"{kind}[{i}]", nullable=False), f"{kind}[{i}]")
        self.rows.actors = [self.canonical[k] for k in sorted(self.canonical)]  # one lock order
        self.rows.aliases = self.aliases()

    def ref(self, v: Any, where: str) -> Optional[str]:
        """An actor id used by a record; ids the article does not list become stub actors."""
        actor = self.ctx.str_(v, where)
        if actor and actor not in self.canonical:
            self.canonical[actor] = {"id": actor, "name": actor, "type": "other", "country": None,
                                     "roles": "[]", "wikidata": None, "stub": True}
        return actor

    def actor(self, i: int, a: dict, where: str) -> None:
        ctx = self.ctx
        actor = ctx.str_(a.get("id"), f"{where}.id")
        if not actor:
            raise ctx.fail(where, "actor without an id")
        name = ctx.str_(a.get("name"), f"{where}.name")
        roles = [ctx.str_(r, f"{where}.roles") for r in ctx.lst(a.get("roles"), f"{where}.roles")]
        x: dict = {}
        _note_shape(a, ACTOR_KEYS, "", x)
        _note_null_list(a, "mentions", x)
        row = {"article": self.aid, "actor": actor, "position": i, "name": name,
               "type": ctx.str_(a.get("type"), f"{where}.type"),
               "country": ctx.str_(a.get("country"), f"{where}.country"),
               "roles": json.dumps(None if a.get("roles") is None else roles, ensure_ascii=False),
               "wikidata": ctx.str_(a.get("wikidata"), f"{where}.wikidata"),
               "extra": _dump_extra(x)}
        self.rows.article_actors.append(row)
        self.canonical.setdefault(actor, {
            "id": actor, "name": name or actor, "type": row["type"] or "other",
            "country": row["country"], "roles": json.dumps(roles, ensure_ascii=False),
            "wikidata": row["wikidata"], "stub": False})
        for j, m in enumerate(ctx.lst(a.get("mentions"), f"{where}.mentions")):
            s, e = ctx.span(m, f"{where}.mentions[{j}]")
            self.rows.mentions.append({"article": self.aid, "actor": actor, "actor_position": i,
                                       "position": j, "span_start": s, "span_end": e,
                                       "text": _slice(self.text, s, e)})

    def statement(self, i: int, st: dict, where: str) -> None:
        ctx = self.ctx
        sid = record_id(self.aid, "statement", i)
        x: dict = {}
        _note_shape(st, STATEMENT_KEYS, "", x)
        _note_null_list(st, "about", x)
        s, e = ctx.span(st.get("span"), f"{where}.span")
        time = ctx.str_(st.get("time"), f"{where}.time")
        row = {"id": sid, "article": self.aid, "position": i,
               "speaker": self.ref(st.get("speaker"), f"{where}.speaker"),
               **_text_span_cols(ctx, st.get("speaker_mention"), "speaker", "speaker_mention",
                                 f"{where}.speaker_mention", x),
               **_text_span_cols(ctx, st.get("cue"), "cue", "cue", f"{where}.cue", x),
               "kind": ctx.str_(st.get("kind"), f"{where}.kind"),
               "negated": ctx.bool_(st.get("negated"), f"{where}.negated"),
               "hedged": ctx.bool_(st.get("hedged"), f"{where}.hedged"),
               "quote": ctx.str_(st.get("quote"), f"{where}.quote"),
               **_text_span_cols(ctx, st.get("content"), "content", "content", f"{where}.content", x),
               "time": time, "span_start": s, "span_end": e,
               "date": start_date(time) or self.date,
               "reported_by": ctx.int_(st.get("reported_by"), f"{where}.reported_by")}
        row["extra"] = _dump_extra(x)
        self.rows.statements.append(row)
        for j, actor in enumerate(ctx.lst(st.get("about"), f"{where}.about")):
            self.rows.statement_about.append({"statement": sid, "position": j,
                                              "actor": self.ref(actor, f"{where}.about[{j}]")})

    def event(self, i: int, ev: dict, where: str) -> None:
        ctx = self.ctx
        x: dict = {}
        _note_shape(ev, EVENT_KEYS, "", x)
        loc = ctx.obj(ev.get("location"), f"{where}.location")
        ls, le = ctx.span(loc.get("span") if loc else None, f"{where}.location.span")
        if loc is not None:
            _note_shape(loc, LOCATION_KEYS, "location", x)
            if loc.get("name") is None and ls is None:
                _mark_present(x, "location")
        s, e = ctx.span(ev.get("span"), f"{where}.span")
        time = ctx.str_(ev.get("time"), f"{where}.time")
        self.rows.events.append({
            "id": record_id(self.aid, "event", i), "article": self.aid, "position": i,
            "code": ctx.str_(ev.get("code"), f"{where}.code"),
            "plover": ctx.str_(ev.get("plover"), f"{where}.plover"),
            "label": ctx.str_(ev.get("label"), f"{where}.label"),
            "source": self.ref(ev.get("source"), f"{where}.source"),
            "target": self.ref(ev.get("target"), f"{where}.target"),
            **_text_span_cols(ctx, ev.get("trigger"), "trigger", "trigger", f"{where}.trigger", x),
            "location_name": ctx.str_(loc.get("name"), f"{where}.location.name") if loc else None,
            "location_country": (ctx.str_(loc.get("country"), f"{where}.location.country")
                                 if loc else None),
            "location_start": ls, "location_end": le, "time": time,
            "time_precision": ctx.str_(ev.get("time_precision"), f"{where}.time_precision"),
            "fatalities": ctx.int_(ev.get("fatalities"), f"{where}.fatalities"),
            "injured": ctx.int_(ev.get("injured"), f"{where}.injured"),
            "negated": ctx.bool_(ev.get("negated"), f"{where}.negated"),
            "hypothetical": ctx.bool_(ev.get("hypothetical"), f"{where}.hypothetical"),
            "same_as": ctx.int_(ev.get("same_as"), f"{where}.same_as"),
            "span_start": s, "span_end": e, "date": start_date(time) or self.date,
            "extra": _dump_extra(x),
        })

    def time(self, i: int, t: dict, where: str) -> None:
        ctx = self.ctx
        x: dict = {}
        _note_shape(t, TIME_KEYS, "", x)
        s, e = ctx.span(t.get("span"), f"{where}.span")
        value = ctx.str_(t.get("value"), f"{where}.value")
        self.rows.times.append({
            "id": record_id(self.aid, "time", i), "article": self.aid, "position": i,
            "text": ctx.str_(t.get("text"), f"{where}.text"), "span_start": s, "span_end": e,
            "type": ctx.str_(t.get("type"), f"{where}.type"), "value": value,
            "anchor": ctx.str_(t.get("anchor"), f"{where}.anchor"), "date": start_date(value),
            "extra": _dump_extra(x)})

    def commitment(self, i: int, c: dict, where: str) -> None:
        ctx = self.ctx
        cid = record_id(self.aid, "commitment", i)
        x: dict = {}
        _note_shape(c, COMMITMENT_KEYS, "", x)
        _note_null_list(c, "evidence", x)
        due = ctx.str_(c.get("due"), f"{where}.due")
        status = ctx.str_(c.get("status"), f"{where}.status")
        evidence = [ctx.span(ev, f"{where}.evidence[{j}]")
                    for j, ev in enumerate(ctx.lst(c.get("evidence"), f"{where}.evidence"))]
        self.rows.commitments.append({
            "id": cid, "article": self.aid, "position": i,
            "kind": ctx.str_(c.get("kind"), f"{where}.kind"),
            "holder": self.ref(c.get("holder"), f"{where}.holder"),
            "counterparty": self.ref(c.get("counterparty"), f"{where}.counterparty"),
            "content": ctx.str_(c.get("content"), f"{where}.content"),
            "conditions": ctx.str_(c.get("conditions"), f"{where}.conditions"),
            "due": due, "due_date": end_date(due), "due_now": end_date(due), "status": status,
            "overdue": ctx.bool_(c.get("overdue"), f"{where}.overdue"),
            "date": self.date, "extra": _dump_extra(x)})
        for j, (s, e) in enumerate(evidence):
            self.rows.commitment_evidence.append({"commitment": cid, "position": j, "span_start": s,
                                                  "span_end": e, "text": _slice(self.text, s, e)})
        if status is not None:  # the first entry of its history: as extracted from this article
            s0, e0 = evidence[0] if evidence else (None, None)
            self.rows.history.append({
                "record_kind": "commitment", "record_id": cid, "status": status, "date": self.date,
                "article": self.aid, "span_start": s0, "span_end": e0, "note": "extracted",
                "recorded_at": self.rows.article["ingested_at"]})

    def aliases(self) -> list[dict]:
        """Names to find actors by: canonical name, id, and every name an article gives it."""
        out: dict[tuple[str, str], dict] = {}
        names_of = [(a["id"], a["name"]) for a in self.rows.actors] + \
                   [(a["id"], a["id"]) for a in self.rows.actors] + \
                   [(r["actor"], r["name"]) for r in self.rows.article_actors if r["name"]]
        for actor, alias in names_of:
            n = names.norm(alias)
            if n:
                out.setdefault((actor, n), {"actor": actor, "alias": alias, "norm": n})
        return [out[k] for k in sorted(out)]  # sorted: one lock order for every writer


# ---- decode ----------------------------------------------------------------------------------------

def decode_article(row: dict) -> tuple[dict, Optional[dict]]:
    """The "article" object and the record-level shape notes."""
    extra = load_json(row["extra"])
    art = _restore_shape({k: row[k] for k in ARTICLE_KEYS}, "article", extra)
    return art, extra


def decode_record(article_row: dict, actors: list[dict], statements: list[dict],
                  events: list[dict], times: list[dict], commitments: list[dict]) -> dict:
    """The full record, from already decoded lists."""
    art, extra = decode_article(article_row)
    out = {"schema": article_row["schema"], "model": load_json(article_row["model"]), "article": art,
           "actors": _list_out(actors, "actors", extra),
           "statements": _list_out(statements, "statements", extra),
           "events": _list_out(events, "events", extra), "times": _list_out(times, "times", extra),
           "commitments": _list_out(commitments, "commitments", extra)}
    if article_row["warnings"] is not None:
        out["warnings"] = load_json(article_row["warnings"])
    return _restore_shape(out, "", extra)


def decode_actor(row: dict, mentions: list[list[int]]) -> dict:
    extra = load_json(row["extra"])
    return _restore_shape({"id": row["actor"], "name": row["name"], "type": row["type"],
                           "country": row["country"], "roles": load_json(row["roles"]),
                           "wikidata": row["wikidata"], "mentions": _list_out(mentions, "mentions", extra)},
                          "", extra)


def decode_statement(row: dict, about: list[str]) -> dict:
    x = load_json(row["extra"])
    out = {
        "speaker": row["speaker"],
        "speaker_mention": _text_span_out(row, "speaker", "speaker_mention", x),
        "cue": _text_span_out(row, "cue", "cue", x),
        "kind": row["kind"], "negated": row["negated"], "hedged": row["hedged"], "quote": row["quote"],
        "content": _text_span_out(row, "content", "content", x),
        "about": _list_out(about, "about", x),
        "time": row["time"], "reported_by": _reported_by(row, x),
        "span": _span_out(row["span_start"], row["span_end"]),
    }
    return _restore_shape(out, "", x)


def _reported_by(row: dict, x: Optional[dict]) -> Optional[int]:
    """The column; a row stored before migration 0012 kept the field among its `extra` keys."""
    if row.get("reported_by") is not None:
        return row["reported_by"]
    shape = (x or {}).get("")
    return shape["more"].get("reported_by") if shape else None


def decode_event(row: dict) -> dict:
    x = load_json(row["extra"])
    has_loc = (row["location_name"] is not None or row["location_start"] is not None
               or _is_marked(x, "location"))
    loc = _restore_shape({"name": row["location_name"], "country": row["location_country"],
                          "span": _span_out(row["location_start"], row["location_end"])},
                         "location", x) if has_loc else None
    out = {"code": row["code"], "plover": row["plover"], "label": row["label"],
           "source": row["source"], "target": row["target"],
           "trigger": _text_span_out(row, "trigger", "trigger", x),
           "location": loc, "time": row["time"], "time_precision": row["time_precision"],
           "fatalities": row["fatalities"], "injured": row["injured"], "negated": row["negated"],
           "hypothetical": row["hypothetical"], "same_as": row["same_as"],
           "span": _span_out(row["span_start"], row["span_end"])}
    return _restore_shape(out, "", x)


def decode_time(row: dict) -> dict:
    return _restore_shape({"text": row["text"], "span": _span_out(row["span_start"], row["span_end"]),
                           "type": row["type"], "value": row["value"], "anchor": row["anchor"]},
                          "", load_json(row["extra"]))


def decode_commitment(row: dict, evidence: list[list[int]]) -> dict:
    x = load_json(row["extra"])
    out = {"kind": row["kind"], "holder": row["holder"], "counterparty": row["counterparty"],
           "content": row["content"], "conditions": row["conditions"], "due": row["due"],
           "status": row["status"], "overdue": row["overdue"],
           "evidence": _list_out(evidence, "evidence", x)}
    return _restore_shape(out, "", x)
