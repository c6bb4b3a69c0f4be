"""Fixtures for the reader's tests: a hand-made archive, an open_archive stand-in, app builders.

The archive is built by hand (independent of the parser) and indexed by the
real search layer, so the UI is tested on known content end to end.
"""

from __future__ import annotations

import datetime as dt
import asyncio
import threading
from pathlib import Path

import pytest

from liaocheng_tui.archive.model import Archive, Article, ArticleKind, DateSource, Page, Paragraph
from liaocheng_tui.search.errors import Cancelled
from liaocheng_tui.search.service import SearchService

MARKUP_TITLE = "[b]粗体[/b] 与 [link=http://evil.example]链接[/link] 测试"


def _article(title, body, *, reporters=(), correspondents=(), kicker=None, subtitle=None,
             kind=ArticleKind.ARTICLE, subheads=()) -> Article:
    paragraphs = [Paragraph(p) for p in body]
    for i, sub in subheads:
        paragraphs.insert(i, Paragraph(sub, is_subhead=True))
    return Article(title=title, kicker=kicker, subtitle=subtitle, reporters=list(reporters),
                   correspondents=list(correspondents), paragraphs=paragraphs, kind=kind)


def _page(source, paper, date, articles, *, inferred=False, warnings=()) -> Page:
    page = Page(source=source, newspaper=paper, issue_date=date,
                date_source=DateSource.INFERRED if inferred else DateSource.FILENAME,
                articles=articles, warnings=list(warnings))
    for i, a in enumerate(articles):
        a.page, a.index = page, i
    return page


def make_archive() -> Archive:
    """Two papers, four issues (one with an inferred date, one with warnings)."""
    p1 = _page("/arch/lc-2024-06-21-a.txt", "聊城日报", dt.date(2024, 6, 21), [
        _article("科技创新驱动我市经济高质量发展",
                 ["面对设备老化和市场挑战，我们选择了创新和转型。", "技改推动传统产业老树发新芽。"],
                 reporters=["白文斌"]),
        _article("聊城市基层卫生协会成立", ["聊城市基层卫生协会成立暨第一次会员代表大会在东阿县举行。"],
                 reporters=["鞠圣娇"], correspondents=["张凯"]),
        _article("推动大规模设备更新和消费品以旧换新", ["市政府印发了实施方案。", "加快构建政策体系。"],
                 reporters=["林晨", "黄振"], kicker="组织实施“十大工程” 我市出台方案——"),
    ])
    p2 = _page("/arch/lc-2024-12-28.txt", "聊城日报", dt.date(2024, 12, 28), [
        _article("山东省工商联执委会议将在聊城召开", ["大会将在聊城召开，林晨报道。"], reporters=["林晨"],
                 subtitle="时间为2025年1月2日至3日"),
        _article("在荧幕内外弘扬“五老”精神", ["开机仪式的现场。", "老人用三个词表达心声。", "红色基因传下去。"],
                 reporters=["赵琦"], subtitle="——微电影开机仪式现场见闻",
                 subheads=[(1, "▶“五老”精神 与时俱进◀"), (3, "红色基因 时代表达")]),
        _article(None, ["市民在东昌湖畔晨练。（记者 林晨 摄）"], kind=ArticleKind.PHOTO, reporters=["林晨"]),
        _article(MARKUP_TITLE, ["正文含有 [red]标记[/red] 和转义\x1b[31m序列\x07与\u202e反转。"], reporters=["测试员"]),
    ])
    p3 = _page("/arch/dz-2025-03-17.txt", "大众日报", dt.date(2025, 3, 17), [
        _article(None, ["发展新质生产力是推动高质量发展的内在要求。"], kind=ArticleKind.LEAD_IN),
        _article("聊城乡村振兴有能人", ["3月10日上午，位于阳谷的培训基地。"], reporters=["孙亚飞", "高田"],
                 kicker="开展补贴性职业技能培训"),
    ], inferred=True)
    p4 = _page("/arch/dz-2025-07-24.txt", "大众日报", dt.date(2025, 7, 24), [
        _article("聊城产研院助力产业升级", ["记者来到聊城产研院。"], reporters=["苑莘"], correspondents=["赵怀建"]),
    ], warnings=["2 unattributed text block(s)"])
    return Archive(roots=["/arch"], pages=[p1, p2, p3, p4], warnings=["/arch/broken.txt: binary file"])


def fake_opener(archive: Archive | None = None, *, gate: threading.Event | None = None,
                unavailable: type[BaseException] | None = None):
    """An ``open_archive`` stand-in over the hand-made archive, with the real search service.

    Pages are delivered at once; the index waits for ``gate`` if given; with
    ``unavailable`` the search layer fails with that exception after the pages.
    """

    def open_archive(roots: list[Path], *, cache_dir=None, use_cache=True, progress=None,
                     on_archive=None, cancelled=None):
        arch = archive if archive is not None else make_archive()
        if progress:
            for i, _ in enumerate(arch.pages, 1):
                progress("parse", i, len(arch.pages))
        if on_archive:
            on_archive(arch)
        if unavailable is not None:
            raise unavailable("search layer not ready")
        if gate is not None:
            while not gate.wait(0.05):
                if cancelled and cancelled():
                    raise Cancelled()
        service = SearchService.open(arch, use_cache=False,
                                     progress=(lambda d, t: progress("index", d, t)) if progress else None)
        return arch, service

    return open_archive


# --- fixtures ---------------------------------------------------------------------------------
@pytest.fixture
def archive() -> Archive:
    return make_archive()


@pytest.fixture
def make_app(tmp_path):
    """Build the reader on the hand-made archive with the fake search layer."""
    from liaocheng_tui.ui.app import create_app

    def build(archive: Archive | None = None, **opener_kwargs):
        return create_app([tmp_path], cache_dir=tmp_path / "cache", use_cache=False,
                          opener=fake_opener(archive, **opener_kwargs))

    return build


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:
    """Pause the pilot until ``condition()`` holds (or fail after ``timeout`` seconds)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {getattr(condition, '__name__', condition)}")
        await pilot.pause(0.02)
    await pilot.pause()


@pytest.fixture
def ready():
    """``await ready(pilot)``: the archive is shown and the search layer has answered."""

    async def until_ready(pilot, search: bool = True):
        app = pilot.app
        await wait_for(pilot, lambda: app.catalog is not None and app.browse.article_view.article is not None)
        if search:
            await wait_for(pilot, lambda: app.browse.search.status != "indexing")
        await pilot.pause()

    return until_ready


@pytest.fixture
def waiter():
    return wait_for


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run ``async def`` tests in this folder on a fresh event loop (no asyncio plugin needed)."""
    import inspect

    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = pyfuncitem._fixtureinfo.argnames
        kwargs = {name: pyfuncitem.funcargs[name] for name in names}
        asyncio.run(pyfuncitem.obj(**kwargs))
        return True
    return None
