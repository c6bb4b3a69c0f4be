"""Give each page one issue date, and say how it was obtained.

Exported pages rarely carry their date inside the text: the masthead is not
part of the export.  A date in the file or folder name is taken when there is
one (``DateSource.FILENAME``).  Otherwise the date is *inferred* from what the
page reports (``DateSource.INFERRED``): a paper comes out on or shortly after
the latest event it reports, so the issue date is the latest reported
month/day plus one day, and the year comes from clues the text carries
(explicit years, anniversaries, 今年/去年, the stage of the five-year plan,
plans "到2025年" that lie ahead).

The rules are data: ``FILENAME_PATTERNS`` for names, ``FUTURE_MARKERS`` for
dates that are announced rather than reported, and ``YEAR_CLUES`` for the
year, each with a comment naming the layout or phrase it handles.  The code
below only applies them: find the date mentions, score candidate years
against the clues, pick the latest reported event of the winning year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import PurePath

from liaocheng_tui.archive.model import DateSource

MIN_YEAR, MAX_YEAR = 1900, 2099

# ---------------------------------------------------------------------------
# Dates in file and folder names
# ---------------------------------------------------------------------------

#: Date layouts looked for in the file name, then in each parent folder's name.
FILENAME_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"), "ISO dashes: 2024-06-21"),
    (re.compile(r"(?<!\d)(?P<y>\d{4})_(?P<m>\d{1,2})_(?P<d>\d{1,2})(?!\d)"), "underscores: 2024_06_21"),
    (re.compile(r"(?<!\d)(?P<y>\d{4})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?!\d)"), "dots: 2024.06.21"),
    (re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"), "Chinese: 2024年6月21日"),
    (re.compile(r"(?<!\d)(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?!\d)"), "compact: 20240621, lcrb20240621_03"),
)

#: Date layouts spread over folders, matched on the path joined with "/".
FOLDER_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![^/])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![^/_\-. ])"), "folders 2024/06/21/…"),
    (re.compile(r"(?<![^/])(?P<y>\d{4})/(?P<m>\d{2})(?P<d>\d{2})(?![^/_\-. ])"), "folders 2024/0621/…"),
    (re.compile(r"(?<![^/])(?P<y>\d{4})[-_](?P<m>\d{1,2})/(?P<d>\d{1,2})(?![^/_\-. ])"), "folders 2024-06/21…"),
)

# A content hash in a name ("000_83967fa1bd91df59.txt") may hold a digit run
# that looks like a date; such runs are blanked before matching.
_HASH_RUN = re.compile(r"[0-9a-fA-F]{16,}")


def date_from_path(source: str) -> dt.date | None:
    """The date written in the file name or its folders' names, if any."""
    path = PurePath(source)
    names = [_HASH_RUN.sub("#", part) for part in path.parent.parts]
    stem = _HASH_RUN.sub("#", path.stem)
    for pattern, _layout in FILENAME_PATTERNS:
        found = _first_valid(pattern, stem)
        if found:
            return found
    joined = "/".join([*names, stem])
    for pattern, _layout in FOLDER_PATTERNS:
        found = _first_valid(pattern, joined)
        if found:
            return found
    for name in reversed(names):  # nearest folder first
        for pattern, _layout in FILENAME_PATTERNS:
            found = _first_valid(pattern, name)
            if found:
                return found
    return None


#: A folder name that gives the year only ("2024", "2024-06", "202406",
#: "2024年6月", "lcrb_2024"): not an issue date, but the strongest year clue.
#: (File names are not read this way: "1999.txt" is as likely a page number.)
YEAR_IN_NAME = re.compile(
    r"^(?:[A-Za-z]+[-_ ]?)?(?P<y>(?:19|20)\d\d)"
    r"(?:年(?:(?:0?[1-9]|1[0-2])月)?|[-_.]?(?:0?[1-9]|1[0-2])月?)?$"
)
PATH_YEAR_WEIGHT = 5


def year_from_path(source: str) -> int | None:
    """The year a folder name states on its own, nearest folder first."""
    for name in reversed(PurePath(source).parent.parts):
        match = YEAR_IN_NAME.match(name.strip())
        if match:
            return int(match["y"])
    return None


def _first_valid(pattern: re.Pattern[str], text: str) -> dt.date | None:
    for match in pattern.finditer(text):
        found = _make_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if found:
            return found
    return None


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# Text → one line per paragraph, so patterns see through hard wraps
# ---------------------------------------------------------------------------

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")

