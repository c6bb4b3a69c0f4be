"""Pilot tests of browsing: what the tree, the list and the article pane show, and the keys
that move between them."""

from __future__ import annotations

import datetime as dt

from liaocheng_tui.archive.model import Article, DateSource, Page, Paragraph

SIZE = (120, 36)


def entries(app) -> list[str]:
    lst = app.browse.article_list
    return [lst.get_option_at_index(i).prompt.plain for i in range(lst.option_count)]


def current_title(app) -> str:
    return app.browse.article_view.plain.splitlines()[0]


async def open_date(app, pilot, waiter, iso: str):
    issue = next(i for i in app.catalog.issues if i.date and i.date.isoformat() == iso)
    app.browse.open_issue(issue)
    await waiter(pilot, lambda: app.browse.issue is issue)
    return issue


async def test_first_issue_shown_with_header_and_byline(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        header = app.browse.query_one("#header").render()
        assert "4 pages · 10 articles · 2024-06-21 – 2025-07-24" in str(header)
        # the newest issue of the archive (any paper) is shown at start
        assert app.browse.issue.key == "大众日报|2025-07-24"
        assert app.browse.issue is app.catalog.newest()
        assert entries(app)[0].startswith("聊城产研院助力产业升级")
        await open_date(app, pilot, waiter, "2024-06-21")
        shown = entries(app)
        assert len(shown) == 3
        assert shown[0].splitlines() == ["科技创新驱动我市经济高质量发展", "记者 白文斌"]
        # kicker (its own line, first), then title, then reporters
        assert shown[2].splitlines() == ["组织实施“十大工程” 我市出台方案——", "推动大规模设备更新和消费品以旧换新", "记者 林晨 黄振"]
        text = app.browse.article_view.plain
        assert text.splitlines()[:2] == ["科技创新驱动我市经济高质量发展", "记者 白文斌"]
        assert "聊城日报 · 2024-06-21\n/arch/lc-2024-06-21-a.txt" in text
        assert "\u3000\u3000面对设备老化和市场挑战" in text  # two full-width spaces indent
        assert app.browse.query_one("#list-title").render().plain.startswith("聊城日报 2024-06-21 · 3 articles")


async def test_byline_with_correspondent(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_date(app, pilot, waiter, "2024-06-21")
        await pilot.press("j")
        assert app.browse.article_view.plain.splitlines()[:2] == ["聊城市基层卫生协会成立", "记者 鞠圣娇 · 通讯员 张凯"]


async def test_tree_lists_papers_years_months_and_marks_inferred_dates(make_app, ready, archive):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        tree = app.browse.tree
        papers = [n.label.plain for n in tree.root.children]
        assert papers == ["大众日报  2", "聊城日报  2"]
        inferred = next(i for i in app.catalog.issues if i.inferred)
        node = tree.issue_node(inferred)
        assert node.label.plain == "≈2025-03-17"
        warned = next(i for i in app.catalog.issues if i.warnings)
        assert tree.issue_node(warned).label.plain == "2025-07-24 ⚠"
        years = [n.label.plain for n in tree.root.children[1].children]
        assert years == ["2024"]
        months = [n.label.plain for n in tree.root.children[1].children[0].children]
        assert months == ["06月  1", "12月  1"]


async def test_j_k_g_G_move_through_the_list(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_date(app, pilot, waiter, "2024-06-21")
        assert app.focused is app.browse.article_list
        await pilot.press("j")
        assert current_title(app) == "聊城市基层卫生协会成立"
        await pilot.press("down")
        assert app.browse.article_view.article.title == "推动大规模设备更新和消费品以旧换新"
        await pilot.press("k")
        assert current_title(app) == "聊城市基层卫生协会成立"
        await pilot.press("G")
        assert app.browse.article_list.highlighted == 2
        await pilot.press("g")
        assert current_title(app) == "科技创新驱动我市经济高质量发展"


async def test_brackets_step_articles_across_issues(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_date(app, pilot, waiter, "2024-06-21")
        order = [app.browse.article_view.article.title]
        for _ in range(3):
            await pilot.press("right_square_bracket")
            await waiter(pilot, lambda: app.browse.article_view.article.title != order[-1])
            order.append(app.browse.article_view.article.title)
        assert order == ["科技创新驱动我市经济高质量发展", "聊城市基层卫生协会成立",
                         "推动大规模设备更新和消费品以旧换新", "山东省工商联执委会议将在聊城召开"]
        assert app.browse.issue.date.isoformat() == "2024-12-28"  # ] ran on into the next issue
        await pilot.press("left_square_bracket")  # and [ runs back to the last article before it
        await waiter(pilot, lambda: app.browse.issue.date.isoformat() == "2024-06-21")
        assert app.browse.article_list.highlighted == 2
        assert app.browse.article_view.article.title == "推动大规模设备更新和消费品以旧换新"


async def test_braces_step_through_one_papers_issues_in_date_order(make_app, ready, waiter):
    app = make_app()
    notes: list[str] = []
    app.notify = lambda message, **_kw: notes.append(message)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.browse.issue.key == "大众日报|2025-07-24"  # the newest issue
        await pilot.press("right_curly_bracket")  # the paper's last issue: stays, and says so
        await pilot.pause()
        assert app.browse.issue.key == "大众日报|2025-07-24"
        assert "Last issue of 大众日报." in notes
        await pilot.press("left_curly_bracket")
        await waiter(pilot, lambda: app.browse.issue.key == "大众日报|2025-03-17")
        assert app.browse.tree.current_issue.key == "大众日报|2025-03-17"
        await pilot.press("left_curly_bracket")  # first of its paper: never runs into 聊城日报
        await pilot.pause()
        assert app.browse.issue.key == "大众日报|2025-03-17"
        await open_date(app, pilot, waiter, "2024-06-21")
        await pilot.press("right_curly_bracket")
        await waiter(pilot, lambda: app.browse.issue.key == "聊城日报|2024-12-28")
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert app.browse.issue.key == "聊城日报|2024-12-28"


async def test_enter_and_tab_move_between_panes(make_app, ready):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        assert app.focused is app.browse.article_view
        await pilot.press("shift+tab")
        assert app.focused is app.browse.article_list
        await pilot.press("shift+tab")
        assert app.focused is app.browse.tree
        await pilot.press("tab")
        assert app.focused is app.browse.article_list


async def test_tree_enter_on_issue_focuses_list(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.browse.tree.focus()
        await pilot.press("G")  # the last line: the last month of the last paper, still folded
        assert app.browse.tree.cursor_node.label.plain == "12月  1"
        await pilot.press("enter")  # unfolds it
        await pilot.press("j")
        await waiter(pilot, lambda: app.browse.issue is app.catalog.issues[-1])
        assert app.browse.tree.current_issue is app.catalog.issues[-1]
        assert app.focused is app.browse.tree
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.browse.article_list
        assert app.browse.issue is app.browse.tree.current_issue


async def test_article_pane_shows_kicker_subtitle_subheads_and_labels(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_date(app, pilot, waiter, "2024-12-28")
        await pilot.press("j")
        lines = app.browse.article_view.plain.splitlines()
        assert lines[:3] == ["在荧幕内外弘扬“五老”精神", "——微电影开机仪式现场见闻", "记者 赵琦"]
        assert "▍“五老”精神 与时俱进" in lines  # decoration stripped, styled as a subhead
        assert "▍红色基因 时代表达" in lines
        assert "\u3000\u3000老人用三个词表达心声。" in lines
        await pilot.press("j")
        assert app.browse.article_view.plain.startswith("〔图片〕")
        assert entries(app)[2].startswith("〔图片〕市民在东昌湖畔晨练")
        await open_date(app, pilot, waiter, "2025-03-17")
        assert entries(app)[0].startswith("〔导读〕发展新质生产力")
        assert "大众日报 · ≈2025-03-17" in app.browse.article_view.plain
        await pilot.press("j")
        assert app.browse.article_view.plain.splitlines()[:2] == ["开展补贴性职业技能培训", "聊城乡村振兴有能人"]


async def test_markup_and_control_characters_are_shown_as_text(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_date(app, pilot, waiter, "2024-12-28")
        await pilot.press("G")
        text = app.browse.article_view.plain
        assert text.startswith("[b]粗体[/b] 与 [link=http://evil.example]链接[/link] 测试")
        assert "[red]标记[/red]" in text
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        assert "转义␛[31m序列␇与\ufffd反转" in text  # control characters shown as their pictures
        assert entries(app)[3].startswith("[b]粗体[/b]")
        # the rendered Text carries no link style from the content
        assert all("link" not in str(span.style) for span in app.browse.article_view.text.spans)


async def test_toggle_tree_with_t(make_app, ready):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.browse.tree.display and app.browse.tree.region.width > 0
        await pilot.press("t")
        await pilot.pause()
        assert app.browse.tree.region.width == 0
        await pilot.press("t")
        await pilot.pause()
        assert app.browse.tree.region.width > 0
        assert app.focused is app.browse.tree


async def test_narrow_terminal_stacks_panes_and_hides_tree(make_app, ready):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        browse = app.browse
        assert browse.has_class("-narrow")
        assert browse.tree.region.width == 0
        lst, art = browse.article_list.region, browse.article_view.region
        assert lst.bottom <= art.y  # list above the article
        assert art.width >= 76 and art.right <= 80
        assert app.browse.article_view.plain.startswith("聊城产研院助力产业升级\n记者 苑莘 · 通讯员 赵怀建")
        await pilot.press("t")
        await pilot.pause()
        assert browse.tree.region.width > 0 and app.focused is browse.tree
        await pilot.press("t")
        await pilot.pause()
        assert browse.tree.region.width == 0 and app.focused is browse.article_list


async def test_warnings_screen_lists_problem_pages(make_app, ready):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("w")
        await pilot.pause()
        from liaocheng_tui.ui.screens.problems import ProblemsScreen

        assert isinstance(app.screen, ProblemsScreen)
        text = app.screen.query_one("#problems-text").render().plain
        assert "dz-2025-07-24.txt" in text and "2 unattributed text block(s)" in text
        assert "/arch/broken.txt: binary file" in text
        await pilot.press("escape")
        assert app.screen is app.browse


async def test_related_articles_open_with_number_keys(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_date(app, pilot, waiter, "2024-06-21")
        await pilot.press("G")  # 林晨 + 黄振 article
        await waiter(pilot, lambda: app.browse.article_view.related)
        related = app.browse.article_view.related
        assert app.browse.article_view.article not in related
        options = app.browse.query_one("#related")
        assert options.get_option_at_index(0).prompt.plain.startswith(f"1 {related[0].heading}")
        target = related[-1]
        await pilot.press(str(len(related)))
        await waiter(pilot, lambda: app.browse.article_view.article is target)
        assert app.browse.issue is app.catalog.issue_of(target)
        assert app.browse.article_list.current is target


async def test_quit_with_q(make_app, ready):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_mouse_click_on_an_entry_reads_it(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_date(app, pilot, waiter, "2024-06-21")
        # entries: 2 lines + divider each; the second entry starts on the list's 4th content line
        lst = app.browse.article_list
        await pilot.click(lst, offset=(4, 4))
        await waiter(pilot, lambda: app.browse.article_view.article.title == "聊城市基层卫生协会成立")
        await pilot.click(app.browse.tree, offset=(8, 1))
        assert app.focused is app.browse.tree


async def test_quick_repeated_braces_each_step_an_issue(make_app, ready, waiter, archive):
    for day in (1, 2, 3):  # 大众日报 gets five issues
        page = Page(source=f"/arch/dz-2025-04-0{day}.txt", newspaper="大众日报", issue_date=dt.date(2025, 4, day),
                    date_source=DateSource.FILENAME)
        page.articles = [Article(title=f"四月{day}日", paragraphs=[Paragraph("正文。")], page=page)]
        archive.pages.append(page)
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        dz = [i for i in app.catalog.issues if i.newspaper == "大众日报"]
        assert app.browse.issue is dz[-1]
        await pilot.press("left_curly_bracket", "left_curly_bracket", "left_curly_bracket")
        await waiter(pilot, lambda: app.browse.issue is dz[1])
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await waiter(pilot, lambda: app.browse.issue is dz[3])


async def test_an_empty_folder_says_so(tmp_path, waiter):
    from liaocheng_tui.ui.app import create_app

    app = create_app([tmp_path], cache_dir=tmp_path / "cache", use_cache=False)
    async with app.run_test(size=SIZE) as pilot:
        await waiter(pilot, lambda: app.catalog is not None)
        assert app.browse.article_view.plain.startswith(f"No pages found in {tmp_path}.")
        assert "0 pages · 0 articles · no dates" in str(app.browse.query_one("#header").render())
