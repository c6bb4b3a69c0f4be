"""Credit classes met in the fifth survey round (tests/archive/credit_survey.csv s134–s151),
one test per class, each naming the layout it handles.  Each class is generated over the
words of its table (every editor role, every crew role, every known outlet, every office
ending) and over the export styles, not written for the one form a row printed.  The names
and texts are invented."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.archive.byline import byline_line
from liaocheng_tui.archive.credit_words import EDITOR_WORDS, OFFICE_ENDINGS, REPORTER_WORDS
from liaocheng_tui.archive.end_credits import trailing_credit
from liaocheng_tui.archive.furniture import is_editor_line, take_furniture
from liaocheng_tui.archive.loader import parse_page
from liaocheng_tui.archive.outlets import EDITION_SUFFIX, NAMED_OUTLETS, OUTLETS, Kind

NAMES = ["宋明远", "韩雪", "郝立军", "邵可", "崔文博", "钟晓"]
FIRST = ["6月3日，城区又有十处口袋公园建成开放，附近居民出门几分钟就能走进绿地。",
         "这些公园利用边角空地改造而成，设置了健身步道和休闲座椅。"]
SECOND = ["6月4日，一所乡村夜校在村文化广场开课，六十多名村民参加了第一课。",
          "夜校课程包括果树修剪和网络销售，授课老师来自农技部门。"]
THIRD = ["6月5日，一段运河岸线综合整治工程完工，沿岸新建步道三公里。"]
TITLES = ["口袋公园建成开放", "乡村夜校开课", "运河岸线整治完工"]


def _wrap(paragraph: str, width: int | None) -> str:
    if width is None:
        return paragraph
    return "\n".join(paragraph[i : i + width] for i in range(0, len(paragraph), width))


def _article(paragraphs: list[str], under: list[str], width: int | None, indent: str) -> list[str]:
    """An article's paragraphs, then the lines printed under it (a block of their own)."""
    blocks = [_wrap(indent + p, width) for p in paragraphs]
    return [*blocks, "\n".join(under)] if under else blocks


def _page(under_first: list[str], under_second: list[str], *, headline_first: bool, width: int | None, indent: str = "") -> str:
    """Three unsigned articles (no byline, no dateline: only the furniture under them can
    end them), the first two with ``under_*`` lines printed under their body."""
    blocks: list[str] = []
    for title, body, under in zip(TITLES, (FIRST, SECOND, THIRD), (under_first, under_second, [])):
        article = _article(body, under, width, indent)
        blocks += [title, *article] if headline_first else [*article, title]
    return "\n\n".join(blocks) + "\n"


STYLES = [
    pytest.param(False, 22, "", id="pdf-body-then-headline"),
    pytest.param(True, None, "\u3000\u3000", id="web-headline-first"),
    pytest.param(False, 17, "  ", id="dazhong-columns"),
]


def _editor_groups(draw_roles: list[str], names: list[list[str]], bracket: str) -> str:
    groups = [f"{role}:{' '.join(ns)}" for role, ns in zip(draw_roles, names)]
    if bracket == "【】":
        return " ".join(f"【{g}】" for g in groups)
    if bracket == "（）":
        return "（" + " ".join(groups) + "）"
    return " ".join(groups)


EDITOR_LINE = st.builds(
    _editor_groups,
    st.lists(st.sampled_from(EDITOR_WORDS), min_size=1, max_size=3),
    st.lists(st.lists(st.sampled_from(NAMES), min_size=0, max_size=2), min_size=3, max_size=3),
    st.sampled_from(["", "【】", "（）"]),
)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(EDITOR_LINE, min_size=1, max_size=2),
    st.booleans(),
    st.sampled_from([(False, 22, ""), (True, None, "\u3000\u3000"), (False, 17, "  ")]),
)
def test_editor_lines_under_any_article_are_furniture_and_end_it(lines, correction, style) -> None:
    """Rows s134 s135 s136 s141 s149: 初审编辑:X / 责任编辑:Y, 【纠错】 【责任编辑:Z】, 审核:V 责编:
    under an article's body, in any export style: furniture (no one is credited, no headline is
    made of them), and the article ends there even when nothing signs the next one."""
    if correction:
        lines = ["【纠错】 " + lines[0], *lines[1:]]
    headline_first, width, indent = style
    page = parse_page(_page(lines, lines, headline_first=headline_first, width=width, indent=indent), "page.txt")
    assert [a.title for a in page.articles] == TITLES, (lines, [a.heading for a in page.articles])
    assert all(not a.reporters and not a.correspondents for a in page.articles), lines
    assert all(line.strip() in page.furniture for line in lines), (lines, page.furniture)


