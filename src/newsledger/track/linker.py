"""Linking on ingest: match a new article's commitments and statements to tracked ones.

`link_article(store, record)` runs after `Store.add(record)`. Each commitment joins the tracked
commitment (thread) it matches best — same holder side, compatible kind and counterparty, similar
content — or opens a new one; each statement with a proposition joins a claim or opens one. Links
are rows appended to `track_links`; statuses are then replayed from all evidence (track/status.py)
and every change is appended to `history`. A thread the article only mentions again, and a claim
whose status its new relation cannot move, are not replayed: the replay would give the same status,
and replaying a thread reads all its reports, which grow with the store. Nothing is overwritten but the cached `status` columns.

Candidates are found through the key index (track/keys.py, table track_keys): only stored records
that share an actor and enough content words with the new one are read and scored, so what linking
reads depends on how many stored records say nearly the same thing, not on how many are stored
(bench/writer.py measures it). `strategy="scan"` reads every stored commitment of
the holder's side and every statement about the article's actors instead (the code before the index);
it links exactly the same and is kept as the reference for tests and bench/writer.py.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from sqlalchemy import func, select, update

from ..store import codec
from ..store import schema as t
from ..store.engine import WRITE
from ..lexicons.commitments import load_lexicon
from . import fold, followups
from . import keys as index
from .match import (REFERRING_SCORE, ActorInfo, about_common_actor, actor_keys, claim_similarity,
                    commitment_score, content_words, stem)
from .refer import shared_score
from .status import Evidence, is_overdue, replay_claim, replay_commitment, stance_of
from .tables import (actor_infos, engine_of, latest_links, members, same_side_ids, sides_with, sorts_before,
                     track_links, union_rows)

# How alike two contents must be to count as the same commitment or claim (match.similarity).
COMMITMENT_THRESHOLD = 0.6
CLAIM_THRESHOLD = 0.5
# True: refresh statuses by replaying all evidence of a thread (the reference the tests compare the
# folded refresh against); False: through fold.py, reading only what was added since.
FULL_REPLAY = False

# Statement kinds -> how they bear on a claim (negated confirmation: "has not confirmed").
_RELATION = {"claim": "supports", "assertion": "supports", "accusation": "supports",
             "warning": "supports", "confirmation": "confirms", "denial": "denies",
             "rejection": "disputes", "criticism": "disputes"}
# Relations that answer an earlier claim: a confirmation or a denial tells the claim in its own words
# ("Budapest gave Serbia no guarantee on gas supplies" to "Hungary guaranteed Serbia gas deliveries"),
# so it reaches the claim as a follow-up reaches a commitment (reaction_similarity).
_REACTIONS = {"confirms", "denies", "disputes", "not-confirmed"}
# Relations that only ever attach to an existing claim (a rejected proposal is not a proposition).
_ATTACH_ONLY = {"disputes", "not-confirmed"}
_REFERRING = re.compile(r"^\s*(?:these|this|that|those|such|the|it|its|their|his|her)\b", re.I)


def _record_dict(record: Any) -> dict:
    return record.to_dict() if hasattr(record, "to_dict") else record


STRATEGIES = ("index", "scan")


def link_article(store, record: Any, *, strategy: str = "index") -> list[dict]:
    """Link one stored article's records to earlier ones; returns the status changes it caused,
    each {"record_kind", "id", "kind", "holder", "content", "old", "new", "article"}.
    `strategy`: "index" (candidates through track_keys) or "scan" (the reference: every stored
    record of the same actors); both link the same."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
    record = _record_dict(record)
    aid = record["article"]["id"]
    engine = engine_of(store)
    with engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
        index.ensure_current(conn)
        date = conn.execute(select(t.articles.c.date).where(t.articles.c.id == aid)).scalar()
        known = {r.record_id for r in conn.execute(
            select(track_links.c.record_id).where(track_links.c.article == aid))}
        opened: set[str] = set()
        threads = _link_commitments(conn, record, aid, date, known, strategy, opened)
        # Follow-ups that report on a commitment without restating it (track/followups.py).
        threads |= followups.link_references(conn, record, aid, date, add_link=add_link)
        threads |= followups.link_backward(conn, opened, aid, add_link)
        threads |= followups.link_earlier(conn, threads - opened, aid, add_link)
        followups.note_actors(conn, record, aid, date)
        claims = _link_claims(conn, record, aid, date, known, strategy)
        threads -= _unmoved_threads(conn, aid, threads)
        changes = [refresh_commitment(conn, th, aid) for th in sorted(threads)]
        changes += [refresh_claim(conn, cl, aid) for cl in sorted(claims)]
    return [c for c in changes if c]


