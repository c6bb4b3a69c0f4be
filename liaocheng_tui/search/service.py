"""The search layer's front door, used by the CLI and the terminal UI.

    service = open_search(roots, cache_dir=None, use_cache=True, progress=None, cancelled=None)
        # the CLI's path: the article store and the index brought up to date
        # (only changed files are parsed, only unindexed pages indexed), and
        # nothing archive-sized read into memory
    shelf, service = open_archive(roots, …, on_archive=None)
        # the reader's path: the same, plus a Shelf (shelf.py) that reads the
        # store view by view as the reader shows them
    results = service.search("记者:林晨 2024", limit=50)   # raises QueryError
    service.highlight_spans(article, "query"), service.more_like(article), service.close()

``SearchService`` implements ``backend.SearchBackend``.  Queries are parsed by
``query.QueryBuilder`` and evaluated by the one evaluator
(``fastpath.FastEvaluator``, BM25 over posting lists); strings are verified
against the article store in SQL, hits read from it by id.  Spans are
(start, end) offsets into the plain strings, so a UI styles them as text and
never builds markup from article text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import itertools
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from liaocheng_tui.archive.model import Archive, Article
from liaocheng_tui.search.backend import Hit, Progress, SearchResults, Span
from liaocheng_tui.search.doc_values import DocValues
from liaocheng_tui.search.errors import Cancelled, QueryError
from liaocheng_tui.search.similarity_queries import SimilarityQueries
from liaocheng_tui.search.store_rows import StoreDamage

if TYPE_CHECKING:
    from liaocheng_tui.search.shelf import Shelf
    from liaocheng_tui.search.store import ArticleStore
    from liaocheng_tui.search.substring import Needle
    from liaocheng_tui.search.sync import AfterIndex, Synced

T = TypeVar("T")

__all__ = [
    "Cancelled", "Hit", "QueryError", "SearchResults", "SearchService", "Span",
    "open_archive", "open_search",
]  # fmt: skip

#: Orders results can come in (``auto``: best, or newest for a filter-only query).
ORDERS = ("auto", "best", "newest", "oldest")

Resolver = Callable[[list[str]], dict[str, Article]]


class SearchService(SimilarityQueries):
    """Queries, highlights and related articles over one archive's index and article store."""

    def __init__(
        self,
        ix,
        store: ArticleStore,
        warnings: Iterable[str] = (),
        *,
        resolve: Resolver | None = None,
        cleanup: Callable[[], None] | None = None,
        synced: Synced | None = None,
    ):
        from liaocheng_tui.search.highlight import Snippets
        from liaocheng_tui.search.query import QueryBuilder

        self._store = store
        self._lock = threading.RLock()
        self._synced = synced
        self._attach(ix)
        self._resolve = resolve or (lambda aids: self._store.articles(aids))
        self._cleanup = cleanup
        self._builder = QueryBuilder(self._has_term, self._verify_one)
        self._snippets = Snippets()
        self.warnings: list[str] = list(warnings)
        self.skipped: list[str] = []  # "path: why" of each file not read (open_search fills it)

    def _attach(self, ix) -> None:
        """Search ``ix`` from now on (what was read from a previous index is forgotten)."""
        self._ix = ix
        self._searcher = getattr(ix, "_lc_searcher", None) or ix.searcher()  # the one the open check made
        self._reader = self._searcher.reader()
        self._values = DocValues(self._reader)
        self._dates = None
        self._evaluator = None

    @property
    def cache_folder(self) -> Path | None:
        """The archive's folder in the index cache (None without a cache)."""
        return self._synced.folder if self._synced is not None else None

    def _repaired(self, exc: BaseException) -> bool:
        """After a read error of the index: report it once, rebuild the index from the store; True if rebuilt."""
        if self._synced is None or isinstance(exc, (QueryError, Cancelled)):
            return False
        for closing in (self._searcher, self._ix):
            with contextlib.suppress(Exception):
                closing.close()
        self.warnings.append(self._synced.repair(exc))
        self._store = self._synced.store
        self._attach(self._synced.ix)
        return True

    def _answer(self, ask: Callable[[], T]) -> T:
        """``ask()``, asked again after each repair of what it found damaged (the answer an undamaged
        cache gives): damaged rows are read again page by page as they are met, anything else once."""
        with self._lock:
            mended: set[str] = set()
            while True:
                try:
                    return ask()
                except (QueryError, Cancelled):
                    raise
                except StoreDamage as exc:
                    if not exc.sources or set(exc.sources) <= mended or not self._repaired(exc):
                        raise
                    mended.update(exc.sources)
                except Exception as exc:  # noqa: BLE001 - a read error of a damaged index: rebuild, ask again
                    if not self._repaired(exc):
                        raise
                    return ask()

    # ------------------------------------------------------------ a throw-away index of a built archive

    @classmethod
    def open(cls, archive: Archive, *, progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None, use_cache: bool = False) -> SearchService:
        """Index ``archive`` (pages built in memory, e.g. by tests) in a temporary store and index."""
        from liaocheng_tui.search import indexer
        from liaocheng_tui.search.store import STORE_FILE, ArticleStore

        tmpdir = Path(tempfile.mkdtemp(prefix="lc-reader-"))
        _configure_jieba(tmpdir)
        store = ArticleStore(tmpdir / STORE_FILE)
        with store.transaction():
            for page in archive.pages:
                store.put_page(page, size=None, mtime_ns=None, sha1=None, digest="")
            store.refresh_people()
        (tmpdir / "index").mkdir()
        ix = indexer.create_index(tmpdir / "index")
        indexer.build_from_store(ix, store, progress, cancelled)
        by_id = {a.id: a for a in archive.articles}
        return cls(ix, store, archive.warnings, resolve=_resolver(by_id),
                   cleanup=lambda: shutil.rmtree(tmpdir, ignore_errors=True))

    # ------------------------------------------------------------ what the evaluator asks

    def _has_term(self, fieldname: str, word: str) -> bool:
        try:
            return (fieldname, word) in self._reader
        except (KeyError, ValueError):
            return False

    def _aid(self, docnum: int) -> str:
        return self._values.aid(docnum)

    def _aids_of(self, docnums) -> list[str]:
        return self._values.aids_of(docnums)

    def _verify(self, fieldname: str, docnums: list[int], needle: Needle) -> set[int]:
        """Those of ``docnums`` whose field holds the string (or matches the pattern): one store query
        by the keys of their letters."""
        if not docnums:
            return set()
        rows = dict(zip(self._values.sids_of(docnums), docnums))
        found = self._store.holding(fieldname, list(rows), needle)
        return {rows[r] for r in found}

    def _verify_one(self, reader, fieldname: str, docnum: int, needle: Needle) -> bool:
        """Whoosh's matcher protocol (segment-local docnums): used only by Substring.matcher."""
        return bool(self._store.holding(fieldname, [reader.column_reader("sid")[docnum]], needle))

    def _doc_dates(self):
        if self._dates is None:
            dates = self._store.issue_dates()
            self._dates = [dates.get(self._aid(d)) for d in range(self._reader.doc_count_all())]
        return self._dates

    def _fast(self):
        if self._evaluator is None:
            from liaocheng_tui.search.fastpath import FastEvaluator

            self._evaluator = FastEvaluator(self._searcher, self._verify, self._values.month_codes_if_loaded)
        return self._evaluator

    @property
    def article_count(self) -> int:
        return self._reader.doc_count()

    @property
    def page_count(self) -> int:
        """Pages in the article store (0: nothing under the roots could be read; see ``skipped``)."""
        return self._store.page_count()

    # ------------------------------------------------------------ searching

    def evaluate(self, query: str) -> dict[int, float]:
        """Every matching docnum with its score (the one evaluator; raises QueryError)."""
        return self._answer(lambda: self._fast().evaluate(self._builder.parse(query)))

    def article_ids(self, query: str) -> set[str]:
        """The id of every article ``search(query, limit=None)`` finds, without reading one (raises QueryError)."""
        return set(self._aids_of(list(self.evaluate(query))))

    def matching_articles(self, query: str, batch: int = 200) -> Iterator[Article]:
        """Every article ``query`` finds, in issue order, read from the store ``batch`` at a time
        (``export --query``: all of them, never all in memory).  Raises QueryError."""
        aids = self._store.in_issue_order(sorted(self.article_ids(query)))
        for start in range(0, len(aids), batch):
            chunk = aids[start : start + batch]
            found = self._store.articles(chunk)
            yield from (found[aid] for aid in chunk if aid in found)

    def search(self, query: str, limit: int | None = 50, order: str = "auto", *, months: bool = True) -> SearchResults:
        """Hits in ``order`` (``best``, ``newest``, ``oldest``; ``auto``: best, or newest when nothing
        in the query ranks — a filter-only query); ``total`` and ``per_month`` count every match.
        ``months=False``: ``per_month`` is left empty (the CLI shows no histogram, and counting a
        common word's hits by month is most of a first query's time at 100k).  Raises QueryError."""
        if order not in ORDERS:
            raise QueryError(f"unknown order {order!r}: one of {', '.join(ORDERS)}")
        return self._answer(lambda: self._search(query, limit, order, months))

    def _search(self, query: str, limit: int | None, order: str = "auto", months: bool = True) -> SearchResults:
        from liaocheng_tui.search.highlight import needles_by_field

        with self._lock:
            q = self._builder.parse(query)
            scores = self._fast().evaluate(q)
            if order == "auto":
                order = "best" if any(scores.values()) else "newest"
            top = self._best(scores, limit) if order == "best" else self._by_date(scores, limit, order == "newest")
            per_month = self._values.month_counts(scores.keys()) if months else {}
            needles = needles_by_field(q).get("body_bg", set())
            articles = self._resolve([self._aid(d) for d, _ in top])
            hits: list[Hit] = []
            for docnum, score in top:
                article = articles.get(self._aid(docnum))
                if article is None:
                    continue
                snippet, spans = self._snippets.snippet(article.body, needles)
                hits.append(Hit(article, float(score), snippet, spans))
            return SearchResults(query=query, total=len(scores), hits=hits, per_month=per_month, order=order)

    def _best(self, scores: dict[int, float], limit: int | None) -> list[tuple[int, float]]:
        """The ``limit`` best (docnum, score), equal scores newest first, then in page order.

        Ties never fall to document numbers: those change when a page is
        re-indexed, and the same archive must rank alike with or without a cache.
        """
        items = list(scores.items())
        if limit and len(items) > limit:
            best = heapq.nlargest(limit, items, key=lambda kv: kv[1])
            cutoff = best[-1][1]
            above = [kv for kv in best if kv[1] > cutoff]
            tied = self._values.newest_first((d for d, s in items if s == cutoff), limit - len(above))
            items = above + [(d, cutoff) for d in tied]
        items.sort(key=lambda kv: -kv[1])
        ranked: list[tuple[int, float]] = []
        for score, group in itertools.groupby(items, key=lambda kv: kv[1]):
            docnums = [d for d, _ in group]
            ranked.extend((d, score) for d in (self._values.newest_first(docnums) if len(docnums) > 1 else docnums))
        return ranked[:limit] if limit else ranked

    def _by_date(self, scores: dict[int, float], limit: int | None, newest: bool) -> list[tuple[int, float]]:
        """The ``limit`` newest (or oldest) hits, undated last; one day's hits in page order."""
        dates = self._doc_dates()
        far = dt.date.min if newest else dt.date.max

        def key(docnum: int) -> tuple:
            source, _, index = self._aid(docnum).rpartition("#")
            when = dates[docnum] or far
            return (when.toordinal() * (-1 if newest else 1), dates[docnum] is None, source,
                    int(index) if index.isdigit() else 0)

        chosen = heapq.nsmallest(limit, scores, key=key) if limit else sorted(scores, key=key)
        return [(d, scores[d]) for d in chosen]

    def highlight_spans(self, article: Article, query: str) -> dict[str, list[Span]]:
        """Spans to mark in each text of ``article`` (keys: title, kicker, subtitle, body, byline, dateline;
        ``credits``: spans into ``highlight.credits_text(article)``, the names credited)."""
        from liaocheng_tui.search.highlight import article_spans

        with self._lock:
            q = self._builder.parse(query)
        return article_spans(article, q)

    def more_like(self, article: Article, limit: int = 5) -> list[Hit]:
        """Articles most like ``article`` (never itself), best first."""
        return self._answer(lambda: self._more_like(article, limit))

    def _more_like(self, article: Article, limit: int) -> list[Hit]:
        from liaocheng_tui.search.related import related_query

        with self._lock:
            docnum = self._searcher.document_number(aid=article.id)
            if docnum is None:
                return []
            q = related_query(self._searcher, article)
            if q is None:
                return []
            scores = self._fast().evaluate(q)
            scores.pop(docnum, None)
            top = self._best(scores, limit)
            found = self._resolve([self._aid(d) for d, _ in top])
            hits = []
            for num, score in top:
                other = found.get(self._aid(num))
                if other is not None and other.id != article.id:
                    hits.append(Hit(other, score, self._snippets.lead(other.body)))
            return hits

    # ------------------------------------------------------------ what "has this been written?" asks

    @property
    def store(self) -> ArticleStore:
        """The article store this service reads (``liaocheng_tui.similar`` reads its links and bands)."""
        return self._store

    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(OSError):
                self._searcher.close()
            with contextlib.suppress(OSError):
                self._ix.close()
            self._store.close()
            if self._cleanup is not None:
                self._cleanup()
                self._cleanup = None

    def __enter__(self) -> SearchService:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _resolver(by_id: dict[str, Article]) -> Resolver:
    """Hits as the very Article objects of an archive already in memory (the reader's)."""
    return lambda aids: {a: by_id[a] for a in aids if a in by_id}


