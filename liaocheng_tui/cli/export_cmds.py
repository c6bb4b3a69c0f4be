"""``lc-reader export`` and ``lc-reader check``: the archive core on the command line.

Page text and file names reach stdout only through ``printable`` (``export``:
see ``liaocheng_tui.export``; ``check``: rich ``Text`` of printable strings).
"""

from __future__ import annotations

from pathlib import Path

import click

from liaocheng_tui.archive.model import DateSource
from liaocheng_tui.archive.printable import one_line
from liaocheng_tui.cli.consoles import stdout_console
from liaocheng_tui.cli.group import main
from liaocheng_tui.cli.options import cache_dir_option, no_cache_option, paths_argument
from liaocheng_tui.cli.report import report_warnings, stored_pages
from liaocheng_tui.export import FORMATS


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--query", "-q", default=None, help="Only the articles QUERY finds (search's syntax), all of them.")
@cache_dir_option
@no_cache_option
def export(paths: tuple[Path, ...], fmt: str, query: str | None, cache_dir: Path | None, no_cache: bool) -> None:
    """Print every article of PATH... (default: the embedded seeds) to stdout, in issue order."""
    from liaocheng_tui import export as exporter

    if query is not None:
        _export_query(paths, fmt, query, cache_dir, no_cache)
        return
    with stored_pages(paths, cache_dir, no_cache) as pages:
        report_warnings(pages)
        if fmt == "md":
            pieces = exporter.iter_markdown(pages)
        else:
            pieces = exporter.WRITERS[fmt](exporter.articles_of(pages))
        _echo(pieces, fmt)


def _export_query(paths: tuple[Path, ...], fmt: str, query: str, cache_dir: Path | None, no_cache: bool) -> None:
    """``export --query``: the matching articles streamed from the store, in issue order; exit 2 on a bad query."""
    import sys

    from liaocheng_tui import export as exporter
    from liaocheng_tui.cli.search_cmds import open_service
    from liaocheng_tui.search.errors import QueryError

    archive, service = open_service(paths, cache_dir, no_cache)
    try:
        report_warnings(archive, also=service.warnings)
        try:
            articles = service.matching_articles(query)
            first = next(articles, None)
        except QueryError as exc:
            click.echo(f"error: {one_line(str(exc))}", err=True)
            sys.exit(2)
        if first is None:
            click.echo(f"nothing matches {one_line(query)}", err=True)
        _echo(exporter.WRITERS[fmt](_chain(first, articles)), fmt)
    finally:
        service.close()


def _chain(first, rest):
    if first is not None:
        yield first
        yield from rest


def _echo(pieces, fmt: str) -> None:
    for piece in pieces:
        click.echo(piece, nl=fmt != "json")
    if fmt == "json":
        click.echo("")


DATE_MARKS = {DateSource.FILENAME: "=", DateSource.FOLIO: "=", DateSource.INFERRED: "≈", DateSource.UNKNOWN: "?"}


@main.command()
@paths_argument
@cache_dir_option
@no_cache_option
def check(paths: tuple[Path, ...], cache_dir: Path | None, no_cache: bool) -> None:
    """Report per file: articles, photo items, date and how it was obtained, warnings."""
    with stored_pages(paths, cache_dir, no_cache) as pages:
        _check(pages)


#: A file name longer than this is cut in its middle (its start and its 版/extension stay).
FILE_CELLS = 30


def _check(pages) -> None:
    """The check table (one row per page, streamed from the store), then each page's notes.

    Each row fits one line of an 80-column terminal: a long file name is cut in the
    middle, warnings are counted in the row and printed in full below the table."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from liaocheng_tui.archive.model import ArticleKind

    notes: list = []
    table = Table(title=f"lc-reader check — {pages.page_count} page(s)", box=box.SIMPLE_HEAD, pad_edge=False,
                  collapse_padding=True)
    table.add_column("file", no_wrap=True)
    table.add_column("paper", no_wrap=True)
    table.add_column("版", no_wrap=True)
    for col in ("art", "pic", "lead"):
        table.add_column(col, justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("notes", no_wrap=True)
    for page in pages:
        kinds = [a.kind for a in page.articles]
        date = DATE_MARKS[page.date_source] + page.issue_date.isoformat() if page.issue_date else "undated"
        table.add_row(
            Text(middle_cut(page.name, FILE_CELLS)),
            Text(one_line(page.newspaper) or "?"),
            Text(one_line(page.edition) or "—"),
            str(kinds.count(ArticleKind.ARTICLE)),
            str(kinds.count(ArticleKind.PHOTO)),
            str(kinds.count(ArticleKind.LEAD_IN)),
            date,
            Text(f"⚠ {len(page.warnings)}" if page.warnings else "ok", style="yellow" if page.warnings else "green"),
        )
        for warning in page.warnings:
            notes.append((Text(f"warning in {page.name}: {one_line(warning)}"), "yellow"))
        if page.date_evidence and page.date_source.value == "inferred":
            notes.append((Text(f"date of {page.name}: " + "; ".join(page.date_evidence)), "dim"))
        for block in page.residue:
            notes.append((Text(f"unattributed in {page.name}: {one_line(block[:60])}"), "yellow"))
    console = stdout_console()
    console.print(table)
    console.print("date: ≈ inferred from the text, = from the file or folder name or the page's folio;"
                  " pic: photo items, lead: lead-ins", style="dim")
    for text, style in notes:
        console.print(text, style=style)
    report_warnings(pages)


def middle_cut(name: str, cells: int) -> str:
    """``name`` in at most ``cells`` terminal cells, cut in the middle with … (start and end kept)."""
    from rich.cells import cell_len

    if cell_len(name) <= cells:
        return name
    head, tail = "", ""
    chars = list(name)
    while chars and cell_len(head) + cell_len(tail) + 1 < cells:
        if cell_len(head) <= cell_len(tail):
            head += chars.pop(0)
        else:
            tail = chars.pop() + tail
    while cell_len(head) + cell_len(tail) + 1 > cells:
        head = head[:-1]
    return head + "…" + tail
