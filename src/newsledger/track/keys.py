"""Candidate lookup through an index: which stored records can match a new one, read by key.

Matching (match.py) only ever links records that share something countable:

- commitments: a holder on the same side and at least two content words (similarity under two shared
  words is at most 0.5, below the 0.6 threshold), or the referring case ("extended the deadline"),
  where one side's content only names the commitment;
- claims: an actor the stored statement is about or names in its content, among the new statement's
  actors, and at least three shared content words (claim_similarity is 0 below three).

So the tracker keeps `track_keys` (migration 0010): one row per (actor, content word) of every record it
has linked, and asks SQL for the records that reach those counts (`GROUP BY record_id HAVING
COUNT(DISTINCT word) >= n` over the index track_keys_near). Python then scores exactly those, as before;
records that share fewer keys would have scored 0, so the links made are the same as scanning every
stored record of those actors (linker.py keeps that scan as `strategy="scan"`, the reference the tests
compare against). What is read per new record depends on how many stored records share an actor and
a word with it, not on the size of the store.

A statement that joins a claim saying exactly what a keyed statement of that claim said (the same keys,
the same actors named in its content: the same story in another outlet) adds no keys: the keyed one is
found by every lookup that would find it, scores the same and leads to the same claim. So the index
grows by one set of keys per claim and wording, not per report (index_statements; rebuild keeps the
first of each wording per claim; unlinking keys the statements it moves, queries.unlink).

The index is derived data: `ensure_current` rebuilds it from track_links when the stored version
(`track_state.keys`) is not this code's KEYS_VERSION (a changed stop-word list or noun lexicon changes
the words), e.g. on the first link after migration 0010 in a store that already had links.
"""
from __future__ import annotations

import functools
import hashlib
import weakref
from collections import OrderedDict
from typing import Iterable, Optional

from sqlalchemy import delete, select, text
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from ..lexicons.commitments import load_lexicon
from ..store import schema as t
from .match import SETTLING_STANCES, content_words, is_referring, referred_kinds
from .tables import (UNION_SELECTS, fetch_rows, in_ids, latest_threads, over_union, sides_with, track_keys, track_links,
                     track_state, union_counts, union_rows)

REFERRING_KEY = "~ref"          # a commitment whose content only names it ("the deadline")
COMMITMENT_MIN_SHARED = 2       # match.similarity < 0.6 with fewer shared words
CLAIM_MIN_SHARED = 3            # match.claim_similarity == 0 with fewer shared words
# Candidates read per lookup, those sharing most words first: many stored reports of one proposition
# (the same wire story in many papers) need not all be read to find its thread.
MOST = 20
# Index entries read per (actor, word) and direction in time, the nearest first: what bounds a lookup
# however many stored records share a key (as many as MOST, the candidates a lookup returns, so that
# one key alone can still fill them). A record is only missed if, for every word it shares with the
# new one, NEAR other records of the same actor with that word lie nearer in time on its side: a
# follow-up reports on a recent commitment or claim, and a key that crowded is one the same story
# has been repeated under, whose nearer copies belong to the same thread (what the lookup is for).
NEAR = 20
_SCHEME = "2"                   # bump when what a key is changes (2: match.stem keeps "-us" whole)
_CHUNK = 500
_PG_LOCK_KEY = 0x6E6C_6B65_7973  # "nlkeys": one rebuild at a time on PostgreSQL


@functools.lru_cache(maxsize=1)
def keys_version() -> str:
    """Changes whenever the words a content reduces to may change (stop words, commitment nouns)."""
    lex = load_lexicon()
    h = hashlib.sha1(_SCHEME.encode())
    for w in sorted(map(repr, lex.link_stopwords)):
        h.update(b"s" + w.encode())
    for n in sorted(map(repr, lex.nouns)):
        h.update(b"n" + n.encode())
    for n in lex.nouns:
        h.update(repr((n, lex.nouns[n].get("kind"), sorted(lex.group_of(lex.nouns[n]["kind"])))).encode())
    return h.hexdigest()[:16]


