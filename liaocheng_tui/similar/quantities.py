"""Dates and numbers as a reporter writes them, normalised so that two ways of writing one compare equal.

A rewrite rarely keeps a figure's spelling: ``381.55亿元`` becomes ``381亿5500万元``,
``1400余名`` becomes ``1,400多名``, ``3月12日`` becomes ``三月十二日`` or just ``12日``.
What survives is the quantity and its unit, so each mention is reduced to a key:

* a number: its value with magnitude words applied (万, 亿, 千, 百; Chinese numerals;
  thousands commas; full-width digits) and its unit (``元``, ``名``, ``%``, …), approximation
  words (余 多 近 约 超 逾 …) dropped: ``1400余名`` and ``1,400多名`` are both ``1400名``;
* a date: the (year, month, day) it names, any part missing; a day written alone (``12日``)
  takes the month of the date written before it in the same text, when there is one.

Two dates are the same when every part both name agrees and they share the day (or,
with no day on either, the month and the year).  ``mentions(text)`` finds them all, with
their (start, end) offsets into ``text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from liaocheng_tui.archive.folding import fold

Span = tuple[int, int]

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_MAGNITUDES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
_CN_NUMERAL = "零〇○一二两三四五六七八九十百千"

#: Units a count or an amount is written with, longest first (the unit is part of the key: 12个 ≠ 12家).
UNITS = tuple(sorted({
    "元", "美元", "欧元", "人民币", "名", "人", "人次", "位", "个", "家", "户", "项", "件", "台", "套", "辆", "艘",
    "架", "所", "座", "处", "栋", "间", "张", "本", "册", "篇", "场", "次", "届", "批", "支", "条", "只", "头", "株",
    "棵", "亩", "公顷", "平方米", "平方公里", "立方米", "公里", "千米", "米", "厘米", "吨", "公斤", "千克", "斤",
    "克", "升", "毫升", "千瓦", "千瓦时", "度", "兆瓦", "万千瓦", "岁", "周岁", "年", "个月", "月", "天", "日",
    "小时", "分钟", "秒", "%", "‰", "倍", "个百分点", "分", "枚", "块", "元/斤", "元/吨", "标箱", "余", "多",
}, key=len, reverse=True))
_UNIT_PATTERN = "|".join(re.escape(u) for u in UNITS if u not in ("余", "多"))
_APPROX_AFTER = "余多来"
_NUM_CHARS = "0-9" + _CN_NUMERAL
_NUMBER_RUN = (rf"(?:[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|[{_CN_NUMERAL}]+(?:点[{_CN_NUMERAL}]+)?)"
               rf"(?:[万亿](?:[0-9]+(?:\.[0-9]+)?|[{_CN_NUMERAL}]+)?)*[万亿]?")
# PDF exports space figures out ("8 月 2 日", "73 名"): a space may stand between the parts
_SP = "[ \u3000]?"
_PERCENT_CN = rf"百分之(?P<pct>[{_CN_NUMERAL}]+(?:点[{_CN_NUMERAL}]+)?|[0-9]+(?:\.[0-9]+)?)"
_NUMBER = re.compile(
    rf"{_PERCENT_CN}|(?P<num>{_NUMBER_RUN}){_SP}(?P<approx>[{_APPROX_AFTER}])?(?P<mag>(?<=[{_APPROX_AFTER}])[万亿])?"
    rf"(?P<unit>{_UNIT_PATTERN})?"
)
_YEAR = rf"(?P<y{{n}}>(?:19|20)[0-9]{{{{2}}}}|[一二][〇○零一二三四五六七八九]{{{{3}}}}){_SP}年{_SP}"
_MONTH = rf"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]){_SP}月(?:份)?"
_DAY = rf"(?P<d{{n}}>3[01]|[12][0-9]|0?[1-9]|三十[一]?|二?十[一二三四五六七八九]?|[一二三四五六七八九]){_SP}[日号]"
_DATE = re.compile(  # the lookahead first: most places in a text fail at once
    rf"(?=[0-9{_CN_NUMERAL}])(?:{_YEAR.format(n=1)})?(?:{_MONTH})(?:{_SP}{_DAY.format(n=1)})?|{_YEAR.format(n=2)}"
    rf"|(?<![0-9{_CN_NUMERAL}月])(?:{_DAY.format(n=2)})"
)

#: a date has one of these characters: texts without any are not searched with the slower pattern
_DATE_HINT = re.compile("[年月日号]")


@dataclass(frozen=True)
class DateKey:
    """The parts of a date a text names (None where it does not say)."""

    year: int | None
    month: int | None
    day: int | None

    def same(self, other: DateKey) -> bool:
        """Do these two mentions name the same day (or, without days, the same month of a year)?"""
        for a, b in ((self.year, other.year), (self.month, other.month), (self.day, other.day)):
            if a is not None and b is not None and a != b:
                return False
        if self.day is not None and other.day is not None:
            return True
        if self.day is None and other.day is None:
            return self.month is not None and other.month is not None and (
                self.year is not None and other.year is not None
            )
        return False

    @property
    def label(self) -> str:
        parts = [f"{self.year}年" if self.year else "", f"{self.month}月" if self.month else "",
                 f"{self.day}日" if self.day else ""]
        return "".join(parts)


@dataclass(frozen=True)
class DateMention:
    key: DateKey
    text: str
    span: Span
    month_inferred: bool = False  # a day written alone, its month taken from the date before it


@dataclass(frozen=True)
class NumberMention:
    """A number as written; ``key`` is ``value`` + ``unit``: equal for 381.55亿元 and 381亿5500万元,
    for 1400余名 and 1,400多名."""

    value: Decimal
    unit: str
    text: str
    span: Span
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", f"{_plain(self.value)}{self.unit}")

    @property
    def significant_digits(self) -> int:
        """Digits that carry information (12000 → 2, 381.55亿 → 5): how telling a shared number is."""
        digits = self.key[: len(self.key) - len(self.unit)].replace(".", "").lstrip("0").rstrip("0")
        return max(1, len(digits))


def _plain(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def chinese_integer(text: str) -> int | None:
    """一千四百 → 1400, 十二 → 12, 二〇二四 → 2024 (digit by digit when no 十百千 is written)."""
    if not text:
        return None
    if all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            total += (current or 1) * _CN_SMALL_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def _simple_number(text: str) -> Decimal | None:
    """One run without 万/亿: 1,400 / 381.55 / 一千四百 / 六十二点五."""
    if not text:
        return None
    if text.isdigit():
        return Decimal(int(text))
    if text[0].isdigit():
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    whole, _, frac = text.partition("点")
    value = chinese_integer(whole) if whole else 0
    if value is None:
        return None
    if frac:
        if not all(ch in _CN_DIGITS for ch in frac):
            return None
        return Decimal(f"{value}.{''.join(str(_CN_DIGITS[ch]) for ch in frac)}")
    return Decimal(value)


def number_value(text: str) -> Decimal | None:
    """The value of a written number with its magnitude words: 381亿5500万 → 38155000000."""
    if text.isdigit():
        return Decimal(int(text))
    text = fold(text)
    total = Decimal(0)
    rest = text
    for word in ("亿", "万"):
        if word in rest:
            head, _, rest = rest.partition(word)
            inner = number_value(head) if head else Decimal(1)
            if inner is None:
                return None
            total += inner * _MAGNITUDES[word]
    if rest:
        tail = _simple_number(rest)
        if tail is None:
            return None
        total += tail
    return total


def _date_part(text: str | None, low: int, high: int) -> int | None:
    if text is None:
        return None
    value = int(text) if text.isdigit() else chinese_integer(text)
    return value if value is not None and low <= value <= high else None


def dates(text: str, folded: str | None = None) -> list[DateMention]:
    """Every date ``text`` writes, in order; a lone day takes the month written before it.
    (``folded``: ``fold(text)`` when the caller has it.)"""
    folded = fold(text) if folded is None else folded
    out: list[DateMention] = []
    if not _DATE_HINT.search(folded):
        return out
    last_month: tuple[int | None, int] | None = None
    for m in _DATE.finditer(folded):
        year = _date_part(m.group("y1") or m.group("y2"), 1900, 2100)
        month = _date_part(m.group("m"), 1, 12)
        day = _date_part(m.group("d1") or m.group("d2"), 1, 31)
        if year is None and month is None and day is None:
            continue
        inferred = False
        if month is None and day is not None and last_month is not None:
            (year, month), inferred = (year or last_month[0], last_month[1]), True
        if month is not None:
            last_month = (year, month)
        out.append(DateMention(DateKey(year, month, day), text[m.start():m.end()], (m.start(), m.end()), inferred))
    return out


def numbers(text: str, folded: str | None = None, found_dates: list[DateMention] | None = None,
            ) -> list[NumberMention]:
    """Every number ``text`` writes that is not part of a date, with its unit ("" when none).
    (``folded``, ``found_dates``: ``fold(text)`` and ``dates(text)`` when the caller has them.)"""
    folded = fold(text) if folded is None else folded
    taken = [d.span for d in (dates(text, folded) if found_dates is None else found_dates)]
    out: list[NumberMention] = []
    for m in _NUMBER.finditer(folded):
        start, end = m.span()
        if taken and any(s < end and start < e for s, e in taken):
            continue
        if m.group("pct") is not None:
            value, unit = _simple_number(m.group("pct")), "%"
        else:
            raw = m.group("num")
            if not (m.group("approx") or m.group("unit")):
                end = m.end("num")  # a space after a bare number is not the number's
            if not raw[0].isdigit() and not m.group("unit"):
                continue  # Chinese numerals without a unit are words (一起, 十分, 千万), not figures
            value, unit = number_value(raw + (m.group("mag") or "")), m.group("unit") or ""
        if value is None:
            continue
        out.append(NumberMention(value, unit, text[start:end], (start, end)))
    return out
