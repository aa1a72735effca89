"""A company named again by a definite description: "the company", "the German carmaker", "the iPhone
maker" names the organization named last before it. Read by commitments (who holds a pledge) and by
statements (who speaks: "..., the company said"), so both read the description the same way.

The word lists are data (data/actors/companies.yaml: company_descriptions, maker_heads, not_company_words).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...lexicons.companies import load_company_words
from ..extensions import ActorIndex
from ..grammar.dateline import past_dateline
from ..grammar.syntax import SUBJECT_DEPS


def described_company(tok: Token, index: ActorIndex) -> Optional[str]:
    """The organization a definite description of a company names: "the company", "the planemaker",
    "the iPhone maker" (data: company_descriptions, maker_heads). News names a company, then goes on
    with such a description of it: the organization named last before it, never the product or
    actor in its own modifiers ("the iPhone maker" is not the iPhone, "the German carmaker" not
    Germany)."""
    words = load_company_words()
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in words.descriptions | words.maker_heads:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None     # "Mr. Clarke's new company", "a company": another company, not the one named last
    own = {m.actor_id for m in index.mentions_in(tok.left_edge.idx, tok.idx + len(tok.text))}
    best = subject = None
    sent = tok.sent
    for m in index.mentions:
        if m.end > tok.left_edge.idx:
            break
        a = index.actors.get(m.actor_id)
        if a is not None and a.type == "organization" and a.id not in own and not \
                set(a.name.lower().split()) & words.not_company_words:
            best = a.id
            if m.start >= sent.start_char and _names_subject(tok.doc, m.start, m.end):
                subject = a.id
    # "Rio Tinto will invest in Mongolia's Oyu Tolgoi mine, the company said": the company that acts in
    # the sentence, not the mine or the partner named after it in the sentence's other phrases
    return subject or best


def _names_subject(doc, start: int, end: int) -> bool:
    """The mention is a clause's subject ("Ivanhoe Mines will build ..."; behind a wire dateline the parse
    took for it, grammar/dateline.py), not an object or modifier."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS:
        return past_dateline(root.head).i == root.i
    return root.dep_ in SUBJECT_DEPS
