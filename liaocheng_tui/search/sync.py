"""Bringing the article store and the search index up to date with the page files on disk.

A start compares each file's size and modification time with what the store
recorded (the walk's one ``stat`` per file, one query for all rows); only files that
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
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from liaocheng_tui.archive.files import FileProblem, PageTooLarge, too_large, walk_page_files
from liaocheng_tui.archive import files
from liaocheng_tui.archive.model import Page
from liaocheng_tui.archive.printable import display_path
from liaocheng_tui.search.errors import CacheProblem, Cancelled
from liaocheng_tui.search.store import STORE_FILE, ArticleStore, FileRow
from liaocheng_tui.search.store_rows import StoreDamage
from liaocheng_tui.search.index_sync import maybe_locked, one_line_error, sync_index
from liaocheng_tui.search.versions import PARSER_VERSION

#: Parsed pages written to the store per transaction (bounds memory and the work a crash loses).
PAGES_PER_COMMIT = 100
#: Below this many files to parse, a process pool costs more than it saves.
POOL_MIN_FILES = 64
#: Files handed to the pool at a time, per worker (parsed pages are held until stored).
POOL_WINDOW_PER_WORKER = 32

Progress = Callable[[str, int, int], None]
#: A pass run once the index is up to date, over the store's new articles (``similar.reposts.link_new_articles``:
#: the search layer cannot import it, so its callers hand it in).
AfterIndex = Callable[[ArticleStore, Progress | None, Callable[[], bool] | None], object]


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
    """Compare the files under ``roots`` with what the store knows of them (``store.files()``).

    The walk's own ``stat`` of each file (``walk_page_files``) is compared with the
    store's size and mtime; only a file where either differs is read (and hashed).
    """
    out = FileScan()
    seen: set[str] = set()
    for item in walk_page_files(roots):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if isinstance(item, FileProblem):
            out.skipped.append(f"{display_path(item.path)}: {item.reason}")
            continue
        source = item.source
        if source in seen:
            continue
        seen.add(source)
        if item.size > files.MAX_PAGE_BYTES:  # never read (nor hashed) whole
            out.skipped.append(f"{display_path(source)}: {too_large(item.size)}")
            continue
        out.present.append(source)
        row = known.get(source)
        if row is not None and row.size == item.size and row.mtime_ns == item.mtime_ns:
            continue
        try:
            with open(source, "rb") as handle:
                digest = _hash_stream(handle)
        except OSError as exc:
            out.skipped.append(f"{display_path(source)}: cannot read ({exc.strerror or exc})")
            out.present.pop()
            continue
        if row is not None and row.sha1 == digest:
            out.touched.append((source, item.size, item.mtime_ns))
        else:
            out.to_parse.append((Path(source), digest))
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
    # the parser stack is imported here, not at start-up: a warm start that parses nothing never loads it
    from liaocheng_tui.archive import loader
    from liaocheng_tui.archive.decoding import UndecodableFile

    path, sha1 = job
    size: int | None
    mtime: int | None
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
    folder: Path | None = None  # the archive's cache folder (None for a temporary one)
    cache: object = None

    roots: list[Path] = field(default_factory=list)

    @property
    def _dir(self) -> Path:
        return self.folder if self.folder is not None else Path(self.store.path).parent

    def repair(self, exc: BaseException) -> str:
        """Put right what ``exc`` (raised while reading) says is damaged; returns the one-line note.

        Rows that fail their checksum: their pages are read from the files again
        and re-indexed.  A store SQLite cannot read: made anew from the files.
        Anything else: the index is rebuilt from the store.
        """
        where = self._dir
        if isinstance(exc, StoreDamage) and exc.sources:
            self.reread(exc.sources)
            self.ix = sync_index(self.store, where, self.cache, None, None, [])
            return f"article store at {where} is damaged ({exc}); page read again"
        if isinstance(exc, (StoreDamage, sqlite3.DatabaseError)):
            self.store.close()
            _drop_store(where)
            self.store = ArticleStore(where / STORE_FILE)
            bring_store_up_to_date(self.store, self.roots, self.cache, None, None, [])
            self.ix = sync_index(self.store, where, self.cache, None, None, [], rebuild=True)
            return f"article store at {where} is damaged ({one_line_error(exc)}); rebuilt"
        self.ix = sync_index(self.store, where, self.cache, None, None, [], rebuild=True)
        return f"index at {where} is damaged ({one_line_error(exc)}); rebuilt"

    def reread(self, sources: list[str]) -> None:
        """Parse these files again into the store (their rows replaced, marked for indexing)."""
        found = FileScan()
        for source in sources:
            try:
                with open(source, "rb") as handle:
                    found.to_parse.append((Path(source), _hash_stream(handle)))
            except OSError:
                found.removed.append(source)
        with self.store.transaction():
            self.store.add_pending_removals(found.removed)
        store_changes(self.store, found)


def _nothing() -> None:
    return None


def _location(roots: list[Path], cache_dir: Path | None, use_cache: bool, warnings: list[str]):
    """(cache, folder, jieba folder, cleanup): the archive's cache folder, or a temporary one.

    An unusable cache root (a file, not writable) means a temporary cache and
    one warning; parts of the folder that stand where the other kind should
    (the store a folder, ``lock`` a folder, the folder itself a file) are
    replaced with one warning each.
    """
    if not use_cache:
        tmp = Path(tempfile.mkdtemp(prefix="lc-reader-"))
        return None, tmp, tmp / "jieba", lambda: shutil.rmtree(tmp, ignore_errors=True)
    from liaocheng_tui.search.cache import ArchiveCache, ensure_folder, resolve_cache_root, usable_cache_root

    root, problem = usable_cache_root(resolve_cache_root(cache_dir))
    if problem is not None:
        warnings.append(problem)
    cache = ArchiveCache([str(r) for r in roots], root)
    warnings.extend(note for _part, note in cache.repair_layout())
    ensure_folder(cache.folder, cache.root)
    return cache, cache.folder, cache.root / "jieba", _nothing


def _open_store(folder: Path, warnings: list[str]) -> ArticleStore:
    """The folder's article store; a damaged one (or one of another layout) is reported and made anew."""
    path = folder / STORE_FILE
    try:
        return ArticleStore(path)
    except CacheProblem as problem:
        warnings.append(f"{problem}; rebuilt")
    _drop_store(folder)
    return ArticleStore(path)


