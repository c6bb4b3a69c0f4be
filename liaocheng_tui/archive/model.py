"""The archive's data model: pages and the articles parsed out of them.

Everything above the parser (export, search, the terminal UI) reads these
dataclasses and nothing else, so they hold exactly what a reader needs and
enough of the raw text to prove that nothing was lost.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from liaocheng_tui.archive.printable import display_path


class ArticleKind(str, Enum):
    """What an item on a page is."""

    ARTICLE = "article"
    PHOTO = "photo"
    LEAD_IN = "lead-in"


class DateSource(str, Enum):
    """How a page's issue date was obtained."""

    FILENAME = "filename"
    FOLIO = "folio"  # printed on the page's folio line (聊城日报 2024年06月21日 第A2版)
    INFERRED = "inferred"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article's body, as printed (line breaks healed)."""

    text: str
    is_subhead: bool = False

    @property
    def display(self) -> str:
        """The paragraph without decorative subhead markers such as ▶…◀."""
        if self.is_subhead:
            return self.text.strip("▶◀►◄■□●◆◇【】 \t")
        return self.text


@dataclass
class Article:
    """One item on a page: an article, a photo item or a page lead-in.

    ``byline`` and ``dateline`` hold the raw lead text exactly as printed
    (``本报讯（记者 X）``, ``■ 本报记者 X``, ``本报聊城讯``); ``reporters`` and
    ``correspondents`` are the names read out of it.  ``paragraphs`` is the
    article's own text, without that lead.
    """

    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    kind: ArticleKind = ArticleKind.ARTICLE
    byline: str | None = None
    dateline: str | None = None
    page: Page | None = field(default=None, repr=False, compare=False)
    index: int = 0  # position on its page
    roleless: list[str] = field(default_factory=list)  # names printed without a role (role inferred)

    @property
    def body(self) -> str:
        """Paragraphs (subheads included) joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def credits(self) -> list[dict]:
        """Everyone credited, in printed order by role: ``{name, role, printed}`` where
        ``printed`` says whether the role was printed with the name or inferred."""
        return [
            {"name": name, "role": role, "printed": name not in self.roleless}
            for role, names in (("reporter", self.reporters), ("correspondent", self.correspondents))
            for name in names
        ]

    @property
    def subheads(self) -> list[str]:
        return [p.display for p in self.paragraphs if p.is_subhead]

    @property
    def heading(self) -> str:
        """A label for lists: the title, or the start of the text for untitled items."""
        if self.title:
            return self.title
        text = self.body.replace("\n", " ")
        return text[:24] + ("…" if len(text) > 24 else "")

    @property
    def id(self) -> str:
        """Stable identity within an archive: source path (as ``Page.key``) and position."""
        src = self.page.key if self.page is not None else ""
        return f"{src}#{self.index}"

    def raw_pieces(self) -> list[str]:
        """Every piece of page text this article accounts for (for the no-loss check)."""
        pieces = [self.kicker, self.title, self.subtitle, self.byline, self.dateline]
        pieces += [p.text for p in self.paragraphs]
        return [p for p in pieces if p]


@dataclass
class Page:
    """One file of page text and what was read out of it."""

    source: str
    newspaper: str | None = None
    issue_date: _dt.date | None = None
    date_source: DateSource = DateSource.UNKNOWN
    articles: list[Article] = field(default_factory=list)
    residue: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None
    furniture: list[str] = field(default_factory=list)  # folio and editor-credit lines
    date_evidence: list[str] = field(default_factory=list)  # why the page has its date (``check`` prints it)
    edition: str | None = None  # the 版 (A2, 3, 要闻) from the file or folder name or the folio line

    @property
    def name(self) -> str:
        """The file name as shown (``display_path``: no control or undecodable character)."""
        return display_path(Path(self.source).name)

    @property
    def display_source(self) -> str:
        """The path as shown and exported; ``source`` itself is kept to reopen the file."""
        return display_path(self.source)

    @property
    def key(self) -> str:
        """``source`` as a key that can be stored (UTF-8, JSON, the index): see ``source_key``."""
        return source_key(self.source)

    def raw_pieces(self) -> list[str]:
        pieces: list[str] = []
        for article in self.articles:
            pieces += article.raw_pieces()
        return pieces + list(self.residue) + list(self.furniture)


def source_key(source: str) -> str:
    """A page's path as a storable key: itself when it is valid Unicode, else with each
    undecodable byte of the name (a lone surrogate, from ``os.fsdecode``) as ``\\xNN``.

    Distinct files keep distinct keys (unless one's name literally holds ``\\xff``
    where the other has the byte 0xFF); ``source`` stays the path that reopens the file.
    """
    if source.isascii() or not _SURROGATE.search(source):
        return source
    return _SURROGATE.sub(_escape_surrogate, source)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


@dataclass
class Archive:
    """All pages read from a set of roots, in a stable order."""

    roots: list[str]
    pages: list[Page] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # skipped files, repaired cache damage
    skipped: list[str] = field(default_factory=list)  # "path: why" of each file not read (also a warning)

    @property
    def articles(self) -> list[Article]:
        return [a for page in self.pages for a in page.articles]
