"""The search bar: a query input with a status line under it (indexing…, hits, errors)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from liaocheng_tui.ui.safe_text import clean

PLACEHOLDER = '/ 搜索 search: 词 "短语" OR NOT 记者:林晨 日期:2024-06..2024-07'


class SearchBar(Vertical):
    """Posts :class:`SearchBar.Submitted` when the user presses Enter in the query input."""

    @dataclass
    class Submitted(Message):
        query: str

    status: str = ""
    status_kind: str = "info"

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="query", select_on_focus=False)
        yield Static("", id="search-status", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#query", Input)

    @property
    def value(self) -> str:
        return self.input.value.strip()

    def set_value(self, query: str) -> None:
        self.input.value = query
        self.input.cursor_position = len(query)

    def set_status(self, message: str, kind: str = "info") -> None:
        """Show ``message`` under the bar; ``kind`` is info, busy or error (styled in the tcss)."""
        self.status, self.status_kind = clean(message), kind
        status = self.query_one("#search-status", Static)
        status.update(Text(clean(message)))
        for k in ("info", "busy", "error"):
            status.set_class(k == kind, f"-{k}")


    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value.strip()))
