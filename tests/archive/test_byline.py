"""The byline grammar, one test per byline class readers meet (seeds and other exports)."""

from __future__ import annotations

import pytest

from liaocheng_tui.archive.byline import byline_line, parse_people
from liaocheng_tui.archive.leads import match_lead
from liaocheng_tui.archive.end_credits import trailing_credit
from liaocheng_tui.archive.parser import parse_text


def names(people) -> tuple[list[str], list[str]]:
    assert people is not None
    return people.reporters, people.correspondents


@pytest.mark.parametrize(
    ("text", "reporters", "correspondents", "body"),
    [
        ("本报讯（记者 白文斌）“面对设备老化", ["白文斌"], [], "“面对设备老化"),  # 000: full-width brackets
        ("本报讯(记者 林晨) 2025年1月2日至3日", ["林晨"], [], "2025年1月2日至3日"),  # 001: half-width brackets
        ("本报讯 （记者 林晨 黄振） 近日", ["林晨", "黄振"], [], "近日"),  # 000: several names, spaces
        ("本报讯（记者 张琪 通讯员 修文）近日", ["张琪"], ["修文"], "近日"),  # 003: correspondent
        ("本报聊城12月27日讯（全媒体记者 胡欣）昨天", ["胡欣"], [], "昨天"),  # dated dateline, role 全媒体记者
        ("大众网聊城5月2日讯（见习记者 王五 实习生 赵六）", ["王五", "赵六"], [], ""),  # other outlet, 见习记者/实习生
        ("本报讯（记者胡欣 通讯员李四）近日", ["胡欣"], ["李四"], "近日"),  # names run together with the role
        ("本报讯 记者 胡欣 通讯员 王五 近日，市里", ["胡欣"], ["王五"], "近日，市里"),  # no brackets at all
        ("本报讯（融媒体记者 孙丽）", ["孙丽"], [], ""),
        ("本報訊（記者 刘志耀）12月27日", ["刘志耀"], [], "12月27日"),  # traditional script
        ("本报讯 (纪媛媛) 近日，临清市", ["纪媛媛"], [], "近日，临清市"),  # a name in brackets, no role
        ("本报讯（聊城日报全媒体记者于伯平）12月26日", ["于伯平"], [], "12月26日"),  # outlet + role, run together
        ("聊城新闻网讯 9月1日清晨", [], [], "9月1日清晨"),  # a site's dateline, no credit
        ("齐鲁网·闪电新闻4月17日讯 黄河之滨", [], [], "黄河之滨"),  # outlets joined by ·
        ("本报讯（潍坊日报社全媒体记者 巩建国）9月16日", ["巩建国"], [], "9月16日"),  # any city's paper
    ],
)
def test_lead_bylines(text: str, reporters: list[str], correspondents: list[str], body: str) -> None:
    lead = match_lead(text)
    assert lead is not None, text
    assert (lead.people.reporters, lead.people.correspondents) == (reporters, correspondents), text
    assert text[lead.end :].strip() == body, text  # the body starts right after the lead


def test_lead_leaves_the_body_alone() -> None:
    text = "本报讯 记者 胡欣 通讯员 王五 近日，市里召开会议。"
    lead = match_lead(text)
    assert text[lead.end :].strip() == "近日，市里召开会议。"
    assert lead.dateline == "本报讯"


def test_dateline_only_lead_of_dazhong_pages() -> None:
    lead = match_lead("本报聊城讯 环境干净整洁、教室书声琅琅")
    assert lead.dateline == "本报聊城讯" and not lead.people
    assert match_lead("本报临清讯 近日，临清市").dateline == "本报临清讯"


