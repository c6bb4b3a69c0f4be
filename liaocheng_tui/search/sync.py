"""Bringing the article store and the search index up to date with the page files on disk.

A start compares each file's size and modification time with what the store
recorded (one ``stat`` per file, one query for all rows); only files that
changed are read, only those whose bytes changed are parsed, and only the
pages parsed since the last index commit are indexed.  The cost of a start
with nothing changed is a directory walk; adding a page costs that page.

Parsing runs in a process pool when there is much of it (both cores), and
parsed pages stream into the store in transactions of :data:`PAGES_PER_COMMIT`
pages: never all parsed pages in memory at once.  A crash leaves the store at
its last commit; pages stored but not yet indexed are marked so and indexed at
the next start.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from liaocheng_tui.archive.decoding import UndecodableFile
from liaocheng_tui.archive.files import FileProblem, PageTooLarge, iter_page_files, too_large
from liaocheng_tui.archive import files, loader
from liaocheng_tui.archive.model import Page
from liaocheng_tui.archive.printable import display_path
from liaocheng_tui.search.errors import CacheProblem, Cancelled
from liaocheng_tui.search.store import STORE_FILE, ArticleStore, FileRow
from liaocheng_tui.search.versions import INDEX_VERSION, PARSER_VERSION

#: Parsed pages written to the store per transaction (bounds memory and the work a crash loses).
PAGES_PER_COMMIT = 100
#: An index update of more pages than this (and than REBUILD_FRACTION of all) is done as a full build.
REBUILD_MIN_PAGES = 500
REBUILD_FRACTION = 0.3
#: Below this many files to parse, a process pool costs more than it saves.
POOL_MIN_FILES = 64
#: Files handed to the pool at a time, per worker (parsed pages are held until stored).
POOL_WINDOW_PER_WORKER = 32

Progress = Callable[[str, int, int], None]


@dataclass
class FileScan:
    """What changed on disk since the store was last written."""

    to_parse: list[tuple[Path, str]] = field(default_factory=list)  # (path, sha1 of its bytes)
    touched: list[tuple[str, int, int]] = field(default_factory=list)  # same bytes, new (size, mtime)
    removed: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)  # every readable page file, in walk order
    skipped: list[str] = field(default_factory=list)  # "path: why" for files that cannot be read

    @property
    def changed(self) -> bool:
        return bool(self.to_parse or self.touched or self.removed)


def sha1_of(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def scan(roots: list[Path], known: dict[str, FileRow], cancelled: Callable[[], bool] | None = None) -> FileScan:
    """Compare the files under ``roots`` with what the store knows of them (``store.files()``)."""
    out = FileScan()
    seen: set[str] = set()
    for item in iter_page_files(roots):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if isinstance(item, FileProblem):
            out.skipped.append(f"{display_path(item.path)}: {item.reason}")
            continue
        source = str(item)
        if source in seen:
            continue
        seen.add(source)
        try:
            st = os.stat(item)
        except OSError as exc:
            out.skipped.append(f"{display_path(item)}: cannot read ({exc.strerror or exc})")
            continue
        if st.st_size > files.MAX_PAGE_BYTES:  # never read (nor hashed) whole
            out.skipped.append(f"{display_path(item)}: {too_large(st.st_size)}")
            continue
        out.present.append(source)
        row = known.get(source)
        if row is not None and row.size == st.st_size and row.mtime_ns == st.st_mtime_ns:
            continue
        try:
            with open(item, "rb") as handle:
                digest = _hash_stream(handle)
        except OSError as exc:
            out.skipped.append(f"{display_path(item)}: cannot read ({exc.strerror or exc})")
            out.present.pop()
            continue
        if row is not None and row.sha1 == digest:
            out.touched.append((source, st.st_size, st.st_mtime_ns))
        else:
            out.to_parse.append((item, digest))
    out.removed = [s for s in known if s not in seen]
    return out


def _hash_stream(handle) -> str:
    h = hashlib.sha1()
    for block in iter(lambda: handle.read(1 << 20), b""):
        h.update(block)
    return h.hexdigest()


@dataclass
class Parsed:
    """One file's outcome: its page, or why it could not be read."""

    path: Path
    sha1: str
    size: int | None
    mtime_ns: int | None
    page: Page | None = None
    problem: str | None = None


