"""Linking follow-up articles to the commitments they report on (track/refer.py decides; this reads
and writes the store).

A follow-up is evidence on a tracked commitment (a thread) through a link row of its own:
record_kind "commitment", record_id "<article>:about:<thread>", with the stance the article takes
(met, extended, missed ...) and, for an extension, the new due date. Like every link it is append-only
and `unlink` takes it out again.

Candidates are bounded by side and time through indexes (migration 0011): forward, the commitments
whose holder or counterparty is on the side of an actor of the new article, made in the WINDOW_DAYS
before it (commitments (holder, date) and (counterparty, date)) or due near it (near_due.py, migration 0018);
backward, when an article opens a thread, the stored later articles that name its holder's side in the
window or near its due date (track_article_actors
(actor, date); on SQLite kept for the ids a lookup has asked for, see complete_actors), so the order
articles arrive in does not change what is linked. Each lookup
reads at most CANDIDATES (BACKWARD) rows per actor, newest first, whatever the size of the store.
"""
from __future__ import annotations

import re
from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from ..store import schema as t
from . import cues
from .cues import acts_for
from .demands import long_past, same_act_demanded
from .told_alone import ULTIMATUM_GROUP
from ..dates import end_date
from .match import content_words
from . import refer
from .acts import shared_score
from .dues import new_due, shift_days
from .near_due import due_near, report_range
from .owed import owed_later
from .refer import WINDOW_DAYS, reference
from .sentences import named_ids, sentence_around, sentences_of, split_sentences
from .tables import (actor_infos, fetch_rows, in_ids, latest_links, members, recent_commitments, sides_of,
                     track_article_actors, track_links, track_named_actors)

CANDIDATES = 60
BACKWARD = 20
THREADS = 8
ABOUT = ":about:"


def about_id(article: str, thread: str) -> str:
    return f"{article}{ABOUT}{thread}"


def is_about(record_id: str) -> bool:
    return ABOUT in record_id


def _root_id(conn, thread: str) -> str:
    """The thread's earliest record (by date, then id), as thread_view takes it: the thread's id
    unless an earlier report joined it later (articles ingested out of order)."""
    rows = [l for l in members(conn, "commitment", thread) if not is_about(l["record_id"])]
    if not rows:
        return thread
    return min(rows, key=lambda l: (l["date"] or "", l["record_id"]))["record_id"]


def _thread_commitment(conn, thread: str) -> Optional[dict]:
    """The thread's first record, with the latest due date its evidence gave."""
    row = conn.execute(select(t.commitments).where(t.commitments.c.id == thread)).mappings().first()
    L = track_links.c
    # One descent of an index each (migrations 0015 and 0013), not a pass over the thread's link rows,
    # which grow with each repeat of the story: its earliest date (only a report dated before the
    # thread's own can be its root, so the members need reading only then), the latest due an extension gave.
    mine = (L.thread == thread) & (L.record_kind == "commitment")
    later = conn.execute(select(func.max(L.due)).where(mine, L.stance == "extended")).scalar()
    if row is not None and row["date"]:
        first = conn.execute(select(L.date).where(mine, L.date.is_not(None)).order_by(L.date).limit(1)).scalar()
        if first and first < row["date"]:
            root = _root_id(conn, thread)
            if root != thread:
                row = conn.execute(select(t.commitments).where(t.commitments.c.id == root)).mappings().first()
    if row is None:
        return None
    root = row["id"]
    c = dict(row)
    if later and (not c.get("due") or later > c["due"]):
        c["due"] = later
    if len(content_words(c.get("content") or "")) >= 2:
        return c
    ev = t.commitment_evidence.c
    span = conn.execute(select(ev.span_start, ev.span_end).where(ev.commitment == root)
                        .order_by(ev.position).limit(1)).first()
    if span is not None and span.span_start is not None:
        text = conn.execute(select(t.articles.c.text).where(t.articles.c.id == c["article"])).scalar() or ""
        c["context"] = sentence_around(text, span.span_start, span.span_end)
    return c


