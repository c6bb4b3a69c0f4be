"""The article store's views for the reader: the issue tree, one issue's pages, problem pages, titles.

A mixin of :class:`store.ArticleStore` (the same connection and row readers):
each view is one query sized by what it shows — the tree is an aggregate
over the pages table (each page row carries its article count), never over
the articles.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from abc import ABC, abstractmethod
from dataclasses import dataclass

from liaocheng_tui.archive.model import Page
from liaocheng_tui.search.store_rows import check_page, like_escape, path_bytes, path_text


@dataclass(frozen=True)
class IssueRow:
    """One issue (a paper's pages of a date, or one undated page) with its counts: a node of the reader's tree."""

    newspaper: str | None
    issue_date: dt.date | None
    inferred: bool  # a page of it was dated by inference (shown as ≈date)
    undated: str | None  # the undated page's path
    pages: int
    articles: int
    warned_pages: int


class ReaderViews(ABC):
    """The reader's queries over ``self._db`` (mixed into ArticleStore)."""

    _db: sqlite3.Connection

    @abstractmethod
    def _page_rows(self, where: str, params, *, order: bool = False, limit: int | None = None) -> list[tuple]: ...

    @abstractmethod
    def _pages(self, rows: list[tuple]) -> list[Page]: ...

    @abstractmethod
    def _page_shells(self, page_ids: list[int]) -> list[tuple[int, Page]]: ...

    def issues(self) -> list[IssueRow]:
        """Every issue — (paper, date), or one undated page — with its counts: the reader's tree in one query.

        Dated issues come from the ``pages_tree`` index alone (each page row
        carries its article count), so the tree costs the number of pages — and
        reads none of their text; undated pages (few) are listed by file.
        """
        rows = self._db.execute(
            "SELECT newspaper, issue_date, NULL, MAX(date_source = 'inferred'), COUNT(*), SUM(article_count),"
            " SUM(warnings != '[]') FROM pages INDEXED BY pages_tree WHERE issue_date IS NOT NULL"
            " GROUP BY newspaper, issue_date"
            " UNION ALL SELECT p.newspaper, NULL, f.path, p.date_source = 'inferred', 1, p.article_count,"
            " p.warnings != '[]' FROM pages p JOIN files f ON f.id = p.file_id WHERE p.issue_date IS NULL"
        ).fetchall()
        return [
            IssueRow(paper, dt.date.fromisoformat(date) if date else None, bool(inferred),
                     path_text(undated) if undated is not None else None, pages, articles or 0, warned or 0)
            for paper, date, undated, inferred, pages, articles, warned in rows
        ]

    def issue_pages(self, newspaper: str | None, date: dt.date | None, undated: str | None = None) -> list[Page]:
        """The pages (with articles) of one issue: a paper's pages of a date, or one undated file."""
        if date is None:
            rows = self._page_rows("WHERE f.path = ?", (path_bytes(undated or ""),))
        else:
            rows = self._page_rows("WHERE p.issue_date = ? AND p.newspaper IS ?", (date.isoformat(), newspaper),
                                   order=True)
        return self._pages(rows)

    def issue_sources(self, newspaper: str | None, date: dt.date | None, undated: str | None = None) -> list[str]:
        """The paths of one issue's pages (no row read: what a damaged issue is read again from)."""
        if date is None:
            return [undated] if undated else []
        rows = self._db.execute(
            "SELECT f.path FROM pages p JOIN files f ON f.id = p.file_id WHERE p.issue_date = ? AND p.newspaper IS ?"
            " ORDER BY f.path", (date.isoformat(), newspaper),
        )
        return [path_text(path) for (path,) in rows if isinstance(path, bytes)]

    def problem_pages(self) -> list[Page]:
        """Pages with warnings (their articles not read): the reader's ``w`` screen."""
        rows = self._page_rows("WHERE p.warnings != '[]'", (), order=True)
        pages = []
        for row in rows:
            check_page(row)
            shell = self._page_shells([row[0]])[0][1]
            shell.warnings = json.loads(row[7])
            pages.append(shell)
        return pages

    def in_issue_order(self, aids: list[str]) -> list[str]:
        """``aids`` as ``export`` orders articles: by date (undated last), paper, file, position."""
        rows = self._db.execute(
            "SELECT a.aid FROM articles a JOIN pages p ON p.id = a.page_id JOIN files f ON f.id = p.file_id"
            " WHERE a.aid IN (SELECT value FROM json_each(?))"
            " ORDER BY p.issue_date IS NULL, p.issue_date, p.newspaper, f.path, a.position",
            (json.dumps(aids),),
        )
        return [aid for (aid,) in rows]

    def titles(self, letters: str, limit: int = 200) -> list[tuple[str, str, str | None, dt.date | None]]:
        """(aid, title, paper, date) of titled articles whose title holds ``letters`` in that order (the palette)."""
        pattern = "%" + "%".join(like_escape(ch) for ch in letters) + "%"
        rows = self._db.execute(
            "SELECT a.aid, a.title, p.newspaper, p.issue_date FROM articles a JOIN pages p ON p.id = a.page_id"
            " WHERE a.title IS NOT NULL AND a.title LIKE ? ESCAPE '\\' LIMIT ?",
            (pattern, int(limit)),
        ).fetchall()
        return [(aid, title, paper, dt.date.fromisoformat(d) if d else None) for aid, title, paper, d in rows]
