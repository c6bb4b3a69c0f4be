"""What the reader browses, asked for as it is shown: the tree, one issue's pages, people, titles.

``Shelf`` is the reader's side of the search layer's front door (``backend``
is the search side).  ``StoreShelf`` answers from the SQLite article store
with one query per view, so opening a 100k-article archive costs its number
of issues, not of articles; ``MemoryShelf`` answers the same from an
:class:`Archive` already in memory (pages read without a cache, or built by
tests).  Both give names printed without a role the role the archive prints
them with (``archive.people.assign_roles``'s rule).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from liaocheng_tui.archive.model import Archive, Article, DateSource, Page
from liaocheng_tui.archive.people import assign_roles, people_stats
from liaocheng_tui.search.store import ArticleStore
from liaocheng_tui.search.store_links import LinkRow
from liaocheng_tui.search.store_people import PersonRow
from liaocheng_tui.search.store_views import IssueRow
from liaocheng_tui.search.store_rows import StoreDamage
from liaocheng_tui.search.sync import parse_file

__all__ = ["IssueRow", "LinkRow", "MemoryShelf", "PersonRow", "Shelf", "StoreShelf", "TitleRow"]


@dataclass(frozen=True)
class TitleRow:
    """A titled article as the palette lists it (its text is read only when chosen)."""

    aid: str
    title: str
    newspaper: str | None
    date: dt.date | None


class Shelf(Protocol):
    """The archive as the reader browses it."""

    roots: list[str]
    warnings: list[str]  # one line per file not read or cache problem repaired
    skipped: list[str]

    def issues(self) -> list[IssueRow]: ...

    def issue_pages(self, row: IssueRow) -> list[Page]:
        """The issue's pages with their articles, in file order."""
        ...

    def problem_pages(self) -> list[Page]:
        """Pages with warnings (``warnings`` filled; articles may be left out)."""
        ...

    def people(self) -> list[PersonRow]:
        """Every (name, role) credited, most articles first."""
        ...

    def credited(self, person: PersonRow) -> list[Article]:
        """The person's articles in that role, oldest first."""
        ...

    def titles(self, letters: str, limit: int = 200) -> list[TitleRow]:
        """Titled articles whose title holds ``letters`` in that order (not necessarily together)."""
        ...

    def article(self, aid: str) -> Article | None: ...

    def page(self, source: str) -> Page | None:
        """One page with its articles (None when the archive no longer holds it)."""
        ...

    def page_sha1(self, source: str) -> str | None:
        """The SHA-1 of the page file's bytes (the stable half of an article's key)."""
        ...

    def pages_with_sha1(self, sha1: str) -> list[str]:
        """The sources of the pages whose file bytes have this SHA-1."""
    def also_reported(self, aid: str) -> list[LinkRow]:
        """Articles the repost pass linked to ``aid`` ("same event" first, best first; no text read)."""
        ...

    def close(self) -> None: ...


class StoreShelf:
    """A :class:`Shelf` over the article store (its own read-only connection: browsing never waits on indexing).

    A row that fails its checksum is never shown: that page is read from its
    file again and shown as parsed (with one warning); the store itself is
    mended by the writer (the search service, ``check``), not by the reader.
    """

    def __init__(self, store_path: Path, roots: list[str], warnings: list[str], skipped: list[str]):
        self._store = ArticleStore(store_path, readonly=True)
        self.roots, self.warnings, self.skipped = roots, warnings, skipped
        self._fresh: dict[str, Page] = {}  # damaged pages, as read from their files

    def issues(self) -> list[IssueRow]:
        return self._store.issues()

    def issue_pages(self, row: IssueRow) -> list[Page]:
        try:
            return self._store.issue_pages(row.newspaper, row.issue_date, row.undated)
        except StoreDamage:
            sources = self._store.issue_sources(row.newspaper, row.issue_date, row.undated)
            return [p for p in (self.page(s) for s in sources) if p is not None]

    def problem_pages(self) -> list[Page]:
        try:
            return self._store.problem_pages()
        except StoreDamage as exc:
            self._note(exc)
            return []

    def people(self) -> list[PersonRow]:
        return self._store.people()

    def credited(self, person: PersonRow) -> list[Article]:
        try:
            return self._store.credited(person.name, person.role)
        except StoreDamage:
            field = "reporters" if person.role == "reporter" else "correspondents"
            found = (self.article(aid) for aid in self._store.credited_ids(person.name))
            return [a for a in found if a is not None and person.name in getattr(a, field)]

    def titles(self, letters: str, limit: int = 200) -> list[TitleRow]:
        return [TitleRow(*row) for row in self._store.titles(letters, limit)]

    def article(self, aid: str) -> Article | None:
        try:
            return self._store.articles([aid]).get(aid)
        except StoreDamage:
            source, _, position = aid.rpartition("#")
            page = self.page(self._store.source_of(aid) or source)
            if page is None or not position.isdigit() or int(position) >= len(page.articles):
                return None
            return page.articles[int(position)]

    def also_reported(self, aid: str) -> list[LinkRow]:
        return self._store.links_of(aid)

    def iter_pages(self) -> Iterator[Page]:
        """Every page, streamed in issue order (what an export reads; the reader never needs it)."""
        return self._store.iter_pages()

    def page_sha1(self, source: str) -> str | None:
        return self._store.sha1_of(source)

    def pages_with_sha1(self, sha1: str) -> list[str]:
        return self._store.sources_with_sha1(sha1)

    def close(self) -> None:
        self._store.close()

    def page(self, source: str) -> Page | None:
        """One page from the store, or from its file when its rows are damaged."""
        try:
            return self._store.page(source)
        except StoreDamage as exc:
            if source not in self._fresh:
                self._note(exc)
                parsed = parse_file((Path(source), ""))
                if parsed.page is None:
                    return None
                for article in parsed.page.articles:
                    article.page = parsed.page
                self._store.apply_roles(parsed.page.articles)
                self._fresh[source] = parsed.page
            return self._fresh[source]

    def _note(self, exc: StoreDamage) -> None:
        line = f"article store is damaged ({exc}); shown as read from the file"
        if line not in self.warnings:
            self.warnings.append(line)


