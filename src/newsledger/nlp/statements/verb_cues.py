"""Verb cues: "X said (that) ...", "..., X said", "“A,” he said, “B.”", "X told reporters ...", "X was
quoted as saying", light verbs with a cue noun ("raised concerns that ...") and raising verbs ("seemed
an insult away from a brawl"); plus the learned detector's verbs that the lexicon lacks.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...lexicons.cues import Cue
from ..grammar.doc_cache import kids
from ..grammar.modality import question
from ..grammar.syntax import SUBJECT_DEPS, agent, own_subject, placeholder_it
from .adjacent import adjacent_quote, after_colon, colon_block, past_colon, quote_before
from .clauses import and_after_cue, before_aside, parenthetical, when
from .content import regarding, verb_content
from .context import Attribution, Reading
from .learned import (features as cue_features, child_features, fixed_features, NAME_ENTS, subject_class,
                      varying_features)
from .modality import hedged, imperative, negated, negated_saying
from .spans import CharSpan
from .speakers import (
    NOMINAL_SUBJECT_DEPS, as_saying, inverted_name, is_person, name_after_cue, speaker_after_quote, speaker_of, speaker_span)

# What the object of a light verb is about: "raised questions about the deal", "concerns over the cost".
_LIGHT_PREPS = frozenset({"about", "over", "on", "of", "for", "against", "regarding"})


def verb_cue(r: Reading, tok: Token, cue: Cue, extra: tuple[Token, ...]) -> Optional[Attribution]:
    """The statement of a lexicon verb `tok` (`extra`: the words of a phrasal cue after it), or None
    when the verb reports nothing here (an imperative, a supposition, a naming, an act)."""
    if cue.frame == "raising":
        return raising(r, tok, cue)
    if cue.frame in ("light", "light-only"):
        return light_verb(r, tok)
    if imperative(tok):
        return None     # "Don't blame Bush.", "Call it viral fundraising.": the writer's word to the reader
    if tok.lemma_.lower() in ("say", "suppose", "assume") and tok.head.lemma_.lower() == "let" and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ in ("'s", "’s", "us") for c in kids(tok)):
        return None     # "Let's say you think ...": a supposition ("Let's hope ..." is still a wish)
    if tok.tag_ == "VBG" and tok.lemma_.lower() in ("assume", "suppose") and own_subject(tok) is None:
        return None     # "assuming that the cut is legal, ...": a supposition, no one's report
    if linking_idiom(r, tok):
        return None     # "Having said that, ...", "That said, ...", "It goes without saying that ..."
    saying = as_saying(r, tok)
    if saying is not None and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in kids(saying)):
        return None     # "X was quoted as saying that A": the saying is the statement, X its speaker
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and agent(tok) is None and cue.frame in ("object", "personal", "regard"):
        return None     # "a firm called Acme", "a man named Smith": naming, no one's statement
    speaker_tok = verb_speaker(r, tok)
    if cue.frame == "personal" and not is_person(speaker_tok) and not regarding(r, tok, speaker_tok):
        return None     # "the army attacked the town" is an act; "the senator attacked the plan" a stance
    if cue.frame == "regard" and not regarding(r, tok, speaker_tok) and not any(
            c.dep_ == "ccomp" for c in kids(tok)):
        return None     # "voters view her as honest" is a view; "he viewed the painting" a sight
    inner = negated_saying(r, tok)
    cue_span = verb_cue_span(tok, extra)
    if saying is not None:      # "“A,” X is quoted as saying": the cue is all of "quoted as saying"
        cue_span = (cue_span[0], max(cue_span[1], saying.idx + len(saying.text)))
    # (a clause- or object-frame verb takes the block as it takes a clause: "Caddell continued:", "A
    # second voter echoed:" closing the paragraph; PolNeAR dev 0.7398 -> 0.7401, train 0.7135 -> 0.7136)
    block = colon_block(r, tok) if cue.frame in ("speech", "utterance", "clause", "object") else None
    if block is not None:
        # "He said:" closing its paragraph: the words are the next paragraph (or the quotation
        # that starts there, over as many paragraphs as it runs)
        content, rule, content_root = r.trim(*block), "verb-colon-block", None
        sent = tok.sent
    else:
        content, rule, content_root = verb_content(r, tok, cue, extra)
        if content is None and (pro := pro_form(tok)) is not None:
            content, rule = pro, "verb-pro-form"       # "He does not think so", "Mook said as much"
        if content is None:
            rule = "verb-colon"
            content = after_colon(r, tok)
            if content is None:
                return None
        lo, hi = r.paragraph(tok)
        sent = tok.sent
        if rule == "verb-quote":
            # "“Fine!” he wrote.": the parse ended a sentence at the quotation's "!", before its cue
            content = r.trim(max(content[0], lo), min(content[1], hi))
        else:
            content = r.trim(max(content[0], sent.start_char, lo), min(content[1], sent.end_char, hi))
    if rule in ("verb-ccomp", "verb-object") and content[1] > tok.idx:
        content = (content[0], before_aside(r, content))
    if rule in ("verb-ccomp", "verb-object", "verb-inside", "verb-set-off") and content[1] > tok.idx:
        content = (content[0], past_colon(r, content[1]))
    if content[1] - content[0] < 2:
        return None
    words = r.doc.char_span(content[0], content[1], alignment_mode="expand")
    if words is not None and len(words) == 1 and words[0].pos_ in ("ADP", "PART"):
        return None     # "never asked for", "we know of": a stranded preposition says nothing
    content = r.extend_to_quotes(content, cue_span)
    if cue.frame in ("speech", "utterance") and content[1] <= cue_span[0]:
        content = (content[0], and_after_cue(r, tok, content[1], sent.end_char))
    if cue.frame in ("speech", "utterance") and content[0] >= cue_span[1] and r.quotes.containing(
            content[0], content[0] + 1) is not None:
        # "“No,” he said, “we will not.”" however the parse split it: one span, first quote to last
        before = quote_before(r, tok)
        if before is not None and r.text[before[0]:before[1]].rstrip("”\"'’ ").endswith((",", "—", "–", "-")):
            content = (before[0], content[1])     # (“A,” not “A.”: a sentence of its own)
    if rule == "verb-set-off":
        # "The contrast, said Doyle and others, would be clear": the aside's subject, wherever the parse put it
        speaker_tok = parenthetical(r, tok)[1]
    if rule == "verb-closing":
        after = next((c for c in kids(tok) if c.dep_ == "nsubj" and c.i > tok.i), None)
        if after is not None:
            speaker_tok = after
    if (speaker_tok is not None and cue.frame in ("speech", "utterance")
            and r.quotes.containing(speaker_tok.idx, speaker_tok.idx + 1) is not None
            and r.quotes.containing(tok.idx, tok.idx + 1) is None):
        # "“It is in panic mode. Full panic mode,” said Leslie Wimes": a word of the quotation is
        # no speaker; the name after the cue is
        speaker_tok = name_after_cue(tok)
    before = quote_before(r, tok) if cue.frame in ("speech", "utterance") and tok.i + 1 < tok.sent.end else None
    name = inverted_name(r, tok) if before is not None and (
        speaker_tok is None or speaker_tok.i > tok.i) and r.text[before[1]:tok.idx].strip(" ,") == "" else None
    if name is not None:
        # "“A,” said Robin Maynard, half joking": the parse made the name an adverb or the subject
        # of what follows; the quotation is the words (with the rest of a split one after the name)
        if content[0] >= cue_span[1] and r.quotes.containing(content[0], content[0] + 1) is None:
            later = r.quotes.overlapping(name[0][1], sent.end_char)
            content = (before[0], later[-1][1]) if later else before
        if speaker_tok is not None and name[0][0] <= speaker_tok.idx < name[0][1]:
            name = None     # the parse found the name: its span as speaker_span reads it
        else:
            speaker_tok = None
    if speaker_tok is not None and speaker_tok.lower_ == "you" and question(tok):
        return None     # "Do you know where the returns are?": the writer asking the reader
    speaker, spk_i = speaker_span(r, speaker_tok)
    if speaker is None and name is not None:
        speaker, spk_i = name
    if content[1] <= cue_span[0] and cue.frame in ("speech", "utterance"):
        content, speaker, spk_i = speaker_after_quote(r, tok, content, cue_span, speaker, spk_i)
    kind, is_negated = cue.kind, negated(r, tok)
    if inner is not None:
        # "declined to say whether ...": one statement, the saying's kind, negated
        cue_span = (cue_span[0], inner.idx + len(inner.text))
        kind = r.lex.verb(r.lex.verb_lemma(inner.lemma_.lower(), inner.lower_)).kind
        is_negated = True
    return Attribution(
        cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind=kind, negated=is_negated, hedged=hedged(r, tok, content_root),
        quote=r.quote_kind(content, cue_span), sentence=(sent.start_char, sent.end_char), rule=rule)


def linking_idiom(r: Reading, tok: Token) -> bool:
    """The writer's own links made of "say": "having said that", "that said", "goes without saying"."""
    if tok.lemma_.lower() != "say":
        return False
    first = tok.sent[0]
    after = [t.text.lower() for t in r.doc[tok.i + 1:tok.i + 3]]
    if tok.i <= first.i + 1 and r.doc[tok.i - 1].lower_ in ("having", "that") and after and (
            after[0] == "," or (after[0] in ("that", "this") and after[1:] == [","])):
        return True
    return tok.head.lower_ == "without" and tok.head.head.lemma_.lower() == "go"


def verb_cue_span(verb: Token, extra: tuple[Token, ...] = ()) -> CharSpan:
    toks = [verb, *extra]
    for c in kids(verb):
        if c.dep_ in ("aux", "auxpass", "neg") and verb.i - 4 <= c.i < verb.i:
            toks.append(c)
        elif c.dep_ == "prt":
            toks.append(c)
    # keep the cue contiguous: from the first of its words to the verb/particle
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def pro_form(tok: Token) -> Optional[tuple[int, int]]:
    """The pro-form standing for what was said or thought, after the verb: "so" ("He does not think
    so", "neither side would say so") and "as much" ("Mook said as much"); the parse makes them
    adverbs, not the verb's object, but they take the place of its clause (PolNeAR marks them as the
    words); and "the same" the parse made a second subject ("26 percent said the same")."""
    for c in kids(tok):
        if c.i <= tok.i or c.dep_ != "advmod":
            continue
        if c.lower_ == "so" and not kids(c):
            return c.idx, c.idx + len(c.text)
        if c.lower_ == "much" and (first := c.doc[c.i - 1]).lower_ == "as" and first.head.i == c.i:
            return first.idx, c.idx + len(c.text)
    for c in kids(tok):
        if c.i > tok.i and c.lower_ == "same" and c.dep_ == "nsubj" and c.doc[c.i - 1].lower_ == "the":
            # "26 percent said the same": the parse took it for a second subject
            return c.doc[c.i - 1].idx, c.right_edge.idx + len(c.right_edge.text)
    return None


