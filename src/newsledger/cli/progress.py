"""A progress bar for long runs: articles done, words per second, time left (on stderr, only on a terminal)."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterable, Optional

from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from ..ingest.sources import JSONL_SUFFIXES, detect_kind, walk
from .output import stderr


def count_articles(paths: Iterable[str]) -> Optional[int]:
    """How many articles the inputs hold (JSONL lines counted, a file one), or None for stdin."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        files = walk(path) if os.path.isdir(path) else [path]
        for file in files:
            try:
                with open(file, "rb") as f:
                    head = f.read(4096)
                    if detect_kind(file, head) == "jsonl" or Path(file).suffix.lower() in JSONL_SUFFIXES:
                        f.seek(0)
                        total += sum(1 for line in f if line.strip())
                    else:
                        total += 1
            except OSError:
                total += 1
    return total


class WordsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        words = task.fields.get("words", 0)
        elapsed = task.elapsed or 0
        rate = words / elapsed if elapsed > 0 else 0
        return Text(f"{rate:,.0f} words/s", style="cyan")


class RunProgress:
    """Context manager: `advance(words)` once per article done."""

    def __init__(self, total: Optional[int], enabled: bool, label: str = "articles"):
        self.enabled = enabled
        self.words = 0
        self.started = time.monotonic()
        self._progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            WordsPerSecond(), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
            console=stderr, transient=False, disable=not enabled)
        self._task = self._progress.add_task(label, total=total, words=0)

    def __enter__(self) -> "RunProgress":
        self._progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._progress.__exit__(*exc)

    def advance(self, words: int) -> None:
        self.words += words
        self._progress.update(self._task, advance=1, words=self.words)

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.words / elapsed if elapsed > 0 else 0.0