@pytest.mark.parametrize("role", EDITOR_WORDS)
def test_every_editor_role_makes_an_editor_line_and_no_credit(role: str) -> None:
    """Every role of the editor table, with names, blank or bracketed, is furniture; text that
    merely starts with the word is not."""
    for line in (f"{role}:宋明远", f"{role}：宋明远 韩雪", f"【{role}:邵可】", f"{role}:", f"（{role}：钟晓）"):
        assert is_editor_line(line), line
    assert not is_editor_line(f"{role}认为这件事很重要，要抓紧落实。"), role


@pytest.mark.parametrize("source", ["据新华社", "来源：聊城日报", "供稿来源：冠县融媒体中心", "信息来源:东阿县委宣传部"])
@pytest.mark.parametrize(("headline_first", "width", "indent"), STYLES)
def test_a_source_line_under_an_item_ends_it(source: str, headline_first: bool, width, indent: str) -> None:
    """Reprinted items closed by where they came from (据新华社, 供稿来源:…) end there: each
    next headline is the next item's, not a subhead of one long article."""
    page = parse_page(_page([source], [source], headline_first=headline_first, width=width, indent=indent), "page.txt")
    assert [a.title for a in page.articles] == TITLES, (source, [a.heading for a in page.articles])
    assert source in page.furniture


@pytest.mark.parametrize(
    "line",
    ["作者: 宋明远 来源: 大众日报", "来源:聊城日报 责任编辑:韩雪", "2024-12-17 作者: 郝立军 来源: 大众日报",
     "来源: 大众网·海报新闻 作者: 邵可", "發布時間:2023-04-20 來源:聊城日報 編輯:钟晓"],
)
def test_a_web_meta_line_of_fields_in_any_order_is_furniture(line: str) -> None:
    """Row s146: a web page's meta line, 来源 among its fields in any order, is furniture; no
    photo item or credit is made of it."""
    text, furniture = take_furniture(f"{line}\n\n□记 者 韩雪\n\n本报聊城讯 6月3日，城区又有十处口袋公园建成开放。\n\n口袋公园\n")
    assert line in furniture.lines, line
    assert line not in text


CREW = ["制片人", "出品人", "编导", "报道员", "摄制", "剪辑", "策划", "统筹", "撰稿"]


@pytest.mark.parametrize("role", [w for w in REPORTER_WORDS if len(w) > 1])
def test_every_reporter_role_of_the_table_reads_a_colon_credit_line(role: str) -> None:
    """Rows s141 s149: a video's crew printed as colon lines (制片人:X / 编导:Y / 报道员:Z W), and
    any role word of the table: the names are credited, none is a headline."""
    people = byline_line(f"{role}:宋明远 韩雪")
    assert people is not None and people.reporters == ["宋明远", "韩雪"], role


@pytest.mark.parametrize(("headline_first", "width", "indent"), STYLES)
def test_crew_lines_under_an_article_credit_it(headline_first: bool, width, indent: str) -> None:
    """The crew lines of a video item, the editor lines among them furniture."""
    lines = [f"{role}:{name}" for role, name in zip(CREW, NAMES)] + ["新媒体编辑:钟晓 宋明远"]
    page = parse_page(_page(lines, ["审核:崔文博"], headline_first=headline_first, width=width, indent=indent), "page.txt")
    assert [a.title for a in page.articles] == TITLES, [a.heading for a in page.articles]
    assert page.articles[0].reporters == NAMES, page.articles[0].reporters
    assert not page.articles[1].reporters, page.articles[1].reporters


