"""Commands that read the ledger: actors, statements, events, commitments, claims, timeline, show, history."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from .options import ISO_DATE, UserError, db_option, open_db, output_options
from .output import commitment_status, dumps, print_ledger_table, print_rows, statement_kind, summary, truncate
from .output import speaker as speaker_of

STATEMENT_KINDS = ["claim", "assertion", "denial", "confirmation", "accusation", "warning", "demand",
                   "pledge", "rejection", "praise", "criticism", "question", "other"]
STATUSES = ["open", "met", "missed", "extended", "withdrawn", "unconfirmed", "denied"]


def _limit_option(f):
    return click.option("--limit", type=click.IntRange(1), default=200, show_default=True,
                        help="At most this many rows.")(f)


@click.group(invoke_without_command=True)
@click.option("--name", "name", default=None, help="Only actors whose name, alias or id matches (loosely).")
@db_option(must_exist=True)
@output_options
@_limit_option
@click.pass_context
def actors(ctx: click.Context, name: Optional[str], db: str, fmt: str, limit: int) -> None:
    """List the actors in the ledger, or manage the gazetteer (add, alias, merge).

    \b
    Examples:
      newsledger actors --db ledger.db
      newsledger actors --name putin --json
      newsledger actors add "Kaja Kallas" --type person --country EST --role "EU foreign policy chief"
      newsledger actors alias steve-witkoff "Witkoff"
      newsledger actors merge zelenskyy volodymyr-zelensky
    """
    if ctx.invoked_subcommand is not None:
        return
    rows = open_db(db).actors(name=name)[:limit]
    for r in rows:
        r.setdefault("mention_count", len(r.get("mentions") or []))
    print_rows(rows, ["id", "name", "type", "country", "roles", "mention_count"], fmt, title="actors")


def _gazetteer_call(fn_name: str, *args, **kwargs):
    """Call newsledger.lexicons.gazetteer.FN, turning its complaints into one-line errors."""
    from ..lexicons import gazetteer
    try:
        return getattr(gazetteer, fn_name)(*args, **kwargs)
    except gazetteer.GazetteerError as exc:
        raise UserError(str(exc)) from None


def _user_file_option(f):
    return click.option("--file", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help="Your gazetteer TSV (default $NEWSLEDGER_ACTORS, else "
                             "$NEWSLEDGER_HOME/actors.tsv, else ~/.local/share/newsledger/actors.tsv).")(f)


@actors.command("add")
@click.argument("name")
@click.option("--type", "type_", type=click.Choice(["person", "country", "government", "organization",
                                                      "alliance", "group", "other"]), default="person",
              show_default=True)
@click.option("--country", metavar="ISO3", default=None, help="ISO 3166-1 alpha-3 of affiliation.")
@click.option("--role", "roles", multiple=True, metavar="TITLE[@FROM/TO]",
              help="A title, optionally dated: 'Foreign Minister@2024-12-01/' (repeatable).")
@click.option("--alias", "aliases", multiple=True, help="Another name for the actor (repeatable).")
@click.option("--wikidata", default=None, metavar="QID")
@click.option("--gender", type=click.Choice(["m", "f"]), default=None, help="For resolving he/she.")
@click.option("--source", default="user", show_default=True, help="Where these facts come from.")
@_user_file_option
def actors_add(name: str, type_: str, country: Optional[str], roles: tuple[str, ...], aliases: tuple[str, ...],
               wikidata: Optional[str], gender: Optional[str], source: str, path: Optional[Path]) -> None:
    """Add an actor to your gazetteer (used by every later extraction)."""
    actor_id = _gazetteer_call("add_actor", name, type=type_, country=country, aliases=list(aliases),
                               roles=list(roles), wikidata=wikidata, gender=gender, source=source, path=path)
    click.echo(f"added {actor_id} ({name})")


@actors.command("alias")
@click.argument("actor_id")
@click.argument("alias")
@_user_file_option
def actors_alias(actor_id: str, alias: str, path: Optional[Path]) -> None:
    """Make ALIAS another name of the actor ACTOR_ID in your gazetteer."""
    _gazetteer_call("add_alias", actor_id, alias, path=path)
    click.echo(f"{alias!r} now names {actor_id}")


@actors.command("merge")
@click.argument("source_id")
@click.argument("target_id")
@_user_file_option
def actors_merge(source_id: str, target_id: str, path: Optional[Path]) -> None:
    """Merge actor SOURCE_ID into TARGET_ID, kept in your gazetteer so later articles agree."""
    _gazetteer_call("merge_actors", source_id, target_id, path=path)
    click.echo(f"{source_id} merged into {target_id}; articles extracted from now on use {target_id}")


@click.command()
@click.option("--speaker", default=None, help="Who spoke: a name, alias or id, matched loosely ('putin').")
@click.option("--kind", type=click.Choice(STATEMENT_KINDS), default=None, help="Only statements of this kind.")
@click.option("--about", default=None, help="Only statements whose content is about this actor.")
@db_option(must_exist=True)
@output_options
@_limit_option
def statements(speaker: Optional[str], kind: Optional[str], about: Optional[str], db: str, fmt: str,
               limit: int) -> None:
    """Who said what: statements with speaker, cue, kind and content, and (reported_by) the statement
    of the same article whose words report one ("According to the Kremlin, Putin said ...").

    \b
    Example:
      newsledger statements --speaker putin --kind claim --json
    """
    rows = open_db(db).statements(speaker=speaker, kind=kind, about=about, limit=limit)
    # reported_by: the statement of the same article whose words report this one (its id's "sN")
    print_rows(rows, ["article", "speaker", "cue", "kind", "quote", "content", "reported_by"], fmt,
               title="statements", widths={"speaker": 24, "cue": 16}, optional=("reported_by",),
               cells={"speaker": speaker_of, "kind": statement_kind,
                      "content": lambda r: truncate((r.get("content") or {}).get("text"), 80),
                      "reported_by": lambda r: "" if r.get("reported_by") is None else f"s{r['reported_by']}"})


@click.command()
@click.option("--code", default=None, help="CAMEO code prefix: 19 finds 190-196.")
@click.option("--actor", default=None, help="Events with this actor as source or target.")
@click.option("--since", type=ISO_DATE, default=None, help="Events on or after this date.")
@click.option("--until", type=ISO_DATE, default=None, help="Events on or before this date.")
@click.option("--uncoded", is_flag=True, help="List event words, and statements with a named speaker, that coded no event, and why.")
@click.option("--article", default=None, help="Only this article (with --uncoded).")
@db_option(must_exist=True)
@output_options
@_limit_option
def events(code: Optional[str], actor: Optional[str], since: Optional[str], until: Optional[str], uncoded: bool,
           article: Optional[str], db: str, fmt: str, limit: int) -> None:
    """Who did what to whom, CAMEO-coded (PLOVER beside it), with place, time and fatalities.

    \b
    Examples:
      newsledger events --code 19 --since 2025-08-01
      newsledger events --actor russia --csv
    """
    store = open_db(db)
    if uncoded:
        # Re-read the stored texts: uncoded words are for studying recall, not part of the record.
        from itertools import islice

        from ..nlp.events.component import find_uncoded
        from ..records import Article

        def stored():
            ids = [article] if article else [r["id"] for r in store.articles(since=since, until=until)]
            for article_id in ids:
                record = store.article(article_id)
                if record is None:
                    raise UserError(f"no article {article_id!r} in {db}")
                a = record["article"]
                yield Article(text=a["text"], id=a["id"], title=a.get("title"), published=a.get("published"))

        rows = list(islice(find_uncoded(stored()), limit))
        print_rows(rows, ["article", "trigger", "reason", "sentence"], fmt, title="uncoded event words")
        return
    if code is not None and not code.isdigit():
        raise UserError(f"--code takes digits (a CAMEO code or prefix such as 19), not {code!r}")
    rows = store.events(code=code, actor=actor, since=since, until=until, limit=limit)
    print_rows(rows, ["article", "code", "plover", "source", "target", "trigger", "location", "time",
                      "fatalities"], fmt, title="events", optional=("target", "location", "fatalities"))


@click.command()
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only commitments in this status.")
@click.option("--due-before", type=ISO_DATE, default=None, help="Only those due before this date.")
@click.option("--holder", default=None, help="Only those held by this actor (loose match).")
@click.option("--overdue", is_flag=True, help="Only those past their due date with no evidence either way.")
@db_option(must_exist=True)
@output_options
@_limit_option
def commitments(status: Optional[str], due_before: Optional[str], holder: Optional[str], overdue: bool, db: str,
                fmt: str, limit: int) -> None:
    """Pledges, guarantees, ultimatums, deadlines and agreements, with due dates and status history."""
    from .. import track
    rows = track.list_commitments(open_db(db), status=status, due_before=due_before, holder=holder,
                                  overdue=overdue or None, limit=limit)
    print_rows(rows, ["id", "kind", "holder", "counterparty", "content", "due", "status"], fmt,
               title="commitments", cells={"status": commitment_status}, optional=("counterparty", "due"))


@click.command()
@click.option("--contested", is_flag=True, help="Only claims that someone disputes or denies.")
@db_option(must_exist=True)
@output_options
@_limit_option
def claims(contested: bool, db: str, fmt: str, limit: int) -> None:
    """Propositions grouped across speakers and articles, with who supports, confirms or denies them."""
    from .. import track
    rows = track.list_claims(open_db(db), contested=contested, limit=limit)
    print_rows(rows, ["id", "content", "status", "supporters", "disputers", "deniers"], fmt, title="claims",
               optional=("disputers", "deniers"))


@click.command()
@click.argument("record_id")
@db_option(must_exist=True)
@output_options
def history(record_id: str, db: str, fmt: str) -> None:
    """Every status change of one commitment or claim, oldest first, with its evidence."""
    from .. import track
    rows = track.history(open_db(db), record_id)
    print_rows(rows, ["status", "date", "article", "span", "speaker", "note"], fmt, title=f"history of {record_id}",
               optional=("speaker",))


@click.command()
@click.argument("record_id")
@click.argument("article_id", required=False)
@db_option(must_exist=True)
def unlink(record_id: str, article_id: Optional[str], db: str) -> None:
    """Undo a wrong link: detach ARTICLE_ID's evidence (or the last link) from a commitment or claim."""
    from .. import track
    click.echo(str(track.unlink(open_db(db), record_id, article_id)))


