"""Opening the article store's SQLite file when another lc-reader may be creating it too.

Two first opens of one store race: SQLite answers "database is locked" at once to
one of them where waiting could deadlock, so the busy timeout never helps.  That
is not damage (damage has the store rebuilt): the open waits a little longer each
time and tries again, and a store that stays locked raises :class:`StoreBusy`.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from liaocheng_tui.search.errors import CacheProblem
from liaocheng_tui.search.store_rows import one_line

#: Opens of a store another process is creating (each waits a little longer) before giving up (~15 s).
OPEN_ATTEMPTS = 40
OPEN_RETRY_S = 0.02


class StoreBusy(RuntimeError):
    """The store stayed locked by another process through every attempt (not damage: never rebuilt)."""


def _locked(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def open_retrying(path: Path, connect: Callable[[], sqlite3.Connection]) -> sqlite3.Connection:
    """``connect()`` (which closes what it opened when it fails), tried again while the file is locked;
    any other SQLite error is damage (CacheProblem)."""
    for attempt in itertools.count(1):
        try:
            return connect()
        except sqlite3.OperationalError as exc:
            if _locked(exc) and attempt < OPEN_ATTEMPTS:
                time.sleep(OPEN_RETRY_S * attempt)
                continue
            if _locked(exc):
                raise StoreBusy(f"article store {path.name} stayed locked by another lc-reader") from None
            raise CacheProblem(f"article store {path.name} is damaged ({one_line(exc)})") from None
        except sqlite3.DatabaseError as exc:
            raise CacheProblem(f"article store {path.name} is damaged ({one_line(exc)})") from None
    raise AssertionError("unreachable")


def closing_on_error(db: sqlite3.Connection, setup: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection:
    """``db`` after ``setup(db)``; closed (and the error raised on) when setup fails."""
    try:
        setup(db)
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.close()
        raise
    return db
