"""Opening the archive off the UI thread: the loader the app runs in a worker.

:func:`load_in_background` calls the search layer's ``open_archive`` (or a
stand-in passed by tests) and reports through callbacks only, so it knows
nothing of Textual.  What it delivers is a :class:`Shelf` (the store's, or an
archive in memory wrapped as one).  When the search layer is missing, not implemented or
fails, pages are still read with the archive loader and search is reported
as unavailable (with the reason), so reading never depends on the index.

The repost pass ("also reported") runs after search is delivered, not before: a
cold start of a large archive would otherwise wait a fifth longer for search.  It
runs in the same worker thread on a store connection of its own, under the
cache's writer lock, and reports when its links are in the store.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liaocheng_tui.archive.model import Archive
from liaocheng_tui.search.errors import Cancelled
from liaocheng_tui.search.shelf import Shelf, as_shelf

Opener = Callable[..., tuple[Archive | Shelf, Any]]
#: the repost pass's signature (``similar.reposts.link_new_articles``): (store, progress, cancelled) → judged
LinksPass = Callable[..., int]


@dataclass
class LoadOptions:
    roots: list[Path]
    cache_dir: Path | None = None
    use_cache: bool = True


def default_opener() -> Opener:
    """The search layer's ``open_archive``; raises ImportError when the layer is absent."""
    from liaocheng_tui.search.service import open_archive

    return open_archive


def repost_pass() -> LinksPass:
    """The repost pass run after search is ready (new pages only): what "also reported" (``a``) lists."""
    from liaocheng_tui.similar.reposts import link_new_articles

    return link_new_articles


class Throttle:
    """Lets a progress report through at most every ``interval`` seconds (and always the last)."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self._last = 0.0

    def __call__(self, done: int, total: int) -> bool:
        now = time.monotonic()
        if done >= total or now - self._last >= self.interval:
            self._last = now
            return True
        return False


def load_in_background(
    options: LoadOptions,
    opener: Opener | None,
    *,
    on_progress: Callable[[str, int, int], None],
    on_archive: Callable[[Shelf], None],
    on_search: Callable[[Any], None],
    on_search_unavailable: Callable[[str], None],
    cancelled: Callable[[], bool],
    links_pass: LinksPass | None = None,
    on_links: Callable[[int, str | None], None] | None = None,
) -> None:
    """Open the archive: ``on_archive`` as soon as pages can be shown (a warm start: the store as last
    committed; again if the walk of the folders found changes), then ``on_search`` (or unavailable);
    then ``links_pass`` (default: the repost pass with the real opener, none with a stand-in) over
    the store's new articles, and ``on_links(judged, problem)`` when it is over (judged 0: nothing
    new; ``problem``: why it failed, one line)."""
    delivered: list[object] = []  # what the opener delivered (an Archive or a Shelf), each shown once
    throttle = {"parse": Throttle(), "index": Throttle()}

    def progress(stage: str, done: int, total: int) -> None:
        if throttle.setdefault(stage, Throttle())(done, total):
            on_progress(stage, done, total)

    def archive_ready(source: Archive | Shelf) -> None:
        if not any(source is seen for seen in delivered):
            delivered.append(source)
            on_archive(as_shelf(source))

    try:
        open_archive = opener if opener is not None else default_opener()
        if links_pass is None and opener is None:
            links_pass = repost_pass()
        _archive, service = open_archive(
            options.roots,
            cache_dir=options.cache_dir,
            use_cache=options.use_cache,
            progress=progress,
            on_archive=archive_ready,
            cancelled=cancelled,
        )
    except ImportError as exc:
        _browse_without_search(options, delivered, archive_ready, progress)
        on_search_unavailable(f"search unavailable: the search layer cannot load ({exc}); browsing works")
        return
    except Exception as exc:
        if cancelled():  # the app is closing: the layer gave up as asked
            return
        # The index failed (a damaged cache, a bug): still let the user read, and say why.
        _browse_without_search(options, delivered, archive_ready, progress)
        on_search_unavailable(f"search unavailable: {type(exc).__name__}: {exc}")
        return
    archive_ready(_archive)
    on_search(service)
    if links_pass is None:
        if on_links is not None:
            on_links(0, None)  # no pass to wait for: the links there are, are all there will be
    elif not cancelled():
        link_after_search(options, service, links_pass, cancelled, on_links)


def link_after_search(options: LoadOptions, service: Any, links_pass: LinksPass, cancelled: Callable[[], bool],
                      on_links: Callable[[int, str | None], None] | None = None) -> None:
    """Run ``links_pass`` over ``service``'s store on a connection of this thread's own (the UI
    thread searches on the service's), holding the cache's writer lock (another lc-reader indexing
    the same archive waits, as it would for an index build)."""
    from liaocheng_tui.search.store import ArticleStore

    path = getattr(getattr(service, "store", None), "path", None)
    if path is None:  # a stand-in service without a store: nothing to link
        return
    try:
        store = ArticleStore(Path(path))
        try:
            with _writer_lock(options, service, cancelled):
                judged = links_pass(store, None, cancelled)
        finally:
            store.close()
    except Cancelled:
        return
    except Exception as exc:  # the links are extras: search and reading go on; the reason is shown
        if not cancelled() and on_links is not None:
            on_links(0, f"also reported: the repost pass failed ({type(exc).__name__}: {exc})")
        return
    if on_links is not None:
        on_links(int(judged or 0), None)


def _writer_lock(options: LoadOptions, service: Any, cancelled: Callable[[], bool]):
    """The archive cache's writer lock (the one the opener took to build the index); none without a cache."""
    from liaocheng_tui.search.cache import ArchiveCache, resolve_cache_root, usable_cache_root
    from liaocheng_tui.search.index_sync import maybe_locked

    folder = getattr(service, "cache_folder", None)
    cache = None
    if folder is not None and options.use_cache:
        root, _problem = usable_cache_root(resolve_cache_root(options.cache_dir))
        candidate = ArchiveCache([str(r) for r in options.roots], root)
        cache = candidate if candidate.folder == folder else None
    return maybe_locked(cache, cancelled, None, [])


def _browse_without_search(options, delivered, archive_ready, progress) -> None:
    """Read the pages with the archive loader if the search layer failed before delivering them."""
    if not delivered:
        from liaocheng_tui.archive.loader import load_archive

        archive_ready(load_archive(options.roots, progress=lambda d, t, _p: progress("parse", d, t)))
