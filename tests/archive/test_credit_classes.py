"""Credit classes met in the third survey round (tests/archive/credit_survey.csv s77–s92), one
test per class, each naming the layout it handles.  The names are invented."""

from __future__ import annotations

import pytest

from liaocheng_tui.archive.byline import byline_line, parse_people
from liaocheng_tui.archive.end_credits import trailing_credit
from liaocheng_tui.archive.loader import parse_page


def test_a_county_media_centre_before_names_is_an_outlet() -> None:
    """闪电新闻's end line names a partner outlet, the county's media centre, before its man."""
    people = byline_line("闪电新闻记者 芦苇 东阿融媒 甘露 东阿报道")
    assert people is not None, "county media centre"
    assert people.reporters == ["芦苇", "甘露"], "county media centre"
    assert parse_people("莘县融媒体中心记者 王丽").reporters == ["王丽"], "媒体中心 before a role"


def test_a_name_run_into_a_media_role_word_stays_a_name() -> None:
    """记者 陈丽融媒体记者 刘丽 (a line end dropped the space): 陈丽 and the role 融媒体记者,
    not a paper called 陈丽融媒体."""
    people = parse_people("记者 陈丽融媒体记者 刘丽")
    assert people is not None and people.reporters == ["陈丽", "刘丽"], "name run into 融媒体记者"


def test_an_unknown_outlet_joined_to_a_known_one_and_a_slash_she() -> None:
    """Row s75: （大众报业·农村大众通讯员 X Y/摄） after a caption — 农村大众 joined to 大众报业,
    and 摄 glued to the last name by a slash."""
    credit = trailing_credit("市民在广场上观看民俗表演。（大众报业·农村大众通讯员 王伟 李明/摄）")
    assert credit is not None, "s75"
    assert credit.people.correspondents == ["王伟", "李明"] and credit.is_photo, "s75"
    assert parse_people("大众报业·鲁西周刊记者 王伟").reporters == ["王伟"], "an outlet no table names after ·"


def test_slash_suffixes_say_what_each_group_made() -> None:
    """临沂日报's top line: □临报融媒记者 X 见习记者 Y/文 临报融媒记者 Z W/图."""
    people = byline_line("□临报融媒记者 郝立军 见习记者 邵可/文 临报融媒记者 崔文博 穆青禾/图")
    assert people is not None, "suffix /文 /图"
    assert people.reporters == ["郝立军", "邵可", "崔文博", "穆青禾"], "suffix /文 /图"
    assert parse_people("记者 王图/文 摄影记者 李四").reporters == ["王图", "李四"], "a name ending in 图 before /文"
    assert parse_people("记者 王文/图").reporters == ["王文"], "a name ending in 文 before /图"


@pytest.mark.parametrize(
    "tail",
    ["（本网记者）", "（本报记者）", "（中国台湾网、聊城市台办联合报道）"],
)
def test_a_bracket_that_names_no_person_still_ends_the_article(tail: str) -> None:
    """鲁网's （本网记者） and 中国台湾网's joint report close the last paragraph as its credit."""
    text = "今年以来，城区已有四十余个单元完成电梯加装。" + tail
    credit = trailing_credit(text)
    assert credit is not None, tail
    assert credit.text_before == "今年以来，城区已有四十余个单元完成电梯加装。" and not credit.people, tail
    assert not credit.is_photo, tail


@pytest.mark.parametrize("tail", ["（市教育局、市财政局联合发文）", "（市教育局、市财政局联合报道）", "（本网记者张）"])
def test_brackets_that_only_look_like_a_nameless_credit_stay_text(tail: str) -> None:
    """A joint report needs an outlet among its parties; a role alone is the whole bracket."""
    credit = trailing_credit("今年以来，城区已有四十余个单元完成电梯加装。" + tail)
    assert credit is None or credit.people, tail


def test_a_colon_sheying_bracket_is_a_photo_credit() -> None:
    """中新山东网's caption: …梨花怒放。（摄影:张荣容）."""
    credit = trailing_credit("百里黄河故道梨花怒放，吸引了各地游客。（摄影:张荣容）")
    assert credit is not None and credit.people.reporters == ["张荣容"], "（摄影:X）"
    assert credit.is_photo, "（摄影:X）"


DATELINED = (
    "本报讯 10月17日，镇里在村文化广场为老人们举办重阳节饺子宴。\n\n"
    "活动现场发放健康知识手册，老人们共进午餐。□记者 张兴国通讯员 张霞"
)


@pytest.mark.parametrize("first", [True, False], ids=["headline-first", "body-then-headline"])
def test_a_datelined_article_signed_at_its_end_by_a_marked_credit_is_an_article(first: bool) -> None:
    """本报讯 …。□记者 X通讯员 Y (yybnet's 东阿 page): the marked credit signs the article the
    dateline opened, it does not split off its last paragraph as a photo."""
    title, other = "重阳节饺子宴暖人心", "本报讯（记者 钟晓）6月4日，一所乡村夜校开课。\n"
    if first:
        text = f"{title}\n\n{DATELINED}\n\n夜校开课\n\n{other}"
    else:
        text = f"{DATELINED}\n\n{title}\n\n{other}\n夜校开课\n"
    page = parse_page(text, "page.txt")
    one = page.articles[0]
    assert [a.title for a in page.articles] == [title, "夜校开课"], [a.title for a in page.articles]
    assert one.kind.value == "article" and one.reporters == ["张兴国"] and one.correspondents == ["张霞"], one
    assert one.body.rstrip().endswith("共进午餐。"), one.body


