"""Check that the numpy-gemm backend parses exactly as blis does, on a sample of real articles.

    python -m newsledger.scale.parity --limit 200            # default input: ../shared wikinews corpus

Loads the spaCy model twice (blis, then numpy gemm), parses the same texts with both, and compares
tags, heads, dependency labels, lemmas, sentence starts and entities token by token. Exit status 1
when anything differs: then keep NEWSLEDGER_NUMPY_OPS=0 on that machine and report it.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Iterable

import spacy
from thinc.api import NumpyOps, set_current_ops

from ..nlp.pipeline import DEFAULT_MODEL
from ..nlp.backend import NumpyGemmOps, limit_blas_threads

ASPECTS = ("tags", "heads", "deps", "lemmas", "sent_starts", "entities")
DEFAULT_INPUT = Path(__file__).resolve().parents[3].parent / "shared/corpus/wikinews.jsonl"


def analyse(doc) -> dict[str, list]:
    return {
        "tags": [t.tag_ for t in doc], "heads": [t.head.i for t in doc], "deps": [t.dep_ for t in doc],
        "lemmas": [t.lemma_ for t in doc], "sent_starts": [s.start for s in doc.sents],
        "entities": [(e.start_char, e.end_char, e.label_) for e in doc.ents],
    }


def parse_all(texts: list[str], ops, model: str) -> list[dict[str, list]]:
    set_current_ops(ops)
    nlp = spacy.load(model)
    return [analyse(doc) for doc in nlp.pipe(texts, batch_size=16)]


def compare(texts: list[str], model: str = DEFAULT_MODEL) -> dict:
    """Per aspect: how many documents and items differ between blis and numpy gemm."""
    limit_blas_threads(1)
    blis = parse_all(texts, NumpyOps(use_blis=True), model)
    fast = parse_all(texts, NumpyGemmOps(), model)
    out: dict = {"docs": len(texts), "tokens": sum(len(a["tags"]) for a in blis)}
    for aspect in ASPECTS:
        docs = items = 0
        for a, b in zip(blis, fast):
            if a[aspect] != b[aspect]:
                docs += 1
                x, y = a[aspect], b[aspect]
                items += (len(set(x) ^ set(y)) if aspect in ("entities", "sent_starts")
                          else sum(p != q for p, q in zip(x, y)) + abs(len(x) - len(y)))
        out[aspect] = {"docs_differing": docs, "items_differing": items}
    return out


def read_texts(path: Path, limit: int) -> list[str]:
    with open(path, encoding="utf-8") as f:
        lines: Iterable[str] = (line for line in f if line.strip())
        return [json.loads(line)["text"] for line in itertools.islice(lines, limit)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="JSONL with a 'text' field")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args(argv)
    if not args.input.exists():
        print(f"no input at {args.input}: pass --input FILE.jsonl", file=sys.stderr)
        return 2
    result = compare(read_texts(args.input, args.limit), args.model)
    print(f"{result['docs']} documents, {result['tokens']} tokens; blis vs numpy gemm:")
    same = True
    for aspect in ASPECTS:
        r = result[aspect]
        same &= r["docs_differing"] == 0
        print(f"  {aspect:12s} {r['docs_differing']:4d} documents differ, {r['items_differing']:5d} items")
    print("identical" if same else "DIFFERENT: keep NEWSLEDGER_NUMPY_OPS=0 here")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
