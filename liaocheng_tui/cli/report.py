"""What every command that reads an archive says about it on stderr, in one voice.

Skipped files are listed (``warning: PATH: why``, then ``skipped N file(s)``),
other warnings (repaired cache damage) too; an archive with nothing readable
ends the command with one line and exit code 1.  Every line passes through
``one_line`` (no control character of a file name or page reaches the terminal).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from liaocheng_tui.archive.model import Archive
from liaocheng_tui.archive.printable import display_path, one_line
from liaocheng_tui.cli.options import resolve_paths

if TYPE_CHECKING:
    from liaocheng_tui.search.stored_pages import StoredPages

#: How many skipped files the one "nothing readable" line names before "… N more".
NAMED_IN_ONE_LINE = 5


class NothingReadable(click.ClickException):
    """No page of the archive could be read: exit 1 with one line."""

    exit_code = 1


class Opened(Protocol):
    """What a command opened (an Archive, the stored pages, the reader's shelf): its problems."""

    warnings: list[str]
    skipped: list[str]


def report_warnings(archive: Opened, *, also: Iterable[str] = ()) -> None:
    """Every warning of the archive (and ``also``, unless already among them) on stderr,
    then the count of skipped files."""
    warnings = list(archive.warnings)
    warnings += [w for w in also if w not in warnings]
    for warning in warnings:
        click.echo(f"warning: {one_line(warning)}", err=True)
    if archive.skipped:
        click.echo(f"skipped {len(archive.skipped)} file(s)", err=True)


def require_pages(archive: Archive) -> None:
    """Raise NothingReadable (one line: the roots, how many files were skipped and which)
    when the archive has no page at all."""
    require_readable(archive.roots, len(archive.pages), archive.skipped)


def require_readable(roots: Iterable[object], pages: int, skipped: list[str]) -> None:
    """``require_pages`` from counts (for a search service that holds no Archive: its
    ``store.page_count()`` and ``skipped``)."""
    if pages:
        return
    where = ", ".join(display_path(r) for r in roots)
    if not skipped:
        raise NothingReadable(f"no readable pages in {where} (no page files found)")
    named = "; ".join(one_line(s) for s in skipped[:NAMED_IN_ONE_LINE])
    more = len(skipped) - NAMED_IN_ONE_LINE
    if more > 0:
        named += f"; … {more} more"
    raise NothingReadable(f"no readable pages in {where}: {len(skipped)} file(s) skipped ({named})")


def stored_pages(paths: tuple[Path, ...], cache_dir: Path | None, no_cache: bool) -> StoredPages:
    """The archive's pages from the article store (brought up to date), streamed; exit 1 if none."""
    from liaocheng_tui.search.stored_pages import StoredPages

    pages = StoredPages(resolve_paths(paths), cache_dir=cache_dir, use_cache=not no_cache)
    try:
        require_readable(pages.roots, pages.page_count, pages.skipped)
    except click.ClickException:
        pages.close()
        raise
    return pages
