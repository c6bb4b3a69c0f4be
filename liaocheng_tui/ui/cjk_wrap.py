"""Line breaking for Chinese text in a terminal.

Rich wraps at spaces, which suits English but not Chinese: a paragraph with
one ASCII space breaks there and leaves half a line empty, numbers are cut
(``20|23年``) and lines start with ``，`` or ``。``.  :func:`break_points`
breaks between any two CJK characters, keeps ASCII words and numbers whole,
keeps closing punctuation off the start of a line and opening brackets off
its end (kinsoku), and never cuts a double-width character.  UI-free: Rich only.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

# Characters that must not begin a line / end a line.
NO_START = set("，。、；：？！）］｝〕〉》」』】〗〙〛”’』》…‥·・ー々〻～%‰℃°,.;:?!)]}>") | {"—"}
NO_END = set("（［｛〔〈《「『【〖〘〚“‘([{<")


def _is_wordish(ch: str) -> bool:
    """ASCII letters, digits and the symbols that join them (kept together across a break)."""
    return ch.isascii() and (ch.isalnum() or ch in "._-+/%:@#&'")


def _units(text: str) -> list[tuple[int, int]]:
    """Unbreakable pieces of ``text`` as (start, end): ASCII words, single CJK chars, spaces,
    with kinsoku characters glued to their neighbours."""
    units: list[list[int]] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        if _is_wordish(text[i]):
            while j < n and _is_wordish(text[j]):
                j += 1
        units.append([i, j])
        i = j
    glued: list[list[int]] = []
    for unit in units:
        ch = text[unit[0]]
        if glued and (ch in NO_START or text[glued[-1][1] - 1] in NO_END) and not ch.isspace():
            glued[-1][1] = unit[1]
        else:
            glued.append(unit)
    return [(s, e) for s, e in glued]


def break_points(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` (no newlines in it) wrapped to ``width`` cells."""
    if width <= 0 or not text:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    start, used = 0, 0
    for s, e in _units(text):
        w = cell_len(text[s:e])
        if used and used + w > width and not text[s:e].isspace():
            lines.append((start, s))
            start, used = s, 0
        if w > width:  # a unit wider than the line: cut it by characters, never mid-character
            for k in range(s, e):
                cw = cell_len(text[k])
                if used and used + cw > width:
                    lines.append((start, k))
                    start, used = k, 0
                used += cw
            continue
        used += w
    lines.append((start, len(text)))
    # a line may not begin with a breaking space: move it to the end of the previous line
    out = []
    for s, e in lines:
        while out and s < e and text[s] == " ":
            s += 1
            out[-1] = (out[-1][0], s)
        out.append((s, e))
    return out


class CJKText:
    """A Rich renderable: ``text`` wrapped with :func:`break_points`, styles kept.

    Lines whose index is in ``nowrap`` (bylines, dates) are cut with ``…``
    instead of wrapped, so a name is never split over two lines.
    """

    def __init__(self, text: Text, nowrap: frozenset[int] | set[int] = frozenset()) -> None:
        self.text = text
        self.nowrap = frozenset(nowrap)

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for index, line in enumerate(self.text.split("\n", allow_blank=True)):
            if index in self.nowrap:
                line = line.copy()
                line.truncate(width, overflow="ellipsis")
                line.end, line.no_wrap, line.overflow = "\n", True, "crop"
                yield line
                continue
            for s, e in break_points(line.plain, width):
                piece = line[s:e]
                piece.rstrip()
                piece.end = "\n"
                piece.no_wrap = True
                piece.overflow = "crop"
                yield piece

    def line_of(self, offset: int, width: int) -> int:
        """The rendered line (0-based) that holds character ``offset`` when wrapped to ``width``."""
        line = 0
        start = 0
        for index, piece in enumerate(self.text.plain.split("\n")):
            end = start + len(piece)
            breaks = [(0, len(piece))] if index in self.nowrap else break_points(piece, width)
            if offset <= end:
                return line + next((k for k, (_s, e) in enumerate(breaks) if offset - start < e), len(breaks) - 1)
            line += len(breaks)
            start = end + 1
        return line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.text.plain.split("\n")
        widest = max((cell_len(line) for line in lines), default=0)
        return Measurement(min(widest, 2), widest)
