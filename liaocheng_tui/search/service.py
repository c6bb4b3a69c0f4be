"""The search layer's one front door, used by the CLI and the terminal UI.

INTERFACE CONTRACT (the UI is written against exactly this; the search
implementation may add to it but must not change these signatures):

    service = SearchService.open(archive, cache_dir=None, use_cache=True,
                                 progress=None, cancelled=None)
    results = service.search("记者:林晨 2024", limit=50)   # raises QueryError
    results.total, results.hits, results.per_month
    hit.article, hit.score, hit.snippet, hit.snippet_spans
    service.highlight_spans(article, "query") -> {"title": [(s, e)], "body": [...], ...}
    service.more_like(article, limit=5) -> list[Hit]
    service.close()

    archive, service = open_archive(roots, cache_dir=None, use_cache=True,
                                    progress=None, on_archive=None, cancelled=None)
        # the one call the CLI and UI use to start: loads pages (re-parsing only
        # files added/changed since the cache was written), calls
        # on_archive(archive) as soon as pages are ready (so the UI can browse),
        # then brings the index up to date.  progress(stage, done, total) with
        # stage "parse" or "index".

Spans are (start, end) character offsets into the plain strings
(``article.title``, ``article.body``, ``hit.snippet``), so a UI can style
them as text without ever building markup from article text.

Additions beyond the contract: ``service.warnings`` (one-line cache problems
that were repaired, also appended to ``archive.warnings``), ``QueryError``
re-exported from ``errors``, ``Cancelled`` raised when ``cancelled()`` turns
true, ``service.article_count``.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from liaocheng_tui.archive.model import Archive, Article, Page
from liaocheng_tui.search.errors import CacheProblem, Cancelled, QueryError

if TYPE_CHECKING:
    from liaocheng_tui.search.substring import Needle

__all__ = ["Cancelled", "Hit", "QueryError", "SearchResults", "SearchService", "Span", "open_archive"]

Span = tuple[int, int]


@dataclass
class Hit:
    article: Article
    score: float
    snippet: str
    snippet_spans: list[Span] = field(default_factory=list)


@dataclass
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    per_month: dict[str, int] = field(default_factory=dict)  # "2024-06" -> hits that month


ProgressFn = Callable[[str, int, int], None]


class SearchService:
    """Index + query + highlight over one archive."""

    def __init__(self, ix, archive: Archive, warnings: list[str] | None = None, tmpdir: Path | None = None):
        from liaocheng_tui.search.highlight import Snippets
        from liaocheng_tui.search.query import QueryBuilder

        self._ix = ix
        self._archive = archive
        self._lock = threading.RLock()
        self._searcher = getattr(ix, "_lc_searcher", None) or ix.searcher()
        self._reader = self._searcher.reader()
        self._by_id = {a.id: a for a in archive.articles}
        self._docs: list[Article | None] | None = None
        self._months: list[str] | None = None
        self._dates = None
        self._texts: dict[str, dict[str, str]] = {}
        self._evaluator = None
        self.engine = "fast"  # or "whoosh": Whoosh's own matchers (same hits, slower)
        self._letters: dict[tuple[str, str], str] = {}
        self._segment_aids: dict[int, tuple[object, list[str]]] = {}
        self._builder = QueryBuilder(self._has_term, self._holds)
        self._snippets = Snippets()
        self._tmpdir = tmpdir
        self.warnings: list[str] = list(warnings or [])

    # ------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        archive: Archive,
        *,
        cache_dir: Path | None = None,
        use_cache: bool = True,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchService:
        """Index ``archive`` (or bring its cached index up to date) and open it for searching."""
        from liaocheng_tui.search import pagestore

        if not use_cache:
            return cls._in_memory(archive, progress, cancelled)
        from liaocheng_tui.search.cache import ArchiveCache, resolve_cache_root

        cache = ArchiveCache(archive.roots, resolve_cache_root(cache_dir))
        _configure_jieba(cache.root)
        entries: dict[str, dict] = {}
        for page in archive.pages:
            blob = pagestore.page_blob(pagestore.page_to_dict(page))
            entries[page.key] = {"digest": pagestore.blob_digest(blob), "blob": blob}
        warnings: list[str] = []
        state = _load_state(cache, warnings)
        ix = _sync_index(cache, state, entries, {p.key: p for p in archive.pages}, progress, cancelled, warnings)
        archive.warnings.extend(w for w in warnings if w not in archive.warnings)
        return cls(ix, archive, warnings)

    @classmethod
    def _in_memory(cls, archive: Archive, progress, cancelled) -> SearchService:
        from liaocheng_tui.search import indexer

        tmpdir = Path(tempfile.mkdtemp(prefix="lc-reader-"))
        _configure_jieba(tmpdir)
        ix = indexer.create_index(None, temp_dir=tmpdir)
        indexer.build(ix, archive.pages, progress, cancelled)
        return cls(ix, archive, [], tmpdir=tmpdir)

    # ------------------------------------------------------------ helpers

    def _has_term(self, fieldname: str, word: str) -> bool:
        try:
            return (fieldname, word) in self._reader
        except (KeyError, ValueError):
            return False

    def _holds(self, reader, fieldname: str, docnum: int, needle: Needle) -> bool:
        """Does the (segment-local) doc's field text hold ``needle``? Reads the article in memory."""
        cached = self._segment_aids.get(id(reader))
        if cached is None or cached[0] is not reader:
            aids = [a.decode("utf-8") if isinstance(a, bytes) else a for a in reader.column_reader("aid")]
            cached = self._segment_aids[id(reader)] = (reader, aids)
        aid = cached[1][docnum]
        article = self._by_id.get(aid)
        if article is None:
            return False
        return self._field_holds(article, fieldname, needle)

    def _field_holds(self, article: Article, fieldname: str, needle: Needle) -> bool:
        """Does the article's field text hold the folded string, or match the wildcard pattern?"""
        if isinstance(needle, str):
            return needle in self._raw_text(article, fieldname) or needle in self._letters_of(article.id, article, fieldname)
        from liaocheng_tui.search.analysis import fold

        return needle.search(fold(self._raw_text(article, fieldname))) is not None

    def _doc_articles(self) -> list[Article | None]:
        if self._docs is None:
            ids = list(self._reader.column_reader("aid")) if self._reader.doc_count_all() else []
            self._docs = [self._by_id.get(i if isinstance(i, str) else i.decode("utf-8")) for i in ids]
        return self._docs

    def _doc_months(self) -> list[str]:
        if self._months is None:
            column = self._reader.column_reader("month") if self._reader.doc_count_all() else []
            self._months = [m if isinstance(m, str) else m.decode("utf-8") for m in column]
        return self._months

    @property
    def article_count(self) -> int:
        return self._reader.doc_count()

    # ------------------------------------------------------------ searching

    def search(self, query: str, limit: int | None = 50) -> SearchResults:
        """Best hits first; ``total`` and ``per_month`` count every match.  Raises QueryError."""
        from liaocheng_tui.search.highlight import needles_by_field

        with self._lock:
            q = self._builder.parse(query)
            top, total, counts = self._run(q, limit)
            per_month = {m: c for m, c in sorted(counts.items()) if m and m != "none"}
            needles = needles_by_field(q).get("body_bg", set())
            docs = self._doc_articles()
            hits: list[Hit] = []
            for docnum, score in top:
                article = docs[docnum] if docnum < len(docs) else None
                if article is None:
                    continue
                snippet, spans = self._snippets.snippet(article.body, needles)
                hits.append(Hit(article, float(score), snippet, spans))
            return SearchResults(query=query, total=total, hits=hits, per_month=per_month)

    def _run(self, q, limit: int | None) -> tuple[list[tuple[int, float]], int, dict[str, int]]:
        """(top (docnum, score), total, hits per month): the fast path, or Whoosh's own search."""
        import heapq

        from liaocheng_tui.search.fastpath import Unsupported

        months = self._doc_months()
        counts: dict[str, int] = {}
        if self.engine == "fast":
            try:
                scores = self._fast().evaluate(q)
            except Unsupported:
                scores = None
            if scores is not None:
                for docnum in scores:
                    month = months[docnum] if docnum < len(months) else "none"
                    counts[month] = counts.get(month, 0) + 1
                items = scores.items()
                if limit:
                    best = heapq.nlargest(limit, items, key=lambda kv: (kv[1], -kv[0]))
                else:
                    best = sorted(items, key=lambda kv: (-kv[1], kv[0]))
                return best, len(scores), counts
        total = 0
        for docnum in self._searcher.docs_for_query(q):
            total += 1
            month = months[docnum] if docnum < len(months) else "none"
            counts[month] = counts.get(month, 0) + 1
        results = self._searcher.search(q, limit=limit if limit else None)
        return [(h.docnum, h.score) for h in results], total, counts

    def _fast(self):
        if self._evaluator is None:
            from liaocheng_tui.search.fastpath import FastEvaluator

            self._evaluator = FastEvaluator(self._searcher, self._holds_global, self._doc_dates)
        return self._evaluator

    def _holds_global(self, fieldname: str, docnum: int, needle: Needle) -> bool:
        docs = self._doc_articles()
        article = docs[docnum] if docnum < len(docs) else None
        if article is None:
            return False
        return self._field_holds(article, fieldname, needle)

    def _raw_text(self, article: Article, fieldname: str) -> str:
        """The field's text as printed: holding the (folded) needle verbatim already proves a match."""
        texts = self._texts.get(article.id)
        if texts is None:
            from liaocheng_tui.search.schema import field_texts

            texts = self._texts[article.id] = field_texts(article)
        return texts[fieldname]

    def _letters_of(self, aid: str, article: Article | None, fieldname: str) -> str:
        from liaocheng_tui.search.analysis import letters_only

        key = (aid, fieldname)
        letters = self._letters.get(key)
        if letters is None:
            if article is None:
                return ""
            letters = letters_only(self._raw_text(article, fieldname))
            self._letters[key] = letters
        return letters

    def _doc_dates(self):
        if self._dates is None:
            self._dates = [a.page.issue_date if a is not None and a.page is not None else None for a in self._doc_articles()]
        return self._dates

    def highlight_spans(self, article: Article, query: str) -> dict[str, list[Span]]:
        """Spans to mark in each text of ``article`` (keys: title, kicker, subtitle, body, byline, dateline)."""
        from liaocheng_tui.search.highlight import FIELD_TEXTS, needles_by_field, text_spans

        with self._lock:
            q = self._builder.parse(query)
        needles = needles_by_field(q)
        out: dict[str, list[Span]] = {}
        for fieldname, attrs in FIELD_TEXTS.items():
            for attr in attrs:
                spans = text_spans(getattr(article, attr, None), needles.get(fieldname, set()))
                out[attr] = spans
        return out

    def more_like(self, article: Article, limit: int = 5) -> list[Hit]:
        """Articles most like ``article`` (never itself), best first."""
        from liaocheng_tui.search.related import related_docnums

        with self._lock:
            docnum = self._searcher.document_number(aid=article.id)
            if docnum is None:
                return []
            docs = self._doc_articles()
            hits = []
            for num, score in related_docnums(self._searcher, docnum, article, limit):
                other = docs[num] if num < len(docs) else None
                if other is not None and other is not article:
                    hits.append(Hit(other, score, self._snippets.lead(other.body)))
            return hits

    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(OSError):
                self._searcher.close()
            with contextlib.suppress(OSError):
                self._ix.close()
            if self._tmpdir is not None:
                shutil.rmtree(self._tmpdir, ignore_errors=True)
                self._tmpdir = None

    def __enter__(self) -> SearchService:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# ---------------------------------------------------------------- cache plumbing


