"""Malformed queries: one line saying what is wrong, never a traceback; the CLI exits 2."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from liaocheng_tui.search.errors import QueryError
from liaocheng_tui.search.query import QueryBuilder

BAD = {
    '"基层卫生': "quote",
    '基层 "卫生" "': "quote",
    "(基层 OR 卫生": "parenthesis",
    "基层 卫生)": "parenthesis",
    "日期:[2024-06-01 to 2024-06-30": "bracket",
    "记者:": "记者:",
    "记者: 林晨": "记者:",
    "reporter:": "reporter:",
    "日期:2024-13-45": "month 13",
    "date:2024-02-30": "no day 30",
    "日期:2024-06-30..2024-06-01": "ends before",
    "": "empty",
    "   ": "empty",
    "，。！": "nothing to search",
    "-技改": "nothing to search",
    "OR 技改": "OR",
    "技改 AND": "AND",
    "类型:视频": "kind",
    "标题:[a to b]": "日期",
}


@pytest.mark.parametrize("query,needle", list(BAD.items()))
def test_malformed_query_gives_one_line(query, needle):
    with pytest.raises(QueryError) as info:
        QueryBuilder().parse(query)
    message = str(info.value)
    assert "\n" not in message and message
    assert needle in message


@pytest.mark.parametrize("query", ['"基层卫生', "记者:", "日期:2024-13-45", "，。", "(技改"])
def test_service_raises_query_error(made, query):
    _, service = made
    with pytest.raises(QueryError):
        service.search(query)
    with pytest.raises(QueryError):
        service.highlight_spans(service.search("技改").hits[0].article, query)


@pytest.mark.parametrize("query", ['"基层卫生', "记者:", "日期:2024-13-45", "", "(技改"])
def test_cli_exits_2_with_one_line(seeds_open, cache_root, query):
    from liaocheng_tui.cli import main

    result = CliRunner().invoke(main, ["search", query, "--cache-dir", str(cache_root / "seeds")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1


def test_good_queries_do_not_raise():
    b = QueryBuilder()
    for q in ["聊城", '"聊城 日报"', "记者:林晨 2024", "日期:2024-06", "a:b", "10:30", "http://x.cn", "[b]红[/b]",
              "date:2024-06-01..2024-06-30", "(a OR b) -c", "技改，成功", "《聊城日报》", "2024-06"]:
        b.parse(q)
