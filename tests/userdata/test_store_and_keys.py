"""The user's data store and article keys: what is kept survives a re-index, a moved file, a
parser that reads the page otherwise, and a restart; what left the archive is reported gone."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from liaocheng_tui.archive.loader import load_archive
from liaocheng_tui.search.shelf import MemoryShelf
from liaocheng_tui.seeds import seeds_dir
from liaocheng_tui.userdata.keeper import Keeper
from liaocheng_tui.userdata.keys import ArticleKey, Snapshot, find, key_of
from liaocheng_tui.userdata.store import UserDataProblem, UserStore

SNAP = Snapshot("标题", "聊城日报", dt.date(2024, 6, 21), False, "A2", "林晨")


@pytest.fixture
def papers(tmp_path) -> Path:
    folder = tmp_path / "papers"
    shutil.copytree(seeds_dir(), folder)
    return folder


def _shelf(folder: Path) -> MemoryShelf:
    return MemoryShelf(load_archive([folder]))


def test_a_key_finds_its_article_after_the_file_moves_and_after_a_reparse(papers, tmp_path):
    shelf = _shelf(papers)
    articles = [a for p in shelf.archive.pages for a in p.articles]
    keys = [key_of(a, shelf.page_sha1(a.page.source)) for a in articles]
    moved = tmp_path / "elsewhere"
    papers.rename(moved)
    again = _shelf(moved)  # a new parse: new Article objects, new paths
    for article, key in zip(articles, keys):
        found = find(key, again)
        assert found is not None and found.heading == article.heading and found.body == article.body, article.heading


def test_a_retitled_article_is_found_at_its_place_and_an_edited_file_by_its_title(papers):
    shelf = _shelf(papers)
    article = shelf.archive.pages[0].articles[2]
    sha1 = shelf.page_sha1(article.page.source)
    retitled = ArticleKey(sha1, "a title a parser upgrade no longer reads", article.index, article.page.source)
    assert find(retitled, shelf) is article
    path = Path(article.page.source)
    path.write_text(path.read_text(encoding="utf-8") + "\n补记。\n", encoding="utf-8")
    edited = _shelf(papers)  # the bytes changed: the page at the same path, by title
    found = find(key_of(article, sha1), edited)
    assert found is not None and found.title == article.title


def test_an_article_gone_from_the_archive_is_not_found(papers):
    shelf = _shelf(papers)
    article = shelf.archive.pages[0].articles[0]
    key = key_of(article, shelf.page_sha1(article.page.source))
    Path(article.page.source).unlink()
    assert find(key, _shelf(papers)) is None


def test_bookmarks_toggle_take_notes_and_filter(tmp_path):
    store = UserStore(tmp_path)
    key = ArticleKey("abc", "标题", 0, "/x/a.txt")
    assert store.toggle_bookmark(key, SNAP) is True
    entry = store.bookmark_of(key)
    assert entry is not None and entry.snapshot == SNAP
    store.set_note(entry.id, "  待核实 ")
    assert [b.note for b in store.bookmarks()] == ["待核实"]
    assert len(store.bookmarks("林晨")) == 1 and len(store.bookmarks("待核")) == 1 and store.bookmarks("王伟") == []
    assert len(store.bookmarks("a2")) == 1, "the filter folds case"
    moved = ArticleKey("abc", "标题", 3, "/y/b.txt")  # the same file's bytes, elsewhere, the item moved on the page
    assert store.bookmark_of(moved) is not None
    assert store.toggle_bookmark(moved, SNAP) is False and store.bookmarks() == []


def test_history_keeps_one_entry_per_visit_newest_first_and_clears(tmp_path):
    store = UserStore(tmp_path)
    a, b = ArticleKey("a", "甲", 0, "/a"), ArticleKey("b", "乙", 0, "/b")
    assert store.record_visit(a, SNAP) and not store.record_visit(a, SNAP), "a second showing in a row"
    store.record_visit(b, replace(SNAP, title="乙"))
    store.record_visit(a, SNAP)
    assert [e.key.sha1 for e in store.history()] == ["a", "b", "a"]
    store.toggle_bookmark(b, SNAP)
    assert store.clear_history() == 3 and store.history() == []
    assert len(store.bookmarks()) == 1, "clearing the history keeps bookmarks"


def test_what_is_kept_survives_reopening(tmp_path):
    store = UserStore(tmp_path)
    key = ArticleKey("abc", "标题", 0, "/x/\udcff.txt")  # a name's undecodable byte survives too
    store.toggle_bookmark(key, SNAP)
    store.record_visit(key, SNAP)
    store.set_state("theme", {"theme": "nord"})
    store.close()
    again = UserStore(tmp_path)
    assert [b.key for b in again.bookmarks()] == [key]
    assert [h.key for h in again.history()] == [key]
    assert again.get_state("theme") == {"theme": "nord"}


def test_an_unusable_data_folder_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UserDataProblem) as caught:
        UserStore(blocker / "data")
    assert "\n" not in str(caught.value) and "not kept" in str(caught.value)


def test_the_last_position_is_per_archive_and_found_again(papers, tmp_path):
    store = UserStore(tmp_path / "data")
    shelf = _shelf(papers)
    article = shelf.archive.pages[1].articles[3]
    keeper = Keeper(store, shelf, [str(papers)])
    keeper.save_position(article, 12.0)
    found = Keeper(store, _shelf(papers), [str(papers)]).last_position()
    assert found is not None and found[0].heading == article.heading and found[1] == 12.0
    assert Keeper(store, shelf, ["/another/archive"]).last_position() is None


def test_a_bookmarked_article_is_marked_after_a_reparse(papers, tmp_path):
    store = UserStore(tmp_path / "data")
    shelf = _shelf(papers)
    article = shelf.archive.pages[2].articles[1]
    Keeper(store, shelf, [str(papers)]).toggle_bookmark(article)
    again = _shelf(papers)
    keeper = Keeper(store, again, [str(papers)])
    marked = [a.heading for p in again.archive.pages for a in p.articles if keeper.is_bookmarked(a)]
    assert marked == [article.heading]
    assert hashlib.sha1(Path(article.page.source).read_bytes()).hexdigest() == store.bookmarks()[0].key.sha1


@pytest.mark.parametrize("damage", ["not a database", "truncated"])
def test_a_damaged_data_file_is_set_aside_not_deleted_and_a_new_one_started(tmp_path, damage):
    store = UserStore(tmp_path)
    for i in range(200):
        store.record_visit(ArticleKey(f"s{i}", "标题", i, "/a"), SNAP)
    store.close()
    path = tmp_path / "user.sqlite"
    data = path.read_bytes()
    path.write_bytes(b"garbage " * 64 if damage == "not a database" else data[: len(data) // 2])
    again = UserStore(tmp_path)
    kept = sorted(p.name for p in tmp_path.iterdir() if ".damaged-" in p.name)
    assert kept and again.notice and kept[0] in again.notice and "\n" not in again.notice
    assert again.history() == [] and again.toggle_bookmark(ArticleKey("x", "t", 0, "/x"), SNAP)
