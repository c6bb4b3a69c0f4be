"""Layouts that are not in the seeds but that users' exports have: each test names one,
and checks the exact articles."""

from __future__ import annotations

import datetime as dt

from liaocheng_tui.archive.loader import parse_page
from liaocheng_tui.archive.model import ArticleKind, DateSource


def items(text: str) -> list[tuple]:
    page = parse_page(text, "page.txt")
    return [(a.kind.value, a.kicker, a.title, a.subtitle, a.reporters, a.correspondents, a.body) for a in page.articles]


def test_web_export_with_folio_and_editor_credit() -> None:
    text = (
        "聊城日报 2024年06月21日 第A2版：要闻\n\n聊城举办夏季招聘会\n\n"
        "本报聊城6月20日讯（全媒体记者 王小明 通讯员 李华）6月20日，招聘会在市人力资源市场举行。\n\n"
        "据介绍，本次招聘会提供岗位3000余个。\n\n（责任编辑：张三）\n"
    )
    page = parse_page(text, "page.txt")
    assert (page.newspaper, page.issue_date, page.date_source) == ("聊城日报", dt.date(2024, 6, 21), DateSource.FOLIO)
    assert page.furniture == ["聊城日报 2024年06月21日 第A2版：要闻", "（责任编辑：张三）"]
    assert items(text) == [
        ("article", None, "聊城举办夏季招聘会", None, ["王小明"], ["李华"],
         "6月20日，招聘会在市人力资源市场举行。\n据介绍，本次招聘会提供岗位3000余个。"),
    ]


def test_headline_on_the_line_right_under_the_body() -> None:
    text = "记者胡欣 通讯员王五\n8月1日，全市防汛工作会议召开。会议要求，各地要压紧压实责任。\n全市防汛工作会议召开\n"
    assert items(text) == [
        ("article", None, "全市防汛工作会议召开", None, ["胡欣"], ["王五"],
         "8月1日，全市防汛工作会议召开。会议要求，各地要压紧压实责任。"),
    ]


def test_headline_first_with_bylines_at_the_end() -> None:
    text = (
        "城市更新让老街焕新颜\n\n近日，记者走访古城区发现，一批老街完成改造。（本报记者 孙七 通讯员 周八）\n\n"
        "秋粮收获进度过半\n\n眼下正是秋收时节，全市秋粮收获进度过半。（记者 赵六）\n"
    )
    assert items(text) == [
        ("article", None, "城市更新让老街焕新颜", None, ["孙七"], ["周八"], "近日，记者走访古城区发现，一批老街完成改造。"),
        ("article", None, "秋粮收获进度过半", None, ["赵六"], [], "眼下正是秋收时节，全市秋粮收获进度过半。"),
    ]


def test_photo_credit_with_she() -> None:
    text = (
        "本报讯（记者 林晨）6月20日，会议召开。\n\n会议召开\n\n"
        "10月8日，在东昌府区堂邑镇，农民驾驶收割机收获玉米。本报记者 赵六 摄\n\n"
        "本报讯（记者 白文斌）6月21日，展会开幕。\n\n展会开幕\n"
    )
    got = items(text)
    assert [g[0] for g in got] == ["article", "photo", "article"]
    assert got[1][4] == ["赵六"] and got[1][2] is None
    assert got[1][6] == "10月8日，在东昌府区堂邑镇，农民驾驶收割机收获玉米。"


def test_kicker_with_dash_and_subtitle_in_one_block() -> None:
    text = (
        "本报讯（记者 林晨 黄振） 近日，市政府印发了方案。\n\n"
        "组织实施“十大工程”建立循环经济体系 我市出台方案——\n推动大规模设备更新和消费品以旧换新\n——《实施方案》包括十二部分\n"
    )
    assert items(text)[0][1:4] == (
        "组织实施“十大工程”建立循环经济体系 我市出台方案——",
        "推动大规模设备更新和消费品以旧换新",
        "——《实施方案》包括十二部分",
    )


