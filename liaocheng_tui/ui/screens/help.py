"""The ``?`` screen: every key of the reader, hidden navigation keys included.

Rows are read from the ``BINDINGS`` of the app, the screens and the panes, so
the help cannot drift from what the keys actually do.
"""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# Keys handled by Textual itself (focus, palette, arrows), listed so the help is complete.
BUILT_IN = [
    ("Everywhere", "tab / shift+tab", "Next / previous pane"),
    ("Everywhere", "ctrl+p", "Command palette: jump to a date, reporter, title, recent search; theme"),
    ("Everywhere", "mouse", "Click a pane, an entry or a related article; wheel scrolls"),
    ("Issue tree", "↑ ↓ / enter / space", "Move / open the issue / fold a node"),
    ("Article list", "↑ ↓ / enter", "Move / read the article (focus the reading pane)"),
    ("Reading pane", "↑ ↓ pgup pgdn home end", "Scroll"),
    ("Search bar", "enter / esc", "Run the query / back to the list"),
]


def key_owners() -> list[tuple[str, type]]:
    """Where keys are bound: the one table the help, the README's keys and the config's ``[keys]`` follow."""
    from liaocheng_tui.ui.app import ReaderApp
    from liaocheng_tui.ui.screens.browse import BrowseScreen
    from liaocheng_tui.ui.screens.draft import CompareScreen, DraftScreen
    from liaocheng_tui.ui.screens.kept import KeptScreen, NoteScreen
    from liaocheng_tui.ui.screens.problems import ProblemsScreen
    from liaocheng_tui.ui.screens.reporters import ReportersScreen
    from liaocheng_tui.ui.widgets.article_list import ArticleList
    from liaocheng_tui.ui.widgets.article_view import ArticleView
    from liaocheng_tui.ui.widgets.issue_tree import IssueTree

    return [
        ("Everywhere", ReaderApp),
        ("Browsing", BrowseScreen),
        ("Issue tree", IssueTree),
        ("Article list", ArticleList),
        ("Reading pane", ArticleView),
        ("Reporters", ReportersScreen),
        ("Bookmarks, history", KeptScreen),
        ("Bookmark note", NoteScreen),
        ("已写过吗 draft", DraftScreen),
        ("Draft beside article", CompareScreen),
        ("Warnings", ProblemsScreen),
        ("Help", HelpScreen),
    ]


QUERY_SYNTAX = [
    ("林晨 技改", "articles with both words (anywhere: title, kicker, byline, text)"),
    ('"高质量发展"', "the exact phrase"),
    ("聊城 OR 临清, NOT 卫生", "either word; leave out articles with a word"),
    ("记者:林晨  通讯员:张凯", "by reporter / correspondent (reporter:, correspondent:)"),
    ("标题:丝路  正文:技改  报纸:大众日报", "in the title / body / newspaper only (title:, body:, paper:)"),
    ("日期:2024-06  日期:2024-06-01..2024-07-15", "a month, a day, a year or a range (date:)"),
    ("类型:photo", "photo items (类型:导读 for lead-ins)"),
]


def binding_rows(app: App) -> list[tuple[str, str, str]]:
    """(where, keys, what) for every key the reader answers to; keys doing the same thing share a row."""
    return [(where, keys, what) for where, keys, what, _ in _rows(app)]


def _rows(app: App) -> list[tuple[str, str, str, str]]:
    """(where, keys, what, binding id — what the config's ``[keys]`` names; ``N`` for a run of them)."""
    rows: list[tuple[str, str, str, str]] = []
    for where, owner in key_owners():
        for binding in owner.BINDINGS:
            if not isinstance(binding, Binding) or binding.system:
                continue
            keys = " / ".join(app.get_key_display(Binding(k.strip(), binding.action)) for k in binding.key.split(","))
            what = binding.tooltip or binding.description or binding.action
            ident = binding.id or ""
            if rows and rows[-1][0] == where and rows[-1][2] == what:
                merged = ident if rows[-1][3] == ident else re.sub(r"\d+$", "N", ident)
                rows[-1] = (where, f"{rows[-1][1]} {keys}", what, merged)
            else:
                rows.append((where, keys, what, ident))
    rows += [(*row, "") for row in BUILT_IN]
    order = [w for w, _ in key_owners()]
    return sorted(rows, key=lambda r: order.index(r[0]) if r[0] in order else len(order))


def help_table(app: App) -> Table:
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=True)
    table.add_column("where", style="dim", no_wrap=True)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("what")
    table.add_column("id (config [keys])", style="dim", no_wrap=True)
    last = None
    for where, keys, what, ident in _rows(app):
        table.add_row(where if where != last else "", Text(keys), Text(what), Text(ident))
        last = where
    return table


#: What the reader's marks mean (the article head, the tree, result lines).
MARKS = (
    ("≈2025-03-17", "a date inferred from the page's text (no date in the file name or folio); "
                    "an undated page is listed under 无日期 undated in the tree"),
    ("林晨*", "a name printed without a role: the role it is printed with elsewhere in the archive, else 记者"),
    ("── A2版 ──", "where the issue's next 版 (page of the printed paper) begins"),
    ("⚠", "an issue or archive with warnings: press w"),
    ("★", "a bookmarked article (m sets or removes it, M lists them); ✗ gone: no longer in the archive"),
)


def marks_text() -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column("mark", style="bold", no_wrap=True)
    table.add_column("means")
    for mark, means in MARKS:
        table.add_row(Text(mark), Text(means))
    return table


def query_table() -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column("query", style="bold", no_wrap=True)
    table.add_column("finds")
    for query, finds in QUERY_SYNTAX:
        table.add_row(Text(query), Text(finds))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll_help(1)", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll_help(-1)", "Up", show=False, id="help.up"),
        Binding("space,pagedown", "page_help(1)", "Page down", show=False, id="help.page-down"),
        Binding("b,pageup", "page_help(-1)", "Page up", show=False, id="help.page-up"),
        Binding("g,home", "help_end(0)", "Top", show=False, id="help.top"),
        Binding("G,end", "help_end(1)", "Bottom", show=False, id="help.bottom"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box", classes="dialog"):
            yield Static(Text("lc-reader keys  (Esc or ? closes)", style="bold"), classes="dialog-title")
            yield Static(help_table(self.app), id="help-table")
            yield Static(Text("Marks", style="bold"), classes="dialog-title help-section")
            yield Static(marks_text(), id="help-marks")
            yield Static(Text("Query syntax", style="bold"), classes="dialog-title help-section")
            yield Static(query_table(), id="help-query")

    def action_scroll_help(self, delta: int) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_relative(y=delta, animate=False)

    def action_page_help(self, delta: int) -> None:
        """space / b: a page down or up, as in the article pane."""
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_relative(y=delta * max(1, box.scrollable_content_region.height - 1), animate=False)

    def action_help_end(self, bottom: int) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_end(animate=False) if bottom else box.scroll_home(animate=False)
