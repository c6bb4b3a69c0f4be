"""Text → one line per paragraph, so the date patterns see through hard wraps."""

from __future__ import annotations

import re

from liaocheng_tui.archive.folding import simplify

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")

# Traditional-script exports (中華人民共和國成立75週年, 將於…舉行) are read in simplified
# script, folded by the archive's one folding helper.
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
_ANY_SPACE = re.compile(r"\s+")
_SENTENCE_FINAL = frozenset("。！？；!?;…”」』")
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_CN_YEAR = re.compile(r"(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2}(?=年)")
_ONE_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_DOUBLE_SPACED_MIN_LINES = 8


def flatten(text: str) -> str:
    """The text with all whitespace removed (digits ASCII, script simplified),
    one line per run of sentences.

    Exports wrap lines anywhere, letter-space digits ("8 月 2 日",
    "2 0 2 1\\n年"), double-space lines and break paragraphs at column ends,
    and CJK text needs no spaces, so removing whitespace joins dates and
    phrases back together.  A blank line stays a line break only where a
    sentence ends before it, or where joining would run two numbers into one
    (a headline ending "…651" above a paragraph starting "3月5日").
    """
    if _FULLWIDTH_DIGIT.search(text):
        text = text.translate(_FULLWIDTH_DIGITS)
    text = simplify(text)
    text = _CN_YEAR.sub(lambda m: m[0].translate(_CN_DIGITS), text)  # 二〇二四年 → 2024年
    if _is_double_spaced(text):
        text = _ONE_BLANK_LINE.sub("\n", text)
    pieces: list[str] = []
    for block in _BLANK_LINES.split(text):
        block = _ANY_SPACE.sub("", block)
        if not block:
            continue
        if pieces and (pieces[-1][-1] in _SENTENCE_FINAL or (pieces[-1][-1].isdigit() and block[0].isdigit())):
            pieces.append("\n")
        pieces.append(block)
    return "".join(pieces)


def _is_double_spaced(text: str) -> bool:
    """A blank line after every line (a web or PDF export with one <p> per
    printed line): blank lines then say nothing about paragraphs."""
    filled = [bool(line.strip()) for line in text.split("\n")]
    lines = sum(filled)
    adjacent = sum(1 for a, b in zip(filled, filled[1:]) if a and b)
    return lines >= _DOUBLE_SPACED_MIN_LINES and adjacent <= lines * 0.05
