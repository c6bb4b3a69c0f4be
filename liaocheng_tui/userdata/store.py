"""The user's data store: bookmarks, reading history and small state, in SQLite.

One table holds every kept article once (its key and what is shown of it, so
an article that has left the archive is still listed, marked as gone);
bookmarks and history refer to it.  Written in short transactions (WAL): two
readers open at once both keep what they wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from liaocheng_tui.archive.folding import fold
from liaocheng_tui.userdata.keys import ArticleKey, Snapshot
from liaocheng_tui.userdata.locations import DATA_FILE

LAYOUT = 1
#: The history screen lists at most this many visits (newest first; the filter searches them all).
HISTORY_SHOWN = 1000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS kept (
    id INTEGER PRIMARY KEY,
    sha1 TEXT NOT NULL, title TEXT NOT NULL, position INTEGER NOT NULL, source BLOB NOT NULL,
    shown_title TEXT NOT NULL, newspaper TEXT NOT NULL, issue_date TEXT, inferred INTEGER NOT NULL,
    edition TEXT NOT NULL, names TEXT NOT NULL,
    UNIQUE (sha1, title, position, source)
);
CREATE TABLE IF NOT EXISTS bookmarks (
    kept_id INTEGER PRIMARY KEY REFERENCES kept(id),
    note TEXT NOT NULL DEFAULT '', created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY,
    kept_id INTEGER NOT NULL REFERENCES kept(id),
    read_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_time ON history(read_at);
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_KEPT = "k.id, k.sha1, k.title, k.position, k.source, k.shown_title, k.newspaper, k.issue_date, k.inferred, k.edition, k.names"
_HAYSTACK = "fold(k.shown_title || ' ' || k.names || ' ' || k.newspaper || ' ' || IFNULL(k.issue_date, '') || ' ' || k.edition"


class UserDataProblem(Exception):
    """The data store cannot be opened or written (the message is one line for the user)."""


@dataclass(frozen=True)
class KeptEntry:
    """A bookmark or a visit: the article's key, what is shown of it, when, and a note."""

    id: int  # the bookmark's kept id, or the history row's id
    key: ArticleKey
    snapshot: Snapshot
    when: dt.datetime
    note: str = ""


def now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


class UserStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / DATA_FILE
        self.notice = ""  # one line for the user when a damaged store was set aside
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._connect()
            except sqlite3.DatabaseError as exc:  # not a database, or a damaged one: keep it, start afresh
                aside = self._set_aside()
                self.notice = (f"{self.path} was damaged ({exc}); it is kept as {aside.name} and "
                               "bookmarks and history start afresh")
                self._db = self._connect()
        except (OSError, sqlite3.Error) as exc:
            raise UserDataProblem(f"bookmarks and history are not kept: {self.path}: {exc}") from exc

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        try:
            db.create_function("fold", 1, fold, deterministic=True)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a visit is a small write: no fsync for each
            (verdict,) = db.execute("PRAGMA quick_check").fetchone()
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {verdict}")
            db.executescript(_SCHEMA)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('layout', ?)", (str(LAYOUT),))
        except sqlite3.Error:
            db.close()
            raise
        return db

    def _set_aside(self) -> Path:
        """Move the damaged file (and its WAL) out of the way, never deleting what the user kept."""
        aside = self.path.with_name(f"{DATA_FILE}.damaged-{now():%Y%m%d-%H%M%S}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{self.path}{suffix}")
            if part.exists():
                part.rename(Path(f"{aside}{suffix}"))
        return aside

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise UserDataProblem(f"could not write {self.path}: {exc}") from exc

    # --- kept articles ------------------------------------------------------------------
    def _kept_id(self, db: sqlite3.Connection, key: ArticleKey, snap: Snapshot) -> int:
        """The row of this article (made, or refreshed with what is shown of it now)."""
        shown = (snap.title, snap.newspaper, snap.issue_date.isoformat() if snap.issue_date else None,
                 int(snap.inferred), snap.edition, snap.names)
        row = db.execute(
            "SELECT id FROM kept WHERE sha1 = ? AND title = ? AND position = ? AND source = ?",
            (key.sha1, key.title, key.position, os.fsencode(key.source)),
        ).fetchone()
        if row is not None:
            db.execute("UPDATE kept SET shown_title = ?, newspaper = ?, issue_date = ?, inferred = ?,"
                       " edition = ?, names = ? WHERE id = ?", (*shown, row[0]))
            return int(row[0])
        cur = db.execute("INSERT INTO kept(sha1, title, position, source, shown_title, newspaper, issue_date,"
                         " inferred, edition, names) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (key.sha1, key.title, key.position, os.fsencode(key.source), *shown))
        return int(cur.lastrowid or 0)

    # --- bookmarks -------------------------------------------------------------------------
    def bookmark_of(self, key: ArticleKey) -> KeptEntry | None:
        """The bookmark on this article: same file bytes and title (or place, when untitled)."""
        same = "k.sha1 = ? AND k.title = ?" if key.title else "k.sha1 = ? AND k.position = ? AND k.title = ''"
        args: tuple = (key.sha1, key.title) if key.title else (key.sha1, key.position)
        if not key.sha1:
            same, args = "k.source = ? AND k.position = ?", (os.fsencode(key.source), key.position)
        rows = self._entries(f"JOIN bookmarks b ON b.kept_id = k.id WHERE {same}", args, "b.created", "b.note")
        return rows[0] if rows else None

    def toggle_bookmark(self, key: ArticleKey, snap: Snapshot) -> bool:
        """Bookmark the article, or remove its bookmark; True when it is now bookmarked."""
        existing = self.bookmark_of(key)
        if existing is not None:
            self.remove_bookmark(existing.id)
            return False
        with self._write() as db:
            kept = self._kept_id(db, key, snap)
            db.execute("INSERT OR REPLACE INTO bookmarks(kept_id, note, created) VALUES (?, '', ?)",
                       (kept, now().isoformat()))
        return True

    def remove_bookmark(self, kept_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM bookmarks WHERE kept_id = ?", (kept_id,))

    def set_note(self, kept_id: int, note: str) -> None:
        with self._write() as db:
            db.execute("UPDATE bookmarks SET note = ? WHERE kept_id = ?", (note.strip(), kept_id))

    def bookmarks(self, needle: str = "") -> list[KeptEntry]:
        """Newest first; ``needle`` filters on title, names, paper, date, 版 and note (folded)."""
        where, args = "", tuple[str, ...]()
        if needle.strip():
            where, args = f"WHERE instr({_HAYSTACK} || ' ' || b.note), ?) > 0", (fold(needle.strip()),)
        return self._entries(f"JOIN bookmarks b ON b.kept_id = k.id {where} ORDER BY b.created DESC, k.id DESC",
                             args, "b.created", "b.note")

    # --- history ----------------------------------------------------------------------------
    def record_visit(self, key: ArticleKey, snap: Snapshot) -> bool:
        """Note that the article was read; a second showing in a row is the same visit (False)."""
        with self._write() as db:
            kept = self._kept_id(db, key, snap)
            last = db.execute("SELECT kept_id FROM history ORDER BY id DESC LIMIT 1").fetchone()
            if last is not None and last[0] == kept:
                return False
            db.execute("INSERT INTO history(kept_id, read_at) VALUES (?, ?)", (kept, now().isoformat()))
        return True

    def history(self, needle: str = "", limit: int = HISTORY_SHOWN) -> list[KeptEntry]:
        """Visits newest first (``needle`` as for bookmarks)."""
        where, args = "", tuple[str, ...]()
        if needle.strip():
            where, args = f"WHERE instr({_HAYSTACK}), ?) > 0", (fold(needle.strip()),)
        return self._entries(f"JOIN history h ON h.kept_id = k.id {where} ORDER BY h.id DESC LIMIT {int(limit)}",
                             args, "h.read_at", "''", id_column="h.id")

    def clear_history(self) -> int:
        """Empty the history (bookmarks stay); the number of visits removed."""
        with self._write() as db:
            count = db.execute("DELETE FROM history").rowcount
            db.execute("DELETE FROM kept WHERE id NOT IN (SELECT kept_id FROM bookmarks)")
        return count

    # --- small state (the last position, the theme) ---------------------------------------
    def get_state(self, name: str) -> object | None:
        row = self._db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        try:
            return json.loads(row[0])
        except ValueError:
            return None

    def set_state(self, name: str, value: object) -> None:
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (name, json.dumps(value, ensure_ascii=False)))

    def _entries(self, tail: str, args: tuple, when: str, note: str, id_column: str = "k.id") -> list[KeptEntry]:
        rows = self._db.execute(f"SELECT {id_column}, {_KEPT}, {when}, {note} FROM kept k {tail}", args)
        out = []
        for row_id, _kid, sha1, title, position, source, shown, paper, date, inferred, edition, names, at, text in rows:
            out.append(KeptEntry(
                row_id,
                ArticleKey(sha1, title, position, os.fsdecode(source)),  # the path's bytes, as stored
                Snapshot(shown, paper, dt.date.fromisoformat(date) if date else None, bool(inferred), edition, names),
                dt.datetime.fromisoformat(at),
                text or "",
            ))
        return out