def parse_file(job: tuple[Path, str]) -> Parsed:
    """Read and parse one file (runs in a worker process)."""
    path, sha1 = job
    try:
        st = os.stat(path)
        size, mtime = st.st_size, st.st_mtime_ns
    except OSError:
        size = mtime = None
    try:
        page = loader.read_page(path)
    except (UndecodableFile, PageTooLarge, OSError) as exc:
        return Parsed(path, sha1, size, mtime, problem=f"{display_path(path)}: {loader.why_unreadable(exc)}")
    for article in page.articles:
        article.page = None  # pickled back without the cycle; re-linked by the caller
    return Parsed(path, sha1, size, mtime, page=page)


def parsed_pages(jobs: list[tuple[Path, str]], workers: int | None = None) -> Iterator[Parsed]:
    """Parse ``jobs`` in order, in a process pool when there are many (results stream back)."""
    workers = workers or os.cpu_count() or 1
    if len(jobs) < POOL_MIN_FILES or workers < 2:
        yield from map(parse_file, jobs)
        return
    window = POOL_WINDOW_PER_WORKER * workers  # jobs in flight: parsed pages waiting for the store stay few
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for start in range(0, len(jobs), window):
            yield from pool.map(parse_file, jobs[start : start + window], chunksize=4)


def store_changes(
    store: ArticleStore,
    found: FileScan,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[str]:
    """Write what ``scan`` found into the store; returns one line per file that could not be parsed."""
    problems: list[str] = []
    total = len(found.to_parse)
    with store.transaction():
        for source, size, mtime in found.touched:
            store.set_signature(source, size, mtime)
        store.remove(found.removed)
    done = 0
    batch: list[Parsed] = []

    def flush() -> None:
        with store.transaction():
            for item in batch:
                if item.page is None:
                    store.remove([str(item.path)])
                    continue
                for article in item.page.articles:
                    article.page = item.page
                store.put_page(item.page, size=item.size, mtime_ns=item.mtime_ns, sha1=item.sha1, digest=item.sha1)
        batch.clear()

    for item in parsed_pages(found.to_parse):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if item.problem:
            problems.append(item.problem)
        batch.append(item)
        done += 1
        if len(batch) >= PAGES_PER_COMMIT:
            flush()
        if progress is not None:
            progress("parse", done, total)
    if batch:
        flush()
    if found.changed:
        with store.transaction():
            store.refresh_people()
    return problems


# ---------------------------------------------------------------- the cache folder: store + index generations


@dataclass
class Synced:
    """An archive's store and index, both up to date, and what was repaired or skipped on the way."""

    store: ArticleStore
    ix: object
    warnings: list[str]
    cleanup: Callable[[], None]


def _nothing() -> None:
    return None


def _location(roots: list[Path], cache_dir: Path | None, use_cache: bool):
    """(cache, folder, jieba folder, cleanup): the archive's cache folder, or a temporary one."""
    if not use_cache:
        tmp = Path(tempfile.mkdtemp(prefix="lc-reader-"))
        return None, tmp, tmp / "jieba", lambda: shutil.rmtree(tmp, ignore_errors=True)
    from liaocheng_tui.search.cache import ArchiveCache, resolve_cache_root

    cache = ArchiveCache([str(r) for r in roots], resolve_cache_root(cache_dir))
    cache.folder.mkdir(parents=True, exist_ok=True)
    return cache, cache.folder, cache.root / "jieba", _nothing


def _open_store(folder: Path, warnings: list[str]) -> ArticleStore:
    """The folder's article store; a damaged one (or one of another layout) is reported and made anew."""
    path = folder / STORE_FILE
    try:
        return ArticleStore(path)
    except CacheProblem as problem:
        warnings.append(f"{problem}; rebuilt")
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            _remove(path.with_name(path.name + suffix))
    return ArticleStore(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


@contextlib.contextmanager
def _maybe_locked(cache, cancelled, progress, warnings: list[str]):
    if cache is None:
        yield
        return

    def waiting() -> None:
        if progress is not None:
            progress("index", 0, 0)

    with cache.writer_lock(cancelled=cancelled, waiting=waiting) as stale:
        if stale:
            warnings.append(stale)
            _sweep_generations(cache.folder, keep=_generations(cache.folder))  # only its dead builds go
        yield


def _generations(folder: Path) -> set[str | None]:
    return {child.name for child in folder.iterdir() if child.name.startswith("gen-")}


def _stale_parse(store: ArticleStore) -> bool:
    return store.meta("parser_version") != str(PARSER_VERSION)


def bring_store_up_to_date(store, roots, cache, progress, cancelled, warnings: list[str],
                           skipped: list[str] | None = None) -> list[str]:
    """Parse what changed into the store (under the writer lock when there is work); returns removed sources.

    Each file that could not be read is a line in ``warnings`` and in ``skipped``."""
    skipped = [] if skipped is None else skipped
    found = scan(roots, {} if _stale_parse(store) else store.files(), cancelled)
    warnings.extend(found.skipped)
    skipped.extend(found.skipped)
    if not (found.changed or _stale_parse(store)):
        return []
    with _maybe_locked(cache, cancelled, progress, warnings):
        if _stale_parse(store):
            removed = list(store.files())
            with store.transaction():
                store.remove(removed)
                store.add_pending_removals(removed)
            found = scan(roots, {}, cancelled)
        else:
            found = scan(roots, store.files(), cancelled)  # another lc-reader may have done it meanwhile
        with store.transaction():
            store.add_pending_removals(found.removed)
        problems = store_changes(store, found, progress, cancelled)
        warnings.extend(problems)
        skipped.extend(problems)
        store.set_meta("parser_version", str(PARSER_VERSION))
    return found.removed


def open_store_synced(roots: list[Path], *, cache_dir: Path | None = None, use_cache: bool = True,
                      progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                      skipped: list[str] | None = None):
    """(store, warnings, cleanup): the store up to date with the files; the index untouched.
    Files that could not be read are added to ``skipped`` (and to the warnings)."""
    cache, folder, jieba_dir, cleanup = _location(roots, cache_dir, use_cache)
    warnings: list[str] = []
    store = _open_store(folder, warnings)
    bring_store_up_to_date(store, roots, cache, progress, cancelled, warnings, skipped)
    return store, warnings, cleanup


def open_synced(
    roots: list[Path],
    *,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    pages_ready: Callable[[ArticleStore, list[str]], None] | None = None,
    skipped: list[str] | None = None,
) -> Synced:
    """The store brought up to date (``pages_ready`` called then), then the index; both opened.
    Files that could not be read are added to ``skipped`` (and to the warnings)."""
    from liaocheng_tui.search.analysis import configure_jieba

    cache, folder, jieba_dir, cleanup = _location(roots, cache_dir, use_cache)
    configure_jieba(jieba_dir)
    warnings: list[str] = []
    store = _open_store(folder, warnings)
    try:
        bring_store_up_to_date(store, roots, cache, progress, cancelled, warnings, skipped)
        if pages_ready is not None:
            pages_ready(store, warnings)
        ix = sync_index(store, folder, cache, progress, cancelled, warnings)
    except BaseException:
        store.close()
        cleanup()
        raise
    return Synced(store, ix, warnings, cleanup)


def _index_progress(progress: Progress | None):
    if progress is None:
        return None
    return lambda done, total: progress("index", done, total)


def sync_index(store: ArticleStore, folder: Path, cache, progress, cancelled, warnings: list[str], *,
               rebuild: bool = False):
    """The live index generation, brought up to date with the store (a full build when there is none)."""
    from liaocheng_tui.search import indexer

    def work() -> tuple[list[str], list[str]]:
        return [s for s, row in store.files().items() if not row.indexed], store.pending_removals()

    pending, removals = work()
    live = None if rebuild else _open_live(store, folder, warnings)
    if live is not None and not pending and not removals:
        return live
    if live is not None:
        live.close()
    with _maybe_locked(cache, cancelled, progress, warnings):
        pending, removals = work()  # another lc-reader may have done some of it while we waited
        too_many = len(pending) + len(removals) > max(REBUILD_MIN_PAGES, REBUILD_FRACTION * max(1, store.page_count()))
        live = None if (rebuild or too_many) else _open_live(store, folder, [])
        if live is not None:
            if pending or removals:
                indexer.update_from_store(live, store, pending, removals, _index_progress(progress), cancelled)
                with store.transaction():
                    store.mark_indexed(pending)
                    store.clear_pending_removals()
                live.close()
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


def _open_live(store: ArticleStore, folder: Path, warnings: list[str]):
    """The live generation's index, or None (with a warning if it was damaged rather than absent)."""
    from liaocheng_tui.search import indexer

    generation = store.meta("generation")
    if generation is None or store.meta("index_version") != str(INDEX_VERSION):
        return None
    path = folder / generation
    try:
        ix = indexer.open_index(path)
        with ix.searcher() as searcher:  # touches the segment files
            reader = searcher.reader()
            reader.doc_count_all()
            for name in ("aid", "body_bg"):
                next(iter(reader.lexicon(name)), None)
        return ix
    except Exception as exc:  # noqa: BLE001 - an index that cannot be read is rebuilt from the store
        warnings.append(f"index at {path} is damaged ({_one_line(exc)}); rebuilt")
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


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:100]
