"""Test-wide settings: Hypothesis runs derandomized by default, so a run (and CI) is repeatable.

Property tests still search hundreds of cases each, the same ones every run; set
``HYPOTHESIS_PROFILE=explore`` to draw new ones (what to do when changing a
parser rule), and turn a case it finds into a fixed test.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("lc-reader-cache")


@pytest.fixture(autouse=True)
def _own_user_data(tmp_path_factory, monkeypatch, _session_cache):
    """Every test keeps bookmarks, history and settings in a folder of its own, never the user's,
    and reads no config unless it writes one; the default index cache is this run's, never the
    machine's (one left by another version would add a warning). Subprocesses inherit the environment."""
    folder = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("LC_READER_DATA", str(folder / "data"))
    monkeypatch.setenv("LC_READER_CONFIG", str(folder / "config.toml"))
    monkeypatch.setenv("LC_READER_CACHE", str(_session_cache))
