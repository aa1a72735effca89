"""A learned refiner of content boundaries: where a statement's words begin and end.

The rules find a cue and its speaker reliably but cut the content too long or too short now and then
("..., he said, adding that ..." runs on; a quotation continued in the next sentence is missed).
This refiner re-reads each statement's window (the sentences holding the cue and the rules' content)
and tags every token IN or OUT of the content with a linear-chain CRF whose features are conditioned on
the cue: the token's position relative to the cue, the branch of the cue's parse it hangs on (ccomp,
dobj, nsubj, ...), whether it lies in the speaker, in a quotation, beyond a comma or a sentence break,
its word, POS and dependency label, the rule that proposed the statement and whether the rules' own
span holds the token (so the model learns where the rules err, and otherwise agrees with them).

The IN tokens become the content (the run that overlaps the rules' span most); when the model tags
nothing, the rules' span stays. Training (`train_boundary_model`, run by `newsledger train attribution`)
pairs every statement the rules propose on an attribution corpus with its best-overlapping gold
statement and labels the gold's words, so the model learns the gold's exact edges (the preposition of
"commented on", an adverbial after the object, where a quotation's sentence ends); at run time its span
replaces the rules' only while the two still overlap by `min_jaccard` (as the scorer matches), so it
moves edges, not which clause is meant. (`keep_matched` labels the rules' own span where it already
matches: what the earlier models learned.) It scores the tokens of each window from weights kept per
feature value (`static`: a token's words and tags, summed once per doc and place; `_context_features`
once per distinct place; no feature strings unless a value is new; `string_emissions` is the reference
it equals float for float). Reading every token of every window (`full_refine`) still cost three
fifths of the rules' instructions, so `refine` reads only where the model moves spans on PolNeAR: the
end of a span that stops before its sentence does (a time, a clause or a comparison after the verb's
object: "cited his endorsements Tuesday", "would hire 200 workers, up from 150 last year"). It scores
the last tokens of the rules' span and what follows them in the window, never runs the words on over
another statement's cue (nor reads an end a cue follows in its sentence), and leaves the start to the
rules; the statements component runs it unless told not to (NEWSLEDGER_REFINE_BOUNDARIES=0).
Direct quotations are left as the rules cut them (`refinable`). The model is a data file
(data/statements/boundary_model.tsv): with two labels only the difference of a feature's IN and OUT
weights matters, so each line is feature<TAB>weight, plus four #trans lines; decoding is a two-state
Viterbi in plain Python (python-crfsuite is needed to train only).
"""
from __future__ import annotations

import bisect
import functools
from typing import Iterable, Optional

from spacy.tokens import Doc

from .context import Attribution, Reading
from .doc_view import DocView, branches, doc_view, statement_key
from .learned import data_file, read_weights, write_weights
from .spans import jaccard     # the scorer's own overlap test

BOUNDARY_MODEL = "boundary_model.tsv"
END_REACH = 2           # tokens before the rules' last one that `refine` scores
# `refine` reads no end more than this many tokens from its sentence's end (PolNeAR, ends no cue follows:
# the same net exact spans, dev 14 and train 92, from three quarters of the tokens; 20 lost 3 on train)
MAX_TAIL = 25
_MAX_WINDOW = 400       # tokens: longer windows (long quotations over paragraphs) keep the rules' span


@functools.lru_cache(maxsize=1024)
def _bucket(d: int) -> str:
    a = abs(d)
    b = str(a) if a <= 3 else "4-6" if a <= 6 else "7-12" if a <= 12 else "13-25" if a <= 25 else "26+"
    return ("-" if d < 0 else "+") + b


_BK = [_bucket(d) for d in range(-_MAX_WINDOW, _MAX_WINDOW + 1)]     # _bucket(d) at d + _MAX_WINDOW
_NB = ("0", "1", "2")
_WHERES = ("cue", "spk", "in", "out")
_EDGES = ("", "B", "E", "BE")
_EDGE_AT = {e: 3 + j for j, e in enumerate(_EDGES)}    # an edge mark's place in _word_features
_RELS: dict[tuple, str] = {}        # _rel_string per key


