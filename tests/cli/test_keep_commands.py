"""``lc-reader history``, ``bookmarks``, ``cite`` and ``export --query`` on the seeds."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from liaocheng_tui.cli import main
from liaocheng_tui.cite import citation
from liaocheng_tui.search.service import open_search
from liaocheng_tui.seeds import seeds_dir
from liaocheng_tui.userdata.keys import ArticleKey, Snapshot
from liaocheng_tui.userdata.store import UserStore


def run(*args, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == code, (args, result.output)
    return result.output


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def service(cache):
    opened = open_search([seeds_dir()], cache_dir=__import__("pathlib").Path(cache))
    yield opened
    opened.close()


def test_history_lists_visits_and_clear_empties_it_keeping_bookmarks(tmp_path):
    store = UserStore(tmp_path)
    snap = Snapshot("推动大规模设备更新和消费品以旧换新", "聊城日报", None, False, "A2", "林晨 黄振")
    key = ArticleKey("abc", "t", 0, "/p.txt")
    store.record_visit(key, snap)
    store.toggle_bookmark(key, snap)
    store.close()
    listed = run("history", "--data-dir", str(tmp_path), "--format", "jsonl")
    rows = [json.loads(line) for line in listed.splitlines()]
    assert [r["title"] for r in rows] == [snap.title] and rows[0]["names"] == ["林晨", "黄振"]
    assert snap.title in run("history", "--data-dir", str(tmp_path))
    run("history", "--clear", "--data-dir", str(tmp_path))
    assert run("history", "--data-dir", str(tmp_path), "--format", "jsonl") == ""
    assert snap.title in run("bookmarks", "--data-dir", str(tmp_path)), "bookmarks survive clearing the history"


@pytest.mark.parametrize("style", ["plain", "gbt7714"])
def test_cite_prints_one_citation_per_article_the_query_finds(style, cache, service):
    output = run("cite", "记者:林晨", "--style", style, "--order", "oldest", "--cache-dir", cache)
    expected = [citation(h.article, style) for h in service.search("记者:林晨", limit=None, order="oldest").hits]
    assert output.splitlines() == expected and len(expected) == 4


def test_cite_with_a_bad_query_says_why_and_exits_2(cache):
    assert "error:" in run("cite", "林晨 AND (", "--cache-dir", cache, code=2)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "md"])
def test_export_query_writes_every_matching_article(fmt, cache, service):
    wanted = service.article_ids("聊城")
    output = run("export", "--query", "聊城", "--format", fmt, "--cache-dir", cache)
    if fmt == "jsonl":
        records = [json.loads(line) for line in output.splitlines()]
    elif fmt == "json":
        records = json.loads(output)
    elif fmt == "csv":
        records = list(csv.DictReader(io.StringIO(output)))
    else:
        records = [line for line in output.splitlines() if line.startswith("## ")]
    assert len(records) == len(wanted) > 20, (fmt, len(records), len(wanted))
    if fmt != "md":
        dates = [r["issue_date"] or "9999" for r in records]
        assert dates == sorted(dates), "issue order"


def test_export_query_with_a_bad_query_exits_2(cache):
    assert "error:" in run("export", "--query", "日期:2024-13-45", "--cache-dir", cache, code=2)
