"""``lc-reader history``, ``lc-reader bookmarks`` and ``lc-reader cite``: what the reader keeps and quotes.

History and bookmarks are read from the user's data store (never the index
cache); ``cite`` searches the archive like ``search`` and prints one citation
per article.  Page text reaches the terminal only as printable text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from liaocheng_tui.archive.printable import display_path, json_text, one_line
from liaocheng_tui.cli.consoles import stdout_console
from liaocheng_tui.cli.group import main
from liaocheng_tui.cli.options import (
    cache_dir_option,
    config_option,
    data_dir_option,
    load_settings,
    no_cache_option,
    paths_argument,
)

KEPT_FORMATS = click.Choice(["table", "jsonl"])


def _user_store(data_dir: Path | None):
    from liaocheng_tui.userdata.locations import data_dir as resolve
    from liaocheng_tui.userdata.store import UserDataProblem, UserStore

    try:
        store = UserStore(resolve(data_dir))
    except UserDataProblem as exc:
        raise click.ClickException(str(exc)) from None
    if store.notice:
        click.echo(f"warning: {store.notice}", err=True)
    return store


def _kept_record(entry, kind: str) -> dict:
    snap = entry.snapshot
    record = {
        "title": snap.title,
        "newspaper": snap.newspaper or None,
        "issue_date": snap.issue_date.isoformat() if snap.issue_date else None,
        "date_inferred": snap.inferred,
        "edition": snap.edition or None,
        "names": snap.names.split(),
        "source": display_path(entry.key.source),
        "bookmarked" if kind == "bookmarks" else "read": entry.when.isoformat(),
    }
    if kind == "bookmarks":
        record["note"] = entry.note
    return record


def _print_kept(entries, kind: str, fmt: str) -> None:
    if fmt == "jsonl":
        for entry in entries:
            click.echo(json_text(_kept_record(entry, kind)))
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from liaocheng_tui.archive.edition import shown as edition_shown  # its file-name rules: not at start-up

    table = Table(title=f"lc-reader {kind} — {len(entries)}", box=box.SIMPLE_HEAD, expand=False)
    table.add_column("when" if kind == "history" else "bookmarked", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("paper · 版", no_wrap=True)
    table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=1)
    for entry in entries:
        snap = entry.snapshot
        date = ("≈" if snap.inferred else "") + snap.issue_date.isoformat() if snap.issue_date else "undated"
        where = " ".join(x for x in (one_line(snap.newspaper) or "?", one_line(edition_shown(snap.edition))) if x)
        title = Text(one_line(snap.title))
        if kind == "bookmarks" and entry.note:
            title.append(f" — {one_line(entry.note)}", style="italic")
        table.add_row(entry.when.strftime("%m-%d %H:%M"), date, Text(where), title)
    stdout_console().print(table)


@main.command()
@click.option("--clear", is_flag=True, help="Empty the history (bookmarks stay).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--format", "fmt", type=KEPT_FORMATS, default="table", show_default=True)
@data_dir_option
def history(clear: bool, limit: int, fmt: str, data_dir: Path | None) -> None:
    """The articles read in the reader, newest first (--clear empties the list)."""
    store = _user_store(data_dir)
    try:
        if clear:
            removed = store.clear_history()
            click.echo(f"history cleared: {removed} visit(s) removed from {display_path(store.path)}", err=True)
            return
        _print_kept(store.history(limit=limit), "history", fmt)
    finally:
        store.close()


@main.command()
@click.option("--format", "fmt", type=KEPT_FORMATS, default="table", show_default=True)
@data_dir_option
def bookmarks(fmt: str, data_dir: Path | None) -> None:
    """The articles bookmarked in the reader (m), newest first, with their notes."""
    store = _user_store(data_dir)
    try:
        _print_kept(store.bookmarks(), "bookmarks", fmt)
    finally:
        store.close()


@main.command()
@click.argument("query")
@paths_argument
@click.option("--style", type=click.Choice(["plain", "gbt7714"]), default=None,
              help="plain (a Chinese newsroom's form) or gbt7714 (GB/T 7714, [N]);"
                   " default: the config's, else plain.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N (default: all).")
@click.option("--order", type=click.Choice(["auto", "best", "newest", "oldest"]), default="auto",
              show_default=True)
@cache_dir_option
@no_cache_option
@config_option
def cite(query, paths, style, limit, order, cache_dir, no_cache, config_file) -> None:
    """Print a citation of every article QUERY finds (query syntax as for search)."""
    from liaocheng_tui.cite import citation
    from liaocheng_tui.cli.report import report_warnings
    from liaocheng_tui.cli.search_cmds import open_service
    from liaocheng_tui.search.errors import QueryError

    style = style or load_settings(config_file).citation_style
    archive, service = open_service(paths, cache_dir, no_cache)
    try:
        report_warnings(archive, also=service.warnings)
        try:
            results = service.search(query, limit=limit, order=order)
        except QueryError as exc:
            click.echo(f"error: {one_line(str(exc))}", err=True)
            sys.exit(2)
        for hit in results.hits:
            click.echo(citation(hit.article, style))
        if not results.hits:
            click.echo(f"nothing matches {one_line(query)}", err=True)
    finally:
        service.close()
