"""Credit formats met on real pages (tests/archive/credit_survey.csv), each printed in
every export style the seeds show, parse to the expected items field by field.

The pages are composed by tests/support/credit_pages.py from the survey rows; a fifth
of the rows is held out (tests/archive/heldout/, scored by benchmarks/score_credits.py)
and no rule is written against them: here they are only checked for losing nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter

import pytest

from liaocheng_tui.archive.cjk import squeeze
from liaocheng_tui.archive.loader import parse_page

from support.credit_pages import (
    FIRST_ROUNDS_ROWS,
    HELD_OUT_FOLDERS,
    ROUND_ROWS,
    STYLES,
    SURVEY,
    expectation,
    load_rows,
    pages_for,
    problems_of,
    round_held_out_pages,
    split_rows,
)

TUNED, HELD = split_rows()
ARTICLES = SURVEY.parent / "credit_survey_articles.csv"
PAGES = {p.name: p for p in pages_for(TUNED, "")}
# What the parser still gets wrong, by page (the reason says which class).
PHOTO_CREDIT_LINES = (
    "a photo credit on lines of its own under a caption (■ 本报记者 X / 本报通讯员 Y), followed by text "
    "with no credit of its own or by a headline, is read as the byline of what follows"
)
KNOWN_WRONG: dict[str, str] = {
    name: PHOTO_CREDIT_LINES for name in ("s33_feature-credit-first", "s32_dazhong-columns")
}


def test_survey_covers_the_sources_and_placements() -> None:
    rows = load_rows()
    with SURVEY.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == ["id", "class", "pattern", "where", "source", "region", "articles", "example"]
    assert len({r.id for r in rows}) == len(rows) >= 50
    assert sum(r.articles for r in rows if r.region == "liaocheng") >= 50
    assert len({r.source for r in rows}) >= 5
    wheres = {r.where.split("+")[0] for r in rows}
    assert {"lead", "top", "trailing-bracket", "trailing-line", "photo-inline", "photo-line"} <= wheres
    counts = [*ROUND_ROWS, len(rows) - sum(ROUND_ROWS)]
    assert len(HELD) == sum(c // 5 for c in counts) and not {r.id for r in HELD} & {r.id for r in TUNED}


def test_articles_counted_this_round_are_listed_by_address() -> None:
    """Each article counted in the later rounds is listed once with its page address, and
    every row's count covers the articles listed for it."""
    rows = {r.id: r for r in load_rows()}
    with ARTICLES.open(encoding="utf-8") as handle:
        listed = list(csv.DictReader(handle))
    addresses = [a["address"] for a in listed]
    assert len(addresses) == len(set(addresses)), "an article is listed twice"
    per_row = Counter(rid for a in listed for rid in a["rows"].split("+"))
    for rid, n in per_row.items():
        assert rid in rows and rows[rid].articles >= n, (rid, n)
    for row in load_rows()[FIRST_ROUNDS_ROWS:]:
        assert per_row[row.id] == row.articles, f"{row.id}: {row.articles} articles, {per_row[row.id]} listed"


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[n])) if n in KNOWN_WRONG else n for n in PAGES],
)
def test_survey_page_parses_to_expectation(name: str) -> None:
    page = PAGES[name]
    problems = problems_of(name, page.text, expectation(page))
    assert not problems, f"{name} (rows {page.rows}):\n  " + "\n  ".join(problems) + "\n--- text ---\n" + page.text


def test_every_row_is_printed_in_every_style() -> None:
    for row in TUNED:
        styles = {name.split("_", 1)[1] for name in PAGES if name.startswith(f"{row.id}_")}
        assert styles == {s.name for s in STYLES}, row.id


def _lossless(name: str, text: str) -> None:
    page = parse_page(text, f"{name}.txt")
    got = Counter(squeeze("".join(page.raw_pieces())))
    want = Counter(squeeze(text))
    assert got - want == Counter(), f"{name}: invented {dict(got - want)}"
    assert want - got == Counter(), f"{name}: lost {''.join((want - got).elements())!r}"


@pytest.mark.parametrize("name", list(PAGES))
def test_survey_page_loses_and_invents_nothing(name: str) -> None:
    _lossless(name, PAGES[name].text)


