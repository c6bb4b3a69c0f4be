"""The UI-free helpers under the reader: safe text, CJK line breaking, catalog, people filter."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from liaocheng_tui.ui.article_text import trim_snippet
from liaocheng_tui.ui.catalog import Catalog
from liaocheng_tui.ui.cjk_wrap import NO_END, NO_START, break_points
from liaocheng_tui.search.shelf import MemoryShelf
from liaocheng_tui.ui.people_index import filter_people
from liaocheng_tui.ui.safe_text import clean, safe_text

UI_FREE = ["catalog", "people_index", "safe_text", "article_text", "cjk_wrap", "loading"]


def test_ui_free_helpers_do_not_import_textual():
    modules = "; ".join(f"import liaocheng_tui.ui.{m}" for m in UI_FREE)
    code = f"import sys; {modules}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_safe_text_keeps_markup_literal_and_shows_controls_as_pictures():
    text = safe_text("[b]x[/b]\x1b[31m[link=http://a]y[/link]\x07\u202e", [(1, 2)])
    assert text.plain == "[b]x[/b]␛[31m[link=http://a]y[/link]␇\ufffd"
    assert [text.plain[s.start:s.end] for s in text.spans] == ["b"]


@given(st.text(), st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=4))
def test_safe_text_never_lets_a_control_character_through(raw, spans):
    text = safe_text(raw, spans)
    assert text.plain == clean(raw)
    assert len(text.plain) == len(raw)
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") and ch != "\n" for ch in text.plain)
    assert not any(ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" for ch in text.plain)
    for span in text.spans:
        assert 0 <= span.start <= span.end <= len(text.plain)


def test_spans_stay_on_their_characters_past_control_characters():
    text = safe_text("a\x1bbc林晨", [(4, 6)])
    assert [text.plain[s.start:s.end] for s in text.spans] == ["林晨"]


PARAGRAPH = "每一首优秀的歌曲，背后都有独特的故事和情感。去年 3 月份，“两河之约 律动水城”启动，2023年征集作品75件。"


@given(st.integers(4, 50))
def test_break_points_never_overflow_and_lose_nothing(width):
    lines = break_points(PARAGRAPH, width)
    assert "".join(PARAGRAPH[s:e] for s, e in lines) == PARAGRAPH
    for s, e in lines:
        assert cell_len(PARAGRAPH[s:e].rstrip(" ")) <= width


@given(st.integers(6, 50))
def test_break_points_follow_kinsoku_and_keep_numbers_whole(width):
    lines = [PARAGRAPH[s:e] for s, e in break_points(PARAGRAPH, width)]
    for line in lines[1:]:
        assert line[0] not in NO_START
    for line in lines[:-1]:
        assert line.rstrip(" ")[-1] not in NO_END
    for previous, line in zip(lines, lines[1:]):
        assert not (previous[-1:].isdigit() and line[:1].isdigit())


@given(st.text(alphabet="林晨abc12，。“”" , max_size=60), st.integers(1, 20))
def test_break_points_never_cut_a_wide_character(text, width):
    lines = break_points(text, width)
    assert "".join(text[s:e] for s, e in lines) == text


def test_trim_snippet_keeps_the_hit_and_marks_cuts():
    snippet = "甲" * 80 + "林晨" + "乙" * 80
    short, spans = trim_snippet(snippet, [(80, 82)])
    assert short.startswith("…") and short.endswith("…")
    assert [short[s:e] for s, e in spans] == ["林晨"]


def test_catalog_orders_issues_and_steps_through_them(archive):
    catalog = Catalog.build(archive)
    keys = [i.key for i in catalog.issues]
    assert keys == ["大众日报|2025-03-17", "大众日报|2025-07-24", "聊城日报|2024-06-21", "聊城日报|2024-12-28"]
    # { } step within one paper, in date order, clamped at its ends
    assert catalog.step_issue(catalog.issues[0], -1) is catalog.issues[0]
    assert catalog.step_issue(catalog.issues[0], 1) is catalog.issues[1]
    assert catalog.step_issue(catalog.issues[0], 2) is catalog.issues[1]
    assert catalog.step_issue(catalog.issues[2], 5) is catalog.issues[3]
    assert catalog.step_issue(None, 1) is catalog.newest() is catalog.issues[1]  # 2025-07-24
    assert catalog.issues[0].date_label == "≈2025-03-17"
    assert catalog.months[0] == "2024-06" and catalog.months[-1] == "2025-07" and len(catalog.months) == 14
    assert catalog.summary() == "4 pages · 10 articles · 2024-06-21 – 2025-07-24"
    article = archive.pages[1].articles[2]
    assert catalog.issue_of(article).key == "聊城日报|2024-12-28"


def test_people_filter_by_name_role_and_paper(archive):
    people = MemoryShelf(archive).people()
    assert [p.name for p in filter_people(people, "林")] == ["林晨"]
    assert {p.name for p in filter_people(people, "通讯员")} == {"张凯", "赵怀建"}
    assert {p.name for p in filter_people(people, "大众")} == {"孙亚飞", "高田", "苑莘", "赵怀建"}


def test_a_result_line_keeps_every_name_with_the_asked_one_first(archive):
    from liaocheng_tui.ui.article_text import hit_entry

    article = archive.pages[0].articles[2]  # 记者 林晨 黄振
    entry = hit_entry(article, "市政府印发了实施方案。", [(0, 3)], asked="记者:黄振")
    lines = entry.plain.splitlines()
    assert lines == ["推动大规模设备更新和消费品以旧换新", "2024-06-21 · 聊城日报", "记者 黄振 林晨", "市政府印发了实施方案。"]
    marked = [entry.text.plain[s.start:s.end] for s in entry.text.spans if str(s.style) == "bold reverse"]
    assert marked == ["黄振", "市政府"], marked
    assert {1, 2, 3} <= entry.nowrap, "date, names or snippet may wrap onto a second line"
