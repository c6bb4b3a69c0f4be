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

from liaocheng_tui.archive.byline import CREDIT_HINT, MAX_CREDIT_LINE, ROLE_RE, byline_line, could_be_credit, ends_with_role, starts_with_dateline
from liaocheng_tui.archive.credit_words import MARKERS
from liaocheng_tui.archive.folding import narrow
from liaocheng_tui.archive.end_credits import TRAILING_CREDIT_MAX_CHARS, trailing_credit
from liaocheng_tui.archive.cjk import (
    CLAUSE_OPEN,
    LINE_START_FORBIDDEN,
    print_width,
    ends_sentence,
    join_lines,
    leading_width,
)
from liaocheng_tui.archive.shapes import SIGNED_DATE_RE, looks_like_headline

# A line at least this share of its column's width is "full": the text went on.
FULL_LINE = 0.80
# Shorter than this share of the column: a headline, subhead or paragraph end.
SHORT_LINE = 0.60
# A sentence ending on a line shorter than this share of its column ends the paragraph
# (a line this full that ends a sentence may just have run out of room).
NEARLY_FULL_LINE = 0.90
# A headline-looking line at least this share of the body column is a sentence cut by a
# column break; one wider than ACROSS_COLUMNS × the column is a headline set across columns.
FILLS_BODY_COLUMN = 0.95
ACROSS_COLUMNS = 1.15
# A block's column is the width of its 90th-percentile line, ignoring a last line over
# RUN_TOGETHER_LINE × the next widest (two lines an export ran together).
COLUMN_WIDTH_QUANTILE = 0.9
RUN_TOGETHER_LINE = 1.5
# A single-line block this wide is an unwrapped paragraph (one line per paragraph export).
UNWRAPPED_WIDTH = 60
UNWRAPPED_CLAUSE_WIDTH = 30  # …or this wide and ending on an open clause (，、《)
# Double-spaced exports (a blank line after every printed line): most gaps between lines
# are one blank line, almost none are no blank line at all (two lines of one block), and
# most long lines stop mid-sentence (an unwrapped export's lines end sentences).
DOUBLE_SPACED_MIN_LINES = 4
DOUBLE_SPACED_MIN_SINGLE_GAPS = 0.6
DOUBLE_SPACED_MAX_ADJACENT = 0.1
DOUBLE_SPACED_MIN_MID_SENTENCE = 0.5
DOUBLE_SPACED_WIDTH_QUANTILE = 0.75  # "long" lines are measured against this quantile's width
DOUBLE_SPACED_MIN_LONG_LINE = 16


# Decorated section subheads (▶“三新”产业澎湃发展动能◀) sit on lines of their own.
SUBHEAD_OPEN = ("▶", "►", "◆")
SUBHEAD_CLOSE = ("◀", "◄")


