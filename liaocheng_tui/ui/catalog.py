"""The archive → the reader's table of contents: newspapers → years → months → issues.

The tree, the header, `{`/`}` and the "jump to a date" palette all read the
same ordering from here, so "next issue" always means the issue below in the
tree.  It is built from the shelf's one aggregate of issues; an issue's
pages and articles are read when it is opened (the last few are kept), so
a large archive costs its number of issues.  UI-free: no Textual import.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import PurePath

from liaocheng_tui.archive.edition import sort_key as edition_sort_key
from liaocheng_tui.archive.model import Archive, Article, Page
from liaocheng_tui.archive.printable import display_path
from liaocheng_tui.search.shelf import IssueRow, MemoryShelf, Shelf

UNKNOWN_PAPER = "未知报纸"
UNDATED = "undated"
#: Issues whose pages stay read after the user moved on (a few screens of going back and forth).
ISSUES_KEPT = 64


@dataclass(eq=False)
class Issue:
    """All pages of one newspaper on one date (an undated page is an issue of its own)."""

    row: IssueRow
    catalog: Catalog = field(repr=False)

    @property
    def newspaper(self) -> str:
        return self.row.newspaper or UNKNOWN_PAPER

    @property
    def date(self) -> dt.date | None:
        return self.row.issue_date

    @property
    def inferred(self) -> bool:
        return self.row.inferred

    @property
    def key(self) -> str:
        when = self.date.isoformat() if self.date else (self.row.undated or "")
        return f"{self.newspaper}|{when}"

    @property
    def article_count(self) -> int:
        return self.row.articles

    @property
    def pages(self) -> list[Page]:
        """The issue's pages with their articles (read from the shelf the first time)."""
        return self.catalog.pages_of(self)

    @property
    def articles(self) -> list[Article]:
        return [a for page in self.pages for a in page.articles]

    @property
    def date_label(self) -> str:
        """``2024-06-20``, ``≈2024-06-20`` for an inferred date, or the file name when undated."""
        if self.date is None:
            return f"? {display_path(PurePath(self.row.undated or '?').name)}"
        return ("≈" if self.inferred else "") + self.date.isoformat()

    @property
    def has_warnings(self) -> bool:
        return self.row.warned_pages > 0

    @property
    def warnings(self) -> list[str]:
        if not self.has_warnings:
            return []
        return [f"{p.name}: {w}" for p in self.pages for w in p.warnings]


