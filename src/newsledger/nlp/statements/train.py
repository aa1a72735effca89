"""Train the learned parts of the statements extractor from an attribution corpus in the eval format.

    newsledger train attribution ARTICLES.jsonl GOLD.jsonl [--out cue_model.tsv]
                                 [--boundary-out boundary_model.tsv]

    python -m newsledger.nlp.statements.train accept ARTICLES.jsonl GOLD.jsonl accept_model.tsv

(the second trains the statement filter, learned.AcceptModel, as shipped in data/statements/
accept_model.tsv from PolNeAR train: ../shared/eval/attribution/train.jsonl and train.gold.jsonl; run it
after the cue detector, whose statements it learns from.)

The cue detector (learned.py): every verb outside a quotation is one example, positive when it lies
inside a gold cue span, negative otherwise. The content-boundary refiner (boundary.py): every statement
the rules (with the new cue detector) propose is one token sequence, labelled by its best-overlapping
gold statement. The statement filter: every statement the rules propose (with the shipped cue detector)
is one example, positive when it matches a gold statement with its source right. Features are exactly
those the statements component computes at run time, from the same parse. The corpus is read, never copied: only feature weights are written.
"""
from __future__ import annotations

from typing import Callable, Iterable, Optional

from spacy.tokens import Doc

from .boundary import BoundaryModel, boundary_examples, train_crf
from .learned import AcceptModel, LinearModel, train
from ...lexicons.cues import Lexicon, load_lexicon
from .quotes import QuoteRegions
from .context import Reading
from .rules import attributions
from .verb_cues import verb_features

# The detector's score from which a verb is a cue; precision rises with the threshold. Chosen out of
# sample: 2-fold cross-validation on PolNeAR train (a model from each half scoring the other), 0.75 -> 0.8
# took exact content F1 0.6023 -> 0.6031 and 0.6225 -> 0.6237, attribution F1 0.6702 -> 0.6702 and
# 0.6890 -> 0.6902 (0.85 gained on the folds but lost attribution F1 on dev).
DEFAULT_THRESHOLD = 0.8
# CRF regularisation (L1, L2): weaker learns rare words' weights and changes spans that were right.
# BOUNDARY_MARGIN: how much higher the model's path must score than the rules' span's path to replace
# it; with this regularisation 0 is as good as any (it matters for weaker).
BOUNDARY_C1, BOUNDARY_C2 = 3.0, 0.1
BOUNDARY_MARGIN = 0.0
# The refiner learns the gold's exact edges (labels: the gold span even where the rules' span already
# matches it) and moves an edge only while its span still overlaps the rules' by this much (Jaccard, as
# the scorer matches): it fixes where the words begin and end, not which clause they are. On PolNeAR, a
# model from train[200:] took train[:200] exact content F1 0.603 -> 0.619 and dev 0.617 -> 0.631 with
# attribution F1 unchanged; learning only what the rules got wrong (the earlier labels) left dev flat.
BOUNDARY_MIN_JACCARD = 0.5
BOUNDARY_KEEP_MATCHED = False


def cue_examples(doc: Doc, statements: list[dict], lex: Lexicon, quotes: Optional[QuoteRegions] = None
                 ) -> list[tuple[list[str], int]]:
    """(features, label) for every verb outside quotations of one parsed article."""
    reading = Reading(doc, lex, quotes or QuoteRegions(doc.text), doc.text)
    cues = [tuple(c) for st in statements for c in st.get("cue", [])]
    out = []
    for tok in doc:
        if tok.pos_ != "VERB" or reading.quotes.containing(tok.idx, tok.idx + 1) is not None:
            continue
        a, b = tok.idx, tok.idx + len(tok.text)
        out.append((verb_features(reading, tok), int(any(s <= a and b <= e for s, e in cues))))
    return out


def train_cue_model(docs: Iterable[Doc], golds: Iterable[dict], threshold: float = DEFAULT_THRESHOLD,
                    progress: Optional[Callable[[str], None]] = None) -> LinearModel:
    """`docs`: parsed articles; `golds`: their gold records ({"statements": [{"cue": [[s, e]], ...}]})."""
    lex = load_lexicon()
    examples: list[tuple[list[str], int]] = []
    for n, (doc, gold) in enumerate(zip(docs, golds), 1):
        examples.extend(cue_examples(doc, gold.get("statements", []), lex))
        if progress and n % 100 == 0:
            progress(f"{n} articles read, {len(examples)} verbs")
    if progress:
        progress(f"training on {len(examples)} verbs ({sum(y for _, y in examples)} inside a gold cue)")
    return LinearModel(train(examples), threshold)


