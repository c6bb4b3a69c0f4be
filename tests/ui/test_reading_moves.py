"""Pilot tests of moving like a reporter: p (the other paper), D (this day in other years),
f (full-screen reading), palette dates with no issue, and what the article head explains."""

from __future__ import annotations

import datetime as dt

from liaocheng_tui.archive.model import Article, DateSource, Page, Paragraph

SIZE = (120, 36)


def add_page(archive, source: str, paper: str, date: dt.date, titles: list[str]) -> None:
    page = Page(source=source, newspaper=paper, issue_date=date, date_source=DateSource.FILENAME)
    page.articles = [Article(title=t, paragraphs=[Paragraph(f"{t}的正文。")], page=page, index=i, reporters=["林晨"])
                     for i, t in enumerate(titles)]
    archive.pages.append(page)


def notes_of(app) -> list[str]:
    seen: list[str] = []
    app.notify = lambda message, **_kw: seen.append(message)
    return seen


def entries(app) -> list[str]:
    lst = app.browse.article_list
    return [lst.get_option_at_index(i).prompt.plain for i in range(lst.option_count)]


async def test_p_switches_to_the_other_papers_issue_of_the_same_date_and_back(make_app, ready, waiter, archive):
    add_page(archive, "/arch/lc-2025-07-24.txt", "聊城日报", dt.date(2025, 7, 24), ["同日聊城日报"])
    app = make_app(archive)
    notes = notes_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.browse.issue.key in ("大众日报|2025-07-24", "聊城日报|2025-07-24")
        start = app.browse.issue.key
        await pilot.press("p")
        await waiter(pilot, lambda: app.browse.issue.key != start)
        assert app.browse.issue.date == dt.date(2025, 7, 24), "p left the date"
        assert {start, app.browse.issue.key} == {"大众日报|2025-07-24", "聊城日报|2025-07-24"}
        await pilot.press("p")
        await waiter(pilot, lambda: app.browse.issue.key == start)
        assert not any("nearest" in n for n in notes), notes


async def test_p_goes_to_the_nearest_issue_and_says_so(make_app, ready, waiter):
    app = make_app()
    notes = notes_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.browse.issue.key == "大众日报|2025-07-24"
        await pilot.press("p")
        await waiter(pilot, lambda: app.browse.issue.newspaper == "聊城日报")
        assert app.browse.issue.key == "聊城日报|2024-12-28"
        assert "聊城日报 has no issue on 2025-07-24: the nearest is 2024-12-28 (-208 days)." in notes


async def test_D_lists_this_month_and_day_in_every_year_newest_first(make_app, ready, waiter, archive):
    add_page(archive, "/arch/dz-2023-06-21.txt", "大众日报", dt.date(2023, 6, 21), ["两年前的今天"])
    add_page(archive, "/arch/dz-2023-06-22.txt", "大众日报", dt.date(2023, 6, 22), ["不是这一天"])
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        issue = next(i for i in app.catalog.issues if i.key == "聊城日报|2024-06-21")
        app.browse.open_issue(issue)
        await waiter(pilot, lambda: app.browse.issue is issue)
        await pilot.press("j")
        await pilot.press("D")
        await waiter(pilot, lambda: app.browse.mode == "days")
        shown = entries(app)
        assert [e.splitlines()[0] for e in shown] == [
            "科技创新驱动我市经济高质量发展", "聊城市基层卫生协会成立", "推动大规模设备更新和消费品以旧换新", "两年前的今天"]
        assert shown[-1].splitlines()[1].startswith("2023-06-21 · 大众日报"), "entries do not show their date"
        label = app.browse.query_one("#hits-count").render().plain
        assert label == "历史上的今天 06-21 · 2 issue(s) in 2 year(s) · 4 article(s)"
        await pilot.press("escape")
        await waiter(pilot, lambda: app.browse.mode == "browse")
        assert app.browse.issue is issue and app.browse.article_list.highlighted == 1


async def test_this_day_is_a_palette_command_too(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"历史上的今天")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await waiter(pilot, lambda: app.browse.mode == "days")
        assert app.browse.query_one("#hits-count").render().plain.startswith("历史上的今天 07-24 · 1 issue(s)")


async def test_a_palette_date_with_no_issue_goes_to_the_nearest(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"issue 2024-06-20 聊城")  # a day before 聊城日报's issue of 06-21
        await pilot.pause(0.5)
        await pilot.press("enter")
        await waiter(pilot, lambda: app.browse.issue.key == "聊城日报|2024-06-21")


