"""One text-folding helper for the whole program: traditional → simplified, full → half width, case.

Pages come in traditional script (本報訊（記者 X）), with full-width letters and
digits (２０２４年), and queries come in any of them.  Every rule that compares
text — the byline grammar, the date clues, the search index — folds it the same
way, here: OpenCC's traditional → simplified character table, full-width ASCII
→ ASCII, the ideographic space → a space, A–Z → a–z.  Each character maps to
exactly one character, so an offset into the folded text is an offset into the
text as printed: a rule matches on the folded text and cuts the printed one.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

# OpenCC's data file, found without importing the package (its import costs ~0.25 s).
_OPENCC = importlib.util.find_spec("opencc")


@lru_cache(maxsize=1)
def _script_table() -> dict[int, int]:
    """Traditional → simplified, one character to one character (OpenCC's TSCharacters)."""
    table: dict[int, int] = {}
    assert _OPENCC is not None and _OPENCC.submodule_search_locations, "opencc-python-reimplemented is a dependency"
    dict_file = Path(list(_OPENCC.submodule_search_locations)[0]) / "dictionary" / "TSCharacters.txt"
    with open(dict_file, encoding="utf-8") as handle:
        for line in handle:
            trad, _, simps = line.rstrip("\n").partition("\t")
            first = simps.split(" ")[0] if simps else ""
            if len(trad) == 1 and len(first) == 1 and trad != first:
                table[ord(trad)] = ord(first)
    return table


@lru_cache(maxsize=1)
def _width_table() -> dict[int, int]:
    """Full-width ASCII → ASCII and the ideographic space → a space."""
    table = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    table[0x3000] = 0x20
    return table


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    table = dict(_script_table())
    table.update(_width_table())
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 32
    for code in range(0xFF21, 0xFF3B):  # full-width A–Z straight to a–z
        table[code] = code - 0xFF21 + ord("a")
    return table


@lru_cache(maxsize=1)
def _narrow_table() -> dict[int, int]:
    table = dict(_script_table())
    table.update(_width_table())
    return table


def _as_list(table: dict[int, int]) -> list[str]:
    """The table as a list indexed by code point: ``str.translate`` runs about twice as
    fast with it as with the dict (characters past its end are left alone)."""
    lookup = [chr(i) for i in range(max(table) + 1)]
    for code, to in table.items():
        lookup[code] = chr(to)
    return lookup


#: Characters folded through a table's dict before its list is built: building the list costs
#: ~17 ms (one string per code point), translating with the dict about twice the list's time
#: per character, so a short run (a query, one page added) never pays for the list.
LIST_TABLE_AFTER_CHARS = 400_000


class _Table:
    """One folding table: its dict at first, its list once LIST_TABLE_AFTER_CHARS were folded."""

    def __init__(self, table: Callable[[], dict[int, int]]) -> None:
        self._table = table
        self._list: list[str] | None = None
        self._chars = 0

    def lookup(self, size: int) -> list[str] | dict[int, int]:
        """What ``str.translate`` is given for a text of ``size`` characters (both map alike)."""
        if self._list is not None:
            return self._list
        self._chars += size
        if self._chars < LIST_TABLE_AFTER_CHARS:
            return self._table()
        self._list = _as_list(self._table())
        return self._list


_SIMPLIFY = _Table(_script_table)
_NARROW = _Table(_narrow_table)
_FOLD = _Table(_fold_table)


def simplify(text: str) -> str:
    """Traditional characters → simplified; nothing else changes, same length."""
    return text.translate(_SIMPLIFY.lookup(len(text)))


#: A line of a page is narrowed by several rules in turn (furniture, the credit hint, the
#: grammar): strings up to this long are folded once and remembered.
NARROW_CACHED_CHARS = 80


def narrow(text: str) -> str:
    """Simplified script and half-width ASCII digits/letters/punctuation; same length.
    Case is kept (what the page rules read); the ideographic space becomes U+0020."""
    if len(text) <= NARROW_CACHED_CHARS:
        return _narrow_line(text)
    return text.translate(_NARROW.lookup(len(text)))


@lru_cache(maxsize=16384)
def _narrow_line(text: str) -> str:
    return text.translate(_NARROW.lookup(len(text)))


def fold(text: str) -> str:
    """The text as compared: simplified, half-width, lower-case; same length as ``text``."""
    return text.translate(_FOLD.lookup(len(text)))
