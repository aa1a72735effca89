"""One way to read a file of data/: by its path parts under the package's data folder, cached."""
from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path

import yaml


def data_path(*parts: str) -> Path:
    """The path of a data file ("statements", "cues.tsv"): works from a checkout and from a wheel."""
    return Path(str(resources.files("newsledger").joinpath("data", *parts)))


@functools.lru_cache(maxsize=None)
def data_text(*parts: str) -> str:
    return data_path(*parts).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def tsv_rows(*parts: str) -> tuple[dict[str, str], ...]:
    """The rows of a TSV file with a header line; blank lines and # comments are skipped."""
    lines = [line for line in data_text(*parts).splitlines() if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t"))


@functools.lru_cache(maxsize=None)
def yaml_data(*parts: str):
    """A YAML file, parsed once. Callers must not change what it returns."""
    return yaml.safe_load(data_text(*parts))
