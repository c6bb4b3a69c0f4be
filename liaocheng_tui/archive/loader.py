"""Files → Pages: read, decode, parse, date and attribute every page of an archive.

One bad file never stops the rest: its problem becomes a warning on the
archive (and an entry of ``archive.skipped``) and the next file is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from liaocheng_tui.archive.dating import date_report
from liaocheng_tui.archive.decoding import UndecodableFile, decode_bytes
from liaocheng_tui.archive.files import FileProblem, PageTooLarge, iter_page_files, read_page_bytes
from liaocheng_tui.archive.furniture import take_furniture
from liaocheng_tui.archive.invisible import EdgeRun, put_back, take_edge_invisibles
from liaocheng_tui.archive.model import Archive, Article, DateSource, Page, Paragraph
from liaocheng_tui.archive.newspaper import attribute_newspaper
from liaocheng_tui.archive.parser import parse_text
from liaocheng_tui.archive.edition import edition_from_folio, edition_from_path
from liaocheng_tui.archive.printable import display_path
from liaocheng_tui.archive.people import assign_roles

Progress = Callable[[int, int, str], None]


def parse_page(text: str, source: str, *, encoding: str | None = None) -> Page:
    """Parse already-decoded page text into a dated, attributed Page."""
    text, runs = take_edge_invisibles(text)
    body, furniture = take_furniture(text)
    articles, residue = parse_text(body, furniture.item_ends)
    left = _put_back_invisibles(articles, residue, text, runs)
    page = Page(source=source, articles=articles, residue=residue, encoding=encoding, furniture=furniture.lines + left)
    for i, article in enumerate(articles):
        article.page = page
        article.index = i
    dating = date_report(source, body)
    page.issue_date, page.date_source, page.date_evidence = dating.date, dating.source, list(dating.evidence)
    if furniture.date is not None and page.date_source is not DateSource.FILENAME:
        page.issue_date, page.date_source, page.date_evidence = furniture.date, DateSource.FOLIO, ["the folio line"]
    page.newspaper = furniture.paper or attribute_newspaper(page)
    page.edition = edition_from_path(source) or edition_from_folio(furniture.lines)
    if residue:
        page.warnings.append(f"{len(residue)} unattributed text block(s)")
    if page.issue_date is None:
        page.warnings.append(f"undated: {dating.refused}" if dating.refused else "undated")
    return page


_TEXT_FIELDS = ("kicker", "title", "subtitle", "byline", "dateline")


def _put_back_invisibles(articles: list[Article], residue: list[str], text: str, runs: list[EdgeRun]) -> list[str]:
    """Zero-width characters taken off line edges go back inside the text they sat in
    (``invisible.put_back``); returns those left for the furniture."""
    if not runs:
        return []
    setters: list[Callable[[str], None]] = []  # where each piece goes back
    pieces: list[str] = []

    def field_setter(article: Article, name: str) -> Callable[[str], None]:
        return lambda new: setattr(article, name, new)

    def paragraph_setter(owner: list[Paragraph], n: int) -> Callable[[str], None]:
        return lambda new: owner.__setitem__(n, Paragraph(new, owner[n].is_subhead))

    def residue_setter(n: int) -> Callable[[str], None]:
        return lambda new: residue.__setitem__(n, new)

    for article in articles:
        for name in _TEXT_FIELDS:
            if getattr(article, name):
                setters.append(field_setter(article, name))
                pieces.append(getattr(article, name))
        for i, para in enumerate(article.paragraphs):
            setters.append(paragraph_setter(article.paragraphs, i))
            pieces.append(para.text)
    for i, block in enumerate(residue):
        setters.append(residue_setter(i))
        pieces.append(block)
    placed, left = put_back(pieces, text, runs)
    for setter, old, new in zip(setters, pieces, placed):
        if new != old:
            setter(new)
    return left


def read_page(path: Path) -> Page:
    """Read one file into a Page; raises OSError, PageTooLarge or UndecodableFile."""
    decoded = decode_bytes(read_page_bytes(path))
    page = parse_page(decoded.text, str(path), encoding=decoded.encoding)
    page.warnings[:0] = decoded.warnings
    return page


def load_archive(paths: Iterable[Path], progress: Progress | None = None) -> Archive:
    """Load every page under ``paths`` (folders are walked recursively)."""
    roots = [Path(p) for p in paths]
    archive = Archive(roots=[str(r) for r in roots])
    found = list(iter_page_files(roots))
    total = len(found)
    for done, item in enumerate(found, 1):
        if isinstance(item, FileProblem):
            skip(archive, item.path, item.reason)
        else:
            try:
                archive.pages.append(read_page(item))
            except (UndecodableFile, PageTooLarge, OSError) as exc:
                skip(archive, item, why_unreadable(exc))
        if progress is not None:
            progress(done, total, display_path(item if not isinstance(item, FileProblem) else item.path))
    archive.pages.sort(key=lambda p: (p.issue_date is None, p.issue_date, p.source))
    assign_roles(archive)  # names printed without a role take the role printed elsewhere
    return archive


def why_unreadable(exc: UndecodableFile | PageTooLarge | OSError) -> str:
    """What ``read_page`` raised, in a few words."""
    if isinstance(exc, OSError):
        return f"cannot read ({exc.strerror or exc})"
    return str(exc)


def skip(archive: Archive, path: Path | str, reason: str) -> None:
    """Note a file that was not read: in ``archive.skipped`` and as a warning (the path as shown)."""
    line = f"{display_path(path)}: {reason}"
    archive.skipped.append(line)
    archive.warnings.append(line)
