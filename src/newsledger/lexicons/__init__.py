"""The package's data files (data/*.tsv, data/*.yaml) read through one cached loader, without spaCy.

Everything that only needs a word list or a code table imports from here: track/, store/ and web/
never import nlp/ (and with it spaCy). Each lexicon has a module of its own beside this one; the
extractors in nlp/ build their parse-time indexes from the same readers.
"""
from .loader import data_path, data_text, tsv_rows, yaml_data

__all__ = ["data_path", "data_text", "tsv_rows", "yaml_data"]
