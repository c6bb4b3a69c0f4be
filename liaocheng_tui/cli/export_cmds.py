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
from liaocheng_tui.cli.options import paths_argument, resolve_paths
from liaocheng_tui.cli.report import report_warnings, require_pages


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "md"]), default="jsonl", show_default=True)
def export(paths: tuple[Path, ...], fmt: str) -> None:
    """Print every article of PATH... (default: the embedded seeds) to stdout."""
    from liaocheng_tui import export as exporter
    from liaocheng_tui.archive.loader import load_archive

    archive = load_archive(resolve_paths(paths))
    require_pages(archive)
    report_warnings(archive)
    if fmt == "json":
        click.echo(exporter.to_json(archive))
        return
    lines = exporter.iter_jsonl(archive) if fmt == "jsonl" else exporter.iter_markdown(archive)
    for line in lines:
        click.echo(line)


DATE_MARKS = {DateSource.FILENAME: "=", DateSource.FOLIO: "=", DateSource.INFERRED: "≈", DateSource.UNKNOWN: "?"}


@main.command()
@paths_argument
def check(paths: tuple[Path, ...]) -> None:
    """Report per file: articles, photo items, date and how it was obtained, warnings."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from liaocheng_tui.archive.loader import load_archive
    from liaocheng_tui.archive.model import ArticleKind

    archive = load_archive(resolve_paths(paths))
    require_pages(archive)
    table = Table(title=f"lc-reader check — {len(archive.pages)} page(s)", box=box.SIMPLE_HEAD)
    table.add_column("file", overflow="fold", min_width=20)
    table.add_column("paper", no_wrap=True)
    for col in ("art.", "photo", "lead"):
        table.add_column(col, justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("warnings", overflow="fold", min_width=8)
    for page in archive.pages:
        kinds = [a.kind for a in page.articles]
        date = DATE_MARKS[page.date_source] + page.issue_date.isoformat() if page.issue_date else "undated"
        table.add_row(
            Text(page.name),
            Text(one_line(page.newspaper) or "?"),
            str(kinds.count(ArticleKind.ARTICLE)),
            str(kinds.count(ArticleKind.PHOTO)),
            str(kinds.count(ArticleKind.LEAD_IN)),
            date,
            Text(one_line("; ".join(page.warnings)) or "ok", style="yellow" if page.warnings else "green"),
        )
    console = stdout_console()
    console.print(table)
    console.print("date: ≈ inferred from the text, = from the file or folder name or the page's folio", style="dim")
    for page in archive.pages:
        if page.date_evidence and page.date_source.value == "inferred":
            console.print(Text(f"date of {page.name}: " + "; ".join(page.date_evidence)), style="dim")
        for block in page.residue:
            console.print(Text(f"unattributed in {page.name}: {one_line(block[:60])}"), style="yellow")
    report_warnings(archive)