def _configure_jieba(cache_root: Path) -> None:
    from liaocheng_tui.search.analysis import configure_jieba

    configure_jieba(cache_root / "jieba")


def _load_state(cache, warnings: list[str]):
    try:
        return cache.load_state()
    except CacheProblem as problem:
        warnings.append(f"{problem}; rebuilt")
        return None


def _close(ix) -> None:
    searcher = getattr(ix, "_lc_searcher", None)
    if searcher is not None:
        searcher.close()
        ix._lc_searcher = None
    ix.close()


def _open_generation(cache, state, warnings: list[str]):
    """Open the live generation's index, or None (with a warning) when it is unusable."""
    from liaocheng_tui.search import indexer

    try:
        ix = indexer.open_index(state.generation)
        if ix.latest_generation() != state.index_generation:
            raise CacheProblem(f"index cache at {cache.folder} is out of step with its page list")
        searcher = ix.searcher()  # touches the segment files; kept for the service if all is well
        try:
            reader = searcher.reader()
            reader.doc_count_all()
            for name in ("aid", "body_bg"):
                next(iter(reader.lexicon(name)), None)
        except BaseException:
            searcher.close()
            raise
        ix._lc_searcher = searcher
        return ix
    except CacheProblem as problem:
        warnings.append(f"{problem}; rebuilt")
    except Exception as exc:  # noqa: BLE001 - any failure to read a cache means: rebuild it
        msg = " ".join(f"{type(exc).__name__}: {exc}".split())[:100]
        warnings.append(f"index cache at {cache.folder} is damaged ({msg}); rebuilt")
    return None


