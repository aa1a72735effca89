"""docs/cli.md is exactly what the commands' --help says (regenerate with python -m newsledger.cli.docs)."""
from __future__ import annotations

from pathlib import Path

from newsledger.cli.docs import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_is_current():
    assert DOC.read_text(encoding="utf-8") == render(), \
        "docs/cli.md is stale: run `python -m newsledger.cli.docs > docs/cli.md`"


def test_every_command_teaches_with_help():
    text = render()
    for command in ("extract", "ingest", "statements", "events", "commitments", "timeline", "show", "export",
                    "eval", "serve", "watch", "fetch", "claims", "history"):
        assert f"## newsledger {command}\n" in text