def _drop_store(folder: Path) -> None:
    path = folder / STORE_FILE
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            _remove(path.with_name(path.name + suffix))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _stale_parse(store: ArticleStore) -> bool:
    return store.meta("parser_version") != str(PARSER_VERSION)


def bring_store_up_to_date(store, roots, cache, progress, cancelled, warnings: list[str],
                           skipped: list[str] | None = None, *, reparse: bool = False) -> bool:
    """Parse what changed into the store (under the writer lock when there is work); True if anything did.

    Each file that could not be read is a line in ``warnings`` and in ``skipped``.
    ``reparse``: every file is parsed again (its rows replaced page by page, so
    readers keep seeing a whole archive meanwhile).
    """
    skipped = [] if skipped is None else skipped
    found = scan(roots, {} if (reparse or _stale_parse(store)) else store.files(), cancelled)
    warnings.extend(found.skipped)
    skipped.extend(found.skipped)
    if not (found.changed or reparse or _stale_parse(store)):
        return False
    with maybe_locked(cache, cancelled, progress, warnings) as waited:
        if reparse:
            found = scan(roots, {}, cancelled)
            found.removed = [s for s in store.files() if s not in set(found.present)]
        elif _stale_parse(store):
            removed = list(store.files())
            with store.transaction():
                store.remove(removed)
                store.add_pending_removals(removed)
            found = scan(roots, {}, cancelled)
        elif waited:
            found = scan(roots, store.files(), cancelled)  # another lc-reader may have done it meanwhile
        with store.transaction():
            store.add_pending_removals(found.removed)
        problems = store_changes(store, found, progress, cancelled)
        warnings.extend(problems)
        skipped.extend(problems)
        store.set_meta("parser_version", str(PARSER_VERSION))
    return True


