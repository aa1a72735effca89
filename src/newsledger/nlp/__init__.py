"""The NLP stage: a spaCy pipeline of the model's components plus ours (see pipeline.py)."""
