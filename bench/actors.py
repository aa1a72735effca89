"""Actors report over a corpus: how well people's mentions cluster, and what the component costs.

    .venv/bin/python bench/actors.py [CORPUS.jsonl] [--limit N] [--top K]

Default corpus: ../shared/corpus/wikinews.jsonl. Prints ratios and lists, not verdicts:

- person mentions (names, surnames, titles, pronouns) and the share that belong to an actor with two
  or more mentions in its article (a cluster, not a singleton);
- actors that share a surname within one article ("Smith" and "John Smith" kept apart: a likely
  missed merge, or two relatives);
- the largest clusters (most mentions of one actor in one article) and the actors found in most
  articles;
- time: the spaCy parse versus our actors component alone, on the same parsed docs.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "corpus" / "wikinews.jsonl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args(argv)

    from newsledger.nlp.pipeline import load_pipeline, make_doc
    from newsledger.records import Article

    rows = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
            if args.limit and len(rows) >= args.limit:
                break
    articles = [Article(text=r["text"], id=r.get("id"), title=r.get("title"), published=r.get("published"))
                for r in rows]

    nlp = load_pipeline(components=("newsledger_actors",))
    actors = nlp.get_pipe("newsledger_actors")
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=["newsledger_actors"]):
        docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=16))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = [actors(d) for d in docs]
    ours = time.perf_counter() - t0

    person_mentions = clustered = 0
    kinds = collections.Counter()
    shared_surname: list[tuple[str, list[str]]] = []
    clusters = []
    articles_per_actor = collections.Counter()
    n_actors = collections.Counter()
    for art, doc in zip(articles, docs):
        index = doc._.actors
        for a in index.actors.values():
            n_actors[a.type] += 1
            articles_per_actor[a.id] += 1
            if a.type != "person":
                continue
            n = len(a.mentions)
            person_mentions += n
            if n >= 2:
                clustered += n
            clusters.append((n, a.id, (art.title or art.id)[:50]))
        for m in index.mentions:
            a = index.actors[m.actor_id]
            if a.type == "person":
                kinds[m.kind] += 1
        by_surname = collections.defaultdict(list)
        for a in index.actors.values():
            if a.type == "person":
                by_surname[a.name.split()[-1]].append(a.id)
        for surname, ids in by_surname.items():
            if len(ids) > 1:
                shared_surname.append(((art.title or art.id)[:50], ids))

    words = sum(len(d) for d in docs)
    print(f"articles: {len(docs)}  tokens: {words}")
    print(f"actors by type: {dict(n_actors.most_common())}")
    share = clustered / person_mentions if person_mentions else 0.0
    print(f"person mentions: {person_mentions}; in an actor with >=2 mentions: {clustered} ({share:.1%})")
    print(f"person mentions by kind: {dict(kinds.most_common())}")
    print(f"articles with person actors sharing a surname: {len(shared_surname)} "
          f"(actors involved: {sum(len(ids) for _, ids in shared_surname)})")
    for title, ids in shared_surname[: args.top]:
        print(f"   {title!r}: {ids}")
    print(f"largest clusters (mentions, actor, article):")
    for n, aid, title in sorted(clusters, reverse=True)[: args.top]:
        print(f"   {n:3d}  {aid}  {title!r}")
    print("actors in most articles:", articles_per_actor.most_common(args.top))
    print(f"time: spaCy parse {parse:.2f}s, actors component {ours:.2f}s "
          f"= {ours / parse:.1%} of the parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
