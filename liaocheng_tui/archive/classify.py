"""Paragraph roles: byline, article lead, headline candidate or body.

Each paragraph gets exactly one role; the assembler then only has to decide
which headline candidates are titles and which are section subheads.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from liaocheng_tui.archive.byline import Credit, Lead, People, byline_line, match_lead, trailing_credit
from liaocheng_tui.archive.cjk import CLAUSE_OPEN, ideograph_count, squeeze
from liaocheng_tui.archive.reflow import Para

# Longest headline we accept (001 has 45-character one-line titles).
MAX_HEADLINE_CHARS = 64
# Headlines are at most this many printed lines.
MAX_HEADLINE_LINES = 3


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


def is_headline_text(para: Para) -> bool:
    """Short, no sentence inside, no clause left open: a headline or subhead."""
    text = squeeze(para.text)
    if not (2 <= len(text) <= MAX_HEADLINE_CHARS) or len(para.lines) > MAX_HEADLINE_LINES:
        return False
    if ideograph_count(text) < 2:
        return False  # "……", "1.", a stray number
    if "。" in text or (text[-1] in ".!?;；,，、：:" + CLAUSE_OPEN and not text.endswith("——")):
        return False
    return not text.endswith(("！", "？")) or len(text) <= 24


def classify(para: Para) -> Unit:
    if para.is_byline:
        people = byline_line(para.text)
        if people is not None:
            return Unit(para, Role.BYLINE, people=people)
    lead = match_lead(para.text)
    if lead is not None and (lead.people or lead.dateline):
        return Unit(para, Role.LEAD, lead=lead)
    if is_headline_text(para):
        return Unit(para, Role.HEADLINE)
    return Unit(para, Role.BODY, credit=trailing_credit(para.text))


def classify_all(paras: list[Para]) -> list[Unit]:
    return [classify(p) for p in paras]
