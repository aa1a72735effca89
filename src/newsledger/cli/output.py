"""How commands print records: human tables by default, JSON or CSV for tools."""
from __future__ import annotations

import csv
import json
import sys
from typing import Any, Iterable, Optional, Sequence

from rich.console import Console
from rich.table import Table

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


def print_rows(rows: Sequence[dict], columns: Sequence[str], fmt: str, title: Optional[str] = None,
               widths: Optional[dict[str, int]] = None) -> None:
    """Rows as a table (fmt 'table'), a JSON array ('json') or CSV with a header ('csv')."""
    if fmt == "json":
        sys.stdout.write(dumps(list(rows), indent=2) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        keys = list(rows[0].keys()) if rows else list(columns)
        writer.writerow(keys)
        for row in rows:
            writer.writerow([flat(row.get(k)) for k in keys])
        return
    if not rows:
        stderr.print(f"[dim]no {title or 'rows'} found[/dim]")
        return
    table = Table(title=title, show_lines=False, expand=False)
    for col in columns:
        table.add_column(col, overflow="fold", max_width=(widths or {}).get(col))
    for row in rows:
        table.add_row(*[flat(row.get(c)) for c in columns])
    stdout.print(table)


def truncate(text: Optional[str], n: int = 90) -> str:
    if not text:
        return ""
    return text if len(text) <= n else text[: n - 1] + "…"


def print_ledger_table(record: dict) -> None:
    """A human summary of one article's record (what `extract --format table` prints)."""
    art = record["article"]
    head = art.get("title") or art["id"]
    stdout.rule(f"[bold]{head}[/bold]  [dim]{art['id']} · published {art.get('published') or 'unknown'}[/dim]")
    names = {a["id"]: a["name"] for a in record["actors"]}

    def who(actor_id: Optional[str]) -> str:
        return names.get(actor_id, actor_id or "—") if actor_id else "—"

    sections: list[tuple[str, list[str], Iterable[dict], Any]] = [
        ("Actors", ["actor", "type", "country", "mentions"], record["actors"],
         lambda a: [a["name"], a["type"], a.get("country") or "", str(len(a["mentions"]))]),
        ("Statements", ["speaker", "cue", "kind", "quote", "content"], record["statements"],
         lambda s: [who(s["speaker"]) if s["speaker"] else (s["speaker_mention"] or {}).get("text", "—"),
                    s["cue"]["text"], s["kind"] + (" (negated)" if s["negated"] else ""), s["quote"],
                    truncate(s["content"]["text"])]),
        ("Events", ["code", "plover", "source", "target", "trigger", "where", "killed"], record["events"],
         lambda e: [e["code"], e.get("plover") or "", who(e["source"]), who(e["target"]), e["trigger"]["text"],
                    (e.get("location") or {}).get("name", ""), "" if e.get("fatalities") is None else str(e["fatalities"])]),
        ("Times", ["text", "type", "value", "anchor"], record["times"],
         lambda t: [t["text"], t["type"], t["value"], t["anchor"]]),
        ("Commitments", ["kind", "holder", "counterparty", "content", "due", "status"], record["commitments"],
         lambda c: [c["kind"], who(c["holder"]), who(c.get("counterparty")), truncate(c["content"], 60),
                    c.get("due") or "", c["status"] + (" (overdue)" if c.get("overdue") else "")]),
    ]
    for title, cols, items, row in sections:
        items = list(items)
        if not items:
            continue
        table = Table(title=f"{title} ({len(items)})", title_justify="left", expand=False)
        for c in cols:
            table.add_column(c, overflow="fold")
        for item in items:
            table.add_row(*row(item))
        stdout.print(table)
    for w in record.get("warnings", []):
        stderr.print(f"[yellow]warning:[/yellow] {art['id']}: {w}")
