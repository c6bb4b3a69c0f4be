"""Pages of several photo items: captions, each closed by a credit printed alone.

A photo page prints caption, credit, caption, credit … with no headline and no
dateline between: ``…测量血压。`` / ``本报记者 X`` (or ``记者 X``, ``本报通讯员 X``,
``X 摄``, ``■ X``, ``图/X``, ``X/摄``, ``本报记者 X 通讯员 Y``), or a caption ending in
``（记者 X 摄）``.  One such pair alone cannot be told from an article signed at its
end, but two or more in a row can: articles are separated by headlines.  Such a run
is cut out of the page and read as photo items; what stands before and after it is
assembled as usual.  A credit line never takes text from an article: the run ends
where a headline, a dateline or text with no credit under it begins, and the
paragraphs the first caption has beyond the longest later one are left to what
stands above (the end of an article, or a headline-less lead-in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaocheng_tui.archive.byline import People
from liaocheng_tui.archive.classify import Role, Unit
from liaocheng_tui.archive.credit_words import MARKERS
from liaocheng_tui.archive.items import add_byline, add_people
from liaocheng_tui.archive.model import Article, ArticleKind, Paragraph

PHOTO_RUN_MIN_ITEMS = 2  # caption + credit pairs in a row that make a photo page
_MARKED = re.compile(rf"^\s*[{MARKERS}]")
# A caption opening with the picture's date: 2月3日，… / 2024年2月3日… / 二月三日…
CAPTION_DATE_RE = re.compile(r"^\s*(?:[\d０-９]{4}\s*年\s*)?[\d０-９一二三四五六七八九十]{1,3}\s*月\s*[\d０-９一二三四五六七八九十]{1,3}\s*日")


@dataclass
class PhotoGroup:
    """One photo item of a run: its caption paragraphs and the credit units under them."""

    caption: list[Unit]
    credits: list[Unit]


@dataclass
class PhotoRun:
    """Units ``start``–``end`` of the page are ``groups`` of photo items."""

    start: int
    end: int
    groups: list[PhotoGroup]


def _credit_people(unit: Unit) -> People | None:
    """Who a unit printed alone as a credit line names, or None when it is no credit line."""
    if unit.role is Role.BYLINE and unit.people:
        # a role word or a marker: a bare name line is left to the position rules
        return unit.people if (unit.people.roles_seen or _MARKED.match(unit.text)) else None
    if unit.role is Role.BODY and unit.credit is not None and not unit.credit.text_before and unit.credit.people:
        return unit.credit.people
    return None


def _closed_caption(unit: Unit) -> bool:
    """A caption paragraph ending in its photo credit (…测量血压。（记者 X 摄））."""
    return unit.role is Role.BODY and unit.credit is not None and unit.credit.is_photo and bool(unit.credit.text_before)


def _plain(unit: Unit) -> bool:
    return unit.role is Role.BODY and unit.credit is None


Found = tuple[int, PhotoGroup, int]  # a group's first unit, the group, the unit after it


def _groups_from(units: list[Unit], i: int) -> tuple[list[Found], int]:
    """The caption + credit groups in a row from ``i``, and where the last one ends."""
    groups: list[Found] = []
    k = i
    while True:
        j = k
        while j < len(units) and _plain(units[j]):
            j += 1
        if j < len(units) and _closed_caption(units[j]):
            caption, credits, end = units[k : j + 1], [], j + 1
        elif j > k and j < len(units) and _credit_people(units[j]) is not None:
            end = j
            while end < len(units) and _credit_people(units[end]) is not None:
                end += 1
            caption, credits = units[k:j], units[j:end]
        else:
            return groups, k
        groups.append((k, PhotoGroup(caption, credits), end))
        k = end


def photo_runs(units: list[Unit], headline_first: bool) -> list[PhotoRun]:
    """Every run of photo items on the page (see the module docstring)."""
    runs: list[PhotoRun] = []
    i = 0
    while i < len(units):
        if i > 0 and _plain(units[i - 1]):
            i += 1  # a run starts at the top, or after a headline, a start or a credit
            continue
        found, end = _groups_from(units, i)
        run = _trimmed(units, found, end, headline_first)
        if run is None:
            i = max(end, i + 1)
            continue
        runs.append(run)
        i = run.end
    return runs


def _trimmed(units: list[Unit], found: list[Found], end: int, headline_first: bool) -> PhotoRun | None:
    """The groups found, less those that belong to the text around them; None if too few."""
    if len(found) < PHOTO_RUN_MIN_ITEMS:
        return None
    before = units[found[0][0] - 1] if found[0][0] > 0 else None
    after = units[end] if end < len(units) else None
    if headline_first and before is not None and before.role is Role.HEADLINE:
        found = found[1:]  # a headline over the first caption titles that item: left to the assembler
    if not headline_first and after is not None and after.role is Role.HEADLINE:
        found = found[:-1]  # headline-after: the text right above a headline is that headline's
    if len(found) < PHOTO_RUN_MIN_ITEMS:
        return None
    opened_by_credit = before is not None and before.role is Role.BYLINE
    uncredited_after = after is not None and _plain(after)
    if opened_by_credit and uncredited_after:
        return None  # 本报记者 A / text / 本报记者 B / text …: credits printed above their text
    first_start, first, _ = found[0]
    extra = _lines_above_first_caption(first, [g for _, g, _ in found[1:]])
    if extra > 0:  # the lines above the first caption: an article's end or a lead-in
        first = PhotoGroup(first.caption[extra:], first.credits)
        first_start += extra
    groups = [first, *(g for _, g, _ in found[1:])]
    return PhotoRun(first_start, found[-1][2], groups)


def _dated(unit: Unit) -> bool:
    return CAPTION_DATE_RE.match(unit.text) is not None


def _lines_above_first_caption(first: PhotoGroup, later: list[PhotoGroup]) -> int:
    """How many of the first group's paragraphs stand above its caption.  When every later
    caption opens with the picture's date (2月3日，…), the first caption opens with the
    last of its paragraphs that does; else it is no longer than the longest later one."""
    if all(_dated(g.caption[0]) for g in later):
        dated = [n for n, unit in enumerate(first.caption) if _dated(unit)]
        return dated[-1] if dated else 0
    return max(0, len(first.caption) - max(len(g.caption) for g in later))


def photo_item(group: PhotoGroup) -> Article:
    """A photo item: the caption's paragraphs, the credit units' people and text."""
    item = Article(kind=ArticleKind.PHOTO)
    for unit in group.caption:
        if unit.credit is not None and unit.credit.text_before:
            item.paragraphs.append(Paragraph(unit.credit.text_before))
            add_byline(item, unit.credit.credit)
            add_people(item, unit.credit.people)
        else:
            item.paragraphs.append(Paragraph(unit.text))
    for unit in group.credits:
        add_byline(item, unit.text)
        add_people(item, unit.people if unit.role is Role.BYLINE or unit.credit is None else unit.credit.people)
    return item