@dataclass
class Catalog:
    """The archive in reading order, with lookups the UI needs."""

    shelf: Shelf
    name: str
    issues: list[Issue] = field(default_factory=list)
    _by_key: dict[str, Issue] = field(default_factory=dict, repr=False)
    _read: OrderedDict[str, list[Page]] = field(default_factory=OrderedDict, repr=False)

    @classmethod
    def from_shelf(cls, shelf: Shelf, name: str | None = None) -> Catalog:
        catalog = cls(shelf, name or archive_name(shelf.roots))
        issues = [Issue(row, catalog) for row in shelf.issues()]
        issues.sort(key=lambda i: (i.newspaper == UNKNOWN_PAPER, i.newspaper, i.date is None,
                                   i.date or dt.date.min, i.key))
        catalog.issues = issues
        catalog._by_key = {i.key: i for i in issues}
        return catalog

    @classmethod
    def build(cls, archive: Archive, name: str | None = None) -> Catalog:
        """The catalog of an archive in memory (pages read without the store)."""
        return cls.from_shelf(MemoryShelf(archive), name)

    def pages_of(self, issue: Issue) -> list[Page]:
        pages = self._read.get(issue.key)
        if pages is None:
            pages = sorted(self.shelf.issue_pages(issue.row), key=lambda p: (edition_sort_key(p.edition), p.source))
            self._read[issue.key] = pages
            while len(self._read) > ISSUES_KEPT:
                self._read.popitem(last=False)
        else:
            self._read.move_to_end(issue.key)
        return pages

    # --- lookups -------------------------------------------------------------------
    def issue_of(self, article: Article) -> Issue | None:
        page = article.page
        if page is None:
            return None
        when = page.issue_date.isoformat() if page.issue_date else page.source
        return self._by_key.get(f"{page.newspaper or UNKNOWN_PAPER}|{when}")

    def issue_by_key(self, key: str) -> Issue | None:
        return self._by_key.get(key)

    def newest(self) -> Issue | None:
        """The issue of the latest date (any paper); the first issue when nothing is dated."""
        dated = [i for i in self.issues if i.date is not None]
        if dated:
            return max(dated, key=lambda i: (i.date, not i.inferred, i.newspaper != UNKNOWN_PAPER))
        return self.issues[0] if self.issues else None

    def step_issue(self, issue: Issue | None, delta: int) -> Issue | None:
        """The issue ``delta`` places after ``issue`` among its paper's issues in date order
        (undated last; clamped at the paper's first and last), or the newest issue."""
        if issue is None or issue not in self.issues:
            return self.newest()
        same = [i for i in self.issues if i.newspaper == issue.newspaper]
        index = max(0, min(len(same) - 1, same.index(issue) + delta))
        return same[index]

    def papers(self) -> list[str]:
        """The newspapers of the archive, in tree order."""
        return list(dict.fromkeys(i.newspaper for i in self.issues))

    def nearest(self, date: dt.date, newspaper: str | None = None) -> Issue | None:
        """The dated issue closest to ``date`` (of ``newspaper`` if given; the earlier one on a tie)."""
        dated = [i for i in self.issues if i.date is not None and newspaper in (None, i.newspaper)]
        if not dated:
            return None
        return min(dated, key=lambda i: (abs((i.date - date).days), i.date > date, i.newspaper))  # type: ignore[operator]

    def other_paper(self, issue: Issue) -> tuple[Issue | None, bool]:
        """The next paper's issue of the same date, or (when it has none) its nearest; True when same date."""
        papers = self.papers()
        if issue.date is None or len(papers) < 2:
            return None, False
        other = papers[(papers.index(issue.newspaper) + 1) % len(papers)]
        found = self.nearest(issue.date, other)
        return found, found is not None and found.date == issue.date

    def on_this_day(self, date: dt.date) -> list[Issue]:
        """Every issue printed on ``date``'s month and day, in any year and paper: newest first."""
        same = [i for i in self.issues if i.date is not None and (i.date.month, i.date.day) == (date.month, date.day)]
        return sorted(same, key=lambda i: (i.date, i.newspaper), reverse=True)

    def tree(self) -> dict[str, dict[str, dict[str, list[Issue]]]]:
        """newspaper → year (or ``undated``) → month (``06``) → issues, in reading order."""
        out: dict[str, dict[str, dict[str, list[Issue]]]] = {}
        for issue in self.issues:
            year = str(issue.date.year) if issue.date else UNDATED
            month = f"{issue.date.month:02d}" if issue.date else "--"
            out.setdefault(issue.newspaper, {}).setdefault(year, {}).setdefault(month, []).append(issue)
        return out

    # --- figures for the header ----------------------------------------------------
    @property
    def page_count(self) -> int:
        return sum(i.row.pages for i in self.issues)

    @property
    def article_count(self) -> int:
        return sum(i.row.articles for i in self.issues)

    @property
    def date_span(self) -> tuple[dt.date, dt.date] | None:
        dates = [i.date for i in self.issues if i.date]
        return (min(dates), max(dates)) if dates else None

    @property
    def warnings(self) -> list[str]:
        """Files not read and cache problems repaired (one line each)."""
        return self.shelf.warnings

    @property
    def months(self) -> list[str]:
        """Every month (``YYYY-MM``) from the first to the last dated page, gaps included."""
        span = self.date_span
        if span is None:
            return []
        (y, m), end = (span[0].year, span[0].month), (span[1].year, span[1].month)
        out = []
        while (y, m) <= end:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def problem_pages(self) -> list[Page]:
        return self.shelf.problem_pages()

    def summary(self) -> str:
        span = self.date_span
        dates = f"{span[0].isoformat()} – {span[1].isoformat()}" if span else "no dates"
        return f"{self.page_count} pages · {self.article_count} articles · {dates}"


def archive_name(roots: list[str]) -> str:
    """A short name for the header: the root folder's name, ``seeds`` for the embedded seeds."""
    from pathlib import Path

    if not roots:
        return "archive"
    names = [Path(r).name or str(r) for r in roots]
    return names[0] if len(names) == 1 else f"{names[0]} +{len(names) - 1}"
