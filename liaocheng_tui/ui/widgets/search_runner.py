"""A display-less widget that talks to the search service in thread workers.

The browse screen hands it the service (attribute down) and asks for a
search or for an article's highlights and related articles; answers come
back as messages (up).  A newer request cancels the older one of its kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from liaocheng_tui.archive.model import Article

SEARCH_LIMIT = 200
RELATED_LIMIT = 5


class SearchRunner(Widget):
    DEFAULT_CSS = "SearchRunner { display: none; }"

    @dataclass
    class Finished(Message):
        query: str
        results: Any  # SearchResults

    @dataclass
    class Failed(Message):
        query: str
        error: str

    @dataclass
    class Extras(Message):
        article: Article
        highlights: dict | None
        related: list[Article]
        note: str = ""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.service: Any = None

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def search(self, query: str, order: str = "auto") -> None:
        """Run ``query`` (hits in ``order``); posts Finished, or Failed with the query error's one-line message."""
        from liaocheng_tui.search.service import QueryError

        try:
            results = self.service.search(query, limit=SEARCH_LIMIT, order=order)
        except QueryError as exc:
            self.post_message(self.Failed(query, str(exc) or "malformed query"))
            return
        except Exception as exc:  # noqa: BLE001 - the user gets one line under the bar, never a dead worker
            self.post_message(self.Failed(query, f"search failed ({type(exc).__name__}): {exc}"))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Finished(query, results))

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def extras(self, article: Article, query: str) -> None:
        """Highlights of ``query`` in ``article`` (if any query) and its related articles."""
        worker = get_current_worker()
        highlights = None
        try:
            if query:
                highlights = self.service.highlight_spans(article, query)
            if worker.is_cancelled:
                return
            related = [h.article for h in self.service.more_like(article, limit=RELATED_LIMIT)]
            note = "" if related else "no related articles"
        except Exception as exc:  # noqa: BLE001 - an article still shows without its extras
            related, note = [], f"related articles unavailable ({type(exc).__name__})"
        if not worker.is_cancelled:
            self.post_message(self.Extras(article, highlights, related, note))
