"""The article store: every parsed page and article of an archive in one SQLite database.

Why SQLite: an archive of 30 years is ~1M articles; holding it in memory (or
re-reading one JSON record per page at every start) makes each start cost the
archive's size.  Here a start asks for what it shows: one aggregate for the
tree, one issue's rows, one article's text, the hits of a query.  Writes are
transactions (a crash leaves the last committed state); WAL mode lets a reader
browse while a writer indexes.

Tables::

    meta      key → value (store layout, parser version)
    files     path (BLOB: the file name's bytes, so any name round-trips), size,
              mtime_ns, sha1 of the bytes, digest of the parsed page, indexed
    pages     one per file: paper, issue date and its source, 版 label, encoding,
              warnings / residue / furniture (JSON lists), extra (JSON)
    articles  page, position, aid, kind, kicker, title, subtitle, reporters and
              correspondents (JSON lists), byline, dateline, paragraphs (JSON
              [[text, is_subhead], …]), extra (JSON: model fields without a column)
    letters   per article (same id): the folded letters of each searchable field
              (``l_*``, the short ones first), so that "does this article hold this
              string" is one ``instr`` in C over a small row — apart from the
              article's text, whose overflow pages a check would otherwise read
    people    name, role, article count, first/last date, papers (rebuilt from
              articles after each write)
    links_pending, lsh_bands, event_links
              articles reporting one event (``store_links``): written by the
              repost pass of ``liaocheng_tui.similar``

Every value comes from the parser's model (``archive.model``); the store knows
how to write a :class:`Page` and give it back, equal field for field.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from liaocheng_tui.archive.people import CORRESPONDENT, REPORTER
from liaocheng_tui.archive.model import (
    Article,
    Page,
)
from liaocheng_tui.search.errors import CacheProblem
from liaocheng_tui.search.schema import letters_key
from liaocheng_tui.search.store_rows import (
    ARTICLE_SELECT,
    DATE_SOURCES,
    LETTER_COLUMNS,
    PAGE_SKIP,
    article_aid,
    article_from_row,
    article_row,
    check_page,
    extra_json,
    known_fields,
    letters_row,
    one_line,
    path_bytes,
    path_text,
    row_crc,
    to_json,
)
from liaocheng_tui.search.store_links import LINKS_SCHEMA, EventLinks
from liaocheng_tui.search.store_open import closing_on_error, open_retrying
from liaocheng_tui.search.store_people import PeopleQueries
from liaocheng_tui.search.store_verify import StringChecks
from liaocheng_tui.search.store_views import ReaderViews
from liaocheng_tui.search.versions import STORE_LAYOUT

STORE_FILE = "store.sqlite"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    size INTEGER, mtime_ns INTEGER, sha1 TEXT, digest TEXT,
    indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS files_unindexed ON files(path) WHERE indexed = 0;
CREATE INDEX IF NOT EXISTS files_by_sha1 ON files(sha1);
CREATE TABLE IF NOT EXISTS pages (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL UNIQUE REFERENCES files(id) ON DELETE CASCADE,
    newspaper TEXT, issue_date TEXT, date_source TEXT NOT NULL, edition TEXT,
    encoding TEXT, warnings TEXT NOT NULL, residue TEXT NOT NULL, furniture TEXT NOT NULL,
    extra TEXT NOT NULL, crc INTEGER NOT NULL,
    article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS pages_by_date ON pages(issue_date, newspaper);
CREATE INDEX IF NOT EXISTS pages_tree ON pages(newspaper, issue_date, date_source, article_count, warnings != '[]');
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    aid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL, kicker TEXT, title TEXT, subtitle TEXT,
    reporters TEXT NOT NULL, correspondents TEXT NOT NULL,
    byline TEXT, dateline TEXT, paragraphs TEXT NOT NULL, extra TEXT NOT NULL,
    crc INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS letters (
    id INTEGER PRIMARY KEY,  -- schema.letters_key(aid): what the index keeps as sid
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    l_title TEXT NOT NULL, l_head TEXT NOT NULL, l_byline TEXT NOT NULL, l_body TEXT NOT NULL,
    crc_letters INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS letters_of_article ON letters(article_id);
CREATE INDEX IF NOT EXISTS articles_by_page ON articles(page_id, position);
-- an article's page by its id without reading its (multi-page) row: people are recounted through it
CREATE INDEX IF NOT EXISTS articles_page_of ON articles(id, page_id);
CREATE TABLE IF NOT EXISTS pending_removals (path BLOB PRIMARY KEY);
CREATE TABLE IF NOT EXISTS credits (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL, role TEXT NOT NULL, printed INTEGER NOT NULL,
    PRIMARY KEY (article_id, role, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS credits_by_name ON credits(name, printed, role);
CREATE TABLE IF NOT EXISTS people_dirty (name TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS people (
    name TEXT NOT NULL, role TEXT NOT NULL, article_count INTEGER NOT NULL,
    first_date TEXT, last_date TEXT, papers TEXT NOT NULL,
    PRIMARY KEY (name, role)
);
""" + LINKS_SCHEMA

