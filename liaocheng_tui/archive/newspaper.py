"""Attribute a page to its newspaper: 聊城日报 or the Liaocheng pages of 大众日报.

Exports do not carry a masthead, but the two papers sign their articles
differently, and every article of a page is signed the same way:

* 聊城日报: the dateline ``本报讯（记者 X）``, features signed ``■ 本报记者 X``,
  photo credits ``■ X``;
* 大众日报: bylines ``□记者 X 通讯员 Y 报道`` or ``□ 本报记者 X``, with a
  place dateline ``本报聊城讯`` / ``本报临清讯`` (or ``本报聊城12月27日讯``).

Each sign is a weighted piece of evidence (``EVIDENCE``); the page goes to
the paper with the most.  A reporter named with *another* outlet
(``大众日报记者 孙亚飞`` on a 聊城日报 page, from a joint reporting team)
says nothing about whose page it is: such credits are taken out of the text
before it is scored (``OTHER_OUTLET``), so they can never flip a page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from liaocheng_tui.archive.folding import simplify
from liaocheng_tui.archive.model import Page
from liaocheng_tui.archive.outlets import outlet_chain

LIAOCHENG_DAILY = "聊城日报"
DAZHONG_DAILY = "大众日报"

_S = r"[^\S\n]*"  # letter spacing inside a word: "本 报 记 者"
# Traditional-script exports (本報訊（記者 X）) sign the same way.
_BAO, _XUN, _JI, _YUAN = "[报報]", "[讯訊]", "[记記]", "[员員]"


@dataclass(frozen=True)
class Evidence:
    """One way a paper signs its articles."""

    pattern: re.Pattern[str]
    paper: str
    weight: int
    byline_only: bool  # only meaningful in a byline field, not in running text
    handles: str


EVIDENCE: tuple[Evidence, ...] = (
    Evidence(
        re.compile(rf"本{_BAO}{_XUN}"),
        LIAOCHENG_DAILY, 3, False,
        "本报讯（记者 X）/ 本报讯 (记者 X) — 聊城日报's dateline",
    ),
    Evidence(
        # not 本报讯, 本报记者, nor the 讯 of 本报通讯员
        re.compile(rf"本{_BAO}(?!{_XUN}|{_JI}|通{_XUN})[\u4e00-\u9fff\d]{{1,10}}?{_XUN}(?!{_YUAN})"),
        DAZHONG_DAILY, 3, False,
        "本报聊城讯 / 本报临清讯 / 本报聊城12月27日讯 — 大众日报's place dateline",
    ),
    Evidence(
        re.compile(rf"■{_S}本{_S}{_BAO}{_S}{_JI}{_S}者"),
        LIAOCHENG_DAILY, 2, False,
        "■ 本报记者 X / ■ 本 报 记 者 X — 聊城日报 feature byline",
    ),
    Evidence(
        re.compile(rf"■{_S}(?!本{_S}{_BAO})[\u4e00-\u9fff]{{2,4}}"),
        LIAOCHENG_DAILY, 1, False,
        "■ 田柏林 after a caption — 聊城日报 photo credit",
    ),
    Evidence(
        re.compile(rf"□{_S}(?:本{_S}{_BAO}{_S})?{_JI}{_S}者"),
        DAZHONG_DAILY, 2, False,
        "□记者 X / □ 本报记者 X — 大众日报 byline",
    ),
    Evidence(
        re.compile(rf"{_JI}{_S}者.*{_BAO}{_S}道\s*$", re.DOTALL),
        DAZHONG_DAILY, 1, True,
        "…记者 X 通讯员 Y 报道 — 大众日报 byline ending",
    ),
)

#: Reporters credited with the name of an outlet: a joint team, not the page's paper.
#: (The outlets are the one table in ``outlets.py``; traditional script is folded first.)
OTHER_OUTLET = re.compile(
    rf"(?:{outlet_chain()})"
    rf"(?:社)?(?:全媒[体體]|融媒[体體]|客户端|[见見]习|[实實]习|[见見]習|[实實]習|首席)?{_S}{_JI}{_S}者"
    rf"[^\S\n]*[\u4e00-\u9fff]*(?:[^\S\n]+[\u4e00-\u9fff]{{2,4}})*"
)


def attribute_newspaper(page: Page) -> str | None:
    """聊城日报, 大众日报, or None when the page gives no (or evenly split) evidence.

    Bylines and datelines decide; the page text is read only when they say
    nothing (a parser that found no bylines, or a page of untitled items).
    """
    fields = [(a.byline, True) for a in page.articles] + [(a.dateline, False) for a in page.articles]
    scores = score_texts((text, is_byline) for text, is_byline in fields if text)
    if not scores:
        scores = score_texts((line, False) for line in _page_lines(page))
    return _winner(scores)


def score_texts(texts: Iterable[tuple[str, bool]]) -> Counter[str]:
    """Evidence points per paper over ``(text, is_byline)`` pieces."""
    scores: Counter[str] = Counter()
    for text, is_byline in texts:
        text = OTHER_OUTLET.sub(" ", simplify(text))
        for evidence in EVIDENCE:
            if evidence.byline_only and not is_byline:
                continue
            hits = len(evidence.pattern.findall(text))
            if hits:
                scores[evidence.paper] += evidence.weight * hits
    return scores


def _page_lines(page: Page) -> Iterable[str]:
    for article in page.articles:
        for piece in article.raw_pieces():
            yield from piece.splitlines()
    for block in page.residue:
        yield from block.splitlines()


def _winner(scores: Counter[str]) -> str | None:
    ranked = scores.most_common()
    if not ranked or ranked[0][1] <= 0:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]
