"""The browse screen's search results: starting a query, showing its hits, and leaving them.

A mixin of :class:`BrowseScreen` (the message handlers stay on the screen):
``show_results`` fills the list and the hits summary; ``action_back`` (Esc)
leaves results or a person's list for the issue and article the user was
reading, scrolled as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liaocheng_tui.ui.screens.browse_moves import BROWSE, ORDER_LABELS, SEARCH
from liaocheng_tui.ui.widgets.hits_summary import HitsSummary
from liaocheng_tui.ui.widgets.search_runner import SearchRunner

if TYPE_CHECKING:
    from liaocheng_tui.ui.screens.browse import BrowseScreen

    _Base = BrowseScreen
else:
    _Base = object


class BrowseResults(_Base):
    def _start_search(self, query: str, order: str = "auto") -> None:
        self.search.pending = ""
        self.search_bar.set_status(f"searching 「{query}」…", "busy")
        self.query_one(SearchRunner).search(query, order)

    def show_results(self, query: str, results, index: int = 0) -> None:
        """The results of ``query`` in the list (from a search, or from the back stack)."""
        self.mode, self.search.query, self.search.results = SEARCH, query, results
        shown = len(results.hits)
        order = ORDER_LABELS.get(getattr(results, "order", "best"), "best first")
        kept = {"best": "best", "newest": "newest", "oldest": "oldest"}.get(getattr(results, "order", "best"), "best")
        more = f" (showing the {kept} {shown})" if results.total > shown else ""
        label = f"{results.total} hit{'s' if results.total != 1 else ''} for 「{query}」{more} · {order}"
        self._show_summary(label, results.per_month)
        self._set_list_title("")
        self.search_bar.set_status(f"{label} · s sorts · n/N next/previous · Esc back to browsing", "info")
        self.article_list.show_hits(results.hits, index, query)
        if not results.hits:
            self.article_view.show_message(f"Nothing matches 「{query}」. Esc goes back to browsing.")
        self.article_list.focus()

    def _show_summary(self, label: str, per_month: dict[str, int]) -> None:
        summary = self.query_one(HitsSummary)
        months = self.catalog.months if self.catalog else sorted(per_month)
        summary.show(label, months, per_month)
        summary.display = True

    # --- leaving results: back where the user was ---------------------------------------------
    def _save_place(self) -> None:
        if self.mode == BROWSE:
            self.place = self.here()

    def _leave_results(self) -> None:
        self.mode, self.person = BROWSE, None
        self.search.query, self.search.results = "", None
        self.query_one(HitsSummary).display = False

    def action_back(self) -> None:
        if self.mode == BROWSE:
            if self.focused is self.search_bar.input:
                self.article_list.focus()
            return
        self.history.push(self.here())  # Backspace returns to the results (or list) left here
        self._leave_results()
        place, self.place = self.place, None
        if place is not None and place.issue is not None:
            self._pending_scroll = place.scroll
            self.show_issue(place.issue, place.index)
            if place.focus_id and place.focus_id != "query":
                self.query_one(f"#{place.focus_id}").focus()
            else:
                self.article_list.focus()
        elif self.issue is not None:
            self.show_issue(self.issue)
        self._restore_search_status()

    def _restore_search_status(self) -> None:
        if self.search.status == "ready":
            self.search_bar.set_status("ready — press / to search", "info")
        elif self.search.status == "indexing":
            self.search_bar.set_status("indexing…", "busy")
        else:
            self.search_bar.set_status(self.search.reason, "error")
