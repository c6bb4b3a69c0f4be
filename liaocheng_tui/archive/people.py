"""Who wrote the archive: every reporter and correspondent, with their numbers.

One row per (name, role): a name that appears both as 记者 and as 通讯员 gets
two rows, each counting only the articles in that role.  Used by
``lc-reader reporters`` and the reader's reporters screen.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from liaocheng_tui.archive.model import Archive, Article

REPORTER = "reporter"
CORRESPONDENT = "correspondent"
ROLE_LABELS = {REPORTER: "记者", CORRESPONDENT: "通讯员"}


@dataclass
class PersonStats:
    name: str
    role: str  # REPORTER or CORRESPONDENT
    articles: list[Article] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None
    newspapers: list[str] = field(default_factory=list)  # in order of first appearance

    @property
    def article_count(self) -> int:
        return len(self.articles)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


def people_stats(archive: Archive) -> list[PersonStats]:
    """Every (name, role) in the archive's bylines: most articles first, then reporters, then by name."""
    rows: dict[tuple[str, str], PersonStats] = {}
    for article in archive.articles:
        page = article.page
        for role, names in ((REPORTER, article.reporters), (CORRESPONDENT, article.correspondents)):
            for name in dict.fromkeys(names):  # a name listed twice in one byline counts once
                row = rows.setdefault((name, role), PersonStats(name, role))
                row.articles.append(article)
                if page is None:
                    continue
                if page.newspaper and page.newspaper not in row.newspapers:
                    row.newspapers.append(page.newspaper)
                if page.issue_date is not None:
                    d = page.issue_date
                    row.first = d if row.first is None or d < row.first else row.first
                    row.last = d if row.last is None or d > row.last else row.last
    return sorted(rows.values(), key=lambda r: (-r.article_count, r.role != REPORTER, r.name))


def role_from_printed(as_reporter: int, as_correspondent: int) -> str:
    """The role of a name printed without one, from how often the archive prints it with each:
    correspondent when more often 通讯员 than 记者, else reporter (the parser's default)."""
    return CORRESPONDENT if as_correspondent > as_reporter else REPORTER


def assign_roles(archive: Archive) -> int:
    """Give names printed without a role (■ 田柏林, （孙亚飞 高田）, a line of names) the role
    the same name carries where the archive prints it with one; a name never printed
    with a role stays a reporter.  Returns how many names changed role.

    The parser files a roleless name as a reporter; this pass runs once all pages are
    read, because the evidence is on other pages (通讯员 孙亚飞 on another day).
    """
    printed: dict[str, Counter[str]] = {}
    for article in archive.articles:
        for role, names in ((REPORTER, article.reporters), (CORRESPONDENT, article.correspondents)):
            for name in names:
                if name not in article.roleless:
                    printed.setdefault(name, Counter())[role] += 1
    changed = 0
    for article in archive.articles:
        for name in article.roleless:
            seen = printed.get(name, Counter())
            if role_from_printed(seen[REPORTER], seen[CORRESPONDENT]) != CORRESPONDENT or name not in article.reporters:
                continue
            article.reporters.remove(name)
            if name not in article.correspondents:
                article.correspondents.append(name)
            changed += 1
    return changed
