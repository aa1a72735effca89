"""Our TIMEX3 normalizer: rules as data (data/times/), recognition and normalization in plain Python.

    recognize.find_candidates(text) -> matches of the rules of data/times/patterns.yaml
    normalize.Normalizer()(norm, groups, Context) -> a TIMEX3 value with its anchor
The spaCy component using them is newsledger.nlp.times.
"""