# Two phrases set apart by a space, the shape of section subheads (引入前沿技术 推动产业升级);
# running text has no spaces between Chinese characters.
_PAIRED_PHRASES_RE = re.compile(r"^[\u4e00-\u9fff“”‘’]{3,}[ \u3000]+[\u4e00-\u9fff“”‘’]{3,}$")
# Shapes of section subheads: paired phrases, decorations, numbering, 故事一：….
_SUBHEAD_SHAPE_RE = re.compile(
    r"^[\u4e00-\u9fff“”‘’]{2,}[ \u3000]+[\u4e00-\u9fff“”‘’]{2,}$|[▶►◀◄【】]|^[一二三四五六七八九十]+[、：:]|^[（(][一二三四五六七八九十]+[）)]|^\S{2,6}[：:]"
)
# How paragraphs typically open: a date, 近日, 今年 … (a sentence cut by a column break
# does not go on with these).
_PARAGRAPH_OPENER_RE = re.compile(
    r"^(?:\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*年|近日|日前|今年|去年|近年来|据悉|据了解|目前|眼下|当前|记者)"
)
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
    space_after: bool = False  # printed with a space at its end (焦书林 / 霍然: two names, not one)

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
    space_before: bool = False  # its first line was printed with a one-cell lead
    column: int = 0  # the width of the block it was printed in
    block_lines: int = 0  # how many lines that block had
    headline_block: bool = False  # that block is one headline and nothing else
    after_body: bool = False  # it follows a body paragraph inside its block
    closes_item: bool = False  # an editor credit was printed under it (初审编辑:X): its item ends here
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
    """Unify line ends and turn NBSPs and tabs into spaces (whitespace only).

    Zero-width characters are kept: the loader has taken those at line edges off
    already (``invisible.py``), and one inside a line is text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
                is_byline=could_be_credit(stripped) and byline_line(stripped) is not None,
                space_before=space_before,
                space_after=r.rstrip("\r\n") != r.rstrip(),
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
    if len(lines) < DOUBLE_SPACED_MIN_LINES:
        return
    gaps = blanks[1:]
    singles = sum(1 for b in gaps if b == 1) / max(1, len(gaps))
    adjacent = sum(1 for b in gaps if b == 0) / max(1, len(gaps))
    if singles < DOUBLE_SPACED_MIN_SINGLE_GAPS or adjacent > DOUBLE_SPACED_MAX_ADJACENT:
        return
    widths = sorted(line.width for line in lines)
    typical = widths[int(DOUBLE_SPACED_WIDTH_QUANTILE * (len(widths) - 1))]
    long_lines = [line for line in lines if line.width >= max(DOUBLE_SPACED_MIN_LONG_LINE, FULL_LINE * typical)]
    if not long_lines:
        return
    mid_sentence = sum(
        1 for line in long_lines if not ends_sentence(line.text) and trailing_credit(line.text) is None
    ) / len(long_lines)
    if mid_sentence < DOUBLE_SPACED_MIN_MID_SENTENCE:
        return
    for line, before in zip(lines, blanks):
        line.blank_before = before != 1

def _mend_broken_byline_names(lines: list[Line]) -> None:
    """``■ 本报记者 夏旭 / 光``: a byline line whose last name was cut at the line end."""
    i = 0
    while i < len(lines) - 1:
        cur, nxt = lines[i], lines[i + 1]
        if cur.text in MARKERS and nxt.is_byline:  # □ / 记者 高田 报道: the marker printed apart
            nxt.text = f"{cur.text}{nxt.text}"
            nxt.blank_before = cur.blank_before
            nxt.indent = cur.indent
            del lines[i]
            continue
        if cur.text[-1] in MARKERS and nxt.is_byline and not nxt.blank_before:
            # ``…2.8亿元。■`` / ``本报记者 吴兆旭``: a credit wrapped after its marker
            cur.text = f"{cur.text} {nxt.text}"
            del lines[i + 1]
            continue
        if (
            not nxt.blank_before
            and (not cur.is_byline or not nxt.is_byline or nxt.text[0] in _CONTINUES_A_CREDIT or ends_with_role(cur.text))
            and _credit_runs_on(cur, nxt)
        ):
            # ``■ 本报记者 夏旭`` / ``光``, ``大众网·海报新闻记者 X 实习记者 卜世`` / ``杰 练红 聊城报道``:
            # a credit line broken at the line end, anywhere in it (no character changes, only the break;
            # a space printed at the line end stays: 实习记者 焦书林 / 霍然 聊城报道 names two people)
            cur.text = _credit_join(cur, nxt)
            cur.space_after = nxt.space_after
            cur.is_byline = True
            del lines[i + 1]
            continue  # the joined credit may go on into the next line too
        if i + 2 < len(lines) and _credit_runs_over_two(cur, nxt, lines[i + 2]):
            # a narrow column: ``大众网·海报新闻记者 X`` / ``Y 文/大众网·海报新闻`` / ``记者 Z``
            cur.text = _credit_join(cur, nxt) + (" " if nxt.space_after else "") + lines[i + 2].text
            cur.space_after = lines[i + 2].space_after
            cur.is_byline = True
            del lines[i + 1 : i + 3]
            continue
        i += 1


_CREDIT_TAIL_START = re.compile(r"[（(。！？]")


def _space_in_credit(prev: Line, cur: Line, para: Para) -> bool:
    """A space printed at a line end inside a credit closing a paragraph (…（记者 王丽平 / 王平丽）,
    …。记者 X 通讯员 焦书林 / 霍然): it keeps two names apart, so the join keeps it.  The
    credit opens after the paragraph's last bracket or sentence end, on this line or above."""
    if not prev.space_after or cur.space_before:
        return False
    text = para.text
    starts = [m.end() for m in _CREDIT_TAIL_START.finditer(text, max(0, len(text) - TRAILING_CREDIT_MAX_CHARS))]
    if not starts:
        return False
    tail = text[starts[-1] :]
    if "）" in tail or ")" in tail or not CREDIT_HINT.search(tail):
        return False
    return ROLE_RE.match(narrow(tail.lstrip(" " + MARKERS))) is not None  # it opens with a role