def open_store_synced(roots: list[Path], *, cache_dir: Path | None = None, use_cache: bool = True,
                      progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                      skipped: list[str] | None = None):
    """(store, warnings, cleanup): the store up to date with the files; the index untouched.
    Files that could not be read are added to ``skipped`` (and to the warnings)."""
    warnings: list[str] = []
    cache, folder, jieba_dir, cleanup = _location(roots, cache_dir, use_cache, warnings)
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
    rebuild: bool = False,
    verify: bool = False,
    skipped: list[str] | None = None,
    after_index: AfterIndex | None = None,
) -> Synced:
    """The store brought up to date (``pages_ready`` called then), then the index; both opened.

    ``after_index(store, progress, cancelled)`` then runs (under the writer lock) when the
    store has articles it has not seen (``links_pending``): the repost pass, new pages only.

    ``rebuild``: parse every page again and build the index beside the live one
    (searches meanwhile use the live one); ``verify``: check the store with
    SQLite's ``quick_check`` and read the whole index (``lc-reader index``).
    Files that could not be read are added to ``skipped`` (and to the warnings).
    """
    from liaocheng_tui.search.analysis import configure_jieba, jieba_cache_repairs

    warnings: list[str] = []
    cache, folder, jieba_dir, cleanup = _location(roots, cache_dir, use_cache, warnings)
    configure_jieba(jieba_dir)
    store = _open_store(folder, warnings)
    try:
        if verify:
            damage = store.quick_check()
            if damage is not None:
                warnings.append(f"article store at {folder} is damaged ({damage}); rebuilt")
                store.close()
                _drop_store(folder)
                store = _open_store(folder, warnings)
        # a warm start shows the store's last committed state at once, before walking the folders;
        # what the walk finds changed is delivered again once it is stored
        early = pages_ready is not None and not rebuild and store.page_count() > 0 and not _stale_parse(store)
        if early:
            store = _deliver_pages(store, roots, folder, cache, warnings, pages_ready)
        changed = bring_store_up_to_date(store, roots, cache, progress, cancelled, warnings, skipped, reparse=rebuild)
        if pages_ready is not None and (changed or not early):
            store = _deliver_pages(store, roots, folder, cache, warnings, pages_ready)
        ix = sync_index(store, folder, cache, progress, cancelled, warnings, rebuild=rebuild, verify=verify)
        if after_index is not None and store.pending_link_count():
            with maybe_locked(cache, cancelled, progress, warnings):
                after_index(store, progress, cancelled)
        warnings.extend(jieba_cache_repairs())
    except BaseException:
        store.close()
        cleanup()
        raise
    return Synced(store, ix, warnings, cleanup, folder if cache is not None else None, cache, roots)


def _deliver_pages(store, roots, folder, cache, warnings, pages_ready) -> ArticleStore:
    """``pages_ready(store, warnings)``; damaged rows met on the way are read again from their files first.

    All pages found damaged are reported in one line.
    """
    reread: list[str] = []
    for _attempt in range(store.page_count() + 2):
        try:
            pages_ready(store, warnings)
            break
        except StoreDamage as exc:
            if not exc.sources or set(exc.sources) <= set(reread):
                raise
            Synced(store, None, [], _nothing, folder, cache, roots).reread(exc.sources)
            reread += exc.sources
        except sqlite3.DatabaseError as exc:
            store.close()
            _drop_store(folder)
            store = ArticleStore(folder / STORE_FILE)
            bring_store_up_to_date(store, roots, cache, None, None, [])
            warnings.append(f"article store at {folder} is damaged ({one_line_error(exc)}); rebuilt")
    if reread:
        more = f" and {len(reread) - 1} more" if len(reread) > 1 else ""
        warnings.append(f"article store at {folder} is damaged (page {reread[0]}{more}: rows do not match their "
                        "checksum); read again from the files")
    return store
