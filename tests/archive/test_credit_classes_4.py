"""Credit classes met in the fourth survey round (tests/archive/credit_survey.csv s100–s133),
one test per class, each naming the layout it handles.  The names and texts are invented."""

from __future__ import annotations

import pytest

from liaocheng_tui.archive.byline import byline_line
from liaocheng_tui.archive.leads import match_lead
from liaocheng_tui.archive.end_credits import trailing_credit
from liaocheng_tui.archive.loader import parse_page

PARAGRAPH = "今年以来，城区已有四十余个单元完成电梯加装。"


def _page(top: str) -> str:
    """Body then headline (a PDF export): a credit line over the first article's body."""
    return (
        f"{top}\n\n6月3日，城区又有十处口袋公园建成开放，附近居民\n出门几分钟就能走进绿地。\n\n口袋公园建成开放\n\n"
        "本报讯（记者 钟晓）6月4日，一所乡村夜校在村\n文化广场开课，六十多名村民参加了第一课。\n\n乡村夜校开课\n"
    )


@pytest.mark.parametrize(
    ("line", "reporters", "correspondents", "roleless"),
    [
        ("齐鲁晚报·齐鲁壹点 葛宁", ["葛宁"], [], ["葛宁"]),
        ("东昌府融媒:牛文杰", ["牛文杰"], [], ["牛文杰"]),
        ("齐鲁晚报·齐鲁壹点 焦书林 霍然 通讯员 简宁宁(摄)", ["焦书林", "霍然"], ["简宁宁"], ["焦书林", "霍然"]),
        ("闪电新闻记者 芦苇 东阿融媒 甘露 东阿报道", ["芦苇", "甘露"], [], []),  # a role printed before
    ],
)
def test_an_outlet_alone_before_names_credits_them_without_a_printed_role(line, reporters, correspondents, roleless) -> None:
    """Rows s103 s125 s130: the outlet is printed, the role is not (the reader marks it)."""
    people = byline_line(line)
    assert people is not None, line
    assert (people.reporters, people.correspondents, people.roleless) == (reporters, correspondents, roleless), line


@pytest.mark.parametrize("line", ["人民日报 点赞聊城", "大众日报 聊城观察", "新华社 调查报告"])
def test_an_outlet_before_words_that_are_no_names_is_no_credit(line: str) -> None:
    """After an outlet alone only names that start with a surname are read: a headline that
    opens with a paper's name stays a headline."""
    assert byline_line(line) is None, line


@pytest.mark.parametrize("top", ["齐鲁晚报·齐鲁壹点 葛宁", "□聊城日报全媒体记者", "齐鲁晚报·齐鲁壹点 焦书林 霍然 通讯员 简宁宁(摄)"])
def test_a_credit_line_over_the_first_body_keeps_the_page_reading_body_then_headline(top: str) -> None:
    """A top credit line read as a headline turns the page round and every title moves one
    article up; read as a credit it leaves both articles whole."""
    page = parse_page(_page(top), "page.txt")
    assert [a.title for a in page.articles] == ["口袋公园建成开放", "乡村夜校开课"], top
    assert page.articles[0].body.startswith("6月3日"), top


def test_a_marked_role_without_a_name_signs_all_the_same() -> None:
    """Row s102: □聊城日报全媒体记者 over the body (the name was dropped by the export)."""
    people = byline_line("□聊城日报全媒体记者")
    assert people is not None and not people and people.roles_seen
    assert byline_line("聊城日报全媒体记者") is None, "unmarked, it may be a credit broken at its name"


def test_pian_is_a_picture_prefix() -> None:
    """Row s110: 齐鲁晚报 prints 文/本报记者 X 片/本报记者 Y Z under the body."""
    people = byline_line("文/本报记者 甘露 片/本报记者 骆志强 谭晓光")
    assert people is not None and people.reporters == ["甘露", "骆志强", "谭晓光"]


@pytest.mark.parametrize("credit", ["本报特派记者 卜世杰 练红 焦书林 发自临清", "本报特派记者 卜世杰 练红 焦书林发自临清"])
def test_a_special_correspondent_filing_from_a_place(credit: str) -> None:
    """Row s111: 特派记者 is a reporter's role; 发自 + place closes the credit, spaced or glued."""
    people = byline_line(credit)
    assert people is not None and people.reporters == ["卜世杰", "练红", "焦书林"], credit


