"""Hard-wrapped lines → paragraphs.

PDF exports break lines at the column width, mark paragraphs with a blank
line or a first-line indent (or both, or neither), and sometimes put a blank
line in the middle of a sentence where a column ended.  This module decides,
for each line break, whether it is a wrap (join) or a paragraph end, and heals
blank lines where the sentence plainly continues.  It never drops or changes a
non-whitespace character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from liaocheng_tui.archive.byline import DATELINE_RE, MARKERS, byline_line, trailing_credit
from liaocheng_tui.archive.cjk import (
    CLAUSE_OPEN,
    INVISIBLE,
    LINE_START_FORBIDDEN,
    print_width,
    ends_sentence,
    join_lines,
    leading_width,
)
from liaocheng_tui.archive.shapes import looks_like_headline

# A line at least this share of its column's width is "full": the text went on.
FULL_LINE = 0.80
# Shorter than this share of the column: a headline, subhead or paragraph end.
SHORT_LINE = 0.60
# A single-line block this wide is an unwrapped paragraph (one line per paragraph export).
UNWRAPPED_WIDTH = 60


# Decorated section subheads (▶“三新”产业澎湃发展动能◀) sit on lines of their own.
SUBHEAD_OPEN = ("▶", "►", "◆")
SUBHEAD_CLOSE = ("◀", "◄")


# Every byline holds a role word or a credit marker; most lines can skip the grammar.
_MAYBE_BYLINE = re.compile(r"[记員员摄攝图圖文编編評评記■□●◆▲◇]")
_DROP_INVISIBLE = {ord(c): None for c in INVISIBLE}
# A line of names: 王建军 孙立新 周海涛 (three or more 2–4 character words).
_NAME_LIST_RE = re.compile(r"^(?:[\u4e00-\u9fff·]{2,4}[ \u3000]+){2,}[\u4e00-\u9fff·]{2,4}[。，；]?$")


@dataclass
class Line:
    text: str  # without surrounding whitespace
    width: int  # display cells of the whole line, indent included
    indent: bool  # starts further right than the page's normal left edge
    blank_before: bool
    is_byline: bool = False
    space_before: bool = False  # printed with a one-cell lead: a space the line break kept

    @property
    def joinable(self) -> str:
        """The text to append when this line continues a paragraph."""
        return " " + self.text if self.space_before else self.text


@dataclass
class Para:
    """A paragraph: its source lines and what joining them gives."""

    lines: list[str]
    indent: bool
    blank_before: bool
    is_byline: bool = False
    healed: bool = False  # a blank line inside it was healed
    _text: str | None = field(default=None, init=False, repr=False)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = join_lines(self.lines)
        return self._text

    def extend(self, lines: list[str], healed: bool = False) -> None:
        self.lines.extend(lines)
        self.healed = self.healed or healed
        self._text = None


def normalize_text(text: str) -> str:
    """Unify line ends and drop the BOM and NBSPs (whitespace only)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_DROP_INVISIBLE)
    text = text.replace("\f", "\n\n").replace("\v", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return text.replace("\u00a0", " ").replace("\t", "    ")


def split_lines(text: str) -> list[Line]:
    raw = normalize_text(text).split("\n")
    lefts = [leading_width(r) for r in raw if r.strip()]
    base = min(lefts) if lefts else 0
    lines: list[Line] = []
    blanks: list[int] = []  # blank lines before each line
    blank = 1
    for r in raw:
        stripped = r.strip()
        if not stripped:
            blank += 1
            continue
        left = leading_width(r) - base
        space_before = left == 1
        lines.append(
            Line(
                text=stripped,
                width=print_width(r.rstrip()) - base,
                indent=left >= 2,
                blank_before=blank > 0,
                is_byline=_MAYBE_BYLINE.search(stripped) is not None and byline_line(stripped) is not None,
                space_before=space_before,
            )
        )
        blanks.append(blank)
        blank = 0
    _undouble(lines, blanks)
    _mend_broken_byline_names(lines)
    return lines


def _undouble(lines: list[Line], blanks: list[int]) -> None:
    """Double-spaced exports put a blank line after every line: then only a run of two or
    more blank lines separates blocks.  Recognised by most blocks being one line long
    while most lines stop mid-sentence (an unwrapped export has one line per paragraph
    too, but its lines end sentences)."""
    if len(lines) < 4:
        return
    singles = sum(1 for b in blanks[1:] if b == 1) / max(1, len(blanks) - 1)
    if singles < 0.6:
        return
    widths = sorted(line.width for line in lines)
    long_lines = [line for line in lines if line.width >= max(16, 0.8 * widths[int(0.75 * (len(widths) - 1))])]
    if not long_lines:
        return
    mid_sentence = sum(
        1 for line in long_lines if not ends_sentence(line.text) and trailing_credit(line.text) is None
    ) / len(long_lines)
    if mid_sentence < 0.5:
        return
    for line, before in zip(lines, blanks):
        line.blank_before = before != 1

def _mend_broken_byline_names(lines: list[Line]) -> None:
    """``■ 本报记者 夏旭 / 光``: a byline line whose last name was cut at the line end."""
    i = 0
    while i < len(lines) - 1:
        cur, nxt = lines[i], lines[i + 1]
        if cur.text[-1] in MARKERS and nxt.is_byline and not nxt.blank_before:
            # ``…2.8亿元。■`` / ``本报记者 吴兆旭``: a credit wrapped after its marker
            cur.text = f"{cur.text} {nxt.text}"
            del lines[i + 1]
            continue
        if (
            not cur.is_byline
            and not nxt.blank_before
            and len(nxt.text) <= 2
            and byline_line(cur.text + nxt.text) is not None
        ):
            cur.text = cur.text + nxt.text  # no character changes, only the break
            cur.is_byline = True
            del lines[i + 1]
        i += 1


def _column_width(block: list[Line]) -> int:
    widths = sorted(line.width for line in block)
    return widths[int(0.9 * (len(widths) - 1) + 0.5)]


def _starts_paragraph(line: Line) -> bool:
    return line.indent or line.is_byline or bool(DATELINE_RE.match(line.text))


def _breaks_after(prev: Line, cur: Line, column: int) -> bool:
    """Is the line break between ``prev`` and ``cur`` (same block) a paragraph end?"""
    if _starts_paragraph(cur) or prev.is_byline:
        return True
    if prev.text.endswith(SUBHEAD_CLOSE) or cur.text.startswith(SUBHEAD_OPEN):
        return True
    if cur.text[0] in LINE_START_FORBIDDEN:
        return False
    if prev.text[-1] in "：:" or (_NAME_LIST_RE.match(prev.text) and _NAME_LIST_RE.match(cur.text)):
        return False  # 入选人员为： / 王建军 孙立新 周海涛 / 陈晓东 马丽娟: a list runs on
    if prev.width < SHORT_LINE * column:
        return True
    if (
        ends_sentence(prev.text)
        and cur.width < SHORT_LINE * column
        and looks_like_headline(cur.text, 1)
        and trailing_credit(cur.text) is None
    ):
        return True  # …责任。 / 全市防汛工作会议召开: a headline right under the body
    return ends_sentence(prev.text) and prev.width < 0.9 * column


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        if line.blank_before or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def reflow(text: str) -> list[Para]:
    """Page text → paragraphs in page order."""
    paras: list[Para] = []
    prev_column = prev_block_lines = 0
    prev_block_is_headline = False
    blocks = _blocks(split_lines(text))
    body_column = _body_column(blocks)
    for block in blocks:
        column = _column_width(block)
        first = block[0]
        current = Para([first.text], first.indent, True, first.is_byline)
        block_paras = [current]
        for prev, cur in zip(block, block[1:]):
            if _breaks_after(prev, cur, column):
                current = Para([cur.text], cur.indent, False, cur.is_byline)
                block_paras.append(current)
            else:
                current.extend([cur.joinable])
        block_is_headline = _is_headline_block(block, block_paras, body_column)
        if paras and not prev_block_is_headline and _heals(paras[-1], prev_column, prev_block_lines, block_paras[0], first):
            paras[-1].extend([(" " if first.space_before else "") + block_paras[0].lines[0], *block_paras[0].lines[1:]], healed=True)
            block_paras = block_paras[1:]
        paras.extend(block_paras)
        prev_column, prev_block_lines = column, len(block)
        prev_block_is_headline = block_is_headline
    return paras


def _body_column(blocks: list[list[Line]]) -> int | None:
    """The page's body column width: the median width of wrapped (non-final) lines."""
    widths = sorted(line.width for block in blocks if len(block) >= 3 for line in block[:-1])
    return widths[len(widths) // 2] if widths else None


def _is_headline_block(block: list[Line], block_paras: list[Para], body_column: int | None) -> bool:
    """A block that is one headline: a column break is never healed after it.

    A sentence fragment cut by a column break looks like a headline too (no
    full stop), but its lines fill the body column, and it nearly always holds
    a comma; headlines are set wider or narrower, and rarely have one.
    """
    if len(block_paras) != 1:
        return False
    para = block_paras[0]
    if not looks_like_headline(para.text, len(para.lines)) or any(c in para.text for c in "，,；;"):
        return False
    fills_column = body_column is not None and all(
        FULL_LINE * body_column <= line.width <= 1.15 * body_column for line in block
    )
    return not (len(block) >= 2 and fills_column)


def _heals(before: Para, column: int, block_lines: int, after: Para, after_line: Line) -> bool:
    """Does a blank line between ``before`` and ``after`` split one sentence at a column break?"""
    if before.is_byline or after.is_byline or after_line.indent:
        return False
    if DATELINE_RE.match(after.text) or after.text.startswith("—"):
        return False
    last = before.lines[-1]
    if len(before.lines) == 1 and last.startswith("—"):  # a subtitle line (——…)
        return False
    if ends_sentence(last) or last.endswith("——") or trailing_credit(before.text) is not None:
        return False
    if after.text[0] in LINE_START_FORBIDDEN:
        return True
    width = print_width(last)
    if block_lines == 1:  # one line per paragraph (an unwrapped export)
        return width >= UNWRAPPED_WIDTH or (width >= 30 and last[-1] in CLAUSE_OPEN)
    return width >= FULL_LINE * column or last[-1] in CLAUSE_OPEN