def _insert(conn, rows: list[dict]) -> None:
    if not rows:
        return
    a = t.articles.c
    arts = sorted({r["article"] for r in rows})
    dates: dict[str, str] = {}
    for n in range(0, len(arts), _CHUNK):
        dates.update((i, d or "") for i, d in conn.execute(select(a.id, a.date).where(a.id.in_(arts[n:n + _CHUNK]))))
    for r in rows:
        r["date"] = dates.get(r["article"], "")
    ins = (sqlite_dialect.insert if conn.dialect.name == "sqlite" else pg_dialect.insert)(track_keys)
    # a record's article and date follow from its id: unique on these six is unique on (kind, actor, word, id)
    ins = ins.on_conflict_do_nothing(index_elements=["record_kind", "actor", "word", "date", "record_id", "article"])
    for n in range(0, len(rows), _CHUNK):
        conn.execute(ins, rows[n:n + _CHUNK])


# ---- writing keys ----------------------------------------------------------------------------

def commitment_words(content: Optional[str]) -> set[str]:
    words = set(content_words(content or ""))
    if is_referring(content or ""):
        words.add(REFERRING_KEY)
    return words


def index_commitments(conn, rows: Iterable[dict]) -> None:
    """Keys of commitments (dicts with id, article, holder, content); no holder, no keys."""
    out = []
    for r in rows:
        if r.get("holder"):
            out += [{"record_kind": "commitment", "actor": r["holder"], "word": w, "record_id": r["id"],
                     "article": r["article"]} for w in sorted(commitment_words(r.get("content")))]
    _insert(conn, out)


def _actor_parts(conn, sids: list[str], *, article: Optional[str] = None) -> tuple[dict, dict]:
    """(statement id -> the actors it is about (statement_about), statement id -> the actors it names
    inside its content (mentions))."""
    about: dict[str, set[str]] = {}
    named: dict[str, set[str]] = {}
    st, m, sa = t.statements.c, t.mentions.c, t.statement_about.c
    for n in range(0, len(sids), _CHUNK):
        chunk = sids[n:n + _CHUNK]
        q1 = select(sa.actor, st.id).join(t.statement_about, sa.statement == st.id).where(st.id.in_(chunk))
        q2 = select(m.actor, st.id).join(t.mentions, (m.article == st.article) & (m.span_start >= st.content_start)
                                         & (m.span_end <= st.content_end)).where(st.id.in_(chunk))
        if article is not None:
            q2 = q2.where(st.article == article, m.article == article)
        for q, out in ((q1, about), (q2, named)):
            for actor, sid in conn.execute(q):
                out.setdefault(sid, set()).add(actor)
    return about, named


def statement_actors(conn, sids: list[str], *, article: Optional[str] = None) -> dict[str, set[str]]:
    """statement id -> the actors it is about (statement_about) or names inside its content (mentions),
    the relation the scan's candidate query (claims._candidates) joins on."""
    about, named = _actor_parts(conn, sids, article=article)
    return {sid: about.get(sid, set()) | named.get(sid, set()) for sid in about.keys() | named.keys()}


# What a statement's keys say of it: its (actor, word) rows, and the actors it names in its content,
# which with its content words make its claim words (claims._claim_words), what it scores with.
Signature = tuple[frozenset, frozenset]


def _statement_keys(conn, sids: list[str], *, article: Optional[str] = None) -> dict[str, tuple[str, Signature]]:
    """statement id -> (its article, its signature), for the stored statements of `sids` with an actor."""
    about, named = _actor_parts(conn, sids, article=article)
    st = t.statements.c
    out = {}
    for n in range(0, len(sids), _CHUNK):
        for sid, aid, content in conn.execute(select(st.id, st.article, st.content_text).where(
                st.id.in_(sids[n:n + _CHUNK]))):
            who = about.get(sid, set()) | named.get(sid, set())
            if who:
                words = content_words(content or "")
                out[sid] = (aid, (frozenset((a, w) for a in who for w in words), frozenset(named.get(sid, ()))))
    return out


def _held(conn, sids: list[str]) -> dict[str, Signature]:
    """The signatures of stored statements found through the index: keyed, so keyed whole (a statement
    is keyed in full or not at all), each actor it is about or names in its content with each word."""
    sa = t.statement_about.c
    about: dict[str, set[str]] = {}
    for n in range(0, len(sids), _CHUNK):
        for actor, sid in conn.execute(select(sa.actor, sa.statement).where(sa.statement.in_(sids[n:n + _CHUNK]))):
            about.setdefault(sid, set()).add(actor)
    return {sid: (frozenset((a, w) for a in about.get(sid, set()) | named for w in words), frozenset(named))
            for sid, (words, named) in stored_content(conn, sids).items()}


