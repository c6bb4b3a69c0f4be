"""One line at the top: the archive's name, pages, articles and date span."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from liaocheng_tui.ui.catalog import Catalog
from liaocheng_tui.ui.safe_text import clean


class ArchiveHeader(Static):
    """``lc-reader · seeds · 5 pages · 23 articles · 2024-06-20 – 2025-07-24``."""

    def on_mount(self) -> None:
        self.update(Text.assemble(("lc-reader", "bold"), " · opening the archive…"))

    def show_catalog(self, catalog: Catalog) -> None:
        line = Text.assemble(("lc-reader", "bold"), " · ", (clean(catalog.name), "bold"), " · ", catalog.summary())
        skipped = len(catalog.shelf.skipped)
        warned = sum(i.row.warned_pages for i in catalog.issues)
        if skipped or warned:  # stays in view (a toast fades): how many, and where to look
            parts = [f"{skipped} file(s) skipped"] if skipped else []
            parts += [f"{warned} page(s) with warnings"] if warned else []
            line.append(f" · ⚠ {', '.join(parts)} (w)", style="bold yellow")
        self.update(line)