async def test_f_reads_the_article_alone_and_back(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        browse = app.browse
        await pilot.press("f")
        await pilot.pause()
        assert browse.tree.region.width == 0 and browse.article_list.region.height == 0
        assert browse.article_view.region.width == 60 and browse.article_view.region.height >= 17
        assert app.focused is browse.article_view
        assert browse.article_view.plain.splitlines()[:3] == ["聊城产研院助力产业升级", "记者 苑莘 · 通讯员 赵怀建", "大众日报 · 2025-07-24"]
        await pilot.press("f")
        await pilot.pause()
        assert browse.article_list.region.height > 0
        assert browse.article_view.plain.splitlines()[3] == "/arch/dz-2025-07-24.txt"


async def test_the_article_head_explains_inferred_dates_and_roles(make_app, ready, waiter, archive):
    lead = archive.pages[2].articles[1]  # 大众日报 ≈2025-03-17, 聊城乡村振兴有能人
    lead.roleless = ["高田"]
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        issue = next(i for i in app.catalog.issues if i.key == "大众日报|2025-03-17")
        app.browse.open_issue(issue)
        await waiter(pilot, lambda: app.browse.issue is issue)
        await pilot.press("j")
        await waiter(pilot, lambda: app.browse.article_view.article.title == "聊城乡村振兴有能人")
        lines = app.browse.article_view.plain.splitlines()
        assert lines[2] == "记者 孙亚飞 高田*"
        assert "大众日报 · ≈2025-03-17" in lines
        assert "≈ date inferred from the text" in lines
        assert any(line.startswith("* printed without a role") for line in lines)


async def test_a_result_opens_at_its_hit_and_dot_comma_step_through_the_hits(make_app, ready, waiter, archive):
    page = archive.pages[0]
    body = [Paragraph(f"第{n}段，寻常的叙述文字，没有要找的词。") for n in range(60)]
    body[40] = Paragraph("第40段里有一个独特词语鲲鹏展翅。")
    body[55] = Paragraph("第55段又一次写到鲲鹏展翅。")
    page.articles.append(Article(title="很长的一篇文章", paragraphs=body, page=page, index=len(page.articles)))
    app = make_app(archive)
    notes = notes_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.browse.article_view
        await pilot.press("slash", *"鲲鹏展翅", "enter")
        await waiter(pilot, lambda: app.browse.mode == "search" and view.article is not None
                     and view.article.title == "很长的一篇文章")
        await waiter(pilot, lambda: view.scroll_y > 0)
        lines = view.hit_lines()
        assert len(lines) == 2 and lines[0] > view.size.height, "the first hit was on the first screen anyway"
        assert view.scroll_y <= lines[0] < view.scroll_y + view.size.height, "the first hit is not in view"
        await pilot.press("full_stop")
        await pilot.pause()
        assert view.scroll_y <= lines[1] < view.scroll_y + view.size.height, ". did not go to the second hit"
        await pilot.press("full_stop")
        await pilot.pause()
        assert "No more hits in this article." in notes
        await pilot.press("comma")
        await pilot.pause()
        assert view.scroll_y <= lines[0] < view.scroll_y + view.size.height, ", did not go back to the first hit"


async def test_a_name_query_marks_the_name_in_the_articles_byline(make_app, ready, waiter, archive):
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.browse.article_view
        await pilot.press("slash", *"记者:赵琦", "enter")
        await waiter(pilot, lambda: app.browse.mode == "search" and view.article is not None)
        await waiter(pilot, lambda: app.browse.extras_for is view.article)
        marked = [view.text.plain[s.start:s.end] for s in view.text.spans if str(s.style) == "bold reverse"]
        assert marked == ["赵琦"], marked


def long_article(archive) -> Article:
    page = archive.pages[0]
    body = [Paragraph(f"第{n}段，聊城的一段很长的叙述，写满了这一行还要再写一些字。") for n in range(60)]
    article = Article(title="很长的一篇文章", paragraphs=body, page=page, index=len(page.articles), reporters=["林晨"])
    page.articles.append(article)
    return article


async def test_backspace_goes_back_after_a_jump_and_ctrl_f_forward(make_app, ready, waiter, archive):
    app = make_app(archive)
    notes = notes_of(app)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        browse = app.browse
        issue = next(i for i in app.catalog.issues if i.key == "聊城日报|2024-06-21")
        browse.open_issue(issue)
        await waiter(pilot, lambda: browse.issue is issue)
        await pilot.press("j")
        await waiter(pilot, lambda: browse.extras_for is browse.article_view.article and browse.article_view.related)
        first = browse.article_view.article.id
        related = browse.article_view.related[0].id
        await pilot.press("1")  # a jump: to the first related article
        await waiter(pilot, lambda: browse.article_view.article is not None and browse.article_view.article.id == related)
        await pilot.press("backspace")
        await waiter(pilot, lambda: browse.article_view.article is not None and browse.article_view.article.id == first)
        assert browse.issue is issue and browse.article_list.highlighted == 1
        await pilot.press("ctrl+f")
        await waiter(pilot, lambda: browse.article_view.article is not None and browse.article_view.article.id == related)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert "Nothing to go forward to." in notes


async def test_esc_and_backspace_restore_the_article_scroll_and_the_result(make_app, ready, waiter, archive):
    target = long_article(archive)
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        browse, view = app.browse, app.browse.article_view
        issue = next(i for i in app.catalog.issues if i.key == "聊城日报|2024-06-21")
        browse.open_issue(issue)
        await waiter(pilot, lambda: browse.issue is issue)
        await pilot.press("G")  # the last entry: the long article
        await waiter(pilot, lambda: view.article is not None and view.article.id == target.id)
        view.focus()
        for _ in range(12):
            await pilot.press("j")
        await waiter(pilot, lambda: view.scroll_y >= 12)
        scrolled = view.scroll_y
        await pilot.press("slash", *"聊城", "enter")
        await waiter(pilot, lambda: browse.mode == "search")
        await pilot.press("j")
        chosen = browse.article_list.highlighted
        await pilot.press("escape")
        await waiter(pilot, lambda: browse.mode == "browse" and view.article is not None and view.article.id == target.id)
        await waiter(pilot, lambda: view.scroll_y == scrolled)
        await pilot.press("backspace")  # back to the results left by Esc, the same result highlighted
        await waiter(pilot, lambda: browse.mode == "search")
        assert browse.search.query == "聊城" and browse.article_list.highlighted == chosen


def dates_listed(app) -> list[str]:
    return [e.splitlines()[1].split(" · ")[0] for e in entries(app)]


async def test_s_sorts_results_best_newest_oldest_and_filters_start_newest(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        browse = app.browse
        await pilot.press("slash", *"聊城", "enter")
        await waiter(pilot, lambda: browse.mode == "search")
        summary = browse.query_one("#hits-count")
        assert summary.render().plain.endswith("· best first")
        best = [a.id for a in browse.article_list.articles]
        await pilot.press("s")
        await waiter(pilot, lambda: summary.render().plain.endswith("· newest first"))
        newest = [d.lstrip("≈") for d in dates_listed(app)]
        assert newest == sorted(newest, reverse=True) and len(newest) == len(best)
        await pilot.press("s")
        await waiter(pilot, lambda: summary.render().plain.endswith("· oldest first"))
        assert [d.lstrip("≈") for d in dates_listed(app)] == sorted(newest)
        await pilot.press("s")
        await waiter(pilot, lambda: summary.render().plain.endswith("· best first"))
        assert [a.id for a in browse.article_list.articles] == best
        app.run_search("日期:2024..2025")  # filter only: nothing ranks
        await waiter(pilot, lambda: browse.mode == "search" and browse.search.query == "日期:2024..2025")
        assert summary.render().plain.endswith("· newest first")
        listed = [d.lstrip("≈") for d in dates_listed(app)]
        assert listed == sorted(listed, reverse=True)


async def test_a_persons_list_is_newest_first_with_dates_and_s_flips_it(make_app, ready, waiter):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        lin = next(p for p in app.people if p.name == "林晨")
        app.show_person(lin)
        await waiter(pilot, lambda: app.browse.mode == "person")
        assert dates_listed(app) == ["2024-12-28", "2024-12-28", "2024-06-21"]
        await pilot.press("s")
        await pilot.pause()
        assert dates_listed(app) == ["2024-06-21", "2024-12-28", "2024-12-28"]


async def test_a_resize_keeps_the_selected_entry_in_view(make_app, ready, waiter, archive):
    page = archive.pages[0]
    for n in range(30):
        page.articles.append(Article(title=f"第{n}篇稿件的标题", paragraphs=[Paragraph("正文。")], page=page,
                                     index=len(page.articles), reporters=["林晨"]))
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        browse = app.browse
        issue = next(i for i in app.catalog.issues if i.key == "聊城日报|2024-06-21")
        browse.open_issue(issue)
        await waiter(pilot, lambda: browse.issue is issue)
        browse.article_list.focus()
        for _ in range(12):
            await pilot.press("j")
        assert browse.article_view.article.title == "第9篇稿件的标题"
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.3)
        lst = browse.article_list
        shown = "".join(lst.render_line(y).text for y in range(lst.scrollable_content_region.height))
        assert "第9篇稿件的标题" in shown, f"the selected entry is out of view after a resize: {shown[:200]}"


async def test_help_scrolls_with_the_article_keys(make_app, ready):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box")
        await pilot.press("space")
        await pilot.pause()
        assert box.scroll_y > 5, "space did not page down"
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0
        await pilot.press("G", "b")
        await pilot.pause()
        assert 0 < box.scroll_y < box.max_scroll_y


async def test_a_warm_start_shows_the_store_then_the_page_added_since(tmp_path, waiter):
    import shutil

    from liaocheng_tui.seeds import seeds_dir
    from liaocheng_tui.ui.app import create_app

    folder = tmp_path / "papers"
    shutil.copytree(seeds_dir(), folder)
    cache = tmp_path / "cache"
    app = create_app([folder], cache_dir=cache)
    async with app.run_test(size=SIZE) as pilot:
        await waiter(pilot, lambda: app.service is not None, timeout=60)
        before = app.browse.issue.key
    newest = max(p for p in folder.iterdir())
    text = newest.read_text(encoding="utf-8")
    (folder / "2026-11-30_A1.txt").write_text(text.replace("2025", "2026"), encoding="utf-8")
    delivered: list = []
    app = create_app([folder], cache_dir=cache, data_dir=tmp_path / "new-user")  # a first start: no last position
    original = app.browse.show_catalog
    app.browse.show_catalog = lambda catalog: (delivered.append(catalog.summary()), original(catalog))[1]
    async with app.run_test(size=SIZE) as pilot:
        await waiter(pilot, lambda: app.service is not None and app.browse.issue is not None
                     and app.browse.issue.date is not None and app.browse.issue.date.year == 2026, timeout=60)
        assert delivered and delivered[0].startswith("5 pages"), "the warm start did not show the store first"
        assert app.catalog.page_count == 6 and app.browse.issue.key != before
        assert app.browse.tree.current_issue is app.browse.issue


async def test_the_pages_of_one_issue_are_listed_by_edition_with_dividers(make_app, ready, waiter, archive):
    first = archive.pages[0]  # 聊城日报 2024-06-21: its file becomes 版 A2, and an A1 page joins it
    first.edition = "A2"
    page = Page(source="/arch/lc-2024-06-21-A1.txt", newspaper="聊城日报", issue_date=dt.date(2024, 6, 21),
                date_source=DateSource.FILENAME, edition="A1")
    page.articles = [Article(title="头版头条", paragraphs=[Paragraph("头版的正文。")], page=page, reporters=["林晨"])]
    archive.pages.append(page)
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        issue = next(i for i in app.catalog.issues if i.key == "聊城日报|2024-06-21")
        app.browse.open_issue(issue)
        await waiter(pilot, lambda: app.browse.issue is issue)
        shown = entries(app)
        assert shown[0].splitlines() == ["── A1版 ──", "头版头条", "记者 林晨"]
        assert shown[1].splitlines() == ["── A2版 ──", "科技创新驱动我市经济高质量发展", "记者 白文斌"]
        assert [e.splitlines()[0] for e in shown[2:]] == ["聊城市基层卫生协会成立", "组织实施“十大工程” 我市出台方案——"]
        assert app.browse.article_view.plain.splitlines()[2] == "聊城日报 · 2024-06-21 · A1版"


async def test_the_header_keeps_warnings_in_view_and_help_explains_the_marks(make_app, ready):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        header = app.browse.query_one("#header").render()
        assert str(header).endswith("· ⚠ 1 page(s) with warnings (w)"), str(header)
        await pilot.press("question_mark")
        await pilot.pause()
        widget = app.screen.query_one("#help-marks")
        text = "\n".join(strip.text for strip in widget.render_lines(widget.region.reset_offset))
        assert "≈2025-03-17" in text and "inferred from the page's text" in text
        assert "林晨*" in text and "── A2版 ──" in text