# ---- commitments ----------------------------------------------------------------------------

def _evidence_span(c: dict) -> Optional[list[int]]:
    ev = c.get("evidence") or []
    if not ev:
        return None
    return ev[-1] if c.get("status", "open") != "open" or len(ev) > 1 else ev[0]


def _link_row(kind: str, record_id: str, thread: str, *, stance: Optional[str], article: Optional[str],
              date: Optional[str], span, due: Optional[str] = None, score: Optional[float] = None,
              note: Optional[str] = None, action: str = "link") -> dict:
    s, e = (span[0], span[1]) if span else (None, None)
    return {"record_kind": kind, "record_id": record_id, "thread": thread, "action": action,
            "stance": stance, "article": article, "date": date, "span_start": s, "span_end": e,
            "due": due, "score": score, "note": note, "recorded_at": codec.now()}


def add_link(conn, kind: str, record_id: str, thread: str, **kw) -> None:
    """Record that `record_id` belongs to `thread` (the link table is append-only: the latest wins)."""
    conn.execute(track_links.insert(), [_link_row(kind, record_id, thread, **kw)])


def _open_unlinked(conn, sides: set[str], aid: str, member: dict) -> None:
    """Open a thread for each commitment of these holders stored before tracking existed (no link
    row at all), as the scan does when it meets one: among each holder's keys.NEAR commitments nearest
    in time to the article (those the index lookup could return), so it reads a bounded number."""
    c_, L = t.commitments.c, track_links.c
    day = index.article_date(conn, aid)
    sql = "SELECT id FROM commitments WHERE holder = ? AND article <> ?"
    holders = sides_with(conn, sides, "commitments WHERE holder = value")
    parts = [p for holder in holders for p in index.nearest(sql, (holder, aid), "date", day, "id", undated=True)]
    near = sorted({r[0] for r in union_rows(conn, parts)})
    if not near:
        return
    linked = select(L.seq).where(L.record_kind == "commitment", L.record_id == c_.id).exists()
    for r in conn.execute(select(t.commitments).where(c_.id.in_(near), ~linked)
                          .order_by(c_.holder, c_.article, c_.position)).mappings():
        r = dict(r)
        _open_thread(conn, r)
        member[r["id"]] = {"thread": r["id"], "action": "link"}


