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
#: places in the first text a seed is tried at (a phrase repeated more often is boilerplate)
SEED_TRIES = 8
#: the other text is probed every SEED_STEP-th character (PASSAGE_MIN_CHARS - SEED_STEP + 1 >= PASSAGE_SEED_CHARS)
SEED_STEP = 4


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
        floor = 0  # where in ``other`` the last passage ended: the next may not reach back over it
        while j < limit:
            starts = windows.get(other[j : j + PASSAGE_SEED_CHARS])
            if not starts:
                j += SEED_STEP
                continue
            best = (0, 0, 0)  # length, start in text, start in other
            for i in starts[:SEED_TRIES]:
                if any(s <= i < e for s, e in used):
                    continue
                back = 0
                while i - back > 0 and j - back > floor and text[i - back - 1] == other[j - back - 1] and not any(
                        s < i - back <= e for s, e in used):
                    back += 1
                n = PASSAGE_SEED_CHARS
                while i + n < len(text) and j + n < len(other) and text[i + n] == other[j + n]:
                    n += 1
                if n + back > best[0]:
                    best = (n + back, i - back, j - back)
            length, i, k = best
            if length >= PASSAGE_MIN_CHARS:
                out.append(Passage((i, i + length), (k, k + length), other[k : k + length]))
                used.append((i, i + length))
                j = floor = k + length
            else:
                j += SEED_STEP
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
