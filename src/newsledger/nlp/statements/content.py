"""Where a verb cue's words are, by its frame: its clause, an object ("thanked Xi and Modi"), a passive
subject ("Mrs. Clinton is seen as more capable"), a relative pronoun ("a view, which I share"), or the
sentence it is set inside. `verb_content` tries these in order; the helpers decide what follows an
object (its own phrases, not the setting of the cue).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...lexicons.cues import Cue
from .adjacent import adjacent_quote
from .clauses import (
    as_content, as_reported, before_cue_participle, clause_as_adverbial, closing_cue, parenthetical,
    quote_then_aside, relative_before, root_set_off, set_off, stray_that_clause, when)
from ..grammar.doc_cache import kids
from ..grammar.syntax import (PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, agent, is_passive, own_subject, relative_clause,
                              saying_time, set_off_host, stranded_subject)
from .context import Reading
from .spans import CharSpan

# Dependents of a cue verb that carry what was said when there is no clause ("thanked Xi and Modi",
# "dismissed proposals for a buffer zone", "called Trump “unhinged”").
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "dative", "attr", "acomp"})
# Prepositions whose object is the content of a cue without a clause ("accused Russia of seeking",
# "warned about", "praised X for ...").
_CONTENT_PREPS = frozenset({"of", "about", "for", "on", "against", "over", "that", "into", "as"})
# Prepositions that give a question's topic ("asked him about the fees", "pressed her on the vote").
_TOPIC_PREPS = frozenset({"about", "on", "over", "regarding"})
_NOT_CONTENT_TAIL = frozenset({"punct", "cc", "conj", "agent", "parataxis", "advcl", "relcl", "ccomp", "dep"})
_WH_OBJECTS = frozenset({"what", "which", "that"})
# Words that stand for what was said ("said yes", "said so").
_PRO_ANSWERS = frozenset({"yes", "no", "so"})
# Frames whose verb can report a clause, so can be set off inside the clause it reports ("A, he believes, B").
_CLAUSE_FRAMES = frozenset({"speech", "utterance", "clause", "object"})


def verb_content(r: Reading, tok: Token, cue: Cue, extra: tuple[Token, ...]
                 ) -> tuple[Optional[CharSpan], str, Optional[Token]]:
    """Where a verb cue's words are, by its frame: (span or None, rule name, the content's head)."""
    if cue.frame in _CLAUSE_FRAMES and (inside := parenthetical(r, tok)) is not None:
        # "The plan, he said, will fail", "Part of it, say experts, is ...": the clause around the cue,
        # whichever way the parse hung the two together (verb_cues.py takes the speaker from the aside)
        return inside[0], "verb-set-off", set_off_host(tok)
    comps = [c for c in kids(tok) if c.dep_ == "ccomp"]
    if len(comps) > 1 and comps[0].i < tok.i and any(
            c.dep_ == "nsubj" and c.i > tok.i for c in kids(tok)) and "\n" not in r.text[comps[0].idx:tok.idx]:
        # "“A,” said David Brock, who heads Correct the Record": a speaker after the cue, so the
        # clause before it is what was said (the later "clause" is the parse misreading a name)
        comps = [c for c in comps if c.i < tok.i]
    if len(comps) > 1 and comps[-1].i > tok.i:
        if any(t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp") and r.is_cue_verb(t)
               for t in r.doc[tok.i + 1:comps[-1].i]) and comps[0].i < tok.i:
            # "“A,” X said, adding of Y, “B”": the clause after the speaker's second act is that act's
            # words (the parse hung it on the cue), the one before the cue this cue's
            comps = [c for c in comps if c.i < tok.i]
        else:
            # a clause before the cue as well as after: the parser ran a headline or an earlier
            # paragraph into this sentence ("Kremlin says ...\n\nLavrov said on Tuesday that A")
            comps = [c for c in comps if c.i > tok.i]
    if comps and comps[-1].i < tok.i and cue.frame != "utterance" and any(
            c.dep_ == "dobj" and c.i > tok.i for c in kids(tok)):
        # "Voters are angry; the senator clarified nothing", "World leaders denounce the test; others
        # vow consequences": a clause before a cue with an object of its own is not what it reports
        comps = []
    content_root = comps[0] if comps else None
    content: Optional[CharSpan] = None
    rule = "verb-ccomp"
    frame = cue.frame
    if comps:
        content = r.span_of(comps)
        if (said_at := saying_time(tok, comps[0])) is not None:
            # "said on Tuesday it would cut fees": the time is the saying's; the words begin after it
            content = (_after(r, said_at, comps[0]), content[1])
        content = (content[0], before_cue_participle(r, comps[-1], content[1]))
        rel = relative_before(tok, comps[0]) if tok.dep_ == "relcl" else None
        if rel is not None:
            # "a vote, which she has said was a mistake": the clause from "which" on, cue and all
            content = (rel.idx, content[1])
        elif content[0] < tok.idx < content[1] and not r.quotes.overlapping(*content):
            # a misparse put the cue inside its own clause: keep the words after the cue
            after = (tok.idx + len(tok.text), content[1])
            content = after if r.trim(*after)[1] - r.trim(*after)[0] > 8 else (content[0], tok.idx)
    elif frame in ("speech", "utterance") and (stray := stray_that_clause(r, tok)) is not None:
        # "telling customers at a breakfast spot that “I need you”": the parse hung the cue's
        # that-clause on the last noun before it
        content_root, content = stray, r.subtree_span(stray)
        if stray.right_edge.dep_ == "cc":    # "... and" whose conjunct the parse hung on the cue
            content = r.trim(content[0], stray.right_edge.idx)
    elif frame in ("speech", "utterance") and (adv := clause_as_adverbial(tok)) is not None:
        # "tweeted in the early morning hours that Machado was ...": the parse made the cue's
        # that-clause adverbial
        content_root, content = adv, r.subtree_span(adv)
        other = next((c for c in adv.rights if c.dep_ == "conj" and r.is_cue_verb(c)), None)
        if other is not None:     # "... and encouraged Americans to": a report of its own
            cc = [c for c in adv.rights if c.dep_ == "cc" and c.i < other.i]
            content = r.trim(content[0], (cc[-1] if cc else other.left_edge).idx)
    elif frame not in ("speech", "utterance"):
        pass
    elif tok.dep_ == "advcl" and tok.head.i != tok.i and as_reported(r, tok):
        # "As the senator said, the plan is dead": the clause the as-clause hangs on
        rule, content_root, content = "verb-as", tok.head, as_content(r, tok)
    elif tok.dep_ in ("ROOT", "conj") and root_set_off(r, tok):
        # "These employees, Stumpf explained, were well paid": the parse made the cue the root
        rule = "verb-inside"
        content_root = tok
        content = r.trim_period(*r.sentence_span(tok))
    elif frame in ("speech", "utterance") and tok.dep_ in ("conj", "advcl") and (lost := stranded_subject(tok)) is not None:
        # "UNHCR will pay a grant to families in Lebanon, its representative in the country said": the parse made
        # the cue a conjunct of the clause it reports and its speaker an apposition inside it; the words are that
        # clause up to the speaker's phrase
        rule, content_root = "verb-inside", tok.head
        content = r.trim(r.subtree_span(tok.head)[0], lost.left_edge.idx)
    elif tok.dep_ in ("parataxis", "ccomp") and frame != "utterance" and any(
            c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS) for c in tok.rights):
        pass    # "A, but he hardly clarified the matter": the cue has words of its own, found below
    elif (tok.dep_ == "parataxis" or (tok.dep_ == "ccomp" and not r.is_cue_verb(tok.head))) or (
            tok.dep_ == "advcl" and own_subject(tok) is not None and tok.i > tok.head.i
            and not any(c.dep_ in ("mark", "dobj", "advmod") for c in kids(tok))):
        # (a clause reported by a cue verb is that verb's content, not a report of its own head:
        # "Lovas said he cannot comment on the letter")
        # the cue sits inside or after the clause it reports: "A is B, he said", "“A,” he said, “B.”"
        head = tok.head
        content_root = head
        rule = "verb-inside"
        h_start, h_end = r.subtree_span(head)
        c_start, c_end = r.subtree_span(tok)
        s_start, s_end = r.sentence_span(tok)
        if set_off(r, tok, s_start, s_end):
            # ", he said, " set off inside the sentence: the report is the whole sentence, whichever
            # clause the parse hung the cue on ("Though A was smooth, he said, B would be hard")
            content = r.trim_period(s_start, s_end)
        elif (quoted := quote_then_aside(r, tok, s_start, s_end)) is not None:
            content = quoted    # "“Too much hate,” she said, blaming Trump"
        elif c_end >= h_end:
            content = (h_start, c_start)
        elif c_start <= h_start:
            content = (c_end, h_end)
        else:
            content = (h_start, h_end)
    if content is None and frame in ("speech", "utterance"):
        content = closing_cue(r, tok)
        if content is not None:
            rule = "verb-closing"
    if content is None and frame in ("speech", "utterance"):
        content = adjacent_quote(r, tok)
        if content is not None:
            rule = "verb-quote"
    if content is None and frame in ("speech", "utterance"):
        # "75 percent said yes", "half said so": a word that stands for the answer
        pro = next((c for c in tok.rights if c.lower_ in _PRO_ANSWERS and c.dep_ in ("intj", "advmod", "dobj")
                    and c.i == tok.i + 1), None)
        if pro is not None:
            content, rule, content_root = (pro.idx, pro.idx + len(pro.text)), "verb-object", pro
    if content is None and cue.kind == "question":
        # "asked the actress if she had ever been discriminated against": the parse made the question
        # an adverbial clause
        q = next((c for c in tok.rights if c.dep_ == "advcl" and c.left_edge.lower_ in ("if", "whether")), None)
        if q is not None:
            rule, content_root, content = "verb-ccomp", q, r.subtree_span(q)
    if content is None and frame == "utterance":
        # "told his advisers to find a way", "tells them to go and vote": an order, its infinitive
        inf = next((c for c in tok.rights if c.dep_ == "xcomp" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in kids(c))), None)
        if inf is not None:
            rule, content_root, content = "verb-object", inf, r.subtree_span(inf)
    if content is None and extra and extra[0].dep_ == "mark":
        # "is calling for the United States to step up": the parse made "for ... to" a clause
        fc = extra[0].head
        rule, content_root = "verb-object", fc
        content = (extra[0].nbor().idx, r.subtree_span(fc)[1])
    if content is None and frame in ("speech", "object", "personal", "regard"):
        has_obj = any(c.dep_ == "dobj" for c in kids(tok))
        objs = [c for c in kids(tok)
                if (c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS
                                               and c not in extra and (c.lower_ != "as" or has_obj)
                                               and not when(c) and any(g.i > c.i for g in kids(c))
                                               and not (has_obj and setting(r, c, last=False))))
                and c.i > tok.i]     # (not a stranded "know of", nor a "reported on Wednesday")
        if extra:
            objs += [g for p in extra for g in kids(p) if g.dep_ in ("pobj", "pcomp")]
        rule = "verb-object"
        xcomps = [c for c in objs if c.dep_ == "xcomp"]
        actor = None    # "urged Congress to act": who is to act, right before the infinitive
        if xcomps and any(c.dep_ in ("dobj", "dative") and c.i < xcomps[0].i for c in objs):
            actor = next((c for c in objs if c.dep_ in ("dobj", "dative")
                          and c.right_edge.i + 1 == xcomps[0].left_edge.i
                          and not any(t.is_punct for t in c.subtree)), None)
            objs = [c for c in objs if c.i >= xcomps[0].i]   # "warned officials to act": to act
        subj = own_subject(tok, PASSIVE_SUBJECT_DEPS)
        # "Mrs. Clinton is seen as more capable": the whole clause, subject to "as" phrase, is the view
        view_end = regards_as(tok) if subj is not None and subj.i < tok.i else None
        if (view_end is None and subj is not None and subj.i < tok.i and objs and objs[0].dep_ == "xcomp"
                and agent(tok) is None and subj.lower_ not in r.lex.non_speakers):
            # "The president is expected to run again": with no one named as expecting it, the whole
            # clause, subject and infinitive, is what is expected
            view_end = objs[-1].right_edge.idx + len(objs[-1].right_edge.text)
        if (view_end is None and subj is not None and subj.i < tok.i and objs and is_passive(tok)
                and subj.lower_ not in r.lex.non_speakers and not any(c.dep_ == "dobj" for c in objs)):
            # "Pence was also dubbed the debate winner", "peacekeepers have been accused of hurting
            # civilians": what is said is said of the subject, so the words run from it (not so with
            # an object: "mourners were offered flowers" names who was offered)
            last = max(objs, key=lambda c: c.right_edge.i)
            view_end = last.right_edge.idx + len(last.right_edge.text)
        if objs and view_end is not None:
            rule, content_root = "verb-passive", subj
            content = (subj.left_edge.idx, view_end)
        elif objs:
            content_root = objs[0]
            if actor is not None:
                # ... is part of what was urged (PolNeAR's convention; not so for an object set apart
                # from the infinitive, "warned officials on Monday to act", nor one with an aside,
                # "asked Holt, the moderator, to check": to act, to check)
                objs = [actor] + objs
            if (cue.kind == "question" and len(objs) > 1 and objs[0].dep_ in ("dobj", "dative")
                    and objs[1].dep_ == "prep" and objs[1].lower_ in _TOPIC_PREPS
                    and objs[1].i == objs[0].right_edge.i + 1):
                # "asked Carson about his ties to the firm": who is asked is no part of the question,
                # its topic is (PolNeAR's convention, as for "commented on the plan")
                objs = objs[1:]
            # "what officials called a hate crime", "which Mr. Trump called a disgrace": the wh-word
            # before the cue is its object too, and opens the words
            wh = next((c for c in tok.lefts if c.dep_ == "dobj" and c.lower_ in _WH_OBJECTS), None)
            if wh is not None:
                objs = [wh] + objs
            # what follows the object belongs to it ("showed Clinton with an 8-point lead")
            tail = [c for c in kids(tok) if c.i > objs[-1].i and (
                c.dep_ not in _NOT_CONTENT_TAIL or object_infinitive(r, c, objs[-1])
                or parallel_object(tok, c, objs)
                or (c.dep_ == "advcl" and c.left_edge.lower_ == "as"    # "sees Trump as most likely to"
                    and c.left_edge.i == objs[-1].right_edge.i + 1))]
            # the words stop at a phrase that says when or where they were said: "endorsed Clinton
            # during a conference call", "rebuked Trump in December", "endorsed Cruz last week"
            cut = next((i for i, c in enumerate(tail) if setting(r, c, last=i == len(tail) - 1)), None)
            if cut is not None:
                while cut > 0 and setting(r, tail[cut - 1], last=True):
                    cut -= 1    # "blasted Clinton Wednesday on The Laura Ingraham Show"
                tail = tail[:cut]
            content = r.span_of(objs + tail)
            opening = object_after_cue_words(r, tok, objs, content[0])
            if opening is not None and opening < content[1]:
                content = (opening, content[1])
        elif tok.dep_ == "relcl" and (rel := next((c for c in tok.lefts if c.dep_ == "dobj"
                                                   and relative_clause(c) is not None), None)) is not None:
            # "a view, which I share", "a candidate who many members oppose": the relative pronoun
            # stands for what is shared or opposed
            rule, content_root, content = "verb-object", rel, (rel.idx, rel.idx + len(rel.text))
        elif is_passive(tok):
            if subj is not None and subj.lower_ not in r.lex.non_speakers:
                rule = "verb-passive"
                content_root = subj
                content = r.subtree_span(subj)
                if view_end is not None:
                    content = (content[0], view_end)
    return content, rule, content_root


def object_after_cue_words(r: Reading, tok: Token, objs: list[Token], start: int) -> Optional[int]:
    """Where the words begin when they open with the preposition of a prepositional verb ("commented
    on the plan", "worried about costs", "argued against it"): at its object, the preposition going
    with the verb (PolNeAR's convention: "comment on" is the cue, "the plan" what was said). `start`:
    where the words begin otherwise; None when no preposition opens them."""
    first = objs[0]
    if first.dep_ != "prep" or first.i < tok.i or first.idx != start:
        return None
    obj = next((c for c in kids(first) if c.dep_ in ("pobj", "pcomp")), None)
    if obj is not None and obj.left_edge.i == first.i + 1:
        return obj.left_edge.idx
    return None


def parallel_object(tok: Token, c: Token, objs: list[Token]) -> bool:
    """A conjunct the parse hung on the cue that goes with its object: "wants to triple X, grow Y
    and create Z" (an infinitive cannot be parallel to "wants"), "mentioned refinancing loans and
    forcing universities to spend"."""
    first = objs[0]
    if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and first.dep_ in ("dobj", "oprd") \
            and first.pos_ in ("NOUN", "PROPN", "PRON"):
        return True      # "questioned Trump's values and his readiness": a noun is no verb's conjunct
    if c.dep_ == "advcl" and c.tag_ == "VBG" and first.dep_ == "xcomp" and first.tag_ == "VBG" \
            and not any(g.dep_ in SUBJECT_DEPS | {"mark"} for g in kids(c)):
        return True      # "supported eliminating caucuses, limiting the number of ...": a list
    if c.dep_ != "conj" or c.tag_ == tok.tag_ or any(g.dep_ in SUBJECT_DEPS | {"aux", "neg"} for g in kids(c)):
        return False     # ("didn't respond": a finite verb of the speaker's own)
    if any(g.dep_ == "conj" and any(h.dep_ in SUBJECT_DEPS for h in kids(g)) for g in c.subtree):
        return False     # ("fix X and he pledged ...": the next clause is another statement)
    if first.dep_ == "xcomp":
        return c.tag_ == first.tag_
    # ("refinancing student loans": a gerund the parse read as an adjective of its object)
    return c.tag_ == "VBG" and (first.tag_ == "VBG" or (
        first.left_edge.tag_ == "VBG" and first.left_edge.dep_ == "amod"))


def setting(r: Reading, c: Token, last: bool) -> bool:
    """A phrase after a cue's object that says when or where, not what: a date phrase ("in December",
    "for years"), a during- or since-phrase, an occasion ("at a rally", "in an interview":
    data/statements/settings.tsv), or, closing the words, a bare date or "here" ("last week",
    "Tuesday morning"; before a "by saying ..." it may still be part of the act)."""
    if c.dep_ == "prep":
        obj = next((g for g in kids(c) if g.dep_ == "pobj"), None)
        if obj is None:
            return False
        if when(c) or c.lower_ in ("during", "since"):
            return True
        if c.lower_ not in ("in", "on", "at", "via", "through"):
            return False
        lemma = obj.lemma_.lower()
        # "in a speech", "at a rally"; a statement noun too ("in a tweet"), unless it is itself about
        # something ("in support of the plan")
        return lemma in r.lex.settings or (lemma in r.lex.nouns and not any(
            g.dep_ == "prep" and g.lower_ in ("of", "for") for g in kids(obj)))
    return last and c.dep_ in ("npadvmod", "advmod") and (
        c.ent_type_ in ("DATE", "TIME") or c.lower_ in ("here", "there"))


def object_infinitive(r: Reading, c: Token, obj: Token) -> bool:
    """ "defended his call to raise the minimum wage": an infinitive right after the object that the
    parse hung on the cue belongs to the object (not when it is a cue of its own: "called a
    meeting to discuss the test")."""
    return (c.dep_ == "advcl" and c.left_edge.i == obj.right_edge.i + 1 and c.left_edge.lower_ == "to"
            and c.left_edge.dep_ == "aux" and not r.is_cue_verb(c))


def regards_as(tok: Token) -> Optional[int]:
    """The end of an "as" phrase that says how the object (or passive subject) is regarded: "sees
    golf courses as wasted space", "is seen as more capable"; None without one."""
    for c in tok.rights:
        if c.lower_ == "as" and c.dep_ in ("prep", "advmod") or (
                c.dep_ in ("advcl", "oprd") and c.left_edge.lower_ == "as"
                and not any(g.dep_ in SUBJECT_DEPS for g in kids(c))):   # (not "as night fell")
            return c.right_edge.idx + len(c.right_edge.text)
    return None


def regarding(r: Reading, tok: Token, spk: Optional[Token]) -> bool:
    """ "Developers see golf courses as wasted space": a view held by whoever the subject `spk`
    names, people or not (but not "it" or "there"), or by no one named ("she is seen as an outsider")."""
    if regards_as(tok) is None:
        return False
    if is_passive(tok):
        return True     # "she is seen as an outsider": held by no one named
    return spk is not None and spk.lower_ not in r.lex.non_speakers


def _after(r: Reading, phrase: Token, clause: Token) -> int:
    """Where the words after a phrase at the start of a clause begin (commas after it left out)."""
    nxt = r.doc[phrase.right_edge.i + 1]
    while nxt.is_punct and nxt.i < clause.right_edge.i:
        nxt = r.doc[nxt.i + 1]
    return nxt.idx