def _credit_join(cur: Line, nxt: Line) -> str:
    """Two lines of one credit joined: a space printed at the line end is kept."""
    return cur.text + (" " if cur.space_after else "") + nxt.text


def _credit_runs_over_two(cur: Line, nxt: Line, after: Line) -> bool:
    """A credit broken over three lines, the middle one no credit alone (an outlet or a
    prefix cut from its role): the three joined make one credit line."""
    if nxt.blank_before or after.blank_before or nxt.is_byline or not (cur.is_byline or CREDIT_HINT.search(cur.text)):
        return False
    text = _credit_join(cur, nxt) + (" " if nxt.space_after else "") + after.text
    if any(c in text for c in "。，；！？") or len(text) > MAX_CREDIT_LINE:
        return False
    return byline_line(text) is not None


# A line opening with one of these goes on with the credit above (…摄影 / /记者 刘丽): no credit opens so.
_CONTINUES_A_CREDIT = "/／:：、·"


def _credit_runs_on(cur: Line, nxt: Line) -> bool:
    """Does the credit on ``cur`` go on into ``nxt``?  Joined, they make one credit line, and
    ``nxt`` is no credit of its own (a second credit line, 本报通讯员 Y, stays apart) — or it
    is only the tail of a name (one or two characters)."""
    if any(c in cur.text for c in "。，；！？") or len(cur.text) + len(nxt.text) > MAX_CREDIT_LINE:
        return False  # running text (a credit line has no sentence punctuation): the cheap test first
    both = len(nxt.text) > 2 and nxt.is_byline and cur.is_byline and nxt.text[0] not in _CONTINUES_A_CREDIT
    if both and not ends_with_role(cur.text):
        # two credit lines (■ 本报记者 X / 本报通讯员 Y) stay apart (a line never opens with a slash),
        # unless the line above ends in its role (…农村大众摄影 / 记者 陈丽: the role's names are below)
        return False
    # (``记者 X Y 聊城日报`` / ``记者 Z``: an outlet cut from its role reads as one credit when joined)
    return byline_line(_credit_join(cur, nxt)) is not None


def _credit_started_before(before: str, cur: Line) -> bool:
    """Is ``cur`` (a credit line) the end of a credit that starts in the paragraph so far
    (``before``: on the line above, or further up in a narrow column)?"""
    credit = trailing_credit(before + cur.text)
    return credit is not None and len(credit.credit) > len(cur.text) and credit.text_before != ""


def _column_width(block: list[Line]) -> int:
    """The block's column: nearly its widest line, but one over-long line (two lines run
    together) in a longer block must not make every other line look short."""
    widths = sorted(line.width for line in block)
    while len(widths) >= 4 and widths[-1] > RUN_TOGETHER_LINE * widths[-2]:
        widths.pop()
    return widths[int(COLUMN_WIDTH_QUANTILE * (len(widths) - 1) + 0.5)]


def _starts_paragraph(line: Line) -> bool:
    return line.indent or line.is_byline or starts_with_dateline(line.text)


