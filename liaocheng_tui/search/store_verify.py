"""The article store's string checks: does an article's field hold this string (or pattern)?

A mixin of :class:`store.ArticleStore`.  The search index finds candidates by
character pairs; the exact answer — "any verbatim string finds its article",
phrase precision 1.00 — comes from here: ``instr`` in SQL over the stored
folded letters of each field (the ``letters`` table: small rows, apart from the text) (one pass in C over the candidates), or a
pattern matched against the field's folded text for wildcard queries.
"""

from __future__ import annotations

import re
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from pathlib import Path

from liaocheng_tui.archive.model import Page
from liaocheng_tui.search.analysis import fold, letters_only
from liaocheng_tui.search.schema import field_texts
from liaocheng_tui.search.store_rows import (
    ARTICLE_SELECT,
    LETTER_COLUMNS,
    article_from_row,
    path_text,
    to_json,
)

#: Article ids per verification query (one JSON parameter each).
VERIFY_BATCH = 20_000


class StringChecks(ABC):
    """String checks over ``self._db`` (mixed into ArticleStore)."""

    _db: sqlite3.Connection

    @abstractmethod
    def articles(self, aids: Sequence[str]) -> dict: ...

    def holding(self, fieldname: str, ids: Sequence[int], needle: str | re.Pattern[str]) -> set[int]:
        """Those of the letters keys ``ids`` (``schema.letters_key``) whose field (an index bigram field)
        holds ``needle``.

        A string is folded letters, checked by ``instr`` in SQL over the stored
        letters (one pass, in C; the rows shown as hits are checked against their CRC when read); a
        pattern (a wildcard query) is matched in Python against the field's folded text.
        """
        found: set[int] = set()
        column = fieldname if fieldname in LETTER_COLUMNS else None
        for i in range(0, len(ids), VERIFY_BATCH):
            chunk = to_json(sorted(ids[i : i + VERIFY_BATCH]))  # in row order: the B-tree is read forwards
            if column is not None and isinstance(needle, str):
                name = LETTER_COLUMNS[fieldname]
                # one pass in C over every candidate; the rows shown as hits are checksummed when read
                found.update(
                    r[0]
                    for r in self._db.execute(
                        f"SELECT id FROM letters WHERE id IN (SELECT value FROM json_each(?)) AND instr({name}, ?) > 0",
                        (chunk, needle),
                    )
                )
                continue
            for aid, text in self._field_texts(fieldname, chunk):
                if isinstance(needle, str):
                    if needle in letters_only(text):
                        found.add(aid)
                elif needle.search(fold(text)) is not None:
                    found.add(aid)
        return found

    def source_of(self, aid: str) -> str:
        row = self._db.execute(
            "SELECT f.path FROM articles a JOIN pages p ON p.id = a.page_id JOIN files f ON f.id = p.file_id"
            " WHERE a.aid = ?", (aid,)
        ).fetchone()
        return path_text(row[0]) if row and isinstance(row[0], bytes) else ""

    def _field_texts(self, fieldname: str, chunk: str) -> Iterator[tuple[int, str]]:
        """(letters key, the text the index field holds) for the letters keys in the JSON list ``chunk``."""
        if fieldname in ("paper_bg", "file_bg"):
            for rid, paper, path in self._db.execute(
                "SELECT l.id, p.newspaper, f.path FROM letters l JOIN articles a ON a.id = l.article_id"
                " JOIN pages p ON p.id = a.page_id JOIN files f ON f.id = p.file_id"
                " WHERE l.id IN (SELECT value FROM json_each(?))",
                (chunk,),
            ):
                yield rid, (paper or "") if fieldname == "paper_bg" else Path(path_text(path)).name
            return
        for row in self._db.execute(
            f"SELECT l.id, {ARTICLE_SELECT} FROM letters l JOIN articles a ON a.id = l.article_id"
            " WHERE l.id IN (SELECT value FROM json_each(?))",
            (chunk,),
        ):
            article = article_from_row(row[1:], Page(source=""))
            yield row[0], field_texts(article)[fieldname]