def candidate_threads(conn, actors: set[str], aid: str, date: Optional[str],
                      words: Optional[frozenset] = None, expand: bool = True) -> list[str]:
    """Threads of commitments on the side of these actors (as holder or counterparty), made within
    the window before `date` or due near it (near_due.py): indexed range reads of at most CANDIDATES rows.
    With `words` (the article's content words), only commitments that share some of them (or whose
    content is too short to tell) are kept, best first, at most THREADS threads: what refer.py then
    reads in full stays bounded however many commitments a side has. `expand=False`: `actors` are the
    sides already (no country's every actor)."""
    sides = sides_of(conn, actors) if expand else set(actors)
    if not sides or not date:
        return []
    lo = shift_days(date, -WINDOW_DAYS)
    rows: dict[str, tuple] = {}
    for col in ("holder", "counterparty"):
        for cid, content, made in recent_commitments(conn, col, sides, lo, date, aid, CANDIDATES):
            rows[cid] = (content, made)
    for cid, content, made in due_near(conn, sides, date, aid, CANDIDATES):     # made earlier, due now
        rows[cid] = (content, made)
    rank: dict[str, tuple] = {}
    for cid, (content, made) in rows.items():
        if words is None:
            rank[cid] = (0.0, made or "")
            continue
        cw = content_words(content or "")
        score = shared_score(cw, words) if len(cw) >= 2 else 1.0
        if score >= 1.0:
            rank[cid] = (score, made or "")
    links = latest_links(conn, "commitment", list(rank))
    best: dict[str, tuple] = {}
    for cid, l in links.items():
        if l["action"] == "link" and (l["thread"] not in best or rank[cid] > best[l["thread"]]):
            best[l["thread"]] = rank[cid]
    ordered = sorted(best, key=lambda th: (-best[th][0], tuple(-ord(ch) for ch in best[th][1]), th))
    return sorted(ordered[:THREADS] if words is not None else ordered)


def restated_thread(conn, c: dict, sides: set[str], aid: str, date: Optional[str]) -> Optional[str]:
    """The thread whose commitment the new record `c` (of article `aid`, dated `date`) says again in
    other words (refer.restates), among the candidate threads of its holder's `sides` (tables.same_side_ids)
    that share its words: the newest such, else None."""
    if not c.get("holder") or not date:
        return None
    threads = candidate_threads(conn, sides, aid, date, content_words(c.get("content") or ""), expand=False)
    rows = {th: _thread_commitment(conn, th) for th in threads}
    need = {c["holder"], c.get("counterparty")}
    for r in rows.values():
        if r:
            need |= {r["holder"], r.get("counterparty")}
    infos = actor_infos(conn, {x for x in need if x})
    fits = [(r.get("date") or "", th) for th, r in rows.items()
            if r is not None and r["article"] != aid and refer.restates(c, r, infos, date)]
    return max(fits)[1] if fits else None


