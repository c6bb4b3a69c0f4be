"""Character classes and widths for Chinese page text.

The layout rules (where a line was wrapped, whether a line is a headline,
where a name ends) all ask the same few questions about characters; they are
answered here once.
"""

from __future__ import annotations

import re
import unicodedata

# Sentence-final punctuation, full and half width (001 uses half-width).
TERMINAL = "。！？!?；;…"
# Punctuation that never ends a paragraph: a line ending in one continues.
CLAUSE_OPEN = "，,、（(《“‘【〔「『"
# Punctuation that never starts a line in Chinese typesetting.
LINE_START_FORBIDDEN = "，,。.、）)》”’】〕」』；;：:！!？?%％"
CLOSERS = "”’」』）)》】"

IDEOGRAPH_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Whitespace, and the invisible format characters WeChat and web editors leave in
# "blank" lines (zero-width space, joiners, word joiner, BOM): none of them is text.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
WS_RE = re.compile(rf"[\s{INVISIBLE}]+")


def is_ideograph(ch: str) -> bool:
    return bool(IDEOGRAPH_RE.match(ch))


def is_wide(ch: str) -> bool:
    """True for characters a Chinese page prints full width: CJK, full-width forms and the
    East-Asian-ambiguous punctuation (“ ” … — ·) that Chinese fonts set full width."""
    return unicodedata.east_asian_width(ch) in "WFA"


# The same classes as is_wide, as one regex (print_width runs on every line).
_WIDE_RE = re.compile(
    "[\u00a1-\u00bf\u00d7\u00f7\u02c7-\u02dd\u0391-\u03c9\u0401-\u0451\u1100-\u115f"
    "\u2010-\u203e\u2103-\u2199\u2460-\u27ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
    "\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def print_width(text: str) -> int:
    """Width of a line as printed, in half-width units (a Chinese character is 2)."""
    # subn counts without a list of one-character strings (7 M of them, 0.5 GB, on a 19 MB line)
    return len(text) + _WIDE_RE.subn("", text)[1]


def leading_width(line: str) -> int:
    """Cells of leading whitespace (U+3000 counts as two)."""
    width = 0
    for ch in line:
        if ch == "\u3000":
            width += 2
        elif ch in " \t":
            width += 1 if ch == " " else 4
        else:
            break
    return width


def squeeze(text: str) -> str:
    """The text with all whitespace removed: what the no-loss checks compare."""
    return WS_RE.sub("", text)


def ends_sentence(text: str) -> bool:
    """Does the text end a sentence (terminal punctuation, possibly inside closing quotes)?"""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def ideograph_count(text: str) -> int:
    return IDEOGRAPH_RE.subn("", text)[1]


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines: nothing between CJK, a space between two Latin words,
    and a space where the export printed one at the break (a line given with a
    leading space: ``" 于新新）"``)."""
    out = ""
    for line in lines:
        spaced = line[:1].isspace()
        line = line.strip()
        if not line:
            continue
        latin = out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha()
        if out and (spaced or latin):
            out += " "
        out += line
    return out