def _rel_string(key: tuple) -> str:
    """A token's place against the rules' span as _token_parts writes it, from (before 0 / after 1 /
    inside 2, distance, breaks or distance to the end, other sentence, same quotation)."""
    kind, d, b, s, qsame = key
    if kind == 0:
        r = f"before{_bucket(d)[1:]}|b{b}|s{s:d}"
    elif kind == 1:
        r = f"after{_bucket(d)[1:]}|b{b}|s{s:d}"
    else:
        r = f"inside|s{_bucket(d)[1:]}|e{_bucket(b)[1:]}"
    return r + "|qsame" if qsame else r


def _word_features(w: str) -> list[str]:
    """The features of a word wherever it stands (`static` reads them by position): as the word, the
    word before, the word after, with each edge mark, and as punctuation in each `where`."""
    return ([f"w={w}", f"w-1={w}", f"w+1={w}"] + [f"edge={e}|w={w}" for e in _EDGES]
            + [f"punct|where={x}|w={w}" for x in _WHERES])


def window(reading: Reading, a: Attribution) -> tuple[int, int]:
    """Token range of the sentences holding the cue and the rules' content, read from the doc's view
    (spaCy's Token.sent walks the doc each time; a char_span builds a Span)."""
    v = doc_view(reading)
    start, end = v.sentence(a.cue_token)
    cs, ce = a.content
    if ce > cs:
        # the tokens the content touches, as char_span(alignment_mode="expand") has them
        first = bisect.bisect_right(v.idx, cs) - 1
        if first < 0 or v.idx[first] + len(reading.doc[first]) <= cs:
            first += 1
        last = bisect.bisect_left(v.idx, ce) - 1
        if first <= last:
            start = min(start, v.sentence(first)[0])
            end = max(end, v.sentence(last)[1])
    return start, end


def _span_tokens(idx: list[int], start: int, end: int, cs: int, ce: int) -> tuple[int, int]:
    """The first and last token of start..end-1 that begin inside the characters cs..ce (first > last
    when none does)."""
    return max(start, bisect.bisect_left(idx, cs)), min(end, bisect.bisect_left(idx, ce)) - 1


def refinable(reading: Reading, a: Attribution) -> bool:
    """Whether the model re-cuts this statement: not a direct quotation, whose edges are its quotation
    marks (the model seldom moves them, and they hold many of the tokens it would read)."""
    return reading.quote_kind(a.content, a.cue) != "direct"


