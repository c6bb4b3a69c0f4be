"""Bad input never stops an archive: each bad file is a warning naming it, the rest loads, the CLI exits 0.

A missing path is the one input the CLI refuses: exit 1 with a one-line message.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from liaocheng_tui.archive.loader import load_archive
from liaocheng_tui.cli import main
from liaocheng_tui.seeds import seeds_dir

SEED_NAMES = sorted(p.name for p in seeds_dir().glob("*.txt"))
FIVE_MB = 5_000_000


@dataclass
class BadArchive:
    root: Path
    bad: dict[str, str]  # file or folder name → the reason its warning must give
    huge: Path


def _huge_single_line() -> bytes:
    line = "".join((seeds_dir() / n).read_text(encoding="utf-8") for n in SEED_NAMES).replace("\n", "")
    text = line * (FIVE_MB // len(line.encode()) + 1)
    return text.encode()[: FIVE_MB + 3].decode("utf-8", errors="ignore").encode()


def _make_unreadable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000; where that does not deny reading (root), the OS refusal is simulated."""
    folder.chmod(0)
    if os.access(folder, os.R_OK):
        real_scandir = os.scandir

        def scandir(path):
            if Path(path) == folder:
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)


@pytest.fixture
def bad_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[BadArchive]:
    root = tmp_path / "archive"
    shutil.copytree(seeds_dir(), root / "seeds")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b"  \r\n\t\n\xe3\x80\x80\n")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    rng = random.Random(11)
    (root / "undecodable.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4096)))
    huge = root / "huge.txt"
    huge.write_bytes(_huge_single_line())
    (root / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "seeds" / "loop").symlink_to(root)
    locked = root / "locked"
    locked.mkdir()
    (locked / "page.txt").write_text("本报讯 6月20日，会议召开。", encoding="utf-8")
    _make_unreadable(locked, monkeypatch)
    bad = {
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "binary.txt": "binary file (contains NUL bytes)",
        "undecodable.txt": "not text in any known encoding",
        "dead.txt": "broken symlink",
        "loop": "symlink loop",
        "locked": "cannot open folder (permission denied)",
    }
    yield BadArchive(root, bad, huge)
    locked.chmod(0o755)


def _warning_for(warnings: list[str], name: str) -> str:
    found = [w for w in warnings if w.split(": ", 1)[0].endswith(f"/{name}")]
    assert len(found) == 1, f"expected one warning naming {name}, got {warnings}"
    return found[0]


def test_load_archive_survives_bad_files(bad_archive: BadArchive) -> None:
    archive = load_archive([bad_archive.root])
    loaded = {Path(p.source).name for p in archive.pages}
    assert set(SEED_NAMES) <= loaded
    assert bad_archive.huge.name in loaded  # 5 MB on one line is text: it loads
    for name, reason in bad_archive.bad.items():
        assert reason in _warning_for(archive.warnings, name)
    assert len(archive.warnings) == len(bad_archive.bad)
    seed_pages = [p for p in archive.pages if Path(p.source).name in SEED_NAMES]
    assert len(seed_pages) == len(SEED_NAMES)  # the loop back to the root read nothing twice
    assert all(p.articles for p in seed_pages)


def test_progress_reports_every_item(bad_archive: BadArchive) -> None:
    calls: list[tuple[int, int]] = []
    load_archive([bad_archive.root], progress=lambda done, total, _path: calls.append((done, total)))
    total = calls[-1][1]
    assert calls == [(i, total) for i in range(1, total + 1)]


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args), env={"COLUMNS": "400"}, catch_exceptions=False)


def test_check_reports_warnings_and_exits_0(bad_archive: BadArchive) -> None:
    result = _invoke("check", str(bad_archive.root))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    warning_lines = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    for name, reason in bad_archive.bad.items():
        assert reason in _warning_for([w.removeprefix("warning: ") for w in warning_lines], name)
    for seed in SEED_NAMES:
        assert seed in result.output


def test_export_reports_warnings_and_exits_0(bad_archive: BadArchive) -> None:
    result = _invoke("export", str(bad_archive.root))
    assert result.exit_code == 0, result.output
    warnings = [line.removeprefix("warning: ") for line in result.stderr.splitlines()]
    for name, reason in bad_archive.bad.items():
        assert reason in _warning_for(warnings, name)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    sources = {Path(r["source"]).name for r in records}
    assert set(SEED_NAMES) <= sources


@pytest.mark.parametrize("command", ["check", "export"])
def test_missing_path_exits_1_with_one_line(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "no-such-archive"
    result = CliRunner().invoke(main, [command, str(missing)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert str(missing) in lines[0]


def test_export_and_check_exit_1_when_nothing_is_readable(tmp_path) -> None:
    from click.testing import CliRunner

    from liaocheng_tui.cli import main as cli

    (tmp_path / "only.txt").write_bytes(b"\x00\x01binary")
    for command in ("export", "check"):
        result = CliRunner().invoke(cli, [command, str(tmp_path)])
        assert result.exit_code == 1, command
        assert "no readable pages" in result.output
        assert "Traceback" not in result.output
