"""Commitments from what earlier components wrote: statements (doc._.statements) and events (doc._.events).

Quoted pledges the parse rules miss become records of their own; coded events of the same sentence
give a counterparty the parse left open.
"""
from __future__ import annotations

from ...records import Commitment
from .context import Context, Found
from .due import due_in
from .modality import hypothetical
from .syntax import clause_text, points_back, sentence_span


def from_statements(ctx: Context, found: list[Found]) -> list[Found]:
    """Quoted pledges the parse rules miss ("“We will rebuild the bridge by June,” Mayor X
    pledged."): a statement of kind pledge whose cue is not already a trigger; the speaker holds it."""
    taken = {f.trigger.i for f in found} | {f.noun.i for f in found if f.noun is not None}
    out = []
    for st in ctx.statements:
        if st.kind != "pledge" or st.negated or not st.speaker:
            continue
        cue = ctx.doc.char_span(st.cue.span[0], st.cue.span[1], alignment_mode="expand")
        if cue is None or cue.root.lemma_.lower() not in ctx.lex.verbs:
            continue        # "offered condolences" is a statement of kind pledge, not a commitment
        if points_back(cue.root):
            continue        # "the ships Norway promised Ghana arrived": a promise told before, pointed back at
        if any(t.i in taken for t in cue) or any(
                f.trigger.sent.start_char == st.span[0] for f in found if f.trigger.i in taken
                and f.trigger.lemma_.lower() in ctx.lex.verbs):
            continue
        content = ctx.doc.char_span(st.content.span[0], st.content.span[1], alignment_mode="expand")
        if content is None or len(content) < 2 or hypothetical(cue.root):
            continue
        text = clause_text(t for t in content if not t.is_quote)
        due = due_in(ctx, [content.root], None, content.root)
        holder = ctx.state_of(st.speaker) if "pledge" in ctx.lex.state_kinds else st.speaker
        rec = Commitment(kind="pledge", holder=holder, content=text, due=due,
                         evidence=[tuple(st.span)])
        out.append(Found(rec, cue.root, None, ctx.lex.group_of("pledge")))
    return out


def counterparties_from_events(ctx: Context, found: list[Found]) -> None:
    """A counterparty the parse left open, from a coded event of the same sentence whose source
    is the holder (events read "Germany pledges aid to Ukraine" with its target)."""
    events = [e for e in (ctx.doc._.events or []) if e.source and e.target and not e.negated]
    for f in found:
        c = f.record
        if c.counterparty is not None:
            continue
        s0, s1 = sentence_span(f.trigger.sent)
        for e in events:
            if s0 <= e.trigger.span[0] < s1 and ctx.same_side(e.source, c.holder) and \
                    e.code[:2] in ctx.lex.event_roots and not ctx.same_side(e.target, c.holder):
                c.counterparty = e.target
                break
