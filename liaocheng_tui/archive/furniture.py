"""Page furniture: the folio line at the top of a page and the editor credits at the end.

Some exports keep the page's folio (``聊城日报 2024年06月21日 第A2版：要闻``) and
its credits (``（责任编辑：张三）``).  They are no article text: they are taken
off before parsing, kept on the page (nothing is lost), and the folio tells
the page's paper and date outright.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

PAPERS = ("聊城日报", "大众日报", "聊城晚报", "齐鲁晚报", "鲁西商报")

_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*[年\-./]\s*(?P<m>\d{1,2})\s*[月\-./]\s*(?P<d>\d{1,2})\s*日?")
# A folio line: a paper's name, a page number (第A2版), a weekday, or a full date, and little else.
_FOLIO_MARKS = re.compile(
    rf"({'|'.join(PAPERS)}|第\s*[A-Za-z]?\s*\d{{1,3}}\s*版|星期[一二三四五六日天]|周[一二三四五六日]|{_DATE.pattern})"
)
_FOLIO_MAX_CHARS = 60
# Editor and layout credits printed at the end of a page or article.
_CREDITS = re.compile(r"^[（(]?\s*(责任编辑|责编|编辑|校对|美编|美术编辑|组版|审核|审签|值班编辑)\s*[:：]")


@dataclass
class Furniture:
    lines: list[str] = field(default_factory=list)
    paper: str | None = None
    date: dt.date | None = None


def _is_folio(line: str) -> bool:
    if len(line) > _FOLIO_MAX_CHARS or "。" in line:
        return False
    marks = _FOLIO_MARKS.findall(line)
    if len(marks) >= 2:
        return True
    return bool(_DATE.fullmatch(line.strip())) or bool(re.fullmatch(r"第\s*[A-Za-z]?\s*\d{1,3}\s*版.{0,12}", line.strip()))


def take_furniture(text: str) -> tuple[str, Furniture]:
    """Split folio lines off the top and credit lines off the end; return the rest of the text."""
    lines = text.split("\n")
    furniture = Furniture()
    top = 0
    seen = 0
    while top < len(lines) and seen < 3:
        stripped = lines[top].strip()
        if stripped:
            if not _is_folio(stripped):
                break
            furniture.lines.append(stripped)
            seen += 1
        top += 1
    if not furniture.lines:
        top = 0
    bottom = len(lines)
    tail: list[str] = []
    while bottom > top:
        stripped = lines[bottom - 1].strip()
        if stripped and not _CREDITS.match(stripped):
            break
        if stripped:
            tail.insert(0, stripped)
        bottom -= 1
    furniture.lines += tail
    for line in furniture.lines:
        for paper in PAPERS:
            if paper in line and furniture.paper is None:
                furniture.paper = paper
        m = _DATE.search(line)
        if m and furniture.date is None:
            try:
                furniture.date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                pass  # an impossible date on a folio is no date
    rest = "\n".join(lines[top:bottom])
    return rest, furniture
