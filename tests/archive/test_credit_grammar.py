"""Credits composed from the grammar's own parts read back name by name, in their role, in
every place a page prints a credit — and a page holding one loses and invents nothing.

The parts are the grammar's classes (issue 10): a slash prefix (文/ 图/ 文/图 摄影/ 视频/)
before any role, an outlet with or without a separator before the role, several roles in
one credit, a closing (报道, a place + 报道, 摄), names broken across a line end anywhere.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from liaocheng_tui.archive.byline import parse_people
from liaocheng_tui.archive.leads import match_lead
from liaocheng_tui.archive.end_credits import trailing_credit
from liaocheng_tui.archive.cjk import squeeze
from liaocheng_tui.archive.loader import parse_page

from support.credit_pages import _wrap

_SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢崔钟谭陆范"
# given-name characters, with 文 and 图 (one-character roles and closings when a slash follows)
_GIVEN = "明华晓丽文图志强伟芳敏静军杰涛斌超勇艳娟霞平刚桂英秀兰玉珍凤洁梅琳雪晨宇浩然"
NAME = st.builds(lambda s, g: s + g, st.sampled_from(_SURNAMES), st.text(_GIVEN, min_size=1, max_size=2))

PREFIXES = ["", "文/", "图/", "文/图 ", "摄影/", "视频/"]
OUTLETS = [
    "", "本报", "聊城日报", "大众日报", "大众网·海报新闻", "齐鲁网", "齐鲁网·闪电新闻", "潍坊日报社", "大众日报客户端 ",
    # a county's media centre, and an outlet no table names joined to a known one
    "东阿融媒", "临报融媒", "莘县融媒体中心", "大众报业·农村大众", "大众报业·鲁西周刊",
]
# what a group's names made, glued to the last name by a slash: 邵可/文, 崔文博 穆青禾/图
SUFFIXES = ["", "", "/文", "/图"]
REPORTER_ROLES = ["记者", "全媒体记者", "融媒体记者", "见习记者", "实习记者", "首席记者", "摄影记者", "实习生"]
CORRESPONDENT_ROLES = ["通讯员", "特约通讯员"]
CLOSINGS = ["", " 报道", " 聊城报道", " 摄", "/摄"]
# The longest credit on the surveyed pages is about 40 characters (six names, or two outlets,
# two roles and a closing); composed ones stay within that.
CREDIT_MAX_CHARS = 40


@dataclass
class Composed:
    text: str
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)


@st.composite
def credits(draw) -> Composed:
    """``prefix? outlet? role sep names`` groups, several in one credit, then a closing."""
    names = draw(st.lists(NAME, min_size=6, max_size=6, unique=True))
    out = Composed("")
    pieces = []
    for g in range(draw(st.integers(1, 3))):
        corr = draw(st.booleans()) if g else False
        prefix = draw(st.sampled_from(PREFIXES))
        outlet = "" if corr and draw(st.booleans()) else draw(st.sampled_from(OUTLETS))
        role = draw(st.sampled_from(CORRESPONDENT_ROLES if corr else REPORTER_ROLES))
        sep = draw(st.sampled_from([" ", ":", ""]))
        group = [names.pop() for _ in range(draw(st.integers(1, 2)))]
        # 王丽文 图/记者 once a line break drops the space reads 王丽 文图/记者 as well: ambiguous in print
        assume(not (pieces and pieces[-1][-1] in "文图" and prefix[:1] in "文图" and prefix))
        joiner = draw(st.sampled_from([" ", "、"]))
        suffix = draw(st.sampled_from(SUFFIXES))
        # 王明文/图 reads 王明 文/图 as well (a three-character name ending in 文 or 图): ambiguous in print
        assume(not (suffix and len(group[-1]) > 2 and group[-1][-1] in "文图"))
        pieces.append(f"{prefix}{outlet}{role}{sep}{joiner.join(group)}{suffix}")
        (out.correspondents if corr else out.reporters).extend(group)
    closing = draw(st.sampled_from(CLOSINGS))
    assume(not (closing.startswith("/") and (pieces[-1].endswith(("/文", "/图")) or (len(group[-1]) > 2 and group[-1][-1] in "文图"))))
    out.text = " ".join(pieces) + closing
    assume(len(out.text) <= CREDIT_MAX_CHARS)
    return out


@settings(max_examples=400, deadline=None)
@given(credits())
def test_a_composed_credit_reads_every_name_in_its_role(credit: Composed) -> None:
    people = parse_people(credit.text)
    assert people is not None, credit.text
    assert (people.reporters, people.correspondents) == (credit.reporters, credit.correspondents), credit.text


@settings(max_examples=200, deadline=None)
@given(credits())
def test_a_composed_credit_in_a_lead_or_at_the_end(credit: Composed) -> None:
    lead = match_lead(f"本报讯（{credit.text}）6月3日，会议召开。")
    assert lead is not None, credit.text
    assert (lead.people.reporters, lead.people.correspondents) == (credit.reporters, credit.correspondents), credit.text
    for tail in (f"（{credit.text}）", credit.text):
        text = "会议要求，各地要压紧压实责任。" + tail
        found = trailing_credit(text)
        assert found is not None, text
        assert (found.people.reporters, found.people.correspondents) == (credit.reporters, credit.correspondents), text
        assert found.text_before + found.credit == text, text  # nothing lost or invented


BODY_ONE = "6月3日，城区又有十处口袋公园建成开放，附近居民出门几分钟就能走进绿地。"
MORE = "这些项目利用边角空地改造而成，设置了健身步道、休闲座椅和儿童游乐设施。"
BODY_TWO = "本报讯（记者 钟晓）6月4日，一所乡村夜校在村文化广场开课，六十多名村民参加了第一课。"


def _lossless(text: str, page) -> None:
    got = Counter(squeeze("".join(page.raw_pieces())))
    want = Counter(squeeze(text))
    assert got == want, (text, dict(got - want), dict(want - got))


@settings(max_examples=200, deadline=None)
@given(credits(), st.sampled_from(["top", "lead", "tail-bracket", "tail", "below"]), st.integers(14, 30))
def test_a_composed_credit_on_a_page_credits_its_article(credit: Composed, where: str, width: int) -> None:
    """Two articles printed body first, headline after, wrapped at ``width`` characters (so a
    credit breaks anywhere, inside a name too); the credit sits where ``where`` says.  (A line
    closed by 摄 on its own is a photo credit: not an article's top or end credit line.)"""
    if where in ("top", "below") and credit.text.endswith("摄"):
        return
    first = BODY_ONE
    last = MORE
    above = below = ""
    if where == "top":
        above = "\n".join(_wrap(credit.text, width)) + "\n\n"
    elif where == "lead":
        first = f"本报讯（{credit.text}）{BODY_ONE}"
    elif where == "tail-bracket":
        last = f"{MORE}（{credit.text}）"
    elif where == "tail":
        last = MORE + credit.text
    else:
        below = "\n\n" + "\n".join(_wrap(credit.text, width))
    text = (
        f"{above}" + "\n".join(_wrap(first, width)) + "\n\n" + "\n".join(_wrap(last, width)) + below
        + "\n\n口袋公园建成开放\n\n" + "\n".join(_wrap(BODY_TWO, width)) + "\n\n乡村夜校开课\n"
    )
    page = parse_page(text, "page.txt")
    titles = [a.title for a in page.articles]
    assert titles == ["口袋公园建成开放", "乡村夜校开课"], (where, text, titles)
    one = page.articles[0]
    assert (one.reporters, one.correspondents) == (credit.reporters, credit.correspondents), (where, text)
    assert squeeze(MORE) in squeeze("".join(p.text for p in one.paragraphs)), (where, text)
    _lossless(text, page)
