"""The model and the search layer never import the UI (or Textual): they are usable from
the CLI, scripts and tests without it, and the UI depends on them, not the other way."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import importlib, pkgutil, sys
import liaocheng_tui.{layer} as layer
for info in pkgutil.walk_packages(layer.__path__, layer.__name__ + "."):
    importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "liaocheng_tui.ui")))
print(",".join(bad))
"""


@pytest.mark.parametrize("layer", ["archive", "search", "similar"])
def test_layer_imports_no_ui(layer: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHECK.format(layer=layer)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"liaocheng_tui.{layer} pulls in: {out}"


#: What registering the commands must not import: each command imports what it needs when it
#: runs (a warm ``lc-reader search`` never loads the parser, the UI or jieba).
NOT_AT_REGISTRATION = ("jieba", "whoosh", "textual", "rich.console", "liaocheng_tui.archive.loader",
                       "liaocheng_tui.archive.parser", "liaocheng_tui.archive.dating", "liaocheng_tui.search.service",
                       "liaocheng_tui.similar", "liaocheng_tui.ui")


def test_importing_the_package_has_no_side_effects() -> None:
    """No jieba load, no index open, no Textual, parser or search layer at import time (fast start)."""
    code = ("import sys, liaocheng_tui.cli; "
            f"print(','.join(sorted(m for m in {NOT_AT_REGISTRATION!r} if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"importing liaocheng_tui.cli pulls in: {out}"


def test_import_linter_contracts_hold() -> None:
    """import-linter's contracts in pyproject.toml: every import, those inside functions too."""
    import shutil
    from pathlib import Path

    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is a test dependency: pip install -e '.[test]'"
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([exe, "--no-cache"], capture_output=True, text=True, cwd=root)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "2 kept, 0 broken" in run.stdout, run.stdout[-500:]