def extended_thread(conn, record: dict, c: dict, sides: set[str], aid: str, date: Optional[str]) -> Optional[str]:
    """The one running deadline that the new record `c` (of article `aid`, dated `date`) gives more time on, told
    as a deadline of its own ("Ofgem will allow Ovo Energy until the end of March to file its recapitalisation
    proposal", days before the Feb. 24 deadline to submit a capital plan): an ultimatum, deadline or threat of the
    holder's `sides` to the same counterparty, whose evidence sentence says more time (cues "extended") to do an act
    of the same family (demands.same_act_demanded), and exactly one thread of those sides, in the ultimatum group,
    to that counterparty, made before it, not settled, within EXTENDED_BEFORE_DAYS of its due or just run out
    (demands.long_past), due before the new due. Read among the candidate threads of its sides (bounded lookups)."""
    ev = c.get("evidence") or []
    text = (record.get("article") or {}).get("text") or ""
    if (c.get("kind") or "") not in ULTIMATUM_GROUP or not c.get("counterparty") or not c.get("due") or not date \
            or not ev or not text:
        return None
    sentence = sentence_around(text, ev[0][0], ev[0][1])
    if "extended" not in cues.status_cues(sentence):
        return None
    rows = {th: _thread_commitment(conn, th) for th in candidate_threads(conn, sides, aid, date, expand=False)}
    rows = {th: r for th, r in rows.items() if r is not None and r["article"] != aid}
    infos = actor_infos(conn, {x for r in list(rows.values()) + [c] for x in (r["holder"], r.get("counterparty")) if x})
    fits = [th for th, r in rows.items()
            if (r.get("kind") or "") in ULTIMATUM_GROUP and (r.get("status") or "open") not in _SETTLED
            and refer.on_side(c["holder"], r["holder"], infos) and r.get("counterparty")
            and refer.on_side(c["counterparty"], r["counterparty"], infos) and r.get("due")
            and (end_date(r["due"]) or "") < (end_date(c["due"]) or "") and (r.get("date") or "") < date
            and not long_past(r["due"], date) and shift_days(end_date(r["due"]), -EXTENDED_BEFORE_DAYS) <= date
            and same_act_demanded(sentence, r)]
    return fits[0] if len(fits) == 1 else None


_SETTLED = ("met", "withdrawn", "denied")
# How long before its due date a deadline is given more time (days): as the date draws near; a deadline of the same
# sides set months before the first runs out is another demand ("a second ruling against the legislature").
EXTENDED_BEFORE_DAYS = 31


def _current_about(conn, aid: str) -> dict[str, dict]:
    """thread -> this article's about-link in force."""
    L = track_links.c
    ids = list(conn.execute(select(L.record_id).where(L.article == aid, L.record_id.like(f"{aid}{ABOUT}%"))).scalars())
    return {l["thread"]: l for l in latest_links(conn, "commitment", ids).values() if l["action"] == "link"}


def _record_threads(conn, aid: str) -> dict[str, str]:
    """thread -> the stance of this article's own commitment record linked into it."""
    L = track_links.c
    ids = [r for r in conn.execute(select(L.record_id).where(L.article == aid, L.record_kind == "commitment")).scalars()
           if not is_about(r)]
    return {l["thread"]: l["stance"] for l in latest_links(conn, "commitment", ids).values() if l["action"] == "link"}


# Stances that settle nothing: a report making a new commitment of the same side does not take them to an older one.
_WEAK = ("mention", "confirm", "unconfirmed")


def _own_records(conn, aid: str) -> list:
    """The article's own commitment records, read once per article: (id, holder, counterparty, content, due,
    status), one row per evidence span (evidence, span_start, span_end), or one with evidence None."""
    c_, ev = t.commitments.c, t.commitment_evidence.c
    return conn.execute(select(c_.id, c_.holder, c_.counterparty, c_.content, c_.due, c_.status,
                               ev.position.label("evidence"), ev.span_start, ev.span_end)
                        .outerjoin(t.commitment_evidence, ev.commitment == c_.id).where(c_.article == aid)).all()


def _sides(rows) -> set[str]:
    return {x for r in rows for x in (r.holder, r.counterparty) if x}


def _opened_sides(rows, aid: str, own: dict[str, str]) -> set[str]:
    """Holders and counterparties of the commitments whose first report is article `aid` (the threads
    its own records opened), among its records `rows`."""
    opened = {th for th in own if th.startswith(aid + ":") and not is_about(th)}
    return _sides(r for r in rows if r.id in opened)