def _key_rows(keyed: dict[str, tuple[str, Signature]]) -> list[dict]:
    rows = []
    for sid in sorted(keyed):
        aid, (pairs, _) = keyed[sid]
        rows += [{"record_kind": "claim", "actor": a, "word": w, "record_id": sid, "article": aid}
                 for a, w in sorted(pairs)]
    return rows


def _new_wordings(order: list[str], keyed: dict[str, tuple[str, Signature]], claim_of: dict[str, str],
                  held: set[tuple[str, Signature]]) -> dict[str, tuple[str, Signature]]:
    """Those of `keyed` (in the order of `order`) that say what no keyed statement of their claim says:
    `held` is the (claim, signature) of statements keyed already and grows by each one kept. One already
    held adds no keys: every lookup that would find it finds the keyed one, which scores the same against
    any statement and leads to the same claim (what linking and rebuild both ask)."""
    out = {}
    for sid in order:
        if sid in keyed:
            mark = (claim_of[sid], keyed[sid][1])
            if mark not in held:
                held.add(mark)
                out[sid] = keyed[sid]
    return out


def index_statements(conn, sids: list[str], *, article: Optional[str] = None,
                     claim_of: Optional[dict[str, str]] = None, twins: Optional[dict[str, str]] = None) -> None:
    """Keys of stored statements: every (actor, word) of each, read back from the store.

    `claim_of`: statement id -> the claim it joined; with it, a statement is not keyed when a keyed
    statement of its claim has exactly its signature (the same keys, the same actors named in its
    content; _new_wordings): those of `sids` before it, and `twins` (stored statement id -> its claim),
    statements of the claims joined found through the index with the same claim words. A story repeated
    by many outlets adds one set of keys, not one per copy (~120 rows an article).
    """
    sids = list(dict.fromkeys(sids))
    if not sids:
        return
    keyed = _statement_keys(conn, sids, article=article)
    if claim_of is not None:
        held = {(twins[x], sig) for x, sig in _held(conn, sorted(twins or {})).items()} if twins else set()
        keyed = _new_wordings(sids, keyed, claim_of, held)
    _insert(conn, _key_rows(keyed))


# ---- reading candidates ----------------------------------------------------------------------

def article_date(conn, aid: str) -> Optional[str]:
    """The article's date; the last one asked is kept on the connection (an article's row never
    changes), as every lookup of an article's records asks for it."""
    last = conn.info.get("newsledger_article_date")
    if last is not None and last[0] == aid:
        return last[1]
    date = conn.execute(select(t.articles.c.date).where(t.articles.c.id == aid)).scalar()
    conn.info["newsledger_article_date"] = (aid, date)
    return date


def nearest(sql: str, params: tuple, col: str, date: Optional[str], tie: str, undated: bool = False) -> list:
    """At most NEAR rows of `sql` (a SELECT ... WHERE ..., ? placeholders) nearest to `date` on each
    side of it, by `col` then `tie`: two range reads of an index that ends in (col, tie). Without a
    date, the NEAR latest; `undated`: also NEAR of those whose `col` is NULL."""
    if not date:
        out = [(f"{sql} ORDER BY {col} DESC, {tie} DESC LIMIT {NEAR}", params)]
    else:
        out = [(f"{sql} AND {col} <= ? ORDER BY {col} DESC, {tie} DESC LIMIT {NEAR}", params + (date,)),
               (f"{sql} AND {col} > ? ORDER BY {col}, {tie} LIMIT {NEAR}", params + (date,))]
    if undated and date:
        out.append((f"{sql} AND {col} IS NULL ORDER BY {tie} DESC LIMIT {NEAR}", params))
    return out


def candidate_query(kind: str, actors, words, aid: str, date: Optional[str] = None) -> list:
    """The bounded reads behind a lookup, as (SQL, parameters): for each (actor, word) of `actors` x
    `words`, the NEAR records of `kind` in other articles nearest to `date` before it and after it
    (tests run EXPLAIN QUERY PLAN on them). Each is one range read of track_keys_near (migration 0013; with
    the article, migration 0014, the index alone answers it)."""
    sql = "SELECT record_id, word FROM track_keys WHERE record_kind = ? AND actor = ? AND word = ? AND article <> ?"
    return [part for actor in sorted(actors) for word in sorted(words)
            for part in nearest(sql, (kind, actor, word, aid), "date", date, "record_id")]