# Traditional-script exports (中華人民共和國成立75週年, 將於…舉行) are read with
# the simplified forms of the characters the patterns below use; other
# characters do not matter to dating and are left alone.
_TRADITIONAL_PAIRS = (
    "報报 訊讯 記记 週周 華华 國国 規规 劃划 剛刚 過过 來来 預预 計计 將将 於于 擬拟 屆届 時时 開开 "
    "舉举 辦办 啟启 動动 業业 遠远 願愿 黨党 戰战 勝胜 爭争 確确 號号 會会 賽赛 節节 壇坛 儀仪 禮礼 "
    "項项 萬万 億亿 餘余 個个 臺台 條条 戶户 頭头 畝亩 噸吨 歲岁 組组 輪轮 輛辆 張张 為为 與与 間间 "
    "後后 內内 裡里 進进 觀观 幾几 這这 們们 說说 歷历 紀纪 慶庆"
)
_TRADITIONAL = str.maketrans({pair[0]: pair[1] for pair in _TRADITIONAL_PAIRS.split()})
_TRADITIONAL_HINT = re.compile("[報訊記國會為個這們來時說]")
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
_ANY_SPACE = re.compile(r"\s+")
_SENTENCE_FINAL = frozenset("。！？；!?;…”」』")
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_CN_YEAR = re.compile(r"(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2}(?=年)")
_ONE_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_DOUBLE_SPACED_MIN_LINES = 8


def flatten(text: str) -> str:
    """The text with all whitespace removed (digits ASCII, script simplified),
    one line per run of sentences.

    Exports wrap lines anywhere, letter-space digits ("8 月 2 日",
    "2 0 2 1\\n年"), double-space lines and break paragraphs at column ends,
    and CJK text needs no spaces, so removing whitespace joins dates and
    phrases back together.  A blank line stays a line break only where a
    sentence ends before it, or where joining would run two numbers into one
    (a headline ending "…651" above a paragraph starting "3月5日").
    """
    if _FULLWIDTH_DIGIT.search(text):
        text = text.translate(_FULLWIDTH_DIGITS)
    if _TRADITIONAL_HINT.search(text):
        text = text.translate(_TRADITIONAL)
    text = _CN_YEAR.sub(lambda m: m[0].translate(_CN_DIGITS), text)  # 二〇二四年 → 2024年
    if _is_double_spaced(text):
        text = _ONE_BLANK_LINE.sub("\n", text)
    pieces: list[str] = []
    for block in _BLANK_LINES.split(text):
        block = _ANY_SPACE.sub("", block)
        if not block:
            continue
        if pieces and (pieces[-1][-1] in _SENTENCE_FINAL or (pieces[-1][-1].isdigit() and block[0].isdigit())):
            pieces.append("\n")
        pieces.append(block)
    return "".join(pieces)


def _is_double_spaced(text: str) -> bool:
    """A blank line after every line (a web or PDF export with one <p> per
    printed line): blank lines then say nothing about paragraphs."""
    filled = [bool(line.strip()) for line in text.split("\n")]
    lines = sum(filled)
    adjacent = sum(1 for a, b in zip(filled, filled[1:]) if a and b)
    return lines >= _DOUBLE_SPACED_MIN_LINES and adjacent <= lines * 0.05


# ---------------------------------------------------------------------------
# Month/day mentions
# ---------------------------------------------------------------------------

# Patterns below begin with a digit, so ``re`` can skip ahead to digits instead
# of trying every position: dating runs on every page of an archive.
_DATE_MENTION = re.compile(
    r"(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]"
    # a day range takes its end: 8月4日至6日, 8月3日至4日, 2025年1月2日至3日, 12月30日—1月2日
    r"(?:(?:至|到|—|－|-|~|～)(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号])?"
)
# What may stand just before a month: "今年3月5日", "2025年1月2日", "去年12月27日".
_DATE_LEAD = re.compile(r"(?P<rel>今年|去年|前年|明年)?(?:(?<!\d)(?P<y>\d{4})年)?\Z")
_LEAD_CHARS = 9  # 今年 + 2025年 + the character before, with room to spare

#: Phrases that make a date one that is announced, not reported.  ``before``
#: is matched against the few characters just before the date, ``after``
#: against the rest of its sentence (up to the next date).
FUTURE_MARKERS: dict[str, re.Pattern[str]] = {
    # "将于1月2日召开", "定于…", "预计8月底", "计划于…", "明年1月…"
    "before": re.compile(r"(?:将于|将在|定于|拟于|拟在|计划于|计划在|预计|计划|明年|届时|有望)$"),
    # "2025年1月2日至3日，…大会将在聊城召开", "…将举行", "…即将开幕".  Bare 计划/预计
    # are not enough here: "出台三年行动计划", "预计年销售收入2.8亿元" follow past events.
    "after": re.compile(
        r"将在|将于|将要|即将|届时|拟于|拟在|计划于|计划在|预计于|预计将|"
        r"将(?:举行|举办|召开|开幕|启动|开通|开展|开工|开业|投用|迎来|持续)"
    ),
}
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_AFTER_WINDOW = 60  # characters of a sentence looked at after a date
_BEFORE_WINDOW = 6