def link_references(conn, record: dict, aid: str, date: Optional[str], threads: Optional[list[str]] = None,
                    add_link=None, split: Optional[list] = None) -> set[str]:
    """Link article `aid` (its stored `record`) to the threads it reports on; returns those threads.
    `threads`: the threads to try (default: candidate_threads of the article's actors); `split`: the
    record's text in sentences (sentences.split_sentences), when the caller has it."""
    actors = {a["id"] for a in record.get("actors") or []}
    sents = sentences_of(record, split)
    if threads is None:
        actors |= known_named(conn, record)
        threads = candidate_threads(conn, actors, aid, date, frozenset().union(*(s.words for s in sents)))
    if not threads:
        return set()
    done = _current_about(conn, aid)
    own = _record_threads(conn, aid)
    rows = {th: _thread_commitment(conn, th) for th in threads if th not in done}
    records = _own_records(conn, aid)
    fresh = _opened_sides(records, aid, own)
    need = set(actors) | _sides(records)     # (the opened ones, `fresh`, among them)
    for c in rows.values():
        if c:
            need |= {c["holder"], c.get("counterparty")}
    infos = actor_infos(conn, need)
    refs: dict[str, refer.Reference] = {}
    for th, c in sorted(rows.items()):
        if c is None or c["article"] == aid:
            continue
        ref = reference(c, record, infos, date=date, sents=sents)
        if ref is None:
            continue
        if th in own and ref.stance in ("mention", "confirm", own[th]):
            continue        # its own record already says as much
        if ref.stance in _WEAK and any(refer.on_side(x, side, infos) for x in fresh
                                       for side in (c["holder"], c.get("counterparty")) if side):
            continue        # it reports a new commitment of the holder's side ("agreed on Friday to set up a
                            # working group", a second order of the judge): an older one named in passing, or
                            # a "declined to comment" beside it, is not what it reports on
        refs[th] = ref
    explaining = _explaining(records, done, refs, date)
    affected: set[str] = set()
    for th, ref in sorted(refs.items()):
        if _explained_elsewhere(th, rows[th], ref, explaining, infos):
            continue
        add_link(conn, "commitment", about_id(aid, th), th, stance=ref.stance, article=aid, date=date,
                 span=ref.span, due=ref.due, score=ref.score, note=f"reports on {th} ({ref.score:.2f})")
        affected.add(th)
    return affected


# How much better another reading of the same sentence must score to take it from a commitment: two
# references that score alike may both hold ("Germany and France unveiled the package", of each one's pledge).
EXPLAINED_MARGIN = 0.2


def _explaining(records: list, done: dict[str, dict], refs: dict, date: Optional[str] = None) -> list[tuple]:
    """What else the article's sentences are read as: (thread, holder or None, score, span, told) for its
    references to other threads (those stored, `done`, and those found now, `refs`; told None), and its own
    commitment records (`records`, _own_records: those with evidence) with their holders (a record states its
    commitment in full: score 1.0; told: its {"date", "due", "stance"}, for owed.owed_later, when it names an
    act: two content words at least, what matching asks of a commitment said again; "the money the government
    promised them" names none)."""
    out = [(th, None, l["score"] or 0.0, (l["span_start"], l["span_end"]), None) for th, l in done.items()]
    out += [(th, None, r.score, r.span, None) for th, r in refs.items()]
    out += [(r.id, tuple(x for x in (r.holder, r.counterparty) if x), 1.0, (r.span_start, r.span_end),
             {"date": date, "due": r.due, "stance": "mention" if (r.status or "open") == "open" else r.status}
             if len(content_words(r.content or "")) >= 2 else None)
            for r in records if r.holder and r.evidence is not None]
    return out