def _sharing(conn, kind: str, actors, words, aid: str, at_least: int, date: Optional[str] = None) -> set[str]:
    """Records sharing at least `at_least` distinct words with `words` under one of `actors`, among those
    nearest in time for each key; the MOST that share most (ties: the greater id, as before)."""
    ok = [(n, rid) for rid, n in union_counts(conn, candidate_query(kind, actors, words, aid, date),
                                              "record_id", "word", at_least)]
    return {rid for _, rid in sorted(ok, reverse=True)[:MOST]}


def commitment_candidates(conn, new: dict, sides: set[str], aid: str, date: Optional[str] = None) -> list[dict]:
    """Stored commitments (whole rows) of the holder's side, in other articles, that can score at
    least the linker's threshold against `new`, among those nearest in time to `date` for each key."""
    ids: set[str] = set()
    date = date or article_date(conn, aid)
    words = content_words(new.get("content") or "")
    # a country's side is all its actors: only those with keys (or commitments) are read
    keyed = sides_with(conn, sides, "track_keys WHERE record_kind = 'commitment' AND actor = value")
    if len(words) >= COMMITMENT_MIN_SHARED:
        ids |= _sharing(conn, "commitment", keyed, words, aid, COMMITMENT_MIN_SHARED, date)
    if new.get("counterparty"):
        kinds = referred_kinds(new.get("content") or "")
        if kinds and (new.get("status") or "open") in SETTLING_STANCES:
            # "extended the deadline": same-side commitments of a kind the phrase can name, nearest in time
            sql = "SELECT id, counterparty FROM commitments WHERE holder = ? AND kind = ? AND article <> ?"
            holders = sides_with(conn, sides, "commitments WHERE holder = value")
            parts = [part for holder in holders for kind in sorted(kinds)
                     for part in nearest(sql, (holder, kind, aid), "date", date, "id", undated=True)]
            ids |= {cid for cid, cp in union_rows(conn, parts) if cp is not None}
        if not kinds:
            # stored follow-ups that only name the commitment may point back at this one
            sql = "SELECT record_id, word FROM track_keys WHERE record_kind = ? AND actor = ? AND word = ? AND article <> ?"
            parts = [part for actor in keyed
                     for part in nearest(sql, ("commitment", actor, REFERRING_KEY, aid), "date", date, "record_id")]
            ids |= {rid for rid, _ in union_rows(conn, parts)}
    if not ids:
        return []
    rows = []
    ordered = sorted(ids)
    for n in range(0, len(ordered), _CHUNK):
        rows += [dict(r) for r in conn.execute(select(t.commitments).where(
            t.commitments.c.id.in_(ordered[n:n + _CHUNK]))).mappings()]
    return rows


def claim_candidates(conn, actors: set[str], words: Iterable[str], aid: str, date: Optional[str] = None,
                     at_least: int = CLAIM_MIN_SHARED) -> set[str]:
    """Linked statements of other articles about (or naming) one of `actors` that share at least
    `at_least` content words (`words`: the new statement's, no actor keys), among those nearest
    in time to `date` for each key."""
    words = set(words)
    if not actors or len(words) < at_least:
        return set()
    return _sharing(conn, "claim", actors, words, aid, at_least, date or article_date(conn, aid))


def claim_candidates_all(conn, lookups: list[tuple[set[str], set[str]]], aid: str,
                         date: Optional[str] = None) -> list[set[str]]:
    """`claim_candidates` for each (actors, words) of `lookups` (an article's statements), counted by the
    database in as few statements as it takes (each lookup's reads tagged with its place): one round
    trip an article instead of one a statement."""
    date = date or article_date(conn, aid)
    sql = ("SELECT record_id, word, ? AS s FROM track_keys WHERE record_kind = ? AND actor = ? AND word = ? "
           "AND article <> ?")
    asked = [[part for a in sorted(actors) for w in sorted(words)
              for part in nearest(sql, (str(i), "claim", a, w, aid), "date", date, "record_id")]
             for i, (actors, words) in enumerate(lookups) if actors and len(words) >= CLAIM_MIN_SHARED]
    outer = ("SELECT s, record_id, COUNT(DISTINCT word) FROM ({}) AS u GROUP BY s, record_id "
             f"HAVING COUNT(DISTINCT word) >= {CLAIM_MIN_SHARED}")
    chunks: list[list] = []         # lookups whole, as many to a statement as it takes
    for parts in asked:
        if chunks and len(chunks[-1]) + len(parts) <= UNION_SELECTS:
            chunks[-1] += parts
        else:
            chunks.append(list(parts))
    found: dict[int, list] = {}
    for parts in chunks:
        rows = over_union(conn, parts, outer)
        if rows is None:            # one lookup too big for a statement: counted as before
            i = int(parts[0][1][0])
            rows = [(str(i), rid, n) for rid, n in union_counts(
                conn, [(q.replace(", ? AS s", "", 1), ps[1:]) for q, ps in parts], "record_id", "word",
                CLAIM_MIN_SHARED)]
        for i, rid, n in rows:
            found.setdefault(int(i), []).append((n, rid))
    return [{rid for _, rid in sorted(found.get(i, []), reverse=True)[:MOST]} for i in range(len(lookups))]