@pytest.mark.parametrize(
    ("line", "reporters", "correspondents"),
    [
        ("■ 本报记者 赵琦", ["赵琦"], []),  # 000 features
        ("■ 本 报 记 者 苑莘", ["苑莘"], []),  # 002: letter-spaced role
        ("本报通讯员 赵怀建", [], ["赵怀建"]),  # 002: correspondent on its own line
        ("□ 本报记者 胡磊 薛良诚", ["胡磊", "薛良诚"], []),  # 004
        ("□记 者 薛良诚", ["薛良诚"], []),  # 004: export space inside the role
        ("通讯员 刘淑娟 罗珂 报道", [], ["刘淑娟", "罗珂"]),  # 004: closing 报道
        ("□记者 高田 通讯员 张迪 报道", ["高田"], ["张迪"]),
        ("大众日报记者 孙亚飞", ["孙亚飞"], []),  # 001: another paper's reporter
        ("■ 田柏林", ["田柏林"], []),  # 003: photo credit without a role
        ("文/记者 胡欣 图/王五", ["胡欣", "王五"], []),  # text and photo credit
        ("本报记者 王五 摄", ["王五"], []),  # photo credit with 摄
        ("实习记者 阿依古丽·买买提", ["阿依古丽·买买提"], []),  # a name with ·
    ],
)
def test_byline_lines(line: str, reporters: list[str], correspondents: list[str]) -> None:
    assert names(byline_line(line)) == (reporters, correspondents)


@pytest.mark.parametrize(
    "line",
    [
        "记者从市发展改革委获悉，我市坚持纵",  # 003: body text starting with 记者
        "科技创新驱动我市经济高质量发展",  # a headline
        "本报讯",  # a dateline is no byline
        "记者",  # a role with no name
        "（右图）",
    ],
)
def test_not_bylines(line: str) -> None:
    assert byline_line(line) is None


@pytest.mark.parametrize(
    ("text", "credit", "reporters", "is_photo"),
    [
        ("预计年销售收入2.8亿元。 ■ 本报记者 吴兆旭", "■ 本报记者 吴兆旭", ["吴兆旭"], True),  # 002 photo
        ("参赛者覆盖专业讲解员。■ 姚绪禹", "■ 姚绪禹", ["姚绪禹"], True),  # 002 photo, no role
        ("全力保障春耕。（记者 张三 通讯员 李四）", "（记者 张三 通讯员 李四）", ["张三"], False),  # web export
        ("工人们正在调试设备。本报记者 王五 摄", "本报记者 王五 摄", ["王五"], True),
    ],
)
def test_trailing_credits(text: str, credit: str, reporters: list[str], is_photo: bool) -> None:
    found = trailing_credit(text)
    assert found is not None
    assert (found.credit, found.people.reporters, found.is_photo) == (credit, reporters, is_photo)
    assert found.text_before + found.credit == text.replace(" ■", "■") or found.text_before.endswith("。")


def test_bracketed_aside_is_no_credit() -> None:
    assert trailing_credit("开展执法检查（右图）。") is None
    assert trailing_credit("各县（市、区）") is None


def test_name_broken_across_a_line_end() -> None:
    page = "本报讯（记者 张琪 通讯员 修\n文）近日，聊城市消防救援支队出发。\n\n聊城消防救援力量支援涿州\n"
    articles, _ = parse_text(page)
    assert articles[0].correspondents == ["修文"]
    assert articles[0].title == "聊城消防救援力量支援涿州"


def test_role_only_names_run_together_parse_as_one_name() -> None:
    assert names(parse_people("记者胡欣")) == (["胡欣"], [])
    assert parse_people("记者从市发展改革委获悉") is None


# --- the classes of issue 10: prefixes with any role, outlets, several roles, closings -----------


@pytest.mark.parametrize(
    ("line", "reporters", "correspondents"),
    [
        ("■ 文/图 本报记者 苑莘", ["苑莘"], []),  # a prefix before 本报记者
        ("摄影/记者 林晨", ["林晨"], []),  # 摄影/ before a role
        ("视频/本报记者 胡欣", ["胡欣"], []),
        ("图/本报通讯员 赵怀建", [], ["赵怀建"]),  # a prefix before a correspondent
        ("文/图 焦书林 视频/霍然 简宁宁", ["焦书林", "霍然", "简宁宁"], []),  # prefixes without a role
        ("聊城日报全媒体记者 于伯平", ["于伯平"], []),  # an outlet run into the role
        ("大众网·海报新闻记者 李家宁 实习记者 张飞飞 张瑞东 聊城报道", ["李家宁", "张飞飞", "张瑞东"], []),
        ("齐鲁网记者 孔然 报道", ["孔然"], []),
        ("大众报业·大众日报客户端 记者 李子路 报道", ["李子路"], []),  # joined outlets, a space before the role
        ("□聊城日报全媒体记者邹辉通讯员杨立元", ["邹辉"], ["杨立元"]),  # names run together with the roles
        ("记者:张怀芳 李斌", ["张怀芳", "李斌"], []),  # a colon after the role
        ("供稿 张鹏 王广兴", ["张鹏", "王广兴"], []),
        ("□本报记者于涛黄华董豪杰", ["于涛", "黄华", "董豪杰"], []),  # three names run together
        ("通讯员 麻春生报道", [], ["麻春生"]),  # a name glued to 报道 is no place
    ],
)
def test_credit_classes(line: str, reporters: list[str], correspondents: list[str]) -> None:
    assert names(byline_line(line)) == (reporters, correspondents), line