def _explained_elsewhere(th: str, c: dict, ref, explaining: list[tuple], infos) -> bool:
    """The sentence a reference to thread `th` (commitment `c`) rests on is read better as something else:
    a report on another thread scoring EXPLAINED_MARGIN more, or a commitment the article states there whose
    holder and counterparty (where named) are parties on neither side of `c` ("A federal judge ordered the
    administration to restore the grants to Harvard" is the judge's order, not Harvard's pledge to pay its
    researchers). A follow-up reports on the commitment it is about and on nothing else."""
    if not ref.span:
        return False
    lo, hi = ref.span
    sides = [x for x in (c["holder"], c.get("counterparty")) if x]
    for other, parties, score, span, told in explaining:
        if other == th or not span or span[0] is None or not (span[0] < hi and lo < span[1]):
            continue
        if told is not None and refer.on_side(parties[0], c["holder"], infos) and owed_later(c, told):
            return True     # the holder's new commitment, owed by a later due after this one stopped being owed
                            # ("will impose duties ... if the US does not remove its new tariffs by November 30",
                            # months after the March ultimatum was met): what the sentence tells, not this one's fate
        if parties is not None:
            if ref.score < 1.0 and all(refer.is_party(x, infos) for x in parties) and not any(
                    refer.on_side(x, side, infos) for x in parties for side in sides):
                return True
        elif score >= ref.score + EXPLAINED_MARGIN:
            return True
    return False


def later_articles(conn, c: dict, aid: str) -> list[str]:
    """Stored articles after commitment `c` that name its holder or the holder's country, within the
    window: the newest BACKWARD of each, read by (actor, date)."""
    if not c.get("holder") or not c.get("date"):
        return []
    a = t.actors.c
    # the sides the forward lookup (candidate_threads) meets it through: holder and counterparty, a
    # person's or agency's country, the bodies acting for one another (cues.acts_for)
    sides = {x for x in (c["holder"], c.get("counterparty")) if x}
    bodies = acts_for()
    sides |= {b for b, whole in bodies.items() if whole in sides} | {bodies[x] for x in sides if x in bodies}
    for row in conn.execute(select(a.type, a.country).where(a.id.in_(sorted(sides)))).all():
        if row.country and row.type != "country":
            sides |= set(conn.execute(select(a.id).where(a.country == row.country, a.type == "country")).scalars())
    T = track_article_actors.c
    hi = shift_days(c["date"], WINDOW_DAYS)
    complete_actors(conn, sides)
    out: list[str] = []
    # the window after it was made, and the reports near its due date past that window (near_due.py)
    spans = [(c["date"], hi)]
    near = report_range(c.get("due"))
    if near and near[1] > hi:
        spans.append((max(near[0], shift_days(hi, 1), c["date"]), near[1]))
    for side in sorted(sides):      # one bounded range read per actor and span
        for lo, top in spans:
            q = (select(T.article).where(T.actor == side, T.date >= lo, T.date <= top, T.article != aid)
                 .order_by(T.date.desc()).limit(BACKWARD))
            out += list(conn.execute(q).scalars())
    # a country's ministries and agencies speak for it ("the farm ministry said" of Japan's promise), as
    # the forward lookup (_sides) reads them: one bounded read over the government actors of its country
    countries = sorted(set(conn.execute(select(a.country).where(a.id.in_(sorted(sides)), a.type == "country",
                                                               a.country.is_not(None))).scalars()))
    if countries:
        complete_actors(conn, conn.execute(select(a.id).where(a.country.in_(countries), a.type == "government"))
                        .scalars())
        for lo, top in spans:
            q = (select(T.article).join(t.actors, t.actors.c.id == T.actor)
                 .where(a.country.in_(countries), a.type == "government", T.date >= lo, T.date <= top,
                        T.article != aid).order_by(T.date.desc()).limit(BACKWARD))
            out += list(conn.execute(q).scalars())
    return sorted(set(out))


def known_named(conn, record: dict) -> set[str]:
    """Stored actors the article names by capitalized words though its extraction did not find them
    (one indexed read of the actors table)."""
    ids = named_ids((record.get("article") or {}).get("text") or "") - {a["id"] for a in record.get("actors") or []}
    if not ids:
        return set()
    return set(conn.execute(select(t.actors.c.id).where(t.actors.c.id.in_(sorted(ids)))).scalars())


