"""Pilot tests of searching: the bar, results, highlights, n/N, Esc, bad queries, indexing."""

from __future__ import annotations

import threading

from rich.text import Text

SIZE = (120, 36)


def entries(app) -> list[str]:
    lst = app.browse.article_list
    return [lst.get_option_at_index(i).prompt.plain for i in range(lst.option_count)]


def highlighted(text: Text) -> list[str]:
    """The substrings of ``text`` styled as hits (reverse)."""
    return [text.plain[s.start:s.end] for s in text.spans if "reverse" in str(s.style)]


async def search(pilot, query: str) -> None:
    app = pilot.app
    await pilot.press("slash")
    assert app.focused is app.browse.search_bar.input
    app.browse.search_bar.input.value = ""
    await pilot.press(*query)
    await pilot.press("enter")


async def test_slash_search_shows_results_count_sparkline_and_snippets(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await search(pilot, "林晨")
        await waiter(pilot, lambda: app.browse.mode == "search")
        browse = app.browse
        assert browse.query_one("#hits-count").render().plain == "3 hits for 「林晨」 · best first"
        assert browse.search_bar.status.startswith("3 hits for 「林晨」 · best first · s sorts · n/N")
        spark = browse.query_one("#hits-spark")
        assert list(spark.data) == [1.0, 0, 0, 0, 0, 0, 2.0] + [0.0] * 7  # 2024-06 … 2025-07
        shown = entries(app)
        assert shown[0].splitlines() == ["山东省工商联执委会议将在聊城召开", "2024-12-28 · 聊城日报", "记者 林晨",
                                         "大会将在聊城召开，林晨报道。"]
        first = browse.article_list.get_option_at_index(0).prompt.text
        assert highlighted(first) == ["林晨", "林晨"]  # the name asked for, and the hit in the snippet
        assert app.focused is browse.article_list
        # the article pane shows the first hit, with the hit highlighted in its text
        await waiter(pilot, lambda: "林晨" in highlighted(browse.article_view.text))
        assert browse.article_view.article.title == "山东省工商联执委会议将在聊城召开"


async def test_n_and_N_step_through_results_and_esc_returns_where_you_were(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        browse = app.browse
        await pilot.press("left_curly_bracket")
        await waiter(pilot, lambda: browse.issue is app.catalog.issues[0])
        await pilot.press("j")
        place = (browse.issue, browse.article_list.highlighted, browse.article_view.article)
        await search(pilot, "聊城")
        await waiter(pilot, lambda: browse.mode == "search")
        titles = [a.title for a in browse.article_list.articles]
        seen = [browse.article_view.article.title]
        for _ in range(len(titles) - 1):
            await pilot.press("n")
            seen.append(browse.article_view.article.title)
        assert seen == titles
        await pilot.press("N")
        assert browse.article_view.article.title == titles[-2]
        await pilot.press("escape")
        await pilot.pause()
        assert browse.mode == "browse"
        assert not browse.query_one("#hits").display
        assert (browse.issue, browse.article_list.highlighted, browse.article_view.article) == place
        assert app.focused is browse.article_list
        await pilot.press("n")  # outside results n only explains itself
        assert browse.mode == "browse"


async def test_malformed_query_shows_message_under_the_bar(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = entries(app)
        await search(pilot, '"林晨')
        await waiter(pilot, lambda: app.browse.search_bar.status_kind == "error")
        assert app.browse.search_bar.status.startswith("✗ unbalanced quote")
        assert app.browse.mode == "browse" and entries(app) == before
        app.browse.search_bar.input.value = ""
        await pilot.press(*"记者:", "enter")
        await waiter(pilot, lambda: "empty field" in app.browse.search_bar.status)


async def test_reporter_query_and_highlights_in_article(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await search(pilot, "东昌湖")
        await waiter(pilot, lambda: app.browse.mode == "search")
        assert entries(app)[0].startswith("〔图片〕")
        await waiter(pilot, lambda: highlighted(app.browse.article_view.text) == ["东昌湖"])
        await pilot.press("escape")
        await search(pilot, "记者:赵琦")
        await waiter(pilot, lambda: app.browse.search.query == "记者:赵琦")
        assert [a.title for a in app.browse.article_list.articles] == ["在荧幕内外弘扬“五老”精神"]


async def test_snippet_with_markup_and_escapes_is_shown_as_text(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await search(pilot, "粗体")
        await waiter(pilot, lambda: app.browse.mode == "search")
        entry = entries(app)[0]
        assert entry.startswith("[b]粗体[/b] 与 [link=http://evil.example]链接[/link] 测试")
        assert "[red]标记[/red]" in entry and "\x1b" not in entry and "\x07" not in entry


async def test_query_typed_while_indexing_runs_when_ready(make_app, ready, waiter):
    gate = threading.Event()
    app = make_app(gate=gate)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, search=False)
        assert app.browse.search_bar.status.startswith("indexing…")
        assert app.browse.query_one("#progress").display
        await search(pilot, "林晨")
        await pilot.pause(0.1)
        assert "will run as soon as the index is ready" in app.browse.search_bar.status
        assert app.browse.mode == "browse"  # browsing still works meanwhile
        await pilot.press("escape", "j")
        gate.set()
        await waiter(pilot, lambda: app.browse.mode == "search")
        assert app.browse.search.query == "林晨"
        assert not app.browse.query_one("#progress").display


async def test_search_layer_missing_leaves_browsing_working(make_app, ready):
    app = make_app(unavailable=OSError)  # e.g. an index folder that cannot be read
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        bar = app.browse.search_bar
        assert bar.status.startswith("search unavailable") and bar.status_kind == "error"
        await search(pilot, "林晨")
        await pilot.pause()
        assert bar.status.startswith("search unavailable")
        await pilot.press("escape", "left_curly_bracket")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert app.browse.article_view.article is app.catalog.issues[0].articles[1]


async def test_recent_searches_in_palette(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await search(pilot, "聊城")
        await waiter(pilot, lambda: app.browse.mode == "search")
        await pilot.press("escape")
        assert app.recent_searches == ["聊城"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"search again")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await waiter(pilot, lambda: app.browse.mode == "search")
        assert app.browse.search.query == "聊城"


async def test_slash_inside_the_bar_is_a_character_and_keys_after_slash_reach_it(make_app, ready):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", "a", "slash", "b")  # no pause: the bar has focus as / is handled
        assert app.browse.search_bar.input.value == "a/b"


async def test_a_failing_search_layer_still_lets_you_read(make_app, ready, tmp_path):
    def broken_open_archive(roots, **kwargs):
        raise RuntimeError("index cache is damaged")

    from liaocheng_tui.ui.app import create_app
    from liaocheng_tui.seeds import seeds_dir

    app = create_app([seeds_dir()], cache_dir=tmp_path, use_cache=False, opener=broken_open_archive)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.browse.search_bar.status == "search unavailable: RuntimeError: index cache is damaged"
        assert app.catalog.page_count == 5


def _burst(app, text: str) -> None:
    """Queue every key of ``text`` at once, as keys arrive over SSH: no pause between them."""
    from textual import events

    names = {"/": "slash", ":": "colon", " ": "space", "(": "left_parenthesis", ")": "right_parenthesis"}
    for ch in text:
        app.post_message(events.Key(names.get(ch, ch), ch))


async def test_a_burst_of_keys_keeps_every_slash_where_it_was_typed(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        bar = app.browse.search_bar.input
        _burst(app, "/日期:2024/06 a/b")
        await waiter(pilot, lambda: bar.value == "日期:2024/06 a/b")
        assert app.focused is bar
        _burst(app, "/")  # in the bar, / is a character (it used to jump to the front of the queue)
        await waiter(pilot, lambda: bar.value.endswith("a/b/"))


async def test_queries_that_used_to_hang_the_bar_now_answer(make_app, ready, waiter):
    """Explicit AND, groups beside long words, doubled operators: results or a message, never 'searching…'."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        bar = app.browse.search_bar
        await search(pilot, "高质量发展 AND 技改")
        await waiter(pilot, lambda: app.browse.mode == "search")
        assert bar.status.startswith("1 hit for 「高质量发展 AND 技改」"), bar.status
        await pilot.press("slash")
        await search(pilot, "技改 NOT OR 高唐")
        await waiter(pilot, lambda: bar.status_kind == "error")
        assert bar.status.startswith("✗ NOT needs a word after it, not OR"), bar.status
        await pilot.press("slash")
        bar.set_value("(" * 500 + "技改" + ")" * 500)
        await pilot.press("enter")
        await waiter(pilot, lambda: "too deeply nested" in bar.status)
        assert bar.status_kind == "error"