@pytest.mark.parametrize(
    ("text", "credit", "reporters", "is_photo"),
    [
        ("为青春奋斗。（林晨）", "（林晨）", ["林晨"], False),  # one name, no role, after a full stop
        ("为青春奋斗。(林晨 黄振 高田)", "(林晨 黄振 高田)", ["林晨", "黄振", "高田"], False),
        ("现场气氛热烈。图/田柏林", "图/田柏林", ["田柏林"], True),
        ("市民观看民俗表演。霍然摄", "霍然摄", ["霍然"], True),
        ("收获玉米。（□记者 孙亚飞 通讯员 赵玉国 报道）", "（□记者 孙亚飞 通讯员 赵玉国 报道）", ["孙亚飞"], True),
    ],
)
def test_trailing_credit_classes(text: str, credit: str, reporters: list[str], is_photo: bool) -> None:
    found = trailing_credit(text)
    assert found is not None, text
    assert (found.credit, found.people.reporters, found.is_photo) == (credit, reporters, is_photo), text


@pytest.mark.parametrize("text", ["开展执法检查（上图）。", "工作取得实效（待续）", "会议在北京召开。（新华社）", "全市共有五家（高新区）"])
def test_brackets_that_are_no_credit(text: str) -> None:
    assert trailing_credit(text) is None, text


def test_credit_line_broken_inside_a_name_anywhere() -> None:
    page = (
        "大众网·海报新闻记者 温可欣 实习记者 卜世\n杰 练红 聊城报道\n\n"
        "1月25日，记者走进城区几条老街，商户们正忙着备年货。\n\n老街年味浓\n"
    )
    articles, _ = parse_text(page)
    assert [(a.title, a.reporters) for a in articles] == [("老街年味浓", ["温可欣", "卜世杰", "练红"])]


@pytest.mark.parametrize(
    ("page", "people"),
    [
        # an outlet's name broken at the line end
        ("大众网·海报新\n闻记者 温可欣 实习记者 卜世杰 练红 聊城报道\n\n1月25日，记者走进城区几条老街。\n\n老街年味浓\n",
         (["温可欣", "卜世杰", "练红"], [])),
        # a line opening with the slash of a prefix goes on with the credit above
        ("文/聊城日报记者 杨丽 陈丽 摄影\n/记者 刘丽\n\n8月4日晚，一所乡村夜校开课。\n\n乡村夜校开课\n",
         (["杨丽", "陈丽", "刘丽"], [])),
        # a space printed at the line end between two names: 焦书林 / 霍然, not 焦书 + 林霍然
        ("大众网·海报新闻记者 练红 实习记者 焦书林 \n霍然 聊城报道\n\n8月4日晚，一所乡村夜校开课。\n\n乡村夜校开课\n",
         (["练红", "焦书林", "霍然"], [])),
        # a correspondent's name broken on 大众日报's second credit line
        ("□记 者 简宁宁\n通讯员 戚少华 滕\n飞 报道\n\n  本报聊城讯 11月3日，农技人员指导种植户浇水。\n\n冬小麦田管正当时\n",
         (["简宁宁"], ["戚少华", "滕飞"])),
    ],
)
def test_credit_broken_anywhere_at_a_line_end(page: str, people: tuple[list[str], list[str]]) -> None:
    articles, _ = parse_text(page)
    assert [(a.reporters, a.correspondents) for a in articles] == [people]


