"""Article text → Rich ``Text``, never markup.

Page files are untrusted: they may hold ``[b]``, ``[link=…]`` or terminal
escape sequences.  Everything the reader shows from an article goes through
:func:`safe_text`, which builds a ``Text`` from the plain string (so markup is
shown literally), shows control characters as their pictures (``printable``:
ESC as ``␛``, the same rule as every CLI output, so nothing reaches the
terminal) and styles highlight spans by character offset.  UI-free: Rich only.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

from liaocheng_tui.archive.printable import printable

Span = tuple[int, int]


def clean(text: str | None) -> str:
    """``text`` with control characters as their pictures and tabs as spaces (same length)."""
    return printable(text).replace("\t", " ")


def safe_text(
    text: str | None,
    spans: Iterable[Span] = (),
    *,
    style: str | Style = "",
    highlight: str | Style = "reverse",
) -> Text:
    """A Text showing ``text`` literally, with ``spans`` (offsets into ``text``) highlighted.

    ``clean`` keeps every character in its place, so the spans need no moving.
    """
    shown = clean(text)
    out = Text(shown, style=style, end="")
    n = len(shown)
    for start, end in spans:
        start, end = max(0, min(n, start)), max(0, min(n, end))
        if end > start:
            out.stylize(highlight, start, end)
    return out


def spans_within(spans: Iterable[Span], start: int, end: int) -> list[Span]:
    """The parts of ``spans`` inside ``[start, end)``, shifted to start at 0."""
    out = []
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if e > s:
            out.append((s - start, e - start))
    return out
