"""The main screen: header, search bar, issue tree, article list and reading pane.

It keeps the one piece of state the panes share — what the middle list is
showing (an issue, search results, or one person's articles) and where the
user was before leaving the issue.  Searches, highlights and related
articles are asked of a :class:`SearchRunner`, which answers with messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from liaocheng_tui.archive.model import Article
from liaocheng_tui.archive.printable import display_path
from liaocheng_tui.ui.catalog import Catalog, Issue
from liaocheng_tui.ui.history import History, Place
from liaocheng_tui.ui.people_index import Person
from liaocheng_tui.ui.safe_text import clean
from liaocheng_tui.ui.screens.browse_history import BrowseHistory
from liaocheng_tui.ui.screens.browse_keep import BrowseKeep
from liaocheng_tui.ui.screens.browse_lists import BrowseLists
from liaocheng_tui.ui.screens.browse_moves import BROWSE, SEARCH, BrowseMoves
from liaocheng_tui.ui.screens.browse_results import BrowseResults
from liaocheng_tui.ui.widgets.archive_header import ArchiveHeader
from liaocheng_tui.ui.widgets.article_list import ArticleList
from liaocheng_tui.ui.widgets.article_view import ArticleView
from liaocheng_tui.ui.widgets.hits_summary import HitsSummary
from liaocheng_tui.ui.widgets.issue_tree import IssueTree
from liaocheng_tui.ui.widgets.load_progress import LoadProgress
from liaocheng_tui.ui.widgets.search_bar import SearchBar
from liaocheng_tui.ui.widgets.search_runner import SearchRunner



@dataclass
class SearchState:
    status: str = "indexing"  # indexing | ready | unavailable
    reason: str = ""
    service: Any = None
    query: str = ""  # the query whose results are shown
    results: Any = None
    pending: str = ""  # a query submitted while indexing


class BrowseScreen(BrowseMoves, BrowseLists, BrowseHistory, BrowseKeep, BrowseResults, Screen):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS = [
        # priority: the app runs it as the key arrives, so keys typed right after / reach the bar
        Binding("slash", "focus_search", "Search", priority=True, id="browse.search",
                tooltip="Go to the search bar (type a query, Enter runs it)"),
        Binding("escape", "back", "Back", id="browse.back",
                tooltip="Leave results or a person's list: back to the issue you were reading"),
        Binding("n", "step_result(1)", "Next hit", id="browse.next-hit", tooltip="Next search result"),
        Binding("N", "step_result(-1)", "Prev hit", show=False, id="browse.prev-hit", tooltip="Previous search result"),
        Binding("s", "sort", "Sort", id="browse.sort",
                tooltip="Results: best first → newest first → oldest first; a person's list, this day: flip the order"),
        Binding("full_stop", "step_hit(1)", "Hit in text", id="browse.next-hit-in-article",
                tooltip="Scroll the article to its next marked hit"),
        Binding("comma", "step_hit(-1)", "Prev hit in text", show=False, id="browse.prev-hit-in-article",
                tooltip="Scroll the article to its previous marked hit"),
        Binding("left_square_bracket", "step_article(-1)", "Prev article", show=False, id="browse.prev-article",
                tooltip="Previous article (runs on into the previous issue)"),
        Binding("right_square_bracket", "step_article(1)", "Next", id="browse.next-article",
                tooltip="Next article (runs on into the next issue)"),
        Binding("left_curly_bracket", "step_issue(-1)", "Prev issue", show=False, id="browse.prev-issue",
                tooltip="Previous issue in the tree"),
        Binding("right_curly_bracket", "step_issue(1)", "Next issue", id="browse.next-issue",
                tooltip="Next issue in the tree"),
        Binding("t", "toggle_tree", "Tree", id="browse.toggle-tree", tooltip="Show or hide the issue tree"),
        Binding("backspace,ctrl+o", "history_back", "Back", show=False, id="browse.history-back",
                tooltip="Back to where you were before the last jump (related, palette, results, a person, p)"),
        Binding("ctrl+f", "history_forward", "Forward", show=False, id="browse.history-forward",
                tooltip="Forward again after going back"),
        Binding("p", "other_paper", "Other paper", id="browse.other-paper",
                tooltip="The other paper's issue of the same date (or the nearest one, saying so)"),
        Binding("D", "on_this_day", "This day", show=False, id="browse.on-this-day",
                tooltip="历史上的今天: the articles of this month and day in every year"),
        Binding("f", "full_screen", "Full screen", show=False, id="browse.full-screen",
                tooltip="Read the article alone (header and footer kept); f again to come back"),
        Binding("w", "problems", "Warnings", show=False, id="browse.problems",
                tooltip="Pages that failed to read or parse cleanly, with their warnings"),
        Binding("m", "bookmark", "Bookmark", id="browse.bookmark",
                tooltip="Bookmark the article (or remove its bookmark); ★ marks it"),
        Binding("M", "bookmarks", "Bookmarks", show=False, id="browse.bookmarks",
                tooltip="Your bookmarks: filter, Enter opens, e note, d removes, x exports"),
        Binding("H", "history_list", "History", show=False, id="browse.history",
                tooltip="Every article you read, newest first: filter, Enter opens"),
        Binding("y", "cite", "Cite", id="browse.cite",
                tooltip="Copy a citation of the article to the clipboard (OSC 52: works over SSH and tmux)"),
        Binding("Y", "cite_full", "Copy article", show=False, id="browse.copy-article",
                tooltip="Copy the whole article as plain text, with its citation"),
        Binding("x", "export", "Export", show=False, id="browse.export",
                tooltip="Export the results (all of them) or the list shown to a file; says where"),
        Binding("o", "open_page", "Open page", show=False, id="browse.open-page",
                tooltip="The article's page file in $PAGER (default less), at the article's first line"),
        Binding("d", "draft", "已写过吗", show=False, id="browse.draft",
                tooltip="已写过吗? Paste a draft: the archive's articles on the same event, side by side"),
        Binding("a", "also_reported", "Also reported", show=False, id="browse.also-reported",
                tooltip="The other reports of this article's event (another paper, another 版, a repost)"),
        *(
            Binding(str(n), f"related({n - 1})", "Related", show=False, id=f"browse.related-{n}",
                    tooltip="Open related article 1–5 (listed under the article)")
            for n in range(1, 6)
        ),
    ]

    mode: reactive[str] = reactive(BROWSE, bindings=True)
    """What the middle list shows: browse (an issue), search (results) or person; keys follow it."""

    class Shown(Message):
        """Posted once the screen is on display: loading can start delivering to it."""

    def __init__(self) -> None:
        super().__init__()
        self.catalog: Catalog | None = None
        self.issue: Issue | None = None
        self.place: Place | None = None
        self.search = SearchState()
        self.person: Person | None = None
        self.day = None  # the date of 历史上的今天's list
        self.history = History()
        self._opened_on: str | None = None
        self._shown_first: Issue | None = None  # shown by show_catalog before the tree's cursor reached it  # the issue the reader opened on (a refresh may move past it)
        self.list_order = "newest"  # a person's list, 历史上的今天 (s flips it)
        self._pending_scroll: float | None = None  # where to scroll the next article shown (back stack, Esc)
        self._restored_for: Article | None = None  # shown at a restored scroll: not moved to its first hit
        self._pending_article: Article | None = None
        self._heading_to: Issue | None = None  # asked of the tree, not shown yet (for quick repeats)
        self.extras_for: Article | None = None  # the article whose highlights and related are shown

    # --- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield ArchiveHeader(id="header")
        yield LoadProgress(id="progress")
        yield SearchBar(id="search")
        with Horizontal(id="panes"):
            yield IssueTree(id="tree")
            with Horizontal(id="reading"):
                with Vertical(id="middle"):
                    yield HitsSummary(id="hits")
                    yield Static("", id="list-title", markup=False)
                    yield ArticleList(id="articles")
                yield ArticleView(id="article")
        yield SearchRunner()
        yield Footer()

    def on_resize(self) -> None:
        """A resize reflows the list: keep the selected entry in view."""
        self.call_after_refresh(self.article_list.scroll_to_highlight)

    def on_mount(self) -> None:
        self.article_list.marked = self.article_view.marked = self._marked
        self.query_one(HitsSummary).display = False
        self.query_one(SearchBar).set_status("indexing… (browse while the search index is built)", "busy")
        self.query_one(ArticleView).show_related([], "reading pages…")
        self.call_after_refresh(self.post_message, self.Shown())

    @property
    def tree(self) -> IssueTree:
        return self.query_one(IssueTree)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    # --- attributes down: the app tells the screen what has been loaded ------------------
    def show_progress(self, stage: str, done: int, total: int) -> None:
        self.query_one(LoadProgress).update_progress(stage, done, total)

    def show_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.query_one(ArchiveHeader).show_catalog(catalog)
        self.tree.show_catalog(catalog)
        newest = catalog.newest()
        self._opened_on = newest.key if newest is not None else None
        left_off = self.restored_article()
        if left_off is not None:  # where the user left off last time (its issue, article and scroll)
            article, self._pending_scroll = left_off
            issue = catalog.issue_of(article)
            self._opened_on = None  # a refresh of the tree keeps the reader here
            index = next((i for i, a in enumerate(issue.articles) if a.id == article.id), 0)
            self.show_issue(issue, index)
            self._shown_first = issue
            self.tree.go_to_issue(issue)
        elif newest is not None:
            self.show_issue(newest)  # at once: the tree's cursor follows after its first refresh
            self._shown_first = newest
            self.tree.go_to_issue(newest)
        else:
            roots = ", ".join(display_path(r) for r in catalog.shelf.roots)
            self.article_view.show_message(f"No pages found in {roots}.\n\nPage files are .txt files; press w for files that could not be read.")
            self._set_list_title("no pages found")
        self.article_list.focus()

    def search_ready(self, service: Any) -> None:
        self.search.status, self.search.service = "ready", service
        self.query_one(SearchRunner).service = service
        self.query_one(LoadProgress).finish()
        typed = self.search_bar.value or self.search.pending
        if typed:
            self.search_bar.set_value(typed)
            self._start_search(typed)
        else:
            self.search_bar.set_status("ready — press / to search", "info")
        if self.article_view.article is not None:
            self.query_one(SearchRunner).extras(self.article_view.article, self._highlight_query())

    def links_ready(self) -> None:
        """The repost pass is over: the article shown lists the reports it linked to it."""
        article = self.article_view.article
        if article is not None and self.catalog is not None:
            self.article_view.show_also(self.catalog.shelf.also_reported(article.id))

    def search_unavailable(self, reason: str) -> None:
        self.search.status, self.search.reason = "unavailable", reason
        self.query_one(LoadProgress).finish()
        self.search_bar.set_status(reason, "error")
        self.article_view.show_related([], "")

    # --- the tree and the list -----------------------------------------------------------
    @on(IssueTree.IssueHighlighted)
    def _issue_highlighted(self, event: IssueTree.IssueHighlighted) -> None:
        if self.mode != BROWSE:
            self._leave_results()
        elif event.issue is self._shown_first:  # already shown at start, before the tree's cursor got there
            self._shown_first = None
            return
        self._shown_first = None
        self.show_issue(event.issue)

    @on(IssueTree.IssueChosen)
    def _issue_chosen(self, event: IssueTree.IssueChosen) -> None:
        if event.issue is not self.issue:
            self.show_issue(event.issue)
        self.article_list.focus()

    def show_issue(self, issue: Issue, index: int | None = None) -> None:
        self.issue, self._heading_to = issue, None
        articles = issue.articles
        pending = self._pending_article
        # the tree may pass over other issues while it opens the way to the pending one
        if pending is not None and self.catalog is not None and self.catalog.issue_of(pending) is issue:
            index = next((i for i, a in enumerate(articles) if a.id == pending.id), index)
            self._pending_article = None
        count = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
        warn = f" · ⚠ {len(issue.warnings)} warning(s), press w" if issue.warnings else ""
        self._set_list_title(f"{issue.newspaper} {issue.date_label} · {count}{warn}")
        shown = max(0, min(index or 0, len(articles) - 1))
        self.article_list.show_articles(articles, shown)
        if articles:
            self.show_article(articles[shown])  # now, not after the list's highlight message
        if not articles:
            problems = "\n".join(issue.warnings) or "The page has no text."
            self.article_view.show_message(f"No articles on this issue's pages.\n\n{problems}")

    def _set_list_title(self, text: str) -> None:
        title = self.query_one("#list-title", Static)
        title.update(Text(clean(text), style="bold"))
        title.display = bool(text)

    @on(ArticleList.ArticleHighlighted)
    def _article_highlighted(self, event: ArticleList.ArticleHighlighted) -> None:
        if event.article is self.article_view.article:  # shown already (show_issue shows its first at once)
            return
        self.show_article(event.article)

    @on(ArticleList.ArticleChosen)
    def _article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        self.article_view.focus()

    @on(ArticleView.RelatedChosen)
    def _related_chosen(self, event: ArticleView.RelatedChosen) -> None:
        self.open_article(event.article)

    @on(ArticleView.AlsoChosen)
    def _also_chosen(self, event: ArticleView.AlsoChosen) -> None:
        article = self.catalog.shelf.article(event.aid) if self.catalog else None
        if article is None:
            self.notify("That article is no longer in the archive.", severity="warning")
            return
        self.open_article(article)

    def show_article(self, article: Article) -> None:
        self.article_view.show(article)
        self.kept_visit(article)
        self.article_view.show_also(self.catalog.shelf.also_reported(article.id) if self.catalog else [])
        if self._pending_scroll is not None:
            y, self._pending_scroll, self._restored_for = self._pending_scroll, None, article
            self.call_after_refresh(lambda: self.article_view.scroll_to(y=y, animate=False))
        query = self._highlight_query()
        if self.search.status == "ready":
            self.article_view.show_related([], "finding related articles…")
            self.query_one(SearchRunner).extras(article, query)

    def open_article(self, article: Article) -> None:
        """Browse to ``article`` in its issue (from the palette, a related link or a person)."""
        if self.catalog is None:
            return
        issue = self.catalog.issue_of(article)
        if issue is None:
            return
        self.jumped()
        browsing = self.mode == BROWSE  # the list shows self.issue (not results)
        if not browsing:
            self._leave_results()
        shown = [a.id for a in self.article_list.articles]
        if browsing and issue is self.issue and article.id in shown:
            self.article_list.highlighted = shown.index(article.id)
        else:
            self._pending_article = article
            self.tree.go_to_issue(issue)
            if self.tree.current_issue is issue:  # the cursor will not move: show it ourselves
                self.show_issue(issue)

    def open_issue(self, issue: Issue, *, jump: bool = False) -> None:
        """Browse ``issue``; ``jump`` (a palette command, another paper) remembers where the user was."""
        if jump:
            self.jumped()
        if self.mode != BROWSE:
            self._leave_results()
        self._heading_to = issue
        self.tree.go_to_issue(issue)

    def _highlight_query(self) -> str:
        return self.search.query if self.mode == SEARCH else ""

    # --- answers from the search service ---------------------------------------------------
    @on(SearchRunner.Extras)
    def _extras(self, event: SearchRunner.Extras) -> None:
        if event.article is not self.article_view.article:
            return
        if event.highlights:
            first = self.extras_for is not event.article
            self.article_view.show(event.article, event.highlights, keep_scroll=True)
            if first and self.mode == SEARCH and self._restored_for is not event.article:
                self.call_after_refresh(self.article_view.scroll_to_first_hit)  # once laid out
        self.article_view.show_related(event.related, event.note)
        self.extras_for = event.article

    # --- search ----------------------------------------------------------------------------
    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        query = event.query
        if not query:
            if self.mode != BROWSE:
                self.action_back()
            return
        if self.search.status == "indexing":
            self.search.pending = query
            self.search_bar.set_status(f"indexing… 「{query}」 will run as soon as the index is ready", "busy")
        elif self.search.status == "unavailable":
            self.search_bar.set_status(self.search.reason, "error")
        else:
            self._start_search(query)

    @on(SearchRunner.Failed)
    def _search_failed(self, event: SearchRunner.Failed) -> None:
        self.search_bar.set_status(f"✗ {event.error}", "error")

    @on(SearchRunner.Finished)
    def _search_finished(self, event: SearchRunner.Finished) -> None:
        self.app.remember_search(event.query)
        if self.mode == SEARCH and self.search.query == event.query:  # the same query in another order
            self.show_results(event.query, event.results)
            return
        self.jumped()
        self._save_place()
        self.show_results(event.query, event.results)

    # --- keys --------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n/N only among results; Esc only where there is somewhere to go back to."""
        if action in ("step_result", "step_hit"):
            return self.mode == SEARCH
        if action == "sort":
            return self.mode != BROWSE
        if action == "back":
            return self.mode != BROWSE or (self.focused is not None and self.focused.id == "query")
        if action == "focus_search":
            # In the bar, / is a character: the key goes to the input behind the ones queued
            # before it (run by the priority binding, it landed ahead of them in a burst).
            return self.focused is not self.search_bar.input
        return True

    def action_focus_search(self) -> None:
        bar = self.search_bar.input
        # set_focus at once (not focus(), which waits a turn): keys typed right after / must
        # already reach the bar, or a quick typist's first characters go to the list.
        self.set_focus(bar)
