"""The spaCy component "newsledger_commitments": reads a parsed Doc, writes `doc._.commitments`.

Three passes over the tokens, each O(tokens): triggers (triggers.py), status cues (status.py), then
what the statements and events components found (from_statements.py, announced.py). Last, overdue: a due date
before the publication date with no evidence either way stays `open`, flagged.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ...dates import period_end
from ...lexicons.commitments import Lexicon, load_lexicon
from ..extensions import ActorIndex
from .announced import announced, anonymous
from .context import Context, Found
from .from_statements import counterparties_from_events, from_statements
from .status import extension_by_giving, status_cue
from .syntax import particle
from .terms import under_terms
from .triggers import from_noun, from_order, from_said_must, from_time_given, from_verb, from_warning

# Statuses under which a commitment is still owed, and so may be overdue.
_OWED = ("open", "unconfirmed", "extended")


class CommitmentsComponent:
    def __init__(self, nlp: Language, name: str, lexicon: Optional[Lexicon] = None):
        self.name = name
        self.lex = lexicon or load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        index: ActorIndex = doc._.actors or ActorIndex()
        ctx = Context(doc, index, self.lex)
        found = self._triggers(ctx)
        found.extend(under_terms(ctx, found))
        self._status_cues(ctx, found)
        found.extend(from_statements(ctx, found))
        found.extend(from_said_must(ctx, found))
        found.extend(announced(ctx, found))
        counterparties_from_events(ctx, found)
        _told_unnamed(ctx, found)
        published = doc._.published
        for f in found:
            c = f.record
            end = period_end(c.due)
            if end and published and c.status in _OWED and end < published.isoformat():
                c.overdue = True
        doc._.commitments = [f.record for f in found]
        return doc

    def _triggers(self, ctx: Context) -> list[Found]:
        """Pass 1: commitment verbs and nouns, time given, conditional warnings, in text order."""
        lex = self.lex
        found: list[Found] = []
        covered: set[int] = set()
        for tok in ctx.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in lex.verbs and tok.i not in covered:
                found.extend(from_verb(ctx, tok, covered))
            elif tok.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns and tok.i not in covered:
                found.extend(from_noun(ctx, tok, covered))
            elif tok.pos_ in ("VERB", "AUX") and tok.i not in covered:
                if lemma in lex.ultimatum_give_verbs or lemma in lex.ultimatum_have_verbs:
                    found.extend(from_time_given(ctx, tok, covered))
                elif lemma in lex.warn_verbs:
                    found.extend(from_warning(ctx, tok, covered))
                elif lemma in lex.word_lists["order_verbs"]:
                    found.extend(from_order(ctx, tok, covered))
        found.sort(key=lambda f: f.trigger.i)
        return found

    def _status_cues(self, ctx: Context, found: list[Found]) -> None:
        """Pass 2: status verbs, "made good on" phrases and more time given, on what pass 1 found."""
        lex = self.lex
        for tok in ctx.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            if lemma in lex.status_verbs or (lemma, particle(tok)) in lex.met_phrases:
                status_cue(ctx, tok, found)
            elif lemma in lex.give_verbs:
                extension_by_giving(ctx, tok, found)


def _told_unnamed(ctx: Context, found: list[Found]) -> None:
    """A commitment told only by unnamed sources ("Japan has decided to hand Manila five ships, three
    government sources said") is unconfirmed until its holder tells it (codebook: unconfirmed): its
    trigger is in the words of a statement by an anonymous source, and of no statement by a named one."""
    tellers = [(st.content.span, anonymous(ctx, st)) for st in ctx.statements
               if st.speaker or anonymous(ctx, st)]
    for f in found:
        if f.record.status != "open":
            continue
        told = [anon for (lo, hi), anon in tellers if lo <= f.trigger.idx < hi]
        if told and all(told):
            f.record.status = "unconfirmed"


@Language.factory("newsledger_commitments")
def make_commitments(nlp: Language, name: str) -> CommitmentsComponent:
    return CommitmentsComponent(nlp, name)
