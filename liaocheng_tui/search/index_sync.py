"""Keeping an archive's index generation in step with its article store.

The live generation is named in the store's meta; pages the store marks as
unindexed (and removals it keeps pending) are applied as one Whoosh update, or,
when most of the archive changed, the index is built anew beside the live one
and swapped in.  A search never waits for another lc-reader writing: it uses
the live generation as it stands.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import uuid
from pathlib import Path

from liaocheng_tui.search.backend import Progress
from liaocheng_tui.search.errors import CacheProblem
from liaocheng_tui.search.store import ArticleStore
from liaocheng_tui.search.versions import INDEX_VERSION

#: An index update of more pages than this (and than REBUILD_FRACTION of all) is done as a full build.
REBUILD_MIN_PAGES = 500
REBUILD_FRACTION = 0.3


@contextlib.contextmanager
def maybe_locked(cache, cancelled, progress, warnings: list[str]):
    if cache is None:
        yield False
        return
    waited: list[bool] = []

    def waiting() -> None:
        waited.append(True)
        if progress is not None:
            progress("index", 0, 0)

    with cache.writer_lock(cancelled=cancelled, waiting=waiting) as stale:
        if stale:
            warnings.append(stale)
            _sweep_generations(cache.folder, keep=_generations(cache.folder))  # only its dead builds go
        yield bool(waited or stale)  # True: another lc-reader wrote before us (what we read may be stale)


def _lock_free(cache) -> bool:
    """Is the writer lock free right now (no other lc-reader writing)?  Always, without a cache."""
    if cache is None:
        return True
    import fcntl

    path = cache.folder / "lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return True  # a lock that is not a file: repaired when it is taken
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def _generations(folder: Path) -> set[str | None]:
    return {child.name for child in folder.iterdir() if child.name.startswith("gen-")}


def _index_progress(progress: Progress | None):
    if progress is None:
        return None
    return lambda done, total: progress("index", done, total)


def sync_index(store: ArticleStore, folder: Path, cache, progress, cancelled, warnings: list[str], *,
               rebuild: bool = False, verify: bool = False):
    """The live index generation, brought up to date with the store (a full build when there is none)."""
    from liaocheng_tui.search import indexer

    def work() -> tuple[list[str], list[str]]:
        return store.unindexed(), store.pending_removals()

    pending, removals = work()
    complete = None if (pending or removals) else store.article_count()
    # work to do and nobody writing: the live index is opened once, under the lock (opening
    # it costs a read of every segment's tables: ~40 ms at 100k)
    deferred = bool(pending or removals) and not rebuild and _lock_free(cache)
    told = len(warnings)
    live = None if (rebuild or deferred) else _open_live(store, folder, warnings, thorough=verify, expected=complete)
    rebuild = rebuild or len(warnings) > told  # found damaged: never fall back on it
    if live is not None:
        # nothing to do, or another lc-reader is writing (a rebuild, say): search what is live, don't wait
        return live
    with maybe_locked(cache, cancelled, progress, warnings):
        pending, removals = work()  # another lc-reader may have done some of it while we waited
        too_many = len(pending) + len(removals) > max(REBUILD_MIN_PAGES, REBUILD_FRACTION * max(1, store.page_count()))
        # opened here first (deferred): damage found is reported, and a full build below puts it right
        live = None if (rebuild or too_many) else _open_live(store, folder, warnings if deferred else [],
                                                              thorough=verify and deferred)
        if live is not None:
            if pending or removals:
                indexer.update_from_store(live, store, pending, removals, _index_progress(progress), cancelled)
                with store.transaction():
                    store.mark_indexed(pending)
                    store.clear_pending_removals()
                _close(live)
                live = indexer.open_index(folder / str(store.meta("generation")))
            return live
        return _full_build(store, folder, progress, cancelled)


def _full_build(store: ArticleStore, folder: Path, progress, cancelled):
    """A new generation built from the store beside the live one, then made live (the old one is swept)."""
    from liaocheng_tui.search import indexer

    build = folder / f"build-{os.getpid()}-{uuid.uuid4().hex[:10]}"
    build.mkdir()
    try:
        ix = indexer.create_index(build)
        indexer.build_from_store(ix, store, _index_progress(progress), cancelled)
        ix.close()
        generation = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        os.rename(build, folder / generation)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    previous = store.meta("generation")
    with store.transaction():
        store.set_meta("generation", generation)
        store.set_meta("index_version", str(INDEX_VERSION))
        store.mark_indexed(None)
        store.clear_pending_removals()
    _sweep_generations(folder, keep={generation, previous})
    return indexer.open_index(folder / generation)


def _close(ix) -> None:
    """Close an index opened by ``_open_live`` (and the searcher it keeps)."""
    searcher = getattr(ix, "_lc_searcher", None)
    if searcher is not None:
        searcher.close()
        ix._lc_searcher = None
    ix.close()


def _open_live(store: ArticleStore, folder: Path, warnings: list[str], *, thorough: bool = False,
               expected: int | None = None):
    """The live generation's index, or None (with a warning if it was damaged rather than absent).

    ``thorough``: read every posting list and stored column (``lc-reader index``),
    not just the segments' tables; ``expected``: the number of articles it must hold.
    """
    from liaocheng_tui.search import indexer

    generation = store.meta("generation")
    if generation is None or store.meta("index_version") != str(INDEX_VERSION):
        return None
    path = folder / generation
    if not path.is_dir():
        if path.exists():
            warnings.append(f"index at {path} is damaged (not a folder); rebuilt")
        return None
    try:
        ix = indexer.open_index(path)
        searcher = ix.searcher()  # touches the segment files; kept for the service if all is well
        try:
            reader = searcher.reader()
            if expected is not None and reader.doc_count() != expected:
                raise CacheProblem(f"it holds {reader.doc_count()} articles, the store {expected}")
            for name in ("aid", "body_bg"):
                next(iter(reader.lexicon(name)), None)
            if thorough:
                read_everything(reader)
        except BaseException:
            searcher.close()
            raise
        ix._lc_searcher = searcher
        return ix
    except Exception as exc:  # noqa: BLE001 - an index that cannot be read is rebuilt from the store
        warnings.append(f"index at {path} is damaged ({one_line_error(exc)}); rebuilt")
        return None


def _sweep_generations(folder: Path, keep: set[str | None]) -> None:
    """Old generations and dead builds go (the previous generation stays for readers still using it)."""
    for child in folder.iterdir():
        if child.name in keep or not child.name.startswith(("gen-", "build-")):
            continue
        if child.name.startswith("build-"):
            pid = child.name.split("-")[1]
            if pid.isdigit() and (int(pid) == os.getpid() or _alive(int(pid))):
                continue
        shutil.rmtree(child, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def one_line_error(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:100]


def read_everything(reader) -> None:
    """Read every term's postings and every stored column: raises on any damaged byte Whoosh reads."""
    for fieldname in reader.indexed_field_names():
        for text in reader.lexicon(fieldname):
            matcher = reader.postings(fieldname, text)
            for _ in matcher.all_ids():
                pass
    for fieldname in ("aid", "month"):
        column = reader.column_reader(fieldname)
        for i in range(reader.doc_count_all()):
            column[i]