@click.command()
@click.argument("actor")
@db_option(must_exist=True)
@output_options
@_limit_option
def timeline(actor: str, db: str, fmt: str, limit: int) -> None:
    """What one actor said, did and promised, in date order (ACTOR matched loosely)."""
    rows = [{**r, "summary": summary(r)} for r in open_db(db).timeline(actor, limit=limit)]
    print_rows(rows, ["record", "date", "article", "summary"], fmt, title=f"timeline of {actor}")


@click.command()
@click.argument("article_id")
@db_option(must_exist=True)
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (SCHEMA.md).")
def show(article_id: str, db: str, as_json: bool) -> None:
    """One stored article with all its records."""
    record = open_db(db).article(article_id)
    if record is None:
        raise UserError(f"no article {article_id!r} in {db}", hint="list ids with `newsledger export | jq .article.id`")
    if as_json:
        sys.stdout.write(dumps(record, indent=2) + "\n")
    else:
        print_ledger_table(record)


@click.command()
@click.argument("query")
@db_option(must_exist=True)
@output_options
@_limit_option
def search(query: str, db: str, fmt: str, limit: int) -> None:
    """Full-text search over article text and statement content."""
    rows = open_db(db).search(query, limit=limit)
    print_rows(rows, ["record", "article", "kind", "snippet"], fmt, title=f"matches for {query!r}", optional=("kind",))
