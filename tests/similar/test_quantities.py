"""Dates and numbers written different ways compare equal when they mean the same (and only then)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from liaocheng_tui.similar.quantities import DateKey, dates, numbers

CN_DIGITS = "零一二三四五六七八九"
UNITS = ["名", "家", "个", "项", "亩", "吨", "元", "万元", "人"]


def cn_integer(n: int) -> str:
    """n < 10000 in Chinese numerals (十二, 一千四百, 三千零五)."""
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if zero else "") + ("" if unit == "十" and digit == 1 and not out else CN_DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


def one_number(text: str):
    found = numbers(text)
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


def test_the_issue_examples_compare_equal() -> None:
    assert one_number("381.55亿元").key == one_number("381亿5500万元").key == "38155000000元"
    assert one_number("1400余名").key == one_number("1,400多名").key == "1400名"
    day = dates("3月12日")[0].key
    assert day.same(dates("三月十二日")[0].key)
    assert day.same(dates("12日")[0].key), "a day written alone matches the date with that day"
    assert dates("会议3月10日开幕，12日闭幕")[1].key == DateKey(None, 3, 12), "a lone day takes the month before it"


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(UNITS), st.sampled_from(["", "余", "多"]))
def test_a_count_in_digits_commas_and_chinese_numerals_has_one_key(n: int, unit: str, approx: str) -> None:
    forms = [f"{n}{approx}{unit}", f"{n:,}{approx}{unit}", f"{cn_integer(n)}{approx}{unit}"]
    value = n * 10000 if unit == "万元" else n
    want = f"{value}{'元' if unit == '万元' else unit}"
    for form in forms:
        assert one_number(f"共有{form}参加").key == want, form


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9999))
def test_an_amount_in_yi_with_decimals_equals_yi_and_wan(whole: int, wan: int) -> None:
    decimal = f"{whole}.{wan:04d}".rstrip("0").rstrip(".")
    assert one_number(f"{decimal}亿元").key == one_number(f"{whole}亿{wan}万元").key, decimal


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=0, max_value=9))
def test_a_percentage_in_digits_equals_the_words(whole: int, tenth: int) -> None:
    digits = f"{whole}.{tenth}%" if tenth else f"{whole}%"
    words = "百分之" + cn_integer(whole) + (f"点{CN_DIGITS[tenth]}" if tenth else "")
    assert one_number(digits).key == one_number(words).key, digits


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28),
       st.integers(min_value=2000, max_value=2030))
def test_a_date_written_three_ways_is_one_date(month: int, day: int, year: int) -> None:
    plain = dates(f"{month}月{day}日")[0].key
    words = dates(f"{cn_integer(month)}月{cn_integer(day)}日")[0].key
    full = dates(f"{year}年{month}月{day}日")[0].key
    assert plain == words == DateKey(None, month, day)
    assert full == DateKey(year, month, day) and full.same(plain)
    later = dates(f"{month}月{day}日开幕，{day + 1}日闭幕")[1].key
    assert later == DateKey(None, month, day + 1)
    assert not plain.same(later), f"{month}月{day}日 is not {month}月{day + 1}日"


def test_different_quantities_differ() -> None:
    assert one_number("1400名").key != one_number("1400家").key
    assert one_number("381.55亿元").key != one_number("381.5亿元").key
    assert not dates("3月12日")[0].key.same(dates("4月12日")[0].key)
    assert not dates("2024年3月")[0].key.same(dates("2025年3月")[0].key)


def test_words_with_numerals_are_not_numbers_and_dates_are_not_counted_twice() -> None:
    assert numbers("千万不要一起去百姓家") == []
    assert numbers("2024年3月12日") == [], "a date's figures are the date's"
    assert [n.key for n in numbers("完成率62.5%，新建3台")] == ["62.5%", "3台"]
