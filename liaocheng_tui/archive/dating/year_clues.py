"""The phrases that tell the issue year, as a table, and what each one means.

Anniversaries, 今年/去年, the stage of the five-year plan, plans "到2025年"
that lie ahead: each ``YearClue`` names its phrase, what it says about the
year (a ``Bound``) and how strongly.  ``years`` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class Bound(str, Enum):
    """What a clue says about the issue year."""

    IS = "is"  # the issue year is y
    AT_LEAST = "at least"  # a past year was mentioned: issue year ≥ y
    AT_MOST = "at most"  # an announced year: issue year ≤ y
    BEFORE = "before"  # a plan "到2025年": issue year < y


@dataclass(frozen=True)
class YearClue:
    """A phrase that tells something about the issue year.

    ``effects`` are (bound, function of the match → years, weight).  A match
    whose year was already used by an earlier clue in ``YEAR_CLUES`` is
    skipped, so specific phrases win over the generic "any year" clue; the
    years of groups ``more`` and ``y2`` (the rest of a list or range) count as
    used too.
    """

    name: str
    pattern: re.Pattern[str]
    effects: tuple[tuple[Bound, Callable[[re.Match[str]], list[int]], int], ...]
    handles: str
    # Its IS effects count only when a reported date stands in the same sentence (the
    # event named happened on it); otherwise the year may be a past event's, a lower bound.
    names_the_year_only_with_a_date: bool = False


# A year 1900–2099 not inside a longer number.  The look-behind sits after
# "19"/"20" (it then sees the character before them) so the pattern starts
# with a literal and ``re`` scans quickly to candidate positions.
_Y = r"(?P<y>(?:19|20)(?<!\d\d\d)\d\d)(?!\d)"
#: A year number alone, to find every year of a list or range ("2025年、2027年").
YEAR_NUMBER = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
_CN_NUM = r"(?P<n>\d{1,3}|[一二三四五六七八九十百零〇两]+)"


def _cn_number(text: str) -> int | None:
    """75, "七十五", "一百" → int (the numerals anniversaries use)."""
    if text.isdigit():
        return int(text)
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    total, current = 0, 0
    for char in text:
        if char in digits:
            current = digits[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
    return total + current or None


def _since(base: int) -> Callable[[re.Match[str]], list[int]]:
    def year(match: re.Match[str]) -> list[int]:
        n = _cn_number(match["n"])
        return [base + n] if n else []

    return year


def _nth_since(first_years: dict[str, int], *, ordinal: bool) -> Callable[[re.Match[str]], list[int]]:
    """The year of the n-th anniversary (``ordinal=False``: first year + n) or of the n-th
    observance (``ordinal=True``: the first one was held in the first year, so + n − 1)."""

    def year(match: re.Match[str]) -> list[int]:
        n = _cn_number(match["n"])
        return [first_years[match["what"]] + n - (1 if ordinal else 0)] if n else []

    return year


# Foundings whose anniversaries pages celebrate (… 95 周年): the year each one happened.
FOUNDING_YEARS: dict[str, int] = {
    "中国人民解放军建军": 1927, "建军": 1927, "五四运动": 1919, "辛亥革命": 1911, "红军长征胜利": 1936,
    "长征胜利": 1936, "香港回归祖国": 1997, "香港回归": 1997, "澳门回归祖国": 1999, "澳门回归": 1999,
    "人民政协成立": 1949, "中国共产主义青年团成立": 1922, "共青团成立": 1922,
    "中国人民志愿军抗美援朝出国作战": 1950, "抗美援朝出国作战": 1950, "聊城撤地设市": 1997,  # (another city's 撤地设市 is of another year)
}
# Observances counted by their number (第37个教师节, 第26个中国记者节): the year of the first one.
OBSERVANCE_FIRST_YEARS: dict[str, int] = {
    "教师节": 1985, "中国记者节": 2000, "记者节": 2000, "中国农民丰收节": 2018, "农民丰收节": 2018,
    "中国人民警察节": 2021, "人民警察节": 2021, "全民国家安全教育日": 2016, "国家宪法日": 2014,
    "中国航天日": 2016, "烈士纪念日": 2014, "南京大屠杀死难者国家公祭日": 2014, "国家公祭日": 2014,
    "全国生态日": 2023, "中国品牌日": 2017, "全国低碳日": 2013, "中国旅游日": 2011, "全国助残日": 1991,
}


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _year(offset: int = 0) -> Callable[[re.Match[str]], list[int]]:
    return lambda match: [int(match["y"]) + offset]


def _all_years(match: re.Match[str]) -> list[int]:
    return [int(y) for y in YEAR_NUMBER.findall(match[0])]


def _plan_year(match: re.Match[str]) -> list[int]:
    """The year a five-year-plan stage names: 十四五 is 2021–2025 (plans 3+ run 1966 + 5(N−3))."""
    number = _cn_number(match["plan"][:-1])  # "十四五" → "十四" → 14
    if number is None or number < 3:
        return []
    first = 1966 + 5 * (number - 3)
    return [first + 4 if match["stage"] == "收官" else first]


# Words a bare year ("2023水城…", no 年) must not be followed by: it is then a count.
_COUNT_UNITS = "年月%万亿千百余多个名家项元吨米台套次件条座户人位所只头株亩公平斤克度号期届批场天小分秒岁倍组轮辆架艘部本篇首幅张"
# Words after "2023年" that make it a time expression, not the name of an event.
_TIME_WORDS = (
    "底|初|末|度|以来|以前|以后|之前|之后|前|后|内|间|代|起|至|到|上半年|下半年|"
    "上|下|中|的|是|为|和|与|及|全年|里|时|就|已|又|在|被|开始|春|夏|秋|冬"
)
_EVENT_NOUNS = "会|赛|节|展|活动|观摩|论坛|仪式|典礼|项目|方案|行动|工程|计划"

#: Year clues, most specific first.
YEAR_CLUES: tuple[YearClue, ...] = (
    YearClue(
        "prc-anniversary",
        re.compile(r"(?:中华人民共和国|新中国|共和国)成立" + _CN_NUM + "周年"),
        ((Bound.IS, _since(1949), 3),),
        "新中国成立 75 周年 / 中华人民共和国成立七十五周年 → 1949 + 75",
    ),
    YearClue(
        "cpc-anniversary",
        re.compile(r"(?:中国共产党成立|建党)" + _CN_NUM + "周年"),
        ((Bound.IS, _since(1921), 3),),
        "中国共产党成立100周年 / 建党100周年 → 1921 + 100",
    ),
    YearClue(
        "reform-anniversary",
        re.compile(r"改革开放" + _CN_NUM + "周年"),
        ((Bound.IS, _since(1978), 3),),
        "改革开放45周年 → 1978 + 45",
    ),
    YearClue(
        "victory-anniversary",
        re.compile(r"(?:抗日战争|抗战)(?:暨世界反法西斯战争)?胜利" + _CN_NUM + "周年"),
        ((Bound.IS, _since(1945), 3),),
        "抗日战争胜利80周年 → 1945 + 80",
    ),
    YearClue(
        "founding-anniversary",
        re.compile(rf"(?P<what>{_alternatives(FOUNDING_YEARS)})" + _CN_NUM + "周年"),
        ((Bound.IS, _nth_since(FOUNDING_YEARS, ordinal=False), 3),),
        "建军95周年 → 1927 + 95; 香港回归祖国25周年; 聊城撤地设市25周年 → 1997 + 25 (FOUNDING_YEARS)",
    ),
    YearClue(
        "observance-ordinal",
        re.compile(r"第" + _CN_NUM + rf"[个次]“?(?P<what>{_alternatives(OBSERVANCE_FIRST_YEARS)})"),
        ((Bound.IS, _nth_since(OBSERVANCE_FIRST_YEARS, ordinal=True), 3),),
        "第37个教师节 → 1985 + 36 = 2021; 第26个中国记者节 → 2025 (OBSERVANCE_FIRST_YEARS: the first one's year)",
    ),
    YearClue(
        "five-year-plan-stage",
        re.compile(r"(?P<plan>十[一二三四五六七八九]?五)”?(?:规划)?(?:的)?(?P<stage>收官|开局|起步)之年"),
        ((Bound.IS, _plan_year, 3),),
        "今年是“十四五”规划收官之年 → 2025; …开局之年 → 2021",
    ),
    YearClue(
        "just-past-year",
        re.compile(r"(?:刚刚过去的|刚过去的)" + _Y + "年"),
        ((Bound.IS, _year(+1), 3),),
        "刚刚过去的2024年 → the paper is of 2025",
    ),
    YearClue(
        "last-season-stated",
        re.compile(_Y + r"年(?P<s>[春夏秋冬])[天季]?[^\n]{0,80}?今(?:年)?(?P=s)"),
        ((Bound.IS, _year(+1), 3),),
        "2016年冬天，首场雪出现在11月22日，今冬…: the explicit year's season is last year's → 2017",
    ),
    YearClue(
        "this-year-stated",
        re.compile(r"今年(?:是|为)?[（(]?" + _Y + "年"),
        ((Bound.IS, _year(), 3),),
        "今年（2024年） / 今年是2024年",
    ),
    YearClue(
        "last-year-stated",
        re.compile(r"去年[（(]?" + _Y + "年"),
        ((Bound.IS, _year(+1), 3),),
        "去年（2024年） → 2025",
    ),
    YearClue(
        "next-year-stated",
        re.compile(r"明年[（(]?" + _Y + "年"),
        ((Bound.IS, _year(-1), 3),),
        "明年（2025年） → 2024",
    ),
    YearClue(
        "since-year",
        re.compile(_Y + r"年以来"),
        ((Bound.AT_LEAST, _year(), 2), (Bound.IS, _year(+1), 1)),
        "2024年以来 (said of a span reaching into a later year: a weak vote for 2025)",
    ),
    YearClue(
        "plan-target",
        re.compile(r"(?:到|至)" + _Y + r"年(?P<more>(?:[、和及与](?:19|20)\d\d年)*)"),
        ((Bound.BEFORE, _all_years, 1),),
        "分阶段提出到2025年、2027年的发展目标 (every year of the list)",
    ),
    YearClue(
        "announced-year",
        re.compile(r"(?:预计|计划|力争|争取|确保|将于|将在|拟于|有望|明年)(?:在|于|到)?" + _Y + "年"),
        ((Bound.AT_MOST, _year(), 2),),
        "预计2025年底全容量投产 / 力争2026年建成",
    ),
    YearClue(
        "vision-year",
        re.compile(_Y + r"年(?:远景目标|愿景)"),
        ((Bound.BEFORE, _year(), 1),),
        "“十四五”规划和2035年远景目标",
    ),
    YearClue(
        "year-range",
        re.compile(_Y + r"(?:年)?[—－\-~～至到](?P<y2>(?:19|20)\d\d)年"),
        ((Bound.AT_LEAST, _year(), 1),),
        "2024—2026年行动计划 (its end year lies ahead and says nothing)",
    ),
    YearClue(
        "event-named-by-year",
        re.compile(
            _Y + rf"(?:年(?!{_TIME_WORDS})|(?![{_COUNT_UNITS}]))(?=[“《（(\u4e00-\u9fff])"
            rf"[^，。、；！？,;!?\n]{{0,40}}?(?:{_EVENT_NOUNS})"
        ),
        ((Bound.IS, _year(), 2), (Bound.AT_LEAST, _year(), 2)),
        "2023水城优秀学生成才报告会 / 2025中国聊城（北京）…推介会 / 2023年全市…重点项目现场观摩",
        names_the_year_only_with_a_date=True,
    ),
    YearClue(
        "any-year",
        re.compile(_Y + "年"),
        ((Bound.AT_LEAST, _year(), 2),),
        "any other year written with 年 (2023年底, 在2018年): the paper is not older",
    ),
)
