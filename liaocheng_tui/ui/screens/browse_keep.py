"""The browse screen's keys for keeping and quoting: bookmarks, history, citations, exports, the page file.

A mixin of :class:`BrowseScreen`.  What is kept lives in the user's data store
(the app's :class:`Keeper`; none when the store cannot be opened, and then
these keys say why).  The reader reopens where the user left off: the
article and its scroll are saved as they change and on quit.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from textual import work
from textual.app import SuspendNotSupported

from liaocheng_tui.archive.model import Article
from liaocheng_tui.cite import citation, plain_text
from liaocheng_tui.ui.pager import pager_command, pager_missing, readable_file
from liaocheng_tui.ui.safe_text import clean
from liaocheng_tui.ui.screens.browse_moves import BROWSE, SEARCH
from liaocheng_tui.ui.screens.kept import BOOKMARKS, HISTORY, KeptScreen
from liaocheng_tui.userdata.keeper import Keeper
from liaocheng_tui.userdata.store import UserDataProblem

if TYPE_CHECKING:
    from liaocheng_tui.ui.screens.browse import BrowseScreen

    _Base = BrowseScreen
else:
    _Base = object

#: Characters of a citation shown in its notification before it is cut (the clipboard gets all).
NOTE_CHARS = 200


class BrowseKeep(_Base):
    @property
    def keeper(self) -> Keeper | None:
        return getattr(self.app, "keeper", None)

    def _marked(self, article: Article) -> bool:
        keeper = self.keeper
        return keeper is not None and keeper.is_bookmarked(article)

    def _no_keeper(self) -> bool:
        """True (after saying why) when nothing can be kept."""
        if self.keeper is not None:
            return False
        reason = getattr(self.app, "user_problem", "") or "the archive is still opening"
        self.notify(clean(reason), severity="warning")
        return True

    # --- history and the last position ------------------------------------------------------
    def kept_visit(self, article: Article) -> None:
        """The article is shown: a visit in the history, and where to reopen."""
        keeper = self.keeper
        if keeper is None:
            return
        try:
            keeper.visit(article)
            keeper.save_position(article, 0.0)
        except UserDataProblem as exc:
            self._user_problem(exc)

    def save_position(self) -> None:
        """On quit: the article shown and its scroll."""
        keeper, article = self.keeper, self.article_view.article
        if keeper is None or article is None:
            return
        try:
            keeper.save_position(article, self.article_view.scroll_y)
        except UserDataProblem as exc:
            self._user_problem(exc)

    def restored_article(self) -> tuple[Article, float] | None:
        """Where the user left off in this archive (None the first time, or when it is gone)."""
        keeper = self.keeper
        if keeper is None:
            return None
        found = keeper.last_position()
        if found is None or self.catalog is None or self.catalog.issue_of(found[0]) is None:
            return None
        return found

    def _user_problem(self, exc: UserDataProblem) -> None:
        self.app.keeper = None
        self.app.user_problem = str(exc)
        self.notify(clean(str(exc)), severity="error", timeout=10)

    # --- bookmarks -------------------------------------------------------------------------------
    def action_bookmark(self) -> None:
        article = self.article_view.article
        if article is None or self._no_keeper():
            return
        try:
            now = self.keeper.toggle_bookmark(article)
        except UserDataProblem as exc:
            self._user_problem(exc)
            return
        self.article_list.refresh_mark(article)
        self.article_view.refresh_mark()
        title = clean(article.heading)
        self.notify(f"★ Bookmarked 《{title}》 — M lists bookmarks" if now else f"Bookmark removed: 《{title}》")

    def action_bookmarks(self) -> None:
        self._open_kept(BOOKMARKS)

    def action_history_list(self) -> None:
        self._open_kept(HISTORY)

    def _open_kept(self, kind: str) -> None:
        if self._no_keeper():
            return

        def chosen(article: Article | None) -> None:
            self.article_list.refresh_marks()
            self.article_view.refresh_mark()
            if article is not None:
                self.open_article(article)

        self.app.push_screen(KeptScreen(kind, self.keeper), chosen)

    # --- citations -----------------------------------------------------------------------------
    def action_cite(self) -> None:
        article = self.article_view.article
        if article is None:
            return
        text = citation(article, self.app.config.citation_style)
        self.app.copy_to_clipboard(text)
        self.notify(text, title="Citation copied", timeout=8)

    def action_cite_full(self) -> None:
        article = self.article_view.article
        if article is None:
            return
        text = plain_text(article, self.app.config.citation_style)
        self.app.copy_to_clipboard(text)
        cited = citation(article, self.app.config.citation_style)
        self.notify(f"{len(text)} characters, ending with its citation: {cited[:NOTE_CHARS]}",
                    title="Article copied", timeout=8)

    # --- exports ---------------------------------------------------------------------------------
    def action_export(self) -> None:
        """``x``: the results of the query (every one, not just those listed), or the list shown."""
        if self.mode == SEARCH and self.search.service is not None:
            query = self.search.query
            self._export(lambda: self.search.service.matching_articles(query), f"results-{query}")
        elif self.mode == BROWSE and self.issue is not None:
            articles = list(self.article_list.articles)
            self._export(lambda: articles, f"{self.issue.newspaper or 'paper'}-{self.issue.date_label}")
        else:
            articles = list(self.article_list.articles)
            self._export(lambda: articles, self.mode)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, articles, what: str) -> None:
        message = self.app.write_articles(articles(), what)
        self.app.call_from_thread(self.notify, message, title="Export", timeout=12)

    # --- the page file -------------------------------------------------------------------------------
    def action_open_page(self) -> None:
        """``o``: the page file in $PAGER at the article's first line (the app suspended meanwhile)."""
        article = self.article_view.article
        if article is None:
            return
        try:
            path, line = readable_file(article)
        except OSError as exc:
            self.notify(f"Cannot open the page file: {clean(str(exc))}", severity="error")
            return
        command = pager_command(path, line)
        if pager_missing(command):
            self.notify(f"No pager {clean(command[0])!r} here (set $PAGER); the page is {clean(path)}:{line}",
                        severity="warning", timeout=10)
            return
        try:
            with self.app.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            self.notify(f"This terminal cannot hand over to a pager; the page is {clean(path)}:{line}",
                        severity="warning", timeout=10)
        except OSError as exc:
            self.notify(f"{clean(command[0])} failed: {clean(str(exc))}", severity="error")
