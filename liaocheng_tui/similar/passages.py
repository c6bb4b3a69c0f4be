"""Verbatim passages two texts share, with their (start, end) offsets in both.

A rewrite keeps some sentences word for word; a repost keeps most.  Passages are
found from seeds of :data:`PASSAGE_SEED_CHARS` identical characters (a dict of the
other text's windows), each extended to the right as far as the two texts agree;
those of at least :data:`PASSAGE_MIN_CHARS` characters are kept.  The text at a
passage's offsets is the same string in both texts, character for character.
"""

from __future__ import annotations

from dataclasses import dataclass

from liaocheng_tui.similar.quantities import Span

#: identical characters that start a passage
PASSAGE_SEED_CHARS = 8
#: a shorter run is a phrase both texts happen to use, not a shared passage
PASSAGE_MIN_CHARS = 12
#: places in the other text a seed is tried at (a phrase repeated more often is boilerplate)
SEED_TRIES = 8


@dataclass(frozen=True)
class Passage:
    """A run of text both have: ``draft`` and ``article`` are its spans in each; ``text`` the run itself."""

    draft: Span
    article: Span
    text: str


class SeedIndex:
    """The windows of one text (the draft), asked once per other text."""

    def __init__(self, text: str):
        self.text = text
        self.windows: dict[str, list[int]] = {}
        for i in range(len(text) - PASSAGE_SEED_CHARS + 1):
            window = text[i : i + PASSAGE_SEED_CHARS]
            if not window.isspace():
                self.windows.setdefault(window, []).append(i)

    def shared(self, other: str) -> list[Passage]:
        """Passages of this text found in ``other``, in ``other``'s order, not overlapping in either."""
        text, windows = self.text, self.windows
        out: list[Passage] = []
        used: list[Span] = []
        j = 0
        limit = len(other) - PASSAGE_SEED_CHARS + 1
        while j < limit:
            starts = windows.get(other[j : j + PASSAGE_SEED_CHARS])
            if not starts:
                j += 1
                continue
            best_len, best_start = 0, -1
            for i in starts[:SEED_TRIES]:
                if any(s <= i < e for s, e in used):
                    continue
                n = PASSAGE_SEED_CHARS
                while i + n < len(text) and j + n < len(other) and text[i + n] == other[j + n]:
                    n += 1
                if n > best_len:
                    best_len, best_start = n, i
            if best_len >= PASSAGE_MIN_CHARS:
                i = best_start
                out.append(Passage((i, i + best_len), (j, j + best_len), other[j : j + best_len]))
                used.append((i, i + best_len))
                j += best_len
            else:
                j += 1
        return out


def covered(spans: list[Span]) -> int:
    """Characters covered by ``spans`` (overlaps counted once)."""
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total
