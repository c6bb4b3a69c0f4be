"""The README stays true where a machine can check it: .ci/run runs the README's test
command, and every documented subcommand exists."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from liaocheng_tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _code_lines(text: str) -> list[str]:
    return [line.strip() for line in re.findall(r"```sh\n(.*?)```", text, re.S) for line in line.splitlines()]


def test_ci_runs_the_readme_test_command() -> None:
    test_commands = [line for line in _code_lines(README) if "pytest" in line]
    assert len(test_commands) == 1, test_commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_commands[0] in [line.strip() for line in ci.splitlines()]


def test_documented_subcommands_exist() -> None:
    documented = set(re.findall(r"`lc-reader (\w+)", README)) - {"PATH"}
    assert {"export", "check", "search", "reporters", "index"} <= documented
    for name in documented:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