# Per database: a stored statement's content words and the actors named in its content, which never
# change once it is stored (an article is stored once and never replaced). The recent ones are the
# candidates of the next articles, so reading and re-parsing them each time is spared.
_CONTENT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CONTENT_MAX = 20000


def stored_content(conn, sids: list[str]) -> dict[str, tuple[frozenset, frozenset]]:
    """statement id -> (content words, actors named inside its content), for the statements stored."""
    memo = _CONTENT.setdefault(conn.engine, OrderedDict())
    out = {x: memo[x] for x in sids if x in memo}
    for x in out:
        memo.move_to_end(x)
    todo = [x for x in sids if x not in out]
    for n in range(0, len(todo), 500):
        # plain SQL on the DB-API cursor (tables.in_ids): an article's statements read up to keys.MOST
        # candidates each, and a Row per candidate and named actor cost more than the reads
        cond, arg = in_ids(conn, "st.id", todo[n:n + 500])
        rows = fetch_rows(conn, f"SELECT st.id, st.content_text FROM statements st WHERE {cond}", (arg,))
        named: dict[str, set[str]] = {}
        for sid, actor in fetch_rows(conn, "SELECT st.id, m.actor FROM statements st JOIN mentions m ON m.article = st.article"
                                 " AND m.span_start >= COALESCE(st.content_start, 0)"
                                 f" AND m.span_end <= COALESCE(st.content_end, 0) WHERE {cond}", (arg,)):
            named.setdefault(sid, set()).add(actor)
        for sid, content in rows:
            out[sid] = memo[sid] = (content_words(content or ""), frozenset(named.get(sid, ())))
    while len(memo) > _CONTENT_MAX:
        memo.popitem(last=False)
    return out


# ---- keeping the index current ------------------------------------------------------------------

def ensure_current(conn) -> bool:
    """Rebuild the index if it was built by other code (or never); True when it rebuilt."""
    want = keys_version()
    S = track_state.c
    have = conn.execute(select(S.value).where(S.name == "keys")).scalar()
    if have == want:
        return False
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        if conn.execute(select(S.value).where(S.name == "keys")).scalar() == want:
            return False
    rebuild(conn)
    conn.execute(delete(track_state).where(S.name == "keys"))
    conn.execute(track_state.insert().values(name="keys", value=want))
    return True


def rebuild(conn) -> None:
    """Every tracked record's keys, from track_links and the stored records."""
    conn.execute(delete(track_keys))
    L = track_links.c
    c_ = t.commitments.c
    cids = sorted(set(conn.execute(select(L.record_id).where(L.record_kind == "commitment")).scalars()))
    for n in range(0, len(cids), _CHUNK):
        index_commitments(conn, [dict(r) for r in conn.execute(select(
            c_.id, c_.article, c_.holder, c_.content).where(c_.id.in_(cids[n:n + _CHUNK]))).mappings()])
    # statements in the order they were linked; one key set per signature and claim, as linking writes
    first: dict[str, int] = {}
    for sid, seq in conn.execute(select(L.record_id, L.seq).where(L.record_kind == "claim").order_by(L.seq)):
        first.setdefault(sid, seq)
    sids = sorted(first, key=first.get)
    threads = latest_threads(conn, "claim", sids)
    claim_of = {sid: threads[sid]["thread"] for sid in sids}
    held: set[tuple[str, Signature]] = set()
    for n in range(0, len(sids), _CHUNK):
        chunk = sids[n:n + _CHUNK]
        _insert(conn, _key_rows(_new_wordings(chunk, _statement_keys(conn, chunk), claim_of, held)))
