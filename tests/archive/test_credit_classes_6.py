"""Credit classes of the sixth round: the three misses of ``heldout5/`` (rows s138 s143 s148),
each read as a class and generated over the words of its table and over the four export
styles of ``tests/support/credit_pages.py`` (body then headline, headline first, a feature with
its credit line first, 大众日报's columns), with their neighbours.  The names and texts are
invented; every page is checked field by field (items, titles, who is credited in which role,
where each body starts and ends) and must lose and invent nothing.

* a source glued after an end credit (…。(X) 来源:聊城日报, （来源：X）, 稿源:X, 信息来源:X,
  转自X): the credit signs the item, the source stays with it, the item ends there;
* jump lines (详见C02版, （下转第二版）, （上接第一版）, 转A3版, 见第2版, 接A2版, →4版): furniture,
  never a headline nor the next article's text, under a photo credit, under an article, above a
  continued article, or at the end of its last paragraph;
* credit lines of a role glued to its names (记者X / 见习记者Y / 通讯员Z, 记者X Y).
"""

from __future__ import annotations

from collections import Counter

import pytest

from liaocheng_tui.archive.cjk import squeeze
from liaocheng_tui.archive.credit_words import CORRESPONDENT_WORDS, REPOST_WORDS, SOURCE_QUALIFIERS, SOURCE_WORDS
from liaocheng_tui.archive.end_credits import trailing_credit
from liaocheng_tui.archive.furniture import JUMP_DIRECTION_WORDS, JUMP_SHORT_WORDS, take_furniture
from liaocheng_tui.archive.loader import parse_page
from liaocheng_tui.archive.outlets import NAMED_OUTLETS
from support.credit_pages import PHOTO_PAGE_ARTICLE, STYLES, SurveyRow, compose, expectation, problems_of

SOURCES = [f"{q}{w}" for w in SOURCE_WORDS for q in ("", *SOURCE_QUALIFIERS)]
OUTLETS = ["聊城日报", "大众网·海报新闻", "冠县融媒体中心", "东阿县委宣传部", *NAMED_OUTLETS[::6]]


def _row(rid: str, pattern: str, where: str) -> SurveyRow:
    return SurveyRow(rid, rid, pattern, where, "generated", "liaocheng", 0, "")


def _pages(rows: list[SurveyRow], name: str):
    """Each row on a page of its own in every style, between two articles signed in their lead
    (so an item that does not end where it should swallows the next one)."""
    for s, style in enumerate(STYLES):
        for i, row in enumerate(rows):
            group = [PHOTO_PAGE_ARTICLE, row, PHOTO_PAGE_ARTICLE]
            yield compose(f"{name}-{row.id}-{style.name}", group, style, 5 * i + s, year_clue=False)


def _check(page) -> None:
    problems = problems_of(page.name, page.text, expectation(page))
    assert not problems, (page.name, page.text, problems)
    parsed = parse_page(page.text, "page.txt")
    got = Counter(squeeze("".join(parsed.raw_pieces())))
    want = Counter(squeeze(page.text))
    assert got == want, (page.name, dict(got - want), dict(want - got))


# --- a source glued after the end credit (row s138) -----------------------------------------

SOURCE_ROWS = [
    *(_row(f"src-{k}", f"…。({{N}}) {word}:{outlet}", "trailing-inline")
      for k, (word, outlet) in enumerate(zip(SOURCES, OUTLETS * 4))),
    _row("src-bracket", "…（记者 {N} 通讯员 {N}）（来源：大众日报）", "trailing-bracket"),
    _row("src-fullwidth", "…。（{N}）来源：聊城日报", "trailing-inline"),
    _row("src-role", "…。本报记者 {N} 来源:聊城新闻网", "trailing-inline"),
    *(_row(f"src-repost-{k}", f"…。({{N}}) {word}{outlet}", "trailing-inline")
      for k, (word, outlet) in enumerate(zip(REPOST_WORDS, OUTLETS))),
    # neighbours: no credit before the source; a source line under glued credit lines
    _row("src-unsigned", "…。来源:聊城日报", "trailing-inline"),
    _row("src-unsigned-bracket", "…。（稿源：冠县融媒体中心）", "trailing-inline"),
    _row("src-line-under-lines", "记者{N} / 通讯员{N} / 来源:聊城日报", "trailing-line"),
]


@pytest.mark.parametrize("row", SOURCE_ROWS, ids=lambda r: r.id)
def test_a_source_after_an_end_credit_leaves_the_credit_signing_and_ends_the_item(row: SurveyRow) -> None:
    """Row s138: …。(X) 来源:聊城日报 — every source word of the table, qualified or not, every
    repost word, an outlet or an office after it: X signs the item, which ends there."""
    for page in _pages([row], "source"):
        _check(page)