PAPERS = [o.name for o in OUTLETS if o.kind in (Kind.PAPER, Kind.AGENCY, Kind.SITE)]


@pytest.mark.parametrize("outlet", PAPERS)
@pytest.mark.parametrize("suffix", ["海外版", "客户端", "社", "国际版"])
def test_an_edition_of_a_known_outlet_before_a_role_is_that_outlet(outlet: str, suffix: str) -> None:
    """Row s137: 人民日报海外版记者 X 文/图 — any known outlet with an edition word (海外版,
    客户端, 社) before a role word is an outlet, so its credit line is no headline."""
    people = byline_line(f"{outlet}{suffix}记者 宋明远 文/图")
    assert people is not None and people.reporters == ["宋明远"], (outlet, suffix)
    assert EDITION_SUFFIX and outlet in NAMED_OUTLETS


@pytest.mark.parametrize("line", ["人民日报海外版 点赞聊城", "新华社客户端 关注水城", "大众日报社 聊城观察"])
def test_an_edition_of_an_outlet_before_words_that_are_no_names_is_no_credit(line: str) -> None:
    assert byline_line(line) is None, line


OFFICES = [f"聊城市某{ending}" if len(ending) == 1 else f"东阿县{ending}" for ending in OFFICE_ENDINGS]
SUPPLIED = ["（图片来源:{o}）", "（图源：{o}）", "（图片由{o}提供）", "（{o}供图）", " {o}提供", "{o}供图"]


@pytest.mark.parametrize("office", OFFICES)
@pytest.mark.parametrize("form", SUPPLIED)
def test_a_picture_supplied_by_an_office_closes_its_caption_and_credits_no_one(office: str, form: str) -> None:
    """Rows s140 s145: a caption closed by who supplied the picture, an office or an outlet and
    no person (（图片来源:聊城市台港澳办）, …观看。 东阿县委宣传部提供): a photo credit naming no one."""
    caption = "6月3日，市民在广场上观看民俗表演。"
    credit = trailing_credit(caption + form.format(o=office))
    assert credit is not None and credit.is_photo, (office, form)
    assert credit.text_before == caption and not credit.people, (office, form)


@pytest.mark.parametrize(
    "text",
    ["项目所需资金由市财政局提供", "这些数据由县统计局提供", "市民可到社区服务站领取，材料由街道提供"],
)
def test_a_sentence_about_who_supplied_something_stays_text(text: str) -> None:
    """提供 inside a sentence (由…提供) is no picture credit."""
    assert trailing_credit(text) is None, text


@pytest.mark.parametrize(("headline_first", "width", "indent"), STYLES)
@pytest.mark.parametrize("form", ["（图片来源:聊城市台港澳办）", " 东阿县委宣传部提供", "（大众日报供图）"])
def test_a_caption_supplied_by_an_office_is_a_photo_item_on_a_page(headline_first: bool, width, indent: str, form: str) -> None:
    """On a page, such a caption is a photo item of its own, its article whole."""
    caption = "6月2日，市民在广场上观看民俗表演。" + form
    signed = ["本报讯（记者 钟晓）" + FIRST[0], FIRST[1]]
    blocks = [_wrap(indent + caption, width)]
    article = [_wrap(indent + p, width) for p in signed]
    blocks += [TITLES[0], *article] if headline_first else [*article, TITLES[0]]
    page = parse_page("\n\n".join(blocks) + "\n", "page.txt")
    kinds = [(a.kind.value, a.title) for a in page.articles]
    assert kinds == [("photo", None), ("article", TITLES[0])], (form, kinds)
    assert page.articles[0].body.startswith("6月2日") and not page.articles[0].reporters, form
    assert page.articles[1].reporters == ["钟晓"], form


# --- families no row printed, met by reading the tables rather than the rows ---------------------

