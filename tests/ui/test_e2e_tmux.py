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


def test_reader_in_tmux_switches_paper_and_opens_a_result_at_its_hit(tmp_path):
    if not Path(LC_READER).exists():
        pytest.skip(f"the lc-reader command is not installed next to {sys.executable}")
    archive = load_archive([seeds_dir()])
    catalog = Catalog.build(archive)
    newest = catalog.newest()
    other, same_day = catalog.other_paper(newest)
    assert other is not None and other.newspaper != newest.newspaper
    # a string from the end of the longest article: below the first screen of the reading pane
    longest = max(archive.articles, key=lambda a: len(a.body))
    tail = longest.paragraphs[-1].text
    needle = next(tail[i:i + 8] for i in range(len(tail) - 8)
                  if sum(tail[i:i + 8] in a.body for a in archive.articles) == 1 and tail[i:i + 8].isalnum())
    tmux = Tmux(f"lc-e2e-{uuid.uuid4().hex[:8]}")
    command = f"{LC_READER} --cache-dir {tmp_path / 'cache'}"
    tmux("new-session", "-d", "-s", "lc", "-x", "120", "-y", "36", "-e", "LANG=C.UTF-8", command)
    try:
        tmux.wait_for(newest.articles[0].heading[:12])
        tmux.wait_for("ready — press / to search")
        tmux("send-keys", "-t", "lc", "p")
        screen = tmux.wait_for(f"{other.newspaper} {other.date_label}")  # the list's title: the other paper
        if not same_day:
            assert "the nearest is" in screen or other.date_label in screen, screen
        tmux("send-keys", "-t", "lc", "/")
        tmux("send-keys", "-t", "lc", "-l", needle)
        tmux("send-keys", "-t", "lc", "Enter")
        tmux.wait_for(f"1 hit for 「{needle}」")
        screen = tmux.wait_for(longest.heading[:8])
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            screen = tmux.screen()
            pane = [line[62:] for line in screen.splitlines()[6:]]  # the reading pane, right of the list
            if any(needle[:6] in line for line in pane):
                break
            time.sleep(0.2)
        pane = [line[62:] for line in screen.splitlines()[6:]]
        assert any(needle[:6] in line for line in pane), f"the hit is not in view:\n{screen}"
        assert longest.paragraphs[0].text[:10] not in "\n".join(pane), "the article was not scrolled to its hit"
    finally:
        tmux("kill-server", check=False)


def _quit(tmux: Tmux) -> None:
    tmux("send-keys", "-t", "lc", "q")
    deadline = time.monotonic() + 15
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not tmux.alive(), "lc-reader did not quit on q"


def test_reader_in_tmux_keeps_a_bookmark_and_the_place_across_two_runs(tmp_path):
    if not Path(LC_READER).exists():
        pytest.skip(f"the lc-reader command is not installed next to {sys.executable}")
    newest = Catalog.build(load_archive([seeds_dir()])).newest()
    second = newest.articles[1].heading
    command = f"{LC_READER} --cache-dir {tmp_path / 'cache'} --data-dir {tmp_path / 'data'}"
    for run in (1, 2):
        tmux = Tmux(f"lc-e2e-{uuid.uuid4().hex[:8]}")
        tmux("new-session", "-d", "-s", "lc", "-x", "120", "-y", "36", "-e", "LANG=C.UTF-8", command)
        try:
            tmux.wait_for("ready — press / to search")
            if run == 1:
                tmux.wait_for(newest.articles[0].heading[:12])
                tmux("send-keys", "-t", "lc", "]")
                time.sleep(0.5)
                tmux("send-keys", "-t", "lc", "m")
                tmux.wait_for("Bookmarked")
                time.sleep(0.3)
            else:
                screen = tmux.wait_for(f"★ {second[:10]}")  # back on the article, marked in the list
                tmux("send-keys", "-t", "lc", "M")
                screen = tmux.wait_for("Bookmarks · 1")
                assert second[:12] in screen, screen
                tmux("send-keys", "-t", "lc", "Escape")
                time.sleep(0.5)
            _quit(tmux)
        finally:
            tmux("kill-server", check=False)
