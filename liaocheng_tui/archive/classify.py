"""Paragraph roles: byline, article lead, headline candidate or body.

Each paragraph gets exactly one role; the assembler then only has to decide
which headline candidates are titles and which are section subheads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from liaocheng_tui.archive.byline import Credit, Lead, People, byline_line, match_lead, trailing_credit
from liaocheng_tui.archive.reflow import Para
from liaocheng_tui.archive.shapes import looks_like_headline

PHOTO_CREDIT_END = re.compile(r"(?:[摄攝](?:影)?|供[图圖])\s*$")


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
    if looks_like_headline(para.text, len(para.lines)):
        return Unit(para, Role.HEADLINE)
    return Unit(para, Role.BODY, credit=trailing_credit(para.text))


def classify_all(paras: list[Para]) -> list[Unit]:
    return [classify(p) for p in paras]