@pytest.mark.parametrize("word", SOURCES)
def test_a_source_word_inside_text_is_no_source(word: str) -> None:
    """The source must follow a sentence's end or a credit: 收入{word}:种植 is text."""
    assert trailing_credit(f"当地农民的收入{word}:种植和养殖") is None, word


def test_the_source_is_kept_with_the_credit() -> None:
    credit = trailing_credit("…开放。(宋明远) 来源:聊城日报")
    assert credit is not None and credit.text_before == "…开放。", credit
    assert credit.credit == "(宋明远) 来源:聊城日报" and credit.people.reporters == ["宋明远"], credit


# --- jump lines (row s143) ----------------------------------------------------------------------

JUMPS = [
    *(f"（{w}第二版）" for w in JUMP_DIRECTION_WORDS if not w.endswith("第")),
    *(f"{w}A3版" for w in JUMP_SHORT_WORDS),
    "详见C02版", "(下转第3版)", "见第2版", "接A2版", "转第五版", "（详见A4版）", "→4版",
]
JUMP_PHOTO_ROWS = [_row(f"jump-photo-{k}", f"{{caption}} 本报记者 {{N}} 摄 / {j}", "photo-inline") for k, j in enumerate(JUMPS)]
JUMP_ARTICLE_ROWS = [
    *(_row(f"jump-under-{k}", f"记者{{N}} / 通讯员{{N}} / {j}", "trailing-line") for k, j in enumerate(JUMPS[::3])),
    *(_row(f"jump-unsigned-{k}", j, "trailing-line") for k, j in enumerate(JUMPS[1::4])),
    *(_row(f"jump-top-{k}", f"{j} / 本报记者 {{N}} / {{body}}", "top-line") for k, j in enumerate(JUMPS[2::4])),
    _row("jump-tail", "…。（下转第二版）", "trailing-inline"),
    _row("jump-tail-credit", "…（记者 {N}）（下转A2版）", "trailing-inline"),
]


@pytest.mark.parametrize("row", JUMP_PHOTO_ROWS, ids=lambda r: r.id)
def test_a_jump_line_under_a_photo_credit_is_furniture(row: SurveyRow) -> None:
    """Row s143: … 本报记者 X 摄 / 详见C02版 — every jump word of the table: the line is no
    headline, the photo keeps its credit, the next item is untouched."""
    for page in _pages([row], "jump-photo"):
        _check(page)


@pytest.mark.parametrize("row", JUMP_ARTICLE_ROWS, ids=lambda r: r.id)
def test_a_jump_line_around_an_article_is_furniture(row: SurveyRow) -> None:
    """Neighbours of s143: a jump line under an article's credit lines or under an unsigned
    article, above a continued article's credit, or at the end of its last paragraph."""
    for page in _pages([row], "jump"):
        _check(page)


@pytest.mark.parametrize("line", ["转型升级版", "见证版", "接力新版", "详见附件", "转发版"])
def test_a_headline_that_starts_with_a_jump_word_stays(line: str) -> None:
    """Short jump words (转, 接, 见) take only a page number: these stay on the page as text."""
    text, furniture = take_furniture(f"{line}\n\n6月3日，城区又有十处口袋公园建成开放。\n")
    assert line not in furniture.lines and line in text, line


# --- credit lines of a role glued to its names (row s148) --------------------------------------

GLUED_ROLES = ["记者", "见习记者", "实习记者", "全媒体记者", "融媒体记者", "首席记者", "特约记者", "本报记者", *CORRESPONDENT_WORDS]
GLUED_ROWS = [
    _row("glued-lines", "记者{N} / 见习记者{N} / 通讯员{N}", "trailing-line"),
    *(_row(f"glued-{k}", f"{role}{{N}}", "trailing-line") for k, role in enumerate(GLUED_ROLES)),
    *(_row(f"glued-two-{k}", f"{role}{{N}} {{N}} / 通讯员{{N}}", "trailing-line") for k, role in enumerate(GLUED_ROLES[:4])),
    _row("glued-outlet", "聊城日报记者{N} / 通讯员{N}", "trailing-line"),
    _row("glued-top", "记者{N} / 见习记者{N} / {body}", "top-line"),
]


@pytest.mark.parametrize("row", GLUED_ROWS, ids=lambda r: r.id)
def test_credit_lines_of_a_role_glued_to_its_names_credit_them(row: SurveyRow) -> None:
    """Row s148: 记者X / 见习记者Y / 通讯员Z on lines of their own, no space after the role,
    under the body or above it; several names after one role: each is credited in its role."""
    for page in _pages([row], "glued"):
        _check(page)
