"""The one reading of English every extractor shares (see docs/grammar.md).

`syntax`: who does what in a clause (subject, agent, objects, conjuncts, governor, relative pronouns,
clause span). `modality`: whether the clause is asserted as done (negation, modals and intentions,
conditions, questions). `dateline`: the wire dateline or heading a story opens with, whose words
name no actor. The closed-class words they use are in data/english.yaml.
"""
from .modality import (ALL_MODALS, COMPLEMENT_DEPS, CONDITION_MARKS, INTENT_HEADS, NEGATING_HEADS,
                       NEGATOR_DEPS, NEGATORS, QUESTION_MARKS, condition_mark, conditional, conditions, demanding,
                       hypothetical, intent_head, modal, modal_kind, negated, negating_head, negator,
                       open_question, question, under_modal, without)
from .syntax import (ACTIVE_SUBJECT_DEPS, AUXILIARY_DEPS, EMBEDDED_CLAUSE_DEPS, NOMINAL_POS,
                     NOUN_MODIFIER_DEPS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, RELATIVE_CLAUSE_DEPS,
                     RELATIVE_PRONOUNS, SHARED_SUBJECT_DEPS, SUBJECT_DEPS, VERBAL_POS, agent, children,
                     clause_head, clause_span, conjuncts, dominates, extraposed_it, first_conjunct, governor,
                     is_passive, is_root, is_verb, objects, own_subject, placeholder_it, relative_antecedent,
                     relative_clause, saying_time, set_off_host, subject, tells_when, to_infinitive, verb_lemmas)

__all__ = [
    "ACTIVE_SUBJECT_DEPS", "ALL_MODALS", "AUXILIARY_DEPS", "COMPLEMENT_DEPS", "CONDITION_MARKS",
    "EMBEDDED_CLAUSE_DEPS", "INTENT_HEADS", "NEGATING_HEADS", "NEGATOR_DEPS", "NEGATORS", "NOMINAL_POS",
    "NOUN_MODIFIER_DEPS", "OBJECT_DEPS", "PASSIVE_SUBJECT_DEPS", "QUESTION_MARKS", "RELATIVE_CLAUSE_DEPS",
    "RELATIVE_PRONOUNS", "SHARED_SUBJECT_DEPS", "SUBJECT_DEPS", "VERBAL_POS",
    "agent", "children", "clause_head", "clause_span", "condition_mark", "conditional", "conditions",
    "conjuncts", "demanding", "dominates", "extraposed_it", "first_conjunct", "governor", "hypothetical", "intent_head", "is_passive",
    "is_root", "is_verb", "modal", "modal_kind", "negated", "negating_head", "negator", "objects",
    "open_question", "own_subject", "placeholder_it", "question", "relative_antecedent", "relative_clause",
    "saying_time", "set_off_host",
    "subject", "tells_when",
    "to_infinitive", "under_modal", "verb_lemmas", "without",
]
