"""``lc-reader [PATH ...]`` (the ``read`` command): open the terminal reader.

Textual is imported inside the command, so the other subcommands never pay for it.
"""

from __future__ import annotations

from pathlib import Path


from liaocheng_tui.cli.group import READ_COMMAND, main
from liaocheng_tui.cli.options import cache_dir_option, no_cache_option, paths_argument, resolve_paths


@main.command(name=READ_COMMAND)
@paths_argument
@cache_dir_option
@no_cache_option
def read(paths: tuple[Path, ...], cache_dir: Path | None, no_cache: bool) -> None:
    """Open the reader on PATH... (default: the embedded seed pages)."""
    from liaocheng_tui.ui.app import create_app

    create_app(resolve_paths(paths), cache_dir=cache_dir, use_cache=not no_cache).run()
