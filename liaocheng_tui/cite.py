"""Citations of an article, in two styles, and the article as plain text with its citation.

``plain`` is how a Chinese newsroom cites a paper::

    记者 林晨：《激发原创力量 唱响“两河明珠”》，《聊城日报》2024年6月21日第A2版。

``gbt7714`` is the newspaper entry of GB/T 7714-2015 (at most three names, then 等)::

    林晨. 激发原创力量 唱响“两河明珠”[N]. 聊城日报, 2024-06-21(A2).

A date inferred from the text is marked (``（日期据正文推定）``; in GB/T 7714 by the
square brackets the standard uses for supplied information); an unknown date,
paper or 版 is said to be unknown, never guessed.  Everything is one line of
printable text: page text never carries a control code into a clipboard.
"""

from __future__ import annotations

from liaocheng_tui.archive.edition import LETTER_NUMBER
from liaocheng_tui.archive.model import Article, DateSource
from liaocheng_tui.archive.printable import one_line, printable

STYLES = ("plain", "gbt7714")
ROLE_WORDS = {"reporter": "记者", "correspondent": "通讯员"}
#: GB/T 7714-2015 8.1.2: more than three creators → the first three, then "等".
GBT_MAX_NAMES = 3
INFERRED_PLAIN = "（日期据正文推定）"


def citation(article: Article, style: str = "plain") -> str:
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r} (one of: {', '.join(STYLES)})")
    return _gbt7714(article) if style == "gbt7714" else _plain(article)


def plain_text(article: Article, style: str = "plain") -> str:
    """The whole article as plain text (kicker, title, subtitle, byline, body), then its citation."""
    lines = [printable(x) for x in (article.kicker, article.title, article.subtitle) if x]
    credit = _credit_words(article)
    if credit:
        lines.append(credit)
    if lines:
        lines.append("")
    lines += [printable(p.display) for p in article.paragraphs]
    return "\n".join([*lines, "", citation(article, style)])


def _credit_words(article: Article) -> str:
    """``记者 X Y 通讯员 Z``: each printed role once before its names; names printed without a role last."""
    pieces: list[str] = []
    unprinted: list[str] = []
    for role in ("reporter", "correspondent"):
        names = [c["name"] for c in article.credits if c["role"] == role and c["printed"]]
        if names:
            pieces.append(" ".join([ROLE_WORDS[role], *names]))
        unprinted += [c["name"] for c in article.credits if c["role"] == role and not c["printed"]]
    return one_line(" ".join(pieces + unprinted))


def _names(article: Article) -> list[str]:
    return [one_line(c["name"]) for c in article.credits]


#: Inside 《》, a title's own 《》 become 〈〉 (the convention for nested title marks).
_INNER_MARKS = str.maketrans("《》", "〈〉")


def _title(article: Article) -> str:
    return one_line(article.title or article.heading)


def _plain(article: Article) -> str:
    page = article.page
    credit = _credit_words(article)
    title = _title(article).translate(_INNER_MARKS)
    head = f"{credit}：《{title}》" if credit else f"《{title}》"
    paper = one_line(page.newspaper) if page else ""
    where = f"《{paper}》" if paper else "（报名不详）"
    date = page.issue_date if page else None
    when = f"{date.year}年{date.month}月{date.day}日" if date else "（日期不详）"
    if date and page is not None and page.date_source == DateSource.INFERRED:
        when += INFERRED_PLAIN
    return f"{head}，{where}{when}{_edition_plain(page.edition if page else None)}。"


def _edition_plain(label: str | None) -> str:
    label = one_line(label)
    if not label:
        return ""
    if LETTER_NUMBER.match(label) or label.isdigit():
        return f"第{label}版"
    return label if label.endswith("版") else f"{label}版"


def _gbt7714(article: Article) -> str:
    page = article.page
    names = _names(article)
    authors = ", ".join(names[:GBT_MAX_NAMES]) + (", 等" if len(names) > GBT_MAX_NAMES else "")
    paper = (one_line(page.newspaper) if page else "") or "[报名不详]"
    date = page.issue_date if page else None
    when = date.isoformat() if date else "[出版日期不详]"
    if date and page is not None and page.date_source == DateSource.INFERRED:
        when = f"[{when}]"
    edition = one_line(page.edition) if page else ""
    edition = edition.removeprefix("第").removesuffix("版") if edition else ""
    entry = f"{_title(article)}[N]. {paper}, {when}" + (f"({edition})" if edition else "") + "."
    return f"{authors}. {entry}" if authors else entry
