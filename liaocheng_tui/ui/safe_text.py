"""Article text → Rich ``Text``, never markup.

Page files are untrusted: they may hold ``[b]``, ``[link=…]`` or terminal
escape sequences.  Everything the reader shows from an article goes through
:func:`safe_text`, which builds a ``Text`` from the plain string (so markup is
shown literally), drops control characters (so nothing reaches the terminal)
and styles highlight spans by character offset.  UI-free: Rich only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

Span = tuple[int, int]

_KEEP = {"\n"}


def _is_control(ch: str) -> bool:
    if ch in _KEEP:
        return False
    cat = unicodedata.category(ch)
    # Cc: C0/C1 controls (ESC, BEL, CSI…); bidi overrides and isolates can reorder the screen.
    return cat == "Cc" or ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def clean(text: str) -> str:
    """``text`` without control characters (tabs become spaces)."""
    return "".join(" " if ch == "\t" else ch for ch in text if ch == "\t" or not _is_control(ch))


def safe_text(
    text: str | None,
    spans: Iterable[Span] = (),
    *,
    style: str | Style = "",
    highlight: str | Style = "reverse",
) -> Text:
    """A Text showing ``text`` literally, with ``spans`` (offsets into ``text``) highlighted.

    Control characters are removed and the spans are moved to match.
    """
    text = text or ""
    kept: list[str] = []
    where: list[int] = []  # where[i] = offset in the output of input char i
    for ch in text:
        where.append(len(kept))
        if ch == "\t":
            kept.append(" ")
        elif not _is_control(ch):
            kept.append(ch)
    where.append(len(kept))
    out = Text("".join(kept), style=style, end="")
    n = len(text)
    for start, end in spans:
        start, end = max(0, min(n, start)), max(0, min(n, end))
        if end > start:
            out.stylize(highlight, where[start], where[end])
    return out


def spans_within(spans: Iterable[Span], start: int, end: int) -> list[Span]:
    """The parts of ``spans`` inside ``[start, end)``, shifted to start at 0."""
    out = []
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if e > s:
            out.append((s - start, e - start))
    return out