def _token_parts(reading: Reading, a: Attribution, start: int, end: int
                 ) -> list[tuple[tuple[int, bool, bool, str], tuple, list[str]]]:
    """Per token of start..end-1: the key of its statement-independent features (`_static_features`),
    the key of its place in the statement (`_context_features`) and the rest of its features."""
    cue_i = a.cue_token
    cs, ce = a.content
    ss, se = a.speaker if a.speaker is not None else (-1, -1)
    qs, qe = a.cue
    rule = a.rule.split(":")[0] or "?"
    v = doc_view(reading)
    v.fill(start, end)
    n_tok = end - start
    idx, word, pos, dep = v.idx[start:end], v.word[start:end], v.pos[start:end], v.dep[start:end]
    # per token of the window (which starts a sentence): its sentence number and quotation region;
    # breaks (comma, semicolon, dash... outside quotations) counted outward from the cue
    s0 = v.sents[start]
    sent_no = [x - s0 for x in v.sents[start:end]]
    region = v.region[start:end]
    fb = v.free_breaks
    cue_k = cue_i - start
    cue_sent = sent_no[cue_k]
    after_cue, before_cue = fb[cue_i + 1], fb[cue_i]
    breaks = [before_cue - fb[i + 1] if i < cue_i else fb[i] - after_cue if i > cue_i else 0
              for i in range(start, end)]
    # where each token stands against the rules' span: inside (and how far from its edges), before or
    # after it (and how many breaks and sentence ends away), in the same quotation as its words
    inside = [cs <= x < ce for x in idx]
    first = next((k for k, val in enumerate(inside) if val), None)
    last = next((k for k in range(n_tok - 1, -1, -1) if inside[k]), None)
    rel = [""] * n_tok
    ks = range(n_tok)
    if first is not None:
        regions = {region[first], region[last]} - {None}
        bc = v.breaks      # breaks (quoted or not) among the tokens before
        b_first, b_last = bc[start + first], bc[start + last + 1]
        for k in ks:
            if k < first:
                nb_ = b_first - bc[start + k]
                rel[k] = f"before{_bucket(first - k)[1:]}|b{min(nb_, 2)}|s{sent_no[k] != sent_no[first]:d}"
            elif k > last:
                nb_ = bc[start + k + 1] - b_last
                rel[k] = f"after{_bucket(k - last)[1:]}|b{min(nb_, 2)}|s{sent_no[k] != sent_no[last]:d}"
            else:
                rel[k] = f"inside|s{_bucket(k - first)[1:]}|e{_bucket(last - k)[1:]}"
            if region[k] is not None and region[k] in regions:
                rel[k] += "|qsame"
    held = branches(v, start, end, cue_i)
    out = []
    for k in ks:
        i = start + k
        x = idx[k]
        inrule = inside[k]
        where = "cue" if qs <= x < qe else "spk" if ss <= x < se else "in" if inrule else "out"
        side = "L" if i < cue_i else "R" if i > cue_i else "C"
        q = region[k] is not None
        sent = sent_no[k]
        sd = "0" if sent == cue_sent else ("-" if sent < cue_sent else "+")
        nb = breaks[k]
        nb = str(nb) if nb < 3 else "3+"
        edge = ("B" if inrule and not (k and inside[k - 1]) else "") + (
            "E" if inrule and (k + 1 == n_tok or not inside[k + 1]) else "")
        w = word[k]
        p_, d_, r_ = pos[k], dep[k], rel[k]
        bk = _bucket(i - cue_i)
        f = [f"edge={edge}|w={w}"]
        if r_.startswith(("after1|", "before1|")):
            f += [f"{r_[:6]}|w={w}", f"{r_[:6]}|d={d_}"]
            if k + 1 < n_tok:
                f.append(f"{r_[:6]}|w+1={word[k + 1]}")
        out.append(((i, k == 0, k + 1 == n_tok, where), (rule, where, held[k], side, bk, q, sd, nb, edge, r_, p_), f))
    return out


def _context_features(key: tuple) -> list[str]:
    """The features of a token's place in the statement (no words: a small set of values, so their
    summed weights are kept per model, across docs)."""
    rule, where, br, side, bk, q, sd, nb, edge, r_, p_ = key
    return [
        f"r={rule}", f"where={where}|r={rule}",
        f"br={br}", f"br={br}|where={where}", f"br={br}|{side}",
        f"br={br}|r={rule}", f"pos={bk}", f"pos={bk}|where={where}",
        f"q={q}", f"q={q}|where={where}", f"sd={sd}", f"sd={sd}|where={where}", f"sd={sd}|q={q}",
        f"nb={nb}{side}", f"nb={nb}{side}|where={where}", f"nb={nb}{side}|br={br}",
        f"edge={edge}", f"edge={edge}|r={rule}",
        f"rel={r_}", f"rel={r_}|p={p_}", f"rel={r_}|r={rule}", f"rel={r_}|br={br}",
    ]


def _static_features(v: DocView, key: tuple[int, bool, bool, str]) -> list[str]:
    """The features of a token that do not depend on the statement beyond `where` (and whether the
    token opens or closes the window): its words, tags and neighbours."""
    i, at_start, at_end, where = key
    w, p_, d_ = v.word[i], v.pos[i], v.dep[i]
    f = ["b", f"w={w}", f"p={p_}", f"t={v.tag[i]}", f"d={d_}", f"where={where}",
         f"where={where}|p={p_}", f"where={where}|d={d_}", f"hd={v.dep[v.head[i]]}|d={d_}"]
    if v.punct[i]:
        f.append(f"punct|where={where}|w={w}")
    if at_start:
        f.append("w-1=<s>")
    else:
        f += [f"w-1={v.word[i - 1]}", f"p-1={v.pos[i - 1]}|p={p_}"]
    if at_end:
        f.append("w+1=</s>")
    else:
        f += [f"w+1={v.word[i + 1]}", f"p+1={v.pos[i + 1]}"]
    return f


