"""Where the embedded seed archive lives, installed or in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seeds_dir() -> Path:
    """The folder of the five seed pages shipped with the package.

    In a wheel they sit inside the package (``liaocheng_tui/seeds``); in a
    source checkout or an editable install they are the top-level ``seeds/``.
    """
    packaged = Path(str(resources.files("liaocheng_tui"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"
