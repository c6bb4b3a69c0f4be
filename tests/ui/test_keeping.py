"""What the reader keeps, driven as a user would: m / M / H / y / Y / x / o, the config, and a restart.

The reader runs on a copy of the seeds with the real search layer and a data
folder of its own, so what a test keeps is what a second start finds.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import pytest

from liaocheng_tui.seeds import seeds_dir
from liaocheng_tui.ui.screens.kept import GONE, KeptScreen
from liaocheng_tui.userdata.config import load_config

SIZE = (120, 36)


@pytest.fixture
def place(tmp_path):
    """(the papers folder, the cache folder, the data folder) of one user."""
    papers = tmp_path / "papers"
    shutil.copytree(seeds_dir(), papers)
    return papers, tmp_path / "cache", tmp_path / "data"


def _app(place, config=None):
    from liaocheng_tui.ui.app import create_app

    papers, cache, data = place
    return create_app([papers], cache_dir=cache, data_dir=data, config=config)


async def _ready(pilot, waiter):
    app = pilot.app
    await waiter(pilot, lambda: app.service is not None and app.browse.article_view.article is not None
                 and app.keeper is not None, timeout=60)
    await pilot.pause()


def _notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _entry_text(app, index: int) -> str:
    article_list = app.browse.article_list
    return article_list._prompts[index](article_list.marked(article_list.articles[index])).plain


async def test_m_marks_the_article_in_the_list_and_the_header_and_m_again_removes_it(place, waiter):
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        browse = app.browse
        await pilot.press("right_square_bracket")
        await waiter(pilot, lambda: browse.article_list.highlighted == 1)
        title = browse.article_view.article.heading
        await pilot.press("m")
        await pilot.pause()
        assert _entry_text(app, 1).startswith("★ "), _entry_text(app, 1)
        assert not _entry_text(app, 0).startswith("★"), "only the bookmarked entry is marked"
        assert "★ bookmarked" in browse.article_view.plain.split("────────")[0]
        assert any("Bookmarked" in n and title in n for n in _notes(app)), _notes(app)
        await pilot.press("m")
        await pilot.pause()
        assert not _entry_text(app, 1).startswith("★") and "★ bookmarked" not in browse.article_view.plain
        assert app.keeper.store.bookmarks() == []


async def test_bookmarks_and_history_survive_a_restart_and_a_full_reindex(place, waiter):
    papers, cache, _ = place
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        for _ in range(2):
            await pilot.press("right_square_bracket")
            await pilot.pause(0.1)
        kept = app.browse.article_view.article.heading
        await pilot.press("m")
        await pilot.pause()
        read = [e.snapshot.title for e in app.keeper.store.history()]
    assert len(read) == 3 and read[0] == kept, read
    shutil.rmtree(cache)  # the index cache goes: everything is parsed and indexed again
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        assert app.browse.article_view.article.heading == kept, "did not reopen where the user left off"
        assert app.browse.article_list.highlighted == 2
        assert _entry_text(app, 2).startswith("★ "), "the bookmark's mark is gone after a re-index"
        await pilot.press("M")
        await waiter(pilot, lambda: isinstance(app.screen, KeptScreen))
        assert [e.snapshot.title for e in app.screen.shown] == [kept]
        await pilot.press("escape")
        await pilot.press("H")
        await waiter(pilot, lambda: isinstance(app.screen, KeptScreen))
        assert [e.snapshot.title for e in app.screen.shown] == read, "history after a restart"


async def test_the_bookmarks_screen_filters_as_you_type_notes_removes_and_opens(place, waiter):
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        browse = app.browse
        titles = []
        for _ in range(3):
            titles.append(browse.article_view.article.heading)
            await pilot.press("m", "right_square_bracket")
            await pilot.pause(0.1)
        await pilot.press("M")
        await waiter(pilot, lambda: isinstance(app.screen, KeptScreen))
        screen = app.screen
        assert [e.snapshot.title for e in screen.shown] == titles[::-1], "newest bookmark first"
        await pilot.press(*titles[1][:3])  # typed on the list: it goes to the filter
        await pilot.pause()
        assert [e.snapshot.title for e in screen.shown] == [titles[1]]
        await pilot.press("enter")  # leaves the filter for the list
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"待核实", "enter")
        await pilot.pause()
        assert screen.shown[0].note == "待核实"
        assert "待核实" in screen.query_one("DataTable").get_row_at(0)[-1].plain
        await pilot.press("enter")
        await waiter(pilot, lambda: app.screen is browse)
        await waiter(pilot, lambda: browse.article_view.article.heading == titles[1])
        await pilot.press("M")
        await waiter(pilot, lambda: isinstance(app.screen, KeptScreen))
        await pilot.press("d")
        await pilot.pause()
        assert [e.snapshot.title for e in app.screen.shown] == [titles[1], titles[0]], "d removes the one under the cursor"


async def test_a_bookmark_whose_article_left_the_archive_is_listed_as_gone(place, waiter):
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        article = app.browse.article_view.article
        await pilot.press("m")
        await pilot.pause()
    Path(article.page.source).unlink()
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        await pilot.press("M")
        await waiter(pilot, lambda: isinstance(app.screen, KeptScreen))
        row = app.screen.query_one("DataTable").get_row_at(0)
        assert row[0].plain == GONE and row[1].plain == article.heading
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, KeptScreen), "a gone article cannot be opened"
        assert any("no longer in this archive" in n for n in _notes(app)), _notes(app)


async def test_y_copies_a_citation_and_Y_the_whole_article(place, waiter, monkeypatch):
    app = _app(place)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        article = app.browse.article_view.article
        await pilot.press("y")
        await pilot.pause()
        assert copied[-1].startswith("记者 ") and f"《{article.title}》" in copied[-1] and copied[-1].endswith("。")
        assert copied[-1] in _notes(app), "the citation is shown as it is copied"
        await pilot.press("Y")
        await pilot.pause()
        assert copied[-1].startswith(article.title) and copied[-1].endswith(copied[-2])
        assert article.paragraphs[-1].text in copied[-1]


async def test_x_exports_every_result_of_the_query_and_says_where(place, waiter, tmp_path):
    config_file = tmp_path / "config.toml"
    config_file.write_text(f'export_format = "jsonl"\nexport_dir = "{tmp_path / "out"}"\n', encoding="utf-8")
    app = _app(place, load_config(config_file))
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        await pilot.press("slash", *"聊城", "enter")
        await waiter(pilot, lambda: app.browse.search.results is not None)
        total = app.browse.search.results.total
        await pilot.press("x")
        await waiter(pilot, lambda: any("→" in n for n in _notes(app)), timeout=20)
        line = next(n for n in _notes(app) if "→" in n)
    path = Path(line.split("→ ", 1)[1])
    assert path.parent == tmp_path / "out" and path.suffix == ".jsonl", line
    records = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == total and line.startswith(f"{total} articles"), (line, len(records))


async def test_o_opens_the_page_in_the_pager_at_the_article_line(place, waiter, monkeypatch):
    import liaocheng_tui.ui.screens.browse_keep as keep

    ran: list[list[str]] = []
    monkeypatch.setenv("PAGER", "less -R")
    monkeypatch.setattr(keep.subprocess, "run", lambda command, check: ran.append(command))
    app = _app(place)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause(0.2)
        article = app.browse.article_view.article
        await pilot.press("o")
        await pilot.pause()
    assert len(ran) == 1 and ran[0][:2] == ["less", "-R"] and ran[0][-1] == article.page.source, ran
    line = int(ran[0][2].lstrip("+"))
    text = Path(article.page.source).read_text(encoding="utf-8").splitlines()
    shown = "".join("".join(text[line - 1:line + 2]).split())
    assert "".join(article.paragraphs[0].text.split())[:8] in shown or \
        "".join((article.title or "").split()) in shown, (line, text[line - 1])


async def test_o_says_where_the_page_is_when_the_terminal_cannot_hand_over(place, waiter):
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:  # a headless test run cannot suspend
        await _ready(pilot, waiter)
        source = app.browse.article_view.article.page.source
        await pilot.press("o")
        await pilot.pause()
        assert any(source in n for n in _notes(app)), _notes(app)


async def test_the_config_sets_theme_and_keys_and_bad_settings_are_named(place, waiter, tmp_path):
    config_file = tmp_path / "config.toml"
    config_file.write_text('theme = "nord"\ncolour = 1\n[keys]\n"browse.bookmark" = "B"\n"browse.nothing" = "z"\n',
                           encoding="utf-8")
    app = _app(place, load_config(config_file))
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        assert app.theme == "nord"
        lines = [n for n in _notes(app) if "config" in n]
        assert any(": colour: " in n and "config.toml" in n for n in lines), lines
        assert any(": keys.browse.nothing: " in n for n in lines), lines
        await pilot.press("B")
        await pilot.pause()
        assert len(app.keeper.store.bookmarks()) == 1, "B (from the config) did not bookmark"
        await pilot.press("m")
        await pilot.pause()
        assert len(app.keeper.store.bookmarks()) == 1, "m still bookmarks after being rebound"


async def test_the_chosen_theme_is_remembered(place, waiter):
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        app.theme = "gruvbox"
        await pilot.pause(0.2)
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        assert app.theme == "gruvbox"


async def test_history_lists_what_was_read_newest_first_and_opens_it(place, waiter):
    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        browse = app.browse
        first = browse.article_view.article.heading
        await pilot.press("right_square_bracket")
        await pilot.pause(0.1)
        second = browse.article_view.article.heading
        await pilot.press("H")
        await waiter(pilot, lambda: isinstance(app.screen, KeptScreen))
        assert [e.snapshot.title for e in app.screen.shown] == [second, first]
        assert app.screen.query_one("DataTable").get_row_at(1)[1].plain == first
        await pilot.press("down", "enter")
        await waiter(pilot, lambda: app.screen is browse and browse.article_view.article.heading == first)


async def test_the_palette_lists_bookmarks_and_opens_one(place, waiter):
    from liaocheng_tui.ui.commands import BookmarkProvider

    app = _app(place)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause(0.2)
        kept = app.browse.article_view.article
        await pilot.press("m")
        await pilot.pause()
        app.browse.open_issue(app.catalog.issues[0])
        await waiter(pilot, lambda: app.browse.article_view.article is not kept)
        candidates = list(BookmarkProvider(app.screen).candidates(""))
        assert [label for label, _, _ in candidates] == [f"bookmark {kept.heading}"]
        candidates[0][2]()  # what choosing it in the palette runs
        await waiter(pilot, lambda: app.browse.article_view.article.heading == kept.heading)


def test_the_configs_archive_folders_are_what_the_reader_opens_without_paths(tmp_path):
    from liaocheng_tui.ui.app import create_app

    config_file = tmp_path / "config.toml"
    config_file.write_text(f'archive = ["{tmp_path / "a"}", "{tmp_path / "b"}"]\n', encoding="utf-8")
    app = create_app(config=load_config(config_file), data_dir=tmp_path / "data")
    assert app.options.roots == [tmp_path / "a", tmp_path / "b"]
    assert create_app([tmp_path / "c"], config=load_config(config_file)).options.roots == [tmp_path / "c"]


async def test_notifications_quoting_page_text_show_it_literally(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        issue = next(i for i in app.catalog.issues if i.date and i.date.isoformat() == "2024-12-28")
        app.browse.open_issue(issue)
        await waiter(pilot, lambda: app.browse.issue is issue)
        article = next(a for a in issue.articles if a.title and a.title.startswith("[b]"))
        app.browse.open_article(article)
        await waiter(pilot, lambda: app.browse.article_view.article is article)
        await pilot.press("m", "y")
        await pilot.pause()
        shown = [n for n in app._notifications if article.title in str(n.message)]
        assert len(shown) == 2 and all(not n.markup for n in shown), [(n.message, n.markup) for n in shown]


async def test_x_on_the_bookmarks_screen_exports_the_bookmarks(place, waiter, tmp_path):
    config_file = tmp_path / "config.toml"
    config_file.write_text(f'export_format = "csv"\nexport_dir = "{tmp_path / "out"}"\n', encoding="utf-8")
    app = _app(place, load_config(config_file))
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot, waiter)
        titles = []
        for _ in range(2):
            titles.append(app.browse.article_view.article.title)
            await pilot.press("m", "right_square_bracket")
            await pilot.pause(0.1)
        await pilot.press("M")
        await waiter(pilot, lambda: isinstance(app.screen, KeptScreen))
        await pilot.press("x")
        await waiter(pilot, lambda: any("→" in n for n in _notes(app)))
        line = next(n for n in _notes(app) if "→" in n)
    import csv

    rows = list(csv.DictReader(Path(line.split("→ ", 1)[1]).open(encoding="utf-8")))
    assert [r["title"] for r in rows] == titles[::-1], (line, rows)
