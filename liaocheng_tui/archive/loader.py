"""Files → Pages: read, decode, parse, date and attribute every page of an archive.

One bad file never stops the rest: its problem becomes a warning on the
archive and the next file is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from liaocheng_tui.archive.dating import date_report
from liaocheng_tui.archive.decoding import UndecodableFile, decode_bytes
from liaocheng_tui.archive.files import FileProblem, iter_page_files
from liaocheng_tui.archive.furniture import take_furniture
from liaocheng_tui.archive.model import Archive, DateSource, Page
from liaocheng_tui.archive.newspaper import attribute_newspaper
from liaocheng_tui.archive.parser import parse_text
from liaocheng_tui.archive.people import assign_roles

Progress = Callable[[int, int, str], None]


def parse_page(text: str, source: str, *, encoding: str | None = None) -> Page:
    """Parse already-decoded page text into a dated, attributed Page."""
    body, furniture = take_furniture(text)
    articles, residue = parse_text(body)
    page = Page(source=source, articles=articles, residue=residue, encoding=encoding, furniture=furniture.lines)
    for i, article in enumerate(articles):
        article.page = page
        article.index = i
    dating = date_report(source, body)
    page.issue_date, page.date_source, page.date_evidence = dating.date, dating.source, list(dating.evidence)
    if furniture.date is not None and page.date_source is not DateSource.FILENAME:
        page.issue_date, page.date_source, page.date_evidence = furniture.date, DateSource.FOLIO, ["the folio line"]
    page.newspaper = furniture.paper or attribute_newspaper(page)
    if residue:
        page.warnings.append(f"{len(residue)} unattributed text block(s)")
    if page.issue_date is None:
        page.warnings.append(f"undated: {dating.refused}" if dating.refused else "undated")
    return page


def read_page(path: Path) -> Page:
    """Read one file into a Page; raises OSError or UndecodableFile."""
    data = path.read_bytes()
    decoded = decode_bytes(data)
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
            archive.warnings.append(f"{item.path}: {item.reason}")
        else:
            try:
                archive.pages.append(read_page(item))
            except UndecodableFile as exc:
                archive.warnings.append(f"{item}: {exc}")
            except OSError as exc:
                archive.warnings.append(f"{item}: cannot read ({exc.strerror or exc})")
        if progress is not None:
            progress(done, total, str(item if not isinstance(item, FileProblem) else item.path))
    archive.pages.sort(key=lambda p: (p.issue_date is None, p.issue_date, p.source))
    assign_roles(archive)  # names printed without a role take the role printed elsewhere
    return archive