# --- end credits printed without brackets or a marker ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "credit", "reporters", "correspondents"),
    [
        ("类似项目已陆续落地。记者 麻春生 通讯员 冀图南", "记者 麻春生 通讯员 冀图南", ["麻春生"], ["冀图南"]),
        ("会议要求压实责任。本报记者 王五", "本报记者 王五", ["王五"], []),
        ("“我们还会再来。”记者 邢雨桐", "记者 邢雨桐", ["邢雨桐"], []),  # after a closing quote
        ("活动持续三天。文/记者 霍然 图/简宁宁", "文/记者 霍然 图/简宁宁", ["霍然", "简宁宁"], []),
    ],
)
def test_end_credit_without_brackets(text: str, credit: str, reporters: list[str], correspondents: list[str]) -> None:
    found = trailing_credit(text)
    assert found is not None, text
    assert (found.credit, found.people.reporters, found.people.correspondents) == (credit, reporters, correspondents), text
    assert found.text_before + found.credit == text, text  # nothing lost or invented


@pytest.mark.parametrize(
    "text",
    [
        "现场情况如何？记者了解到",  # a role word that starts a sentence, not a credit
        "他表示。通讯员说",
        "会上，记者 提问",  # no sentence end before it: running text
        "这是今年的目标。记者节当天",
    ],
)
def test_role_words_at_a_paragraph_end_that_are_text(text: str) -> None:
    assert trailing_credit(text) is None, text


def test_page_with_an_unbracketed_end_credit_keeps_its_next_headline() -> None:
    """The end credit closes the article, so the headline under it is the next article's."""
    page = (
        "  本报讯（记者 葛宁）11月4日，一场文化惠民演出在村头舞台上演。\n\n文化惠民演出走进乡村\n\n"
        "  11月5日，城区又有十处口袋公园建成开放。\n  类似项目已陆续落地。记者 麻春生 通讯员 \n冀图南\n\n"
        "城区新增十处口袋公园\n"
    )
    articles, _ = parse_text(page)
    assert [(a.title, a.reporters, a.correspondents) for a in articles] == [
        ("文化惠民演出走进乡村", ["葛宁"], []),
        ("城区新增十处口袋公园", ["麻春生"], ["冀图南"]),
    ]


@pytest.mark.parametrize(
    ("line", "reporters"),
    [
        ("记者 冀图南摄影报道", ["冀图南"]),  # 南 starts no place: 南摄影 + 报道 is no place + 报道
        ("记者 麻春生聊城报道", ["麻春生"]),  # a place glued to the name before 报道
        ("齐鲁晚报·齐鲁壹点记者 蔚晓贤 摄影报道", ["蔚晓贤"]),  # two outlets joined by · are no name
        ("本报全媒体记者 王文图/记者 刘丽", ["王文", "刘丽"]),  # 图/记者, not 文图/记者 after a one-character name
    ],
)
def test_names_before_a_closing(line: str, reporters: list[str]) -> None:
    people = parse_people(line)
    assert people is not None, line
    assert people.reporters == reporters, line


def test_any_citys_news_site_opens_a_dateline() -> None:
    lead = match_lead("德州新闻网讯 近日，区融媒体中心联合多家媒体开展采访活动。")
    assert lead is not None and lead.dateline == "德州新闻网讯"


# --- more classes met in the survey: 消息 datelines, an outlet without a role, names run into a paper ---


def test_a_dateline_closed_by_xiaoxi() -> None:
    lead = match_lead("中国台湾网10月28日消息 27日下午，发布会举行。")
    assert lead is not None and lead.dateline == "中国台湾网10月28日消息"


def test_an_outlet_without_a_role_before_a_photo_credit() -> None:
    found = trailing_credit("市民在湖边游玩。（中国台湾网 普燕 摄）")
    assert found is not None and found.people.reporters == ["普燕"] and found.is_photo


