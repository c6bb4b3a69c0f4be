"""The config file (TOML): theme, default archive folders, key overrides, export and citation defaults.

::

    theme = "gruvbox"                    # any Textual theme (Ctrl+P → theme); the last one chosen wins
    archive = ["~/papers/liaocheng"]     # opened by `lc-reader` with no PATH
    citation_style = "plain"             # or "gbt7714" (y / Y / lc-reader cite)
    export_format = "md"                 # x in the reader: md | jsonl | csv | json
    export_dir = "~/lc-reader-exports"   # where x writes (default: exports/ in the data folder)

    [keys]                               # binding id = keys (see `?` or the README's keys table)
    "browse.next-article" = "right_square_bracket,J"

A setting that cannot be used gives one line naming it and the file, and its
default is used; the rest of the file still applies.  No file is no problem.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from liaocheng_tui.archive.printable import display_path, one_line
from liaocheng_tui.cite import STYLES as CITATION_STYLES
from liaocheng_tui.export import FORMATS as EXPORT_FORMATS


@dataclass
class Config:
    path: Path | None = None
    theme: str | None = None
    archive: list[Path] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    citation_style: str = "plain"
    export_format: str = "md"
    export_dir: Path | None = None
    problems: list[str] = field(default_factory=list)  # one line each, for the user

    def problem(self, key: str, why: str) -> None:
        self.problems.append(f"config {display_path(self.path)}: {one_line(key)}: {why}; using the default")


def load_config(path: Path, *, required: bool = False) -> Config:
    """The settings in ``path``; a missing file is the defaults (one line when it was asked for)."""
    config = Config(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if required:
            config.problems.append(f"config {display_path(path)}: no such file; using the defaults")
        return config
    except (OSError, UnicodeDecodeError) as exc:
        config.problems.append(f"config {display_path(path)}: cannot be read ({one_line(str(exc))}); using the defaults")
        return config
    except tomllib.TOMLDecodeError as exc:
        config.problems.append(f"config {display_path(path)}: not valid TOML ({one_line(str(exc))}); using the defaults")
        return config
    _read(config, data)
    return config


def _read(config: Config, data: dict) -> None:
    for key, value in data.items():
        reader = _READERS.get(key)
        if reader is None:
            config.problem(key, "not a setting (theme, archive, keys, citation_style, export_format, export_dir)")
            continue
        reader(config, value)


def _theme(config: Config, value: object) -> None:
    if isinstance(value, str) and value.strip():
        config.theme = value.strip()
    else:
        config.problem("theme", "must be a theme name (a string)")


def _archive(config: Config, value: object) -> None:
    folders = [value] if isinstance(value, str) else value
    if not isinstance(folders, list) or not all(isinstance(f, str) and f for f in folders):
        config.problem("archive", "must be a folder or a list of folders")
        return
    config.archive = [Path(f).expanduser() for f in folders]


def _keys(config: Config, value: object) -> None:
    if not isinstance(value, dict):
        config.problem("keys", "must be a table of binding id = keys")
        return
    for binding, keys in value.items():
        if isinstance(keys, str) and keys.strip() and all(k.strip() for k in keys.split(",")):
            config.keys[binding] = ",".join(k.strip() for k in keys.split(","))
        else:
            config.problem(f"keys.{binding}", "must be keys separated by commas, e.g. \"j,down\"")


def _choice(name: str, choices: tuple[str, ...]):
    def read(config: Config, value: object) -> None:
        if value in choices:
            setattr(config, name, value)
        else:
            config.problem(name, f"must be one of {', '.join(choices)}")
    return read


def _export_dir(config: Config, value: object) -> None:
    if isinstance(value, str) and value.strip():
        config.export_dir = Path(value).expanduser()
    else:
        config.problem("export_dir", "must be a folder")


_READERS = {
    "theme": _theme,
    "archive": _archive,
    "keys": _keys,
    "citation_style": _choice("citation_style", CITATION_STYLES),
    "export_format": _choice("export_format", EXPORT_FORMATS),
    "export_dir": _export_dir,
}
