"""Commitments: pledges, promises, guarantees, ultimatums, deadlines, agreements and threats.

The component (component.py) reads the parse and what earlier components wrote (`doc._.actors`,
`doc._.times`, `doc._.statements`, `doc._.events`) and writes `doc._.commitments`, a list of
records.Commitment: who holds it, towards whom, what, on what condition, by when, and its status.

    triggers.py         commitment verbs and nouns, time given (ultimatums), conditional warnings
    status.py           later words that confirm, deny, extend, keep or break a commitment
    from_statements.py  quoted pledges from doc._.statements, counterparties from doc._.events
    announced.py        future acts announced by the side that will do them ("Germany will finance …,
                        the minister said"), read from doc._.statements
    due.py              due dates, read by the times package's resolver (nlp/times/due.py)
    context.py          the document's actors, times and statements; who speaks for whom
    modality.py         which readings of nlp/grammar (negation, modals, questions, conditions)
                        leave a commitment out
    syntax.py           who acts for the rules (a subject through nlp/grammar), clause text
The words are data: data/commitments.yaml, read by lexicons/commitments.py.
"""
from .component import CommitmentsComponent, make_commitments

__all__ = ["CommitmentsComponent", "make_commitments"]
