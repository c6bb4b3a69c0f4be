"""Archive → the reader's table of contents: newspapers → years → months → issues.

The tree, the header, `{`/`}` and the "jump to a date" palette all read the
same ordering from here, so "next issue" always means the issue below in the
tree.  UI-free: no Textual import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from liaocheng_tui.archive.model import Archive, Article, DateSource, Page

UNKNOWN_PAPER = "未知报纸"
UNDATED = "undated"


@dataclass
class Issue:
    """All pages of one newspaper on one date (an undated page is an issue of its own)."""

    newspaper: str
    date: dt.date | None
    inferred: bool
    pages: list[Page] = field(default_factory=list)

    @property
    def key(self) -> str:
        when = self.date.isoformat() if self.date else self.pages[0].source
        return f"{self.newspaper}|{when}"

    @property
    def articles(self) -> list[Article]:
        return [a for page in self.pages for a in page.articles]

    @property
    def date_label(self) -> str:
        """``2024-06-20``, ``≈2024-06-20`` for an inferred date, or the file name when undated."""
        if self.date is None:
            return f"? {self.pages[0].name}"
        return ("≈" if self.inferred else "") + self.date.isoformat()

    @property
    def warnings(self) -> list[str]:
        return [f"{p.name}: {w}" for p in self.pages for w in p.warnings]


@dataclass
class Catalog:
    """The archive in reading order, with lookups the UI needs."""

    archive: Archive
    name: str
    issues: list[Issue]
    _issue_of: dict[int, Issue] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, archive: Archive, name: str | None = None) -> Catalog:
        groups: dict[tuple[str, dt.date | None, str], Issue] = {}
        for page in archive.pages:
            paper = page.newspaper or UNKNOWN_PAPER
            key = (paper, page.issue_date, "" if page.issue_date else page.source)
            issue = groups.get(key)
            if issue is None:
                issue = groups[key] = Issue(paper, page.issue_date, False)
            issue.pages.append(page)
            if page.date_source == DateSource.INFERRED:
                issue.inferred = True
        issues = sorted(
            groups.values(),
            key=lambda i: (i.newspaper == UNKNOWN_PAPER, i.newspaper, i.date is None, i.date or dt.date.min, i.key),
        )
        catalog = cls(archive, name or archive_name(archive), issues)
        for issue in issues:
            for article in issue.articles:
                catalog._issue_of[id(article)] = issue
        return catalog

    # --- lookups -------------------------------------------------------------------
    def issue_of(self, article: Article) -> Issue | None:
        return self._issue_of.get(id(article))

    def issue_by_key(self, key: str) -> Issue | None:
        return next((i for i in self.issues if i.key == key), None)

    def step_issue(self, issue: Issue | None, delta: int) -> Issue | None:
        """The issue ``delta`` places after ``issue`` in tree order (clamped), or the first."""
        if not self.issues:
            return None
        if issue is None or issue not in self.issues:
            return self.issues[0]
        index = max(0, min(len(self.issues) - 1, self.issues.index(issue) + delta))
        return self.issues[index]

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
        return len(self.archive.pages)

    @property
    def article_count(self) -> int:
        return sum(len(p.articles) for p in self.archive.pages)

    @property
    def date_span(self) -> tuple[dt.date, dt.date] | None:
        dates = [p.issue_date for p in self.archive.pages if p.issue_date]
        return (min(dates), max(dates)) if dates else None

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

    @property
    def problem_pages(self) -> list[Page]:
        return [p for p in self.archive.pages if p.warnings]

    def summary(self) -> str:
        span = self.date_span
        dates = f"{span[0].isoformat()} – {span[1].isoformat()}" if span else "no dates"
        return f"{self.page_count} pages · {self.article_count} articles · {dates}"


def archive_name(archive: Archive) -> str:
    """A short name for the header: the root folder's name, ``seeds`` for the embedded seeds."""
    from pathlib import Path

    if not archive.roots:
        return "archive"
    names = [Path(r).name or str(r) for r in archive.roots]
    return names[0] if len(names) == 1 else f"{names[0]} +{len(names) - 1}"
