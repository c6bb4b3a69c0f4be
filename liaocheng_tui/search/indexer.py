"""Articles → Whoosh documents: full builds and incremental updates.

Names from every byline are given to jieba first, so the word analysis keeps
them whole.  Whoosh commits atomically; callers decide where the index lives.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.util import random_name

from liaocheng_tui.archive.model import Page, source_key
from liaocheng_tui.search.analysis import add_user_words, jieba_tokenizer
from liaocheng_tui.search.errors import CacheProblem, Cancelled
from liaocheng_tui.search.schema import article_document, build_schema

INDEX_NAME = "articles"
LIMIT_MB = 256  # Whoosh's posting pool: past it, postings spill to disk (memory stays bounded)
SEGMENT_ARTICLES = 10_000  # per committed segment of a full build: fewer segments, a faster open
MAX_SEGMENTS = 60  # articles per committed segment: bounds memory while building
#: Writer processes of a full build (Whoosh's ``procs``: each writes segments of its own)
BUILD_PROCS = 2
#: Below this many articles a full build stays in this process (starting writers costs more)
PARALLEL_MIN_ARTICLES = 2_000
#: Documents handed to a writer process at a time
BUILD_BATCH = 100
Progress = Callable[[int, int], None]


class _Codec(W3Codec):
    """Whoosh's codec without per-block length statistics.

    They serve BM25F's block skipping; ranking here ignores field lengths
    (``fastpath``: BM25 without length normalisation), and gathering them costs
    a column read per posting when a segment is written (a fifth of the build).
    Segments read as plain W3 segments.
    """

    length_stats = False


def _writer(ix, **kwargs):
    return ix.writer(codec=_Codec(), **kwargs)


def bylines_of(pages: Iterable[Page]) -> set[str]:
    names: set[str] = set()
    for page in pages:
        for article in page.articles:
            names.update(article.reporters)
            names.update(article.correspondents)
    return names


class _RamStorage(RamStorage):
    """Whoosh's RamStorage spills a writer's temp files to ``$TMPDIR/articles.tmp``, one folder
    for every process, which the first commit deletes under the others: use a folder of our own."""

    def __init__(self, temp_dir: Path):
        super().__init__()
        self._temp_dir = temp_dir

    def temp_storage(self, name=None):
        name = name or f"{random_name()}.tmp"
        return FileStorage(str(self._temp_dir / name)).create()


def create_index(folder: Path | None, temp_dir: Path | None = None):
    """A new empty index in ``folder`` (or in memory when None, spilling to ``temp_dir``)."""
    if folder is None:
        storage = _RamStorage(temp_dir) if temp_dir is not None else RamStorage()
    else:
        # no memory maps: the build's closing count opens every segment, and maps of them
        # stayed in this process's RSS (~450 MB at 100k, the build's peak); see open_index
        storage = FileStorage(str(folder), supports_mmap=False)
    return storage.create_index(build_schema(), indexname=INDEX_NAME)


def open_index(folder: Path):
    """The index in ``folder``, read through file handles rather than memory maps.

    Whoosh maps each compound segment file whole; at 100k articles opening a
    searcher touched ~450 MB of maps (and its RSS stayed there), while plain reads
    open it in 0.2 s and ~30 MB with queries as fast.
    """
    return FileStorage(str(folder), supports_mmap=False).open_index(INDEX_NAME)


def _add_pages(writer, pages: list[Page], progress: Progress | None, cancelled, done: int, total: int) -> int:
    for page in pages:
        if cancelled is not None and cancelled():
            raise Cancelled()
        for article in page.articles:
            writer.add_document(**article_document(article))
            done += 1
            if progress is not None and done % 50 == 0:
                progress(done, total)
    return done


def _chunks(pages: list[Page], size: int) -> list[list[Page]]:
    chunks: list[list[Page]] = [[]]
    count = 0
    for page in pages:
        if count >= size:
            chunks.append([])
            count = 0
        chunks[-1].append(page)
        count += len(page.articles)
    return chunks


def build(ix, pages: list[Page], progress: Progress | None = None, cancelled=None) -> None:
    """Index every article of ``pages`` into the (empty) index ``ix``.

    Whoosh keeps a segment's postings in memory until it commits, and spilling
    them to disk costs a pickle per posting; so a large archive is written as
    several segments of ``SEGMENT_ARTICLES`` articles each, unmerged.  The
    index is only published (by the caller) once all of them are committed.
    """
    add_user_words(bylines_of(pages))
    total = sum(len(p.articles) for p in pages)
    done = 0
    for chunk in _chunks(pages, SEGMENT_ARTICLES):
        writer = _writer(ix, limitmb=LIMIT_MB)
        try:
            done = _add_pages(writer, chunk, progress, cancelled, done, total)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=False)
    if progress is not None:
        progress(done, total)


def update(
    ix,
    changed: list[Page],
    removed_sources: Iterable[str],
    progress: Progress | None = None,
    cancelled=None,
) -> None:
    """Replace the documents of ``changed`` pages and drop those of ``removed_sources`` (``Page.key``s)."""
    add_user_words(bylines_of(changed))
    total = sum(len(p.articles) for p in changed)
    writer = _writer(ix)
    try:
        for source in removed_sources:
            writer.delete_by_term("source", source)
        for page in changed:
            writer.delete_by_term("source", page.key)
        done = _add_pages(writer, changed, progress, cancelled, 0, total)
    except BaseException:
        writer.cancel()
        raise
    # Merging rewrites whole segments (seconds on a large archive): only once small ones pile up.
    writer.commit(merge=len(writer.segments) > MAX_SEGMENTS)
    if progress is not None:
        progress(done, total)


def build_procs(ix, total: int) -> int:
    """How many writer processes a full build of ``total`` articles into ``ix`` uses.

    Whoosh's writer processes inherit this one's state (jieba with the
    archive's names added), so they are used only where processes start by
    ``fork``; an index in memory is written here (a child's memory is its own).
    """
    if total < PARALLEL_MIN_ARTICLES or not isinstance(ix.storage, FileStorage):
        return 1
    if multiprocessing.get_start_method() != "fork":
        return 1
    return max(1, min(BUILD_PROCS, os.cpu_count() or 1))


def _build_writer(ix, procs: int):
    if procs == 1:
        return _writer(ix, limitmb=LIMIT_MB)
    # multisegment: each process's postings become a segment of their own (no merge at commit)
    return _writer(ix, procs=procs, multisegment=True, batchsize=BUILD_BATCH, limitmb=max(32, LIMIT_MB // procs))


def _abandon(writer) -> None:
    """Cancel ``writer`` and stop its writer processes (cancelling alone leaves them waiting for work)."""
    try:
        writer.cancel()
    finally:
        for task in getattr(writer, "tasks", ()):
            if task.is_alive():
                task.terminate()
            task.join()


def build_from_store(ix, store, progress: Progress | None = None, cancelled=None) -> None:
    """Index every article of the store into the (empty) index ``ix``, streaming pages from it.

    Segments of ``SEGMENT_ARTICLES`` articles are committed unmerged, so memory
    holds one segment's postings (per writer process) and one batch of pages at
    a time.  On both cores (``build_procs``) this process reads the store and
    makes the documents while two writer processes analyse and write them.
    """
    add_user_words(person.name for person in store.people())
    total = store.article_count()
    procs = build_procs(ix, total)
    if procs > 1:
        jieba_tokenizer()  # loaded once here, inherited by the writer processes
    per_commit = SEGMENT_ARTICLES * procs
    done = 0
    writer = None
    in_segment = 0
    try:
        for page in store.iter_pages():
            if writer is None:
                writer = _build_writer(ix, procs)
                in_segment = 0
            elif any(task.exitcode not in (None, 0) for task in getattr(writer, "tasks", ())):
                raise CacheProblem("an index writer process died while building")
            done = _add_pages(writer, [page], progress, cancelled, done, total)
            in_segment += len(page.articles)
            if in_segment >= per_commit:
                writer.commit(merge=False)
                writer = None
        if writer is not None:
            writer.commit(merge=False)
            writer = None
    except BaseException:
        if writer is not None:
            _abandon(writer)
        raise
    written = ix.doc_count_all()
    if written != done:  # a writer process that died leaves its segment out: never a silent gap
        raise CacheProblem(f"the index build wrote {written} of {done} articles")
    if progress is not None:
        progress(done, total)


def update_from_store(ix, store, sources: list[str], removed: Iterable[str], progress: Progress | None = None,
                      cancelled=None) -> None:
    """Replace the documents of the pages ``sources`` (read from the store) and drop those of ``removed``."""
    pages = list(store.iter_pages(sources))
    update(ix, pages, [source_key(s) for s in removed], progress, cancelled)