PLACES = ["东昌府区", "临清市", "冠县", "莘县", "阳谷县", "东阿县", "茌平区", "高唐县", "高唐", "阳谷",
          "经济技术开发区", "高新区", "江北水城旅游度假区", "高新技术产业开发区"]
MEDIA = ["融媒体中心", "融媒", "广播电视台", "电视台", "新闻传媒中心"]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("media", MEDIA)
@pytest.mark.parametrize(("role", "field"), [("记者 ", "reporters"), ("通讯员 ", "correspondents"), (" ", "reporters")])
def test_the_media_centre_of_any_county_or_district_is_an_outlet(place: str, media: str, role: str, field: str) -> None:
    """Every county's and district's media centre before a role or alone (高唐县广播电视台记者 X,
    江北水城旅游度假区融媒 X): a county whose name starts with a surname (高唐, 阳谷) is no name run
    into a station, and a district's long name (经济技术开发区) is an outlet's."""
    people = byline_line(f"{place}{media}{role}宋明远")
    assert people is not None and getattr(people, field) == ["宋明远"], (place, media, role, people)


@pytest.mark.parametrize(("line", "reporters"), [
    ("文字：宋明远 图片：韩雪", ["宋明远", "韩雪"]),
    ("文字/宋明远 图片/韩雪", ["宋明远", "韩雪"]),
    ("文案：郝立军 摄影：邵可", ["郝立军", "邵可"]),
    ("口述:崔文博 整理:钟晓", ["崔文博", "钟晓"]),
])
def test_every_prefix_word_names_what_a_person_made(line: str, reporters: list[str]) -> None:
    """The prefix table (文字, 文案, 口述, 整理 beside 文, 图, 摄影 …) before a colon or slash."""
    people = byline_line(line)
    assert people is not None and people.reporters == reporters, line


@pytest.mark.parametrize("role", ["记者", "通讯员", "本报通讯员", "特约通讯员", ""])
def test_a_bracketed_credit_closed_by_gongtu_is_a_pictures(role: str) -> None:
    """（通讯员 X 供图）: 供图 says the named person supplied the picture, like 摄."""
    credit = trailing_credit(f"6月3日，市民在广场上观看民俗表演。（{role} 邵可 供图）".replace("（ ", "（"))
    assert credit is not None and credit.is_photo, role
    assert [*credit.people.reporters, *credit.people.correspondents] == ["邵可"], role


@pytest.mark.parametrize("closing", ["整理", "供图", "报道", "摄"])
@pytest.mark.parametrize("names", [["宋明远"], ["邵可", "崔文博"]])
def test_names_in_brackets_closed_by_any_closing_word_sign_the_item(closing: str, names: list[str]) -> None:
    """（宋明远 整理）, （邵可 崔文博 供图）: roleless names in brackets after the last sentence,
    then a closing word of the table — the names are credited, the role not printed."""
    credit = trailing_credit(f"会议要求，各地要压紧压实责任。（{' '.join(names)} {closing}）")
    assert credit is not None and credit.people.reporters == names, (closing, names)
    assert credit.is_photo == (closing in ("供图", "摄")), closing


@given(
    st.sampled_from(["记者", "本报记者", "■ 本报记者", "记者：", "通讯员", "大众网·海报新闻记者"]),
    st.lists(st.sampled_from(NAMES), min_size=2, max_size=4, unique=True),
)
@settings(max_examples=60, deadline=None)
def test_names_listed_with_commas_in_a_credit_line_are_read(role: str, names: list[str]) -> None:
    """记者 宋明远，韩雪: a credit line listing its names with full-width commas."""
    people = byline_line(f"{role} {'，'.join(names)}".replace("： ", "："))
    assert people is not None, (role, names)
    assert [*people.reporters, *people.correspondents] == names, (role, names)


@pytest.mark.parametrize("line", ["记者了解到，该项目已经完工", "通讯员王明说，今年的收成很好", "记者走进田间，看到麦苗长势喜人",
                                  "记者：张总，您好"])
def test_a_line_of_text_opening_with_a_role_and_a_comma_is_no_credit(line: str) -> None:
    assert byline_line(line) is None, line
