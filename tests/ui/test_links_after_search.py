"""The reader's cold start delivers search first and runs the repost pass after it: search answers
while the pass is held back, and "also reported" fills in when the pass is over (on the article
shown, and on an article opened again).  The real search layer over a copy of the seeds."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from liaocheng_tui.archive.loader import read_page
from liaocheng_tui.search.errors import Cancelled
from liaocheng_tui.seeds import seeds_dir
from liaocheng_tui.similar.reposts import link_new_articles

SIZE = (120, 36)
FIRE = "003_1d8b0c37187465ce.txt"  # its 3rd item: 聊城消防救援力量支援涿州
REPOST_TITLE = "聊城消防驰援河北涿州"


@pytest.fixture
def papers(tmp_path) -> Path:
    """The seeds plus another paper's page reprinting the fire story (its second paragraph dropped)."""
    folder = tmp_path / "papers"
    shutil.copytree(seeds_dir(), folder)
    story = read_page(folder / FIRE).articles[2]
    paragraphs = story.body.split("\n")
    body = "\n".join("　　" + p for p in paragraphs[:1] + paragraphs[2:])
    (folder / "dzrb_2023-08-09_05.txt").write_text(f"{REPOST_TITLE}\n　　本报记者 于涛\n{body}\n", encoding="utf-8")
    return folder


class HeldPass:
    """The real repost pass, held until ``release`` (what the reader shows meanwhile is the test)."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.gate = threading.Event()
        self.thread: str | None = None

    def __call__(self, store, progress, cancelled) -> int:
        self.thread = threading.current_thread().name
        self.started.set()
        while not self.gate.wait(0.02):
            if cancelled is not None and cancelled():
                raise Cancelled()
        return link_new_articles(store, progress, cancelled)


def _app(papers: Path, tmp_path: Path, links_pass):
    from liaocheng_tui.ui.app import create_app

    return create_app([papers], cache_dir=tmp_path / "cache", data_dir=tmp_path / "data", links_pass=links_pass)


def _also_titles(view) -> list[str]:
    return [link.title for link in view.also]


async def test_search_answers_before_the_repost_pass_and_also_reported_fills_in_after(papers, tmp_path, waiter):
    held = HeldPass()
    app = _app(papers, tmp_path, held)
    async with app.run_test(size=SIZE) as pilot:
        await waiter(pilot, lambda: app.service is not None and app.browse.article_view.article is not None,
                     timeout=60)
        await waiter(pilot, held.started.is_set, timeout=30)
        assert not app.links_known, "the pass is held: its links cannot be known yet"
        # search is delivered and answers while the pass waits
        await pilot.press("slash")
        app.browse.search_bar.input.value = ""
        await pilot.press(*"涿州", "enter")
        await waiter(pilot, lambda: app.browse.mode == "search", timeout=30)
        count = app.browse.query_one("#hits-count").render().plain
        assert count.startswith("2 hits for 「涿州」"), count
        lst = app.browse.article_list
        shown = [lst.get_option_at_index(i).prompt.plain for i in range(lst.option_count)]
        assert any(REPOST_TITLE in entry for entry in shown), shown
        # the fire story, opened before the pass ends: nothing linked yet, and the pane says nothing of it
        fire = app.catalog.shelf.article(f"{papers / FIRE}#2")
        app.browse.open_article(fire)
        view = app.browse.article_view
        await waiter(pilot, lambda: view.article is not None and view.article.id == fire.id)
        assert view.also == [], _also_titles(view)
        assert "Also reported" not in str(view.query_one("#also-title").render())
        await pilot.press("a")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("still running" in m for m in messages), messages
        # the pass runs: the article shown lists the repost once its links are known
        held.gate.set()
        await waiter(pilot, lambda: app.links_known, timeout=60)
        await waiter(pilot, lambda: REPOST_TITLE in _also_titles(view), timeout=10)
        assert "Also reported" in str(view.query_one("#also-title").render())
        assert view.article.id == fire.id, "the reader stayed on the article"
        assert held.thread != threading.main_thread().name, "the pass ran off the UI thread"
        # and an article opened again lists its links too (the repost lists the story)
        repost = next(link for link in view.also if link.title == REPOST_TITLE)
        await pilot.press("a")
        await waiter(pilot, lambda: view.article is not None and view.article.title == REPOST_TITLE)
        assert fire.title in _also_titles(view), _also_titles(view)
        assert repost.source.endswith("dzrb_2023-08-09_05.txt"), repost


async def test_a_failing_repost_pass_leaves_search_and_reading_working(papers, tmp_path, waiter):
    def broken(store, progress, cancelled) -> int:
        raise RuntimeError("no room left on the device")

    app = _app(papers, tmp_path, broken)
    async with app.run_test(size=SIZE) as pilot:
        await waiter(pilot, lambda: app.links_known, timeout=60)
        assert app.browse.search.status == "ready", app.browse.search.status
        messages = [str(n.message) for n in app._notifications]
        assert any("repost pass failed" in m and "no room left" in m for m in messages), messages
        await pilot.press("slash")
        app.browse.search_bar.input.value = ""
        await pilot.press(*"涿州", "enter")
        await waiter(pilot, lambda: app.browse.mode == "search", timeout=30)
        assert app.browse.query_one("#hits-count").render().plain.startswith("2 hits"), "search still works"
