"""Reporters and correspondents of an archive, for the reporters screen and palette.

A small UI-free summary computed from the Archive: who wrote, in which role,
how many items, first and last dates and in which newspapers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from liaocheng_tui.archive.model import Archive, Article

ROLE_REPORTER = "记者"
ROLE_CORRESPONDENT = "通讯员"


@dataclass
class Person:
    name: str
    role: str  # 记者, 通讯员, or both joined by "/"
    articles: list[Article] = field(default_factory=list)
    papers: set[str] = field(default_factory=set)
    first: dt.date | None = None
    last: dt.date | None = None

    @property
    def span(self) -> str:
        if self.first is None or self.last is None:
            return "—"
        return self.first.isoformat() if self.first == self.last else f"{self.first} – {self.last}"


def build_people(archive: Archive) -> list[Person]:
    """Everyone named in a byline, most articles first, then by name."""
    people: dict[str, Person] = {}
    roles: dict[str, set[str]] = {}
    for article in archive.articles:
        named = [(n, ROLE_REPORTER) for n in article.reporters]
        named += [(n, ROLE_CORRESPONDENT) for n in article.correspondents]
        for name, role in named:
            person = people.setdefault(name, Person(name, role))
            roles.setdefault(name, set()).add(role)
            if article not in person.articles:
                person.articles.append(article)
            page = article.page
            if page is not None:
                if page.newspaper:
                    person.papers.add(page.newspaper)
                if page.issue_date:
                    d = page.issue_date
                    person.first = d if person.first is None else min(person.first, d)
                    person.last = d if person.last is None else max(person.last, d)
    for name, person in people.items():
        person.role = "/".join(r for r in (ROLE_REPORTER, ROLE_CORRESPONDENT) if r in roles[name])
    return sorted(people.values(), key=lambda p: (-len(p.articles), p.name))


def filter_people(people: list[Person], needle: str) -> list[Person]:
    """People whose name, role or newspaper contains ``needle`` (case-insensitive)."""
    needle = needle.strip().lower()
    if not needle:
        return list(people)
    return [
        p for p in people
        if needle in p.name.lower() or needle in p.role or any(needle in paper.lower() for paper in p.papers)
    ]
