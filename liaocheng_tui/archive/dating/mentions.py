"""Month/day mentions in the text, which of them are announced, and the latest event.

A paper reports events that have happened, so the latest reported month/day
dates the issue; a date the page announces ("将于1月2日召开") or sets as a
deadline ("至8月31日") lies ahead and must not count.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from liaocheng_tui.archive.dating.valid_date import make_date

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
# A clause opened by a year (2016年冬天，… / 2023年底，… / 2023年，…): the dates later in the
# same sentence are of that year (2016年冬天，首场雪出现在11月22日).
_CLAUSE_YEAR = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)年(?:[春夏秋冬][天季]?|底|初|末|年底|年初|上半年|下半年)?[，,]"
)

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
        if not (make_date(2000, month, day) and make_date(2000, *_end_of(match))):
            continue
        lead_from = max(0, start - _LEAD_CHARS)
        lead = _DATE_LEAD.search(flat[lead_from:start])
        assert lead is not None  # every group is optional
        found.append((match, lead, lead_from))
    clause_years = [_clause_year(flat, match.start()) if not lead["y"] else None for match, lead, _ in found]
    mentions: list[DateMention] = []
    for i, (match, lead, lead_from) in enumerate(found):
        next_start = found[i + 1][0].start() if i + 1 < len(found) else len(flat)
        year_span = (lead_from + lead.start("y"), lead_from + lead.end("y")) if lead["y"] else None
        mentions.append(
            DateMention(
                start=lead_from + lead.start() if lead[0] else match.start(),
                end=match.end(),
                year=int(lead["y"]) if lead["y"] else clause_years[i],
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


_CLAUSE_WINDOW = 120  # characters looked back for the year opening a date's sentence


def _clause_year(flat: str, start: int) -> int | None:
    """The year opening the sentence a date stands in (2016年冬天，首场雪出现在11月22日)."""
    window = max(0, start - _CLAUSE_WINDOW)
    sentence_from = max(flat.rfind(c, window, start) for c in "。！？；!?;\n") + 1
    sentence_from = max(sentence_from, window)
    years = list(_CLAUSE_YEAR.finditer(flat, sentence_from, start))
    if not years or any(c in flat[years[-1].end() : start] for c in "，,"):
        return None  # only the clause right after the year phrase is of that year
    return int(years[-1]["y"])


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


# A page runs over New Year (12月30日 and 1月2日 news) when its news falls in these first
# and last months of the year and nowhere between.
NEW_YEAR_EARLY_MONTHS = 2
NEW_YEAR_LATE_MONTHS = 2


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
    if widest == len(days) - 1:
        return days[-1]  # the calendar's latest
    # The widest gap lies inside the year: the page runs over New Year only if what comes
    # after the gap is late-year news (11–12月) and what comes before it is early-year news
    # (1–2月); otherwise a column of briefs spans months, and the latest of them counts.
    this_year, last_year = days[: widest + 1], days[widest + 1 :]
    if all(m <= NEW_YEAR_EARLY_MONTHS for m, _ in this_year) and all(m > 12 - NEW_YEAR_LATE_MONTHS for m, _ in last_year):
        return days[widest]
    return days[-1]


def _day_of_year(month_day: tuple[int, int]) -> int:
    return dt.date(2000, *month_day).timetuple().tm_yday  # 2000: a leap year, so 2月29日 fits
