"""Paragraph roles: byline, article lead, headline candidate or body.

Each paragraph gets exactly one role; the assembler then only has to decide
which headline candidates are titles and which are section subheads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from liaocheng_tui.archive.byline import People, byline_line, name_line
from liaocheng_tui.archive.leads import Lead, match_lead
from liaocheng_tui.archive.end_credits import Credit, trailing_credit
from liaocheng_tui.archive.headline import is_column_label
from liaocheng_tui.archive.reflow import Para
from liaocheng_tui.archive.shapes import looks_like_headline

_REPORT_END = re.compile(r"[报報]\s*道\s*$")
PHOTO_CREDIT_END = re.compile(r"(?:[摄攝](?:影)?(?:[报報]道)?|供[图圖])\s*$")


class Role(str, Enum):
    BYLINE = "byline"  # a paragraph that is only a byline: ■ 本报记者 X / 本报通讯员 Y
    LEAD = "lead"  # starts with a dateline/byline lead: 本报讯（记者 X）…
    HEADLINE = "headline"  # title, kicker, subtitle or section subhead
    BODY = "body"


@dataclass
class Unit:
    para: Para
    role: Role
    people: People | None = None  # BYLINE: who
    lead: Lead | None = None  # LEAD: the lead and where the text starts
    credit: Credit | None = None  # BODY: a credit printed at its end
    top_credit: bool = False  # BYLINE without a role (■ X, a name line) that opens the text under it

    @property
    def text(self) -> str:
        return self.para.text


def classify(para: Para) -> Unit:
    if para.text[:1] in "（(":
        credit = trailing_credit(para.text)
        if credit is not None and not credit.text_before:  # （记者 张三）alone: the end of an article
            return Unit(para, Role.BODY, credit=credit)
    if para.is_byline:
        people = byline_line(para.text)
        if people is not None and PHOTO_CREDIT_END.search(para.text):
            # 本报记者 吴兆旭 摄 under a caption: the photo's credit, not an article's byline
            return Unit(para, Role.BODY, credit=Credit("", para.text, people, True))
        if people is not None:
            return Unit(para, Role.BYLINE, people=people)
    lead = match_lead(para.text)
    if lead is not None and (lead.people or lead.dateline):
        return Unit(para, Role.LEAD, lead=lead)
    credit = trailing_credit(para.text)
    if credit is not None and credit.is_photo and not credit.text_before and credit.people:
        return Unit(para, Role.BODY, credit=credit)  # 邵可 摄 / 钟晓/摄 on a line of its own: no headline
    if looks_like_headline(para.text, len(para.lines)):
        return Unit(para, Role.HEADLINE)
    return Unit(para, Role.BODY, credit=credit)


def classify_all(paras: list[Para]) -> list[Unit]:
    """Every paragraph's role, then the credits whose role only their neighbours tell."""
    units = [classify(p) for p in paras]
    _credits_by_position(units)
    _dateline_end_credits(units)
    return units


def _dateline_end_credits(units: list[Unit]) -> None:
    """本报讯 …。□记者 X通讯员 Y: an article opened by a dateline with no credit is signed at its
    end; a marked credit closing its last paragraph (right before the next headline, start or
    the page end) is that article's credit, not a photo's — unless it says 摄."""
    for i, unit in enumerate(units):
        if unit.role is not Role.LEAD or unit.lead is None or unit.lead.people or not unit.lead.dateline:
            continue
        k = i + 1
        while k < len(units) and units[k].role is Role.BODY and units[k].credit is None:
            k += 1
        if k >= len(units) or units[k].role is not Role.BODY:
            continue
        credit = units[k].credit
        after = units[k + 1] if k + 1 < len(units) else None
        closes = after is None or after.role in (Role.HEADLINE, Role.LEAD, Role.BYLINE)
        if credit is not None and credit.is_photo and credit.text_before and closes and not PHOTO_CREDIT_END.search(credit.credit):
            credit.is_photo = False


