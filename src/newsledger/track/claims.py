"""Linking a new article's statements to claims: each statement with a proposition joins the stored claim
that says most nearly the same about the same actors (a confirmation or denial also reaches a claim told
in other words, reaction_similarity), or opens a claim of its own; a referring reaction ("has not
confirmed these assurances") attaches to the claim it points back at. Statuses are replayed as for
commitments (track/status.py), folded when nothing can change (track/fold.py).

Called by track/linker.link_article, which also links the article's commitments.
"""
from __future__ import annotations

import re
from typing import Optional

from sqlalchemy import select, update

from ..store import codec
from ..store import schema as t
from ..lexicons.commitments import load_lexicon
from . import fold
from . import keys as index
from .match import ActorInfo, about_common_actor, actor_keys, claim_similarity, content_words, mentioned_in, stem
from .acts import shared_score
from .status import Evidence, replay_claim
from .tables import actor_infos, history_date, latest_threads, link_row, members, track_links

# How alike two contents must be to count as the same claim (match.similarity).
CLAIM_THRESHOLD = 0.5
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


def _relation(s: dict) -> Optional[str]:
    rel = _RELATION.get(s.get("kind"))
    if rel is None:
        return None
    if s.get("negated"):
        return "not-confirmed" if rel == "confirms" else None
    return rel


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


def link_claims(conn, record: dict, aid: str, date: Optional[str], known: set[str],
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
    twins: dict[str, str] = {}            # stored statement -> the claim a statement that says the same joins
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
        mentioned = mentioned_in(record, span) if span else set()
        words = _claim_words(content, mentioned, actors)
        referring = len(content_words(content)) <= 3 and _REFERRING.match(content)
        cand, lookup = None, None     # the candidates; the index lookup (actors, words) that finds them
        if not (rel != "supports" and referring) and len([w for w in words if not w.startswith("@")]) >= 2:
            keys = mentioned | set(s.get("about") or [])
            if strategy == "scan":
                cand = set().union(*(cand_by_actor.get(a, set()) for a in keys)) if keys else set()
            else:
                lookup = (keys & ids_in_article, {w for w in words if not w.startswith("@")})
        todo.append([s, sid, rel, content, span, words, referring, cand, lookup])
    asked = [x for x in todo if x[-1] is not None]
    for x, found in zip(asked, index.claim_candidates_all(conn, [x[-1] for x in asked], aid) if asked else ()):
        x[-2] = found               # every statement's lookup in one read
    _read_candidates(conn, set().union(*(x[-2] for x in todo if x[-2])), member, words_cache, actors, strategy)
    for s, sid, rel, content, span, words, referring, cand, lookup in todo:
        claim = None
        if rel != "supports" and referring:
            claim = _referent(content, s.get("speaker"), here)
        elif cand is not None:
            claim = _best_claim(conn, words, sorted(cand), member, words_cache, actors, strategy)
            if claim is None and rel in _REACTIONS:
                if strategy != "scan":
                    cand = index.claim_candidates(conn, *lookup, aid, at_least=1)
                claim = _best_claim(conn, words, sorted(cand), member, words_cache, actors, strategy,
                                    similarity=reaction_similarity)
        if claim is not None and cand and strategy != "scan":
            # a stored statement of its claim that says the same, keyed already (keys.index_statements)
            twins.update((x, claim) for x in [x for x in sorted(cand) if member.get(x) == {"thread": claim, "action": "link"}
                                               and words_cache.get(x) == words][:1])
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
        track_rows.append(link_row("claim", sid, claim, stance=rel, article=aid, date=date, span=span,
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
    index.index_statements(conn, [r["record_id"] for r in track_rows], article=aid,
                           claim_of={r["record_id"]: r["thread"] for r in track_rows}, twins=twins)
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
    member.update(latest_threads(conn, "claim", [c for c in cand if c not in member]))
    live = [sid for sid in cand if member.get(sid, {}).get("action") == "link"]
    (_stored_words if strategy == "scan" else _stored_words_in_content)(conn, live, cache, actors)


def _best_claim(conn, words, cand, member, cache, actors, strategy: str = "index",
                similarity=claim_similarity) -> Optional[str]:
    """The claim whose statements say most nearly the same, among claims about the same actors; of
    claims that score alike, the one with the smallest id (by claim, not by which of its statements the
    lookup returned: another set of candidates of the same claims gives the same answer)."""
    if not cand:
        return None
    _read_candidates(conn, cand, member, cache, actors, strategy)
    live = [sid for sid in cand if member.get(sid, {}).get("action") == "link"]
    best, best_score = None, 0.0
    for sid in live:
        score = similarity(words, cache[sid])
        thread = member[sid]["thread"]
        if score >= CLAIM_THRESHOLD and (score > best_score or (score == best_score and thread < best)):
            best, best_score = thread, score
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
    if not fold.FULL_REPLAY:
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
        date=history_date(conn, claim, last.get("date")),
        article=last.get("article"), span_start=span[0], span_end=span[1], note=last.get("note"),
        recorded_at=codec.now()))
    conn.execute(update(t.claims).where(t.claims.c.id == claim).values(status=view["status"]))
    if old is None:
        return None     # a new claim is not a status change
    return {"record_kind": "claim", "id": claim, "kind": "claim", "speaker": view["speaker"],
            "content": view["content"], "old": old, "new": view["status"], "article": aid}
