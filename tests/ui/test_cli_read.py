"""``lc-reader [PATH ...]`` reaches the reader through the one app factory, with the cache flags."""

from __future__ import annotations


from click.testing import CliRunner

from liaocheng_tui.cli import main
from liaocheng_tui.seeds import seeds_dir
from liaocheng_tui.ui.app import ReaderApp


def _capture_run(monkeypatch) -> list[ReaderApp]:
    started: list[ReaderApp] = []
    monkeypatch.setattr(ReaderApp, "run", lambda self, *a, **k: started.append(self))
    return started


def test_no_arguments_opens_the_seeds(monkeypatch):
    started = _capture_run(monkeypatch)
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0, result.output
    assert started[0].options.roots == [seeds_dir()]
    assert started[0].options.use_cache is True and started[0].options.cache_dir is None


def test_paths_and_cache_flags(monkeypatch, tmp_path):
    started = _capture_run(monkeypatch)
    (tmp_path / "page.txt").write_text("本报讯 6月20日，会议召开。", encoding="utf-8")
    result = CliRunner().invoke(main, [str(tmp_path), "--cache-dir", str(tmp_path / "c"), "--no-cache"])
    assert result.exit_code == 0, result.output
    options = started[0].options
    assert options.roots == [tmp_path] and options.cache_dir == tmp_path / "c" and options.use_cache is False


def test_missing_path_is_an_error_before_the_ui_starts(monkeypatch, tmp_path):
    started = _capture_run(monkeypatch)
    result = CliRunner().invoke(main, [str(tmp_path / "nope")])
    assert result.exit_code == 1 and "no such file or folder" in result.output
    assert not started


def test_read_is_listed_in_help():
    result = CliRunner().invoke(main, ["--help"])
    assert "read" in result.output
