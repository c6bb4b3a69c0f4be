"""The reading pane: the whole article, hits highlighted, related articles at the end.

Related articles are numbered; the keys 1–5 (bound on the browse screen) or a
click open them, which this pane reports with :class:`ArticleView.RelatedChosen`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from liaocheng_tui.archive.edition import shown as edition_shown
from liaocheng_tui.archive.model import Article
from liaocheng_tui.ui.safe_text import clean, safe_text
from liaocheng_tui.ui.cjk_wrap import CJKText
from liaocheng_tui.ui.article_text import article_body, date_label, heading, hit_offsets, paper_label

#: Lines kept above a hit the pane scrolls to (its paragraph's start is usually there).
HIT_CONTEXT_LINES = 1
WELCOME = "Pick an issue in the tree (or press / to search). Press ? for all keys."


class ArticleView(VerticalScroll):
    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False, id="article.down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="article.up"),
        Binding("g", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="article.bottom"),
        Binding("space", "page_down", "Page down", show=False, id="article.page-down"),
        Binding("b", "page_up", "Page up", show=False, id="article.page-up"),
    ]

    @dataclass
    class RelatedChosen(Message):
        article: Article

    @dataclass
    class AlsoChosen(Message):
        """An "also reported" entry was chosen (its id: the article is read when opened)."""

        aid: str

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self.text: Text = Text(WELCOME)
        self.related: list[Article] = []
        self.also: list = []  # LinkRow of the articles reporting the same event (the repost pass's links)
        self.hit_index = -1  # the hit line last scrolled to (step_hit)
        self.compact = False  # full-screen reading: a shorter head (article_body's ``compact``)
        self._highlights: dict | None = None
        self.marked: Callable[[Article], bool] = lambda article: False  # bookmarked? (set by the screen)

    def compose(self) -> ComposeResult:
        yield Static(CJKText(self.text), id="article-text")
        yield Static("", id="also-title", markup=False)
        yield OptionList(id="also", markup=False)
        yield Static("", id="related-title", markup=False)
        yield OptionList(id="related", markup=False)

    def show_message(self, message: str) -> None:
        """Show a note instead of an article (an empty issue, no results)."""
        self.article = None
        self.text = Text(message)
        self.query_one("#article-text", Static).update(CJKText(self.text))
        self.show_related([])

    def show(self, article: Article | None, highlights: dict | None = None, *, keep_scroll: bool = False) -> None:
        """Show ``article`` (hits from ``highlights`` styled); scroll to the top unless told not to."""
        same = article is self.article
        if not same:
            self.hit_index = -1
        self.article, self._highlights = article, highlights
        self.text = (article_body(article, highlights, compact=self.compact, marked=self.marked(article))
                     if article is not None else Text(WELCOME))
        self.query_one("#article-text", Static).update(CJKText(self.text))
        if not same:
            self.show_related([])
        if not (keep_scroll and same):
            self.scroll_home(animate=False)

    def refresh_mark(self) -> None:
        """The header again, after the article's bookmark was set or removed (scroll kept)."""
        if self.article is not None:
            self.show(self.article, self._highlights, keep_scroll=True)

    def hit_lines(self) -> list[int]:
        """The lines of the pane (from its top) where the marked hits are, in order, no repeats."""
        static = self.query_one("#article-text", Static)
        width = static.content_region.width or static.size.width or 1
        rendered = CJKText(self.text)
        return sorted({rendered.line_of(o, width) for o in hit_offsets(self.text)})

    def step_hit(self, delta: int) -> bool:
        """Scroll to the next (``delta`` > 0) or previous hit line; False when there is none that way."""
        lines = self.hit_lines()
        target = self.hit_index + delta
        if not lines or not 0 <= target < len(lines):
            return False
        self.hit_index = target
        self.scroll_to(y=max(0, lines[target] - HIT_CONTEXT_LINES), animate=False)
        return True

    def scroll_to_first_hit(self) -> bool:
        """Scroll to the first hit (True), or leave the pane as it is when nothing is marked."""
        self.hit_index = -1
        return self.step_hit(1)

    def set_compact(self, compact: bool) -> None:
        """Full-screen reading on or off: the article shown again with the head that suits it."""
        self.compact = compact
        if self.article is not None:
            self.show(self.article, self._highlights, keep_scroll=True)

    def show_also(self, links: list) -> None:
        """List the articles reporting the same event (another paper, another 版, a repost), key ``a``."""
        self.also = list(links)
        title = self.query_one("#also-title", Static)
        options = self.query_one("#also", OptionList)
        options.clear_options()
        title.set_class(not self.also, "-empty")
        options.set_class(not self.also, "-empty")
        if not self.also:
            title.update("")
            return
        title.update(Text("同一事件 Also reported — press a", style="bold"))
        for n, link in enumerate(self.also):
            mark = "●" if link.verdict == "same event" else "○"
            prompt = Text(f"{mark} ", style="bold green" if mark == "●" else "yellow")
            prompt.append_text(safe_text(link.title or "（无标题）", style="bold"))
            when = link.issue_date.isoformat() if link.issue_date else "undated"
            where = " ".join(x for x in (clean(link.newspaper) or "?", when, edition_shown(link.edition)) if x)
            prompt.append(f"\n  {where}", style="dim")
            options.add_option(Option(CJKText(prompt, nowrap={1}), id=str(n)))

    def show_related(self, articles: list[Article], note: str = "") -> None:
        """List related articles under the text, numbered 1–5."""
        self.related = list(articles)
        title = self.query_one("#related-title", Static)
        options = self.query_one("#related", OptionList)
        options.clear_options()
        if not self.related:
            title.update(Text(note, style="dim"))
            title.set_class(not note, "-empty")
            options.add_class("-empty")
            return
        title.update(Text("相关文章 Related — press 1–5", style="bold"))
        title.remove_class("-empty")
        options.remove_class("-empty")
        for n, related in enumerate(self.related, 1):
            prompt = Text(f"{n} ", style="bold")
            prompt.append_text(heading(related))
            prompt.append(f"\n  {paper_label(related)} {date_label(related)}", style="dim")
            options.add_option(Option(CJKText(prompt, nowrap={1}), id=str(n - 1)))

    @property
    def plain(self) -> str:
        """What the pane shows, as plain text (for tests and copy)."""
        return self.text.plain

    @on(OptionList.OptionSelected, "#also")
    def _also_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.also):
            self.post_message(self.AlsoChosen(self.also[event.option_index].aid))

    @on(OptionList.OptionSelected, "#related")
    def _related_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.related):
            self.post_message(self.RelatedChosen(self.related[index]))
