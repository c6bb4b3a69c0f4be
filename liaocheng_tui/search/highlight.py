"""Highlights as character spans, phrase-exact on Chinese.

Whoosh's own term highlighting marks every matched *term*; with bigrams that
would also light up a stray 日报 far from the 聊城日报 that matched, and its
``strict_phrase`` mode splits text on spaces, which Chinese has none of (the
off-by-a-character trap of whoosh issue 532 and friends).  So the matching
here is ours and exact: a query string matches where its folded letters stand
side by side in the folded letters of the text (the same analysis as the
index: punctuation and spaces skipped), and the span runs from its first
letter to its last — the whole matched string, not a character more or less.
Spans are found in the article's own text (a search over its folded text
that skips what the index skips), so the index needs no positions or character
offsets; fragments are cut and scored by Whoosh's ``PinpointFragmenter`` and
``BasicFragmentScorer``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from whoosh import query as wq
from whoosh.analysis import Token
from whoosh.highlight import SCORE, BasicFragmentScorer, PinpointFragmenter, top_fragments

from liaocheng_tui.search.analysis import fold
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


#: index fields holding whole names, and the key of their needles (marked in the credit texts)
NAME_FIELDS = ("reporter", "correspondent")
NAMES = "names"


def credits_text(article) -> str:
    """The names an article credits, one per line: what the ``credits`` highlight spans index."""
    return "\n".join([*article.reporters, *article.correspondents])


def credit_spans(article, names: set[str]) -> list[Span]:
    """The spans in ``credits_text`` of the credited names that are in ``names``."""
    out, start = [], 0
    for name in [*article.reporters, *article.correspondents]:
        if name in names:
            out.append((start, start + len(name)))
        start += len(name) + 1
    return out


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
            if isinstance(node.needle, re.Pattern):  # the compiled wildcard: its whole match is marked
                found[node.fieldname].add(node.needle)
            return
        if isinstance(node, Substring):
            found[node.fieldname].add(node.grams)
            return
        if isinstance(node, (wq.Term, wq.Prefix)):
            if node.fieldname.endswith("_bg"):
                found[node.fieldname].add((node.text,))
            elif node.fieldname in NAME_FIELDS and isinstance(node, wq.Term) and isinstance(node.text, str):
                found[NAMES].add((node.text,))  # 记者:林晨 — the name, marked where the credit prints it
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


def _letters_of(needle: tuple[str, ...]) -> str:
    """The folded letters a needle stands for: its pairs overlapped (``聊城 城日 日报`` → ``聊城日报``)."""
    return needle[0] + "".join(g[1:] for g in needle[1:])


@lru_cache(maxsize=512)
def _needle_regex(word: str) -> re.Pattern[str]:
    """``word``'s letters with any run of non-letters (what the index skips) between them."""
    return re.compile(_GAP.join(re.escape(c) for c in word))


_GAP = r"[\W_]*"


def _needle_spans(folded: str, needles) -> list[Span]:
    """Every occurrence of each needle in the folded text: from its first letter to its last.

    The same matches as ``str.find`` over the folded letters alone (the index's view), found
    by a regular expression over the folded text, so no list of every letter's offset is built;
    a match is searched for again one letter on, so overlapping occurrences are all found."""
    spans: list[Span] = []
    for needle in needles:
        word = _letters_of(needle)
        if not word:
            continue
        search = _needle_regex(word).search
        m = search(folded)
        while m is not None:
            spans.append(m.span())
            m = search(folded, m.start() + 1)
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
    """Spans of ``text`` where one of the needles occurs (on the same folded letters as the index).

    The text is folded and stripped to its letters once (offsets kept), and each
    needle is found with ``str.find``: a string's pairs at consecutive positions
    are exactly its letters side by side, so this marks what the index matched.
    """
    if not text or not needles:
        return []
    needles, patterns = _split(needles)
    spans = _pattern_spans(text, patterns) if patterns else []
    if needles:
        spans += _needle_spans(fold(text), needles)
    return merge(spans)


class Snippets:
    """Result-list snippets: the best fragment of an article's text around the needles."""

    def __init__(self, maxchars: int = 90, surround: int = 28):
        self.maxchars = maxchars
        self.fragmenter = PinpointFragmenter(maxchars=maxchars, surround=surround)
        self.scorer = BasicFragmentScorer()

    def snippet(self, text: str, needles) -> tuple[str, list[Span]]:
        """The best fragment of ``text`` around the needles (scored by Whoosh's fragmenter), and their spans in it."""
        spans = text_spans(text, needles)
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


def article_spans(article, q) -> dict[str, list[Span]]:
    """Spans to mark in each text of ``article`` for the parsed query ``q`` (keys: title, kicker,
    subtitle, body, byline, dateline; ``credits``: spans into ``credits_text(article)``)."""
    needles = needles_by_field(q)
    out: dict[str, list[Span]] = {}
    for fieldname, attrs in FIELD_TEXTS.items():
        for attr in attrs:
            out[attr] = text_spans(getattr(article, attr, None), needles.get(fieldname, set()))
    names = {n[0] for n in needles.get(NAMES, set()) if isinstance(n, tuple)}
    for attr in ("byline", "dateline"):  # a name asked for by field: where the credit prints it
        text = getattr(article, attr, None) or ""
        extra = [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]
        out[attr] = merge(out[attr] + extra)
    out["credits"] = credit_spans(article, names)
    return out
