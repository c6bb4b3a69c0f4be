"""Every reporter and correspondent: filter as you type, Enter shows that person's articles."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from liaocheng_tui.ui.people_index import Person, filter_people
from liaocheng_tui.ui.safe_text import clean


class ReportersScreen(Screen[Person | None]):
    """Dismisses with the chosen person, or None on Esc."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="reporters.close"),
        Binding("down", "move(1)", "Down", show=False, id="reporters.down"),
        Binding("up", "move(-1)", "Up", show=False, id="reporters.up"),
        Binding("enter", "choose", "Show articles", id="reporters.choose"),
    ]

    def __init__(self, people: list[Person]) -> None:
        super().__init__()
        self.people = people
        self.shown: list[Person] = list(people)

    def compose(self) -> ComposeResult:
        with Vertical(id="reporters-box"):
            yield Static("", id="reporters-title")
            yield Input(placeholder="filter: name, role (记者/通讯员) or newspaper", id="reporters-filter")
            yield DataTable(id="reporters-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key in (("name", "name"), ("role", "role"), ("articles", "n"), ("first", "first"),
                           ("last", "last"), ("newspapers", "papers")):
            table.add_column(label, key=key)
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, needle: str) -> None:
        self.shown = filter_people(self.people, needle)
        table = self.query_one(DataTable)
        table.clear()
        for i, p in enumerate(self.shown):
            table.add_row(
                Text(clean(p.name), style="bold"),
                Text(p.role_label),
                Text(str(p.article_count), justify="right"),
                Text(p.first.isoformat() if p.first else "—"),
                Text(p.last.isoformat() if p.last else "—"),
                Text(clean(" ".join(p.papers)) or "?"),
                key=str(i),
            )
        total = len(self.people)
        title = f"Reporters and correspondents · {len(self.shown)} of {total}" if needle else f"Reporters and correspondents · {total}"
        if not total:
            title += " · no bylines found in this archive"
        self.query_one("#reporters-title", Static).update(Text(title + "   (type to filter · ↑↓ · Enter · Esc)", style="bold"))

    @on(Input.Changed, "#reporters-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#reporters-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_choose()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()

    @property
    def current(self) -> Person | None:
        row = self.query_one(DataTable).cursor_row
        return self.shown[row] if self.shown and 0 <= row < len(self.shown) else None

    def action_move(self, delta: int) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

    def action_choose(self) -> None:
        person = self.current
        if person is not None:
            self.dismiss(person)

    def action_close(self) -> None:
        self.dismiss(None)