def _needs_work(state, entries: dict[str, dict]) -> bool:
    old = state.files
    if old.keys() != entries.keys():
        return True
    return any(
        old[s].get("digest") != e.get("digest")
        or old[s].get("mtime_ns") != e.get("mtime_ns")
        or old[s].get("size") != e.get("size")
        for s, e in entries.items()
    )


def _sync_index(cache, state, entries, pages: dict[str, Page], progress, cancelled, warnings, rebuild=False):
    """Bring the cached index in line with ``entries``; returns an open Whoosh index.

    ``rebuild``: the caller found the cache damaged; build a new generation.
    """
    from liaocheng_tui.search import indexer, pagestore

    problems: list[str] = []
    if state is not None and not rebuild and not _needs_work(state, entries):
        ix = _open_generation(cache, state, problems)
        warnings.extend(problems)
        if ix is not None:
            return ix
    # Work to do: the index is opened (and checked) under the lock only, once.

    def waiting() -> None:
        if progress is not None:
            progress(0, 0)

    with cache.writer_lock(cancelled=cancelled, waiting=waiting) as stale:
        if stale:
            warnings.append(stale)
        # Another process may have brought the cache up to date while we waited: read it
        # again (problems of a cache some other writer just wrote mean a quiet rebuild).
        ix = None
        if not stale and not problems and not rebuild:
            reloaded = state is None or not cache.unchanged_since(state)
            if reloaded:
                state = _load_state(cache, [])
            again: list[str] = []
            ix = _open_generation(cache, state, again) if state is not None else None
            if not reloaded:
                warnings.extend(again)  # the index we read the pages for is damaged: say so
        if ix is not None:
            old = state.files
            changed = [s for s, e in entries.items() if old.get(s, {}).get("digest") != e["digest"]]
            removed = [s for s in old if s not in entries]
            if changed or removed:
                _close(ix)
                indexer.update(ix, [pages[s] for s in changed], removed, progress, cancelled)
                ix = indexer.open_index(state.generation)
            if changed or removed or _needs_work(state, entries):
                cache.save_state(state.generation, entries, ix.latest_generation(), previous=old)
            return ix
        build_dir = cache.new_build_dir()
        try:
            ix = indexer.create_index(build_dir)
            ordered = [pages[s] for s in entries]
            indexer.build(ix, ordered, progress, cancelled)
            generation = ix.latest_generation()
            ix.close()
            cache.save_state(
                build_dir, entries, generation, full=True,
                page_blob=lambda source: pagestore.page_blob(pagestore.page_to_dict(pages[source])),
            )
            live = cache.publish(build_dir)
        except BaseException:
            shutil.rmtree(build_dir, ignore_errors=True)
            raise
        return indexer.open_index(live)


