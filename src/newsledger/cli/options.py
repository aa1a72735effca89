"""What the commands share: the user's-mistake error, the date type, --db and the output options."""
from __future__ import annotations

import datetime as dt
import os
from typing import Any, Optional

import click

DEFAULT_DB = "newsledger.db"


class UserError(click.ClickException):
    """A problem the user can fix: printed as one line with a hint, exit status 2."""
    exit_code = 2

    def __init__(self, message: str, hint: Optional[str] = None):
        super().__init__(message)
        self.hint = hint

    def show(self, file: Any = None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)
        if self.hint:
            click.echo(f"Hint: {self.hint}", err=True)


class IsoDate(click.ParamType):
    """An ISO date (2025-09-01) or datetime (2025-09-01T14:00:00Z); kept as the string given."""
    name = "DATE"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None or isinstance(value, dt.date):
            return value
        text = str(value).strip()
        try:
            if len(text) == 10:
                dt.date.fromisoformat(text)
            else:
                dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2025-09-01", param, ctx)
        return text


ISO_DATE = IsoDate()

FORMAT_HELP = "Output: a human table (default), a JSON array, or CSV with a header."


def db_option(must_exist: bool = False):
    """--db FILE|URL on every command that reads or writes the store."""
    what = "reads" if must_exist else "writes"
    return click.option(
        "--db", "db", default=lambda: os.environ.get("NEWSLEDGER_DB", DEFAULT_DB), show_default=DEFAULT_DB,
        metavar="FILE|URL",
        help=f"The ledger this command {what}: a SQLite file, or postgresql://user@host/db "
             "(env NEWSLEDGER_DB).")


def output_options(f):
    f = click.option("--csv", "fmt", flag_value="csv", help="Print CSV with a header row.")(f)
    f = click.option("--json", "fmt", flag_value="json", help="Print a JSON array of records.")(f)
    f = click.option("--table", "fmt", flag_value="table", default=True, hidden=True)(f)
    return f


def open_db(url: str, must_exist: bool = True):
    """The store, or a one-line error (e.g. a reading command pointed at a file that is not there)."""
    if must_exist and "://" not in url and not os.path.exists(url):
        raise UserError(f"no ledger at {url!r}",
                        hint="create one with `newsledger ingest FILE... --db " + url + "`, or pass --db")
    from ..store import StoreError, open_store
    try:
        return open_store(url, must_exist=must_exist)
    except StoreError as exc:
        raise UserError(str(exc)) from None
