"""Folding through a table's dict (short runs) and through its list (long runs) gives the same text."""

from __future__ import annotations

import pytest

from liaocheng_tui.archive import folding


@pytest.mark.parametrize("name", ["_script_table", "_narrow_table", "_fold_table"])
def test_the_dict_and_the_list_of_a_table_fold_alike(name: str) -> None:
    table = getattr(folding, name)()
    # every character the table maps, its neighbours, and some past the list's end
    codes = sorted({c + d for c in table for d in (-1, 0, 1)} | {0x20, 0x3000, 0x2A6D6, 0x10FFFF})
    text = "".join(chr(c) for c in codes if not 0xD800 <= c <= 0xDFFF)
    by_dict = text.translate(table)
    by_list = text.translate(folding._as_list(table))
    assert by_dict == by_list
    assert len(by_dict) == len(text)
    assert any(a != b for a, b in zip(text, by_dict)), name


def test_a_table_uses_its_list_once_enough_was_folded(monkeypatch) -> None:
    monkeypatch.setattr(folding, "LIST_TABLE_AFTER_CHARS", 100)
    table = folding._Table(folding._fold_table)
    assert isinstance(table.lookup(60), dict)
    assert isinstance(table.lookup(60), list)
    assert table.lookup(1) is table.lookup(1)


def test_fold_narrow_simplify() -> None:
    assert folding.fold("本報訊（記者 ＡＢ）２０２４") == "本报讯(记者 ab)2024"
    assert folding.narrow("本報訊（記者 ＡＢ）") == "本报讯(记者 AB)"
    assert folding.simplify("本報訊（記者 ＡＢ）") == "本报讯（记者 ＡＢ）"
