"""The archive and search packages type-check: mypy reports no errors on them.

The packages' seams are typed (Protocols, dataclasses, Optional fields narrowed where
they are read); this keeps them so.  The configuration is ``[tool.mypy]`` in
pyproject.toml.  Skipped only where mypy is not installed (it is in the test extras).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("liaocheng_tui/archive", "liaocheng_tui/search")


def test_archive_and_search_type_check() -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is not installed")
    stdout, stderr, status = api.run(
        ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", os.devnull, *(str(ROOT / p) for p in PACKAGES)]
    )
    errors = [line for line in stdout.splitlines() if ": error:" in line]
    assert status == 0 and not errors, "mypy found errors:\n" + "\n".join(errors or [stdout, stderr])