def _link_commitments(conn, record: dict, aid: str, date: Optional[str], known: set[str],
                      strategy: str = "index", opened: Optional[set] = None) -> set[str]:
    affected: set[str] = set()
    c_ = t.commitments.c
    member: dict[str, dict] = {}
    linked: list[dict] = []
    for pos, c in enumerate(record.get("commitments") or []):
        cid = codec.record_id(aid, "commitment", pos)
        if cid in known or not c.get("holder"):
            continue
        sides = same_side_ids(conn, c["holder"])
        if strategy == "scan":
            rows = [dict(r) for r in conn.execute(select(t.commitments).where(
                c_.holder.in_(sides), c_.article != aid)).mappings()]
        else:
            _open_unlinked(conn, sides, aid, member)
            rows = index.commitment_candidates(conn, c, sides, aid)
        actors = actor_infos(conn, {c["holder"], c.get("counterparty")} |
                             {r["holder"] for r in rows} | {r["counterparty"] for r in rows})
        member.update(latest_links(conn, "commitment", [r["id"] for r in rows if r["id"] not in member]))
        best: dict[str, float] = {}
        for r in rows:
            m = member.get(r["id"])
            if m is None:       # stored before tracking existed: it opens its own thread now
                _open_thread(conn, r)
                m = member[r["id"]] = {"thread": r["id"], "action": "link"}
            thread = m["thread"]
            score = commitment_score(c, r, actors)
            if score >= COMMITMENT_THRESHOLD and score > best.get(thread, 0):
                best[thread] = score
        stance = stance_of(c.get("status") or "open", len(c.get("evidence") or []))
        due = c.get("due") if stance == "extended" else None
        top = max(best.values(), default=0.0)
        if top == REFERRING_SCORE and sum(1 for v in best.values() if v == top) > 1:
            best = {}       # "the deadline" of two of Trump's ultimatums to Russia: ambiguous, not linked
        restated = None if best else followups.restated_thread(conn, c, sides, aid, date)
        if best:
            thread = min(best, key=lambda th: (-best[th], th))
            add_link(conn, "commitment", cid, thread, stance=stance, article=aid, date=date,
                      span=_evidence_span(c), due=due, score=round(best[thread], 3),
                      note=f"matched {thread} ({best[thread]:.2f})")
        elif restated is not None:
            # the same commitment said again in other words: evidence on it, not a new one; said by
            # its holder's side, it confirms it ("unconfirmed" until then)
            thread = restated
            add_link(conn, "commitment", cid, thread, stance="confirm" if stance == "mention" else stance,
                      article=aid, date=date, span=_evidence_span(c), due=due, score=COMMITMENT_THRESHOLD,
                      note=f"restates {thread}")
        else:
            thread = cid
            add_link(conn, "commitment", cid, cid, stance=stance, article=aid, date=date,
                      span=_evidence_span(c), due=due, score=1.0, note="first report")
            if opened is not None:
                opened.add(cid)
        member[cid] = {"thread": thread, "action": "link"}
        linked.append({"id": cid, "article": aid, "holder": c["holder"], "content": c.get("content")})
        affected.add(thread)
    index.index_commitments(conn, linked)
    return affected


def _open_thread(conn, row: dict) -> None:
    ev = [[e.span_start, e.span_end] for e in conn.execute(
        select(t.commitment_evidence).where(t.commitment_evidence.c.commitment == row["id"])
        .order_by(t.commitment_evidence.c.position))]
    c = {"status": row["status"] or "open", "evidence": ev}
    add_link(conn, "commitment", row["id"], row["id"], stance=stance_of(c["status"], len(ev)),
              article=row["article"], date=row["date"], span=_evidence_span(c),
              due=row["due"] if c["status"] == "extended" else None, score=1.0, note="first report")
    index.index_commitments(conn, [row])


def _unmoved_threads(conn, aid: str, threads: set[str]) -> set[str]:
    """Threads that article `aid` only mentioned, so that their replay cannot change: a mention never
    moves a status wherever it falls in the replay (status._next_commitment starts a thread as "open"),
    so a thread need not be replayed when each of the article's links into it is a mention, each of
    its records comes after the thread's first record (it cannot become the thread's root, whose due
    date the thread starts from), carries no due date or the first record's (then the first record must
    still be the root), and already has the thread's status cached. Any other link replays the thread."""
    if not threads:
        return set()
    L, c_ = track_links.c, t.commitments.c
    mine: dict[str, list] = {}
    for r in conn.execute(select(L.record_id, L.thread, L.stance, L.date).where(
            L.article == aid, L.record_kind == "commitment", L.thread.in_(sorted(threads)))):
        mine.setdefault(r.thread, []).append(r)
    firsts = latest_links(conn, "commitment", list(mine))
    ids = {r.record_id for rs in mine.values() for r in rs if not followups.is_about(r.record_id)} | set(mine)
    rows = {r.id: r for r in conn.execute(select(c_.id, c_.due, c_.status).where(c_.id.in_(sorted(ids))))}
    out: set[str] = set()
    for th, links in mine.items():
        first, head = firsts.get(th), rows.get(th)
        if first is None or head is None or first["thread"] != th or first["action"] != "link":
            continue
        key = (first["date"] or "", th)
        ok = True
        for l in links:
            if l.stance != "mention" or l.record_id == th:
                ok = False
            elif not followups.is_about(l.record_id):
                row = rows.get(l.record_id)
                ok = (row is not None and row.status == head.status and (l.date or "", l.record_id) > key
                      and (row.due is None or (row.due == head.due and not sorts_before(conn, th, key))))
            if not ok:
                break
        if ok:
            out.add(th)
    return out


def thread_view(conn, thread: str, as_of=None, links: Optional[list[dict]] = None) -> Optional[dict]:
    """A tracked commitment as SCHEMA.md fields + id, article, history (oldest first)."""
    links = members(conn, "commitment", thread) if links is None else links
    if not links:
        return None
    ids = [l["record_id"] for l in links if not followups.is_about(l["record_id"])]
    rows = {r["id"]: dict(r) for r in conn.execute(
        select(t.commitments).where(t.commitments.c.id.in_(ids))).mappings()}
    # a follow-up's about-link is evidence without a record of its own
    links = [l for l in links if l["record_id"] in rows or followups.is_about(l["record_id"])]
    if not any(l["record_id"] in rows for l in links):
        return None
    first = min((l for l in links if l["record_id"] in rows), key=lambda l: (l["date"] or "", l["record_id"]))
    root = rows[first["record_id"]]
    evidence = [Evidence(l["stance"] or "mention", l["date"], l["article"],
                         (l["span_start"], l["span_end"]) if l["span_start"] is not None else None,
                         l["record_id"], due=l["due"]) for l in links]
    due = root["due"]
    if due is None:
        due = next((rows[l.record]["due"] for l in sorted(evidence, key=lambda e: e.date or "")
                    if l.record in rows and rows[l.record]["due"]), None)
    rep = replay_commitment(evidence, due)
    ev_rows = conn.execute(select(t.commitment_evidence).where(
        t.commitment_evidence.c.commitment == root["id"]).order_by(t.commitment_evidence.c.position))
    counterparty = root["counterparty"] or next(
        (rows[l["record_id"]]["counterparty"] for l in sorted(links, key=lambda l: l["date"] or "")
         if l["record_id"] in rows and rows[l["record_id"]]["counterparty"]), None)
    return {
        "id": thread, "article": root["article"],
        "kind": root["kind"], "holder": root["holder"], "counterparty": counterparty,
        "content": root["content"], "conditions": root["conditions"], "due": rep.due,
        "status": rep.status, "overdue": is_overdue(rep.status, rep.due, as_of),
        "evidence": [[e.span_start, e.span_end] for e in ev_rows],
        "history": rep.history, "members": sorted(ids), "about": sorted(l["record_id"] for l in links
                                                                        if followups.is_about(l["record_id"])),
    }


def _history_date(conn, record_id: str, date: Optional[str]) -> Optional[str]:
    """The date for a new history row: the latest evidence's, but never before the record's newest
    row, since the store takes the latest row by date as the current status (an unlink or a late
    report changes the status now, whatever the date of the evidence)."""
    h = t.history.c
    newest = conn.execute(select(func.max(h.date)).where(h.record_id == record_id)).scalar()
    return max(d for d in (date, newest) if d) if (date or newest) else None


def refresh_commitment(conn, thread: str, aid: str) -> Optional[dict]:
    """Write the replayed status to every member's cached status, appending history where it changed.
    The status comes from the thread's folded steps (fold.py) when that shows it unchanged: then only
    the reports added since the last refresh can differ from it, and only those are read."""
    if not FULL_REPLAY and _refresh_folded(conn, thread):
        return None
    view = thread_view(conn, thread)
    if view is None:
        return None
    last = view["history"][-1] if view["history"] else {}
    old = conn.execute(select(t.commitments.c.status).where(t.commitments.c.id == thread)).scalar()
    # the members' cached statuses in one read: a thread of many reports costs one query, not one each
    current = {r.id: r.status for r in conn.execute(select(t.commitments.c.id, t.commitments.c.status)
                                                    .where(t.commitments.c.id.in_(view["members"])))}
    _write_members(conn, thread, [rid for rid in view["members"] if current.get(rid) != view["status"]],
                   view["status"], view["overdue"], last)
    if old == view["status"]:
        return None
    return {"record_kind": "commitment", "id": thread, "kind": view["kind"], "holder": view["holder"],
            "content": view["content"], "old": old, "new": view["status"], "article": aid}


def _write_members(conn, thread: str, rids: list[str], status: str, overdue: bool, last: dict) -> None:
    for rid in rids:
        span = last.get("span") or [None, None]
        conn.execute(t.history.insert().values(
            record_kind="commitment", record_id=rid, status=status,
            date=_history_date(conn, rid, last.get("date")),
            article=last.get("article"), span_start=span[0], span_end=span[1],
            note=f"tracked with {thread}: {last.get('note')}", recorded_at=codec.now()))
        conn.execute(update(t.commitments).where(t.commitments.c.id == rid).values(status=status, overdue=overdue))


def _refresh_folded(conn, thread: str) -> bool:
    """refresh_commitment through the fold, when the thread's status stays as cached: True when done
    (what the replay would write: history for the new reports whose cached status differs). Anything
    else (a changed status, a first report without a due date, a report without its record) is left to
    the replay of all evidence."""
    f, _ = fold.current(conn, "commitment", thread)
    c_ = t.commitments.c
    root = conn.execute(select(c_.due).where(c_.id == f.root)).first() if f.root else None
    rep = fold.replay("commitment", f.steps, root.due) if root is not None else None
    old = conn.execute(select(c_.status).where(c_.id == thread)).first()
    if rep is None or old is None or old.status != rep.status:
        return False
    ids = sorted({l["record_id"] for l in f.new if not followups.is_about(l["record_id"])})
    cached = {r.id: r.status for r in conn.execute(select(c_.id, c_.status).where(c_.id.in_(ids)))} if ids else {}
    if len(cached) != len(ids):
        return False
    differ = [rid for rid in ids if cached[rid] != rep.status]
    if differ and root.due is None:
        return False        # the due date may come from another report (thread_view): not folded
    _write_members(conn, thread, differ, rep.status, is_overdue(rep.status, rep.due), rep.history[-1])
    return True


# ---- claims ---------------------------------------------------------------------------------

def _relation(s: dict) -> Optional[str]:
    rel = _RELATION.get(s.get("kind"))
    if rel is None:
        return None
    if s.get("negated"):
        return "not-confirmed" if rel == "confirms" else None
    return rel


def _mentioned(record: dict, span) -> set[str]:
    lo, hi = span
    return {a["id"] for a in record.get("actors") or [] for s, e in a.get("mentions") or [] if lo <= s and e <= hi}


def _claim_words(text: str, actor_ids, actors: dict[str, ActorInfo]) -> frozenset[str]:
    return frozenset(content_words(text) | actor_keys(actor_ids, actors))


def _stored_words_in_content(conn, sids: list[str], cache: dict, actors: dict) -> None:
    """`_stored_words`, reading only the mentions inside each statement's content (a join in SQL)
    rather than every mention of its article: what the index strategy reads."""
    todo = [x for x in sids if x not in cache]
    found = index.stored_content(conn, todo)
    named = set().union(*(ids for _, ids in found.values())) if found else set()
    if named - actors.keys():
        actors.update(actor_infos(conn, named - actors.keys()))
    for sid, (words, ids) in found.items():
        cache[sid] = frozenset(words | actor_keys(ids, actors))
    for x in todo:
        cache.setdefault(x, frozenset())


def _stored_words(conn, sids: list[str], cache: dict, actors: dict) -> None:
    """Fill `cache` with the claim words of stored statements (content words + actors named in it)."""
    todo = [x for x in sids if x not in cache]
    st, m = t.statements.c, t.mentions.c
    for n in range(0, len(todo), 500):
        rows = [dict(r) for r in conn.execute(select(st.id, st.article, st.content_text, st.content_start,
                                                     st.content_end).where(st.id.in_(todo[n:n + 500]))).mappings()]
        by_article: dict[str, list] = {}
        for r in conn.execute(select(m.article, m.actor, m.span_start, m.span_end).where(
                m.article.in_({r["article"] for r in rows}))):
            by_article.setdefault(r.article, []).append(r)
        named = {x.actor for ms in by_article.values() for x in ms}
        actors.update(actor_infos(conn, named - actors.keys()))
        for r in rows:
            lo, hi = r["content_start"] or 0, r["content_end"] or 0
            ids = {x.actor for x in by_article.get(r["article"], []) if lo <= x.span_start and x.span_end <= hi}
            cache[r["id"]] = _claim_words(r["content_text"] or "", ids, actors)
    for x in todo:
        cache.setdefault(x, frozenset())


def _candidates(conn, actor_ids: set[str], aid: str) -> dict[str, set[str]]:
    """actor id -> statements of other articles about it (statement_about) or naming it in their content."""
    out: dict[str, set[str]] = {}
    if not actor_ids:
        return out
    st, m, sa = t.statements.c, t.mentions.c, t.statement_about.c
    q1 = select(sa.actor, st.id).join(t.statement_about, sa.statement == st.id).where(
        sa.actor.in_(actor_ids), st.article != aid)
    q2 = select(m.actor, st.id).join(t.mentions, (m.article == st.article) & (m.span_start >= st.content_start)
                                     & (m.span_end <= st.content_end)).where(m.actor.in_(actor_ids), st.article != aid)
    for q in (q1, q2):
        for actor, sid in conn.execute(q):
            out.setdefault(actor, set()).add(sid)
    return out


def _link_claims(conn, record: dict, aid: str, date: Optional[str], known: set[str],
                 strategy: str = "index") -> set[str]:
    """Returns the earlier claims this article added evidence to (new claims are settled here)."""
    affected: set[str] = set()
    opened: dict[str, list[Evidence]] = {}
    new_claims: dict[str, dict] = {}
    link_rows: list[dict] = []
    track_rows: list[dict] = []
    statements = record.get("statements") or []
    ids_in_article = {a["id"] for a in record.get("actors") or []}
    actors = actor_infos(conn, ids_in_article)
    cand_by_actor = _candidates(conn, ids_in_article, aid) if strategy == "scan" else {}
    member: dict[str, dict] = {}
    here: list[tuple] = []      # (claim, speaker, relation, content) of this article's statements so far
    words_cache: dict[str, frozenset[str]] = {}
    touched: dict[str, set[str]] = {}     # earlier claim -> relations this article adds to it
    # First what each statement is and which stored statements may be its claim; then what those are
    # (their threads and words) in one read for the whole article, not one per statement.
    todo = []
    for pos, s in enumerate(statements):
        sid = codec.record_id(aid, "statement", pos)
        rel = _relation(s)
        content = (s.get("content") or {}).get("text") or ""
        if rel is None or sid in known or not content.strip():
            continue
        span = (s.get("content") or {}).get("span")
        mentioned = _mentioned(record, span) if span else set()
        words = _claim_words(content, mentioned, actors)
        referring = len(content_words(content)) <= 3 and _REFERRING.match(content)
        cand, keys = None, set()
        if not (rel != "supports" and referring) and len([w for w in words if not w.startswith("@")]) >= 2:
            keys = mentioned | set(s.get("about") or [])
            if strategy == "scan":
                cand = set().union(*(cand_by_actor.get(a, set()) for a in keys)) if keys else set()
            else:
                cand = index.claim_candidates(conn, keys & ids_in_article,
                                              (w for w in words if not w.startswith("@")), aid)
        todo.append((s, sid, rel, content, span, words, referring, keys, cand))
    _read_candidates(conn, set().union(*(x[-1] for x in todo if x[-1])), member, words_cache, actors, strategy)
    for s, sid, rel, content, span, words, referring, keys, cand in todo:
        claim = None
        if rel != "supports" and referring:
            claim = _referent(content, s.get("speaker"), here)
        elif cand is not None:
            claim = _best_claim(conn, words, sorted(cand), member, words_cache, actors, strategy)
            if claim is None and rel in _REACTIONS:
                if strategy != "scan":
                    cand = index.claim_candidates(conn, keys & ids_in_article,
                                                  (w for w in words if not w.startswith("@")), aid, at_least=1)
                claim = _best_claim(conn, words, sorted(cand), member, words_cache, actors, strategy,
                                    similarity=reaction_similarity)
        if claim is None:
            if rel in _ATTACH_ONLY or referring:
                continue
            claim = "claim:" + sid
            new_claims[claim] = {"id": claim, "text": content, "speaker": s.get("speaker"), "status": None,
                                 "article": aid, "date": date, "note": "opened by " + sid}
            opened[claim] = []
        ss, se = span if span else (None, None)
        link_rows.append({"claim": claim, "statement": sid, "article": aid, "relation": rel,
                          "span_start": ss, "span_end": se, "date": date, "note": None})
        track_rows.append(_link_row("claim", sid, claim, stance=rel, article=aid, date=date, span=span,
                                    note=s.get("speaker")))
        member[sid] = {"thread": claim, "action": "link"}
        words_cache[sid] = words
        here.append((claim, s.get("speaker"), rel, content))
        if claim in opened:
            opened[claim].append(Evidence(rel, date, aid, tuple(span) if span else None, sid,
                                          speaker=s.get("speaker")))
        else:
            touched.setdefault(claim, set()).add(rel)
    affected |= _changed_claims(conn, touched)
    history_rows = []
    for claim, evidence in opened.items():       # all its evidence is in this article: no reads needed
        rep = replay_claim(evidence)
        last = rep.history[-1]
        span = last["span"] or [None, None]
        new_claims[claim]["status"] = rep.status
        history_rows.append({"record_kind": "claim", "record_id": claim, "status": rep.status, "date": date,
                             "article": aid, "span_start": span[0], "span_end": span[1],
                             "note": last["note"], "recorded_at": codec.now()})
    # One statement per table (executemany): row-by-row inserts cost more than the matching.
    for table, rows in ((t.claims, list(new_claims.values())), (t.claim_links, link_rows),
                        (track_links, track_rows), (t.history, history_rows)):
        if rows:
            conn.execute(table.insert(), rows)
    index.index_statements(conn, [r["record_id"] for r in track_rows], article=aid)
    return affected


