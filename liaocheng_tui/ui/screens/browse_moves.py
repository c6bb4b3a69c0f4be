"""The browse screen's moves: the keys that step through results, articles, issues and papers.

A mixin of :class:`BrowseScreen` (it uses the screen's panes and state), kept
apart so each file holds one job: ``browse.py`` lays the screen out and keeps
what the panes show; this module turns keys into moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liaocheng_tui.ui.safe_text import clean

if TYPE_CHECKING:
    from liaocheng_tui.ui.screens.browse import BrowseScreen

    _Base = BrowseScreen
else:
    _Base = object

#: What the middle list shows: an issue, search results, one person's articles, or 历史上的今天.
BROWSE, SEARCH, PERSON, ON_THIS_DAY = "browse", "search", "person", "days"
#: The orders ``s`` cycles results through, and how the list's label says them.
ORDER_LABELS = {"best": "best first", "newest": "newest first", "oldest": "oldest first"}
NEXT_ORDER = {"best": "newest", "newest": "oldest", "oldest": "best"}


class BrowseMoves(_Base):
    def action_step_result(self, delta: int) -> None:
        if not self.article_list.step(delta):
            self.notify("Last result." if delta > 0 else "First result.")

    def action_step_hit(self, delta: int) -> None:
        """``.`` / ``,``: the article's next / previous marked hit (``n``/``N`` step between results)."""
        if not self.article_view.step_hit(delta):
            self.notify("No more hits in this article." if delta > 0 else "No earlier hit in this article.")

    def action_step_article(self, delta: int) -> None:
        if self.article_list.step(delta):
            return
        if self.mode == BROWSE and self.catalog is not None and self.issue is not None:
            target = self.catalog.step_issue(self.issue, delta)
            if target is not None and target is not self.issue and target.articles:
                self._pending_article = target.articles[0 if delta > 0 else -1]
                self.tree.go_to_issue(target)
                return
        self.notify("Last article." if delta > 0 else "First article.")

    def action_step_issue(self, delta: int) -> None:
        if self.catalog is None:
            return
        base = self._heading_to or self.issue  # } } } pressed quickly: step on from the last target
        target = self.catalog.step_issue(base, delta)
        if target is None or target is base:
            paper = clean(base.newspaper) if base is not None else ""
            self.notify(f"{'Last' if delta > 0 else 'First'} issue of {paper}.")
            return
        self.open_issue(target)

    def action_toggle_tree(self) -> None:
        self.toggle_class("-tree-toggled")
        if self.has_class("-narrow") == self.has_class("-tree-toggled"):
            self.tree.focus()
        elif self.focused is self.tree:
            self.article_list.focus()

    def action_related(self, index: int) -> None:
        related = self.article_view.related
        if 0 <= index < len(related):
            self.open_article(related[index])
        else:
            self.notify(f"No related article {index + 1}.")

    def action_also_reported(self) -> None:
        """``a``: the one other report of this event, or the list of them to choose from (Enter)."""
        also = self.article_view.also
        if not also and not getattr(self.app, "links_known", True):
            self.notify("No other report linked yet: the repost pass is still running (its links show when it ends).")
        elif not also:
            self.notify("No other report of this event is linked (the repost pass links them after indexing).")
        elif len(also) == 1:
            self.post_message(self.article_view.AlsoChosen(also[0].aid))
        else:
            options = self.article_view.query_one("#also")
            options.focus()
            options.highlighted = 0
            options.scroll_visible()

    def action_draft(self, text: str = "", run: bool = False) -> None:
        """``d``: 已写过吗? the draft screen; an article chosen there is read here."""
        from liaocheng_tui.ui.screens.draft import DraftScreen

        def chosen(article) -> None:
            if article is not None:
                self.open_article(article)

        self.app.push_screen(DraftScreen(text, run=run), chosen)

    def action_problems(self) -> None:
        from liaocheng_tui.ui.screens.problems import ProblemsScreen

        if self.catalog is not None:
            self.app.push_screen(ProblemsScreen(self.catalog))


    def action_other_paper(self) -> None:
        """``p``: the other paper's issue of this date, or its nearest (saying how far)."""
        if self.catalog is None or self.issue is None:
            return
        target, same_day = self.catalog.other_paper(self.issue)
        if target is None:
            self.notify("No other paper's issue to switch to.")
            return
        if not same_day and target.date is not None and self.issue.date is not None:
            days = (target.date - self.issue.date).days
            self.notify(f"{clean(target.newspaper)} has no issue on {self.issue.date}: the nearest is "
                        f"{target.date} ({days:+d} day{'s' if abs(days) != 1 else ''}).")
        self.open_issue(target, jump=True)

    def action_sort(self) -> None:
        """``s``: results best → newest → oldest first (asked again: every hit, not just those shown);
        a person's list or this day in every year: the other way round."""
        if self.mode == SEARCH and self.search.results is not None:
            order = NEXT_ORDER.get(getattr(self.search.results, "order", "best"), "best")
            self._start_search(self.search.query, order)
        elif self.mode in (PERSON, ON_THIS_DAY):
            articles = list(reversed(self.article_list.articles))
            self.list_order = "oldest" if self.list_order == "newest" else "newest"
            self.article_list.show_dated(articles, 0)
            self.search_bar.set_status(f"{ORDER_LABELS[self.list_order]} · s flips · Esc back to browsing", "info")

    def action_on_this_day(self) -> None:
        """``D``: 历史上的今天 — the articles of this issue's month and day in every year."""
        if self.catalog is None or self.issue is None or self.issue.date is None:
            self.notify("This issue has no date.")
            return
        self.show_on_this_day(self.issue.date)

    def action_full_screen(self) -> None:
        """``f``: the article alone (tree and list hidden), and back."""
        self.toggle_class("-full-screen")
        full = self.has_class("-full-screen")
        self.article_view.set_compact(full)
        if full:
            self.article_view.focus()