def token_features(reading: Reading, a: Attribution, start: int, end: int) -> list[list[str]]:
    """The feature strings of tokens start..end-1 for the statement `a`."""
    v = doc_view(reading)
    return [_static_features(v, key) + _context_features(ctx) + f
            for key, ctx, f in _token_parts(reading, a, start, end)]


def labels(doc: Doc, start: int, end: int, gold: tuple[int, int]) -> list[str]:
    gs, ge = gold
    return ["I" if gs <= t.idx < ge else "O" for t in doc[start:end]]


def _fresh_values() -> dict[str, dict]:
    # BoundaryModel.static's memos: per feature template (or group of them), its weight per value
    return {"common": {}, "wp": {}, "wd": {}, "hd": {}, "pp": {}, "p1": {}}


class BoundaryModel:
    """Weights of a two-label linear-chain CRF: per feature, weight(IN) - weight(OUT); transitions."""

    def __init__(self, weights: dict[str, float], trans: dict[tuple[str, str], float], margin: float = 0.0,
                 min_jaccard: float = 0.0):
        self.weights = weights
        self.trans = trans
        # the model's span replaces the rules' only when they overlap by this much (as the scorer
        # counts a match): it then fixes edges, not which clause is meant
        self.min_jaccard = min_jaccard
        # the model's span replaces the rules' only when its path scores this much above the rules' path
        self.margin = margin
        self._contexts: dict[tuple, float] = {}     # summed weights of _context_features, per key
        self._word_weights: dict[str, tuple] = {}   # weights of _word_features, per word
        self._values: dict[str, dict] = _fresh_values()  # per feature template, its weight per value
        self._bias = weights.get("b") or 0.0
        self._where = [weights.get(f"where={x}") or 0.0 for x in _WHERES]

    def path_score(self, emissions: list[float], tags: list[bool]) -> float:
        tr = self.trans
        total = 0.0
        prev = None
        for e, t in zip(emissions, tags):
            if t:
                total += e
            if prev is not None:
                total += tr[("I" if prev else "O", "I" if t else "O")]
            prev = t
        return total

    def emissions(self, feats: list[list[str]]) -> list[float]:
        get = self.weights.get
        return [sum(filter(None, map(get, fs))) for fs in feats]

    def string_emissions(self, reading: Reading, a: Attribution, start: int, end: int) -> list[float]:
        """fast_emissions from the feature strings, summed in the same groups (static, place, the rest):
        the reference the fast path must equal float for float."""
        get = self.weights.get
        v = doc_view(reading)
        return [sum(filter(None, map(get, _static_features(v, key))))
                + sum(filter(None, map(get, _context_features(ctx)))) + sum(filter(None, map(get, f)))
                for key, ctx, f in _token_parts(reading, a, start, end)]

    def _row(self, w: str) -> tuple:
        """The weights of a word's `_word_features`, kept across docs."""
        row = self._word_weights.get(w)
        if row is None:
            get = self.weights.get
            row = self._word_weights[w] = tuple(get(f) or 0.0 for f in _word_features(w))
        return row

    def _value(self, template: str, value) -> float:
        """The weight of one feature, `template` filled with `value` (a string or a tuple), kept across
        docs in `_values`: a feature string is built only the first time a value is seen."""
        memo = self._values.setdefault(template, {})
        w = memo.get(value)
        if w is None:
            w = memo[value] = self.weights.get(template.format(*value) if isinstance(value, tuple)
                                               else template.format(value)) or 0.0
        return w

    def static(self, v: DocView, i: int, wc: int) -> float:
        """The summed `_static_features` weight of token i as a token inside a window (not at its edges)
        standing at `where` _WHERES[wc], computed when a statement first reads it and kept for the doc.
        The weights are added in _static_features' order, so the sum is the same float."""
        word, pos, dep = v.word, v.pos, v.dep
        w, p_, d_ = word[i], pos[i], dep[i]
        memo = self._values
        rows = self._word_weights
        row = rows.get(w) or self._row(w)
        ck = (w, p_, v.tag[i], d_)
        x = memo["common"].get(ck)
        if x is None:
            x = memo["common"][ck] = ((((self._bias + row[0]) + self._value("p={}", p_))
                                       + self._value("t={}", ck[2])) + self._value("d={}", d_))
        # (each memo below holds one template's weight per value, 0.0 for an absent feature)
        pk, dk, hk, pp, p1 = (wc, p_), (wc, d_), (dep[v.head[i]], d_), (pos[i - 1], p_), pos[i + 1]
        y = memo["wp"].get(pk)
        x = (x + self._where[wc]) + (y if y is not None else self._pair("wp", pk, "where={}|p={}", (_WHERES[wc], p_)))
        y = memo["wd"].get(dk)
        x = x + (y if y is not None else self._pair("wd", dk, "where={}|d={}", (_WHERES[wc], d_)))
        y = memo["hd"].get(hk)
        x = x + (y if y is not None else self._pair("hd", hk, "hd={}|d={}", hk))
        x = x + (row[3 + len(_EDGES) + wc] if v.punct[i] else 0.0)
        x = x + (rows.get(word[i - 1]) or self._row(word[i - 1]))[1]
        y = memo["pp"].get(pp)
        x = x + (y if y is not None else self._pair("pp", pp, "p-1={}|p={}", pp))
        x = x + (rows.get(word[i + 1]) or self._row(word[i + 1]))[2]
        y = memo["p1"].get(p1)
        x = x + (y if y is not None else self._pair("p1", p1, "p+1={}", (p1,)))
        v.static_scores[id(self)][4 * i + wc] = x
        return x

    def _pair(self, name: str, key: tuple, template: str, value: tuple) -> float:
        w = self._values[name][key] = self.weights.get(template.format(*value)) or 0.0
        return w

    def fast_emissions(self, reading: Reading, a: Attribution, start: int, end: int,
                       first: Optional[int] = None, stop: Optional[int] = None) -> list[float]:
        """As emissions(token_features(...)), the same floats: each token's statement-independent part
        from `static`, its place in the statement (`_context_features`) summed once per distinct place
        (kept across docs), and no feature string built unless a place or word is new. `first`: score
        only the tokens from that one (to `stop`, else to the window's end), each as it scores in the
        whole window."""
        get = self.weights.get
        v = doc_view(reading)
        v.fill(start, end)
        cache = v.static_scores.setdefault(id(self), {})
        contexts = self._contexts
        if len(contexts) > 500_000:
            contexts.clear()
        if len(self._values["common"]) > 500_000:
            self._values = _fresh_values()
        cue_i = a.cue_token
        cs, ce = a.content
        ss, se = a.speaker if a.speaker is not None else (-1, -1)
        qs, qe = a.cue
        rule = a.rule.split(":")[0] or "?"
        idx, sents, rid, fb, bc, pos, dep, word = v.idx, v.sents, v.rid, v.free_breaks, v.breaks, v.pos, v.dep, v.word
        cue_sent = sents[cue_i]
        after_cue, before_cue = fb[cue_i + 1], fb[cue_i]
        fi, la = _span_tokens(idx, start, end, cs, ce)     # the rules' span, first to last token
        inside = fi <= la
        if inside:
            regs = {rid[fi], rid[la]} - {-1}
            s_first, s_last, b_first, b_last = sents[fi], sents[la], bc[fi], bc[la + 1]
        first_k = 0 if first is None else first - start
        stop_k = end - start if stop is None else stop - start
        held = branches(v, start + first_k, start + stop_k, cue_i)
        last_k = end - start - 1
        rels = _RELS
        rows = self._word_weights
        out = []
        for k in range(first_k, stop_k):
            i = start + k
            x = idx[i]
            inrule = fi <= i <= la
            near = False        # just before or after the rules' span ("after1|", "before1|")
            if not inside:
                r_ = ""
            else:
                if i < fi:
                    rk = (0, fi - i, min(b_first - bc[i], 2), sents[i] != s_first)
                    near = i + 1 == fi
                elif i > la:
                    rk = (1, i - la, min(bc[i + 1] - b_last, 2), sents[i] != s_last)
                    near = i - 1 == la
                else:
                    rk = (2, i - fi, la - i, False)
                q_ = rid[i]
                rk += (q_ != -1 and q_ in regs,)
                r_ = rels.get(rk)
                if r_ is None:
                    r_ = rels[rk] = _rel_string(rk)
            wc = 0 if qs <= x < qe else 1 if ss <= x < se else 2 if inrule else 3
            where = _WHERES[wc]
            side = "L" if i < cue_i else "R" if i > cue_i else "C"
            sent = sents[i]
            sd = "0" if sent == cue_sent else ("-" if sent < cue_sent else "+")
            nb = before_cue - fb[i + 1] if i < cue_i else fb[i] - after_cue if i > cue_i else 0
            edge = (("B" if i == fi else "") + ("E" if i == la else "")) if inrule else ""
            ctx = (rule, where, held[k - first_k], side, _BK[i - cue_i + _MAX_WINDOW], rid[i] != -1, sd,
                   _NB[nb] if nb < 3 else "3+", edge, r_, pos[i])
            if k == 0 or k == last_k:
                key = (i, k == 0, k == last_k, where)
                base = cache.get(key)
                if base is None:
                    base = cache[key] = sum(filter(None, map(get, _static_features(v, key))))
            else:
                base = cache.get(4 * i + wc)
                if base is None:
                    base = self.static(v, i, wc)
            place = contexts.get(ctx)
            if place is None:
                place = contexts[ctx] = sum(filter(None, map(get, _context_features(ctx))))
            if near:
                w = word[i]
                f = [f"edge={edge}|w={w}", f"{r_[:6]}|w={w}", f"{r_[:6]}|d={dep[i]}"]
                if k < last_k:
                    f.append(f"{r_[:6]}|w+1={v.word[i + 1]}")
                out.append(base + place + sum(filter(None, map(get, f))))
            else:
                out.append(base + place + (rows.get(word[i]) or self._row(word[i]))[_EDGE_AT[edge]])
        return out

    def tag(self, feats: list[list[str]]) -> list[bool]:
        return self.viterbi(self.emissions(feats))

    def viterbi(self, emissions: list[float], after_in: bool = False) -> list[bool]:
        """The best IN/OUT sequence (Viterbi over two states); `after_in`: the token before the first
        one is IN (its transition counts)."""
        if not emissions:
            return []
        tr = self.trans
        oo, oi, io, ii = tr[("O", "O")], tr[("O", "I")], tr[("I", "O")], tr[("I", "I")]
        so, si = (io, ii + emissions[0]) if after_in else (0.0, emissions[0])
        back: list[tuple[bool, bool]] = []
        for e in emissions[1:]:
            # best predecessor of O and of I (True = I)
            o_from_i = si + io > so + oo
            i_from_i = si + ii > so + oi
            so, si = (si + io if o_from_i else so + oo), (si + ii if i_from_i else so + oi) + e
            back.append((o_from_i, i_from_i))
        cur = si > so
        out = [cur]
        for o_from_i, i_from_i in reversed(back):
            cur = i_from_i if cur else o_from_i
            out.append(cur)
        out.reverse()
        return out

    def refine(self, reading: Reading, a: Attribution, cues: Iterable[tuple[int, int]] = ()) -> tuple[int, int]:
        """The content span of `a` as the model reads it (the rules' span when it tags nothing).

        Only where the words end is read, and only when the rules' span stops before its sentence does
        (words, not just punctuation, follow it there): the tokens from `END_REACH` before its last one
        to the window's end are scored, the token before them taken as IN, the rest of the rules' span
        kept. That is where the model moves spans (PolNeAR dev: of 90 spans it changed reading every
        token, 62 ended before their sentence and changed at the end, worth 14 of the 17 exact matches
        it gained). `cues`: the statements' cues; where one follows the words in their sentence (", he
        said", "..., but the minister warned that ..."), the rules' end stands, unscored: the model moved
        4 of 303 such ends on PolNeAR dev (net 3 exact spans) and 32 of 2,977 on train (net 5), against
        33 of 212 (net 14) and 233 of 1,986 (net 92) of the others, from a third of the tokens."""
        cs, ce = a.content
        if ce <= cs:
            return a.content
        v = doc_view(reading)
        idx = v.idx
        la = bisect.bisect_left(idx, ce) - 1      # the last token the rules' words hold
        if la < 0:
            return a.content
        send = v.sentence(la)[1]
        if send - la > MAX_TAIL or v.next_word(la, send) >= send:
            return a.content        # the words run to their sentence's end (or far from it): the rules' end stands
        last = idx[send - 1]
        if any(ce <= c0 <= last for c0, _ in cues):
            return a.content        # a cue follows the words in their sentence: see the docstring
        if not refinable(reading, a):
            return a.content
        start, end = window(reading, a)
        if end - start > _MAX_WINDOW or end <= start:
            return a.content
        fi, la = _span_tokens(v.idx, start, end, cs, ce)
        if fi > la:
            return a.content
        first = max(fi + 1, la - END_REACH)
        stop = min(end, send)      # (the sentence's end: what the gate asked about)
        tags = [False] * (fi - start) + [True] * (first - fi)
        emissions = v.scores(self, reading, a, start, end, first, stop)    # (`full_refine`'s when kept)
        best = self.viterbi(emissions, after_in=True)
        if self.margin > 0:
            rule = [i <= la for i in range(first, stop)]
            tr = self.trans
            if (self.path_score(emissions, best) + tr[("I", "I" if best[0] else "O")]
                    - self.path_score(emissions, rule) - tr[("I", "I" if rule[0] else "O")] < self.margin):
                return a.content
        return self._span_of(reading, a, start, tags + best)     # (no cue after ce: the gate saw to it)

    def full_refine(self, reading: Reading, a: Attribution, cues: Iterable[tuple[int, int]] = ()) -> tuple[int, int]:
        """`refine` reading every token of the window (the model as trained): the reference for tests
        and measurements (`cues` is not read)."""
        if not refinable(reading, a):
            return a.content
        start, end = window(reading, a)
        if end - start > _MAX_WINDOW or end <= start:
            return a.content
        cs, ce = a.content
        emissions = self.fast_emissions(reading, a, start, end)
        doc_view(reading).emitted[(id(self), statement_key(a))] = (start, end, emissions)    # (for `refine`)
        tags = self.viterbi(emissions)
        if self.margin > 0:
            idx = doc_view(reading).idx
            rule = [cs <= idx[i] < ce for i in range(start, end)]
            if self.path_score(emissions, tags) - self.path_score(emissions, rule) < self.margin:
                return a.content
        return self._span_of(reading, a, start, tags)

    def _span_of(self, reading: Reading, a: Attribution, start: int, tags: list[bool]) -> tuple[int, int]:
        """The run of IN tokens (window from `start`) that overlaps the rules' span most, as a
        character span; the rules' span when there is none or it would swallow the cue or move too far."""
        cs, ce = a.content
        runs = []
        i = 0
        n = len(tags)
        while i < n:
            if tags[i]:
                j = i
                while j < n and tags[j]:
                    j += 1
                runs.append((start + i, start + j))
                i = j
            else:
                i += 1
        if not runs:
            return a.content

        v = doc_view(reading)

        def score(r):
            s, e = v.idx[r[0]], v.end(r[1] - 1)
            return (max(0, min(e, ce) - max(s, cs)), e - s)

        best = max(runs, key=score)
        if score(best)[0] == 0 and len(runs) > 1:
            return a.content
        s, e = v.idx[best[0]], v.end(best[1] - 1)
        s, e = reading.trim(s, e)
        if e <= s or (s < a.cue[1] and a.cue[0] < e and not (cs < a.cue[1] and a.cue[0] < ce)):
            return a.content        # never swallow a cue the rules kept outside the words
        if self.min_jaccard and jaccard((s, e), a.content) < self.min_jaccard:
            return a.content
        return s, e

    def dump(self, path) -> None:
        write_weights(path, "# Content-boundary CRF (newsledger train attribution): feature<TAB>weight(IN) - "
                            "weight(OUT); #trans FROM TO weight.",
                      [("margin", str(self.margin)), ("min_jaccard", str(self.min_jaccard))]
                      + [("trans", x, y, f"{v:.4f}") for (x, y), v in sorted(self.trans.items())],
                      self.weights)

    @classmethod
    def load(cls, path) -> "BoundaryModel":
        params, weights = read_weights(path)
        trans: dict[tuple[str, str], float] = {(x, y): 0.0 for x in "IO" for y in "IO"}
        for x, y, v in params.get("trans", []):
            trans[(x, y)] = float(v)
        margin = float(params["margin"][0][0]) if "margin" in params else 0.0
        min_jaccard = float(params["min_jaccard"][0][0]) if "min_jaccard" in params else 0.0
        return cls(weights, trans, margin, min_jaccard)