@dataclass(frozen=True)
class DateMention:
    """One "M月D日" (or range) in the text and how it reads."""

    start: int
    end: int
    year: int | None  # written with the date: 2025年1月2日
    year_span: tuple[int, int] | None
    month: int
    day: int  # the end of a range
    relative: str | None  # 今年 / 去年 / 前年 / 明年 just before it
    future: bool  # announced ("将在…召开"), a deadline ("至8月31日", "8月31日前")
    key: tuple[int, int]  # month/day of its start, to match repeated mentions

    @property
    def reported(self) -> bool:
        """An event of the paper's own year that has already happened."""
        return not self.future and self.relative not in ("去年", "前年", "明年")


def find_mentions(flat: str) -> list[DateMention]:
    """Every month/day mention of the flattened text, announced ones marked ``future``.

    A date announced anywhere on the page (the body says "将在…召开") is
    announced wherever it appears (the headline "时间为2025年1月2日至3日").
    """
    found: list[tuple[re.Match[str], re.Match[str], int]] = []
    for match in _DATE_MENTION.finditer(flat):
        start = match.start()
        if start and flat[start - 1].isdigit():
            continue  # "5512月": the tail of a longer number
        month, day = int(match["m"]), int(match["d"])
        if not (_make_date(2000, month, day) and _make_date(2000, *_end_of(match))):
            continue
        lead_from = max(0, start - _LEAD_CHARS)
        lead = _DATE_LEAD.search(flat[lead_from:start])
        assert lead is not None  # every group is optional
        found.append((match, lead, lead_from))
    mentions: list[DateMention] = []
    for i, (match, lead, lead_from) in enumerate(found):
        next_start = found[i + 1][0].start() if i + 1 < len(found) else len(flat)
        year_span = (lead_from + lead.start("y"), lead_from + lead.end("y")) if lead["y"] else None
        mentions.append(
            DateMention(
                start=lead_from + lead.start() if lead[0] else match.start(),
                end=match.end(),
                year=int(lead["y"]) if lead["y"] else None,
                year_span=year_span,
                month=_end_of(match)[0],
                day=_end_of(match)[1],
                relative=lead["rel"],
                future=_announced(flat, match, lead["rel"], year_span, next_start),
                key=(int(match["m"]), int(match["d"])),
            )
        )
    announced = {m.key for m in mentions if m.future and m.relative is None}
    return [replace(m, future=True) if m.key in announced else m for m in mentions]


def _end_of(match: re.Match[str]) -> tuple[int, int]:
    """Month and day of a mention's last day (a range's end)."""
    month = int(match["m2"] or match["m"])
    return month, int(match["d2"] or match["d"])


def _announced(
    flat: str, match: re.Match[str], relative: str | None, year_span: tuple[int, int] | None, next_start: int
) -> bool:
    start = year_span[0] if year_span else match.start()
    before = flat[max(0, start - _BEFORE_WINDOW) : start]
    before = _SENTENCE_END.split(before)[-1]
    if relative == "明年" or FUTURE_MARKERS["before"].search(before):
        return True
    # A lone "至8月31日" / "到…" is a deadline, not an event ("截至…" is an as-of date).
    if before.endswith(("至", "到")) and not before.endswith(("截至", "截止到")):
        return True
    after = flat[match.end() : min(next_start, match.end() + _AFTER_WINDOW)]
    after = _SENTENCE_END.split(after, maxsplit=1)[0]
    # "8月底前" is not matched (no day); "8月31日前完成" is a deadline, "…前往" is not.
    if after.startswith("前") and not after.startswith(("前往", "前进", "前来", "前去", "前后")):
        return True
    return bool(FUTURE_MARKERS["after"].search(after))


# ---------------------------------------------------------------------------
# The year: clues and their scoring
# ---------------------------------------------------------------------------


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


@dataclass(frozen=True)
class YearEvidence:
    bound: Bound
    year: int
    weight: int
    clue: str


# A year 1900–2099 not inside a longer number.  The look-behind sits after
# "19"/"20" (it then sees the character before them) so the pattern starts
# with a literal and ``re`` scans quickly to candidate positions.
_Y = r"(?P<y>(?:19|20)(?<!\d\d\d)\d\d)(?!\d)"
_YEAR_NUMBER = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
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


def _year(offset: int = 0) -> Callable[[re.Match[str]], list[int]]:
    return lambda match: [int(match["y"]) + offset]


