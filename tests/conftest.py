"""Fixtures shared by every test folder: the repo's paths, the shared data, one pipeline, the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (the reference article and the gold data); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared_dir):
    import json
    from newsledger.records import Article
    line = (shared_dir / "corpus/seed/putin-understandings.jsonl").read_text(encoding="utf-8").splitlines()[0]
    obj = json.loads(line)
    return Article(text=obj["text"], id=obj["id"], title=obj.get("title"), published=obj.get("published"))


@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp.pipeline import cached_pipeline
    return cached_pipeline()


@pytest.fixture(scope="session")
def seed_record(seed_article, nlp) -> dict:
    from newsledger.extract import extract
    return extract(seed_article, nlp=nlp).to_dict()


class Cli:
    """Runs `newsledger …` in this process (fast) or as a real subprocess (exit codes, stdin, signals)."""

    def __init__(self) -> None:
        from newsledger.cli.app import cli
        from newsledger.cli import commands  # noqa: F401  (registers the commands)
        self._cli = cli

    def __call__(self, *args: str, input: str | bytes | None = None):
        return CliRunner().invoke(self._cli, [str(a) for a in args], input=input, catch_exceptions=False)

    @staticmethod
    def subprocess(*args: str, input: bytes | None = None, cwd: Path | None = None, timeout: int = 600):
        exe = Path(sys.executable).parent / "newsledger"
        return subprocess.run([str(exe), *map(str, args)], input=input, capture_output=True, cwd=cwd,
                              timeout=timeout, env={**os.environ, "NEWSLEDGER_DEBUG": ""})


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli()
