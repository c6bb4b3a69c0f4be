"""Pilot tests of the reporters screen, the help screen, the palette and themes."""

from __future__ import annotations

from liaocheng_tui.ui.screens.help import HelpScreen, binding_rows
from liaocheng_tui.ui.screens.reporters import ReportersScreen

SIZE = (120, 36)


def table_rows(screen) -> list[list[str]]:
    table = screen.query_one("#reporters-table")
    return [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_reporters_screen_lists_filters_and_shows_articles(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReportersScreen)
        rows = table_rows(app.screen)
        assert rows[0] == ["林晨", "记者", "3", "2024-06-21", "2024-12-28", "聊城日报"]
        names = [r[0] for r in rows]
        assert {"张凯", "赵怀建"} <= set(names)
        assert next(r for r in rows if r[0] == "张凯")[1] == "通讯员"
        await pilot.press(*"大众")  # filter by newspaper as you type
        await pilot.pause()
        assert sorted(r[0] for r in table_rows(app.screen)) == sorted(["孙亚飞", "高田", "苑莘", "赵怀建"])
        for _ in range(2):
            await pilot.press("backspace")
        await pilot.press(*"通讯员")
        await pilot.pause()
        assert sorted(r[0] for r in table_rows(app.screen)) == ["张凯", "赵怀建"]
        await pilot.press("down", "enter")
        await waiter(pilot, lambda: app.screen is app.browse)
        browse = app.browse
        assert browse.mode == "person"
        assert browse.query_one("#hits-count").render().plain == "赵怀建 · 通讯员 · 1 article(s)"
        assert [a.title for a in browse.article_list.articles] == ["聊城产研院助力产业升级"]
        assert browse.article_view.plain.splitlines()[1] == "记者 苑莘 · 通讯员 赵怀建"
        await pilot.press("escape")
        assert browse.mode == "browse" and browse.issue is app.catalog.newest()


async def test_reporters_screen_esc_goes_back(make_app, ready):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"林晨", "escape")
        await pilot.pause()
        assert app.screen is app.browse and app.browse.mode == "browse"


async def test_help_screen_lists_every_binding_including_hidden_ones(make_app, ready):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = binding_rows(app)
        keys = {(where, key) for where, key, _ in rows}
        for expected in [("Browsing", "["), ("Browsing", "]"), ("Browsing", "{"), ("Browsing", "}"),
                         ("Browsing", "/"), ("Browsing", "n"), ("Browsing", "N"), ("Browsing", "t"),
                         ("Browsing", "1 2 3 4 5"), ("Everywhere", "q"), ("Everywhere", "?"), ("Everywhere", "r"),
                         ("Article list", "j"), ("Article list", "k"), ("Article list", "g"),
                         ("Article list", "G"), ("Issue tree", "j"), ("Reading pane", "space"),
                         ("Everywhere", "ctrl+p"), ("Everywhere", "tab / shift+tab")]:
            assert expected in keys, expected
        shown = app.screen.query_one("#help-table").render()
        lines = "\n".join(str(line) for line in app.screen.query_one("#help-table").render_lines(
            app.screen.query_one("#help-table").region.reset_offset))
        assert "Next issue in the tree" in lines and "Previous article" in lines and "Every reporter" in lines
        query = app.screen.query_one("#help-query")
        assert "记者:林晨" in "\n".join(str(line) for line in query.render_lines(query.region.reset_offset))
        assert shown is not None
        await pilot.press("escape")
        assert app.screen is app.browse


async def test_palette_jumps_to_an_issue_date(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"issue 2024-12-28")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await waiter(pilot, lambda: app.browse.issue.date is not None and app.browse.issue.date.isoformat() == "2024-12-28")
        assert app.browse.article_view.article.title == "山东省工商联执委会议将在聊城召开"


async def test_palette_jumps_to_a_reporter(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"reporter 苑莘")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await waiter(pilot, lambda: app.browse.mode == "person")
        assert [a.title for a in app.browse.article_list.articles] == ["聊城产研院助力产业升级"]


async def test_palette_jumps_to_an_article_title(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"article 乡村振兴有能人")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await waiter(pilot, lambda: app.browse.article_view.article.title == "聊城乡村振兴有能人")
        assert app.browse.article_list.current.title == "聊城乡村振兴有能人"
        assert app.browse.issue.date.isoformat() == "2025-03-17"


async def test_palette_shows_markup_titles_literally(make_app, ready):
    from textual.command import Matcher

    from liaocheng_tui.ui.commands import highlight

    content = highlight(Matcher("粗体"), "article [b]粗体[/b] [link=x]y[/link]")
    assert content.plain == "article [b]粗体[/b] [link=x]y[/link]"


async def test_theme_switches_between_light_and_dark(make_app, ready):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.theme = "textual-light"
        await pilot.pause()
        assert not app.current_theme.dark
        app.theme = "textual-dark"
        await pilot.pause()
        assert app.current_theme.dark
