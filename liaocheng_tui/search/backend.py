"""The search layer's front door as types: what the UI and the CLI may call, and what they get back.

``SearchBackend`` is the seam: ``SearchService`` (Whoosh over the SQLite
article store) is the one implementation; another engine (a distributed one,
for an archive that outgrew one machine) would implement the same Protocol.
``Progress`` is the one progress callback every long operation takes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from liaocheng_tui.archive.model import Article

Span = tuple[int, int]


class Progress(Protocol):
    """``progress(stage, done, total)``: stage is "parse" or "index"; total 0 means "waiting"."""

    def __call__(self, stage: str, done: int, total: int) -> None: ...


Cancelled = Callable[[], bool]


@dataclass
class Hit:
    """One result: the article, its score, and a snippet with the matched spans in it."""

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
    order: str = "best"  # how ``hits`` are ordered: best, newest or oldest


class SearchBackend(Protocol):
    """What a search engine for lc-reader answers."""

    warnings: list[str]

    @property
    def article_count(self) -> int: ...

    def search(self, query: str, limit: int | None = 50, order: str = "auto", *, months: bool = True) -> SearchResults:
        """Hits best first (``order``: best/newest/oldest; auto = newest for a filter-only query);
        ``total`` and ``per_month`` count every match (``months=False``: ``per_month`` left empty).
        Raises QueryError."""
        ...

    def highlight_spans(self, article: Article, query: str) -> dict[str, list[Span]]:
        """Spans to mark in each text of ``article`` (title, kicker, subtitle, body, byline, dateline), and
        under ``credits`` the names asked for (spans into the names joined by newlines)."""
        ...

    def more_like(self, article: Article, limit: int = 5) -> list[Hit]:
        """Articles most like ``article`` (never itself), best first."""
        ...

    def close(self) -> None: ...