@pytest.mark.parametrize(
    ("text", "reporters"),
    [
        ("记者 王丽聊城日报记者 王军", ["王丽", "王军"]),  # 王丽聊城日报 is no unknown paper: 王丽 + 聊城日报
        ("文/聊城日报全媒体记者 王凤 王丽丽聊城日报记者 王军", ["王凤", "王丽丽", "王军"]),
        ("潍坊日报社全媒体记者 巩建国", ["巩建国"]),  # an unknown city's paper is still an outlet
        ("记者 张丽潍坊日报社记者 李丽", ["张丽", "李丽"]),  # a name run into a paper no table names
        ("记者 王文斌潍坊日报社记者 李丽", ["王文斌", "李丽"]),
        ("哈尔滨日报记者 王五", ["王五"]),  # 哈 is no name: the paper is the whole run
    ],
)
def test_a_name_run_into_a_paper(text: str, reporters: list[str]) -> None:
    people = parse_people(text)
    assert people is not None and people.reporters == reporters, text


def test_dazhong_roleless_byline_closed_by_report_over_a_dateline() -> None:
    page = (
        "  2月4日，游客在湖边步道上欣赏盛开的荷花。\n  □聊城日报全媒体记者 骆志强 通讯员 谭晓光\n\n"
        "  □柏青 邢雨桐 报道\n\n  本报临清讯 2月5日晚，一所乡村夜校在村文化广场开课。\n\n乡村夜校开课受欢迎\n"
    )
    articles, _ = parse_text(page)
    assert [(a.kind.value, a.title, a.reporters) for a in articles] == [
        ("photo", None, ["骆志强"]),
        ("article", "乡村夜校开课受欢迎", ["柏青", "邢雨桐"]),
    ]


def test_roleless_marked_credit_between_a_caption_and_a_headline_credits_the_picture() -> None:
    page = (
        "　　2月3日，工人在新建厂房内调试生产设备。\n\n■ 霍然 简宁宁\n\n冬小麦田管正当时\n\n"
        "□ 本报记者 韩雪\n\n　　2月4日，农技人员正在指导种植户浇灌返青水。\n"
    )
    articles, _ = parse_text(page)
    assert [(a.kind.value, a.title, a.reporters) for a in articles] == [
        ("photo", None, ["霍然", "简宁宁"]),
        ("article", "冬小麦田管正当时", ["韩雪"]),
    ]


def test_a_line_of_names_alone_wrapped_onto_two_lines() -> None:
    page = (
        "宋明远 韩雪\n王忠友\n\n  6月3日，城区又有十处口袋公园建成开放。\n  这些公园利用边角空地改造而成。\n\n"
        "口袋公园建成开放\n\n  本报讯（记者 钟晓）6月4日，一所乡村夜校开课。\n\n乡村夜校开课\n"
    )
    articles, _ = parse_text(page)
    assert [(a.title, a.reporters) for a in articles] == [
        ("口袋公园建成开放", ["宋明远", "韩雪", "王忠友"]),
        ("乡村夜校开课", ["钟晓"]),
    ]


@pytest.mark.parametrize(
    ("run", "names_"),
    [
        ("王丽华李丽", ["王丽华", "李丽"]),  # tied cuts: the more common surnames start the names
        ("林晨黄振", ["林晨", "黄振"]),
        ("于涛黄华董豪杰", ["于涛", "黄华", "董豪杰"]),
    ],
)
def test_names_run_together_are_cut_at_common_surnames(run: str, names_: list[str]) -> None:
    assert names(parse_people("记者" + run)) == (names_, []), run


def test_a_credit_line_under_a_caption_over_a_dateline_without_report_credits_the_picture() -> None:
    """大众日报 signs an article over its dateline with …报道 (□记者 X 报道 / 本报聊城讯); a credit
    line without it, under a caption, is the picture's."""
    page = (
        "  本报讯（记者 温可欣）10月3日，一处便民服务大厅推出二十项事项。\n\n便民服务大厅上新\n\n"
        "  10月4日，市民在广场上观看民俗表演。\n\n潍坊日报社全媒体记者 卜世杰\n\n"
        "  本报聊城讯 10月5日，城区又有十处口袋公园建成开放。\n\n城区新增十处口袋公园\n"
    )
    articles, _ = parse_text(page)
    assert [(a.kind.value, a.title, a.reporters) for a in articles] == [
        ("article", "便民服务大厅上新", ["温可欣"]),
        ("photo", None, ["卜世杰"]),
        ("article", "城区新增十处口袋公园", []),
    ]
