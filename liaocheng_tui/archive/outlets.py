"""Every news outlet the parser knows by name, in one table.

Outlets appear in four places on a page: before a role in a credit
(大众网·海报新闻记者 X, 聊城日报全媒体记者 X), at the head of a dateline
(齐鲁网·闪电新闻5月2日讯, 聊城新闻网讯), on a folio line
(聊城日报 2024年06月21日 第A2版) and in the evidence for which paper a page
belongs to.  The byline grammar, the folio reader and the newspaper attribution
all read this table, so an outlet added here is known everywhere.

Names are simplified script; the grammar folds traditional script
(大眾網, 聯合) before matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    PAPER = "paper"
    SITE = "site"  # news site or app
    AGENCY = "agency"
    BROADCASTER = "broadcaster"
    SELF = "self"  # 本报 / 本网: the outlet printing the page


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: Kind
    folio: bool = False  # printed on the folio line of the pages we archive


OUTLETS: tuple[Outlet, ...] = (
    Outlet("本报", Kind.SELF),
    Outlet("本网", Kind.SELF),
    Outlet("聊城日报", Kind.PAPER, folio=True),
    Outlet("大众日报", Kind.PAPER, folio=True),
    Outlet("聊城晚报", Kind.PAPER, folio=True),
    Outlet("齐鲁晚报", Kind.PAPER, folio=True),
    Outlet("鲁西商报", Kind.PAPER, folio=True),
    Outlet("人民日报", Kind.PAPER),
    Outlet("光明日报", Kind.PAPER),
    Outlet("经济日报", Kind.PAPER),
    Outlet("农民日报", Kind.PAPER),
    Outlet("法治日报", Kind.PAPER),
    Outlet("科技日报", Kind.PAPER),
    Outlet("工人日报", Kind.PAPER),
    Outlet("中国青年报", Kind.PAPER),
    Outlet("新华社", Kind.AGENCY),
    Outlet("中国新闻社", Kind.AGENCY),
    Outlet("中新社", Kind.AGENCY),
    Outlet("中新网", Kind.SITE),
    Outlet("大众网", Kind.SITE),
    Outlet("海报新闻", Kind.SITE),
    Outlet("大众报业", Kind.SITE),
    Outlet("大众日报客户端", Kind.SITE),
    Outlet("农村大众", Kind.PAPER),
    Outlet("齐鲁网", Kind.SITE),
    Outlet("闪电新闻", Kind.SITE),
    Outlet("齐鲁壹点", Kind.SITE),
    Outlet("鲁网", Kind.SITE),
    Outlet("聊城新闻网", Kind.SITE),
    Outlet("聊城市新闻传媒中心", Kind.BROADCASTER),  # 聊城日报 and the city's radio and TV, merged
    Outlet("新华网", Kind.SITE),
    Outlet("人民网", Kind.SITE),
    Outlet("央视网", Kind.SITE),
    Outlet("央广网", Kind.SITE),
    Outlet("山东广播电视台", Kind.BROADCASTER),
    Outlet("聊城广播电视台", Kind.BROADCASTER),
    Outlet("聊城市广播电视台", Kind.BROADCASTER),
    Outlet("中央广播电视总台", Kind.BROADCASTER),
)

#: Papers printed on the folio lines of archived pages (聊城日报 2024年06月21日 第A2版).
FOLIO_PAPERS: tuple[str, ...] = tuple(o.name for o in OUTLETS if o.folio)
#: Outlets other than the printing paper itself.
NAMED_OUTLETS: tuple[str, ...] = tuple(o.name for o in OUTLETS if o.kind is not Kind.SELF)

# A character of another outlet's name, where no known outlet starts: a name run into a
# known paper (王丽聊城日报记者) is a name and 聊城日报, not one unknown paper.
_OTHER_CHAR = "(?:(?!{})[\\u4e00-\\u9fff])".format("|".join(re.escape(n) for n in sorted(NAMED_OUTLETS, key=len, reverse=True)))
# Any other city's paper: 潍坊日报社, 德州晚报, 鹤壁日报 (two to four characters + a paper word).
GENERIC_PAPER = rf"{_OTHER_CHAR}{{2,4}}?(?:日报|晚报|时报|商报|都市报|早报)(?:社)?"
# Any other news site: 德州新闻网, 潍坊新闻网, 中国台湾网 (two to four characters + 新闻网 or 网).
GENERIC_SITE = rf"{_OTHER_CHAR}{{2,4}}?(?:新闻网|网)"
# Any county's or paper's media centre: 东阿融媒, 临报融媒, 莘县融媒体中心, 某市新闻传媒中心, 高唐县广播电视台;
# a longer district's when its name ends as a district does (经济技术开发区融媒体中心, 江北水城旅游度假区融媒).
MEDIA_WORDS = r"(?:融媒体中心|新闻传媒中心|传媒中心|融媒体|融媒|广播电视台|电视台)"
DISTRICT_NAME_MAX_CHARS = 10  # 江北水城旅游度假区, 高新技术产业开发区
GENERIC_MEDIA = (
    rf"{_OTHER_CHAR}{{2,4}}?{MEDIA_WORDS}"
    rf"|{_OTHER_CHAR}{{1,{DISTRICT_NAME_MAX_CHARS - 1}}}?[区县市旗]{MEDIA_WORDS}"
)
# Any news app or brand before a role word: 正观新闻记者, 封面新闻记者, 潮新闻记者 (one to four
# characters + 新闻; only before a role: 市新闻办消息 is no dateline of an outlet).
GENERIC_NEWS = rf"{_OTHER_CHAR}{{1,4}}?新闻(?:客户端)?"
# An edition or channel of a known outlet is that outlet: 人民日报海外版, 人民日报客户端, 聊城日报社,
# 新华社客户端 (a known name + one of these words; any city's paper takes 社 in GENERIC_PAPER); so is
# a desk of one, printed before its reporter's name (齐鲁晚报要闻中心 X: survey row s158).
EDITION_SUFFIX = r"(?:海外版|国际版|客户端|新闻客户端|社)?(?:要闻中心|新闻中心|采访中心|编辑部|新闻部|摄影部)?"
# Joined outlets: 大众网·海报新闻, 齐鲁网·闪电新闻, 大众报业·大众日报客户端.
OUTLET_JOINER = r"[·・•‧∙]"


def outlet_alternation(names: tuple[str, ...] = NAMED_OUTLETS, *, generic: bool = True, spaced: bool = True) -> str:
    """A regex alternation of outlet names (longest first), allowing export spaces inside
    a name when ``spaced``; with ``generic`` also any city paper, news site or media centre
    (潍坊日报社, 德州新闻网, 东阿融媒)."""
    gap = r"[^\S\n]*" if spaced else ""
    parts = [gap.join(re.escape(ch) for ch in name) + EDITION_SUFFIX for name in sorted(names, key=len, reverse=True)]
    if generic:
        parts += [GENERIC_PAPER, GENERIC_SITE, GENERIC_MEDIA]
    return "|".join(parts)


def outlet_chain(*, generic: bool = True) -> str:
    """One outlet, or several joined by ·: 大众网·海报新闻, 大众报业·大众日报客户端; with
    ``generic``, a known outlet joined to one no table names (大众报业·某某周刊)."""
    one = f"(?:{outlet_alternation(generic=generic)})"
    joined = rf"(?:{one}|{_OTHER_CHAR}{{2,6}}?)" if generic else one
    return rf"{one}(?:\s*{OUTLET_JOINER}\s*{joined}|\s*{one})*"
