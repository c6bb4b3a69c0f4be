"""How the article store's rows are written and read back: model ↔ row values, and their checksums.

Kept apart from :mod:`store` (the SQL) so the codecs can be read and tested
on their own: every value comes from the parser's model (``archive.model``),
and a page or article read back is equal, field for field, to what was
written — or the read raises :class:`StoreDamage` naming the page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import zlib
from collections.abc import Sequence

from liaocheng_tui.archive.model import (
    Article,
    ArticleKind,
    DateSource,
    Page,
    Paragraph,
)
from liaocheng_tui.search.analysis import letters_only
from liaocheng_tui.search.errors import CacheProblem
from liaocheng_tui.search.schema import field_texts

#: bigram field of the index → the column holding its folded letters
#: index field → its column of the ``letters`` table, in the table's order (the long body last)
LETTER_COLUMNS = {"title_bg": "l_title", "head_bg": "l_head", "byline_bg": "l_byline", "body_bg": "l_body"}

PAGE_COLUMNS = ("newspaper", "issue_date", "date_source", "encoding", "warnings", "residue", "furniture")
PAGE_SKIP = {"source", "articles", *PAGE_COLUMNS}
ARTICLE_COLUMNS = ("kind", "kicker", "title", "subtitle", "reporters", "correspondents", "byline", "dateline")
ARTICLE_SKIP = {"page", "index", "paragraphs", *ARTICLE_COLUMNS}
KINDS = {k.value: k for k in ArticleKind}
DATE_SOURCES = {d.value: d for d in DateSource}


def path_bytes(source: str) -> bytes:
    """A page's path as the bytes of its name (``surrogateescape`` keeps undecodable names exact)."""
    return os.fsencode(source)


def path_text(blob: bytes) -> str:
    return os.fsdecode(bytes(blob))


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def plain_value(value):
    """A model value as JSON-ready data (for the ``extra`` columns: fields a later parser adds)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (ArticleKind, DateSource)):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain_value(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain_value(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"cannot store {type(value).__name__} in the article store")


def extra_json(obj, skip: set[str]) -> str:
    return to_json({f.name: plain_value(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name not in skip})


ARTICLE_SELECT = (
    "position, kind, kicker, title, subtitle, reporters, correspondents, byline, dateline, paragraphs, extra, aid, crc"
)


def article_aid(row: tuple) -> str:
    return row[-2]


def article_row(page_id: int, position: int, article: Article) -> tuple:
    article.index = position
    values = (
        position,
        article.kind.value,
        article.kicker,
        article.title,
        article.subtitle,
        to_json(list(article.reporters)),
        to_json(list(article.correspondents)),
        article.byline,
        article.dateline,
        to_json([[p.text, p.is_subhead] for p in article.paragraphs]),
        extra_json(article, ARTICLE_SKIP),
        article.id,
    )
    return (page_id, *values, row_crc(values))


def letters_row(article: Article) -> tuple[str, ...]:
    """The folded letters of each searchable field of ``article``, in ``LETTER_COLUMNS`` order."""
    texts = field_texts(article)
    return tuple(letters_only(texts[f]) for f in LETTER_COLUMNS)


class StoreDamage(CacheProblem):
    """A row of the store does not match its checksum: the pages named are read from their files again."""

    def __init__(self, message: str, sources: Sequence[str] = ()):
        super().__init__(message)
        self.sources = list(sources)


def row_crc(values: Sequence) -> int:
    """CRC-32 of a row's values (SQLite keeps no checksums: a flipped byte in a text would be served)."""
    h = 0
    for value in values:
        if value is None:
            h = zlib.crc32(b"\x00N", h)
        elif isinstance(value, bytes):
            h = zlib.crc32(b"\x00B" + value, h)
        else:
            h = zlib.crc32(b"\x00S" + str(value).encode("utf-8", "surrogatepass"), h)
    return h


def check_page(row: tuple) -> None:
    """A page row as read (id, path, …values…, crc): raises StoreDamage naming the page when it was altered."""
    path, values, crc = row[1], row[2:-1], row[-1]
    if not isinstance(path, bytes) or row_crc((path, *values)) != crc:
        source = path_text(path) if isinstance(path, bytes) else ""
        raise StoreDamage(f"page {source or '?'} does not match its checksum", [source] if source else [])


def known_fields(cls, extra: dict) -> dict:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in extra.items() if k in names}


def article_from_row(row: tuple, page: Page) -> Article:
    if row_crc(row[:-1]) != row[-1]:
        raise StoreDamage(f"an article of {page.source or '?'} does not match its checksum",
                          [page.source] if page.source else [])
    position, kind, kicker, title, subtitle, reporters, correspondents, byline, dateline, paragraphs, extra, aid, _ = row
    article = Article(
        title=title,
        kicker=kicker,
        subtitle=subtitle,
        reporters=json.loads(reporters),
        correspondents=json.loads(correspondents),
        paragraphs=[Paragraph(text, bool(sub)) for text, sub in json.loads(paragraphs)],
        kind=KINDS[kind],
        byline=byline,
        dateline=dateline,
        index=position,
        **known_fields(Article, json.loads(extra)),
    )
    article.page = page
    if page.source and aid != article.id:
        raise StoreDamage(f"an article of {page.source} is filed under another page", [page.source])
    return article


def like_escape(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern written with ``ESCAPE '\\'``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_prefix(prefix: str) -> str:
    return like_escape(prefix) + "%"


def one_line(exc: object) -> str:
    return " ".join(str(exc).split())[:120]
