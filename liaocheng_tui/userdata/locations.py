"""Where the user's data and config live: a flag, else an environment variable, else platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "lc-reader"
DATA_ENV = "LC_READER_DATA"
CONFIG_ENV = "LC_READER_CONFIG"
DATA_FILE = "user.sqlite"
CONFIG_FILE = "config.toml"


def data_dir(explicit: Path | None = None) -> Path:
    """``--data-dir``, else ``$LC_READER_DATA``, else ``platformdirs.user_data_dir("lc-reader")``."""
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME))


def config_path(explicit: Path | None = None) -> Path:
    """``--config``, else ``$LC_READER_CONFIG``, else ``config.toml`` in ``user_config_dir("lc-reader")``."""
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get(CONFIG_ENV)
    return Path(env) if env else Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILE
