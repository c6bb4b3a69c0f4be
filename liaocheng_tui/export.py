"""Articles → export records (JSONL/JSON/Markdown), the stable machine-readable schema.

Page text and file names are untrusted: every record goes through
``printable`` (JSON: control characters as ``\\uXXXX`` escapes, a file name's
undecodable bytes as U+FFFD; Markdown: control characters as their pictures),
so an export never carries a raw control code into a terminal or a file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from liaocheng_tui.archive.model import Article, Page
from liaocheng_tui.archive.printable import json_text, printable

if TYPE_CHECKING:
    from liaocheng_tui.search.store_people import PersonRow


def article_record(article: Article) -> dict:
    """The export schema of one article (see README, "Export schema")."""
    page = article.page
    return {
        "source": page.display_source if page else None,
        "newspaper": page.newspaper if page else None,
        "issue_date": page.issue_date.isoformat() if page and page.issue_date else None,
        "date_source": page.date_source.value if page else None,
        "edition": page.edition if page else None,
        "kind": article.kind.value,
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "reporters": list(article.reporters),
        "correspondents": list(article.correspondents),
        "credits": article.credits,
        "subheads": article.subheads,
        "byline": article.byline,
        "dateline": article.dateline,
        "body": article.body,
    }


def person_record(person: PersonRow) -> dict:
    """The export schema of one person of ``lc-reader reporters --format jsonl``."""
    return {
        "name": person.name,
        "role": person.role,
        "role_label": person.role_label,
        "articles": person.article_count,
        "first_date": person.first.isoformat() if person.first else None,
        "last_date": person.last.isoformat() if person.last else None,
        "newspapers": list(person.papers),
    }


#: Every export format (``export --format``, the reader's ``x``, the config's ``export_format``).
FORMATS = ("jsonl", "json", "md", "csv")
#: The CSV columns: the record's fields, lists joined by spaces.
CSV_FIELDS = ("source", "newspaper", "issue_date", "date_source", "edition", "kind", "title", "kicker",
              "subtitle", "reporters", "correspondents", "byline", "dateline", "body")


def articles_of(pages: Iterable[Page]) -> Iterator[Article]:
    for page in pages:
        yield from page.articles


def iter_jsonl(pages: Iterable[Page]) -> Iterator[str]:
    return jsonl_articles(articles_of(pages))


def iter_json(pages: Iterable[Page]) -> Iterator[str]:
    return json_articles(articles_of(pages))


def jsonl_articles(articles: Iterable[Article]) -> Iterator[str]:
    for article in articles:
        yield json_text(article_record(article))


def json_articles(articles: Iterable[Article]) -> Iterator[str]:
    """One JSON array (indented by 2) in pieces, a record at a time: the same text as
    ``json_text([…every record…], indent=2)`` without holding every record."""
    first = True
    for article in articles:
        record = json_text(article_record(article), indent=2).replace("\n", "\n  ")
        yield ("[\n  " if first else ",\n  ") + record
        first = False
    yield "[]" if first else "\n]"


def csv_articles(articles: Iterable[Article]) -> Iterator[str]:
    """A header line, then one CSV line per article (RFC 4180 quoting; control characters as pictures)."""
    yield _csv_line(CSV_FIELDS)
    for article in articles:
        record = article_record(article)
        yield _csv_line([printable(" ".join(v) if isinstance(v, list) else "" if v is None else str(v))
                         for v in (record[f] for f in CSV_FIELDS)])


def _csv_line(values: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)  # a field holding a newline is quoted
    return buffer.getvalue().removesuffix("\n")


def markdown_articles(articles: Iterable[Article]) -> Iterator[str]:
    """Articles of many issues (a query's, bookmarks): each headed by its paper, date and 版."""
    for article in articles:
        page = article.page
        if page is not None:
            date = page.issue_date.isoformat() if page.issue_date else "undated"
            mark = "≈" if page.date_source.value == "inferred" else ""
            edition = f" {printable(page.edition)}" if page.edition else ""
            yield f"*{printable(page.newspaper or '?')} {mark}{date}{edition} — {page.name}*\n"
        yield from _markdown_article(article)


WRITERS = {"jsonl": jsonl_articles, "json": json_articles, "md": markdown_articles, "csv": csv_articles}


def _md_escape(text: str) -> str:
    text = printable(text)
    return text.replace("\\", "\\\\").replace("#", "\\#").replace("*", "\\*").replace("_", "\\_")


def iter_markdown(pages: Iterable[Page]) -> Iterator[str]:
    for page in pages:
        date = page.issue_date.isoformat() if page.issue_date else "undated"
        mark = "≈" if page.date_source.value == "inferred" else ""
        yield f"# {printable(page.newspaper or '?')} {mark}{date} — {page.name}\n"
        for article in page.articles:
            yield from _markdown_article(article)


def _markdown_article(article: Article) -> Iterable[str]:
    if article.kicker:
        yield f"*{_md_escape(article.kicker)}*\n"
    heading = article.title or {"photo": "[photo]", "lead-in": "[lead-in]"}.get(article.kind.value, "")
    yield f"## {_md_escape(heading)}\n"
    if article.subtitle:
        yield f"**{_md_escape(article.subtitle)}**\n"
    people = []
    if article.reporters:
        people.append("记者 " + " ".join(article.reporters))
    if article.correspondents:
        people.append("通讯员 " + " ".join(article.correspondents))
    if people:
        yield printable(" · ".join(people)) + "\n"
    for para in article.paragraphs:
        yield (f"### {_md_escape(para.display)}\n" if para.is_subhead else _md_escape(para.text) + "\n")
