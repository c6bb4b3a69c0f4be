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


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "md"]), default="jsonl", show_default=True)
@cache_dir_option
@no_cache_option
def export(paths: tuple[Path, ...], fmt: str, cache_dir: Path | None, no_cache: bool) -> None:
    """Print every article of PATH... (default: the embedded seeds) to stdout, in issue order."""
    from liaocheng_tui import export as exporter

    with stored_pages(paths, cache_dir, no_cache) as pages:
        report_warnings(pages)
        writers = {"json": exporter.iter_json, "jsonl": exporter.iter_jsonl, "md": exporter.iter_markdown}
        for piece in writers[fmt](pages):
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


def _check(pages) -> None:
    """The check table (one row per page, streamed from the store), then each page's notes."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from liaocheng_tui.archive.model import ArticleKind

    notes: list = []
    table = Table(title=f"lc-reader check — {pages.page_count} page(s)", box=box.SIMPLE_HEAD)
    table.add_column("file", overflow="fold", min_width=20)
    table.add_column("paper", no_wrap=True)
    table.add_column("版", no_wrap=True)
    for col in ("art.", "photo", "lead"):
        table.add_column(col, justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("warnings", overflow="fold", min_width=8)
    for page in pages:
        kinds = [a.kind for a in page.articles]
        date = DATE_MARKS[page.date_source] + page.issue_date.isoformat() if page.issue_date else "undated"
        table.add_row(
            Text(page.name),
            Text(one_line(page.newspaper) or "?"),
            Text(one_line(page.edition) or "—"),
            str(kinds.count(ArticleKind.ARTICLE)),
            str(kinds.count(ArticleKind.PHOTO)),
            str(kinds.count(ArticleKind.LEAD_IN)),
            date,
            Text(one_line("; ".join(page.warnings)) or "ok", style="yellow" if page.warnings else "green"),
        )
        if page.date_evidence and page.date_source.value == "inferred":
            notes.append((Text(f"date of {page.name}: " + "; ".join(page.date_evidence)), "dim"))
        for block in page.residue:
            notes.append((Text(f"unattributed in {page.name}: {one_line(block[:60])}"), "yellow"))
    console = stdout_console()
    console.print(table)
    console.print("date: ≈ inferred from the text, = from the file or folder name or the page's folio", style="dim")
    for text, style in notes:
        console.print(text, style=style)
    report_warnings(pages)
