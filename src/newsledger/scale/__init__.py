"""Scaling extraction: a process pool (`pool`), a dask.distributed runner (`dask_runner`) and a
faster matrix-multiply backend for spaCy's models (`ops`). See docs/scaling.md."""
