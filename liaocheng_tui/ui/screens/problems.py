"""Pages that failed to load or parse cleanly, each with its warnings (key ``w``)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from liaocheng_tui.ui.catalog import Catalog
from liaocheng_tui.ui.safe_text import clean


def problems_text(catalog: Catalog) -> Text:
    out = Text()
    pages = catalog.problem_pages()
    if not pages and not catalog.warnings:
        return Text("No problems: every page was read and parsed without warnings.")
    if catalog.warnings:
        out.append("Files that could not be read\n", style="bold")
        for warning in catalog.warnings:
            out.append(f"  ✗ {clean(warning)}\n")
        out.append("\n")
    if pages:
        out.append(f"{len(pages)} page(s) with warnings\n", style="bold")
        for page in pages:
            out.append(f"  {clean(page.name)}", style="bold")
            out.append(f"  {clean(page.newspaper or '?')} {page.issue_date or 'undated'}\n", style="dim")
            for warning in page.warnings:
                out.append(f"    ⚠ {clean(warning)}\n")
    return out


class ProblemsScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,w", "dismiss", "Close", id="problems.close"),
        Binding("j", "scroll('down')", "Down", show=False, id="problems.down"),
        Binding("k", "scroll('up')", "Up", show=False, id="problems.up"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems-box", classes="dialog"):
            yield Static(Text("Page problems  (Esc closes)", style="bold"), classes="dialog-title")
            yield Static(problems_text(self.catalog), id="problems-text")

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#problems-box", VerticalScroll)
        box.scroll_down() if direction == "down" else box.scroll_up()
