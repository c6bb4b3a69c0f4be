"""Bookmarks (``M``) and history (``H``): what the reader kept, filter as you type, Enter opens.

One screen for both lists.  The list has the focus, so its keys work at once
(Enter opens, ``e`` edits a bookmark's note, ``d`` removes it, ``x`` exports
the list); any other character typed goes to the filter.  An entry whose
article has left the archive is listed as gone, never dropped.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Input, Static

from liaocheng_tui.archive.edition import shown as edition_shown
from liaocheng_tui.archive.model import Article
from liaocheng_tui.ui.safe_text import clean
from liaocheng_tui.userdata.keeper import Keeper
from liaocheng_tui.userdata.store import KeptEntry

BOOKMARKS, HISTORY = "bookmarks", "history"
GONE = "✗ gone"


class NoteScreen(ModalScreen[str | None]):
    """One line of note for a bookmark: Enter keeps it, Esc leaves it as it was."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.title_text, self.note = title, note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text(f"Note on 《{clean(self.title_text)}》 — Enter keeps it, Esc cancels", style="bold"))
            yield Input(value=self.note, placeholder="a note (empty removes it)", id="note-input")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class KeptScreen(Screen[Article | None]):
    """Dismisses with the article chosen (found again in the archive), or None on Esc."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="kept.close"),
        Binding("enter", "choose", "Open", id="kept.open"),
        Binding("e", "edit_note", "Note", id="kept.note"),
        Binding("d", "remove", "Remove", id="kept.remove"),
        Binding("x", "export", "Export", id="kept.export"),
        Binding("slash", "focus_filter", "Filter", id="kept.filter"),
    ]

    def __init__(self, kind: str, keeper: Keeper) -> None:
        super().__init__()
        self.kind, self.keeper = kind, keeper
        self.shown: list[KeptEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="kept-box"):
            yield Static("", id="kept-title")
            yield Input(placeholder="filter: title, name, paper, date, 版" + (", note" if self.kind == BOOKMARKS else ""),
                        id="kept-filter")
            yield DataTable(id="kept-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        columns = ["", "title", "date", "paper", "版", "names"]
        columns += ["bookmarked", "note"] if self.kind == BOOKMARKS else ["read"]
        for label in columns:
            table.add_column(label, key=label or "mark")
        self._fill("")
        table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_note", "remove"):
            return self.kind == BOOKMARKS
        return True

    # --- the list --------------------------------------------------------------------------
    def _entries(self, needle: str) -> list[KeptEntry]:
        store = self.keeper.store
        return store.bookmarks(needle) if self.kind == BOOKMARKS else store.history(needle)

    def _fill(self, needle: str) -> None:
        self.shown = self._entries(needle)
        table = self.query_one(DataTable)
        table.clear()
        for i, entry in enumerate(self.shown):
            snap = entry.snapshot
            here = self.keeper.holds(entry)
            date = ("≈" if snap.inferred else "") + snap.issue_date.isoformat() if snap.issue_date else "undated"
            row = [
                Text("" if here else GONE, style="red"),
                Text(clean(snap.title), style="bold" if here else "dim strike"),
                Text(date),
                Text(clean(snap.newspaper) or "?"),
                Text(clean(edition_shown(snap.edition)) or "—"),
                Text(clean(snap.names), style="italic"),
                Text(entry.when.strftime("%Y-%m-%d %H:%M")),
            ]
            if self.kind == BOOKMARKS:
                row.append(Text(clean(entry.note), style="italic"))
            table.add_row(*row, key=str(i))
        label = "Bookmarks" if self.kind == BOOKMARKS else "History (newest first)"
        count = f"{len(self.shown)} shown" if needle else f"{len(self.shown)}"
        keys = "type to filter · Enter opens · e note · d removes · x exports · Esc" if self.kind == BOOKMARKS \
            else "type to filter · Enter opens · x exports · Esc"
        empty = ""
        if not self.shown and not needle:
            empty = " · none yet: m bookmarks the article you read" if self.kind == BOOKMARKS \
                else " · none yet: every article you read is listed here"
        self.query_one("#kept-title", Static).update(Text(f"{label} · {count}{empty}   ({keys})", style="bold"))

    @property
    def current(self) -> KeptEntry | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self.shown[row] if self.shown and 0 <= row < len(self.shown) else None

    @on(Input.Changed, "#kept-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#kept-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()

    def on_key(self, event: events.Key) -> None:
        """A character typed on the list goes to the filter (the list's own keys excepted)."""
        filter_input = self.query_one("#kept-filter", Input)
        if self.focused is filter_input:
            if event.key in ("down", "escape"):
                event.stop()
                self.query_one(DataTable).focus()
            return
        if event.character and event.character.isprintable() and not event.character.isspace() \
                and event.key not in self._bound_keys():
            event.stop()
            filter_input.focus()
            filter_input.insert_text_at_cursor(event.character)

    def _bound_keys(self) -> set[str]:
        keys = {"j", "k", "g", "G", "q", "question_mark"}
        for binding in self.BINDINGS:
            if isinstance(binding, Binding):
                keys.update(binding.key.split(","))
        return keys

    # --- keys -------------------------------------------------------------------------------
    def action_focus_filter(self) -> None:
        self.query_one("#kept-filter", Input).focus()

    def action_choose(self) -> None:
        entry = self.current
        if entry is None:
            return
        article = self.keeper.find(entry)
        if article is None:
            self.notify(f"《{clean(entry.snapshot.title)}》 is no longer in this archive "
                        f"(it was in {clean(entry.key.source) or '?'}).", severity="warning")
            return
        self.dismiss(article)

    def action_edit_note(self) -> None:
        entry = self.current
        if entry is None:
            return

        def done(note: str | None) -> None:
            if note is not None:
                self.keeper.store.set_note(entry.id, note)
                self._refill(entry)

        self.app.push_screen(NoteScreen(entry.snapshot.title, entry.note), done)

    def action_remove(self) -> None:
        entry = self.current
        if entry is None:
            return
        self.keeper.remove_bookmark(entry)
        self.notify(f"Bookmark removed: 《{clean(entry.snapshot.title)}》")
        self._refill(None)

    def action_export(self) -> None:
        exported = self.app.export_entries(self.kind, self.shown)
        if exported:
            self.notify(exported, title="Exported", timeout=10)

    def action_close(self) -> None:
        self.dismiss(None)

    def _refill(self, keep: KeptEntry | None) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        self._fill(self.query_one("#kept-filter", Input).value)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
