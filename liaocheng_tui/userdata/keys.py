"""A stable key for an article, and finding the article again from it.

An article's id (``source#position``) changes when a file is moved or a parser
upgrade splits a page differently.  What the user keeps is keyed instead by the
page file's content (SHA-1 of its bytes) plus the article's title, with its
position as the fallback for untitled items or a retitled article: that
survives re-indexing, a moved file and a parser upgrade.  An edited file keeps
its bookmarks when the title is still on the page at the same path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from liaocheng_tui.archive.folding import fold
from liaocheng_tui.archive.model import Article, DateSource, Page


class KeyedShelf(Protocol):
    """What finding an article by its key asks of the archive (the search layer's Shelf has it)."""

    def page(self, source: str) -> Page | None: ...

    def page_sha1(self, source: str) -> str | None: ...

    def pages_with_sha1(self, sha1: str) -> list[str]: ...


@dataclass(frozen=True)
class ArticleKey:
    sha1: str  # of the page file's bytes ("" when the file could not be read)
    title: str  # folded, "" for untitled items
    position: int
    source: str  # where the page was when the key was made (a fallback, and shown when gone)


@dataclass(frozen=True)
class Snapshot:
    """What is shown of a kept article even when the archive no longer holds it."""

    title: str
    newspaper: str
    issue_date: dt.date | None
    inferred: bool
    edition: str
    names: str  # reporters then correspondents, space-separated


def key_of(article: Article, sha1: str | None) -> ArticleKey:
    """``article``'s key, given the SHA-1 of its page file's bytes (``KeyedShelf.page_sha1``)."""
    page = article.page
    source = page.source if page is not None else ""
    return ArticleKey(sha1 or "", fold(article.title or ""), article.index, source)


def snapshot_of(article: Article) -> Snapshot:
    page = article.page
    return Snapshot(
        title=article.heading,
        newspaper=(page.newspaper if page else None) or "",
        issue_date=page.issue_date if page else None,
        inferred=page is not None and page.date_source == DateSource.INFERRED,
        edition=(page.edition if page else None) or "",
        names=" ".join([*article.reporters, *article.correspondents]),
    )


def find(key: ArticleKey, shelf: KeyedShelf) -> Article | None:
    """The article ``key`` names, or None when the archive no longer holds it.

    Pages with the same bytes first (by title, else by position), then the page
    still at the key's path (by title only: its text has changed).
    """
    sources = shelf.pages_with_sha1(key.sha1) if key.sha1 else []
    for source in sources:
        page = shelf.page(source)
        if page is not None:
            found = _by_title(page, key.title) or _by_position(page, key)
            if found is not None:
                return found
    if key.source and key.source not in sources and key.title:
        page = shelf.page(key.source)
        if page is not None:
            return _by_title(page, key.title)
    return None


def _by_title(page: Page, title: str) -> Article | None:
    if not title:
        return None
    same = [a for a in page.articles if fold(a.title or "") == title]
    return same[0] if same else None


def _by_position(page: Page, key: ArticleKey) -> Article | None:
    """Same bytes, title not found (a parser upgrade read it otherwise): the item at the same place."""
    return page.articles[key.position] if 0 <= key.position < len(page.articles) else None
