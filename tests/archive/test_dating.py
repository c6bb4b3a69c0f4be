"""date_page: a date in the path wins; otherwise the latest reported event + 1 day, in the year the clues give."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.archive.dating import (
    YEAR_CLUES,
    Bound,
    date_from_path,
    date_page,
    date_report,
    find_mentions,
    flatten,
    year_evidence,
)
from liaocheng_tui.archive.loader import parse_page
from liaocheng_tui.archive.model import DateSource
from liaocheng_tui.cli import main
from liaocheng_tui.seeds import seeds_dir

D = dt.date

# --- dates in file and folder names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("pages/2024-06-21.txt", D(2024, 6, 21)),  # ISO dashes
        ("pages/lcrb_2024-6-21_03.txt", D(2024, 6, 21)),  # dashes, no padding
        ("pages/2024_06_21_p3.txt", D(2024, 6, 21)),  # underscores
        ("pages/2024.06.21.txt", D(2024, 6, 21)),  # dots
        ("pages/20240621.txt", D(2024, 6, 21)),  # compact
        ("pages/lcrb20240621_03.txt", D(2024, 6, 21)),  # compact inside a name
        ("pages/2024年6月21日 第3版.txt", D(2024, 6, 21)),  # Chinese
        ("archive/2024/06/21/page3.txt", D(2024, 6, 21)),  # folders year/month/day
        ("archive/2024/6/21/A01.txt", D(2024, 6, 21)),  # folders without padding
        ("archive/2024/06/21.txt", D(2024, 6, 21)),  # year/month folders, day file
        ("archive/2024/0621/page3.txt", D(2024, 6, 21)),  # year folder, MMDD folder
        ("archive/2024-06/21.txt", D(2024, 6, 21)),  # year-month folder, day file
        ("archive/2024-06-21/page3.txt", D(2024, 6, 21)),  # a dated folder
        ("archive/20240621/版面/page3.txt", D(2024, 6, 21)),  # a dated grandparent folder
        (r"C:\archive\2024-06-21.txt", D(2024, 6, 21)),  # a Windows path string
    ],
)
def test_date_from_file_or_folder_name(source: str, expected: dt.date) -> None:
    assert date_page(source, "") == (expected, DateSource.FILENAME)


def test_file_name_beats_folder_name_and_text() -> None:
    text = "本报讯 12月27日，会议召开。今年是新中国成立75周年。"
    assert date_page("2023-01-01/2024-06-21.txt", text) == (D(2024, 6, 21), DateSource.FILENAME)


@pytest.mark.parametrize(
    "source",
    [
        "seeds/000_83967fa1bd91df59.txt",  # a content hash is not a date
        "x/1d8b0c37187465ce20240621.txt",  # …even when it holds a date-like digit run
        "pages/2024-13-45.txt",  # no such month
        "pages/2024-02-30.txt",  # no such day
        "pages/1066-10-14.txt",  # outside the archive's years
        "pages/123456789.txt",  # nine digits: not a date
        "pages/page3.txt",
    ],
)
def test_names_without_a_date(source: str) -> None:
    assert date_from_path(source) is None
    assert date_page(source, "") == (None, DateSource.UNKNOWN)


@pytest.mark.parametrize(
    "source",
    ["archive/2023/page3.txt", "archive/2023/06/A01.txt", "archive/2023年6月/A01.txt", "lcrb_2023/p.txt"],
)
def test_year_of_a_folder_dates_a_text_without_a_year(source: str) -> None:
    assert date_page(source, "6月20日，会议召开。") == (D(2023, 6, 21), DateSource.INFERRED)
    # the text says 2024: a folder of 2023 and the text disagree, so the page stays undated, and says why
    report = date_report(source, "6月20日，会议召开。今年是新中国成立75周年。")
    assert (report.date, report.source) == (None, DateSource.UNKNOWN)
    assert report.refused == "year clues disagree (best 2023, but prc-anniversary says is 2024)"


def test_a_number_as_file_name_is_not_a_year() -> None:
    text = "6月20日，会议召开。今年是新中国成立75周年。"
    assert date_page("pages/1999.txt", text) == (D(2024, 6, 21), DateSource.INFERRED)


# --- every year clue fires on the phrase it names -------------------------------------------------

CLUE_EXAMPLES: dict[str, tuple[str, set[tuple[Bound, int]]]] = {
    "prc-anniversary": ("以艺术精品向新中国成立 75 周年献礼", {(Bound.IS, 2024)}),
    "cpc-anniversary": ("庆祝中国共产党成立一百周年", {(Bound.IS, 2021)}),
    "reform-anniversary": ("纪念改革开放45周年", {(Bound.IS, 2023)}),
    "victory-anniversary": ("纪念抗日战争暨世界反法西斯战争胜利八十周年", {(Bound.IS, 2025)}),
    "founding-anniversary": ("庆祝中国人民解放军建军95周年", {(Bound.IS, 2022)}),
    "observance-ordinal": ("在第37个教师节来临之际", {(Bound.IS, 2021)}),
    "five-year-plan-stage": ("今年是\n“十四五”规划收官之年", {(Bound.IS, 2025)}),
    "just-past-year": ("刚刚过去的2024年，聊城住建系统…", {(Bound.IS, 2025)}),
    "last-season-stated": ("2016年冬天较往年偏冷，今冬却偏暖", {(Bound.IS, 2017)}),
    "this-year-stated": ("今年（2024年）", {(Bound.IS, 2024)}),
    "last-year-stated": ("去年（2023年）全市…", {(Bound.IS, 2024)}),
    "next-year-stated": ("明年（2025年）", {(Bound.IS, 2024)}),
    "since-year": ("2024年以来，聊城市…", {(Bound.AT_LEAST, 2024), (Bound.IS, 2025)}),
    "plan-target": ("分阶段提出到2025年、2027年的发展目标", {(Bound.BEFORE, 2025), (Bound.BEFORE, 2027)}),
    "announced-year": ("预计2025年底全容量投产", {(Bound.AT_MOST, 2025)}),
    "vision-year": ("“十四五”规划和2035年远景目标", {(Bound.BEFORE, 2035)}),
    "year-range": ("2024—2026年行动计划", {(Bound.AT_LEAST, 2024)}),
    "event-named-by-year": ("2023水城优秀学生成才报告会举行", {(Bound.IS, 2023), (Bound.AT_LEAST, 2023)}),
    "any-year": ("在2018年被迫停机停产", {(Bound.AT_LEAST, 2018)}),
}


def test_every_year_clue_has_an_example() -> None:
    assert {clue.name for clue in YEAR_CLUES} == set(CLUE_EXAMPLES)
    assert all(clue.handles for clue in YEAR_CLUES)


@pytest.mark.parametrize("name", list(CLUE_EXAMPLES))
def test_year_clue(name: str) -> None:
    text, expected = CLUE_EXAMPLES[name]
    flat = flatten(text)
    evidence = year_evidence(flat, find_mentions(flat))
    assert {(e.bound, e.year) for e in evidence} == expected
    assert {e.clue for e in evidence} == {name}


@pytest.mark.parametrize(
    "text",
    [
        "每年拿出2000万元专项资金",  # a count, not a year
        "共征集了2000多幅作品",
        "2024年度",  # a time expression, not an event name … but still a year mentioned
    ],
)
def test_counts_are_not_event_years(text: str) -> None:
    flat = flatten(text)
    assert all(e.clue != "event-named-by-year" for e in year_evidence(flat, find_mentions(flat)))


def test_year_written_with_an_announced_date_is_an_upper_bound() -> None:
    flat = flatten("2025年1月2日至3日，大会将在聊城召开。")
    evidence = year_evidence(flat, find_mentions(flat))
    assert [(e.bound, e.year) for e in evidence] == [(Bound.AT_MOST, 2025)]


# --- inference from the text, one layout or phrase per test --------------------------------------


def inferred(text: str) -> dt.date | None:
    day, source = date_page("page.txt", text)
    assert source is (DateSource.INFERRED if day else DateSource.UNKNOWN)
    return day


def test_traditional_script_export() -> None:
    text = "本報訊（記者 林晨）12月27日下午，發布會舉行。2025年1月2日，大會將於聊城召開。今年是中華人民共和國成立75週年。"
    assert inferred(text) == D(2024, 12, 28)


def test_year_in_chinese_numerals() -> None:
    assert inferred("6月20日，会议召开。二〇二三年全市重点项目现场观摩举行") == D(2023, 6, 21)


def test_issue_is_the_day_after_the_latest_event() -> None:
    text = "本报讯 6月19日，协会成立。\n\n本报讯 6月20日上午，开机仪式举行。\n\n向新中国成立75周年献礼。"
    assert inferred(text) == D(2024, 6, 21)


def test_export_spaces_inside_dates() -> None:
    text = "本报讯（记者 张琪）8 月 2 日 14\n时，消防救援支队集结。今年是新中国成立 75 周年。"
    assert inferred(text) == D(2024, 8, 3)


def test_date_broken_over_a_line_end() -> None:
    text = "在 7 月 31 日市防指终止\n防汛防台风四级应急响应后，8 月 1\n日，经综合会商研判，启动响应。\n\n2023 年全市高质量发展重点项目现场观摩举行"
    assert inferred(text) == D(2023, 8, 2)


def test_date_split_by_a_column_break() -> None:
    text = "防汛防台风四级应急响应终止后，8 月 1\n\n日，经综合会商研判，启动响应。\n\n2023 年全市高质量发展重点项目现场观摩举行"
    assert inferred(text) == D(2023, 8, 2)


def test_double_spaced_export() -> None:
    # one blank line after every printed line; numbers and phrases break anywhere
    lines = [
        "本报讯（记者 林晨）1", "2月27日，市政府新闻办", "公室召开新闻发布会。", "大会筹备工作正有力有",
        "序推进。截至目前，各", "项工作基本就绪。今年", "是中华人民共和国成立7", "5周年，是孔繁森同志",
        "殉职30周年。",
    ]
    assert inferred("\n\n".join(lines)) == D(2024, 12, 28)


def test_headline_ending_in_a_number_above_a_dated_paragraph() -> None:
    text = "全市新增高新技术企业651\n\n3月5日，发布会召开。\n\n刚刚过去的2024年，全市…"
    assert inferred(text) == D(2025, 3, 6)


def test_part_of_day_after_the_date() -> None:
    text = "本报讯(记者 林晨) 12月27日下午,市政府新闻办公室举行发布会。今年是中华人民共和国成立75周年。"
    assert inferred(text) == D(2024, 12, 28)


def test_day_written_with_hao() -> None:
    assert inferred("6月20号，活动举行。今年（2024年）") == D(2024, 6, 21)


def test_fullwidth_digits() -> None:
    assert inferred("６月２０日，活动举行。今年（2024年）") == D(2024, 6, 21)


def test_day_range_takes_its_end() -> None:
    text = "8 月 4 日至 6 日，为期两天半的\n2023 年全市高质量发展重点项目现场观摩举行"
    assert inferred(text) == D(2023, 8, 7)


def test_range_across_months() -> None:
    assert inferred("7月30日至8月2日，2023水城夏令营活动举行。") == D(2023, 8, 3)


def test_announced_event_is_ignored_here_and_in_its_headline() -> None:
    # seed 001's layout: the headline repeats the date without saying 将.
    text = (
        "山东省工商联十四届四次执委会议将在聊城召开\n\n时间为2025年1月2日至3日\n\n"
        "本报讯(记者 林晨) 2025年1月2日至3日,大会将在聊城召开。12月27日,市政府新闻办公室召开新闻发布会。\n\n"
        "今年是中华人民共和国成立75周年。"
    )
    assert inferred(text) == D(2024, 12, 28)


def test_announced_date_repeated_without_year_or_marker() -> None:
    text = (
        "执委会议1月2日至3日举行\n\n"
        "本报讯 2025年1月2日至3日,大会将在聊城召开。12月27日,新闻发布会召开。\n\n"
        "今年是中华人民共和国成立75周年。"
    )
    assert inferred(text) == D(2024, 12, 28)


@pytest.mark.parametrize(
    "announcement",
    [
        "大会计划于8月10日在聊城举行。",  # 计划于 before the date
        "8月10日，大会将举行。",  # 将举行 after it
        "项目预计8月10日完工。",  # 预计
        "活动持续至8月10日。",  # a lone 至: a deadline
        "8月10日前完成整改。",  # …日前: a deadline
        "明年8月10日，新馆开放。",  # 明年
    ],
)
def test_planned_dates_are_ignored(announcement: str) -> None:
    text = f"本报讯 8月5日，会议召开。{announcement}今年（2024年）"
    assert inferred(text) == D(2024, 8, 6)


@pytest.mark.parametrize(
    "report",
    [
        "6月20日，市政府出台三年行动计划。",  # 计划 as a noun
        "6月20日，项目开工，预计年销售收入2.8亿元。",  # 预计 about something else
        "6月20日，工作人员将产品放入检测液中。",  # 将 as 把
    ],
)
def test_reported_events_with_plan_words_still_count(report: str) -> None:
    assert inferred(f"6月19日，会议召开。{report}今年（2024年）") == D(2024, 6, 21)


def test_as_of_date_counts() -> None:
    assert inferred("截至8月5日，全市完成投资。今年（2024年）") == D(2024, 8, 6)


def test_going_to_is_not_a_deadline() -> None:
    assert inferred("8月5日，队员前往涿州。今年（2024年）") == D(2024, 8, 6)


def test_last_years_date_is_not_this_issues_event() -> None:
    assert inferred("3月5日，会议召开。去年12月27日，项目开工。今年（2025年）") == D(2025, 3, 6)


def test_dates_of_another_year_are_not_events() -> None:
    text = "6月20日，会议召开。条例于2020年12月1日起施行。今年是新中国成立75周年。"
    assert inferred(text) == D(2024, 6, 21)


def test_news_across_new_year() -> None:
    text = "12月30日，会议召开。\n\n12月31日，活动举行。\n\n1月2日，2025年全市工作会议召开。"
    assert inferred(text) == D(2025, 1, 3)


def test_an_old_diary_date_does_not_win() -> None:
    # seed 001's layout: December news and a travel diary dated 10月25日晚
    text = "12月26日，记者获悉。12月27日，展览开幕。\n\n10月25日晚,一夜难眠!\n\n今年是中华人民共和国成立75周年"
    assert inferred(text) == D(2024, 12, 28)


def test_letter_spaced_year_digits() -> None:
    assert inferred("3月5日，活动举行。 2 0 2 4\n年以来，聊城市…") == D(2025, 3, 6)


def test_past_years_bound_the_year_from_below_but_do_not_name_it() -> None:
    # seed 000's sentences: the page is of 2024, not of the latest year it mentions
    text = "6月19日，主任说。2023年底与泉泰纸业合作。该项目在2018年被迫停机。"
    report = date_report("page.txt", text)
    assert (report.date, report.refused) == (None, "no clue says which year (only ≥2023, ≥2018)")
    assert inferred(text + "今年是新中国成立75周年。") == D(2024, 6, 20)


def test_plan_target_puts_the_paper_before_that_year() -> None:
    text = "6月20日，吹风会召开，分阶段提出到2025年、2027年的发展目标。"
    assert inferred(text) is None  # before 2025, but which year?
    assert inferred(text + "2024年以来，全市……") == D(2024, 6, 21)  # ≥2024 and <2025


def test_event_named_by_an_old_year_is_outvoted() -> None:
    # seed 004's layout: a story about the 2023 Hannover fair in a 2025 page
    text = "3月12日，推介会召开。2023年汉诺威工业展上，德国一家钢厂找到聊城企业。刚刚过去的2024年，…"
    assert inferred(text) == D(2025, 3, 13)


def test_this_year_is_the_final_year_of_the_plan() -> None:
    assert inferred("本报讯 7月24日上午，发布会召开。今年是“十四五”规划收官之年。") == D(2025, 7, 25)


def test_leap_day_in_a_common_year() -> None:
    assert inferred("2月29日，活动举行。2023水城马拉松赛举行") == D(2023, 3, 1)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "聊城市基层卫生协会成立。",  # no date at all
        "6月20日，开机仪式举行。",  # a day but no year clue
        "今年是新中国成立75周年。",  # a year but no day
        "大会将于8月10日召开。今年（2024年）",  # only an announced date
    ],
)
def test_no_date(text: str) -> None:
    assert date_page("page.txt", text) == (None, DateSource.UNKNOWN)


def test_huge_single_line_is_dated_quickly() -> None:
    import time

    text = ("6月20日，会议召开，" + "聊城" * 50 + "。") * 25_000 + "今年（2024年）"
    start = time.perf_counter()
    assert inferred(text) == D(2024, 6, 21)
    assert time.perf_counter() - start < 5


# --- the seed pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000_83967fa1bd91df59.txt", D(2024, 6, 21)),  # 6月20日 news; 新中国成立 75 周年 → 2024
        ("001_5d684e7cc0ae9713.txt", D(2024, 12, 28)),  # 12月27日 news; 1月2日 announced; 成立75周年
        ("002_c539cd11dd96f731.txt", D(2025, 7, 25)),  # 7月24日; “十四五”规划收官之年 → 2025
        ("003_1d8b0c37187465ce.txt", D(2023, 8, 7)),  # 8月4日至6日 观摩, 8月6日 photo; 2023水城…
        ("004_44ab08e54eea3468.txt", D(2025, 3, 17)),  # 3月16日 健步走; 刚刚过去的2024年
    ],
)
def test_seed_dates_are_inferred_from_the_text(seed: str, expected: dt.date) -> None:
    text = (seeds_dir() / seed).read_text(encoding="utf-8")
    assert date_page(f"seeds/{seed}", text) == (expected, DateSource.INFERRED)


# --- properties ---------------------------------------------------------------------------------------

_DATE_TOKENS = st.sampled_from(
    ["6月20日", "12月31日", "1月2日", "2月29日", "13月40日", "0月0日", "2024年", "2025", "今年", "去年", "明年",
     "至", "—", "将在", "预计", "前", "截至", "周年", "新中国成立", "75", "七十五", "一百", "十四五", "收官之年",
     "到", "以来", "远景目标", "会", "\n\n", "\n", " ", "。", "，", "１２", "号", "日", "月", "年"]
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.lists(_DATE_TOKENS, max_size=60).map("".join))
def test_date_page_never_raises(source: str, text: str) -> None:
    day, how = date_page(source, text)
    assert (day is None) == (how is DateSource.UNKNOWN)
    if day is not None:
        assert 1900 <= day.year <= 2100


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_date_page_never_raises_on_any_text(text: str) -> None:
    date_page("page.txt", text)


def test_a_year_out_of_range_gives_no_date() -> None:
    """Found by hypothesis: full-width digits made a 7512年 mention and a 7512-02-29 issue date."""
    from liaocheng_tui.archive.dating import date_page as _date_page

    assert _date_page("", "75１２年6月20日") == (None, DateSource.UNKNOWN)


# --- a wrong date is worse than none ------------------------------------------------------------------


def test_relative_words_are_anchored_on_the_explicit_year_beside_them() -> None:
    # 2016年冬天 is last winter for a page that says 今冬: the page is of 2017, and the
    # 11月22日 of 2016 is no event of the page's year
    text = "2016年冬天，首场雪出现在11月22日，今冬首场雪比去年晚了十天，12月2日才飘落。"
    report = date_report("page.txt", text)
    assert report.date == D(2017, 12, 3), report.evidence
    only_last_year = "2016年冬天，首场雪出现在11月22日。今冬的首场雪比去年来得晚。"
    assert date_report("page.txt", only_last_year).date is None  # no event of 2017 is dated


def test_a_column_of_briefs_spanning_months_is_dated_after_the_latest() -> None:
    text = "今年（2024年）以来，全市稳步推进。1月8日，冬季招聘会举行。7月2日，夏粮收购开始。12月3日，冬季供暖启动。"
    assert date_page("page.txt", text) == (D(2024, 12, 4), DateSource.INFERRED)
    over_new_year = "12月30日，跨年晚会彩排。1月2日，新年首场招聘会举行。今年（2025年）是“十四五”规划收官之年。"
    assert date_page("page.txt", over_new_year) == (D(2025, 1, 3), DateSource.INFERRED)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("今年（2023年）全市推进项目建设。2024年6月20日，项目开工仪式举行。",
         "year clues disagree (best 2023, but year of a date says at least 2024)"),
        ("6月20日，会议召开。", "no year clue in the text"),
        ("会议强调，要压紧压实责任。今年（2024年）全市……", "no reported event date (M月D日) in the text"),
    ],
)
def test_conflicting_or_missing_evidence_leaves_the_page_undated_and_says_why(text: str, refused: str) -> None:
    report = date_report("page.txt", text)
    assert (report.date, report.source, report.refused) == (None, DateSource.UNKNOWN, refused)


def test_loader_warns_why_a_page_is_undated_and_keeps_the_evidence() -> None:
    undated = parse_page("本报讯（记者 林晨）6月20日，会议召开。\n\n会议召开\n", "page.txt")
    assert undated.warnings == ["undated: no year clue in the text"]
    dated = parse_page("本报讯（记者 林晨）6月20日，会议召开。今年（2024年）全市……\n\n会议召开\n", "page.txt")
    assert dated.issue_date == D(2024, 6, 21)
    assert dated.date_evidence == ["latest reported event 6月20日 + 1 day", "year 2024", "this-year-stated =2024"]


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(2000, 2030),
    days=st.lists(st.tuples(st.integers(1, 12), st.integers(1, 28)), min_size=1, max_size=6, unique=True),
)
def test_issue_date_is_after_every_event_of_its_year(year: int, days: list[tuple[int, int]]) -> None:
    """Whatever the dates of a page's briefs (each a reported event of the stated year, not
    straddling New Year), the issue date is after every one of them, in that year."""
    months = {m for m, _ in days}
    if months & {1, 2} and months & {11, 12} and not months & set(range(3, 11)):
        return  # news of late December and early January: the page runs over New Year
    text = f"今年（{year}年）以来，全市稳步推进。" + "".join(f"{m}月{d}日，一项工作完成。" for m, d in days)
    issued = date_page("page.txt", text)[0]
    assert issued is not None and issued.year in (year, year + 1)
    assert all(issued > D(year, m, d) for m, d in days), (issued, days)


def test_an_event_named_by_a_past_year_only_bounds_the_year() -> None:
    # 2023年汉诺威工业展上… tells a story of an earlier fair: it names no year of the page
    text = "6月20日，推介会召开。2023年汉诺威工业展上，德国一家钢厂找到聊城企业。"
    assert date_report("page.txt", text).refused == "no clue says which year (only ≥2023)"
    assert inferred("6月20日，会议召开。2023水城马拉松赛开赛") == D(2023, 6, 21)  # the page's own event


def test_check_prints_the_evidence_for_an_inferred_date_and_why_a_page_is_undated(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("本报讯（记者 林晨）6月20日，会议召开。今年（2024年）全市……\n\n会议召开\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("本报讯（记者 林晨）6月20日，会议召开。\n\n会议召开\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path)], env={"COLUMNS": "400"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "date of a.txt: latest reported event 6月20日 + 1 day; year 2024; this-year-stated =2024" in result.output
    assert "undated: no year clue in the text" in result.output


@pytest.mark.parametrize(
    ("phrase", "year"),
    [
        ("第26个中国记者节当天", 2025),
        ("第三十七个教师节", 2021),
        ("迎接第6个中国农民丰收节", 2023),
        ("第34次全国助残日", 2024),
        ("庆祝香港回归祖国25周年", 2022),
        ("聊城撤地设市25周年", 2022),
        ("纪念五四运动105周年", 2024),
    ],
)
def test_numbered_observances_and_anniversaries_name_their_year(phrase: str, year: int) -> None:
    """Met on real Liaocheng pages: 第37个教师节 (2021), 第26个中国记者节 (2025); the table
    holds each observance's first year and each founding's year."""
    flat = flatten(phrase)
    evidence = year_evidence(flat, find_mentions(flat))
    assert {(e.bound, e.year) for e in evidence} == {(Bound.IS, year)}, phrase


def test_a_page_before_a_numbered_observance_is_dated_in_its_year() -> None:
    """9月9日，在第37个教师节来临之际… : no year written anywhere, the page is of 2021."""
    text = "9月9日，在第37个教师节来临之际，市领导到多所学校走访慰问，向广大教师致以节日问候。"
    assert date_page("p.txt", text) == (D(2021, 9, 10), DateSource.INFERRED)
