"""Every command's output fits an 80-column terminal: ``--help``, ``search``, ``reporters``, ``check``.

Widths are measured in terminal cells (a CJK character takes two), which is
what a terminal shows; numbers and paths are never broken across lines.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from liaocheng_tui.cli import main

WIDTH = 80
COMMANDS = sorted(main.commands)


def _run(args: list[str], tmp_path) -> str:
    result = CliRunner().invoke(main, args, env={"COLUMNS": str(WIDTH), "LINES": "40"}, terminal_width=WIDTH,
                                catch_exceptions=False)
    assert result.exit_code == 0, (args, result.output)
    return result.output


def _too_wide(output: str) -> list[str]:
    return [f"{cell_len(line)}: {line}" for line in output.splitlines() if cell_len(line) > WIDTH]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_line_fits_80_columns(command, tmp_path):
    output = _run([command, "--help"] if command else ["--help"], tmp_path)
    assert not _too_wide(output), f"lc-reader {command} --help:\n" + "\n".join(_too_wide(output))


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("cache"))


def test_search_prints_one_line_per_hit_and_its_snippet_below(cache, tmp_path):
    output = _run(["search", "林晨", "--cache-dir", cache], tmp_path)
    assert not _too_wide(output), output
    lines = output.splitlines()
    hits = [i for i, line in enumerate(lines) if re.match(r"\s*\d+\s+≈?\d{4}-\d\d-\d\d", line)]
    assert len(hits) == 4, output
    for i in hits:
        assert "林晨" in lines[i] and "聊城日报" in lines[i], lines[i]
        assert lines[i + 1].startswith("    ") and lines[i + 1].strip(), f"no snippet under: {lines[i]}"
    assert "4 hits" in lines[0], lines[0]


def test_search_says_how_many_are_not_shown(cache, tmp_path):
    output = _run(["search", "聊城", "--limit", "3", "--cache-dir", cache], tmp_path)
    total = int(re.search(r"(\d+) hits", output)[1])
    assert total > 3 and f"showing 3 of {total} — use --limit" in output, output


def test_search_never_splits_a_number_across_lines(cache, tmp_path):
    output = _run(["search", "362.6亿元", "--cache-dir", cache], tmp_path)
    assert "362.6亿元" in output, output


def test_reporters_lists_each_person_and_role_once(cache, tmp_path):
    output = _run(["reporters", "--cache-dir", cache], tmp_path)
    assert not _too_wide(output), output
    assert "reporter" not in output.split("\n", 1)[1] and "correspondent" not in output, output
    rows = [line.split() for line in output.splitlines() if "林晨" in line]
    assert len(rows) == 1 and rows[0][1] == "记者", rows


def test_check_keeps_each_file_name_on_one_line(cache, tmp_path):
    output = _run(["check", "--cache-dir", cache], tmp_path)
    assert not _too_wide(output), output
    rows = re.findall(r"^\s*\d{3}_[0-9a-f]{16}\.txt\s+(?:聊城日报|大众日报)\s", output, flags=re.M)
    assert len(rows) == 5, output