def _credits_by_position(units: list[Unit]) -> None:
    """Credits printed on lines of their own, read by where they stand:

    * a line of names alone (宋明远 / 王忠友 张晓萌) is a credit, not a headline, when body
      text is next to it — above the body it credits what follows, under the body (before
      a headline or at the page end) what came before;
    * a credit line (any role) between body text and a headline, or ending the page, is
      the end credit of the text above it (…大力支持。/ 记者:张三 李四 / 下一篇标题);
    * a credit without a role (■ X, a name line) right under a headline or at the top of
      the page opens the text under it; after body text it stays a photo credit.
    """
    for i, unit in enumerate(units):
        prev = units[i - 1] if i > 0 else None
        nxt = units[i + 1] if i + 1 < len(units) else None
        names_only = False
        if unit.role is Role.HEADLINE and not is_column_label(unit.text):
            people = name_line(" ".join(unit.para.lines))  # 宋明远 韩雪 / 王忠友: names on two lines
            body_next = nxt is not None and nxt.role in (Role.BODY, Role.LEAD)
            body_before = prev is not None and prev.role is Role.BODY
            if people is not None and (body_next or body_before):
                units[i] = unit = Unit(unit.para, Role.BYLINE, people=people)
                names_only = True
        if unit.role is not Role.BYLINE or unit.people is None:
            continue  # (every BYLINE unit has its people)
        # credit lines under the body: the first right under it, the others under credit lines
        # already read as its end credit (策划:X / 记者:Y Z / 通讯员:W)
        # (or under a one-paragraph item opened by a dateline that signs no one: 本报高唐讯 …。 /
        # □通讯员 X / 记者 Y 报道; a lead with its own credit is signed already)
        under_body = prev is not None and (
            (prev.role is Role.BODY and (prev.credit is None or _credit_line(prev)))
            or (prev.role is Role.LEAD and prev.lead is not None and not prev.lead.people)
        )
        end = i + 1
        while end < len(units) and units[end].role is Role.BYLINE and not _MARKED.match(units[end].text):
            end += 1
        closes = end >= len(units) or units[end].role is Role.HEADLINE
        # ■ 田柏林 / 本报记者 X 摄 under a caption: a photo credit (the photo rules place it)
        photo_like = not names_only and (not unit.people.roles_seen or bool(PHOTO_CREDIT_END.search(unit.text)))
        # ■ 本报记者 X under a caption is left to the photo rules (_photo_credit_lines)
        marked_under_caption = end >= len(units) and _MARKED.match(unit.text) is not None and _caption_above(units, i)
        if under_body and closes and not photo_like and not marked_under_caption:
            units[i] = Unit(unit.para, Role.BODY, credit=Credit("", unit.text, unit.people, False))
        elif not unit.people.roles_seen and (
            prev is None or prev.role is Role.HEADLINE or (nxt is not None and nxt.role is Role.LEAD and _REPORT_END.search(unit.text))
        ):
            unit.top_credit = True  # (□何娜 高田 报道 over 本报临清讯 …: 报道 signs an article, not a photo)
    _photo_credit_lines(units)


def _credit_line(unit: Unit) -> bool:
    """A paragraph that is nothing but an end credit (a credit line read as one)."""
    return unit.role is Role.BODY and unit.credit is not None and not unit.credit.text_before and not unit.credit.is_photo


# A caption is at most this many paragraphs between a headline and its credit lines.
CAPTION_MAX_PARAGRAPHS = 2
_MARKED = re.compile(r"^\s*[■□●◆▲◇]")


def _credit_group_end(units: list[Unit], i: int) -> int:
    """The end of the credit lines starting at ``i``: 本报通讯员 Y under ■ 本报记者 X belongs to
    it; a line with a marker of its own (□本报记者 Z) starts another credit."""
    j = i + 1
    while j < len(units) and units[j].role is Role.BYLINE and not _MARKED.match(units[j].text):
        j += 1
    return j


def _ends_an_item(unit: Unit) -> bool:
    """A headline, or a caption already closed by its photo credit."""
    return unit.role is Role.HEADLINE or (unit.credit is not None and unit.credit.is_photo)