class MemoryShelf:
    """A :class:`Shelf` over an Archive in memory (the role pass is run on it once)."""

    def __init__(self, archive: Archive):
        assign_roles(archive)
        self.archive = archive
        self.roots, self.warnings, self.skipped = archive.roots, archive.warnings, archive.skipped
        self._by_issue: dict[tuple, list[Page]] = {}
        for page in archive.pages:
            self._by_issue.setdefault(_issue_key(page), []).append(page)
        self._by_id = {a.id: a for a in archive.articles}
        self._by_source = {p.source: p for p in archive.pages}
        self._sha1: dict[str, str | None] = {}

    def issues(self) -> list[IssueRow]:
        out = []
        for (paper, date, undated), pages in self._by_issue.items():
            out.append(IssueRow(
                paper, date, any(p.date_source == DateSource.INFERRED for p in pages), undated or None,
                len(pages), sum(len(p.articles) for p in pages), sum(1 for p in pages if p.warnings),
            ))
        return out

    def issue_pages(self, row: IssueRow) -> list[Page]:
        return list(self._by_issue.get((row.newspaper, row.issue_date, row.undated or ""), []))

    def problem_pages(self) -> list[Page]:
        return [p for p in self.archive.pages if p.warnings]

    def people(self) -> list[PersonRow]:
        return [PersonRow(p.name, p.role, p.article_count, p.first, p.last, tuple(p.newspapers))
                for p in people_stats(self.archive)]

    def credited(self, person: PersonRow) -> list[Article]:
        field: Callable[[Article], list[str]] = (
            (lambda a: a.reporters) if person.role == "reporter" else (lambda a: a.correspondents)
        )
        found = [a for a in self.archive.articles if person.name in field(a)]
        return sorted(found, key=_oldest_first)

    def titles(self, letters: str, limit: int = 200) -> list[TitleRow]:
        out = []
        for a in self.archive.articles:
            if a.title and _in_order(letters, a.title):
                page = a.page
                out.append(TitleRow(a.id, a.title, page.newspaper if page else None, page.issue_date if page else None))
                if len(out) >= limit:
                    break
        return out

    def article(self, aid: str) -> Article | None:
        return self._by_id.get(aid)

    def page(self, source: str) -> Page | None:
        return self._by_source.get(source)

    def page_sha1(self, source: str) -> str | None:
        """Read from the file on first asking (an archive in memory keeps no file table)."""
        if source not in self._sha1:
            try:
                self._sha1[source] = hashlib.sha1(Path(source).read_bytes()).hexdigest()
            except OSError:
                self._sha1[source] = None
        return self._sha1[source]

    def pages_with_sha1(self, sha1: str) -> list[str]:
        return [s for s in self._by_source if self.page_sha1(s) == sha1]
    def also_reported(self, aid: str) -> list[LinkRow]:
        """None: an archive in memory has no repost pass (it runs over the store)."""
        return []

    def close(self) -> None:
        """Nothing to release."""


def as_shelf(source: Archive | Shelf) -> Shelf:
    """An opener's delivery as a Shelf (tests' openers and the no-index fallback deliver an Archive)."""
    return MemoryShelf(source) if isinstance(source, Archive) else source


def _issue_key(page: Page) -> tuple:
    return (page.newspaper, page.issue_date, "" if page.issue_date else page.source)


def _oldest_first(article: Article) -> tuple:
    page = article.page
    date = page.issue_date if page is not None else None
    return (date is None, date or dt.date.min, page.source if page else "", article.index)


def _in_order(letters: str, text: str) -> bool:
    """Every character of ``letters`` occurs in ``text``, in that order (SQL ``LIKE '%a%b%'``)."""
    rest = iter(text.lower())
    return all(ch in rest for ch in letters.lower())