@dataclass(frozen=True)
class FileRow:
    """What the store knows of one page file: enough to tell whether it changed."""

    path: str
    size: int | None
    mtime_ns: int | None
    sha1: str | None
    digest: str | None
    indexed: bool


class ArticleStore(PeopleQueries, ReaderViews, StringChecks, EventLinks):
    """One archive's pages and articles in SQLite; thread-safe for one writer and many readers."""

    def __init__(self, path: Path, *, readonly: bool = False):
        self.path = path
        self._db = open_retrying(path, lambda: self._connect(path, readonly))

    def _connect(self, path: Path, readonly: bool) -> sqlite3.Connection:
        if readonly:
            uri = f"file:{path.as_posix()}?mode=ro"
            db = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        else:
            db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)

        def setup(db: sqlite3.Connection) -> None:
            self._db = db
            db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                db.executescript(_SCHEMA)
                self._check_layout()

        return closing_on_error(db, setup)

    # ------------------------------------------------------------ health

    def _check_layout(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
        if row is None:
            if self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is not None:
                raise CacheProblem(f"article store {self.path.name} has no layout mark")
            self.set_meta("layout", str(STORE_LAYOUT))
        elif row[0] != str(STORE_LAYOUT):
            raise CacheProblem(f"article store {self.path.name} has layout {row[0]}, not {STORE_LAYOUT}")

    def quick_check(self) -> str | None:
        """None when SQLite finds the database sound, else its first complaint (one line)."""
        try:
            rows = self._db.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return one_line(exc)
        if rows and rows[0][0] == "ok":
            return None
        return one_line(rows[0][0] if rows else "no answer")

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together, or (on any exception) not at all."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # ------------------------------------------------------------ files

    def files(self) -> dict[str, FileRow]:
        """Every page file the store holds, by path."""
        out: dict[str, FileRow] = {}
        for path, size, mtime_ns, sha1, digest, indexed in self._db.execute(
            "SELECT path, size, mtime_ns, sha1, digest, indexed FROM files"
        ):
            source = path_text(path)
            out[source] = FileRow(source, size, mtime_ns, sha1, digest, bool(indexed))
        return out

    def set_signature(self, source: str, size: int, mtime_ns: int) -> None:
        """The file was touched but its bytes are the same: remember the new size/mtime."""
        self._db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, path_bytes(source)))

    def mark_indexed(self, sources: Iterable[str] | None = None, value: bool = True) -> None:
        """Record that these pages' articles are (or are not) in the search index; all when None."""
        if sources is None:
            self._db.execute("UPDATE files SET indexed = ?", (int(value),))
            return
        self._db.executemany(
            "UPDATE files SET indexed = ? WHERE path = ?", [(int(value), path_bytes(s)) for s in sources]
        )

    def add_pending_removals(self, sources: Iterable[str]) -> None:
        """Pages gone from the store whose documents the index still has (cleared once it drops them)."""
        self._db.executemany("INSERT OR IGNORE INTO pending_removals(path) VALUES (?)", [(path_bytes(s),) for s in sources])

    def pending_removals(self) -> list[str]:
        return [path_text(p) for (p,) in self._db.execute("SELECT path FROM pending_removals")]

    def clear_pending_removals(self) -> None:
        self._db.execute("DELETE FROM pending_removals")

    # ------------------------------------------------------------ writing pages

    def put_page(self, page: Page, *, size: int | None, mtime_ns: int | None, sha1: str | None, digest: str) -> None:
        """Store ``page`` (replacing what the store had for its file), not yet indexed."""
        db = self._db
        path = path_bytes(page.source)
        self._people_touched(path)
        db.execute("DELETE FROM files WHERE path = ?", (path,))
        file_id = db.execute(
            "INSERT INTO files(path, size, mtime_ns, sha1, digest, indexed) VALUES (?, ?, ?, ?, ?, 0)",
            (path, size, mtime_ns, sha1, digest),
        ).lastrowid
        values = (
            page.issue_date.isoformat() if page.issue_date else None,
            page.newspaper,
            page.date_source.value,
            page.edition,
            page.encoding,
            to_json(list(page.warnings)),
            to_json(list(page.residue)),
            to_json(list(page.furniture)),
            extra_json(page, PAGE_SKIP | {"edition"}),
        )
        page_id = db.execute(
            "INSERT INTO pages(file_id, issue_date, newspaper, date_source, edition, encoding, warnings, residue,"
            " furniture, extra, crc, article_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (file_id, *values, row_crc((path, *values)), len(page.articles)),
        ).lastrowid
        db.executemany(
            "INSERT INTO articles(page_id, position, kind, kicker, title, subtitle, reporters, correspondents,"
            " byline, dateline, paragraphs, extra, aid, crc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_row(int(page_id or 0), position, article) for position, article in enumerate(page.articles)],
        )
        db.executemany(
            f"INSERT INTO letters(id, article_id, {', '.join(LETTER_COLUMNS.values())}, crc_letters)"
            " SELECT ?, id, ?, ?, ?, ?, ? FROM articles WHERE aid = ?",
            [(letters_key(article.id), *letters, row_crc(letters), article.id) for article in page.articles
             for letters in (letters_row(article),)],
        )
        credits = [
            (name, role, int(name not in article.roleless), article.id)
            for article in page.articles
            for role, names in ((REPORTER, article.reporters), (CORRESPONDENT, article.correspondents))
            for name in dict.fromkeys(names)
        ]
        db.executemany(
            "INSERT OR IGNORE INTO credits(article_id, name, role, printed) SELECT id, ?, ?, ? FROM articles WHERE aid = ?",
            credits,
        )
        db.executemany("INSERT OR IGNORE INTO people_dirty(name) VALUES (?)", [(c[0],) for c in credits])
        db.execute("INSERT INTO links_pending(article_id) SELECT id FROM articles WHERE page_id = ?", (page_id,))

    def remove(self, sources: Iterable[str]) -> None:
        for source in sources:
            path = path_bytes(source)
            self._people_touched(path)
            self._db.execute("DELETE FROM files WHERE path = ?", (path,))

    # ------------------------------------------------------------ reading

    def page_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM pages").fetchone()[0]

    def article_count(self) -> int:
        """Articles stored (each page row carries its count: read from an index, not the articles)."""
        return self._db.execute("SELECT IFNULL(SUM(article_count), 0) FROM pages INDEXED BY pages_tree").fetchone()[0]

    def unindexed(self) -> list[str]:
        """Pages stored but not (yet) in the search index (a partial index keeps this instant)."""
        return [path_text(p) for (p,) in self._db.execute("SELECT path FROM files WHERE indexed = 0")]

    def sha1_of(self, source: str) -> str | None:
        """The SHA-1 of the page file's bytes when it was stored (what a bookmark's key holds)."""
        row = self._db.execute("SELECT sha1 FROM files WHERE path = ?", (path_bytes(source),)).fetchone()
        return row[0] if row else None

    def sources_with_sha1(self, sha1: str) -> list[str]:
        """Every stored page file whose bytes have this SHA-1 (the file may have moved)."""
        rows = self._db.execute("SELECT path FROM files WHERE sha1 = ? ORDER BY path", (sha1,))
        return [path_text(p) for (p,) in rows]

    def page(self, source: str) -> Page | None:
        """One page with all its articles, as the parser made it."""
        rows = self._page_rows("WHERE f.path = ?", (path_bytes(source),))
        return next(iter(self._pages(rows)), None)

    def iter_pages(self, sources: Sequence[str] | None = None, batch: int = 200) -> Iterator[Page]:
        """Pages (with articles) in issue order — undated last — streamed ``batch`` pages at a time."""
        if sources is not None:
            for i in range(0, len(sources), batch):
                chunk = [path_bytes(s) for s in sources[i : i + batch]]
                marks = ",".join("?" * len(chunk))
                yield from self._pages(self._page_rows(f"WHERE f.path IN ({marks})", chunk))
            return
        last: tuple = ()
        while True:
            where, params = "", ()
            if last:
                where = "WHERE (p.issue_date IS NULL, p.issue_date, f.path) > (?, ?, ?)"
                params = last
            rows = self._page_rows(where, params, order=True, limit=batch)
            if not rows:
                return
            yield from self._pages(rows)
            date, path = rows[-1][2], rows[-1][1]
            last = (date is None, date or "", path)

    def _page_rows(self, where: str, params, *, order: bool = False, limit: int | None = None) -> list[tuple]:
        sql = (
            "SELECT p.id, f.path, p.issue_date, p.newspaper, p.date_source, p.edition, p.encoding, p.warnings,"
            " p.residue, p.furniture, p.extra, p.crc FROM pages p JOIN files f ON f.id = p.file_id "
            + where
        )
        if order:
            sql += " ORDER BY p.issue_date IS NULL, IFNULL(p.issue_date, ''), f.path"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._db.execute(sql, params).fetchall()

    def _pages(self, rows: list[tuple]) -> list[Page]:
        pages: dict[int, Page] = {}
        for row in rows:
            check_page(row)
            pid, path, date, paper, date_source, edition, encoding, warnings, residue, furniture, extra, _crc = row
            page = Page(
                source=path_text(path),
                newspaper=paper,
                issue_date=dt.date.fromisoformat(date) if date else None,
                date_source=DATE_SOURCES[date_source],
                residue=json.loads(residue),
                warnings=json.loads(warnings),
                encoding=encoding,
                furniture=json.loads(furniture),
                **known_fields(Page, json.loads(extra)),
            )
            page.edition = edition
            pages[pid] = page
        if not pages:
            return []
        marks = ",".join("?" * len(pages))
        for row in self._db.execute(
            f"SELECT page_id, {ARTICLE_SELECT} FROM articles WHERE page_id IN ({marks}) ORDER BY page_id, position",
            list(pages),
        ):
            page = pages[row[0]]
            page.articles.append(article_from_row(row[1:], page))
        self.apply_roles(a for page in pages.values() for a in page.articles)
        return list(pages.values())

    def articles(self, aids: Sequence[str]) -> dict[str, Article]:
        """The articles with these ids (each with its page's metadata, not the page's other articles)."""
        out: dict[str, Article] = {}
        if not aids:
            return out
        pages: dict[int, Page] = {}
        for i in range(0, len(aids), 500):
            chunk = list(aids[i : i + 500])
            rows = self._db.execute(
                f"SELECT a.page_id, {ARTICLE_SELECT} FROM articles a WHERE a.aid IN (SELECT value FROM json_each(?))",
                (to_json(chunk),),
            ).fetchall()
            need = sorted({r[0] for r in rows} - pages.keys())
            for j in range(0, len(need), 500):
                sub = need[j : j + 500]
                for page in self._page_shells(sub):
                    pages[page[0]] = page[1]
            for row in rows:
                article = article_from_row(row[1:], pages[row[0]])
                out[article_aid(row)] = article
        self.apply_roles(out.values())
        return out

    def _page_shells(self, page_ids: list[int]) -> list[tuple[int, Page]]:
        marks = ",".join("?" * len(page_ids))
        rows = self._page_rows(f"WHERE p.id IN ({marks})", page_ids)
        out = []
        for row in rows:
            check_page(row)
            page = Page(source=path_text(row[1]), newspaper=row[3],
                        issue_date=dt.date.fromisoformat(row[2]) if row[2] else None,
                        date_source=DATE_SOURCES[row[4]], edition=row[5], encoding=row[6])
            out.append((row[0], page))
        return out

    def issue_dates(self) -> dict[str, dt.date]:
        """Every dated article's issue date, by article id (for date filters)."""
        return {
            aid: dt.date.fromisoformat(date)
            for aid, date in self._db.execute(
                "SELECT a.aid, p.issue_date FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.issue_date IS NOT NULL"
            )
        }