def _caption_above(units: list[Unit], i: int) -> bool:
    """A paragraph or two right under a headline, a closed photo item, a credit line or the page top."""
    k = i
    while k > 0 and units[k - 1].role is Role.BODY and units[k - 1].credit is None and i - k < CAPTION_MAX_PARAGRAPHS:
        k -= 1
    return k < i and (k == 0 or _ends_an_item(units[k - 1]) or units[k - 1].role is Role.BYLINE)


def _own_credit_follows(units: list[Unit], j: int) -> bool:
    """The text after the credit lines ends in a credit of its own (…（记者 X）) before the
    next headline: the lines above it cannot be its byline."""
    k = j
    lead = units[k].lead if k < len(units) else None
    if lead is not None and not lead.people:
        k += 1  # 聊城新闻网讯 …: a dateline without a credit opens that text
    while k < len(units) and units[k].role is Role.BODY:
        credit = units[k].credit
        if credit is not None and not credit.is_photo:
            return k + 1 >= len(units) or units[k + 1].role is Role.HEADLINE
        k += 1
    return False


def _caption_follows(units: list[Unit], j: int) -> bool:
    """Another caption comes next: a paragraph or two closed by credit lines (a photo page)."""
    credit = units[j].credit if j < len(units) and units[j].role is Role.BODY else None
    if credit is not None and credit.is_photo:
        return True  # …测量血压。 本报记者 X 摄
    k = j
    while k < len(units) and units[k].role is Role.BODY and units[k].credit is None and k - j < CAPTION_MAX_PARAGRAPHS:
        k += 1
    if k == j or k >= len(units):
        return False
    nxt = units[k]
    return (nxt.role is Role.BYLINE and _MARKED.match(nxt.text) is not None) or (nxt.credit is not None and nxt.credit.is_photo)


def _photo_credit_lines(units: list[Unit]) -> None:
    """``■ 本报记者 X`` / ``本报通讯员 Y`` on lines of their own under a caption: the caption is
    text right under a headline (or at the top of the page) with no credit of its own, and
    after the credit lines comes another article's own credit (本报讯（记者 Z）…) or the page
    ends.  Such lines close the caption as a photo credit instead of opening an article."""
    i = 0
    while i < len(units):
        if units[i].role is not Role.BYLINE or units[i].top_credit:
            i += 1
            continue
        j = _credit_group_end(units, i)
        caption = _caption_above(units, i)
        after = units[j] if j < len(units) else None
        # …阅读绘本。/ □记者 X, then a blank line: printed in the caption's block, apart from what
        # follows (大众日报 prints its byline the other way: a blank line above, the dateline under it)
        glued_above = i > 0 and not units[i].para.blank_before and after is not None and after.para.blank_before
        people = units[i].people
        # ■ 霍然 简宁宁 between a caption and a headline: a name without a role credits the picture
        roleless_before_headline = after is not None and after.role is Role.HEADLINE and people is not None and not people.roles_seen
        # caption / 本报记者 X (/ 本报通讯员 Y) / 本报讯 …: 大众日报's byline over a dateline ends in 报道
        # (□记者 X 报道 / 本报聊城讯); a credit without it under a caption credits the picture
        over_dateline_unsigned = (
            after is not None and after.lead is not None and not after.lead.people
            and not _REPORT_END.search(units[j - 1].text)
        )
        closes = (
            after is None
            or glued_above
            or roleless_before_headline
            or over_dateline_unsigned
            or (after.lead is not None and bool(after.lead.people))
            or (after.role is Role.BYLINE and _MARKED.match(after.text) is not None)
            or _caption_follows(units, j)
            or _own_credit_follows(units, j)
        )
        if caption and closes:
            for n in range(i, j):
                unit = units[n]
                people = unit.people or People()  # (every BYLINE unit has its people)
                units[n] = Unit(unit.para, Role.BODY, credit=Credit("", unit.text, people, n == j - 1))
        i = j
