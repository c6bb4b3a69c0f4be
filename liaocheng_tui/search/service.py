"""The search layer's one front door, used by the CLI and the terminal UI.

INTERFACE CONTRACT (the UI is written against exactly this; the search
implementation may add to it but must not change these signatures):

    service = SearchService.open(archive, cache_dir=None, use_cache=True,
                                 progress=None, cancelled=None)
    results = service.search("记者:林晨 2024", limit=50)   # raises QueryError
    results.total, results.hits, results.per_month
    hit.article, hit.score, hit.snippet, hit.snippet_spans
    service.highlight_spans(article, "query") -> {"title": [(s, e)], "body": [...], ...}
    service.more_like(article, limit=5) -> list[Hit]
    service.close()

    archive, service = open_archive(roots, cache_dir=None, use_cache=True,
                                    progress=None, on_archive=None, cancelled=None)
        # the one call the CLI and UI use to start: loads pages (re-parsing only
        # files added/changed since the cache was written), calls
        # on_archive(archive) as soon as pages are ready (so the UI can browse),
        # then brings the index up to date.  progress(stage, done, total) with
        # stage "parse" or "index".

Spans are (start, end) character offsets into the plain strings
(``article.title``, ``article.body``, ``hit.snippet``), so a UI can style
them as text without ever building markup from article text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from liaocheng_tui.archive.model import Archive, Article

Span = tuple[int, int]


class QueryError(ValueError):
    """A malformed query; ``str(exc)`` is one line saying what is wrong."""


@dataclass
class Hit:
    article: Article
    score: float
    snippet: str
    snippet_spans: list[Span] = field(default_factory=list)


@dataclass
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    per_month: dict[str, int] = field(default_factory=dict)  # "2024-06" -> hits that month


class SearchService:
    """Index + query + highlight over one archive."""

    @classmethod
    def open(
        cls,
        archive: Archive,
        *,
        cache_dir: Path | None = None,
        use_cache: bool = True,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchService:
        raise NotImplementedError

    def search(self, query: str, limit: int | None = 50) -> SearchResults:
        raise NotImplementedError

    def highlight_spans(self, article: Article, query: str) -> dict[str, list[Span]]:
        raise NotImplementedError

    def more_like(self, article: Article, limit: int = 5) -> list[Hit]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


ProgressFn = Callable[[str, int, int], None]


def open_archive(
    roots: list[Path],
    *,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    progress: ProgressFn | None = None,
    on_archive: Callable[[Archive], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[Archive, SearchService]:
    raise NotImplementedError