def _breaks_after(prev: Line, cur: Line, column: int, para: Para | None = None) -> bool:
    """Is the line break between ``prev`` and ``cur`` (same block) a paragraph end?
    ``para`` is the paragraph so far (``prev`` alone when None)."""
    # the paragraph's text is joined only where a credit line is involved (joining is not free)
    before = para.text if para is not None and (cur.is_byline or prev.is_byline) else ""
    # a credit line read into the paragraph above (prev) no longer stands apart as a byline
    prev_apart = prev.is_byline and (not before or before == prev.text)
    if cur.is_byline and not prev_apart and (_unclosed(before or prev.text) or _credit_started_before(before or prev.text, cur)):
        return False  # …社会大众。本报 / 记者 姚绪禹 摄: the credit began on the line above
    if _starts_paragraph(cur) or prev_apart:
        return True
    if prev.text.endswith(SUBHEAD_CLOSE) or cur.text.startswith(SUBHEAD_OPEN):
        return True
    if cur.text[0] in LINE_START_FORBIDDEN:
        return False
    if SIGNED_DATE_RE.fullmatch(cur.text) and prev.width < SHORT_LINE * column:
        return False  # 聊城市人民政府 / 2024年6月20日: a signature stays together
    if prev.text[-1] in "：:" or (_NAME_LIST_RE.match(prev.text) and _NAME_LIST_RE.match(cur.text)):
        return False  # 入选人员为： / 王建军 孙立新 周海涛 / 陈晓东 马丽娟: a list runs on
    if prev.width < SHORT_LINE * column:
        return True
    if prev.width < NEARLY_FULL_LINE * column and _PAIRED_PHRASES_RE.match(prev.text):
        return True  # 引入前沿技术 推动产业升级 / 围绕金属管材…: a subhead on the line above
    if (
        ends_sentence(prev.text)
        and cur.width < SHORT_LINE * column
        and looks_like_headline(cur.text, 1)
        and trailing_credit(cur.text) is None
    ):
        return True  # …责任。 / 全市防汛工作会议召开: a headline right under the body
    return ends_sentence(prev.text) and prev.width < NEARLY_FULL_LINE * column


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        if line.blank_before or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def reflow(text: str) -> list[Para]:
    """Page text → paragraphs in page order.

    First each block (lines between blank lines) is cut into paragraphs where a
    line break ends one; then every paragraph boundary, blank line or not, is
    checked once more for a sentence that plainly goes on (a column break, a
    stray indent, an early line break) and healed.
    """
    blocks = _blocks(split_lines(text))
    body_column = _body_column(blocks)
    paras: list[Para] = []
    for block in blocks:
        column = _column_width(block)
        first = block[0]
        current = Para([first.text], first.indent, True, first.is_byline, space_before=first.space_before)
        block_paras = [current]
        for prev, cur in zip(block, block[1:]):
            if _breaks_after(prev, cur, column, current):
                current = Para([cur.text], cur.indent, False, cur.is_byline, space_before=cur.space_before)
                block_paras.append(current)
            else:
                current.extend([" " + cur.text if _space_in_credit(prev, cur, current) else cur.joinable])
        headline_block = _is_headline_block(block, block_paras, body_column)
        for i, para in enumerate(block_paras):
            para.column, para.block_lines, para.headline_block = column, len(block), headline_block
            para.after_body = i > 0 and not looks_like_headline(block_paras[i - 1].text, len(block_paras[i - 1].lines))
        paras.extend(block_paras)
    healed: list[Para] = []
    for para in paras:
        if healed and _continues(healed[-1], para, body_column):
            healed[-1].extend([(" " if para.space_before else "") + para.lines[0], *para.lines[1:]], healed=True)
        else:
            healed.append(para)
    return healed