def train_boundary_model(docs: Iterable[Doc], golds: Iterable[dict], cue_model: Optional[LinearModel],
                         progress: Optional[Callable[[str], None]] = None,
                         quotes: Optional[list[QuoteRegions]] = None) -> tuple[BoundaryModel, int]:
    """The content-boundary CRF from parsed articles and their gold statements ({"content": [s, e]});
    the statements are those the rules find with `cue_model`. Returns the model and the number of
    statements it learned from. `quotes`: each doc's quotation regions, when already found."""
    lex = load_lexicon()
    examples = []
    for n, (doc, gold) in enumerate(zip(docs, golds)):
        text = doc.text
        reading = Reading(doc, lex, quotes[n] if quotes else QuoteRegions(text), text, cue_model)
        golds_ = [tuple(st["content"]) for st in gold.get("statements", []) if st.get("content")]
        examples.extend(boundary_examples(reading, attributions(reading), golds_,
                                          keep_matched=BOUNDARY_KEEP_MATCHED))
    if progress:
        progress(f"training the boundary model on {len(examples)} statements")
    return train_crf(examples, c1=BOUNDARY_C1, c2=BOUNDARY_C2, margin=BOUNDARY_MARGIN,
                     min_jaccard=BOUNDARY_MIN_JACCARD), len(examples)


def train_from_files(input_path: str, gold_path: str, model: Optional[str] = None,
                     threshold: float = DEFAULT_THRESHOLD,
                     on_article: Optional[Callable[[int], None]] = None,
                     boundary: bool = True) -> tuple[LinearModel, int, int, Optional[BoundaryModel], int]:
    """Parse every article of INPUT that has gold in GOLD and train on them; returns the cue model, the
    number of articles and of verbs seen, the boundary model (None when `boundary` is false) and the
    number of statements it learned from. `on_article(words)` is called after each parsed article."""
    from ...eval import articles_with_gold, read_gold
    from ..pipeline import DEFAULT_MODEL, load_pipeline

    gold = read_gold(gold_path)
    articles = articles_with_gold(input_path, gold)
    if not articles:
        raise ValueError(f"{input_path}: no article has gold in {gold_path} (ids must match)")
    nlp = load_pipeline(model or DEFAULT_MODEL, components=())   # the parse is all the detector reads
    lex = load_lexicon()
    examples: list[tuple[list[str], int]] = []
    docs = []
    quotes = []
    for art, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=16)):
        regions = QuoteRegions(doc.text)
        examples.extend(cue_examples(doc, gold[art.id].get("statements", []), lex, regions))
        if boundary:
            docs.append(doc)
            quotes.append(regions)
        if on_article:
            on_article(len(doc))
    cue_model = LinearModel(train(examples), threshold)
    if not boundary:
        return cue_model, len(articles), len(examples), None, 0
    boundary_model, n_statements = train_boundary_model(docs, [gold[a.id] for a in articles], cue_model,
                                                        quotes=quotes)
    return cue_model, len(articles), len(examples), boundary_model, n_statements


# ---- the statement filter (learned.AcceptModel) -----------------------------------------------------
# A proposed statement whose probability of being a gold statement with its source right falls below this
# is dropped (dropping one with probability p raises F1 when p < F1/2). Chosen by 2-fold cross-validation
# on PolNeAR train (cue detector and filter each trained on one half, the other half scored): attribution
# F1 0.6816 without the filter; 0.20 -> 0.6843, 0.25 -> 0.6852, 0.30 -> 0.6843, 0.35 -> 0.6828. Chosen
# again when retrained on the rules of 2026-12-07 (noun cues, inverted "said NAME", colon names): CV 0.6827
# without the filter; 0.20 -> 0.6846, 0.25 -> 0.6857, 0.30 -> 0.6865, 0.35 -> 0.6863, 0.40 -> 0.6849.
ACCEPT_THRESHOLD = 0.3
# The filter's training: AdaGrad's rate, passes and the fewest statements a feature must be seen in. The
# cue detector's (lr 0.5, 12 passes, 2) overfit here: out of sample, statements it scored below 0.1 were
# right 31% of the time, and the filter lost F1 at every threshold (CV 0.6814 -> 0.6784 at 0.2).
ACCEPT_LR, ACCEPT_EPOCHS, ACCEPT_MIN_COUNT = 0.1, 5, 10


