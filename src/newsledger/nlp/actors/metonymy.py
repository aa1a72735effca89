"""Metonymy: a capital or seat of power acts for its government ("Moscow has not confirmed") or is a
place ("a strike on Kyiv"); the rules are in data/actors/metonymy.yaml. A nationality word acts for its
government the same way before an office or a body of state ("Norwegian officials", "the Norwegian
ministry"), not before other people ("Norwegian fishermen").
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...lexicons.gazetteer import common_groups, load_gazetteer
from ..extensions import Mention
from .parse import governing_preposition, outside_coordination
from .state import DocState


def is_place_object(doc: Doc, s: int, e: int, rules) -> bool:
    """Object of a locative preposition: "in Ukraine", "at the White House"."""
    prep = governing_preposition(doc, s, e)
    return prep is not None and prep.lower_ in rules.get("place_preps", ())


def metonym_is_place(doc: Doc, s: int, e: int, rules) -> bool:
    """Whether a capital or seat of power names a place here rather than acting for its government.
    The rules (metonymy.yaml) look at the preposition it is the object of, or the noun it modifies."""
    tok = outside_coordination(doc[e - 1])
    prep = governing_preposition(doc, s, e)
    if prep is not None:
        word = prep.lower_
        if word in rules.get("place_preps", ()):
            return True
        head = prep.head
        if word in rules.get("on_preps", ()):
            return head.lower_ in rules["on_place_heads"] or head.lemma_.lower() in rules["on_place_heads"]
        if word in rules.get("to_preps", ()):
            motion = rules.get("motion_verbs", ())
            return head.lemma_.lower() in motion or head.lower_ in motion
        return False
    if tok.dep_ in ("compound", "nmod") and tok.head.i >= e:
        head = tok.head
        return head.pos_ in ("NOUN", "PROPN") and head.lower_ not in rules.get("agent_heads", ()) \
            and head.lemma_.lower() not in rules.get("agent_heads", ())
    return False


def apposed_country(st: DocState, e: int) -> Optional[str]:
    """ "Tianjin, China": the country named right after a place, if the gazetteer knows it."""
    doc = st.doc
    if e + 1 < len(doc) and doc[e].text == ",":
        m = st.index.mention_at(doc[e + 1].idx, doc[e + 1].idx + len(doc[e + 1].text))
        if m is not None:
            a = st.index.actors.get(m.actor_id)
            if a is not None and a.type == "country":
                return a.country
    return None


def demonym_of_origin(doc: Doc, m: Optional[Mention], head: Token) -> bool:
    """Whether the nationality word `m` only says where the people of `head` come from ("a Norwegian
    company", "Norwegian fishermen said"), so that the country is not who acts through them: it
    modifies a common group noun (common_groups.tsv, type group) that is no office (titles.tsv) nor
    one of metonymy.yaml's `agent_heads`. A seat of power or an office acts for its government ("the
    Norwegian foreign ministry", "the embassy", "Norwegian officials", "the Russian envoy"), as "a
    Kremlin official" does."""
    if m is None or m.kind != "demonym" or head.pos_ != "NOUN":
        return False
    words = doc.char_span(m.start, m.end)
    if words is None or words[-1].head.i != head.i or words[-1].dep_ not in ("amod", "compound", "nmod"):
        return False
    lemma, word = head.lemma_.lower(), head.lower_
    row = common_groups().get(lemma) or common_groups().get(word)
    if row is None or row[0] != "group":
        return False
    gaz = load_gazetteer()
    return not {lemma, word} & (gaz.metonymy.get("agent_heads", frozenset()) | gaz.titles.keys())