def test_a_photo_after_an_article_signed_at_its_end_is_its_own_item_headline_first() -> None:
    """Headline first: an article with no lead byline, signed at its end (…（记者 X）), then a
    caption closed by ■ 本报记者 Y: the caption is a photo item of its own, not the article's
    last paragraph (齐鲁网聊城 / 聊城新闻网 pages print photos between articles)."""
    text = (
        "市领导走访慰问一线教师\n\n"
        "\u3000\u30009月9日，在教师节来临之际，市领导到多所学校走访慰问，向教师致以节日问候。\n\n"
        "\u3000\u3000在特殊教育学校，市领导走进教室，与授课教师交流学生学习生活情况。（记者 胡晓）\n\n"
        "4月5日，梨园内梨花盛开，梨农们正抢抓农时，给梨树疏花。■ 本报记者 郝川\n\n"
        "梨园文化旅游节开幕\n\n"
        "\u3000\u3000本报讯（记者 宋明远）4月3日，梨园文化旅游节开幕，各地游客纷至沓来。\n\n"
        "\u3000\u3000梨园上百年梨树已成方连片。\n"
    )
    page = parse_page(text, "page.txt")
    got = [(a.kind.value, a.title, a.reporters) for a in page.articles]
    assert got == [
        ("article", "市领导走访慰问一线教师", ["胡晓"]),
        ("photo", None, ["郝川"]),
        ("article", "梨园文化旅游节开幕", ["宋明远"]),
    ], got


def _page_with(first_paragraph: str, last_paragraph: str, above: str = "") -> str:
    return (
        f"{above}{first_paragraph}\n\n{last_paragraph}\n\n口袋公园建成开放\n\n"
        "本报讯（记者 钟晓）6月4日，一所乡村夜校在村\n文化广场开课，六十多名村民参加了第一课。\n\n乡村夜校开课\n"
    )


def test_a_space_printed_at_a_line_end_inside_an_end_credit_keeps_two_names_apart() -> None:
    """…（莘县融媒体中心见习记者 王丽平 / 王平丽）: the export printed a space before the break."""
    text = _page_with(
        "6月3日，城区又有十处口袋公园建成开放，附近居\n民出门几分钟就能走进绿地。",
        "这些项目利用边角空地改造而成，设置\n了健身步道和儿童游乐设施。（莘县融媒体中心见习记者 王丽平 \n王平丽）",
    )
    one = parse_page(text, "page.txt").articles[0]
    assert one.reporters == ["王丽平", "王平丽"], one.reporters


@pytest.mark.parametrize(
    "credit",
    ["东阿融媒记者王丽丽 文/大众报业·农村大众摄影\n记者 陈丽", "大众网·海报新闻记者王丽丽 文/莘县融媒体中心\n记者 陈丽"],
)
def test_a_credit_line_broken_right_after_a_role_or_inside_a_media_centre_is_one_credit(credit: str) -> None:
    """A top credit wrapped after its role word (…摄影 / 记者 陈丽) or inside an outlet
    (…莘县融媒体中心 / 记者 陈丽): one credit over two lines, the article's."""
    text = _page_with(
        "6月3日，城区又有十处口袋公园建成开放，附近居\n民出门几分钟就能走进绿地。",
        "这些项目利用边角空地改造而成，设置了健身步道、\n休闲座椅和儿童游乐设施。",
        above=credit + "\n\n",
    )
    page = parse_page(text, "page.txt")
    assert [a.title for a in page.articles] == ["口袋公园建成开放", "乡村夜校开课"], credit
    assert page.articles[0].reporters == ["王丽丽", "陈丽"], credit


def test_the_merged_city_media_centre_signs_a_bracket_lead_without_dateline() -> None:
    """（聊城市新闻传媒中心全媒体记者X/通讯员 Y）…: the 2023 media centre (聊城日报 and the city's
    radio and TV) as the outlet, a name run into the slash, no 本报讯 before the bracket."""
    from liaocheng_tui.archive.leads import match_lead

    lead = match_lead("（聊城市新闻传媒中心全媒体记者江平波/通讯员 赵寰）连日来，我市持续高温天气。")
    assert lead is not None, "media centre lead"
    assert (lead.people.reporters, lead.people.correspondents) == (["江平波"], ["赵寰"]), "media centre lead"
    other = match_lead("（德州市新闻传媒中心记者 王丽）连日来，城区持续高温。")
    assert other is not None and other.people.reporters == ["王丽"], "any city's 新闻传媒中心"
