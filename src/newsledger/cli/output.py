"""How commands print records: human tables by default, JSON or CSV for tools."""
from __future__ import annotations

import csv
import json
import sys
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

# Piped output is not squeezed into 80 columns; messages on stderr are never hard-wrapped.
stdout = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
stderr = Console(stderr=True, soft_wrap=True)


def dumps(obj: Any, indent: Optional[int] = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


def flat(value: Any) -> str:
    """One cell: spans as start-end, objects with text as their text, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, dict):
        if "text" in value:
            return str(value["text"])
        if "name" in value:
            return str(value["name"])
        return dumps(value)
    if isinstance(value, (list, tuple)):
        if len(value) == 2 and all(isinstance(v, int) for v in value):
            return f"{value[0]}-{value[1]}"
        return "; ".join(flat(v) for v in value)
    return str(value)


# Columns holding ids are printed whole, not folded, when the screen has room: a person copies them
# into `history` or `show`. Room means every other column keeps about MIN_COLUMN characters.
WHOLE = ("id", "article")
MIN_COLUMN = 10

Cell = Callable[[dict], Any]


def cell_text(row: dict, column: str, cells: Optional[Mapping[str, Cell]] = None) -> str:
    """What a table prints for ROW under COLUMN: the value (flat), or what `cells[column]` makes of the row."""
    if cells and column in cells:
        return flat(cells[column](row))
    return flat(row.get(column))


def make_table(rows: Sequence[dict], columns: Sequence[str], *, title: Optional[str] = None,
               cells: Optional[Mapping[str, Cell]] = None, optional: Iterable[str] = (),
               widths: Optional[Mapping[str, int]] = None, **table_options: Any) -> Table:
    """A rich table whose headers are the rows' keys. A column in `optional` is left out when it is
    blank in every row (a person reads a column of nothing as a defect); cells are plain text, so
    brackets in the data (search snippets mark matches with [ ]) are printed, not read as markup."""
    texts = [{c: cell_text(row, c, cells) for c in columns} for row in rows]
    optional = set(optional)
    shown = [c for c in columns if c not in optional or any(t[c] for t in texts)]
    whole = [c for c in shown if c in WHOLE]
    room = sum(max(len(t[c]) for t in texts) + 3 for c in whole) + (MIN_COLUMN + 3) * (len(shown) - len(whole))
    whole = whole if room <= stdout.width else []
    table = Table(title=title, show_lines=False, expand=False, **table_options)
    for col in shown:
        table.add_column(col, overflow="fold", no_wrap=col in whole, max_width=(widths or {}).get(col))
    for t in texts:
        table.add_row(*[Text(t[c]) for c in shown])
    return table


def print_rows(rows: Sequence[dict], columns: Sequence[str], fmt: str, title: Optional[str] = None,
               widths: Optional[Mapping[str, int]] = None, cells: Optional[Mapping[str, Cell]] = None,
               optional: Iterable[str] = ()) -> None:
    """Rows as a table (fmt 'table'), a JSON array ('json') or CSV with a header ('csv').

    The table's columns are keys of the rows, in the rows' order, so that it and the JSON agree;
    `cells` renders a column's cell from the whole row (a speaker's mention when no actor id)."""
    if fmt == "json":
        sys.stdout.write(dumps(list(rows), indent=2) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        # Rows of several kinds (timeline, search) have different keys: the header is all of them.
        keys = list(dict.fromkeys(k for row in rows for k in row)) if rows else list(columns)
        writer.writerow(keys)
        for row in rows:
            writer.writerow([flat(row.get(k)) for k in keys])
        return
    if not rows:
        stderr.print(f"[dim]no {title or 'rows'} found[/dim]")
        return
    stdout.print(make_table(rows, columns, title=title, cells=cells, optional=optional, widths=widths))


def truncate(text: Optional[str], n: int = 90) -> str:
    if not text:
        return ""
    return text if len(text) <= n else text[: n - 1] + "…"


def speaker(statement: dict) -> str:
    """A statement's speaker: the actor id, else the words that named an unknown speaker."""
    return statement.get("speaker") or (statement.get("speaker_mention") or {}).get("text") or ""


def statement_kind(statement: dict) -> str:
    return statement["kind"] + (" (negated)" if statement.get("negated") else "")


def commitment_status(commitment: dict) -> str:
    return commitment["status"] + (" (overdue)" if commitment.get("overdue") else "")


def print_ledger_table(record: dict) -> None:
    """A human summary of one article's record (what `extract --format table` and `show` print):
    one table per kind of record, headed by the record's keys as SCHEMA.md names them."""
    art = record["article"]
    head = art.get("title") or art["id"]
    stdout.rule(Text.assemble((head, "bold"), "  ", (f"{art['id']} · published {art.get('published') or 'unknown'}",
                                                      "dim")))
    sections: list[tuple[str, list[str], dict[str, Cell], tuple[str, ...]]] = [
        ("actors", ["id", "name", "type", "country", "mentions"],
         {"mentions": lambda a: str(len(a.get("mentions") or []))}, ("country",)),
        ("statements", ["speaker", "cue", "kind", "quote", "content"],
         {"speaker": speaker, "kind": statement_kind, "content": lambda s: truncate(s["content"]["text"])}, ()),
        ("events", ["code", "plover", "source", "target", "trigger", "location", "time", "fatalities"], {},
         ("target", "location", "time", "fatalities")),
        ("times", ["text", "type", "value", "anchor"], {}, ()),
        ("commitments", ["kind", "holder", "counterparty", "content", "due", "status"],
         {"content": lambda c: truncate(c["content"], 60), "status": commitment_status}, ("counterparty", "due")),
    ]
    for name, columns, cells, optional in sections:
        items = list(record.get(name) or [])
        if items:
            stdout.print(make_table(items, columns, title=f"{name.capitalize()} ({len(items)})", cells=cells,
                                    optional=optional, title_justify="left"))
    for w in record.get("warnings", []):
        stderr.print(f"[yellow]warning:[/yellow] {escape(art['id'])}: {escape(w)}")


def summary(row: dict) -> str:
    """One line saying what a timeline row (a statement, event or commitment) is about."""
    record = row.get("record")
    if record == "statement":
        return f"{speaker(row) or '?'} {row['cue']['text']}: {truncate(row['content']['text'], 80)}"
    if record == "event":
        words = [row.get("source") or "?", row["trigger"]["text"], row.get("target") or ""]
        where = (row.get("location") or {}).get("name")
        line = " ".join(w for w in words if w) + (f" in {where}" if where else "")
        if row.get("fatalities") is not None:
            line += f", {row['fatalities']} killed"
        return f"{line} ({row['code']} {row.get('plover') or ''})".replace(" )", ")")
    if record == "commitment":
        line = f"{row['kind']} by {row.get('holder') or '?'}"
        if row.get("counterparty"):
            line += f" to {row['counterparty']}"
        due = f", due {row['due']}" if row.get("due") else ""
        return f"{line}: {truncate(row['content'], 60)} ({commitment_status(row)}{due})"
    return ""
