"""Names in credits: what may be a name, and where names printed run together are cut.

A name is 2–4 ideographs (or a minority name joined with ·) that is no known
non-name word and no outlet; 记者林晨黄振 holds two names because 黄 starts a
surname.  The grammar (``byline.py``) asks these questions of every run of name
characters it meets.
"""

from __future__ import annotations

import re

from liaocheng_tui.archive.credit_words import NOT_NAMES, ROLE_FRAGMENTS
from liaocheng_tui.archive.folding import narrow, simplify
from liaocheng_tui.archive.outlets import GENERIC_MEDIA, GENERIC_NEWS, GENERIC_PAPER, GENERIC_SITE, NAMED_OUTLETS, outlet_alternation
from liaocheng_tui.archive.surnames import COMPOUND_SURNAMES, SURNAME_RANK, starts_with_surname

NAME_CHAR_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f·]")  # rare name characters live beyond the BMP

_OUTLET_WORD_RE = re.compile(
    rf"(?:{outlet_alternation(NAMED_OUTLETS, generic=False, spaced=False)}|{GENERIC_PAPER}|{GENERIC_SITE}|{GENERIC_MEDIA}|{GENERIC_NEWS})$"
)


MAX_NAME_CHARS = 4  # Han names; names with · (minority names) may be longer
MAX_DOT_NAME_CHARS = 12


def plausible_name(run: str) -> bool:
    """2–4 ideographs (or a ·-name) that are not a known non-name word or an outlet."""
    if "·" in run:  # 阿依古丽·买买提; but 齐鲁晚报·齐鲁壹点 is two outlets joined
        if not (3 <= len(run) <= MAX_DOT_NAME_CHARS) or run.startswith("·") or run.endswith("·"):
            return False
        return not any(_OUTLET_WORD_RE.search(narrow(part)) for part in run.split("·"))
    if not (2 <= len(run) <= MAX_NAME_CHARS) or run in NOT_NAMES or run in ROLE_FRAGMENTS:
        return False
    return not _OUTLET_WORD_RE.search(narrow(run))


_LETTER_SPACED_RE = re.compile(r"(?<![^\s（(])[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff](?![^\s）)]))+")


def unspace(text: str) -> str:
    """``记 者 林 晨`` → ``记者林晨``: letter-spaced runs of single characters closed up."""
    return _LETTER_SPACED_RE.sub(lambda m: re.sub(r"[ \u3000]", "", m.group(0)), text)


def split_run(run: str) -> list[str]:
    """Names printed without a separator (记者林晨黄振, 记者于涛黄华董豪杰): cut into 2–3
    character names that each start with a common surname; a four-character run
    starting with a compound surname (欧阳晓东) is one name.  A run that cannot be cut
    so is returned whole (and then judged as one name)."""
    if len(run) <= 3 or "·" in run or (len(run) == 4 and run[:2] in COMPOUND_SURNAMES):
        return [run]
    cuts = _surname_cuts(run)
    if cuts:
        return cuts
    if len(run) == 4:
        return [run[:2], run[2:]]
    return [run]


def _surname_cuts(run: str) -> list[str] | None:
    """The cut of ``run`` into names of 2–3 characters each starting with a surname,
    preferring the one with the most two-character names when several fit (林晨黄振), then
    the one whose names start with the more common surnames (王丽华李丽: 王丽华 + 李丽, not
    王丽 + 华李丽)."""
    best: list[str] | None = None

    def key(names: list[str]) -> tuple[int, int]:
        rarity = sum(SURNAME_RANK.get(simplify(n[0]), len(SURNAME_RANK)) for n in names)
        return sum(len(n) == 2 for n in names), -rarity

    def walk(pos: int, acc: list[str]) -> None:
        nonlocal best
        if pos == len(run):
            if best is None or key(acc) > key(best):
                best = list(acc)
            return
        for size in (2, 3):
            piece = run[pos : pos + size]
            if len(piece) == size and starts_with_surname(piece):
                acc.append(piece)
                walk(pos + size, acc)
                acc.pop()

    walk(0, [])
    return best if best and len(best) > 1 else None


def is_outlet_word(run: str) -> bool:
    """聊城日报, 德州新闻网, 大众网: a run of name characters that is an outlet, not names."""
    return _OUTLET_WORD_RE.fullmatch(narrow(run)) is not None
