"""Highlights as character spans, phrase-exact on Chinese.

Whoosh's own term highlighting marks every matched *term*; with bigrams that
would also light up a stray 日报 far from the 聊城日报 that matched, and its
``strict_phrase`` mode splits text on spaces, which Chinese has none of (the
off-by-a-character trap of whoosh issue 532 and friends).  So the matching
here is ours and positional: a query string's bigrams must sit at consecutive
positions, exactly as the Phrase query required, and the span runs from the
first bigram's start to the last one's end — the whole matched string, not a
character more or less.  Offsets come from the same analysis as the index
(``BigramTokenizer``): stored in the index for snippets (Whoosh's pinpoint
path, no re-analysis) and re-computed for the article view.  Fragments are cut
and scored by Whoosh's ``PinpointFragmenter`` and ``BasicFragmentScorer``.
"""

from __future__ import annotations

import re
from collections import defaultdict

from whoosh import query as wq
from whoosh.analysis import Token
from whoosh.highlight import SCORE, BasicFragmentScorer, PinpointFragmenter, top_fragments

from liaocheng_tui.search.analysis import BigramTokenizer, fold
from liaocheng_tui.search.substring import Pattern, Substring

Span = tuple[int, int]
Needle = tuple[str, ...] | re.Pattern[str]  # one query string's bigrams (or one character), or a wildcard

#: bigram field → the Article attributes its text comes from
FIELD_TEXTS = {
    "title_bg": ("title",),
    "head_bg": ("kicker", "subtitle"),
    "body_bg": ("body",),
    "byline_bg": ("byline", "dateline"),
}


def needles_by_field(q) -> dict[str, set[Needle]]:
    """The positive bigram strings of a parsed query, per index field (NOT branches skipped)."""
    found: dict[str, set[Needle]] = defaultdict(set)

    def walk(node) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            walk(node.a)
            return
        if isinstance(node, Pattern):
            found[node.fieldname].add(node.needle)  # the compiled wildcard: its whole match is marked
            return
        if isinstance(node, Substring):
            found[node.fieldname].add(node.grams)
            return
        if isinstance(node, (wq.Term, wq.Prefix)):
            if node.fieldname.endswith("_bg"):
                found[node.fieldname].add((node.text,))
            return
        for child in node.children():
            walk(child)

    walk(q)
    return found


def merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _match(positions: dict[int, tuple[str, int, int]], starts: dict[str, list[int]], needles) -> list[Span]:
    spans: list[Span] = []
    for needle in needles:
        if len(needle) == 1 and len(needle[0]) == 1:  # one character: every pair it starts, or the last single
            char = needle[0]
            for gram, pos_list in starts.items():
                if gram[0] == char:
                    for pos in pos_list:
                        _, s, _ = positions[pos]
                        spans.append((s, s + 1))
            continue
        k = len(needle)
        for pos in starts.get(needle[0], ()):
            if all(positions.get(pos + j, ("",))[0] == needle[j] for j in range(1, k)):
                spans.append((positions[pos][1], positions[pos + k - 1][2]))
    return spans


def _pattern_spans(text: str, patterns) -> list[Span]:
    """Where each wildcard pattern matches the folded ``text`` (fold keeps every offset)."""
    folded = fold(text)
    return [m.span() for p in patterns for m in p.finditer(folded) if m.end() > m.start()]


def _split(needles) -> tuple[list, list]:
    """(bigram needles, wildcard patterns)."""
    patterns = [n for n in needles if isinstance(n, re.Pattern)]
    return [n for n in needles if not isinstance(n, re.Pattern)], patterns


def text_spans(text: str | None, needles) -> list[Span]:
    """Spans of ``text`` where one of the needles occurs (the same bigram analysis as the index)."""
    if not text or not needles:
        return []
    needles, patterns = _split(needles)
    if patterns:
        return merge(_pattern_spans(text, patterns) + text_spans(text, needles))
    positions: dict[int, tuple[str, int, int]] = {}
    starts: dict[str, list[int]] = defaultdict(list)
    for tok in BigramTokenizer()(text, positions=True, chars=True):
        positions[tok.pos] = (tok.text, tok.startchar, tok.endchar)
        starts[tok.text].append(tok.pos)
    return merge(_match(positions, starts, needles))


class Snippets:
    """Result-list snippets from the character offsets stored in the index (no re-analysis)."""

    field = "body_bg"

    def __init__(self, maxchars: int = 90, surround: int = 28):
        self.maxchars = maxchars
        self.fragmenter = PinpointFragmenter(maxchars=maxchars, surround=surround)
        self.scorer = BasicFragmentScorer()

    def load(self, searcher, docnums: list[int], needles) -> dict[int, dict[str, list]]:
        """Offsets of the needles' bigrams in each of ``docnums``, read from the index's postings."""
        cmap: dict[int, dict[str, list]] = {d: {} for d in docnums}
        ordered = sorted(docnums)
        grams = {g for needle in _split(needles)[0] for g in needle if len(g) == 2}
        for gram in grams:
            if (self.field, gram) not in searcher.reader():
                continue
            m = searcher.postings(self.field, gram)
            for docnum in ordered:
                if not m.is_active():
                    break
                if m.id() < docnum:
                    m.skip_to(docnum)
                    if not m.is_active():
                        break
                if m.id() == docnum:
                    cmap[docnum][gram] = m.value_as("characters")
        return cmap

    def snippet(self, chars: dict[str, list], text: str, needles) -> tuple[str, list[Span]]:
        """The best fragment of ``text`` around the needles, and their spans in it.

        ``chars`` is the doc's entry from :meth:`load`; a one-character needle
        (not a bigram) is found by re-analysing the text instead.
        """
        positions: dict[int, tuple[str, int, int]] = {}
        starts: dict[str, list[int]] = defaultdict(list)
        for word, offsets in chars.items():
            for pos, s, e in offsets:
                positions[pos] = (word, s, e)
                starts[word].append(pos)
        needles, patterns = _split(needles)
        pairs = [n for n in needles if len(n[0]) == 2]
        singles = [n for n in needles if len(n[0]) == 1]
        spans = _match(positions, starts, pairs) if pairs else []
        if singles:
            spans += text_spans(text, singles)
        if patterns:
            spans += _pattern_spans(text, patterns)
        spans = merge(spans)
        if not spans:
            return self.lead(text), []
        tokens = []
        for s, e in spans:
            tok = Token(text=text[s:e], startchar=s, endchar=e)
            tok.matched = True
            tokens.append(tok)
        fragments = list(self.fragmenter.fragment_matches(text, tokens))
        best = top_fragments(fragments, 1, self.scorer, SCORE, minscore=0)
        if not best:
            return self.lead(text), []
        frag = best[0]
        return self._cut(text, frag.startchar, frag.endchar, [(t.startchar, t.endchar) for t in frag.matches])

    @staticmethod
    def _cut(text: str, start: int, end: int, spans: list[Span]) -> tuple[str, list[Span]]:
        piece = text[start:end].replace("\n", " ")
        shift = -start
        if start > 0:
            piece = "…" + piece
            shift += 1
        if end < len(text):
            piece += "…"
        return piece, [(max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end]

    def lead(self, text: str) -> str:
        piece = text[: self.maxchars].replace("\n", " ")
        return piece + ("…" if len(text) > self.maxchars else "")
