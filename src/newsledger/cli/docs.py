"""docs/cli.md is generated from the commands' own --help, so the docs cannot drift from the code.

    python -m newsledger.cli.docs > docs/cli.md      (tests/cli/test_cli_docs.py checks it is current)
"""
from __future__ import annotations

import click
from click.testing import CliRunner

from .app import cli


def _walk(group: click.Group, prefix: list[str]):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is None or cmd.hidden:
            continue
        yield prefix + [name], cmd
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, prefix + [name])


def render() -> str:
    runner = CliRunner()
    out = ["# newsledger command reference", "",
           "Generated from `newsledger COMMAND --help` by `python -m newsledger.cli.docs`; do not edit.", ""]
    top = runner.invoke(cli, ["--help"], prog_name="newsledger", terminal_width=100)
    out += ["```", top.output.rstrip(), "```", ""]
    for path, _ in _walk(cli, []):
        result = runner.invoke(cli, path + ["--help"], prog_name="newsledger", terminal_width=100)
        out += [f"## newsledger {' '.join(path)}", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
