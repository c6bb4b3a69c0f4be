"""A wrong date is worse than none, as a property: a page composed of reported events of one
year and year clues is dated the day after its latest event or not at all — and never when
a clue contradicts the year, or when the text gives no year.

Clues of the classes the dating rules read: 今年（Y年）, a full date Y年M月D日 of a reported
event, 去年（Y-1年）, a comparison with a past year (与Y-2年相比), the season of last year
anchored on its explicit year (Y-1年冬天 … 今冬).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from liaocheng_tui.archive.dating import infer_report

EVENTS = [
    "{m}月{d}日，城区一处口袋公园建成开放，附近居民出门就能走进绿地。",
    "{m}月{d}日，一所乡村夜校在村文化广场开课，六十多名村民参加。",
    "{m}月{d}日上午，农技人员在示范区指导种植户浇灌返青水。",
    "{m}月{d}日，一项全民健身徒步大会在湖畔举行，两千余名市民参加。",
]
CLUES = [
    lambda y: f"今年（{y}年）以来，类似项目已陆续落地。",
    lambda y: f"与{y - 2}年相比，全市绿地面积增加了两成。",
    lambda y: f"去年（{y - 1}年）全市新增绿地一百公顷。",
    lambda y: f"{y - 1}年冬天，首场雪出现在11月22日，今冬的初雪比去年晚了半个月。",
]


@st.composite
def pages(draw):
    year = draw(st.integers(2005, 2030))
    first = dt.date(year, 1, 1) + dt.timedelta(days=draw(st.integers(0, 300)))
    days = sorted(draw(st.lists(st.integers(0, 60), min_size=1, max_size=4, unique=True)))
    events = [first + dt.timedelta(days=d) for d in days]
    events = [e for e in events if e.year == year]
    lines = [draw(st.sampled_from(EVENTS)).format(m=e.month, d=e.day) for e in events]
    clues = draw(st.lists(st.sampled_from(range(len(CLUES))), max_size=3, unique=True))
    for k in clues:
        lines.insert(draw(st.integers(0, len(lines))), CLUES[k](year))
    return year, max(events), clues, "".join(lines)


@settings(max_examples=300, deadline=None)
@given(pages())
def test_a_page_is_dated_right_or_left_undated(page) -> None:
    year, latest, clues, text = page
    report = infer_report(text)
    want = latest + dt.timedelta(days=1)
    assert report.date in (None, want), (text, report)
    if 0 in clues:  # 今年（Y年） names the year: the page is dated
        assert report.date == want, (text, report)
    if not clues:  # no year in the text at all: no date
        assert report.date is None and report.refused, (text, report)


@settings(max_examples=200, deadline=None)
@given(pages(), st.integers(1, 5), st.booleans())
def test_a_contradicting_year_clue_leaves_the_page_undated(page, off: int, later: bool) -> None:
    """今年（Y年） and 今年（Y±k年） on one page: the evidence conflicts, so no date, and the
    warning says why."""
    year, _latest, _clues, text = page
    other = year + off if later else year - off
    text = f"今年（{year}年）以来，全市新建公园十处。{text}今年（{other}年）计划再建五处。"
    report = infer_report(text)
    assert report.date is None, (text, report)
    assert report.refused and "disagree" in report.refused, (text, report)
