"""Command palette providers (Ctrl+P): jump to an issue date, a reporter, an article title,
or run a recent search again.

Candidates come from the app's catalog; their labels hold article text, so
they are highlighted with :func:`highlight` (plain ``Content`` + match styles)
rather than Textual's ``Matcher.highlight``, which would read them as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from liaocheng_tui.ui.people_index import span
from liaocheng_tui.ui.safe_text import clean

MAX_HITS = 40


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


class _ReaderProvider(Provider):
    """Shared search loop: subclasses list (label, help, callback) candidates."""

    def candidates(self) -> Iterable[tuple[str, str, Callable[[], None]]]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = []
        for label, help_text, callback in self.candidates():
            if not _could_match(query, label):
                continue
            score = matcher.match(label)
            if score > 0:
                found.append(Hit(score, highlight(matcher, label), callback, text=label, help=help_text))
        found.sort(key=lambda h: h.score, reverse=True)
        for hit in found[:MAX_HITS]:
            yield hit


class IssueDateProvider(_ReaderProvider):
    """``issue 2024-06-21 聊城日报`` → that issue."""

    def candidates(self):
        catalog = getattr(self.app, "catalog", None)
        for issue in catalog.issues if catalog else []:
            label = f"issue {issue.date_label} {clean(issue.newspaper)}"
            yield label, f"{len(issue.articles)} articles", partial(self.app.go_to_issue, issue)


class ReporterProvider(_ReaderProvider):
    """``reporter 林晨 (记者)`` → that person's articles."""

    def candidates(self):
        for person in getattr(self.app, "people", []):
            label = f"reporter {clean(person.name)} ({person.role_label})"
            help_text = f"{person.article_count} articles · {span(person)}"
            yield label, help_text, partial(self.app.show_person, person)


class TitleProvider(_ReaderProvider):
    """``article 标题 — 2024-06-21`` → that article in its issue."""

    def candidates(self):
        catalog = getattr(self.app, "catalog", None)
        for issue in catalog.issues if catalog else []:
            for article in issue.articles:
                label = f"article {clean(article.heading)}"
                help_text = f"{issue.date_label} {clean(issue.newspaper)}"
                yield label, help_text, partial(self.app.go_to_article, article)


class RecentSearchProvider(_ReaderProvider):
    """``search again: 林晨`` → run it; listed first when the palette opens."""

    def candidates(self):
        for query in getattr(self.app, "recent_searches", []):
            yield f"search again: {clean(query)}", "recent search", partial(self.app.run_search, query)

    async def discover(self) -> Hits:
        for label, help_text, callback in self.candidates():
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text)


PROVIDERS = (RecentSearchProvider, IssueDateProvider, ReporterProvider, TitleProvider)
