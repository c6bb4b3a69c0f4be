"""Zero-width characters at line edges → set aside, so the layout never sees them and
nothing is lost.

WeChat and web editors leave zero-width spaces, joiners, word joiners and stray
BOMs (U+200B, U+200C, U+200D, U+2060, U+FEFF) in page text: whole "blank" lines
made of them, one before an indent, one after the full stop that ends a paragraph.
The layout rules must see those lines as blank and those edges as the text's
edges (a trailing U+200B must not hide a full stop).  But they are characters of
the page, and the parser promises that every non-whitespace character ends up in
exactly one place.  So before the parse they are taken off line edges, each run
kept verbatim as a piece of the page's furniture (on the page, not article text,
like the folio line); one inside a line's text stays in the text where it was.
"""

from __future__ import annotations

import re

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


def take_edge_invisibles(text: str) -> tuple[str, list[str]]:
    """``text`` without the zero-width characters at line edges (whitespace kept), and
    the characters taken: one string per edge, each a verbatim run of the page once
    whitespace is ignored."""
    if not _INVISIBLE_RE.search(text):
        return text, []
    parts = _BREAKS.split(text)  # lines at even indices, the breaks between them at odd ones
    taken: list[str] = []
    for i in range(0, len(parts), 2):
        line = parts[i]
        if not _INVISIBLE_RE.search(line):
            continue
        head = len(line) - len(line.lstrip(_EDGE_CHARS))
        tail = max(head, len(line.rstrip(_EDGE_CHARS)))
        edges = [line[:head], line[tail:]] if tail > head else [line]
        for edge in edges:
            found = "".join(_INVISIBLE_RE.findall(edge))
            if found:
                taken.append(found)
        parts[i] = _INVISIBLE_RE.sub("", line[:head]) + line[head:tail] + _INVISIBLE_RE.sub("", line[tail:])
    return "".join(parts), taken