def open_archive(
    roots: list[Path],
    *,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    progress: ProgressFn | None = None,
    on_archive: Callable[[Archive], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[Archive, SearchService]:
    """Load the archive (re-parsing only added/changed files) and open its index, up to date.

    ``on_archive`` is called as soon as the pages are ready; cache problems are
    repaired and reported as one-line strings in ``service.warnings`` (and
    ``archive.warnings``).  Raises Cancelled if ``cancelled()`` turns true.
    """
    roots = [Path(r) for r in roots]

    def index_progress(done: int, total: int) -> None:
        if progress is not None:
            progress("index", done, total)

    if not use_cache:
        from liaocheng_tui.archive.loader import load_archive

        archive = load_archive(roots, progress=(lambda d, t, _n: progress("parse", d, t)) if progress else None)
        if on_archive is not None:
            on_archive(archive)
        return archive, SearchService.open(archive, use_cache=False, progress=index_progress, cancelled=cancelled)

    archive, cache, state, entries, pages, warnings = _load_pages(roots, cache_dir, progress, cancelled)
    if on_archive is not None:
        on_archive(archive)

    more: list[str] = []
    ix = _sync_index(cache, state, entries, pages, index_progress, cancelled, more, rebuild=bool(warnings))
    archive.warnings.extend(more)
    return archive, SearchService(ix, archive, warnings + more)


def _load_pages(roots: list[Path], cache_dir, progress, cancelled):
    """Pages of ``roots``: unchanged files from the cache's page list, the rest parsed.

    The cyclic garbage collector is paused meanwhile: building ~10⁵ objects
    next to a freshly loaded page list made it sweep that list again and
    again (half the warm-start time at 10k articles).
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_pages_unpaused(roots, cache_dir, progress, cancelled)
    finally:
        if was_enabled:
            gc.enable()


def _load_pages_unpaused(roots: list[Path], cache_dir, progress, cancelled):
    from liaocheng_tui.archive.decoding import UndecodableFile
    from liaocheng_tui.archive.files import FileProblem, PageTooLarge, iter_page_files, read_page_bytes
    from liaocheng_tui.archive.loader import read_page, skip, why_unreadable
    from liaocheng_tui.archive.model import source_key
    from liaocheng_tui.search import pagestore
    from liaocheng_tui.search.cache import ArchiveCache, file_hash, file_signature, resolve_cache_root

    cache = ArchiveCache([str(r) for r in roots], resolve_cache_root(cache_dir))
    _configure_jieba(cache.root)
    warnings: list[str] = []
    state = _load_state(cache, warnings)
    cached = state.files if state is not None else {}

    def parse(path: Path, digest_of_file: str) -> tuple[Page, dict]:
        page = read_page(path)
        blob = pagestore.page_blob(pagestore.page_to_dict(page))
        return page, {"sha1": digest_of_file, "digest": pagestore.blob_digest(blob), "blob": blob}

    archive = Archive(roots=[str(r) for r in roots])
    entries: dict[str, dict] = {}
    pages: dict[str, Page] = {}
    found = list(iter_page_files(roots))
    total = len(found)
    for done, item in enumerate(found, 1):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if isinstance(item, FileProblem):
            skip(archive, item.path, item.reason)
            continue
        source = source_key(str(item))
        signature = file_signature(item)
        old = cached.get(source)
        page = None
        try:
            if old is not None and signature is not None and (old.get("mtime_ns"), old.get("size")) == signature:
                entry = old
            else:
                digest_of_file = file_hash(read_page_bytes(item))
                if old is not None and old.get("sha1") == digest_of_file:
                    entry = dict(old)
                else:
                    page, entry = parse(item, digest_of_file)
            if page is None:
                try:
                    page = pagestore.page_from_blob(cache.read_record(entry["digest"]))
                except FileNotFoundError as exc:
                    # a writer may have replaced the manifest we read (and swept this record) meanwhile
                    if state is not None and cache.unchanged_since(state):
                        warnings.append(f"index cache at {cache.folder} is damaged (page {source}: "
                                        f"record {Path(exc.filename or '?').name} missing); rebuilt")
                        state = None
                    page, entry = parse(item, file_hash(read_page_bytes(item)))
                except (KeyError, TypeError, ValueError, AttributeError, UnicodeDecodeError, OSError) as exc:
                    if state is not None:
                        msg = " ".join(str(exc).split())[:80]
                        warnings.append(f"index cache at {cache.folder} is damaged (page {source}: {msg}); rebuilt")
                        state = None
                    page, entry = parse(item, file_hash(read_page_bytes(item)))
        except (UndecodableFile, PageTooLarge, OSError) as exc:
            skip(archive, item, why_unreadable(exc))
            continue
        if signature is not None:
            entry["mtime_ns"], entry["size"] = signature
        pages[source] = page
        entries[source] = entry
        if progress is not None:
            progress("parse", done, total)
    archive.pages = sorted(pages.values(), key=lambda p: (p.issue_date is None, p.issue_date, p.source))
    archive.warnings.extend(warnings)
    return archive, cache, state, entries, pages, warnings


def load_archive_cached(roots: list[Path], *, cache_dir: Path | None = None, use_cache: bool = True) -> Archive:
    """The archive alone (no index): unchanged files come from the cache's page list, nothing is written."""
    if not use_cache:
        from liaocheng_tui.archive.loader import load_archive

        return load_archive([Path(r) for r in roots])
    return _load_pages([Path(r) for r in roots], cache_dir, None, None)[0]


def discard_cache(roots: list[Path], cache_dir: Path | None = None) -> Path:
    """Forget the archive's cached index (the next open rebuilds it); returns the cache folder."""
    from liaocheng_tui.search.cache import ArchiveCache, resolve_cache_root

    cache = ArchiveCache([str(r) for r in roots], resolve_cache_root(cache_dir))
    with cache.writer_lock():
        cache.discard()
    return cache.folder
