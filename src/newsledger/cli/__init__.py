"""The `newsledger` command line: one group, each command a thin call into the Python API."""
from .app import cli, main

__all__ = ["cli", "main"]
