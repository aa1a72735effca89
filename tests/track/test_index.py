"""The tracker's candidate index (track/keys.py, migration 0010): the same links as scanning every
stored record of the same actors, on SQLite and PostgreSQL, and candidates read through the index."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from newsledger import track
from newsledger.store import open_store
from newsledger.track import claims, fold, keys, linker, tables
from newsledger.track.match import content_words, mentioned_in
from newsledger.track.tables import latest_links, track_keys


def _copy(record: dict, article_id: str) -> dict:
    return {**record, "article": {**record["article"], "id": article_id}}


def _stream(seed_record, followup_records) -> list[dict]:
    """Our articles, then two more rounds of them under new ids: every later copy meets the earlier
    ones (same commitments and claims), as when a feed repeats stories."""
    base = [seed_record] + [followup_records[k] for k in sorted(followup_records)]
    out = list(base)
    for rep in range(2):
        out += [_copy(r, f"copy{rep}-{r['article']['id']}") for r in base]
    return out


def _run(url: str, records: list[dict], strategy: str) -> dict:
    """Ingest: the first article stored before tracking existed (never linked), the rest stored and
    linked; one unlink halfway. Returns everything linking writes, minus sequence numbers and clocks."""
    store = open_store(url)
    try:
        assert store.add(records[0])                         # stored, never linked: opened on demand
        changes = []
        for n, r in enumerate(records[1:], 1):
            assert store.add(r)
            changes.append(linker.link_article(store, r, strategy=strategy))
            if n == len(records) // 2:
                changes.append(track.unlink(store, "putin-understandings:c0"))
        with store.engine.connect() as conn:
            q = lambda sql: [tuple(r) for r in conn.execute(text(sql))]
            state = {
                "changes": changes,
                "track_links": q("SELECT record_kind, record_id, thread, action, stance, article, date, "
                                 "span_start, span_end, due, score, note FROM track_links ORDER BY seq"),
                "history": q("SELECT record_kind, record_id, status, date, article, span_start, span_end, note "
                             "FROM history ORDER BY seq"),
                "claims": q("SELECT id, text, speaker, status, article, date FROM claims ORDER BY id"),
                "claim_links": q("SELECT claim, statement, article, relation, span_start, span_end, date "
                                 "FROM claim_links ORDER BY seq"),
                "commitments": q("SELECT id, status, overdue FROM commitments ORDER BY id"),
            }
        state["list_commitments"] = track.list_commitments(store, as_of="2025-12-01")
        state["list_claims"] = track.list_claims(store)
        return state
    finally:
        store.close()


def _links_across_articles(state) -> int:
    """Links that joined a record to a thread opened by another article."""
    return sum(1 for kind, rid, thread, action, *_ in state["track_links"]
               if action == "link" and thread.removeprefix("claim:").split(":")[0] != rid.split(":")[0])


@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_index_links_exactly_as_the_scan(db, tmp_path, request, seed_record, followup_records):
    records = _stream(seed_record, followup_records)
    urls = {}
    for strategy in ("scan", "index"):
        urls[strategy] = (str(tmp_path / f"{strategy}.db") if db == "sqlite"
                          else request.getfixturevalue("pg_schema_url") if strategy == "scan"
                          else _second_schema(request))
    scan = _run(urls["scan"], records, "scan")
    index = _run(urls["index"], records, "index")
    assert _links_across_articles(scan) >= 20            # the stream really links across articles
    assert any(c for c in scan["changes"] if isinstance(c, list) and c)   # and changes statuses
    for key in scan:
        assert index[key] == scan[key], key


@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_folded_statuses_are_those_of_the_full_replay(db, tmp_path, request, monkeypatch, seed_record,
                                                      followup_records):
    """Statuses refreshed through the folded steps (track/fold.py) write exactly what replaying every
    report of a thread writes: the same history rows, statuses, changes and listings, unlink included."""
    records = _stream(seed_record, followup_records)
    states = {}
    for full in (True, False):
        monkeypatch.setattr(fold, "FULL_REPLAY", full)
        url = (str(tmp_path / f"full{full}.db") if db == "sqlite"
               else request.getfixturevalue("pg_schema_url") if full else _second_schema(request))
        states[full] = _run(url, records, "index")
    assert len(states[True]["history"]) > len(records)
    for key in states[True]:
        assert states[False][key] == states[True][key], key


def _second_schema(request):
    """A second fresh PostgreSQL schema (pg_schema_url gives one per test)."""
    import uuid
    pg_engine = request.getfixturevalue("pg_engine")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with pg_engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop():
        with pg_engine.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    request.addfinalizer(drop)
    url = pg_engine.url.set(drivername="postgresql").update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


@pytest.fixture
def linked_store(tmp_path, seed_record, followup_records):
    """A SQLite store with the whole stream ingested through the index."""
    records = _stream(seed_record, followup_records)
    store = open_store(str(tmp_path / "ledger.db"))
    for r in records:
        assert store.add(r)
        linker.link_article(store, r)
    yield store, records
    store.close()


def test_candidate_lookup_uses_the_index(linked_store):
    """Each read of a lookup is a range read of track_keys_near (migration 0013), nearest in time each
    way, bounded by keys.NEAR rows: nothing is sorted or scanned, however many records share the key."""
    store, records = linked_store
    parts = keys.candidate_query("claim", {"russia", "vladimir-putin"}, {"guarante", "secur", "ukrain"}, "x",
                                 "2025-08-20")
    assert len(parts) == 2 * 2 * 3
    with store.engine.connect() as conn:
        for sql, params in parts:
            assert f"LIMIT {keys.NEAR}" in sql
            plan = " | ".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
            assert "INDEX track_keys_near" in plan, plan
            assert "SCAN track_keys" not in plan and "TEMP B-TREE" not in plan, plan


def test_lookup_reads_the_nearest_in_time(linked_store, monkeypatch):
    """With the bound lowered to one record per key and direction, a lookup returns the records
    nearest in time to the new article on each side, not all that share the keys."""
    store, records = linked_store
    monkeypatch.setattr(keys, "NEAR", 1)
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT actor, word, COUNT(*) FROM track_keys WHERE record_kind = 'claim' "
                                "GROUP BY actor, word ORDER BY COUNT(*) DESC LIMIT 1")).first()
        assert row[2] >= 3
        dated = sorted(conn.execute(text("SELECT date, record_id FROM track_keys WHERE record_kind = 'claim' "
                                         "AND actor = :a AND word = :w"), {"a": row[0], "w": row[1]}).all())
        day = dated[len(dated) // 2][0]
        got = keys.union_rows(conn, keys.candidate_query("claim", {row[0]}, {row[1]}, "x", day))
    before = max(d for d in dated if d[0] <= day)
    after = [d for d in dated if d[0] > day]
    assert sorted(r[0] for r in got) == sorted([before[1]] + ([min(after)[1]] if after else []))


def test_index_reads_only_what_can_match(linked_store):
    """For the last article's statements and commitments: the index returns a subset of what the scan
    reads, smaller, and still every linked statement that shares enough words to be scored, or one of
    its claim that says the same."""
    store, records = linked_store
    last = records[-1]
    aid = last["article"]["id"]
    ids = {a["id"] for a in last.get("actors") or []}
    scanned = indexed = 0
    with store.engine.connect() as conn:
        by_actor = claims._candidates(conn, ids, aid)
        for pos, s in enumerate(last.get("statements") or []):
            content = (s.get("content") or {}).get("text") or ""
            span = (s.get("content") or {}).get("span")
            who = (mentioned_in(last, span) if span else set()) | set(s.get("about") or [])
            who &= ids
            if not who:
                continue
            scan = set().union(*(by_actor.get(a, set()) for a in who))
            got = keys.claim_candidates(conn, who, content_words(content), aid)
            assert got <= scan
            words = content_words(content)
            cache, actors = {}, {}
            claims._stored_words(conn, sorted(scan), cache, actors)
            live = {sid for sid, m in latest_links(conn, "claim", scan).items() if m["action"] == "link"}
            must = {sid for sid in live if len(words & {w for w in cache[sid] if not w.startswith("@")}) >= 3}
            # a statement that says what another of its claim said has no keys of its own: that one is read
            threads = latest_links(conn, "claim", scan)
            assert all(any(threads[x]["thread"] == threads[m]["thread"] and cache[x] == cache[m] for x in got)
                       for m in must - got)
            scanned += len(scan)
            indexed += len(got)
    assert 0 < indexed < scanned


def test_index_is_rebuilt_when_missing_or_stale(linked_store):
    store, records = linked_store
    with store.engine.begin() as conn:
        before = sorted(tuple(r) for r in conn.execute(track_keys.select()))
        assert before
        conn.execute(text("DELETE FROM track_keys"))
        conn.execute(text("UPDATE track_state SET value = 'stale' WHERE name = 'keys'"))
    extra = _copy(records[1], "after-rebuild")
    assert store.add(extra)
    linker.link_article(store, extra)
    with store.engine.connect() as conn:
        after = sorted(tuple(r) for r in conn.execute(track_keys.select()))
        state = conn.execute(text("SELECT value FROM track_state WHERE name = 'keys'")).scalar()
    assert state == keys.keys_version()
    # the rebuild keys what linking keyed: one set of keys per claim for statements that say the same
    assert {r for r in after if r[4] != "after-rebuild"} == set(before)
    assert {r for r in after if r[4] == "after-rebuild"}


def test_unknown_strategy_is_refused(linked_store):
    store, records = linked_store
    with pytest.raises(ValueError):
        linker.link_article(store, records[0], strategy="fast")


def test_one_read_for_an_article_is_each_lookup_alone(linked_store):
    """claim_candidates_all (an article's statements in one read, counted here) returns for each
    statement what claim_candidates returns for it alone."""
    store, records = linked_store
    asked = nonempty = 0
    with store.engine.connect() as conn:
        for rec in records[-4:]:
            aid = rec["article"]["id"]
            ids = {a["id"] for a in rec.get("actors") or []}
            lookups = []
            for s in rec.get("statements") or []:
                span = (s.get("content") or {}).get("span")
                who = ((mentioned_in(rec, span) if span else set()) | set(s.get("about") or [])) & ids
                lookups.append((who, content_words((s.get("content") or {}).get("text") or "")))
            lookups.append((set(), {"guarante", "secur", "ukrain"}))     # no actor: nothing
            lookups.append((ids, set()))                                  # no words: nothing
            # more keys than one statement takes: every word of the article and words nothing has
            every = set().union(*(w for _, w in lookups)) | {f"nothing{i}" for i in range(tables.UNION_SELECTS)}
            lookups.append((ids, every))
            assert len(keys.candidate_query("claim", ids, every, aid)) > tables.UNION_SELECTS
            for (who, words), got in zip(lookups, keys.claim_candidates_all(conn, lookups, aid)):
                assert got == keys.claim_candidates(conn, who, words, aid)
                asked += 1
                nonempty += bool(got)
    assert asked and nonempty


def test_latest_threads_is_what_latest_links_says(linked_store):
    """tables.latest_threads (plain SQL, the claims' candidates) gives each record's thread and action as
    latest_links does, for records with several link rows and for ids without any."""
    from newsledger.track.tables import latest_links, latest_threads
    store, _ = linked_store
    with store.engine.connect() as conn, conn.begin():
        for kind in ("claim", "commitment"):
            ids = [r[0] for r in conn.execute(text(f"SELECT DISTINCT record_id FROM track_links WHERE record_kind = '{kind}'"))]
            assert ids
            want = {rid: {"thread": l["thread"], "action": l["action"]}
                    for rid, l in latest_links(conn, kind, ids + ["no-such-record"]).items()}
            assert latest_threads(conn, kind, ids + ["no-such-record"]) == want


def _claim_keys(conn) -> dict[str, set]:
    out: dict[str, set] = {}
    for rid, actor, word in conn.execute(text("SELECT record_id, actor, word FROM track_keys WHERE record_kind = 'claim'")):
        out.setdefault(rid, set()).add((actor, word))
    return out


def test_a_statement_said_again_adds_no_keys(linked_store):
    """The stream repeats our articles twice under new ids: a copy's statement joins the claim its
    original opened, with the same words and actors, so the index holds the original's keys only (one
    set of keys per claim, not one per report of it). A statement that opens a claim is keyed."""
    store, records = linked_store
    with store.engine.connect() as conn:
        keyed = _claim_keys(conn)
        threads = latest_links(conn, "claim", [r[0] for r in conn.execute(text(
            "SELECT record_id FROM track_links WHERE record_kind = 'claim'"))])
        opened = [sid for sid, l in threads.items() if l["thread"] == "claim:" + sid]
        about = keys.statement_actors(conn, opened)
    repeated = [sid for sid in threads if sid.startswith("copy") and sid.split("-", 1)[1] in keyed
                and threads[sid]["thread"] == threads[sid.split("-", 1)[1]]["thread"]]
    assert repeated
    assert not any(sid in keyed for sid in repeated)
    opened = [sid for sid in opened if about.get(sid)]      # a statement about no actor has no keys
    assert opened and all(sid in keyed for sid in opened)


def test_an_unlinked_statement_is_keyed_again(linked_store):
    """A copy's statement had no keys of its own (its original's served); unlinked from the claim it
    stands alone, and both it and the claim's other statements can be found through the index again."""
    store, records = linked_store
    with store.engine.connect() as conn:
        keyed = _claim_keys(conn)
        threads = latest_links(conn, "claim", [r[0] for r in conn.execute(text(
            "SELECT record_id FROM track_links WHERE record_kind = 'claim'"))])
    sid = next(x for x in sorted(threads) if x.startswith("copy0-") and x not in keyed
               and x.split("-", 1)[1] in keyed and threads[x]["thread"] == threads[x.split("-", 1)[1]]["thread"])
    original = sid.split("-", 1)[1]
    track.unlink(store, original, sid.split(":")[0])
    with store.engine.connect() as conn:
        after = _claim_keys(conn)
        moved = latest_links(conn, "claim", [sid])[sid]
    assert moved["thread"] == "claim:" + sid
    assert after[sid] == keyed[original]


