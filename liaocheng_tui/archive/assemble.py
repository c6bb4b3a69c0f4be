"""Classified paragraphs → articles, photo items and lead-ins.

Pages print headlines either after their article's body (the 聊城日报 and
大众日报 PDF exports) or before it (web-style exports).  The page's
orientation is decided once; then the page is cut at article starts (a
byline paragraph or a dateline lead).  Headline-after: within a cut, the last
run of headline paragraphs is the article's title, earlier runs are section
subheads, and anything after the title is an item of its own (a photo
caption closed by its credit, or a page lead-in).  Headline-first: a headline
run directly above a start opens the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from liaocheng_tui.archive.classify import Role, Unit
from liaocheng_tui.archive.headline import is_column_label
from liaocheng_tui.archive.items import (
    EDITOR_NOTE_RE,
    build_article,
    closes_article,
    give_heading,
    is_start,
    merge_trailing_byline,
    orphans,
    photo,
)
from liaocheng_tui.archive.model import Article, ArticleKind
from liaocheng_tui.archive.orientation import headline_first
from liaocheng_tui.archive.photo_runs import photo_item, photo_runs


@dataclass
class Cut:
    """The units from one article start to the next."""

    start: list[Unit] = field(default_factory=list)
    rest: list[Unit] = field(default_factory=list)
    credits: list[Unit] = field(default_factory=list)  # byline paragraphs that closed a photo


def _cut(units: list[Unit]) -> list[Cut]:
    cuts = [Cut()]
    for unit in units:
        cur = cuts[-1]
        if cur.rest and unit.role is not Role.HEADLINE and cur.rest[-1].role is Role.HEADLINE:
            # headline-after with trailing bylines: body…（记者 X）, headline, next body
            run_start = len(cur.rest)
            while run_start > 0 and cur.rest[run_start - 1].role is Role.HEADLINE:
                run_start -= 1
            if run_start > 0 and closes_article(cur.rest[run_start - 1]) and not is_start(unit):
                cuts.append(Cut())
                cur = cuts[-1]
        if is_start(unit):
            last = cur.start[-1] if cur.start and not cur.rest else None
            joins = (
                last is not None
                and last.people is not None  # a BYLINE unit
                and (last.people.roles_seen > 0 or last.top_credit)  # ■ 田柏林 under a caption is a photo credit
                and (unit.lead is None or not unit.lead.people)
            )
            if joins:
                cur.start.append(unit)
            else:
                cuts.append(Cut(start=[unit]))
        else:
            cur.rest.append(unit)
            if unit.credit is not None and unit.credit.is_photo and (
                not cur.start or any(u.role is Role.HEADLINE for u in cur.rest)
            ):
                cuts.append(Cut())  # a photo caption closed by its credit ends what came before
    # A byline with nothing under it before the next start is the credit of what came before.
    merged: list[Cut] = []
    for cut in cuts:
        if merged and cut.start and not cut.rest and all(u.role is Role.BYLINE for u in cut.start):
            merged[-1].credits.extend(cut.start)
        elif cut.start or cut.rest:
            merged.append(cut)
    return merged


def _last_headline_run(units: list[Unit]) -> tuple[int, int] | None:
    end = None
    for i in range(len(units) - 1, -1, -1):
        if units[i].role is Role.HEADLINE:
            if end is None:
                end = i + 1
        elif end is not None:
            return i + 1, end
    return (0, end) if end is not None else None


def _headline_runs(units: list[Unit]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        if units[i].role is Role.HEADLINE:
            j = i
            while j < len(units) and units[j].role is Role.HEADLINE:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _own_item_follows(cut: Cut, run: tuple[int, int], runs: list[tuple[int, int]]) -> bool:
    """Headline-after: is the text after this headline run an item of its own?  Yes when
    the article already has its lead byline and the text ends in another one (…（记者 X）),
    or when its headline starts with a column label (短评): then this run was the title of
    what came before, not a section subhead."""
    rest = cut.rest
    later = [r for r in runs if r[0] > run[0]]
    end = later[0][0] if later else len(rest)
    segment = rest[run[1] : end]
    if not segment or any(u.role is not Role.BODY for u in segment):
        return False
    if cut.start and closes_article(segment[-1]):
        return True
    return bool(later) and is_column_label(rest[later[0][0]].text)


def _has_own_text(start: list[Unit]) -> bool:
    """Does the article start carry text of its own (本报讯（记者 X）11月4日，…)?  Then a
    headline right under it can be the title of a one-paragraph article."""
    return any(u.role is Role.LEAD and u.lead is not None and u.text[u.lead.end :].strip() for u in start)


def _split_bylined_items(cut: Cut) -> list[Cut]:
    runs = _headline_runs(cut.rest)
    for run in runs:
        if (run[0] > 0 or _has_own_text(cut.start)) and _own_item_follows(cut, run, runs):
            head = Cut(start=cut.start, rest=cut.rest[: run[1]])
            tail = Cut(rest=cut.rest[run[1] :], credits=cut.credits)
            return [head, *_split_bylined_items(tail)]
    return [cut]


def assemble_after(units: list[Unit]) -> tuple[list[Article], list[str]]:
    """Headline-after pages: body first, then its headline."""
    articles: list[Article] = []
    residue: list[str] = []
    cuts = [piece for cut in _cut(units) for piece in _split_bylined_items(cut)]
    for cut in cuts:
        run = _last_headline_run(cut.rest)
        if run is None:
            if cut.start:
                articles.append(build_article(cut.start, cut.rest, [], False))
                if cut.credits:
                    residue.extend(u.text for u in cut.credits)
            else:
                items, unplaced = orphans(cut.rest, cut.credits)
                articles.extend(items)
                residue.extend(unplaced)
            continue
        i, j = run
        body, heading, after = cut.rest[:i], cut.rest[i:j], cut.rest[j:]
        if not cut.start and not body and after:
            # nothing above the headline: it heads what follows (a titled photo, a brief)
            articles.append(build_article(cut.credits, after, heading, True))
            continue
        if cut.start or body:
            articles.append(build_article(cut.start, body, heading, False))
        elif articles and articles[-1].kind is ArticleKind.PHOTO and not articles[-1].title:
            give_heading(articles[-1], heading)  # caption, its credit, then its headline: a titled item
        else:  # a lone headline with nothing above it
            residue.append("\n".join(u.text for u in heading))
        if after or cut.credits:
            items, unplaced = orphans(after, cut.credits)
            articles.extend(items)
            residue.extend(unplaced)
    return articles, residue


# 【编者按】 / 编者按： set between a feature's headline and its byline.
# Section subheads are often decorated or numbered: 【…】, ▶…◀, 一、, （一）, 1.
SUBHEAD_MARK_RE = re.compile(r"^\s*(?:[【▶►◆■]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])")


def _item_under(units: list[Unit], j: int, current: tuple[list[Unit], list[Unit], list[Unit]]) -> bool:
    """Headline-first: is the text under a headline run (from ``j``) an item of its own
    rather than a section of the current article?  Yes when it ends in its own byline,
    or when both are one-paragraph items (a column of briefs)."""
    k = j
    while k < len(units) and units[k].role is Role.BODY:
        k += 1
    segment = units[j:k]
    if not segment:
        return False
    if current[1] and closes_article(segment[-1]):
        return True  # the article has its lead byline; a second byline is another item's
    heading = units[j - 1]
    if SUBHEAD_MARK_RE.match(heading.text):
        return False
    current_paragraphs = len(current[2]) + sum(1 for u in current[1] if u.role is Role.LEAD)
    return current_paragraphs <= 1 and len(segment) <= 2


def _place_photo(unit: Unit, current, articles: list[Article], flush) -> None:
    """Headline-first: a photo credit closes a photo item.  Under a headline with no byline
    it is a titled photo (the caption is that item's text) unless that text already ended in
    its own credit; after an article's text, the caption is the paragraph carrying the
    credit, or the one right above a credit line."""
    heading, start, body = current
    has_text = bool(body) or any(u.role is Role.LEAD for u in start)
    if heading and not start and not (body and closes_article(body[-1])):
        body.append(unit)  # (an article already signed at its end (…（记者 X）) is no caption)
        flush()
        return
    caption = [unit]
    if unit.credit is not None and not unit.credit.text_before and body and not has_lead_only(start, body):
        caption.insert(0, body.pop())
    if has_text or start or heading:
        flush()
    articles.append(photo(caption, None))


def has_lead_only(start: list[Unit], body: list[Unit]) -> bool:
    """Nothing would be left of the article if its last paragraph went to a photo."""
    return not any(u.role is Role.LEAD for u in start) and len(body) == 1 and bool(start)


def assemble_before(units: list[Unit]) -> tuple[list[Article], list[str]]:
    """Headline-first pages: a headline run directly above a start opens an article."""
    articles: list[Article] = []
    residue: list[str] = []
    i = 0
    current: tuple[list[Unit], list[Unit], list[Unit]] | None = None  # heading, start, body

    def flush() -> None:
        nonlocal current
        if current is not None:
            heading, start, body = current
            article = build_article(start, body, heading, True)
            if not heading and not start and body and body[-1].credit is not None and article.reporters:
                article.kind = ArticleKind.PHOTO  # untitled text closed by its credit: a caption
            articles.append(article)
        current = None

    while i < len(units):
        unit = units[i]
        if unit.role is Role.HEADLINE:
            j = i
            while j < len(units) and units[j].role is Role.HEADLINE:
                j += 1
            opens = (
                current is None
                or (j < len(units) and is_start(units[j]))
                or bool(current[2] and closes_article(current[2][-1]))
                or _item_under(units, j, current)
            )
            if opens or current is None:
                flush()
                current = (units[i:j], [], [])
            else:
                current[2].extend(units[i:j])
            i = j
            continue
        if is_start(unit):
            if current is not None and not current[1] and (
                not current[2] or all(EDITOR_NOTE_RE.match(u.text) for u in current[2])
            ):
                current[1].append(unit)  # the byline under the headline (and under an editor's note)
            elif current is not None and current[1] and not current[2] and current[1][-1].role is Role.BYLINE:
                current[1].append(unit)
            else:
                flush()
                current = ([], [unit], [])
        else:
            if current is None:
                current = ([], [], [])
            if unit.credit is not None and unit.credit.is_photo:
                _place_photo(unit, current, articles, flush)
                current = None
            else:
                current[2].append(unit)
        i += 1
    flush()
    for article in articles:
        if not article.title and not article.reporters and article.kind is ArticleKind.ARTICLE:
            article.kind = ArticleKind.LEAD_IN
    return articles, residue


def assemble(units: list[Unit]) -> tuple[list[Article], list[str]]:
    """The page's items: runs of photo items (``photo_runs``) are read as such, the text
    around them by the page's orientation."""
    first = headline_first(units)
    part = assemble_before if first else assemble_after
    articles: list[Article] = []
    residue: list[str] = []
    pos = 0
    for run in photo_runs(units, first):
        if pos < run.start:
            items, left = part(units[pos : run.start])
            articles += items
            residue += left
        articles += [photo_item(group) for group in run.groups]
        pos = run.end
    if pos < len(units):
        items, left = part(units[pos:])
        articles += items
        residue += left
    merge_trailing_byline(articles)
    return articles, residue
