"""Pages ⇄ JSON, so a warm start rebuilds the Archive without re-parsing unchanged files.

The cache stores each page as plain JSON (never pickle: a cache folder is not
trusted code), one record per page: ``page_blob`` is that record's bytes and
``page_digest`` their hash, which names the record in the cache's page store
(``cache.py``) and decides when the index is updated for a page (exactly when
its digest changes).
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


_PAGE_FIELDS = frozenset(f.name for f in dataclasses.fields(Page))
_ARTICLE_FIELDS = frozenset(f.name for f in dataclasses.fields(Article))
_new = object.__new__


def _paragraph(text: str, is_subhead: bool) -> Paragraph:
    # Paragraph is a frozen dataclass: its __init__ pays a guarded setattr per field, ~10⁵ times on a warm start
    p = _new(Paragraph)
    p.__dict__.update(text=text, is_subhead=is_subhead)
    return p


def page_from_dict(data: dict) -> Page:
    page_fields = _PAGE_FIELDS
    article_fields = _ARTICLE_FIELDS
    kwargs = {k: v for k, v in data.items() if k in page_fields and k not in _PAGE_SPECIAL}
    page = Page(**kwargs)
    page.issue_date = dt.date.fromisoformat(data["issue_date"]) if data.get("issue_date") else None
    page.date_source = _DATE_SOURCES[data.get("date_source", DateSource.UNKNOWN.value)]
    for a in data.get("articles", []):
        akw = {k: v for k, v in a.items() if k in article_fields and k not in _ARTICLE_SPECIAL}
        article = Article(**akw)
        article.kind = _KINDS[a.get("kind", ArticleKind.ARTICLE.value)]
        article.paragraphs = [_paragraph(text, bool(sub)) for text, sub in a.get("paragraphs", [])]
        article.page = page
        page.articles.append(article)
    return page


def page_blob(data: dict) -> bytes:
    """The page's record as stored: canonical JSON (sorted keys), UTF-8 (a file name's
    undecodable bytes, lone surrogates in ``source``, pass through as themselves)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8", "surrogatepass")


def blob_digest(blob: bytes) -> str:
    return hashlib.sha1(blob).hexdigest()


def page_digest(data: dict) -> str:
    return blob_digest(page_blob(data))


def page_from_blob(blob: bytes) -> Page:
    """A page back from its record; raises ValueError/TypeError/KeyError/AttributeError when damaged."""
    data = json.loads(blob.decode("utf-8", "surrogatepass"))
    if not isinstance(data, dict):
        raise ValueError("not a page record")
    return page_from_dict(data)