def accept_examples(doc: Doc, gold: dict, lex: Lexicon, cue_model: Optional[LinearModel],
                    quotes: Optional[QuoteRegions] = None) -> list[tuple[list[str], int]]:
    """(features, label) for every statement the rules propose in one parsed article (no filter):
    positive when it matches a gold statement (eval.attribution.match: content Jaccard >= 0.5, one to
    one) and its source is right as the scorer reads it (the speaker's words overlap a gold source, or
    neither names one)."""
    from ...eval.attribution import match
    from .rules import accept_features
    text = doc.text
    reading = Reading(doc, lex, quotes or QuoteRegions(text), text, cue_model)
    seen: set = set()
    found = []
    for a in attributions(reading):
        if a.reported_by is None and (a.cue, a.content) not in seen:
            seen.add((a.cue, a.content))
            found.append(a)
    golds = [st for st in gold.get("statements", []) if st.get("content")]
    matched = dict(match([a.content for a in found], [g["content"] for g in golds]))
    per_sentence: dict = {}
    for a in found:
        per_sentence[a.sentence] = per_sentence.get(a.sentence, 0) + 1
    out = []
    for i, a in enumerate(found):
        y = 0
        if i in matched:
            sources = golds[matched[i]].get("source") or []
            if sources:
                y = int(a.speaker is not None and any(a.speaker[0] < e and s < a.speaker[1] for s, e in sources))
            else:
                y = int(a.speaker is None)
        out.append((accept_features(reading, a, per_sentence[a.sentence] - 1), y))
    return out


def train_accept_model(docs: Iterable[Doc], golds: Iterable[dict], cue_model: Optional[LinearModel],
                       threshold: float = ACCEPT_THRESHOLD) -> tuple[AcceptModel, int]:
    """The statement filter from parsed articles and their gold; the statements are those the rules
    find with `cue_model` (the shipped detector at run time). Returns it and how many statements it saw."""
    lex = load_lexicon()
    examples: list[tuple[list[str], int]] = []
    for doc, gold in zip(docs, golds):
        examples.extend(accept_examples(doc, gold, lex, cue_model))
    return AcceptModel(train(examples, epochs=ACCEPT_EPOCHS, lr=ACCEPT_LR, min_count=ACCEPT_MIN_COUNT),
                       threshold), len(examples)


def train_accept_from_files(input_path: str, gold_path: str, model: Optional[str] = None,
                            threshold: float = ACCEPT_THRESHOLD) -> tuple[AcceptModel, int, int]:
    """Parse every article of INPUT that has gold in GOLD and train the statement filter on the
    statements the rules propose with the shipped cue detector; returns it, the number of articles and
    of statements."""
    from ...eval import articles_with_gold, read_gold
    from ..chunking import split_text
    from ..pipeline import DEFAULT_MODEL, load_pipeline
    from .learned import shipped

    gold = read_gold(gold_path)
    articles = articles_with_gold(input_path, gold)
    if not articles:
        raise ValueError(f"{input_path}: no article has gold in {gold_path} (ids must match)")
    nlp = load_pipeline(model or DEFAULT_MODEL, components=())
    # long articles are parsed in pieces, as extraction parses them (chunking.py); gold spans shifted
    pieces = [(a, s, e) for a in articles for s, e in split_text(a.text)]
    docs, golds = [], []
    for (art, s, e), doc in zip(pieces, nlp.pipe((a.text[s:e] for a, s, e in pieces), batch_size=16)):
        docs.append(doc)
        golds.append({"statements": [
            {"content": [st["content"][0] - s, st["content"][1] - s],
             "source": [[x - s, y - s] for x, y in st.get("source", [])]}
            for st in gold[art.id].get("statements", [])
            if st.get("content") and s <= st["content"][0] and st["content"][1] <= e]})
    accept, n = train_accept_model(docs, golds, shipped(), threshold)
    return accept, len(articles), n


if __name__ == "__main__":
    # python -m newsledger.nlp.statements.train accept INPUT.jsonl GOLD.jsonl OUT.tsv
    # (the shipped data/statements/accept_model.tsv: PolNeAR train, see train_accept_model)
    import sys
    if len(sys.argv) != 5 or sys.argv[1] != "accept":
        sys.exit("usage: python -m newsledger.nlp.statements.train accept INPUT.jsonl GOLD.jsonl OUT.tsv")
    accept_model, n_articles, n_statements = train_accept_from_files(sys.argv[2], sys.argv[3])
    accept_model.dump(sys.argv[4])
    print(f"{sys.argv[4]}: {len(accept_model.weights)} feature weights from {n_statements} statements "
          f"in {n_articles} article(s)", file=sys.stderr)