def keeps_claim_status(status: Optional[str], relation: str) -> bool:
    """Whether evidence of `relation` leaves a claim of replayed `status` as it is, wherever it falls
    in the replay (status._next_claim): a denial settles a claim for good, support never moves it,
    and a confirmation or dispute only matters as the last of its kind, so one that repeats the
    status cannot change it; "has not confirmed" only moves a claim nobody confirmed or disputed."""
    if status is None:
        return False
    return (status == "denied" or relation == "supports"
            or (relation == "not-confirmed" and status != "claimed")
            or (relation == "confirms" and status == "confirmed")
            or (relation == "disputes" and status == "disputed"))


def _changed_claims(conn, touched: dict[str, set[str]]) -> set[str]:
    """The claims whose status the new relations may change: only those are replayed."""
    if not touched:
        return set()
    cached = {r.id: r.status for r in conn.execute(
        select(t.claims.c.id, t.claims.c.status).where(t.claims.c.id.in_(sorted(touched))))}
    return {c for c, rels in touched.items() if not all(keeps_claim_status(cached.get(c), r) for r in rels)}


# How much a confirmation or denial must share with a claim it answers in its own words (shared_score:
# two words and an act of the same family, "gave Serbia no guarantee on gas supplies" ~ "guaranteed
# Serbia deliveries of gas"); three words in common is the claim similarity already.
REACTION_SHARED = 2.5


def reaction_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """A reaction (words with "@actor" keys) and a claim: about a common actor, sharing at least one word
    outright and REACTION_SHARED counting act families; 0..1."""
    if (words := about_common_actor(a, b)) is None:
        return 0.0
    wa, wb = words
    if not wa & wb:
        return 0.0
    score = shared_score(wa, wb)
    return min(1.0, score / 5) if score >= REACTION_SHARED else 0.0


def _kind_groups(text: str) -> set[str]:
    """Commitment kinds the words of a phrase name ("these assurances" -> guarantee, pledge, promise)."""
    lex = load_lexicon()
    stems = {stem(n): n for n in lex.nouns}
    out: set[str] = set()
    for w in content_words(text):
        if w in stems:
            out |= lex.group_of(lex.nouns[stems[w]]["kind"])
    return out


