"""The Whoosh schema of the article index, and how an Article becomes a document.

Text fields come in pairs: ``<name>_bg`` (character bigrams: every verbatim
string matches) and ``<name>_w`` (jieba words: ranks whole words higher).
Only the body stores character offsets (for pinpoint snippets); the article
text itself is not stored, because the archive in memory already holds it.
"""

from __future__ import annotations

import datetime as dt

from whoosh import fields

from liaocheng_tui.archive.model import Article
from liaocheng_tui.search.analysis import BigramAnalyzer, WordAnalyzer, fold

#: Bump when the schema or the analysis changes: a cache built by another version is rebuilt.
INDEX_VERSION = 3

BIGRAM_FIELDS = ("title_bg", "head_bg", "body_bg", "byline_bg", "paper_bg", "file_bg")
WORD_FIELDS = ("title_w", "body_w")


def build_schema() -> fields.Schema:
    bigram = BigramAnalyzer()
    words = WordAnalyzer()
    return fields.Schema(
        aid=fields.ID(stored=True, unique=True, sortable=True),
        source=fields.ID(),
        month=fields.ID(sortable=True),
        date=fields.DATETIME(),
        kind=fields.ID(),
        reporter=fields.KEYWORD(commas=True, scorable=True),
        correspondent=fields.KEYWORD(commas=True, scorable=True),
        title_bg=fields.TEXT(analyzer=bigram, phrase=True),
        head_bg=fields.TEXT(analyzer=bigram, phrase=True),  # kicker + subtitle
        body_bg=fields.TEXT(analyzer=bigram, phrase=True, chars=True),
        byline_bg=fields.TEXT(analyzer=bigram, phrase=True),  # names + raw byline/dateline
        paper_bg=fields.TEXT(analyzer=bigram, phrase=True),
        file_bg=fields.TEXT(analyzer=bigram, phrase=True),
        title_w=fields.TEXT(analyzer=words, phrase=True),
        body_w=fields.TEXT(analyzer=words, phrase=True),
    )


def month_key(date: dt.date | None) -> str:
    return date.strftime("%Y-%m") if date else "none"


def article_document(article: Article) -> dict:
    """The Whoosh document for one article (field values as Whoosh wants them)."""
    page = article.page
    title = article.title or ""
    head = "\n".join(x for x in (article.kicker, article.subtitle) if x)
    body = article.body
    byline = "\n".join(
        [*article.reporters, *article.correspondents, article.byline or "", article.dateline or ""]
    )
    issue_date = page.issue_date if page is not None else None
    doc = {
        "aid": article.id,
        "source": page.source if page is not None else "",
        "month": month_key(issue_date),
        "kind": getattr(article.kind, "value", str(article.kind)),
        "reporter": ",".join(fold(n).replace(",", " ") for n in article.reporters),
        "correspondent": ",".join(fold(n).replace(",", " ") for n in article.correspondents),
        "title_bg": title,
        "head_bg": head,
        "body_bg": body,
        "byline_bg": byline,
        "paper_bg": (page.newspaper or "") if page is not None else "",
        "file_bg": page.name if page is not None else "",
        "title_w": "\n".join(x for x in (title, head) if x),
        "body_w": body,
    }
    if issue_date is not None:
        doc["date"] = dt.datetime(issue_date.year, issue_date.month, issue_date.day)
    return doc