@functools.lru_cache(maxsize=1)
def shipped(name: str = BOUNDARY_MODEL) -> Optional[BoundaryModel]:
    """The shipped model, or None when its file is absent (the rules' spans then stand)."""
    path = data_file(name)
    return BoundaryModel.load(path) if path is not None else None


def best_gold(span: tuple[int, int], golds: Iterable[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The gold content overlapping `span` with the highest Jaccard, or None."""
    best, bj = None, 0.0
    for g in golds:
        j = jaccard(span, g)
        if j > bj:
            best, bj = (g[0], g[1]), j
    return best


def boundary_examples(reading: Reading, found: list[Attribution], golds: list[tuple[int, int]],
                      keep_matched: bool = True) -> list[tuple[list[list[str]], list[str]]]:
    """(token features, IN/OUT labels) for every statement of `found` that overlaps a gold one. The
    labels are the gold statement's words, or with `keep_matched` the rules' own span when it already
    matches the gold one (Jaccard >= 0.5, as the scorer counts): the model then learns to change only
    what is wrong, not to chase the annotators' exact edges."""
    out = []
    for a in found:
        g = best_gold(a.content, golds)
        if g is None or not refinable(reading, a):
            continue
        if keep_matched and jaccard(a.content, g) >= 0.5:
            g = a.content       # already a match: the lesson is to leave it as it is
        start, end = window(reading, a)
        if end - start > _MAX_WINDOW or end <= start:
            continue
        out.append((token_features(reading, a, start, end), labels(reading.doc, start, end, g)))
    return out


def train_crf(examples: list[tuple[list[list[str]], list[str]]], c1: float = 0.05, c2: float = 0.01,
              max_iterations: int = 150, min_count: int = 2, margin: float = 0.0,
              min_jaccard: float = 0.0) -> BoundaryModel:
    """Fit the CRF with python-crfsuite (L-BFGS, elastic net) and keep its weights."""
    import os
    import tempfile

    import pycrfsuite

    if not examples:        # nothing to learn from: a model that leaves every span to the rules
        return BoundaryModel({}, {(x, y): 0.0 for x in "IO" for y in "IO"}, margin, min_jaccard)
    counts: dict[str, int] = {}
    for xs, _ in examples:
        for fs in xs:
            for f in fs:
                counts[f] = counts.get(f, 0) + 1
    trainer = pycrfsuite.Trainer(verbose=False)
    for xs, ys in examples:
        trainer.append([{f: 1.0 for f in fs if counts[f] >= min_count} for fs in xs], ys)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    finally:
        os.unlink(path)
    weights: dict[str, float] = {}
    for (attr, label), v in info.state_features.items():
        weights[attr] = weights.get(attr, 0.0) + (v if label == "I" else -v)
    trans = {(x, y): 0.0 for x in "IO" for y in "IO"}
    for (x, y), v in info.transitions.items():
        trans[(x, y)] = v
    return BoundaryModel({k: v for k, v in weights.items() if abs(v) >= 1e-3}, trans, margin, min_jaccard)