@pytest.mark.parametrize("n", range(len(HELD_OUT_FOLDERS)), ids=[f.name for f in HELD_OUT_FOLDERS])
def test_held_out_folder_is_the_generator_output(n: int) -> None:
    """Each round's held-out folder holds exactly what the generator prints for its rows
    (a row added later to an earlier round would change the folder, and this fails)."""
    folder = HELD_OUT_FOLDERS[n]
    pages = round_held_out_pages(n)
    on_disk = sorted(p.name for p in folder.glob("*.txt"))
    assert on_disk == sorted(f"{p.name}.txt" for p in pages), folder.name
    for page in pages:
        assert (folder / f"{page.name}.txt").read_text(encoding="utf-8") == page.text, page.name
        saved = json.loads((folder / f"{page.name}.json").read_text(encoding="utf-8"))
        assert saved == expectation(page), page.name


ALL_HELD_OUT = [p for n in range(len(HELD_OUT_FOLDERS)) for p in round_held_out_pages(n)]


@pytest.mark.parametrize("page", ALL_HELD_OUT, ids=lambda p: p.name)
def test_held_out_page_loses_and_invents_nothing(page) -> None:
    _lossless(page.name, page.text)


# --- a credit form the grammar does not know never swallows body text nor splits an article ----------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    ["记者", "通讯员", "本报", "文/", "图/", "摄", "报道", "■", "□", "（", "）", "·", "、", " ", ":", "聊城", "日报",
     "全媒体", "团队", "编辑部", "宋明远", "韩雪", "工作组", "联合", "出品", "监制", "X", "2024", "。",
     "融媒", "东阿", "联合报道", "/文", "/摄", "中心", "本网", "发自", "片/", "(摄)", "齐鲁壹点", "台办", "供稿",
     "特派",
     # the fifth round's words: editors, sources, suppliers, crews, editions
     "初审编辑", "责任编辑", "【纠错】", "审核", "责编", "来源", "据新华社", "提供", "供图", "图片来源", "宣传部",
     "制片人", "编导", "报道员", "海外版", "客户端", "作者",
     # the sixth round's: sources glued after a credit, jump lines, roles glued to names
     "稿源", "信息来源", "转自", "详见", "C02版", "下转", "第二版", "接", "转", "→", "见习记者"]
)
BODY_ONE = "6月3日，城区又有十处口袋公园建成开放，附近居民出门几分钟就能走进绿地。"
BODY_TWO = "6月4日，一所乡村夜校在村文化广场开课，六十多名村民参加了第一课。"
MORE = "这些项目利用边角空地改造而成，设置了健身步道、休闲座椅和儿童游乐设施。"


def _wrapped(paragraph: str, width: int = 22) -> str:
    return "\n".join(paragraph[i : i + width] for i in range(0, len(paragraph), width))


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=8).map("".join), st.sampled_from(["line", "tail"]))
def test_an_unknown_credit_never_swallows_text_or_splits_an_article(credit: str, where: str) -> None:
    """A PDF page of two articles (body, then headline); a string made of credit-like pieces
    is printed at the end of the first article's text or on a line of its own under it."""
    depth, balanced = 0, True
    for c in credit:
        depth += (c == "（") - (c == "）")
        balanced = balanced and depth >= 0
    if sum(c >= "\u4e00" for c in credit) < 2 or not balanced or depth or credit.rstrip()[-1:] in tuple("、，,（(《“·:"):
        return  # a credit has words, its brackets close, and it does not end on an open clause
    last = MORE + (credit if where == "tail" else "")
    below = f"\n\n{credit}" if where == "line" else ""
    text = (
        f"{_wrapped('本报讯（记者 钟晓）' + BODY_ONE)}\n\n{_wrapped(last)}{below}\n\n口袋公园建成开放\n\n"
        f"{_wrapped('本报讯（记者 庞悦）' + BODY_TWO)}\n\n{_wrapped(MORE)}\n\n乡村夜校开课\n"
    )
    page = parse_page(text, "page.txt")
    # an unknown line right above a headline may be read as its kicker: the heading as a whole
    headings = ["".join(x or "" for x in (a.kicker, a.title, a.subtitle)) for a in page.articles if a.title]
    assert len(headings) == 2, (credit, where, [a.heading for a in page.articles])
    assert headings[0].endswith("口袋公园建成开放") and headings[1] == "乡村夜校开课", (credit, where, headings)
    bodies = squeeze("".join(a.body for a in page.articles))
    assert all(squeeze(p) in bodies for p in (BODY_ONE, BODY_TWO, MORE)), (credit, where)
    _lossless("page", text)


