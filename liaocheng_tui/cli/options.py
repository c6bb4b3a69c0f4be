"""Options shared by every subcommand: the archive paths and the index cache."""

from __future__ import annotations

import os
from pathlib import Path

import click

from liaocheng_tui.archive.printable import display_path
from liaocheng_tui.seeds import seeds_dir

paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),  # not checked here: an unusable folder means a temporary cache and a warning
    default=None,
    help="Index cache folder (default: $LC_READER_CACHE or the user cache dir; a temporary one if unusable).",
)
no_cache_option = click.option("--no-cache", is_flag=True, help="Build a temporary index; read and write no cache.")
data_dir_option = click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Bookmarks and history folder (default: $LC_READER_DATA or the user data dir).",
)
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Config file (default: $LC_READER_CONFIG or config.toml in the user config dir).",
)


def load_settings(config_file: Path | None):
    """The config (``--config`` must exist; the default file may not); its problems go to stderr."""
    from liaocheng_tui.userdata.config import load_config
    from liaocheng_tui.userdata.locations import config_path

    config = load_config(config_path(config_file), required=config_file is not None)
    for line in config.problems:
        click.echo(f"warning: {line}", err=True)
    return config


def resolve_paths(paths: tuple[Path, ...]) -> list[Path]:
    """The archive roots to read: the given paths, or the embedded seeds. Exits 1 on a missing path."""
    if not paths:
        return [seeds_dir()]
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise click.ClickException(f"no such file or folder: {display_path(missing[0])}")
    return list(paths)
