"""Long-running commands: serve (web pages and JSON API), watch (feeds), fetch (URLs once)."""
from __future__ import annotations

import os
import sys
from typing import Optional

import click

from .options import db_option, open_db


@click.command()
@db_option(must_exist=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", default=lambda: os.environ.get("NEWSLEDGER_TOKEN"), show_default="env NEWSLEDGER_TOKEN",
              help="Allow ingest over HTTP (POST /ingest) for requests bearing this token; read-only without.")
def serve(db: str, host: str, port: int, token: Optional[str]) -> None:
    """Browse the ledger: pages for people, a JSON twin of each (append .json), OpenAPI at /openapi.json."""
    open_db(db)  # a clear error now, not on the first request
    from ..web import run_server
    run_server(db, host=host, port=port, token=token)


def _duration(text: str) -> float:
    from ..feeds import parse_duration
    try:
        return parse_duration(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@db_option()
@click.option("--every", default="15m", show_default=True, help="How often to poll: 30s, 15m, 1h.")
@click.option("--notify", metavar="CMD", default=None,
              help="Run CMD with a JSON summary on stdin whenever a commitment changes status.")
@click.option("--once", is_flag=True, help="Poll each source once and stop.")
def watch(sources: tuple[str, ...], db: str, every: str, notify: Optional[str], once: bool) -> None:
    """Keep the ledger current from RSS/Atom feeds, sitemaps, files of URLs or a folder.

    New items are fetched politely (robots.txt, conditional requests, per-host rate limit),
    deduplicated by URL and content, extracted and ingested. Stops cleanly on Ctrl-C.
    """
    from ..feeds import watch as run_watch
    seconds = _duration(every)
    ok = run_watch(list(sources), store_url=db, every_seconds=seconds, notify=notify, once=once)
    sys.exit(0 if ok in (None, True) else 1)


@click.command()
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@db_option()
def fetch(urls: tuple[str, ...], db: str) -> None:
    """Fetch pages once, extract and ingest them (what `watch` does on each poll)."""
    from ..feeds import fetch as run_fetch
    ok = run_fetch(list(urls), store_url=db)
    sys.exit(0 if ok in (None, True) else 1)
