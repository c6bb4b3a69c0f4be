"""The progress bar shown while pages are parsed and the search index is built."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

STAGE_LABEL = {"parse": "reading pages", "index": "indexing"}


class LoadProgress(Horizontal):
    """``indexing  ━━━━━━━━╸━━━  62%  310/500``; hides itself when loading is done."""

    def compose(self) -> ComposeResult:
        yield Label("opening…", id="load-stage")
        yield ProgressBar(total=None, show_eta=False, id="load-bar")
        yield Label("", id="load-count")

    def update_progress(self, stage: str, done: int, total: int) -> None:
        self.query_one("#load-stage", Label).update(STAGE_LABEL.get(stage, stage))
        self.query_one("#load-bar", ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#load-count", Label).update(f"{done}/{total}")

    def finish(self) -> None:
        self.add_class("-done")