def _referent(content: str, speaker: Optional[str], here: list[tuple]) -> Optional[str]:
    """The claim a referring phrase of another speaker points back at ("Moscow has not confirmed these
    assurances"): the latest proposition naming the same kind of thing, else the latest proposition."""
    earlier = [h for h in reversed(here) if h[1] != speaker and h[2] == "supports"]
    groups = _kind_groups(content)
    if groups:
        for claim, _, _, text in earlier:
            if _kind_groups(text) & groups:
                return claim
    return earlier[0][0] if earlier else None


def _read_candidates(conn, cand, member, cache, actors, strategy: str = "index") -> None:
    """Fill `member` (latest link) and `cache` (claim words of the linked ones) for stored statements."""
    cand = sorted(cand)
    member.update(latest_links(conn, "claim", [c for c in cand if c not in member]))
    live = [sid for sid in cand if member.get(sid, {}).get("action") == "link"]
    (_stored_words if strategy == "scan" else _stored_words_in_content)(conn, live, cache, actors)


def _best_claim(conn, words, cand, member, cache, actors, strategy: str = "index",
                similarity=claim_similarity) -> Optional[str]:
    """The claim whose statements say most nearly the same, among claims about the same actors."""
    if not cand:
        return None
    _read_candidates(conn, cand, member, cache, actors, strategy)
    live = [sid for sid in cand if member.get(sid, {}).get("action") == "link"]
    best, best_score = None, 0.0
    for sid in live:
        score = similarity(words, cache[sid])
        if score >= CLAIM_THRESHOLD and score > best_score:
            best, best_score = member[sid]["thread"], score
    return best


def claim_view(conn, claim: str, links: Optional[list[dict]] = None) -> Optional[dict]:
    row = conn.execute(select(t.claims).where(t.claims.c.id == claim)).mappings().first()
    if row is None:
        return None
    links = members(conn, "claim", claim) if links is None else links
    evidence = [Evidence(l["stance"], l["date"], l["article"],
                         (l["span_start"], l["span_end"]) if l["span_start"] is not None else None,
                         l["record_id"], speaker=l["note"]) for l in links]
    rep = replay_claim(evidence)
    by = {}
    for e in evidence:
        by.setdefault(e.stance, [])
        if e.speaker not in by[e.stance]:
            by[e.stance].append(e.speaker)
    return {"id": claim, "article": row["article"], "content": row["text"], "speaker": row["speaker"],
            "status": rep.status, "supporters": by.get("supports", []), "confirmers": by.get("confirms", []),
            "not_confirmed_by": by.get("not-confirmed", []), "disputers": by.get("disputes", []),
            "deniers": by.get("denies", []), "history": rep.history, "members": sorted(l["record_id"] for l in links)}


def refresh_claim(conn, claim: str, aid: str) -> Optional[dict]:
    """Write the claim's replayed status to its members, appending history where it changed. Its
    folded steps (fold.py) tell first whether the status changed at all: if not, nothing is written."""
    if not FULL_REPLAY:
        f, _ = fold.current(conn, "claim", claim)
        rep = fold.replay("claim", f.steps)
        row = conn.execute(select(t.claims.c.status).where(t.claims.c.id == claim)).first()
        if row is None or (rep is not None and row.status == rep.status):
            return None
    view = claim_view(conn, claim)
    if view is None:
        return None
    old = conn.execute(select(t.claims.c.status).where(t.claims.c.id == claim)).scalar()
    if old == view["status"]:
        return None
    last = view["history"][-1] if view["history"] else {}
    span = last.get("span") or [None, None]
    conn.execute(t.history.insert().values(
        record_kind="claim", record_id=claim, status=view["status"],
        date=_history_date(conn, claim, last.get("date")),
        article=last.get("article"), span_start=span[0], span_end=span[1], note=last.get("note"),
        recorded_at=codec.now()))
    conn.execute(update(t.claims).where(t.claims.c.id == claim).values(status=view["status"]))
    if old is None:
        return None     # a new claim is not a status change
    return {"record_kind": "claim", "id": claim, "kind": "claim", "speaker": view["speaker"],
            "content": view["content"], "old": old, "new": view["status"], "article": aid}