def test_no_blank_lines_and_no_indents_hard_wrapped() -> None:
    text = (
        "本报讯（记者 岳耀军）8月4日，记者从市市场监\n管局获悉，多项指标位列全省第一。\n"
        "市场监管工作一头连着民生，一头连着发展\n，市场监管局将争取实现三大目标。\n"
        "锻强能力作风 奋力走在前列\n"
    )
    assert items(text) == [
        ("article", None, "锻强能力作风 奋力走在前列", None, ["岳耀军"], [],
         "8月4日，记者从市市场监管局获悉，多项指标位列全省第一。\n市场监管工作一头连着民生，一头连着发展，市场监管局将争取实现三大目标。"),
    ]


def test_page_of_only_a_photo() -> None:
    text = "8 月 6日，聊城西关街西延项目建设现场热火朝天。\n\n■ 田柏林\n"
    assert items(text) == [("photo", None, None, None, ["田柏林"], [], "8 月 6日，聊城西关街西延项目建设现场热火朝天。")]


def test_markup_and_escapes_are_kept_as_text() -> None:
    text = "本报讯（记者 林晨）[b]红色[/b] \x1b[31m文字[link=x]。\n\n标题[/]\n"
    got = items(text)
    assert got[0][2] == "标题[/]"
    assert "[b]红色[/b]" in got[0][6] and "\x1b[31m" in got[0][6]
    assert parse_page(text, "p").articles[0].kind is ArticleKind.ARTICLE


def test_short_double_spaced_article_from_a_pdf_viewer() -> None:
    p1 = "本报讯（记者 鞠圣娇）6月19日，市卫生健康委员会组织基层卫生协会在县人民医院举办首期基层医务人员专题培训班，全市120余名基层医务人员参加培训。"
    p2 = "\u3000\u3000培训围绕常见病诊疗规范、急诊急救技能和基层慢病管理展开，设置理论授课和实操演练环节。"
    for width in (18, 22, 26, 40):
        lines = [p1[i : i + width] for i in range(0, len(p1), width)] + [p2[i : i + width] for i in range(0, len(p2), width)]
        text = "\n\n".join(lines) + "\n\n\n聊城市基层卫生协会举办培训\n"
        got = items(text)
        assert len(got) == 1, width
        assert got[0][2] == "聊城市基层卫生协会举办培训"
        assert got[0][6].split("\n") == [p1[len("本报讯（记者 鞠圣娇）") :], p2.strip("\u3000")], width


def test_letter_spaced_bracketed_byline() -> None:
    got = items("本报讯 （ 记 者 林 晨 ） 近日，市政府印发了方案。\n\n方案印发\n")
    assert got[0][4] == ["林晨"] and got[0][6] == "近日，市政府印发了方案。"


def test_web_page_meta_footer_and_editor_lines_are_furniture() -> None:
    """A news site's page as copied: breadcrumb, meta line (来源/作者), the byline with two
    roles and a place + 报道, the editors' lines and the site's footer."""
    text = (
        "您的位置:首页>要闻 > 聊城政情 >\n\n春节前夕的水城街头\n\n"
        "2022-01-26 09:40:00 来源: 大众网·海报新闻 作者: 邵可\n\n"
        "  大众网·海报新闻记者 韩雪 实习记者 钟晓 葛宁 聊城报道\n\n"
        "  1月25日，记者走进城区几条老街，商户们正忙着备年货。\n\n"
        "初审编辑:邵可\n\n责任编辑:庞悦\n\n相关新闻\n\n"
        "聊城新闻网 2006-2022 版权所有 聊城日报社/聊城市政府新闻办公室 联合主办\n"
    )
    page = parse_page(text, "page.txt")
    assert items(text) == [
        ("article", None, "春节前夕的水城街头", None, ["韩雪", "钟晓", "葛宁"], [], "1月25日，记者走进城区几条老街，商户们正忙着备年货。"),
    ]
    assert page.furniture == [
        "您的位置:首页>要闻 > 聊城政情 >",
        "2022-01-26 09:40:00 来源: 大众网·海报新闻 作者: 邵可",
        "初审编辑:邵可",
        "责任编辑:庞悦",
        "相关新闻",
        "聊城新闻网 2006-2022 版权所有 聊城日报社/聊城市政府新闻办公室 联合主办",
    ]