def note_actors(conn, record: dict, aid: str, date: Optional[str]) -> None:
    """Append this article's actors, and the ids its capitalized names may stand for (sentences.named_ids:
    an actor its extraction missed, which a commitment stored later may hold), to track_article_actors
    (what later_articles reads), so the order articles arrive in does not change what is linked. On
    SQLite only those a lookup has asked for (track_named_actors): complete_actors writes the rows of
    another from the stored articles when a lookup first asks for it."""
    if not date:
        return
    named = {x["id"] for x in record.get("actors") or []} | named_ids((record.get("article") or {}).get("text") or "")
    if _marked(conn):       # only the ids a lookup has asked for: the others' rows are written on demand
        named = _listed(conn, named)
    rows = [{"actor": a, "date": date, "article": aid} for a in sorted(named)]
    if rows:
        ins = (sqlite_dialect.insert if conn.dialect.name == "sqlite" else pg_dialect.insert)(track_article_actors)
        conn.execute(ins.on_conflict_do_nothing(index_elements=["actor", "date", "article"]), rows)


def _marked(conn) -> bool:
    """Whether track_article_actors keeps rows only for the ids of track_named_actors (SQLite, migration
    0017): one writer at a time, so no article naming an id is stored while its rows are completed."""
    return conn.dialect.name == "sqlite"


def _listed(conn, ids) -> set[str]:
    """Those of `ids` whose rows are complete (in track_named_actors), in one read."""
    cond, arg = in_ids(conn, "actor", sorted(ids))
    return {r[0] for r in fetch_rows(conn, f"SELECT actor FROM track_named_actors WHERE {cond}", (arg,))}


def complete_actors(conn, ids) -> None:
    """Make the track_article_actors rows of these ids complete before a lookup reads them: for an id not
    yet in track_named_actors, a row for each stored dated article naming it, as note_actors would have
    written (one of its actors, or named by capitalized words: sentences.named_ids of its text, the
    articles read through articles_fts, whose phrase match holds every text the words occur in); then
    the id is listed, and each later article adds its own row."""
    if not _marked(conn):
        return
    ids = sorted(set(ids))
    if not ids:
        return
    done = _listed(conn, ids)
    for x in ids:
        if x in done:
            continue
        rows = {(r[0], r[1]) for r in fetch_rows(
            conn, "SELECT a.id, a.date FROM article_actors aa JOIN articles a ON a.id = aa.article "
                  "WHERE aa.actor = ? AND a.date IS NOT NULL", (x,))}
        words = _WORDS.findall(x)
        if words:
            phrase = '"' + " ".join(words) + '"'
            rows |= {(r[0], r[1]) for r in fetch_rows(
                conn, "SELECT a.id, a.date, a.text FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
                      "WHERE articles_fts MATCH ? AND a.date IS NOT NULL", (phrase,)) if x in named_ids(r[2] or "")}
        ins = sqlite_dialect.insert(track_article_actors).on_conflict_do_nothing(
            index_elements=["actor", "date", "article"])
        if rows:
            conn.execute(ins, [{"actor": x, "date": d, "article": aid} for aid, d in sorted(rows)])
        conn.execute(sqlite_dialect.insert(track_named_actors).on_conflict_do_nothing(), [{"actor": x}])


_WORDS = re.compile(r"\w+")


