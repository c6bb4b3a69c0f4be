"""Building articles, photo items and lead-ins out of classified paragraphs.

The assembler decides which paragraphs make one item; this module turns such a
group into an Article: the lead byline and dateline, the body paragraphs and
subheads, a byline printed at the end, the headline split.
"""

from __future__ import annotations

import re

from liaocheng_tui.archive.byline import People, add_names
from liaocheng_tui.archive.end_credits import trailing_credit
from liaocheng_tui.archive.classify import CAPTION_MAX_PARAGRAPHS, Role, Unit
from liaocheng_tui.archive.headline import clean_heading, split_heading
from liaocheng_tui.archive.model import Article, ArticleKind, Paragraph

# 【编者按】 / 编者按： set between a feature's headline and its byline.
EDITOR_NOTE_RE = re.compile(r"^\s*[【\[〔]?\s*编\s*者\s*按\s*[】\]〕]?\s*[:：]?")


def is_start(unit: Unit) -> bool:
    return unit.role in (Role.BYLINE, Role.LEAD)


def closes_article(unit: Unit) -> bool:
    """A paragraph ending in the article's own byline (…（记者 X）), or one an editor credit
    was printed under (…。 / 责任编辑:Y): its headline comes next."""
    if unit.role is not Role.BODY:
        return False
    return (unit.credit is not None and not unit.credit.is_photo) or unit.para.closes_item


def body_paragraph(unit: Unit) -> Paragraph:
    if unit.role is Role.HEADLINE:
        return Paragraph(clean_heading(unit.para.lines), is_subhead=True)
    return Paragraph(unit.text)


def add_people(article: Article, people: People | None) -> None:
    if people:
        add_names(article.reporters, people.reporters)
        add_names(article.correspondents, people.correspondents)
        add_names(article.roleless, [n for n in people.roleless if n not in article.roleless])


def add_byline(article: Article, text: str | None) -> None:
    if text:
        article.byline = f"{article.byline}\n{text}" if article.byline else text


def build_article(start: list[Unit], body: list[Unit], heading: list[Unit], first: bool) -> Article:
    article = Article()
    notes = 0
    while notes < len(body) and EDITOR_NOTE_RE.match(body[notes].text):
        notes += 1  # an editor's note printed above the byline reads before the article
    article.paragraphs += [body_paragraph(u) for u in body[:notes]]
    body = body[notes:]
    for unit in start:
        if unit.role is Role.BYLINE:
            add_byline(article, unit.text)
            add_people(article, unit.people)
        elif unit.lead is not None:  # a LEAD unit
            lead = unit.lead
            article.dateline = lead.dateline
            add_byline(article, lead.byline)
            add_people(article, lead.people)
            own = unit.text[lead.end :].strip()
            if own:
                article.paragraphs.append(Paragraph(own))
    article.paragraphs += [body_paragraph(u) for u in body]
    if body:
        take_trailing_credit(article, body[-1], body[:-1])
    elif article.paragraphs and not notes:  # 本报讯 3月5日，…46家。（记者 高田）: all in the lead paragraph
        take_trailing_credit(article, None)
    if heading:
        split = split_heading([u.para.lines for u in heading], first)
        article.kicker, article.title, article.subtitle = split.kicker, split.title, split.subtitle
    return article


def give_heading(item: Article, heading: list[Unit]) -> None:
    """Headline-after: a headline printed right under an untitled item closed by a photo
    credit is that item's headline."""
    split = split_heading([u.para.lines for u in heading], False)
    item.kicker, item.title, item.subtitle = split.kicker, split.title, split.subtitle
    if len(item.paragraphs) > CAPTION_MAX_PARAGRAPHS:  # longer than a caption: an article with a credited picture
        item.kind = ArticleKind.ARTICLE


def take_trailing_credit(article: Article, last: Unit | None, credit_lines: list[Unit] | None = None) -> None:
    """An article's byline printed at its end: （记者 X 通讯员 Y）, ■ 本报记者 X, 本报记者 X 摄,
    or lines of their own under the body (记者 X / 通讯员 Y)."""
    if not article.paragraphs or (last is not None and last.role is not Role.BODY):
        return
    credit = last.credit if last is not None else trailing_credit(article.paragraphs[-1].text)
    if credit is None:
        return
    credits = [credit]
    if credit.text_before:
        article.paragraphs[-1] = Paragraph(credit.text_before)
    else:
        article.paragraphs.pop()
        for unit in reversed(credit_lines or []):  # the credit lines above the last one
            if not article.paragraphs or unit.credit is None or unit.credit.text_before:
                break
            if article.paragraphs[-1].text != unit.text:
                break
            article.paragraphs.pop()
            credits.insert(0, unit.credit)
    for c in credits:
        add_byline(article, c.credit)
        add_people(article, c.people)


def orphans(units: list[Unit], credits: list[Unit]) -> tuple[list[Article], list[str]]:
    """Text after an article's headline: photo captions (closed by a credit) and lead-ins.
    A credit with nothing left to credit is returned as residue."""
    items: list[Article] = []
    pending: list[Unit] = []
    for unit in units:
        pending.append(unit)
        if unit.credit is not None and unit.credit.is_photo:
            items.append(photo(pending, None))
            pending = []
    if pending and credits:
        items.append(photo(pending, credits))
    elif credits:
        return items, [u.text for u in credits]
    elif pending:
        item = Article(kind=ArticleKind.LEAD_IN, paragraphs=[body_paragraph(u) for u in pending])
        take_trailing_credit(item, pending[-1])
        if item.reporters:
            item.kind = ArticleKind.ARTICLE
        items.append(item)
    return items, []


def photo(units: list[Unit], credits: list[Unit] | None) -> Article:
    item = Article(kind=ArticleKind.PHOTO, paragraphs=[body_paragraph(u) for u in units])
    if credits:
        for unit in credits:
            add_byline(item, unit.text)
            add_people(item, unit.people)
    else:
        take_trailing_credit(item, units[-1], units[:-1])
    return item


def merge_trailing_byline(articles: list[Article]) -> None:
    """``记者：张伟 于新新`` as the page's last line: the byline of the article above it
    (also when it repeats the names the article was already signed with)."""
    if len(articles) < 2:
        return
    last, above = articles[-1], articles[-2]
    if last.paragraphs or last.title or last.kicker or not last.byline:
        return
    repeats = set(last.reporters) <= set(above.reporters) and set(last.correspondents) <= set(above.correspondents)
    if (above.reporters or above.correspondents) and not repeats:
        return  # the article above is signed by others: keep this byline apart
    if above.kind is ArticleKind.LEAD_IN and not above.title:
        above.kind = ArticleKind.PHOTO  # untitled text with a credit printed under it: a caption
    add_byline(above, "\n".join(p for p in (last.dateline, last.byline) if p))
    add_names(above.reporters, last.reporters)
    add_names(above.correspondents, last.correspondents)
    add_names(above.roleless, last.roleless)
    articles.pop()
