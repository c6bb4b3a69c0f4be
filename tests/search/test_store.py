"""The article store gives back exactly the pages it was given, and answers the reader's questions in SQL."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from liaocheng_tui.archive.loader import load_archive
from liaocheng_tui.search.errors import CacheProblem
from liaocheng_tui.search.schema import letters_key
from liaocheng_tui.search.store import ArticleStore
from liaocheng_tui.seeds import seeds_dir


@pytest.fixture(scope="module")
def seed_pages():
    return load_archive([seeds_dir()]).pages


@pytest.fixture
def store(tmp_path, seed_pages):
    s = ArticleStore(tmp_path / "store.sqlite")
    with s.transaction():
        for i, page in enumerate(seed_pages):
            s.put_page(page, size=i, mtime_ns=i, sha1=f"sha{i}", digest=f"d{i}")
        s.refresh_people()
    yield s
    s.close()


def test_every_page_comes_back_equal_field_for_field(store, seed_pages):
    for page in seed_pages:
        back = store.page(page.source)
        assert back == page, page.name
        assert [a.id for a in back.articles] == [a.id for a in page.articles], page.name
    streamed = list(store.iter_pages(batch=2))
    assert sorted(p.source for p in streamed) == sorted(p.source for p in seed_pages)
    dates = [p.issue_date for p in streamed]
    assert dates == sorted(dates, key=lambda d: (d is None, d or dt.date.min))


def test_a_non_utf8_file_name_round_trips(tmp_path, seed_pages):
    import copy
    import os

    page = copy.deepcopy(seed_pages[0])
    page.source = os.fsdecode(b"/archive/\xff\xfe.txt")
    for i, article in enumerate(page.articles):
        article.page, article.index = page, i
    s = ArticleStore(tmp_path / "s.sqlite")
    with s.transaction():
        s.put_page(page, size=1, mtime_ns=1, sha1="x", digest="y")
    assert list(s.files()) == [page.source]
    assert s.page(page.source) == page
    assert os.fsencode(next(s.iter_pages()).source) == b"/archive/\xff\xfe.txt"
    s.close()


def test_articles_by_id_and_substring_check(store, seed_pages):
    wanted = [a.id for p in seed_pages for a in p.articles][::5]
    got = store.articles(wanted)
    assert sorted(got) == sorted(wanted)
    for page in seed_pages:
        for article in page.articles:
            if article.id in got:
                assert got[article.id] == article, article.id
                assert got[article.id].page.issue_date == page.issue_date
    every = [letters_key(a.id) for p in seed_pages for a in p.articles]
    holders = {letters_key(a.id) for p in seed_pages for a in p.articles if "技改" in a.body}
    assert holders and store.holding("body_bg", every, "技改") == holders
    titled = {letters_key(a.id) for p in seed_pages for a in p.articles if "聊城" in (p.newspaper or "")}
    assert titled and store.holding("paper_bg", every, "聊城") == titled  # a field without letters: from its text


def test_issue_tree_and_people_come_from_one_query_each(store, seed_pages):
    issues = store.issues()
    assert sum(i.articles for i in issues) == sum(len(p.articles) for p in seed_pages)
    assert sorted((i.newspaper or "", i.issue_date or dt.date.min, i.undated or "") for i in issues) == sorted(
        {(p.newspaper or "", p.issue_date or dt.date.min, "" if p.issue_date else p.source) for p in seed_pages}
    )
    for issue in issues:
        pages = store.issue_pages(issue.newspaper, issue.issue_date, issue.undated)
        assert (len(pages), sum(len(p.articles) for p in pages)) == (issue.pages, issue.articles), issue
        assert issue.warned_pages == sum(1 for p in pages if p.warnings), issue
    from liaocheng_tui.archive.model import Archive
    from liaocheng_tui.archive.people import people_stats

    expected = {(r.name, r.role): r for r in people_stats(Archive(roots=[], pages=list(seed_pages)))}
    rows = store.people()
    assert {(r.name, r.role) for r in rows} == set(expected)
    for row in rows:
        want = expected[(row.name, row.role)]
        assert (row.article_count, row.first, row.last, set(row.papers)) == (
            want.article_count, want.first, want.last, set(want.newspapers)), row.name
    assert {r.name for r in store.people("林")} == {n for n, _ in expected if n.startswith("林")}


def test_a_failed_transaction_leaves_the_last_committed_state(store, seed_pages):
    before = store.article_count()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.remove([seed_pages[0].source])
            raise RuntimeError("crash in the middle")
    assert store.article_count() == before
    assert store.page(seed_pages[0].source) == seed_pages[0]


def test_a_garbled_store_is_a_cache_problem(tmp_path, seed_pages):
    path = tmp_path / "store.sqlite"
    s = ArticleStore(path)
    with s.transaction():
        s.put_page(seed_pages[0], size=1, mtime_ns=1, sha1="x", digest="y")
    s.close()
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CacheProblem, match="damaged"):
        ArticleStore(path)


def test_a_store_locked_by_another_first_open_is_waited_for_never_rebuilt(tmp_path, monkeypatch):
    """Two lc-readers creating one store: SQLite answers "database is locked" at once to one of
    them (waiting could deadlock). That is not damage: the open waits and tries again, and a
    store that stays locked raises StoreBusy — never the CacheProblem that has it rebuilt."""
    from liaocheng_tui.search import store_open as store_mod

    real = ArticleStore._connect
    failures = {"left": 3}

    def sometimes_locked(self, path, readonly):
        if failures["left"]:
            failures["left"] -= 1
            raise sqlite3.OperationalError("database is locked")
        return real(self, path, readonly)

    monkeypatch.setattr(store_mod, "OPEN_RETRY_S", 0.0)
    monkeypatch.setattr(ArticleStore, "_connect", sometimes_locked)
    opened = ArticleStore(tmp_path / "store.sqlite")
    assert failures["left"] == 0 and opened.page_count() == 0
    opened.close()

    def always_locked(self, path, readonly):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(ArticleStore, "_connect", always_locked)
    with pytest.raises(store_mod.StoreBusy):
        ArticleStore(tmp_path / "store.sqlite")
    assert (tmp_path / "store.sqlite").exists(), "a locked store was removed"
