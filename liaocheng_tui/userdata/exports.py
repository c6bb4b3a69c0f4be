"""The reader's ``x``: a list of articles (results, bookmarks, an issue) written to a file.

The formats and records are ``lc-reader export``'s (see ``liaocheng_tui.export``);
the file is named after what was exported and when, in the export folder (the
config's ``export_dir``, else ``exports/`` in the data folder), never overwriting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from liaocheng_tui.archive.model import Article
from liaocheng_tui.export import WRITERS

_UNSAFE = re.compile(r"[^\w\-]+")


def export_file_name(what: str, fmt: str, when: dt.datetime) -> str:
    """``lc-reader-results-高质量发展-20261202-101500.md``: what it holds, when (safe in any shell)."""
    label = re.sub("-{2,}", "-", _UNSAFE.sub("-", what)).strip("-")[:40] or "articles"
    return f"lc-reader-{label}-{when:%Y%m%d-%H%M%S}.{fmt}"


def write_export(articles: Iterable[Article], fmt: str, folder: Path, what: str) -> tuple[Path, int]:
    """Write the articles; (the file, how many were written).  Raises OSError when it cannot."""
    folder.mkdir(parents=True, exist_ok=True)
    base = export_file_name(what, fmt, dt.datetime.now())
    path = folder / base
    n = 1
    while path.exists():
        n += 1
        path = folder / base.replace(f".{fmt}", f"-{n}.{fmt}")
    count = 0

    def counted() -> Iterable[Article]:
        nonlocal count
        for article in articles:
            count += 1
            yield article

    with path.open("x", encoding="utf-8", newline="") as out:
        for piece in WRITERS[fmt](counted()):
            out.write(piece if fmt == "json" else piece + "\n")
        if fmt == "json":
            out.write("\n")
    return path, count
