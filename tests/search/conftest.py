"""Fixtures for the search tests: isolated cache folders, the seeds' service, hand-built archives."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from liaocheng_tui.archive.model import Archive, Article, ArticleKind, DateSource, Page, Paragraph
from liaocheng_tui.seeds import seeds_dir


@pytest.fixture(scope="session")
def cache_root(tmp_path_factory) -> Path:
    """One cache root per test session, so jieba's dictionary cache is built once."""
    root = tmp_path_factory.mktemp("lc-cache")
    return root


@pytest.fixture(autouse=True)
def _isolated_cache(monkeypatch, cache_root):
    monkeypatch.setenv("LC_READER_CACHE", str(cache_root))


@pytest.fixture(scope="session")
def seeds_open(cache_root):
    from tests.support.opened import opened_archive

    archive, service = opened_archive([seeds_dir()], cache_dir=cache_root / "seeds")
    yield archive, service
    service.close()


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """The five seed pages copied into a folder the test may change."""
    folder = tmp_path / "archive"
    shutil.copytree(seeds_dir(), folder)
    return folder


def page(source: str, date: str | None, articles: list[Article], newspaper: str = "聊城日报") -> Page:
    p = Page(
        source=source,
        newspaper=newspaper,
        issue_date=dt.date.fromisoformat(date) if date else None,
        date_source=DateSource.FILENAME if date else DateSource.UNKNOWN,
    )
    for i, a in enumerate(articles):
        a.page = p
        a.index = i
    p.articles = articles
    return p


def article(title: str | None, *paragraphs: str, reporters=(), correspondents=(), kicker=None, subtitle=None,
            kind=ArticleKind.ARTICLE) -> Article:
    byline = None
    if reporters or correspondents:
        byline = "本报讯（" + " ".join(
            [f"记者 {' '.join(reporters)}"] * bool(reporters) + [f"通讯员 {' '.join(correspondents)}"] * bool(correspondents)
        ) + "）"
    return Article(
        title=title,
        kicker=kicker,
        subtitle=subtitle,
        reporters=list(reporters),
        correspondents=list(correspondents),
        paragraphs=[Paragraph(t) for t in paragraphs],
        kind=kind,
        byline=byline,
    )


def build_archive(pages: list[Page]) -> Archive:
    return Archive(roots=["/constructed"], pages=pages)


@pytest.fixture(scope="module")
def made():
    """A small hand-built archive whose every expected hit is known, indexed in memory."""
    from liaocheng_tui.search.service import SearchService

    pages = [
        page("/constructed/lcrb_2024-06-20.txt", "2024-06-20", [
            article("聊城市基层卫生协会成立", "6月19日，聊城市基层卫生协会成立暨第一次会员代表大会召开。",
                    "协会将推动基层卫生事业发展。", reporters=["俞建华"], correspondents=["王芳"]),
            article("高唐县技改项目复产", "新泉林控股集团纸机项目完成技改，成功复产。", "企业引进光氯化生产工艺。",
                    reporters=["林晨"]),
            article("城市因音乐更美好", "婉转动听的旋律、满眼聊城美景美食的MV……", "[b]红色[/b] 标记照原样印出。",
                    reporters=["林晨", "白文斌"], kicker="两河之约 律动水城", subtitle="——原创音乐作品征集颁奖典礼侧记"),
        ]),
        page("/constructed/lcrb_2024-06-28.txt", "2024-06-28", [
            article("聯合執法檢查", "市場監管部門聯合開展檢查。", reporters=["孙亚飞"]),
            article("卫生城市复审", "卫生工作基层化，城市管理精细化。", "基层工作和卫生工作分开出现。", correspondents=["俞建华"]),
            article(None, "图为工人们正在调试设备。", kind=ArticleKind.PHOTO, reporters=["赵琦"]),
        ]),
        page("/constructed/dzrb_2024-07-02.txt", "2024-07-02", [
            article("联合发布新规", "三部门联合发布，ABC公司与xyz研究院参加；编号2024-0815。", reporters=["张伟"]),
            article("标题里没有的词", "正文提到高唐县和技改。", "第二段谈聊城日报。", reporters=["岳耀军"]),
        ], newspaper="大众日报"),
        page("/constructed/undated.txt", None, [
            article("无日期稿件", "这一页没有日期，只有文字：东阿阿胶。", correspondents=["张凯"]),
        ]),
    ]
    archive = build_archive(pages)
    service = SearchService.open(archive, use_cache=False)
    yield archive, service
    service.close()


@pytest.fixture
def mk():
    """The builders above, for tests that make their own archive."""
    from types import SimpleNamespace

    return SimpleNamespace(page=page, article=article, archive=build_archive)
