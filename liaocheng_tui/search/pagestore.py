"""Pages ⇄ JSON, so a warm start rebuilds the Archive without re-parsing unchanged files.

The cache stores each page as plain JSON (never pickle: a cache folder is not
trusted code).  ``page_digest`` is the hash of that JSON: the index is updated
for a page exactly when its digest changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from enum import Enum

from liaocheng_tui.archive.model import Article, ArticleKind, DateSource, Page, Paragraph

_ARTICLE_SPECIAL = {"page", "paragraphs", "kind"}
# value -> member by dict: calling a str-mixin Enum by value costs ~20 µs, 10k times on a warm start
_KINDS = {k.value: k for k in ArticleKind}
_DATE_SOURCES = {d.value: d for d in DateSource}
_PAGE_SPECIAL = {"articles", "issue_date", "date_source"}


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"cannot store {type(value).__name__} in the page cache")


def page_to_dict(page: Page) -> dict:
    data = {f.name: _plain(getattr(page, f.name)) for f in dataclasses.fields(page) if f.name not in _PAGE_SPECIAL}
    data["issue_date"] = page.issue_date.isoformat() if page.issue_date else None
    data["date_source"] = page.date_source.value
    articles = []
    for article in page.articles:
        a = {
            f.name: _plain(getattr(article, f.name))
            for f in dataclasses.fields(article)
            if f.name not in _ARTICLE_SPECIAL
        }
        a["kind"] = article.kind.value
        a["paragraphs"] = [[p.text, p.is_subhead] for p in article.paragraphs]
        articles.append(a)
    data["articles"] = articles
    return data


def page_from_dict(data: dict) -> Page:
    page_fields = {f.name for f in dataclasses.fields(Page)}
    article_fields = {f.name for f in dataclasses.fields(Article)}
    kwargs = {k: v for k, v in data.items() if k in page_fields and k not in _PAGE_SPECIAL}
    page = Page(**kwargs)
    page.issue_date = dt.date.fromisoformat(data["issue_date"]) if data.get("issue_date") else None
    page.date_source = _DATE_SOURCES[data.get("date_source", DateSource.UNKNOWN.value)]
    for a in data.get("articles", []):
        akw = {k: v for k, v in a.items() if k in article_fields and k not in _ARTICLE_SPECIAL}
        article = Article(**akw)
        article.kind = _KINDS[a.get("kind", ArticleKind.ARTICLE.value)]
        article.paragraphs = [Paragraph(text, bool(sub)) for text, sub in a.get("paragraphs", [])]
        article.page = page
        page.articles.append(article)
    return page


def page_digest(data: dict) -> str:
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()
