"""The `newsledger` command group: built here, with every command registered on it (as datasette's
cli.py does), and the error handling every command gets."""
from __future__ import annotations

import os
import sys
from typing import Optional

import click

from . import commands, query, services


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="newsledger", prog_name="newsledger")
def cli() -> None:
    """Keep a source-linked ledger of who said, did and promised what in English news.

    \b
    Typical use:
      newsledger extract article.txt --published 2025-09-01     print one article's records
      newsledger ingest feed.jsonl --db ledger.db               store articles (idempotent)
      newsledger statements --speaker putin --db ledger.db      query what was said
      newsledger commitments --overdue --db ledger.db           promises past their due date
      newsledger serve --db ledger.db                           browse it at http://127.0.0.1:8000

    Inputs are plain text, HTML pages, JSONL records ({"id", "title", "published", "url", "text"}),
    folders (read recursively) and - for stdin. Every record points at the exact characters it came
    from (SCHEMA: newsledger/1).
    """


COMMANDS = (commands.extract, commands.ingest, commands.export, commands.eval_, commands.train_group,
            query.actors, query.statements, query.events, query.commitments, query.claims,
            query.history, query.unlink, query.timeline, query.show, query.search,
            services.serve, services.watch, services.fetch)
for command in COMMANDS:
    cli.add_command(command)


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: no traceback for a user's mistake; an unexpected error says how to see one."""
    try:
        cli.main(args=argv, prog_name="newsledger", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # a bug or an environment problem: one line, with the way to the traceback
        if os.environ.get("NEWSLEDGER_DEBUG"):
            raise
        click.echo(f"Error: {type(exc).__name__}: {exc}", err=True)
        click.echo("Hint: set NEWSLEDGER_DEBUG=1 to see the traceback, and report it if it is a bug.", err=True)
        sys.exit(1)
