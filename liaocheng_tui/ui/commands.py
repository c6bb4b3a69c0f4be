"""Command palette providers (Ctrl+P): jump to an issue date, a reporter, an article title,
or run a recent search again.

Issue and reporter candidates come from the app's catalog (one row per issue
or person); titles are asked of the shelf as the user types (a query over the
store, never every article in memory).  Labels hold article text, so
they are highlighted with :func:`highlight` (plain ``Content`` + match styles)
rather than Textual's ``Matcher.highlight``, which would read them as markup.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from liaocheng_tui.ui.people_index import span
from liaocheng_tui.ui.safe_text import clean

MAX_HITS = 40
#: Titles asked of the shelf per keystroke (then ranked by the fuzzy matcher).
MAX_TITLE_ROWS = 400


def highlight(matcher: Matcher, candidate: str) -> Content:
    """``candidate`` as plain content with the fuzzy-matched characters styled."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _could_match(query: str, candidate: str) -> bool:
    """Cheap pre-filter: every non-space character of the query occurs in the candidate."""
    lowered = candidate.lower()
    return all(ch in lowered for ch in query.lower() if not ch.isspace())


Candidate = tuple[str, str, Callable[[], None]]


class _ReaderProvider(Provider):
    """Shared search loop: subclasses list (label, help, callback) candidates."""

    def candidates(self, query: str) -> Iterable[Candidate]:
        """(label, help, callback) of everything that may match ``query``."""
        return ()

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = []
        # off the event loop: a title lookup is a query over the whole store
        candidates = await asyncio.to_thread(lambda: list(self.candidates(query)))
        for label, help_text, callback in candidates:
            if not _could_match(query, label):
                continue
            score = matcher.match(label)
            if score > 0:
                found.append(Hit(score, highlight(matcher, label), callback, text=label, help=help_text))
        found.sort(key=lambda h: h.score, reverse=True)
        for hit in found[:MAX_HITS]:
            yield hit


class IssueDateProvider(_ReaderProvider):
    """``issue 2024-06-21 聊城日报`` → that issue; a date with no issue → each paper's nearest."""

    def candidates(self, query: str) -> Iterable[Candidate]:
        catalog = getattr(self.app, "catalog", None)
        if catalog is None:
            return
        asked = typed_date(query)
        if asked is not None and not any(i.date == asked for i in catalog.issues):
            for paper in catalog.papers():
                issue = catalog.nearest(asked, paper)
                if issue is not None and issue.date != asked:
                    label = f"issue {asked.isoformat()} {clean(paper)} → nearest {issue.date_label}"
                    yield label, f"no issue that day; {_articles(issue.article_count)}", \
                        partial(self.app.go_to_issue, issue)
        for issue in catalog.issues:
            label = f"issue {issue.date_label} {clean(issue.newspaper)}"
            yield label, _articles(issue.article_count), partial(self.app.go_to_issue, issue)


class OnThisDayProvider(_ReaderProvider):
    """``历史上的今天 this day in other years`` → the articles of this month and day in every year."""

    def candidates(self, query: str) -> Iterable[Candidate]:
        if getattr(self.app, "catalog", None) is not None:
            yield "历史上的今天 this day in other years", "key D", self.app.on_this_day


def typed_date(query: str) -> dt.date | None:
    """A date in what was typed (``2024-06-20``, ``2024/6/20``, ``20240620``, ``2024年6月20日``), or None."""
    match = DATE_TYPED.search(query)
    if match is None:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


DATE_TYPED = re.compile(r"(?P<y>(?:19|20)\d\d)(?:[-/.年]?)(?P<m>[01]?\d)(?:[-/.月]?)(?P<d>[0-3]?\d)")


def _articles(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"


class ReporterProvider(_ReaderProvider):
    """``reporter 林晨 (记者)`` → that person's articles."""

    def candidates(self, query: str) -> Iterable[Candidate]:
        for person in getattr(self.app, "people", []):
            label = f"reporter {clean(person.name)} ({person.role_label})"
            help_text = f"{person.article_count} articles · {span(person)}"
            yield label, help_text, partial(self.app.show_person, person)


class TitleProvider(_ReaderProvider):
    """``article 标题 — 2024-06-21`` → that article in its issue."""

    def candidates(self, query: str) -> Iterable[Candidate]:
        catalog = getattr(self.app, "catalog", None)
        letters = "".join(query.split()).removeprefix("article")
        if catalog is None or not letters:
            return
        for row in catalog.shelf.titles(letters, MAX_TITLE_ROWS):
            label = f"article {clean(row.title)}"
            when = row.date.isoformat() if row.date else "undated"
            help_text = f"{when} {clean(row.newspaper or '')}".strip()
            yield label, help_text, partial(self.app.go_to_article_id, row.aid)


class RecentSearchProvider(_ReaderProvider):
    """``search again: 林晨`` → run it; listed first when the palette opens."""

    def candidates(self, query: str = "") -> Iterable[Candidate]:
        for recent in getattr(self.app, "recent_searches", []):
            yield f"search again: {clean(recent)}", "recent search", partial(self.app.run_search, recent)

    async def discover(self) -> Hits:
        for label, help_text, callback in self.candidates():
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text)


class BookmarkProvider(_ReaderProvider):
    """``bookmark 标题`` → that bookmarked article (``M`` lists them all)."""

    def candidates(self, query: str) -> Iterable[Candidate]:
        keeper = getattr(self.app, "keeper", None)
        if keeper is None:
            return
        for entry in keeper.store.bookmarks():
            snap = entry.snapshot
            when = snap.issue_date.isoformat() if snap.issue_date else "undated"
            note = f" · {clean(entry.note)}" if entry.note else ""
            yield (f"bookmark {clean(snap.title)}", f"{when} {clean(snap.newspaper)}{note}".strip(),
                   partial(self.app.go_to_kept, entry))


PROVIDERS = (RecentSearchProvider, IssueDateProvider, OnThisDayProvider, ReporterProvider, TitleProvider,
             BookmarkProvider)