def record_of(conn, aid: str) -> Optional[dict]:
    """The parts of a stored article's record that refer.py reads."""
    a = conn.execute(select(t.articles.c.id, t.articles.c.text, t.articles.c.date)
                     .where(t.articles.c.id == aid)).first()
    if a is None:
        return None
    aa, m = t.article_actors.c, t.mentions.c
    actors: dict[int, dict] = {}
    for r in conn.execute(select(aa.position, aa.actor).where(aa.article == aid)):
        actors[r.position] = {"id": r.actor, "mentions": []}
    for r in conn.execute(select(m.actor_position, m.span_start, m.span_end).where(m.article == aid)):
        if r.actor_position in actors and r.span_start is not None:
            actors[r.actor_position]["mentions"].append([r.span_start, r.span_end])
    tm = t.times.c
    times = [{"type": r.type, "value": r.value, "span": [r.span_start, r.span_end]}
             for r in conn.execute(select(tm.type, tm.value, tm.span_start, tm.span_end).where(tm.article == aid))]
    ev = t.events.c
    events = [{"code": r.code, "source": r.source, "target": r.target, "negated": r.negated,
               "hypothetical": r.hypothetical, "trigger": {"text": r.trigger_text, "span": [r.trigger_start, r.trigger_end]}}
              for r in conn.execute(select(ev.code, ev.source, ev.target, ev.negated, ev.hypothetical,
                                           ev.trigger_text, ev.trigger_start, ev.trigger_end).where(ev.article == aid))]
    st = t.statements.c
    statements = [{"kind": r.kind, "negated": r.negated, "speaker": r.speaker,
                   "content": {"span": [r.content_start, r.content_end]}}
                  for r in conn.execute(select(st.kind, st.negated, st.speaker, st.content_start, st.content_end)
                                        .where(st.article == aid))]
    cm = t.commitments.c     # its own commitments: a follow-up about another party's deadline is not this one's
    commitments = [{"kind": r.kind, "holder": r.holder, "counterparty": r.counterparty}
                   for r in conn.execute(select(cm.kind, cm.holder, cm.counterparty).where(cm.article == aid))]
    return {"article": {"id": aid, "text": a.text}, "actors": list(actors.values()), "times": times,
            "events": events, "statements": statements, "commitments": commitments, "date": a.date}


def link_backward(conn, threads: set[str], aid: str, add_link, after: Optional[str] = None) -> set[str]:
    """For threads this article opened: link the stored later articles that report on them. With `after`
    (a date), for threads this article moved the due of instead (link_after_extension): the stored articles
    dated after it."""
    affected: set[str] = set()
    for th in sorted(threads):
        c = _thread_commitment(conn, th)
        if c is None or (after is None and c["article"] != aid):
            continue
        words = content_words(c.get("content") or "") | content_words(c.get("context") or "")
        ids = later_articles(conn, c, aid)
        a_ = t.articles.c
        rows = conn.execute(select(a_.id, a_.text, a_.date).where(a_.id.in_(ids))).all() if ids else []
        texts = {r.id: r.text for r in rows if after is None or (r.date or "") > after}
        ids = [i for i in ids if i in texts]
        for other in ids:
            split = split_sentences(texts.get(other) or "")     # its words: those of the whole text
            if shared_score(words, frozenset().union(*(s.words for s in split))) < 1.0:
                continue        # shares too little with it to report on it: not read further
            rec = record_of(conn, other)
            if rec is not None:
                affected |= link_references(conn, rec, other, rec["date"], [th], add_link=add_link, split=split)
        now = _thread_commitment(conn, th) if th in affected else None
        if now is not None and now.get("due") != c.get("due"):
            # an extension among them moved the due date: the reports after it near the new one (near_due.py),
            # read as link_after_extension reads them when the extension comes in after its thread
            L = track_links.c
            last = conn.execute(select(func.max(L.date)).where(L.thread == th, L.record_kind == "commitment",
                                                               L.stance == "extended")).scalar()
            affected |= link_backward(conn, {th}, aid, add_link, after=last)
    return affected


def link_after_extension(conn, threads: set[str], aid: str, date: Optional[str], add_link) -> set[str]:
    """For threads whose due this article moved (an extension it reports, or its own record extending it):
    read again the stored articles dated after it that are not linked to the thread yet (articles ingested
    out of order), as they were read had they come after it: against the new due ("had been handed to
    wholesalers by Monday", the day the extension named)."""
    if not threads or not date:
        return set()
    L = track_links.c
    moved = set(conn.execute(select(L.thread).where(
        L.article == aid, L.record_kind == "commitment", L.stance == "extended", L.due.is_not(None),
        L.thread.in_(sorted(threads)))).scalars())
    return link_backward(conn, moved, aid, add_link, after=date) if moved else set()