def light_verb(r: Reading, tok: Token) -> Optional[Attribution]:
    """ "The senator raised questions about the deal", "the mayor raised concerns that it would fail":
    the verb's object is a cue noun that carries the statement; the verb's subject holds it, and
    what the noun is about (its preposition's object, or its that-clause) is the content."""
    obj, noun = r.light_object(tok)
    if noun is None or noun.frame in ("source", "medium"):
        return None
    last = max([obj.right_edge] + [c.right_edge for c in tok.rights if c.i > obj.i and c.dep_ != "punct"],
               key=lambda t: t.i)
    clear = r.lex.adjectives.get(last.lemma_.lower())
    if clear is not None and clear.frame == "make":
        return None     # "made his support for the plan clear": the adjective says it (made_clear)
    own = noun.words.split()[1:]        # a light noun's own preposition: "took aim at", "took issue with"
    preps = _LIGHT_PREPS.union(own)
    # (its preposition may hang on the verb: "took [aim] [at the plan]")
    after = [c for c in tok.rights if c.i == obj.right_edge.i + 1 and c.lower_ in own]
    # (and so may its that-clause: "made the case to both parties that the bill is bad")
    after += [c for c in tok.rights if c.i > obj.i and c.dep_ == "ccomp" and c.left_edge.lower_ == "that"]
    comp = next((c for c in list(obj.rights) + after if (c.dep_ == "prep" and c.lower_ in preps and not when(c)
                                            and any(g.dep_ in ("pobj", "pcomp") for g in kids(c)))
                 or (c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that")), None)
    if comp is None:
        return None
    words = [g for g in kids(comp) if g.dep_ in ("pobj", "pcomp")] if comp.dep_ == "prep" else [comp]
    content = r.trim(*r.span_of(words))
    cue_end = comp.idx + len(comp.text) if comp.dep_ == "prep" else obj.idx + len(obj.text)
    cue_span = (verb_cue_span(tok)[0], cue_end)
    speaker, spk_i = speaker_span(r, verb_speaker(r, tok))
    return Attribution(
        cue=cue_span, cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind=noun.kind, negated=negated(r, tok), quote=r.quote_kind(content),
        sentence=(tok.sent.start_char, tok.sent.end_char), rule="light-verb")


def raising(r: Reading, tok: Token, cue: Cue) -> Optional[Attribution]:
    """ "The event seemed an insult away from a brawl": the clause is the content, no speaker named
    unless an experiencer is ("seemed to Harrison")."""
    # (a clause that seems, "drawing on home equity seems too risky", is the writer's judgment, not a report)
    subj = own_subject(tok, NOMINAL_SUBJECT_DEPS)
    # (the predicate may be a like-phrase: "the idea seems like a contradiction")
    comp = [c for c in kids(tok) if (c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp")
                                        or (c.dep_ == "prep" and c.lower_ == "like")) and c.i > tok.i]
    if subj is None or not comp or subj.lower_ in r.lex.non_speakers and not comp:
        return None
    if (is_person(subj) or subj.ent_type_ in NAME_ENTS) and any(
            c.dep_ == "xcomp" and r.is_cue_verb(c) for c in comp):
        return None     # "he appeared to suggest that A": his suggestion, the cue's statement
    start = subj.left_edge.idx
    if placeholder_it(tok):
        # "It seems likely that A", "it appears that A": the placeholder names nothing that seems;
        # the words are what comes after the verb (PolNeAR leaves "it seems" out)
        start = min(comp, key=lambda c: c.i).left_edge.idx
    last = max(c.right_edge for c in comp)
    content = r.trim(start, last.idx + len(last.text))
    spk = None
    for c in kids(tok):
        if c.dep_ == "prep" and c.lower_ == "to":
            spk = next((g for g in kids(c) if g.dep_ == "pobj"), None)
    speaker, spk_i = speaker_span(r, spk)
    return Attribution(
        cue=verb_cue_span(tok), cue_token=tok.i, content=content, speaker=speaker, speaker_token=spk_i,
        kind=cue.kind, negated=negated(r, tok), hedged=True, quote=r.quote_kind(content),
        sentence=(tok.sent.start_char, tok.sent.end_char), rule="verb-raising")


def learned_cue(r: Reading, tok: Token, lemma: str, kind: str = "other") -> Optional[Attribution]:
    """A verb taken as a cue because the learned detector says so (one the lexicon does not list,
    or a clause/utterance verb with only an object); its words are found as for a lexicon verb of
    frame `object` (a clause, else its object)."""
    if not is_learned_cue(r, tok):
        return None
    found = verb_cue(r, tok, Cue(lemma, "verb", kind, "object"), ())
    if found is not None:
        found.rule = "learned-" + found.rule
    return found


def is_learned_cue(r: Reading, tok: Token) -> bool:
    """r.cue_model.is_cue(verb_features(r, tok)), told with less work: a verb no subject could make a
    cue is turned down before its speaker is looked for; the verb's fixed features and their sum come
    from caches; and whether a quotation is adjacent is looked for only when the answer turns on it
    (the features with and without it score to different sides of the threshold)."""
    lemma = tok.lemma_.lower()
    dep, tag, head_pos = tok.dep_, tok.tag_, tok.head.pos_
    frame = known_frame(r, r.lex.verb_lemma(lemma, tok.lower_))
    model = r.cue_model
    children = child_features(tok, lemma)
    weights = model.weights_of(children)    # (looked up once: each sum below adds them in this order)
    if model.rules_out(lemma, dep, tag, frame, head_pos, children, weights):
        return False    # (no subject could make it one: its speaker is not looked for)
    subj = verb_speaker(r, tok)
    s = subject_class(subj)
    rest = varying_features(subj, children)
    if subj is not None:
        weights = model.weights_of(rest[:1]) + weights
    near = model.is_cue_parts(fixed_features(lemma, dep, tag, s, frame, True, head_pos), rest, weights)
    far = model.is_cue_parts(fixed_features(lemma, dep, tag, s, frame, False, head_pos), rest, weights)
    if near == far:
        return near
    return near if adjacent_quote(r, tok) is not None else far


def verb_features(r: Reading, tok: Token) -> list[str]:
    """What the learned detector sees of a verb (the same at training and at run time)."""
    lemma = r.lex.verb_lemma(tok.lemma_.lower(), tok.lower_)
    return cue_features(tok, verb_speaker(r, tok), known_frame(r, lemma), adjacent_quote(r, tok) is not None)


def known_frame(r: Reading, lemma: str) -> str:
    """The lexicon frame of a verb lemma: its cue's, "phrasal" when it only starts a phrasal cue, else "none"."""
    known = r.lex.verbs.get(lemma)
    if known is not None and known.frame == "light-only":
        known = None        # a cue only with a cue noun: alone, the detector reads it as any verb
    return known.frame if known is not None else ("phrasal" if lemma in r.lex.phrasal else "none")


def verb_speaker(r: Reading, tok: Token) -> Optional[Token]:
    """speaker_of(r, tok), found once per verb (the detector and the cue's rules both ask)."""
    cache = r.memo.setdefault("speaker_of", {})
    if tok.i not in cache:
        cache[tok.i] = speaker_of(r, tok)
    return cache[tok.i]
