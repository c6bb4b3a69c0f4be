"""End to end: the installed ``lc-reader`` in a real terminal (tmux), driven by keystrokes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from liaocheng_tui.archive.loader import load_archive
from liaocheng_tui.archive.people import people_stats
from liaocheng_tui.seeds import seeds_dir
from liaocheng_tui.ui.catalog import Catalog

TMUX = shutil.which("tmux")
LC_READER = shutil.which("lc-reader") or str(Path(sys.executable).with_name("lc-reader"))

pytestmark = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed (apt-get install -y tmux); the end-to-end test needs a real terminal"
)


class Tmux:
    def __init__(self, socket: str) -> None:
        self.base = [TMUX, "-u", "-L", socket]
        # COLUMNS/LINES (set by pytest) would override the pane's real size inside the app
        self.env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run([*self.base, *args], capture_output=True, text=True, timeout=10, env=self.env)
        if check and done.returncode:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr}")
        return done.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "lc")

    def wait_for(self, needle: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if needle in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{needle!r} never appeared; the screen was:\n{screen}")

    def alive(self) -> bool:
        return subprocess.run([*self.base, "has-session", "-t", "lc"], capture_output=True, env=self.env).returncode == 0


def test_reader_in_tmux_opens_on_the_newest_issue_searches_a_reporter_and_quits(tmp_path):
    if not Path(LC_READER).exists():
        pytest.skip(f"the lc-reader command is not installed next to {sys.executable}")
    archive = load_archive([seeds_dir()])
    catalog = Catalog.build(archive)
    newest = catalog.newest()
    first_title = newest.articles[0].heading  # it opens on the newest issue
    lin = next(p for p in people_stats(archive) if p.name == "林晨")
    tmux = Tmux(f"lc-e2e-{uuid.uuid4().hex[:8]}")
    command = f"{LC_READER} --cache-dir {tmp_path / 'cache'}"
    tmux("new-session", "-d", "-s", "lc", "-x", "120", "-y", "36", "-e", "LANG=C.UTF-8", command)
    try:
        screen = tmux.wait_for(first_title[:12])
        assert "5 pages" in screen
        tmux.wait_for("ready — press / to search")
        tmux("send-keys", "-t", "lc", "/")
        tmux("send-keys", "-t", "lc", "-l", "记者:林晨")
        tmux("send-keys", "-t", "lc", "Enter")
        tmux.wait_for(f"{lin.article_count} hits for 「记者:林晨」")
        screen = tmux.wait_for("记者 林晨")  # the byline of a hit (and of the article shown)
        titles = [a.heading for a in lin.articles]
        assert any(t[:10] in screen for t in titles), screen
        tmux("send-keys", "-t", "lc", "Escape")
        time.sleep(0.5)  # ESC then q at once would read as alt+q
        tmux.wait_for("ready — press / to search")
        tmux("send-keys", "-t", "lc", "q")
        deadline = time.monotonic() + 15
        while tmux.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not tmux.alive(), "lc-reader did not quit on q"
    finally:
        tmux("kill-server", check=False)
