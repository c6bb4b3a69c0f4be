"""已写过吗 in the reader: ``d`` (a draft, its matches, the side-by-side view), ``a`` (also reported),
``lc-reader --draft FILE``; on a copy of the seeds with the real search layer and repost pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from liaocheng_tui.seeds import seeds_dir
from liaocheng_tui.ui.screens.draft import CompareScreen, DraftScreen

SIZE = (120, 36)
FIRE = "003_1d8b0c37187465ce.txt"  # 聊城日报 2023-08-07; its 3rd item: 聊城消防救援力量支援涿州
#: A reporter's rewrite, in our own words, of the seeds' story on the basic-health association.
DRAFT = ("东阿县日前举行会议，宣告聊城市基层卫生协会正式成立。新城街道社区医院院长李存峰被推选为首任会长，"
         "协会现有会员单位一百四十多家。\n据介绍，协会将开展培训与学术交流，助力基层卫生健康事业发展。")
SOURCE_TITLE = "聊城市基层卫生协会成立"


@pytest.fixture
def papers(tmp_path) -> Path:
    folder = tmp_path / "papers"
    shutil.copytree(seeds_dir(), folder)
    return folder


def _app(papers: Path, tmp_path: Path, **kwargs):
    from liaocheng_tui.ui.app import create_app

    return create_app([papers], cache_dir=tmp_path / "cache", data_dir=tmp_path / "data", **kwargs)


async def _ready(pilot, waiter):
    app = pilot.app
    await waiter(pilot, lambda: app.service is not None and app.browse.article_view.article is not None, timeout=60)
    await pilot.pause()


async def test_d_matches_a_pasted_draft_and_enter_shows_it_beside_the_article(papers, tmp_path, waiter):
    app = _app(papers, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        await pilot.press("d")
        await waiter(pilot, lambda: isinstance(app.screen, DraftScreen))
        screen = app.screen
        area = screen.query_one("TextArea")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "empty" in str(screen.query_one("#draft-status").render())
        app.screen.query_one("TextArea").insert(DRAFT)  # as a bracketed paste lands
        assert area.text == DRAFT
        await pilot.press("ctrl+r")
        await waiter(pilot, lambda: bool(screen.matches), timeout=30)
        top = screen.matches[0]
        assert top.article.title == SOURCE_TITLE and top.verdict in ("same event", "related"), top
        shown = screen.query_one("#draft-results").get_option_at_index(0).prompt.plain
        assert SOURCE_TITLE in shown and f"{top.score:.2f}" in shown and "聊城日报" in shown, shown
        await pilot.press("tab", "enter")
        await waiter(pilot, lambda: isinstance(app.screen, CompareScreen))
        title = str(app.screen.query_one("#compare-title").render())
        assert "李存峰" in title and "东阿县" in title, title
        await pilot.press("enter")  # read it
        await waiter(pilot, lambda: app.screen is app.browse)
        await waiter(pilot, lambda: app.browse.article_view.article.title == SOURCE_TITLE)


async def test_an_unrelated_draft_gets_no_same_event(papers, tmp_path, waiter):
    app = _app(papers, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        await pilot.press("d")
        await waiter(pilot, lambda: isinstance(app.screen, DraftScreen))
        screen = app.screen
        screen.query_one("TextArea").insert("青岛市崂山区昨日举办海洋音乐节，数千名游客在沙滩上观看了烟花表演。")
        await pilot.press("ctrl+r")
        await waiter(pilot, lambda: "event" in str(screen.query_one("#draft-status").render())
                     or "Nothing" in str(screen.query_one("#draft-status").render()), timeout=30)
        assert all(m.verdict != "same event" for m in screen.matches), [(m.article.title, m.score) for m in screen.matches]


async def test_lc_reader_draft_file_opens_the_draft_screen_with_its_matches(papers, tmp_path, waiter):
    app = _app(papers, tmp_path, draft=DRAFT)
    async with app.run_test(size=SIZE) as pilot:
        await waiter(pilot, lambda: isinstance(app.screen, DraftScreen) and bool(app.screen.matches), timeout=60)
        assert app.screen.query_one("TextArea").text == DRAFT
        assert app.screen.matches[0].article.title == SOURCE_TITLE


async def test_a_opens_the_other_report_of_the_event(papers, tmp_path, waiter):
    story = None
    app = _app(papers, tmp_path)
    async with app.run_test(size=SIZE) as pilot:  # a first start: every article is linked once
        await _ready(pilot, waiter)
        story = app.catalog.shelf.article(f"{papers / FIRE}#2")
    paragraphs = story.body.split("\n")
    body = "\n".join("　　" + p for p in paragraphs[:1] + paragraphs[2:])
    repost = papers / "dzrb_2023-08-09_05.txt"
    repost.write_text(f"聊城消防驰援河北涿州\n　　本报记者 于涛\n{body}\n", encoding="utf-8")
    app = _app(papers, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        await waiter(pilot, lambda: app.catalog.page_count == 6, timeout=60)
        app.browse.open_article(app.catalog.shelf.article(f"{papers / FIRE}#2"))
        view = app.browse.article_view
        await waiter(pilot, lambda: view.article is not None and view.article.title == story.title)
        await waiter(pilot, lambda: bool(view.also), timeout=30)
        assert any(link.source == str(repost) for link in view.also), view.also
        assert "Also reported" in str(view.query_one("#also-title").render())
        await pilot.press("a")
        await waiter(pilot, lambda: view.article is not None and view.article.page.source == str(repost))
        await pilot.press("backspace")  # and back where it was
        await waiter(pilot, lambda: view.article.title == story.title)


async def test_a_with_nothing_linked_says_so(papers, tmp_path, waiter):
    app = _app(papers, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        app.browse.article_view.also = []
        await pilot.press("a")
        await pilot.pause()
        assert any("No other report" in str(n.message) for n in app._notifications)
