from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class ReadError:
    """An input that could not be read: where (file and line) and why, in one line."""
    origin: str
    message: str
    line: Optional[int] = None

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line else self.origin
        return f"{where}: {self.message}"