def _body_column(blocks: list[list[Line]]) -> int | None:
    """The page's body column width: the median width of wrapped (non-final) lines."""
    widths = sorted(line.width for block in blocks if len(block) >= 3 for line in block[:-1])
    return widths[len(widths) // 2] if widths else None


_OPENERS = {"（": "）", "(": ")", "“": "”", "《": "》", "【": "】"}


def _unclosed(text: str) -> bool:
    """An opening bracket or quote left open: the text goes on in the next paragraph."""
    return any(text.rfind(o) > text.rfind(c) for o, c in _OPENERS.items())


def _continues(before: Para, after: Para, body_column: int | None) -> bool:
    """Does ``after`` carry on the sentence ``before`` stopped in (a column break, a stray
    indent, an early line break)?  Headlines and finished paragraphs never continue."""
    if before.is_byline or after.is_byline or starts_with_dateline(after.text) or after.text.startswith("—"):
        return False
    last = before.lines[-1].strip()
    if last.startswith("—") or ends_sentence(last) or last.endswith(("——", "：", ":")):
        return False
    if SIGNED_DATE_RE.fullmatch(last):
        return False  # a signature's date ends a notice
    if trailing_credit(before.text) is not None:
        return False
    if after.text[0] in LINE_START_FORBIDDEN or _unclosed(before.text):
        return True
    width = print_width(last)
    if looks_like_headline(before.text, len(before.lines)):
        # A headline, or a fragment of a sentence cut by the break?  A fragment fills the
        # body column exactly; headlines are set wider or narrower, and subheads have
        # their own shapes (两个短语 separated by a space, ▶…◀, 故事一：…).
        if _SUBHEAD_SHAPE_RE.search(before.text):
            return False
        if before.after_body and not after.blank_before and not _fresh_start(after):
            return True  # a line broken early inside a paragraph, not a subhead between two
        if before.block_lines > 1 and not before.headline_block:  # it shares its block with body text
            return width >= FULL_LINE * before.column or last[-1] in CLAUSE_OPEN
        has_comma = any(c in before.text for c in "，,、")
        if body_column is None:
            return before.block_lines == 1 and width >= UNWRAPPED_WIDTH and has_comma
        if _fresh_start(after):
            return False  # a headline over a subtitle, or over a paragraph that starts afresh
        if has_comma and width >= FULL_LINE * body_column:
            return True  # a clause cut off by the break (a wider column on the same page too)
        if max(print_width(line.strip()) for line in before.lines) > ACROSS_COLUMNS * body_column:
            return False  # wider than the column: a headline across columns
        return width >= FILLS_BODY_COLUMN * body_column
    if not after.blank_before:  # broken inside a block (an indent): only a full line goes on
        return width >= FULL_LINE * before.column
    if after.block_lines == 1 and last[-1] not in CLAUSE_OPEN and looks_like_headline(after.text, 1):
        return False  # …设施。记者记者 / 口袋公园建成开放: a headline under an unfinished line stays one
    if before.block_lines == 1:  # one line per paragraph (an unwrapped export)
        return width >= UNWRAPPED_WIDTH or (width >= UNWRAPPED_CLAUSE_WIDTH and last[-1] in CLAUSE_OPEN)
    return width >= FULL_LINE * before.column or last[-1] in CLAUSE_OPEN


def _fresh_start(para: Para) -> bool:
    """Does this paragraph start afresh (a headline, a date, 近日 …) rather than go on?"""
    return looks_like_headline(para.text, len(para.lines)) or bool(_PARAGRAPH_OPENER_RE.match(para.text))


def _is_headline_block(block: list[Line], block_paras: list[Para], body_column: int | None) -> bool:
    """A block that is one headline and nothing else (no comma, not a line filling the
    body column): a column break is never healed after it."""
    if len(block_paras) != 1:
        return False
    para = block_paras[0]
    if not looks_like_headline(para.text, len(para.lines)) or any(c in para.text for c in "，,；;"):
        return False
    fills_column = body_column is not None and all(
        FULL_LINE * body_column <= line.width <= ACROSS_COLUMNS * body_column for line in block
    )
    return not (len(block) >= 2 and fills_column)
