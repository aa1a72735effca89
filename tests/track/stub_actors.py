"""A tiny actors component for tracking tests: a gazetteer WE wrote, so commitment and tracking tests
do not depend on how far the real actors component has got. Same contract (`doc._.actors`, an
ActorIndex with metonyms and pronouns), a handful of names.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsledger.nlp.extensions import ActorIndex
from newsledger.records import Actor

# surface -> (id, name, type, country, roles)
GAZETTEER = {
    "Russia": ("russia", "Russia", "country", "RUS", []),
    "Moscow": ("russia", "Russia", "country", "RUS", []),
    "the Kremlin": ("russia", "Russia", "country", "RUS", []),
    "Kremlin": ("russia", "Russia", "country", "RUS", []),
    "Ukraine": ("ukraine", "Ukraine", "country", "UKR", []),
    "Kyiv": ("ukraine", "Ukraine", "country", "UKR", []),
    "Germany": ("germany", "Germany", "country", "DEU", []),
    "Berlin": ("germany", "Germany", "country", "DEU", []),
    "France": ("france", "France", "country", "FRA", []),
    "Japan": ("japan", "Japan", "country", "JPN", []),
    "Indonesia": ("indonesia", "Indonesia", "country", "IDN", []),
    "Turkey": ("turkey", "Turkey", "country", "TUR", []),
    "Hungary": ("hungary", "Hungary", "country", "HUN", []),
    "the European Commission": ("european-commission", "European Commission", "organization", None, []),
    "Vladimir Putin": ("vladimir-putin", "Vladimir Putin", "person", "RUS", ["President of Russia"]),
    "Putin": ("vladimir-putin", "Vladimir Putin", "person", "RUS", ["President of Russia"]),
    "Donald Trump": ("donald-trump", "Donald Trump", "person", "USA", ["President of the United States"]),
    "Trump": ("donald-trump", "Donald Trump", "person", "USA", ["President of the United States"]),
    "Steve Witkoff": ("steve-witkoff", "Steve Witkoff", "person", "USA", ["special envoy"]),
    "Dmitry Peskov": ("dmitry-peskov", "Dmitry Peskov", "person", "RUS", ["Kremlin spokesman"]),
    "Peskov": ("dmitry-peskov", "Dmitry Peskov", "person", "RUS", ["Kremlin spokesman"]),
    "Emmanuel Macron": ("emmanuel-macron", "Emmanuel Macron", "person", "FRA", ["President of France"]),
    "Macron": ("emmanuel-macron", "Emmanuel Macron", "person", "FRA", ["President of France"]),
    "Volodymyr Zelensky": ("volodymyr-zelensky", "Volodymyr Zelensky", "person", "UKR", ["President of Ukraine"]),
    "Zelensky": ("volodymyr-zelensky", "Volodymyr Zelensky", "person", "UKR", ["President of Ukraine"]),
    "Shigeru Ishiba": ("shigeru-ishiba", "Shigeru Ishiba", "person", "JPN", ["Prime Minister of Japan"]),
}
_NAMES = re.compile(r"\b(" + "|".join(sorted(map(re.escape, GAZETTEER), key=len, reverse=True)) + r")\b")
_PRONOUNS = re.compile(r"\b(he|his|him|she|her)\b", re.I)


class StubActors:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        index = ActorIndex()
        hits = [(m.start(), m.end(), GAZETTEER[m.group(1)]) for m in _NAMES.finditer(doc.text)]
        for start, end, (aid, name, typ, country, roles) in hits:
            index.add(Actor(id=aid, name=name, type=typ, country=country, roles=list(roles)))
            index.add_mention(aid, start, end)
        # Pronouns: the latest person named before them (good enough for our own fixtures).
        for m in _PRONOUNS.finditer(doc.text):
            people = [h for h in hits if h[1] <= m.start() and h[2][2] == "person"]
            if people:
                index.add_mention(people[-1][2][0], m.start(), m.end(), kind="pronoun")
        doc._.actors = index
        return doc


@Language.factory("test_stub_actors")
def make_stub_actors(nlp: Language, name: str) -> StubActors:
    return StubActors(nlp, name)


def stub_pipeline():
    """The real pipeline with the stub gazetteer in place of the actors component."""
    from newsledger.nlp.pipeline import load_pipeline
    nlp = load_pipeline()
    nlp.replace_pipe("newsledger_actors", "test_stub_actors")
    return nlp