def _all_years(match: re.Match[str]) -> list[int]:
    return [int(y) for y in _YEAR_NUMBER.findall(match[0])]


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
    ),
    YearClue(
        "any-year",
        re.compile(_Y + "年"),
        ((Bound.AT_LEAST, _year(), 2),),
        "any other year written with 年 (2023年底, 在2018年): the paper is not older",
    ),
)


def year_evidence(flat: str, mentions: list[DateMention]) -> list[YearEvidence]:
    """Everything the flattened text says about its issue year."""
    used: set[int] = set()  # start offsets of year numbers already accounted for
    evidence: list[YearEvidence] = []
    for mention in mentions:  # "2025年1月2日…将…": announced; "2024年6月20日": reported
        if mention.year is not None and mention.year_span is not None:
            used.add(mention.year_span[0])
            bound = Bound.AT_MOST if mention.future else Bound.AT_LEAST
            evidence.append(YearEvidence(bound, mention.year, 2, "year of a date"))
    for clue in YEAR_CLUES:
        for match in clue.pattern.finditer(flat):
            if "y" in match.re.groupindex and match["y"] is not None:
                if match.start("y") in used:
                    continue
                used.add(match.start("y"))
            for bound, years_of, weight in clue.effects:
                for year in years_of(match):
                    if MIN_YEAR <= year <= MAX_YEAR:
                        evidence.append(YearEvidence(bound, year, weight, clue.name))
            for group in ("more", "y2"):
                if group in match.re.groupindex and match[group]:
                    offset = match.start(group)
                    used.update(offset + m.start() for m in _YEAR_NUMBER.finditer(match[group]))
    return evidence


def _score(year: int, evidence: list[YearEvidence]) -> int:
    score = 0
    for item in evidence:
        if item.bound is Bound.IS:
            score += item.weight if year == item.year else 0
        elif item.bound is Bound.AT_LEAST:
            score -= item.weight if year < item.year else 0
        elif item.bound is Bound.AT_MOST:
            score -= item.weight if year > item.year else 0
        else:  # Bound.BEFORE
            score -= item.weight if year >= item.year else 0
    return score


def best_year(evidence: list[YearEvidence]) -> int | None:
    """The year the evidence agrees on best; on a tie the earliest (the fewest
    assumptions: a page mentioning only 2023 is most likely of 2023)."""
    if not evidence:
        return None
    candidates = sorted({e.year + shift for e in evidence for shift in (-1, 0, 1)})
    return max(candidates, key=lambda year: (_score(year, evidence), -year))


# ---------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------


def latest_event(mentions: list[DateMention], year: int) -> tuple[int, int] | None:
    """The month/day of the latest reported event of ``year``.

    Month/days are placed on a circle and the latest is the one before the
    widest gap, so a page of 12月30日 and 1月2日 news takes 1月2日, while a
    December page quoting a 10月25日 diary still takes its December news.
    """
    days = sorted(
        {
            (m.month, m.day)
            for m in mentions
            if m.reported and (m.year is None or m.year == year)
        },
        key=_day_of_year,
    )
    if not days:
        return None
    if len(days) == 1:
        return days[0]
    ordinals = [_day_of_year(md) for md in days]
    gaps = [(ordinals[(i + 1) % len(days)] - ordinals[i]) % 366 for i in range(len(days))]
    widest = max(range(len(days)), key=lambda i: gaps[i])
    return days[widest]


def _day_of_year(month_day: tuple[int, int]) -> int:
    return dt.date(2000, *month_day).timetuple().tm_yday  # 2000: a leap year, so 2月29日 fits


def infer_date(text: str, path_year: int | None = None) -> dt.date | None:
    """The issue date the text implies: the latest reported event + 1 day, in the clued year.

    ``path_year`` is a year the file's folder names (``archive/2024/…``): it
    outweighs the text's own clues.
    """
    flat = flatten(text)
    mentions = find_mentions(flat)
    if not any(m.reported for m in mentions):
        return None
    evidence = year_evidence(flat, mentions)
    if path_year is not None:
        evidence.append(YearEvidence(Bound.IS, path_year, PATH_YEAR_WEIGHT, "year in the path"))
    year = best_year(evidence)
    if year is None:
        return None
    month_day = latest_event(mentions, year)
    if month_day is None:
        return None
    event = _make_date(year, *month_day) or dt.date(year, 2, 28)  # 2月29日 in a common year
    return event + dt.timedelta(days=1)


def date_page(source: str, text: str) -> tuple[dt.date | None, DateSource]:
    """The page's issue date: from its file/folder name, else inferred from its text
    (in the year its folder names, if one does)."""
    from_name = date_from_path(source)
    if from_name is not None:
        return from_name, DateSource.FILENAME
    inferred = infer_date(text, year_from_path(source))
    if inferred is not None:
        return inferred, DateSource.INFERRED
    return None, DateSource.UNKNOWN
