"""``lc-reader [PATH ...]`` (the ``read`` command): open the terminal reader.

Textual is imported inside the command, so the other subcommands never pay for it.
Like every command, the reader reports skipped files on stderr (once the screen
is restored, after it quits) and exits 1 with one line when nothing was readable:
before it starts when the paths hold no page file at all, after it quits when
none of the files could be read (the reader itself says so, and ``w`` lists why).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from liaocheng_tui.cli.group import READ_COMMAND, main
from liaocheng_tui.cli.options import (
    cache_dir_option,
    config_option,
    data_dir_option,
    load_settings,
    no_cache_option,
    paths_argument,
    resolve_paths,
)
from liaocheng_tui.cli.report import report_warnings, require_pages, require_readable


@main.command(name=READ_COMMAND)
@paths_argument
@cache_dir_option
@no_cache_option
@data_dir_option
@config_option
@click.option("--draft", "draft_file", type=click.File("r", encoding="utf-8", errors="replace"), default=None,
              help="Open 已写过吗 on the text of FILE ('-' for stdin): the archive's articles on its event.")
def read(paths: tuple[Path, ...], cache_dir: Path | None, no_cache: bool, data_dir: Path | None,
         config_file: Path | None, draft_file) -> None:
    """Open the reader on PATH... (default: the config's archive, else the seeds)."""
    from liaocheng_tui.ui.app import create_app

    draft = draft_file.read() if draft_file is not None else ""
    if draft_file is not None and draft_file.name == "<stdin>":
        _keys_from_the_terminal()
    config = load_settings(config_file)
    roots = resolve_paths(paths or tuple(config.archive))
    _require_page_files(roots)
    app = create_app(roots, cache_dir=cache_dir, use_cache=not no_cache, config=config, data_dir=data_dir,
                     draft=draft)
    app.run()
    if app.catalog is not None:
        shelf = app.catalog.shelf
        require_readable(shelf.roots, app.catalog.page_count, shelf.skipped)
        report_warnings(shelf)
    if app.return_code:
        sys.exit(app.return_code)


def _keys_from_the_terminal() -> None:
    """``--draft -`` read the draft from a pipe: the reader's keys come from the terminal instead."""
    import os

    if sys.stdin.isatty():
        return
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise click.ClickException("--draft - read the draft from stdin, but there is no terminal to read keys from") from None
    os.dup2(tty, 0)
    os.close(tty)


def _require_page_files(roots: list[Path]) -> None:
    """Exit 1 (one line) unless the walk finds at least one page file; stops at the first."""
    # imported here: the loader pulls in the whole parser, which no other command's start needs
    from liaocheng_tui.archive.files import FileProblem, iter_page_files
    from liaocheng_tui.archive.loader import skip
    from liaocheng_tui.archive.model import Archive

    empty = Archive(roots=[str(r) for r in roots])
    for item in iter_page_files(roots):
        if not isinstance(item, FileProblem):
            return
        skip(empty, item.path, item.reason)
    require_pages(empty)
