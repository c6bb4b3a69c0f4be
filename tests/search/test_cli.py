"""``lc-reader search``, ``reporters`` and ``index`` on the seeds."""

from __future__ import annotations

import json

from click.testing import CliRunner

from liaocheng_tui.cli import main

FIELDS = {"query", "score", "source", "newspaper", "issue_date", "title", "kicker", "subtitle", "reporters",
          "correspondents", "snippet"}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_search_jsonl_rows_carry_the_fields(seeds_open, cache_root):
    result = run("search", "记者:林晨", "--format", "jsonl", "--cache-dir", str(cache_root / "seeds"))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 4
    for row in rows:
        assert FIELDS <= row.keys()
        assert row["query"] == "记者:林晨" and "林晨" in row["reporters"]


def test_search_table_shows_hits_and_limit(seeds_open, cache_root):
    result = run("search", "技改", "--limit", "2", "--cache-dir", str(cache_root / "seeds"))
    assert result.exit_code == 0, result.output
    assert "hits, best first · showing 2 of" in result.output and "use --limit" in result.output


def test_queries_from_file_one_open_each_row_has_its_query(seeds_open, cache_root, tmp_path):
    queries = tmp_path / "q.txt"
    queries.write_text("技改\n\n聯合\n日期:2024-13-45\n", encoding="utf-8")
    result = run("search", "--queries-from", str(queries), "--format", "jsonl", "--cache-dir", str(cache_root / "seeds"))
    assert result.exit_code == 2  # one bad line
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert {r["query"] for r in rows} == {"技改", "聯合", "日期:2024-13-45"}
    assert any("error" in r and "month 13" in r["error"] for r in rows)


def test_markup_in_query_is_printed_not_obeyed(seeds_open, cache_root):
    result = run("search", "[b]技改[/b]", "--cache-dir", str(cache_root / "seeds"))
    assert result.exit_code == 0
    assert "[b]技改[/b]" in result.output


def test_reporters_jsonl(seeds_open, cache_root):
    result = run("reporters", "--format", "jsonl", "--cache-dir", str(cache_root / "seeds"))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    names = {(r["name"], r["role"]) for r in rows}
    assert ("林晨", "reporter") in names
    row = next(r for r in rows if r["name"] == "林晨")
    assert row["articles"] == 4 and row["first_date"] <= row["last_date"] and row["newspapers"]


def test_index_command_builds_and_rebuilds(seed_copy, tmp_path):
    cache = tmp_path / "c"
    result = run("index", str(seed_copy), "--cache-dir", str(cache))
    assert result.exit_code == 0, result.output
    assert "article(s)" in result.output
    result = run("index", str(seed_copy), "--rebuild", "--cache-dir", str(cache))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    result = run("search", "技改", str(seed_copy), "--no-cache", "--format", "jsonl", "--cache-dir", str(tmp_path / "none"))
    assert result.exit_code == 0 and result.output.strip()
    assert not (tmp_path / "none").exists()


def test_table_snippets_are_clipped_around_the_first_hit() -> None:
    from liaocheng_tui.cli.search_cmds import clip_snippet

    text = "一二三四五六七八九十" * 10
    clipped, spans = clip_snippet(text, [(50, 54)], 20)  # 20 terminal cells: 10 CJK characters
    assert clipped.startswith("…") and clipped.endswith("…") and len(clipped) == 12
    assert [clipped[s:e] for s, e in spans] == [text[50:54]]
    assert clip_snippet("短文本", [(0, 2)]) == ("短文本", [(0, 2)])


def test_search_order_newest_and_oldest_put_hits_in_date_order(tmp_path):
    def dates(order: str) -> list[str]:
        result = CliRunner().invoke(main, ["search", "聊城", "--order", order, "-n", "50", "--format", "jsonl",
                                           "--cache-dir", str(tmp_path)])
        assert result.exit_code == 0, result.output
        return [json.loads(line)["issue_date"] for line in result.output.splitlines() if line.startswith("{")]

    newest, oldest = dates("newest"), dates("oldest")
    assert newest and newest == sorted(newest, reverse=True), newest
    assert oldest == sorted(oldest) and sorted(oldest) == sorted(newest)


WARM_SEARCH = """
import sys
from liaocheng_tui.cli import main
try:
    main(["search", "技改", sys.argv[1], "--cache-dir", sys.argv[2], "--format", "jsonl"])
except SystemExit as stop:
    assert not stop.code, stop.code
loaded = ("jieba", "textual", "liaocheng_tui.archive.loader", "liaocheng_tui.archive.parser", "liaocheng_tui.similar",
          "liaocheng_tui.ui", "rich.console")
print("loaded:" + ",".join(m for m in loaded if m in sys.modules), file=sys.stderr)
"""


def test_a_warm_search_loads_neither_the_parser_nor_jieba_nor_the_ui(seed_copy, tmp_path):
    """A start with nothing changed reads the store and the index: the parser and jieba's dictionary
    are what a changed page needs, the UI what the reader needs, rich what a terminal needs."""
    import os
    import subprocess
    import sys

    from liaocheng_tui.cli.search_cmds import TERMINAL_ENV

    cache = tmp_path / "cache"
    assert run("search", "技改", str(seed_copy), "--cache-dir", str(cache), "--format", "jsonl").exit_code == 0
    env = {k: v for k, v in os.environ.items() if k not in TERMINAL_ENV}  # stderr is a pipe, and says so
    proc = subprocess.run([sys.executable, "-c", WARM_SEARCH, str(seed_copy), str(cache)],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["query"] for line in proc.stdout.splitlines()][:1] == ["技改"]
    assert "loaded:\n" in proc.stderr, proc.stderr