# --- every credit row reads any names: a property over the rows and the names ------------------------

from support.credit_pages import realise  # noqa: E402

from liaocheng_tui.archive.byline import byline_line, name_line  # noqa: E402
from liaocheng_tui.archive.leads import match_lead  # noqa: E402
from liaocheng_tui.archive.end_credits import trailing_credit  # noqa: E402

_SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢崔钟谭陆范"
# Given-name characters, with some that are also one-character roles (文 图); a name ending in 摄
# would read as 王丽 摄 (a photo credit), as it does to a reader.
_GIVEN = "明华晓丽文图志强伟芳敏静军杰涛斌超勇艳娟霞平刚桂英秀兰玉珍凤洁梅琳雪晨宇浩然"
NAME = st.builds(lambda s, g: s + g, st.sampled_from(_SURNAMES), st.text(_GIVEN, min_size=1, max_size=2))
SHORT_NAME = st.builds(lambda s, g: s + g, st.sampled_from(_SURNAMES), st.text(_GIVEN, min_size=1, max_size=1))
# rows whose credit is in one place (a lead, lines above, lines under, the text's end); a row that
# also prints furniture lines (初审编辑:{E}) is checked on its credit lines only
NAMED_ROWS = [
    r for r in TUNED if "{N}" in r.pattern and not r.where.startswith(("photo", "lead+")) and "+trailing" not in r.where
]


def _credited_lines(lines: list[str], credit) -> list[str]:
    """The lines that credit someone (an editor's line, 责任编辑:X, credits no one)."""
    people = [*credit.reporters, *credit.correspondents]
    return [line for line in lines if any(n in line for n in people)]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMED_ROWS), st.lists(NAME, min_size=12, max_size=12, unique=True), st.lists(SHORT_NAME, min_size=12, max_size=12, unique=True))
def test_every_credit_row_reads_any_names(row, names, short) -> None:
    if "run-together" in row.klass:
        names = short  # names printed run together are cut where a surname starts: two-character ones
        if len({n[0] for n in names}) < len(names):
            return
    # 王明文/图 reads 王明 文/图 as well, 王丽文/通讯员 reads 王丽 文/通讯员 (a three-character name
    # ending in 文 or 图 glued to a slash): ambiguous in print, a known limit
    if re.search(r"\{N\}/", row.pattern) and any(len(n) > 2 and n[-1] in "文图" for n in names):
        return
    credit = realise(row, list(names), dt.date(2024, 6, 3))
    if row.where == "lead":
        people = match_lead(credit.lead + "6月3日，会议召开。").people
    elif row.where.startswith("top") and _credited_lines(credit.above, credit):
        parsed = [byline_line(line) or name_line(line) for line in _credited_lines(credit.above, credit)]
        assert all(p is not None for p in parsed), (row.id, credit.above)
        people = parsed[0]
        for p in parsed[1:]:
            people.extend(p)
        if credit.lead:
            people.extend(match_lead(credit.lead + "6月3日，会议召开。").people)
    elif row.where == "trailing-line" and all(re.fullmatch(r"[（(].*[）)]", line) for line in credit.below):
        return  # a bracketed credit on a line of its own (s153 s155) is read by end_credits.py, not as a byline line: the page tests check it
    elif row.where == "trailing-line":
        parsed = [byline_line(line) for line in _credited_lines(credit.below, credit)]
        assert all(p is not None for p in parsed), (row.id, credit.below)
        people = parsed[0]
        for p in parsed[1:]:
            people.extend(p)
    else:  # trailing-bracket, trailing-inline
        found = trailing_credit("会议要求，各地要压紧压实责任。" + credit.tail)
        assert found is not None, (row.id, credit.tail)
        people = found.people
    assert (people.reporters, people.correspondents) == (credit.reporters, credit.correspondents), (row.id, credit)
