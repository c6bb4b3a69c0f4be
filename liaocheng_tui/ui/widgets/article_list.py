"""The middle pane: an issue's articles, or search results, or one person's articles.

Entries are Rich ``Text`` built by :mod:`liaocheng_tui.ui.article_text`, never
markup.  Moving the highlight posts :class:`ArticleList.ArticleHighlighted`;
Enter posts :class:`ArticleList.ArticleChosen`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from liaocheng_tui.archive.model import Article
from liaocheng_tui.ui.article_text import edition_label, hit_entry, list_entry
from liaocheng_tui.ui.cjk_wrap import CJKText


def _issue_entry(article: Article, divider: str, marked: bool) -> CJKText:
    return list_entry(article, divider=divider, marked=marked)


def _hit_entry(article: Article, snippet: str, spans: list, asked: str, marked: bool) -> CJKText:
    return hit_entry(article, snippet, spans, asked=asked, marked=marked)


class ArticleList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
    ]

    @dataclass
    class ArticleHighlighted(Message):
        article: Article
        index: int

    @dataclass
    class ArticleChosen(Message):
        article: Article

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.articles: list[Article] = []
        self.marked: Callable[[Article], bool] = lambda article: False  # bookmarked? (set by the screen)
        self._prompts: list[Callable[[bool], CJKText]] = []  # each entry's prompt, given its mark

    def show_articles(self, articles: list[Article], highlight: int | None = 0) -> None:
        """List an issue's ``articles`` and highlight one; each 版 of a paper of several opens
        with a divider line (``── A2版 ──``) on its first entry."""
        pages = [a.page for a in articles]
        several = len({id(p) for p in pages}) > 1 and any(p is not None and p.edition for p in pages)
        prompts = []
        for i, article in enumerate(articles):
            starts = several and (i == 0 or pages[i] is not pages[i - 1])
            divider = edition_label(article) or "版 ?" if starts else ""
            prompts.append(partial(_issue_entry, article, divider))
        self._fill(articles, prompts, highlight)

    def show_dated(self, articles: list[Article], highlight: int | None = 0) -> None:
        """List articles of many issues (a person's, this day in every year): each with date and paper."""
        self._fill(articles, [partial(_hit_entry, a, "", [], "") for a in articles], highlight)

    def show_hits(self, hits: list, highlight: int | None = 0, query: str = "") -> None:
        """List search hits (``Hit`` objects of the search layer) in their order; names in ``query`` first."""
        articles = [h.article for h in hits]
        self._fill(articles, [partial(_hit_entry, h.article, h.snippet, list(h.snippet_spans), query) for h in hits],
                   highlight)

    def refresh_mark(self, article: Article) -> None:
        """Show ``article``'s entry again after its bookmark was set or removed."""
        for i, listed in enumerate(self.articles):
            if listed is article or listed.id == article.id:
                self.replace_option_prompt_at_index(i, self._prompts[i](self.marked(listed)))

    def refresh_marks(self) -> None:
        """Every entry's mark again (bookmarks were changed on the bookmarks screen)."""
        for i, listed in enumerate(self.articles):
            self.replace_option_prompt_at_index(i, self._prompts[i](self.marked(listed)))

    def _fill(self, articles: list[Article], prompts: list[Callable[[bool], CJKText]], highlight: int | None) -> None:
        self.articles, self._prompts = list(articles), prompts
        self.clear_options()
        options: list[Option | None] = []
        for i, (article, prompt) in enumerate(zip(articles, prompts)):
            if i:
                options.append(None)  # a divider between entries
            options.append(Option(prompt(self.marked(article)), id=str(i)))
        self.add_options(options)
        if articles and highlight is not None:
            self.highlighted = max(0, min(highlight, len(articles) - 1))

    @property
    def current(self) -> Article | None:
        i = self.highlighted
        return self.articles[i] if i is not None and 0 <= i < len(self.articles) else None

    def step(self, delta: int) -> bool:
        """Move the highlight ``delta`` entries; False when already at that end."""
        if not self.articles:
            return False
        if self.highlighted is None:  # nothing highlighted yet: start from the matching end
            target = 0 if delta > 0 else len(self.articles) - 1
        else:
            target = self.highlighted + delta
        if not 0 <= target < len(self.articles):
            return False
        self.highlighted = target
        return True

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.articles):
            self.post_message(self.ArticleHighlighted(self.articles[index], index))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.articles):
            self.post_message(self.ArticleChosen(self.articles[index]))