def test_a_rebuild_keys_what_linking_keyed_when_an_article_says_it_twice(linked_store):
    """An article that repeats its statements (a quote in the summary and again in the body), each about
    one more actor than the stored reports of its claim: the repeat joins the same claim with the same
    signature as the first, so linking keys the first only, as a rebuild from track_links does (one
    rule, keys._new_wordings, for both); the stored reports, with other signatures, do not stand in."""
    store, records = linked_store
    r = next(x for x in records[1:] if x.get("statements") and len(x.get("actors") or []) > 1)
    ids = [a["id"] for a in r["actors"]]
    said = []
    for s in r["statements"]:
        extra = [i for i in ids if i not in (s.get("about") or [])][:1]
        said.append({**s, "about": list(s.get("about") or []) + extra})
    doubled = {**_copy(r, "said-twice"), "statements": said + said}
    assert store.add(doubled)
    linker.link_article(store, doubled)
    with store.engine.begin() as conn:
        linked = sorted(tuple(x) for x in conn.execute(track_keys.select()))
        threads = latest_links(conn, "claim", [x[0] for x in conn.execute(text(
            "SELECT record_id FROM track_links WHERE record_kind = 'claim' AND article = 'said-twice'"))])
        keys.rebuild(conn)
        rebuilt = sorted(tuple(x) for x in conn.execute(track_keys.select()))
    n = len(said)
    joined = [i for i in range(n) if f"said-twice:s{i}" in threads and
              threads[f"said-twice:s{i}"]["thread"] == threads.get(f"said-twice:s{i + n}", {}).get("thread")]
    assert joined                                   # both copies joined one claim
    keyed = {x[3] for x in linked if x[4] == "said-twice"}
    assert any(f"said-twice:s{i}" in keyed for i in joined)
    assert not any(f"said-twice:s{i + n}" in keyed for i in joined)
    assert rebuilt == linked
