"""An archive's pages streamed from the article store: what ``export``, ``check`` and ``reporters`` read.

The store is brought up to date with the files first (only changed files are
parsed), then pages come out a batch at a time in issue order, with the role
pass applied; nothing archive-sized is held, so exporting a 30-year archive
costs one batch of memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from liaocheng_tui.archive.model import Page
from liaocheng_tui.search.backend import Progress
from liaocheng_tui.search.store import ArticleStore
from liaocheng_tui.search.store_people import PersonRow


class StoredPages:
    """``with StoredPages(roots) as pages: for page in pages: …`` — also ``people()`` and ``page_count``."""

    def __init__(self, roots: list[Path], *, cache_dir: Path | None = None, use_cache: bool = True,
                 progress: Progress | None = None):
        from liaocheng_tui.search.sync import open_store_synced

        self.roots = [str(r) for r in roots]
        self.skipped: list[str] = []
        self._store: ArticleStore
        self._store, self.warnings, self._cleanup = open_store_synced(
            [Path(r) for r in roots], cache_dir=cache_dir, use_cache=use_cache, progress=progress,
            skipped=self.skipped,
        )

    @property
    def page_count(self) -> int:
        return self._store.page_count()

    def __iter__(self) -> Iterator[Page]:
        return self._store.iter_pages()

    def people(self) -> list[PersonRow]:
        """Every (name, role) credited (after the role pass), most articles first."""
        return self._store.people()

    def close(self) -> None:
        self._store.close()
        cleanup: Callable[[], None] = self._cleanup
        cleanup()

    def __enter__(self) -> StoredPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
