"""The browse screen's memory of places: the back stack, and a catalog refreshed under the reader.

A mixin of :class:`BrowseScreen`: ``here`` captures what is shown (list,
entry, scroll, focus), ``jumped`` remembers it before a jump, ``restore``
shows a remembered place again; ``refresh_catalog`` swaps in the tree of an
archive that changed while it was shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liaocheng_tui.ui.catalog import Catalog
from liaocheng_tui.ui.history import Place
from liaocheng_tui.ui.screens.browse_moves import BROWSE, ON_THIS_DAY, PERSON, SEARCH
from liaocheng_tui.ui.widgets.archive_header import ArchiveHeader

if TYPE_CHECKING:
    from liaocheng_tui.ui.screens.browse import BrowseScreen

    _Base = BrowseScreen
else:
    _Base = object


class BrowseHistory(_Base):
    def refresh_catalog(self, catalog: Catalog) -> None:
        """The archive changed while shown (files added or changed since the last start): the new
        tree, the same issue and entry kept (or the newest issue when it is gone)."""
        key = self.issue.key if self.issue is not None else None
        index = self.article_list.highlighted if self.mode == BROWSE else None
        self.catalog = catalog
        self.query_one(ArchiveHeader).show_catalog(catalog)
        self.tree.show_catalog(catalog)
        untouched = key == self._opened_on and not self.history.back_places and index in (0, None)
        target = None if untouched else catalog.issue_by_key(key) if key else None
        if target is None:  # still where it opened: open on the newest issue, which may be new
            target = catalog.newest()
        if target is None:
            return
        articles = target.articles
        if index is not None and 0 <= index < len(articles):
            self._pending_article = articles[index]
        if self.mode == BROWSE:
            self.tree.go_to_issue(target)
        else:
            self.issue = target  # results stay; Esc comes back to this issue

    def here(self) -> Place:
        """Where the user is now (what the list shows, the entry, the article's scroll, the focus)."""
        focused = self.focused.id if self.focused is not None else None
        return Place(self.mode, self.issue, self.article_list.highlighted, self.article_view.scroll_y, focused,
                     self.search.query, self.search.results, self.person, self.day)

    def jumped(self) -> None:
        """A jump is about to leave this place: remember it for Backspace."""
        if self.catalog is not None and (self.issue is not None or self.mode != BROWSE):
            self.history.push(self.here())

    def restore(self, place: Place) -> None:
        """Show ``place`` again, its entry highlighted and its article scrolled as it was."""
        self._pending_scroll = place.scroll
        if place.mode == SEARCH and place.results is not None:
            self.show_results(place.query, place.results, place.index or 0)
        elif place.mode == PERSON and place.person is not None:
            self.show_person(place.person, place.index or 0, remember=False)
        elif place.mode == ON_THIS_DAY and place.day is not None:
            self.show_on_this_day(place.day, place.index or 0, remember=False)
        elif place.issue is not None:
            self._leave_results()
            articles = place.issue.articles
            if place.index is not None and 0 <= place.index < len(articles):
                self._pending_article = articles[place.index]
            if self.tree.current_issue is place.issue:
                self.show_issue(place.issue, place.index)
            else:
                self.tree.go_to_issue(place.issue)
            self._restore_search_status()
        if place.focus_id and place.focus_id != "query":
            self.query_one(f"#{place.focus_id}").focus()

    def action_history_back(self) -> None:
        place = self.history.back(self.here())
        if place is None:
            self.notify("Nothing to go back to.")
            return
        self.restore(place)

    def action_history_forward(self) -> None:
        place = self.history.forward(self.here())
        if place is None:
            self.notify("Nothing to go forward to.")
            return
        self.restore(place)
