"""Who does what in a clause, read from spaCy's dependency parse (ClearNLP labels).

One reading for every extractor: the subject of a verb, the agent of a passive, its objects, the
members of a coordination, the verb that governs a word, what a relative pronoun stands for and the
words of a clause. Extractors differ only in how far they look (which links a subject is shared
through), and say so with the parameters; the labels themselves are named once, here.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from ...lexicons.english import load_english
from .dateline import heading_break
from .doc_cache import kids

# The subject of an active clause ("Russia attacked", "That he left surprised no one") and of a
# passive one ("the town was attacked"): the passive subject undergoes, the agent acts.
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
SUBJECT_DEPS = ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
# What a verb acts on or predicates of: direct and indirect object, predicate noun or adjective.
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
# A clause whose subject is left out because it is its governor's: "agreed to withdraw" (xcomp),
# "attacked and seized the town" (conj).
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj"})
# Clauses that modify a noun; their relative pronoun or gap stands for that noun.
RELATIVE_CLAUSE_DEPS = frozenset({"relcl", "acl"})
# Clauses embedded in another: each has its own subject, verb and modality.
EMBEDDED_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "conj"})
# Modifiers of a noun that belong to its naming words.
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
VERBAL_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})

RELATIVE_PRONOUNS = load_english().relative_pronouns
EXTRAPOSING = load_english().extraposing_predicates


def is_verb(tok: Token) -> bool:
    return tok.pos_ in VERBAL_POS


def is_root(tok: Token) -> bool:
    return tok.head.i == tok.i


def verb_lemmas(tok: Token) -> tuple[str, ...]:
    """The lemmatizer's lemma, then regular de-inflections of the word: the small model lemmatizes
    some verbs wrongly ("staged" -> "stag", "hopes" -> "hop")."""
    lemma = tok.lemma_.lower()
    word = tok.lower_
    out = [lemma]
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])            # "stopped" -> "stop"
        if word.endswith("ied"):
            out.append(word[:-3] + "y")
    elif word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:
            out.append(word[:-4])
    elif word.endswith("s"):
        out += [word[:-1], word[:-2]]
    out.append(word)
    return tuple(dict.fromkeys(out))


def children(tok: Token, deps: Iterable[str]) -> list[Token]:
    """The children of `tok` attached by one of `deps`, in text order."""
    deps = deps if isinstance(deps, (set, frozenset)) else frozenset(deps)
    return [c for c in kids(tok) if c.dep_ in deps]


def _set_off(phrase: Token, verb: Token) -> bool:
    """A comma stands between the phrase (its own closing punctuation included) and the verb after it."""
    doc = verb.doc
    last = phrase.right_edge.i
    while last > phrase.i and doc[last].is_punct:
        last -= 1
    return any(t.text == "," for t in doc[last + 1:verb.i])


def own_subject(verb: Token, deps: frozenset[str] = ACTIVE_SUBJECT_DEPS, relatives: bool = False,
                titles: bool = False, headings_before_verb: bool = False) -> Optional[Token]:
    """The verb's own subject (a child by one of `deps`), or None.

    Of two (a misparse), one set off from the next by a colon, a dash or a line break is a dateline
    or heading ("BERLIN -- A court has convicted", "12:15 p.m.\n\nDonald Trump says"). Of the rest
    before the verb, an apposition is closed off from the verb by a comma, the subject is not ("again
    the party's nominee, she was arrested": she); when that does not tell, the first ("Members of
    the association, a body linked to the OAU, investigated"). One after the verb is the subject only
    when none comes before it ("said Trump").

    With `headings_before_verb`, only subjects before the verb are weighed for a heading (a colon
    after the verb opens a list: "Bob said he knew two men: Abu Khattala, who ..." is Bob's saying).
    With `relatives`, a relative pronoun before another subject is not the subject: the clause has
    its own, and the pronoun stands for an object or a subject further in ("the system, which
    advocates say disadvantages schools": advocates). With `titles`, of two subjects with no comma
    between them the first is no apposition but a title or description of the second ("Vatican
    spokesman the Rev. Federico Lombardi told": Lombardi) or words of a clause the parse lost
    ("voters do so not because they cherish": they); the later is the subject.
    """
    found = [c for c in kids(verb) if c.dep_ in deps]
    if len(found) < 2:
        return found[0] if found else (object_subject(verb) if "nsubj" in deps else None)
    doc = verb.doc
    if headings_before_verb:
        found = [c for c in found if c.i < verb.i] or found
    # (not "closed primaries -- those open only to Democrats -- deny": a dash that closes an aside)
    found = [c for c, nxt in zip(found, found[1:]) if not heading_break(doc, c.i + 1, nxt.i)
             or heading_break(doc, nxt.right_edge.i + 1, verb.i)] + found[-1:]
    before = [c for c in found if c.i < verb.i]
    if not before:
        return found[0]     # "said Trump"
    if relatives:
        before = [c for c in before[:-1] if c.lower_ not in RELATIVE_PRONOUNS] + before[-1:]
    if titles:
        before = [c for c, nxt in zip(before, before[1:])
                  if any(t.text == "," for t in doc[c.right_edge.i + 1:nxt.left_edge.i])] + before[-1:]
    joined = [c for c in before if not _set_off(c, verb)]
    return joined[0] if len(joined) == 1 else before[0]


def subject(verb: Token, deps: frozenset[str] = ACTIVE_SUBJECT_DEPS, climb: frozenset[str] = frozenset(),
            relative: bool = False, agents: bool = False, hops: int = 4,
            relative_deps: frozenset[str] = RELATIVE_CLAUSE_DEPS) -> Optional[Token]:
    """The subject of `verb`.

    With `climb` (e.g. SHARED_SUBJECT_DEPS), a verb without a subject of its own takes its governor's
    through those links: "Russia agreed to withdraw" (withdraw: Russia), "attacked and seized the town".
    With `relative`, the subject of a relative clause (one of `relative_deps`) with a gap is the noun
    it modifies ("the minister who pledged": the minister). With `agents`, a passive verb's agent
    counts as its subject (the one who acts: "was pledged by Germany").
    """
    node = verb
    for _ in range(hops + 1):
        found = own_subject(node, deps)
        if found is None and agents:
            found = agent(node, predicate=False)
        if found is not None:
            return found
        if relative and node.dep_ in relative_deps and node.head.pos_ in NOMINAL_POS:
            return node.head
        if node.dep_ not in climb or is_root(node):
            return None
        node = node.head
    return None


# Their label ids (spaCy symbols), as Token.dep gives them: comparing ids spares a string per child.
_PASSIVE_DEP_IDS = frozenset(get_string_id(d) for d in ("auxpass", "nsubjpass", "csubjpass"))


def is_passive(verb: Token) -> bool:
    """A passive verb: a passive auxiliary or a passive subject ("was attacked", "the town attacked")."""
    return any(c.dep in _PASSIVE_DEP_IDS for c in kids(verb))


def _names_someone(tok: Token) -> bool:
    return (tok.pos_ in ("PROPN", "PRON") or bool(tok.ent_type_) or tok.tag_ == "NNS"
            or any(g.dep_ in ("det", "poss") for g in kids(tok)))


def time_bound(by: Token) -> bool:
    """A by-phrase whose object is a time ("will be paid out by the end of the year", "by Friday"): the
    time the act is due by, which the parse may mark as a passive's agent; no one who acts."""
    pobj = next((g for g in kids(by) if g.dep_ == "pobj"), None)
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def agent(verb: Token, predicate: bool = True) -> Optional[Token]:
    """The one who acts in a passive: the object of its by-phrase ("was attacked by rebels"), not a time
    ("by the end of the year": time_bound).

    With `predicate`, a by-phrase the parse hung on the predicate noun of a passive verb counts too
    ("was called a liar by the mayor"), when it names someone (not "by mistake", "by default").
    """
    for c in kids(verb):
        if c.dep_ == "agent" and not time_bound(c):
            pobj = next((g for g in kids(c) if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if predicate and is_passive(verb):
        for c in kids(verb):
            if c.dep_ in ("oprd", "attr", "dobj"):
                by = next((g for g in c.rights if g.dep_ == "prep" and g.lower_ == "by"), None)
                obj = next((g for g in kids(by) if g.dep_ == "pobj"), None) if by is not None else None
                if obj is not None and _names_someone(obj):
                    return obj
    return None


def conjuncts(tok: Token) -> list[Token]:
    """The words coordinated with `tok` after it ("Germany, France and Italy" from "Germany"), in text
    order; `tok` itself is not among them."""
    out, todo = [], [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def first_conjunct(tok: Token) -> Token:
    """The head of the coordination `tok` is a member of (itself when it is none's)."""
    while tok.dep_ == "conj" and not is_root(tok):
        tok = tok.head
    return tok


def objects(verb: Token, deps: frozenset[str] = OBJECT_DEPS, coordinated: bool = False) -> list[Token]:
    """The verb's objects (OBJECT_DEPS by default), in text order; with `coordinated`, each object's
    conjuncts too ("seized the town and the airport")."""
    out = children(verb, deps)
    if coordinated:
        out = sorted({t.i: t for o in out for t in [o, *conjuncts(o)]}.values(), key=lambda t: t.i)
    return out


def governor(tok: Token, hops: int = 8) -> Optional[Token]:
    """The verb that governs `tok`: itself when it is one, else its nearest verbal ancestor
    ("the deal Russia signed" -> the deal's verb), or None."""
    node = tok
    for _ in range(hops):
        if node.pos_ in VERBAL_POS:
            return node
        if is_root(node):
            return None
        node = node.head
    return None


def dominates(head: Token, tok: Token) -> bool:
    """`tok` is `head` or inside its subtree."""
    return head.left_edge.i <= tok.i <= head.right_edge.i and (
        tok.i == head.i or any(a.i == head.i for a in tok.ancestors))


def relative_clause(pron: Token) -> Optional[Token]:
    """The relative clause a relative pronoun opens ("the minister who said": said), or None."""
    if pron.lower_ not in RELATIVE_PRONOUNS or pron.dep_ == "mark":
        return None     # "said that ...": a complementizer, not a pronoun
    node = pron.head
    for _ in range(3):      # "whose office said": whose -> office -> said
        if node.dep_ in RELATIVE_CLAUSE_DEPS:
            return node
        if is_root(node) or node.pos_ in VERBAL_POS:
            return None
        node = node.head
    return None


def relative_antecedent(pron: Token) -> Optional[Token]:
    """The noun a relative pronoun stands for ("the minister, who said": the minister), or None
    when `pron` is no relative pronoun of a relative clause."""
    clause = relative_clause(pron)
    return clause.head if clause is not None else None


def clause_head(tok: Token) -> Token:
    """The verb heading the clause `tok` is in (itself for a verb; `tok` when no verb governs it)."""
    return governor(tok) or tok


def clause_span(tok: Token, embedded: bool = False) -> Span:
    """The words of the clause `tok` is in, from its first own word to its last.

    A clause's own words are its head verb and the phrases under it, leaving out the clauses
    embedded in it (relative, adverbial, complement and coordinated clauses: EMBEDDED_CLAUSE_DEPS),
    which have their own subject and modality, and its subordinator ("that", "if"), which links it to
    the clause above; one embedded between two own words stays inside the span. With `embedded`,
    everything is kept (the whole subtree: "if Russia attacks Ukraine").
    """
    head = clause_head(tok)
    doc = head.doc
    if embedded:
        return doc[head.left_edge.i:head.right_edge.i + 1]
    left = right = head.i
    for c in kids(head):
        if c.is_punct or c.dep_ in ("cc", "mark") or (
                c.dep_ in EMBEDDED_CLAUSE_DEPS and not (c.dep_ == "conj" and c.pos_ not in VERBAL_POS)):
            continue
        left, right = min(left, c.left_edge.i), max(right, c.right_edge.i)
    return doc[left:right + 1]


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def to_infinitive(verb: Token) -> bool:
    """A verb marked by infinitival "to" ("agreed to withdraw", "called Lavrov to discuss Syria")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb))


# Marks that close a noun phrase set off before its verb.
_CLOSING_MARKS = frozenset({",", ")", "—", "–"})


def stranded_subject(verb: Token) -> Optional[Token]:
    """The subject of a finite main verb that the parse hung, by apposition or coordination, on the
    phrase before it ("In a call on Dec. 2, Col. Steven Warren, a spokesman, said": Warren an apposition
    of "Dec. 2"; "Alarmed by the unrest in Nevada, Senator Harry Reid said": a conjunct of Nevada).
    A finite English clause has a subject; one without any, right after a noun phrase closed by a
    comma or bracket, has lost it to that phrase. None when the verb has a subject or is not a finite
    main verb (the root, or a clause the parse joined to the one before with no joining word: unjoined_clause)."""
    if verb.tag_ not in FINITE_TAGS or not (verb.dep_ == "ROOT" or unjoined_clause(verb)) or any(
            c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in kids(verb)):
        return None
    j = verb.i - 1
    lefts = {c.i for c in verb.lefts if c.dep_ in ("advmod", "punct")}
    while j > verb.sent.start and (j in lefts or verb.doc[j].text in _CLOSING_MARKS):
        # the comma, and "also", "further": "Brenda Johnson also explained"; the comma or bracket
        # closing the phrase, wherever the parse hung it ("Jay DiPietro, the club's president, said")
        j -= 1
    tok = verb.doc[j]
    found = None
    while tok.head.i != tok.i and tok.head.i < verb.i:
        if tok.dep_ in ("conj", "appos") and tok.pos_ in ("PROPN", "NOUN") \
                and tok.head.pos_ in NOMINAL_POS and tok.head.i < tok.i:
            found = tok     # the highest: "Reid, the minority leader" is Reid, not leader
        tok = tok.head
    return found


def unjoined_clause(verb: Token) -> bool:
    """A verb the parse made a conjunct or an adverbial of the clause before it with no word joining the two
    ("UNHCR will pay ..., its representative in the country said": "said" a conjunct or adverbial clause of
    "pay"): two verbs coordinated with no "and" or "or" between them are no list of acts, and an adverbial clause
    with no "as", "because" or "when" is no adverbial; it is a main verb whose subject the parse hung elsewhere."""
    head = verb.head
    if head.i >= verb.i or verb.dep_ not in ("conj", "advcl"):
        return False
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in kids(verb)):
        return False
    return not any(c.dep_ in ("cc", "preconj") and head.i < c.i < verb.i for c in (*kids(head), *kids(verb)))


def object_subject(verb: Token) -> Optional[Token]:
    """The subject of a reported clause that the parse took for the object of the verb it hangs on ("The union
    said on Monday its members at the mine would down tools": "members" the object of "said", "would down"
    a clause with no subject). A finite clause has a subject; a noun phrase that ends right where the clause
    begins, the one object of the verb before it, is that subject (a verb of saying takes no object and a
    clause in a row: "told reporters it would" gives the clause its own). None when the clause has a
    subject or is no finite complement clause."""
    if verb.dep_ != "ccomp" or verb.head.i > verb.i or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in kids(verb)):
        return None
    if verb.tag_ not in FINITE_TAGS and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids(verb)):
        return None
    objs = [c for c in kids(verb.head) if c.dep_ in OBJECT_DEPS and c.i < verb.i]
    if len(objs) != 1 or objs[0].pos_ not in NOMINAL_POS or objs[0].right_edge.i + 1 != verb.left_edge.i:
        return None
    return objs[0]


def extraposed_it(verb: Token) -> bool:
    """`verb` is "be" with a placeholder "it" for a subject and a predicate that puts one there ("it is
    hard to know", "it's worth noting", "it's no exaggeration to call this": data/english.yaml,
    extraposing_predicates): the real subject is the infinitive or gerund after it, and "it" names no
    one ("it was ready to defend" keeps its "it")."""
    return verb.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in kids(verb)) \
        and any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in EXTRAPOSING for c in kids(verb))


def placeholder_it(verb: Token) -> bool:
    """`verb` has a placeholder "it" for a subject, its real subject a clause after it: a clause of
    its own ("it seems that A", "it appears A") or of its predicate ("it seems likely that A", "it
    seems unfair to ask": data/english.yaml, extraposing_predicates); "it seemed to work" and "it
    appears certain to pass" keep their "it"."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in kids(verb)):
        return False
    for c in verb.rights:
        if c.dep_ == "ccomp":
            return True
        if c.dep_ in ("acomp", "attr", "oprd") and any(
                g.dep_ == "ccomp" or (g.dep_ == "xcomp" and c.lemma_.lower() in EXTRAPOSING) for g in kids(c)):
            return True
    return False


def set_off_host(cue: Token) -> Optional[Token]:
    """The clause a cue set off inside it reports ("The plan, he said, will fail"): the cue's head, or,
    where the parse made the cue the root, its clausal complement."""
    return cue.head if cue.head.i != cue.i else next((c for c in kids(cue) if c.dep_ == "ccomp"), None)


def tells_when(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Thursday", "in June", "at the time")."""
    objs = [c for c in kids(prep) if c.dep_ == "pobj"]
    return len(objs) == 1 and (objs[0].ent_type_ in ("DATE", "TIME") or objs[0].lower_ == "time") and all(
        t.ent_type_ in ("DATE", "TIME") or t.is_punct or t.pos_ in ("DET", "ADP") or t.lower_ == "time"
        for t in prep.subtree if t.i != prep.i)


def saying_time(cue: Token, clause: Token) -> Optional[Token]:
    """The time of a saying that the parse hung on the clause it reports: "said on Tuesday it would cut fees",
    "said Monday the talks would resume". A time right after the cue and before the clause's subject, with
    nothing but punctuation between, tells when the words were said: fronted inside the reported clause,
    English puts it after "that" ("said that on Tuesday it would"). None when there is no such time."""
    subj = own_subject(clause)
    if subj is None or clause.left_edge.i <= cue.i or subj.i < clause.left_edge.i:
        return None
    for c in kids(clause):
        if c.i >= subj.i or c.left_edge.i != clause.left_edge.i:
            continue
        when = (c.dep_ == "prep" and tells_when(c)) or (
            c.dep_ == "npadvmod" and all(t.ent_type_ in ("DATE", "TIME") for t in c.subtree))
        if when and all(t.is_punct or t.is_space for t in cue.doc[cue.i + 1:c.left_edge.i]):
            return c
    return None
