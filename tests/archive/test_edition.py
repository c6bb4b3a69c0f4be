"""The 版 of a page: read from file names, folders and folio lines, in every layout exports use."""

from __future__ import annotations

import pytest

from liaocheng_tui.archive.edition import edition_from_folio, edition_from_path, shown, sort_key
from liaocheng_tui.archive.loader import parse_page

NAMES = [
    ("/p/2024-06-21_A1.txt", "A1"),
    ("/p/2024-06-21-A02.txt", "A2"),
    ("/p/lcrb20240621_03.txt", "3"),
    ("/p/dzrb_2024-06-21_B12.txt", "B12"),
    ("/p/2024/06/21/A02.txt", "A2"),
    ("/p/2024/06/21/第3版.txt", "3"),
    ("/p/2024/06/21/第十二版.txt", "12"),
    ("/p/2024-06-21/要闻.txt", "要闻"),
    ("/p/2024-06-21 经济.txt", "经济"),
    ("/p/2024年6月21日第A2版.txt", "A2"),
    ("/p/2024-06-21/A3/page.txt", "A3"),
    # no 版 in the name: a content hash, a paper code, a bare date, a bare number, a letter after the date
    ("/p/seeds/000_83967fa1bd91df59.txt", None),
    ("/p/dz-2025-03-17.txt", None),
    ("/p/2024-06-21.txt", None),
    ("/p/03.txt", None),
    ("/p/lc-2024-06-21-a.txt", None),
]


@pytest.mark.parametrize("source, label", NAMES, ids=[n for n, _ in NAMES])
def test_edition_from_the_file_or_folder_name(source, label):
    assert edition_from_path(source) == label, source


def test_edition_from_a_folio_line_when_the_name_has_none():
    assert edition_from_folio(["聊城日报 2024年06月21日 第A2版：要闻"]) == "A2"
    assert edition_from_folio(["第 5 版"]) == "5"
    assert edition_from_folio(["2024年06月21日 星期五"]) is None
    page = parse_page("聊城日报 2024年06月21日 第A3版\n\n本报讯（记者 林晨）正文一段。\n\n标题\n", "/p/page.txt")
    assert page.edition == "A3"


def test_print_order_and_how_a_label_reads():
    labels = ["B1", "A10", "要闻", None, "A2", "3", "1"]
    assert sorted(labels, key=sort_key) == ["A2", "A10", "B1", "1", "3", "要闻", None]
    assert [shown(x) for x in ("A2", "3", "要闻", None)] == ["A2版", "第3版", "要闻", ""]
