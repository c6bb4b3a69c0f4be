"""Zero-width characters at line edges → set aside while the layout is read, then put back.

WeChat and web editors leave zero-width spaces, joiners, word joiners and stray
BOMs (U+200B, U+200C, U+200D, U+2060, U+FEFF) in page text: whole "blank" lines
made of them, one before an indent, one after the full stop that ends a paragraph.
The layout rules must see those lines as blank and those edges as the text's
edges (a trailing U+200B must not hide a full stop).  But they are characters of
the page, and the parser promises that every non-whitespace character ends up in
exactly one place, in the order printed.  So before the parse they are taken off
line edges (one inside a line's text stays where it is); after it, each run that
falls inside a piece of text (a paragraph joined from two lines) goes back into
that piece at its place, and the others (blank lines of them, the edges of a
paragraph) become pieces of the page's furniture: on the page, not article text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from liaocheng_tui.archive.cjk import INVISIBLE

# The line breaks of the layout (reflow.normalize_text): a line's edges are next to these.
_BREAKS = re.compile("(\r\n|[\n\r\f\v\u2028\u2029])")
# Every character str.isspace() holds (Python 3.11's Unicode tables), written out: computing it takes 0.1 s.
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_EDGE_CHARS = _WHITESPACE + INVISIBLE
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class EdgeRun:
    """The zero-width characters taken from one line edge, and where: the number of
    non-whitespace characters of the cleaned text before them."""

    text: str
    at: int


def take_edge_invisibles(text: str) -> tuple[str, list[EdgeRun]]:
    """``text`` without the zero-width characters at line edges (whitespace kept), and
    the runs taken, in page order."""
    if not _INVISIBLE_RE.search(text):
        return text, []
    parts = _BREAKS.split(text)  # lines at even indices, the breaks between them at odd ones
    taken: list[EdgeRun] = []
    before = 0  # non-whitespace characters of the cleaned text so far
    for i in range(0, len(parts), 2):
        line = parts[i]
        if _INVISIBLE_RE.search(line):
            head = len(line) - len(line.lstrip(_EDGE_CHARS))
            tail = max(head, len(line.rstrip(_EDGE_CHARS)))
            core = line[head:tail]
            lead = "".join(_INVISIBLE_RE.findall(line[:head]))
            trail = "".join(_INVISIBLE_RE.findall(line[tail:]))
            if lead:
                taken.append(EdgeRun(lead, before))
            core_count = _visible_count(core)
            if trail:
                taken.append(EdgeRun(trail, before + core_count))
            parts[i] = _INVISIBLE_RE.sub("", line[:head]) + core + _INVISIBLE_RE.sub("", line[tail:])
            before += core_count
        else:
            before += _visible_count(line)
    return "".join(parts), taken


def _visible_count(text: str) -> int:
    return len(text) - sum(len(m) for m in _SPACE_RUN.findall(text))


def squeeze_spaces(text: str) -> str:
    return _SPACE_RUN.sub("", text)


def put_back(pieces: list[str], cleaned: str, runs: list[EdgeRun]) -> tuple[list[str], list[str]]:
    """``pieces`` (the parse's text, in any order) with each run that falls strictly inside
    one of them put back at its place, and the runs left over (for the furniture).

    A piece is found in the cleaned page by its text (whitespace ignored); longer pieces
    are placed first and no two share characters, so repeated text lands on distinct
    places.  A piece not found (text around a furniture line, say) takes no run.
    """
    if not runs:
        return pieces, []
    page = squeeze_spaces(cleaned)
    squeezed = [squeeze_spaces(p) for p in pieces]
    starts: list[int] = []  # claimed places, sorted by start; no two overlap
    ends: list[int] = []
    resume: dict[str, int] = {}  # where to look next for a text already placed (repeated pieces)
    left = sorted(runs, key=lambda r: r.at)
    out = list(pieces)
    for i in sorted(range(len(pieces)), key=lambda k: (-len(squeezed[k]), squeezed[k])):
        piece = squeezed[i]
        if len(piece) < 2:
            continue
        start = page.find(piece, resume.get(piece, 0))
        while start >= 0 and _overlaps(starts, ends, start, start + len(piece)):
            start = page.find(piece, start + 1)
        if start < 0:
            resume[piece] = len(page)
            continue
        end = start + len(piece)
        resume[piece] = end
        at = bisect.bisect(starts, start)
        starts.insert(at, start)
        ends.insert(at, end)
        lo, hi = bisect.bisect_right(left, start, key=_at), bisect.bisect_left(left, end, key=_at)
        if lo < hi:
            out[i] = _insert(pieces[i], [(r.at - start, r.text) for r in left[lo:hi]])
            del left[lo:hi]
    return out, [r.text for r in left]


def _at(run: EdgeRun) -> int:
    return run.at


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Does [start, end) share characters with a claimed place (neighbours in start order)?"""
    at = bisect.bisect(starts, start)
    return (at > 0 and ends[at - 1] > start) or (at < len(starts) and starts[at] < end)


def _insert(text: str, runs: list[tuple[int, str]]) -> str:
    """``text`` with each run inserted before its n-th non-whitespace character."""
    wanted: dict[int, str] = {}
    for at, run in runs:  # in page order: two runs at one place (a line's end, the next one's start) keep theirs
        wanted[at] = wanted.get(at, "") + run
    out: list[str] = []
    seen = 0
    for ch in text:
        if not ch.isspace():
            if seen in wanted:
                out.append(wanted[seen])
            seen += 1
        out.append(ch)
    return "".join(out)
