"""``open_archive`` for tests that look at every page: the shelf's pages read into an Archive.

The reader never reads every page (its shelf answers view by view); tests that
compare whole archives read them here, through the store, as ``export`` does.
"""

from __future__ import annotations

from pathlib import Path

from liaocheng_tui.archive.model import Archive
from liaocheng_tui.search.service import SearchService, open_archive


def opened_archive(roots: list[Path], **options) -> tuple[Archive, SearchService]:
    shelf, service = open_archive(roots, **options)
    pages = list(shelf.iter_pages())  # type: ignore[attr-defined]
    archive = Archive(roots=shelf.roots, pages=pages, warnings=shelf.warnings, skipped=shelf.skipped)
    return archive, service