def test_names_run_together_before_sheying_baodao_made_the_picture() -> None:
    """Row s123: …采摘新鲜蔬菜。 庞悦葛宁摄影报道 — two names, both credited as the picture's makers
    (摄影报道 is a closing word, not a place + 报道)."""
    credit = trailing_credit("农民在大棚里采摘新鲜蔬菜。 庞悦葛宁摄影报道")
    assert credit is not None and credit.is_photo
    assert credit.people.reporters == ["庞悦", "葛宁"] and credit.people.roleless == []


@pytest.mark.parametrize("tail", ["（聊城市台办供稿）", "（县委宣传部供稿）", "（市公安局交警支队供稿）"])
def test_an_office_that_supplied_the_item_names_no_one_and_ends_it(tail: str) -> None:
    """Row s117: 中国台湾网's items end with the office that sent them."""
    credit = trailing_credit(PARAGRAPH + tail)
    assert credit is not None and credit.text_before == PARAGRAPH and not credit.people, tail


@pytest.mark.parametrize("tail", ["（王伟供稿）", "（市局供稿）"])
def test_a_short_or_personal_supplier_is_no_office(tail: str) -> None:
    credit = trailing_credit(PARAGRAPH + tail)
    assert credit is None or credit.people, tail


def test_a_credit_closed_by_a_colon_after_the_dateline() -> None:
    """Row s128: 经济日报 prints 本报讯记者X报道: before the text."""
    lead = match_lead("本报讯记者韩雪报道:7月3日晚，一所乡村夜校开课。")
    assert lead is not None and lead.people.reporters == ["韩雪"]
    assert "本报讯记者韩雪报道:7月3日晚，一所乡村夜校开课。"[lead.end :].startswith("7月3日")
    lead = match_lead("本报讯 王先生说：夜校开课了。")
    assert lead is not None and not lead.people, "a speaker before a colon is the text"


def test_a_two_character_name_spaced_to_the_width_of_three() -> None:
    """Row s107: 大众日报 pads 胡 磊 to align with 孙亚飞."""
    people = byline_line("□ 本报记者 胡 磊 孙亚飞")
    assert people is not None and people.reporters == ["胡磊", "孙亚飞"]


def test_dazhong_credit_lines_under_a_dateline_signed_body() -> None:
    """Row s113: 本报高唐讯 …。 / □通讯员 X Y / 记者 Z 报道 under the body, then the headline."""
    text = (
        "本报高唐讯 在日前举行的书画博览会上，六十多位\n书画家的作品集中亮相。\n\n"
        "□通讯员 郝立军 邵可\n记者 崔文博 报道\n\n书画博览会开幕\n\n"
        "本报讯（记者 钟晓）6月4日，一所乡村夜校在村\n文化广场开课。\n\n乡村夜校开课\n"
    )
    first, second = parse_page(text, "page.txt").articles
    assert first.title == "书画博览会开幕" and first.correspondents == ["郝立军", "邵可"] and first.reporters == ["崔文博"]
    assert second.title == "乡村夜校开课" and second.reporters == ["钟晓"]


# --- classes of heldout4/'s rows (s104, s124), written after that folder was scored and read ---


@pytest.mark.parametrize("line", ["正观新闻记者 葛宁 文/图", "封面新闻记者 葛宁", "潮新闻记者 葛宁 通讯员 钟晓"])
def test_a_news_brand_no_table_names_before_a_role_is_an_outlet(line: str) -> None:
    """正观新闻记者 X 文/图: any one to four characters + 新闻 before a role word is an outlet."""
    people = byline_line(line)
    assert people is not None and people.reporters == ["葛宁"], line
    page = parse_page(_page(line), "page.txt")
    assert [a.title for a in page.articles] == ["口袋公园建成开放", "乡村夜校开课"], line


def test_a_news_office_is_no_dateline() -> None:
    """GENERIC news brands count only before a role word: 市新闻办消息 opens no article."""
    from liaocheng_tui.archive.byline import starts_with_dateline

    assert not starts_with_dateline("市新闻办消息，全市将开展文明交通宣传月活动。")


@pytest.mark.parametrize("sender", ["新华社发", "中新社发", "人民网发"])
def test_an_agency_that_sent_the_picture_before_its_credit(sender: str) -> None:
    """Row s124: …测量血压。新华社发（X 摄） — the agency glued to the caption belongs to the credit."""
    credit = trailing_credit(f"志愿者在社区为老人测量血压。{sender}（韩雪 摄）")
    assert credit is not None and credit.is_photo, sender
    assert credit.text_before == "志愿者在社区为老人测量血压。" and credit.people.reporters == ["韩雪"], sender
    assert credit.people.roleless == [], "摄 prints the role"