def _configure_jieba(cache_root: Path) -> None:
    from liaocheng_tui.search.analysis import configure_jieba

    configure_jieba(cache_root / "jieba")


# ---------------------------------------------------------------- opening an archive


def open_search(
    roots: list[Path],
    *,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rebuild: bool = False,
    verify: bool = False,
    after_index: AfterIndex | None = None,
) -> SearchService:
    """The archive's store and index, up to date (parsing only what changed); nothing archive-sized in memory.

    ``after_index``: the repost pass (``similar.reposts.link_new_articles``), run over new pages only."""
    from liaocheng_tui.search.sync import open_synced

    skipped: list[str] = []
    synced = open_synced([Path(r) for r in roots], cache_dir=cache_dir, use_cache=use_cache,
                         progress=progress, cancelled=cancelled, rebuild=rebuild, verify=verify, skipped=skipped,
                         after_index=after_index)
    service = SearchService(synced.ix, synced.store, synced.warnings, cleanup=synced.cleanup, synced=synced)
    service.skipped = skipped
    return service


def open_archive(
    roots: list[Path],
    *,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    on_archive: Callable[[Shelf], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    rebuild: bool = False,
    verify: bool = False,
    after_index: AfterIndex | None = None,
) -> tuple[Shelf, SearchService]:
    """The reader's start: the store brought up to date, a Shelf over it, then the index.

    ``on_archive`` is called as soon as the store is ready (the UI browses
    while the index is brought up to date); problems are one-line strings in
    ``shelf.warnings`` (and ``service.warnings``); ``after_index`` as for
    ``open_search``.  Raises Cancelled.
    """
    from liaocheng_tui.search.shelf import StoreShelf
    from liaocheng_tui.search.sync import open_synced

    holder: dict[str, Shelf] = {}
    skipped: list[str] = []

    def pages_ready(store: ArticleStore, warnings: list[str]) -> None:
        shelf = StoreShelf(store.path, [str(r) for r in roots], list(warnings), skipped)
        holder["shelf"] = shelf
        if on_archive is not None:
            on_archive(shelf)

    synced = open_synced([Path(r) for r in roots], cache_dir=cache_dir, use_cache=use_cache, progress=progress,
                         cancelled=cancelled, pages_ready=pages_ready, rebuild=rebuild, verify=verify, skipped=skipped,
                         after_index=after_index)
    shelf = holder["shelf"]
    shelf.warnings.extend(w for w in synced.warnings if w not in shelf.warnings)
    service = SearchService(synced.ix, synced.store, synced.warnings, cleanup=_closing(shelf, synced.cleanup),
                            synced=synced)
    return shelf, service


def _closing(shelf: Shelf, cleanup: Callable[[], None]) -> Callable[[], None]:
    def close() -> None:
        shelf.close()
        cleanup()

    return close