def link_earlier(conn, threads: set[str], aid: str, add_link) -> set[str]:
    """For threads this article's records joined and now opens (it is earlier than the report that
    opened them: articles ingested out of order), read the thread's later member articles against
    it, as they were read had this article come first."""
    affected: set[str] = set()
    for th in sorted(threads):
        c = _thread_commitment(conn, th)
        if c is None or c["article"] != aid:
            continue
        rows = members(conn, "commitment", th)
        others = sorted({l["article"] for l in rows
                         if l["article"] and l["article"] != aid and not is_about(l["record_id"])})
        affected |= _redate_extensions(conn, c["id"], [l for l in rows if l["article"] != aid
                                                      and not is_about(l["record_id"])], add_link)
        for other in others:
            rec = record_of(conn, other)
            if rec is not None:
                affected |= link_references(conn, rec, other, rec["date"], [th], add_link=add_link)
    return affected


def _redate_extensions(conn, root: str, links: list[dict], add_link) -> set[str]:
    """Extensions stored before the commitment they extend (articles ingested out of order) had no
    due to add their amount to ("extended the deadline by 90 days"): now that the thread's first
    record is here, their new due is read again against its due (dues.new_due), as it was read had
    the commitment come first."""
    out: set[str] = set()
    ev = t.commitment_evidence.c
    # in the order they were reported, each against the due in force before it ("by two weeks", then
    # "by one week" more)
    for l in sorted(links, key=lambda l: (l["date"] or "", l["record_id"])):
        due = due_before(conn, l["thread"], l["date"]) if l["stance"] == "extended" else None
        if not due:
            continue
        span = conn.execute(select(ev.span_start, ev.span_end).where(ev.commitment == l["record_id"])
                            .order_by(ev.position.desc()).limit(1)).first()
        rec = record_of(conn, l["article"]) if span is not None and span.span_start is not None else None
        if rec is None:
            continue
        later = extension_due(rec, (span.span_start, span.span_end), due, rec["date"])
        if later and later != l["due"]:
            add_link(conn, "commitment", l["record_id"], l["thread"], stance="extended", article=l["article"],
                     date=l["date"], span=[span.span_start, span.span_end], due=later, score=l["score"],
                     note=f"extension read against {root} (due {later})")
            out.add(l["thread"])
    return out


def extension_due(record: dict, span: tuple[int, int], old_due: str, date: Optional[str]) -> Optional[str]:
    """The new due the sentences of an extension's evidence `span` give against the due they extend
    (dues.new_due: "extended the deadline by 90 days" adds the amount to `old_due`)."""
    sents = [x for x in sentences_of(record) if x.span[0] < span[1] and span[0] < x.span[1]]
    return new_due(sents, old_due, date) if sents else None


def due_before(conn, thread: str, date: Optional[str]) -> Optional[str]:
    """The thread's due in force before `date`: its first record's due, moved by the extensions reported
    before that day. What an extension reported on `date` adds to ("by 90 days"); a repeat of the same
    report, or one read out of order, reads the same base and so moves it once. None while the thread's
    first record is not dated before `date`."""
    c = _thread_commitment(conn, thread)
    if c is None or not date or not c.get("date") or c["date"] >= date:
        return None     # the commitment it extends is not stored yet (articles out of order): no base
    own = conn.execute(select(t.commitments.c.due).where(t.commitments.c.id == c["id"])).scalar()
    L = track_links.c
    later = conn.execute(select(func.max(L.due)).where(
        L.thread == thread, L.record_kind == "commitment", L.stance == "extended", L.date < date)).scalar() if date else None
    dues = [d for d in (own, later) if d]
    return max(dues) if dues else None
