"""The 版 (page of the printed issue) a file holds: from its name, its folder, or its folio line.

Exports name a page's file after its 版 — ``2024-06-21_A1.txt``, ``lcrb20240621_03.txt``,
``…/2024/06/21/A02.txt``, ``第3版.txt``, ``要闻.txt`` — and some keep the folio
(``聊城日报 2024年06月21日 第A2版：要闻``).  The label is kept as printed, tidied
(``A02`` → ``A2``, ``03`` → ``3``), so pages of one issue sort in print order and
every citation can name its 版.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from liaocheng_tui.archive.dating.paths import FILENAME_PATTERNS

#: 第A2版 / 第 3 版 / 第十二版, anywhere in a name or a folio line.
PRINTED = re.compile(r"第\s*(?P<label>[A-Za-z]?\s*\d{1,3}|[一二三四五六七八九十]{1,3})\s*版")
#: What is left of a file name once its date is taken out: A1, A02, B12, 03 (a page number).
LETTER_NUMBER = re.compile(r"^(?P<letter>[A-Za-z])(?P<number>\d{1,3})$")
PAGE_NUMBER = re.compile(r"^(?P<number>\d{1,2})$")
#: A section name printed as the file's name (要闻, 经济, 综合新闻 …): CJK only, short.
SECTION = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
#: Prefixes that name the paper, not the 版 (lcrb_2024…, dzrb-…).
_PAPER_CODE = re.compile(r"^[A-Za-z]{2,6}$")
_SEPARATORS = re.compile(r"[\s_\-.·]+")
_CHINESE_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def edition_from_path(source: str) -> str | None:
    """The 版 label in the file's name (its date taken out), else in its folder's name."""
    path = PurePath(source)
    for name in (path.stem, path.parent.name):
        label = _label_in(name)
        if label:
            return label
    return None


def edition_from_folio(lines: list[str]) -> str | None:
    """The 版 printed on a folio line (``第A2版``), if any."""
    for line in lines:
        match = PRINTED.search(line)
        if match:
            return tidy(match["label"])
    return None


def tidy(label: str) -> str:
    """``A02`` → ``A2``, ``03`` → ``3``, ``三`` → ``3``; a section name as it is."""
    label = re.sub(r"\s+", "", label)
    if label in _CHINESE_NUMBERS or all(c in _CHINESE_NUMBERS for c in label):
        return str(_chinese_number(label))
    match = LETTER_NUMBER.match(label)
    if match:
        return f"{match['letter'].upper()}{int(match['number'])}"
    if label.isdigit():
        return str(int(label))
    return label


def shown(label: str | None) -> str:
    """How a 版 reads in a header or a citation: ``A2版``, ``第3版``, ``要闻``; empty when unknown."""
    if not label:
        return ""
    if LETTER_NUMBER.match(label):
        return f"{label}版"
    if label.isdigit():
        return f"第{label}版"
    return label


def sort_key(label: str | None) -> tuple:
    """Print order: A1 < A2 < A10 < B1; 1 < 2 < 10; named sections after numbered ones; none last."""
    if not label:
        return (3, "", 0)
    match = LETTER_NUMBER.match(label)
    if match:
        return (0, match["letter"], int(match["number"]))
    if label.isdigit():
        return (1, "", int(label))
    return (2, label, 0)


def _label_in(name: str) -> str | None:
    printed = PRINTED.search(name)
    if printed:
        return tidy(printed["label"])
    rest = name
    for pattern, _layout in FILENAME_PATTERNS:
        rest = pattern.sub(" ", rest)
    parts = [p for p in _SEPARATORS.split(rest) if p]
    if len(parts) > 1 and _PAPER_CODE.match(parts[0]):
        parts = parts[1:]
    if len(parts) != 1 or rest == name:  # no date in the name: a bare "03" is as likely a file number
        return _section(parts) if rest == name else None
    part = parts[0]
    if LETTER_NUMBER.match(part) or PAGE_NUMBER.match(part):
        return tidy(part)
    return part if SECTION.match(part) else None


def _section(parts: list[str]) -> str | None:
    """A name with no date: a section name alone (``要闻``) or a letter-number 版 (``A1``)."""
    if len(parts) == 1 and (SECTION.match(parts[0]) or LETTER_NUMBER.match(parts[0])):
        return tidy(parts[0])
    return None


def _chinese_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CHINESE_NUMBERS[text[1]]
    if len(text) == 3 and text[1] == "十":
        return _CHINESE_NUMBERS[text[0]] * 10 + _CHINESE_NUMBERS[text[2]]
    if len(text) == 2 and text[1] == "十":
        return _CHINESE_NUMBERS[text[0]] * 10
    return _CHINESE_NUMBERS[text[0]]
