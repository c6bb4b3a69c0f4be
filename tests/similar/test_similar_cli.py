"""``lc-reader similar`` and ``lc-reader duplicates`` on the seeds."""

from __future__ import annotations

import json

from click.testing import CliRunner

from liaocheng_tui.cli import main
from tests.similar.drafts import REWRITES

FIELDS = {"verdict", "score", "source", "issue_date", "newspaper", "title", "reporters", "evidence"}
EVIDENCE = {"people", "places", "orgs", "dates", "numbers", "words", "passages"}


def run(*args, stdin=None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def test_similar_jsonl_rows_carry_verdict_score_and_evidence(seeds_service, similar_cache, tmp_path) -> None:
    source, text = REWRITES[2]
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    result = run("similar", str(draft), "--format", "jsonl", "--limit", "3", "--cache-dir", str(similar_cache / "seeds"))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert 1 <= len(rows) <= 3, result.output
    for row in rows:
        assert FIELDS <= row.keys(), row.keys()
        assert EVIDENCE == row["evidence"].keys(), row["evidence"].keys()
    top = rows[0]
    assert top["verdict"] == "same event" and top["source"].endswith(source.split("#")[0]), top
    assert top["title"] == "聊城消防救援力量支援涿州" and top["reporters"] == ["张琪"], top
    assert top["issue_date"] == "2023-08-07" and top["newspaper"] == "聊城日报", top
    numbers = {n["key"]: n for n in top["evidence"]["numbers"]}
    assert "73名" in numbers and numbers["73名"]["draft_spans"], numbers.keys()
    span = top["evidence"]["passages"][0]["draft_span"]
    assert text[span[0]:span[1]] == top["evidence"]["passages"][0]["text"]


def test_similar_reads_stdin_and_its_table_fits_80_columns(seeds_service, similar_cache) -> None:
    _source, text = REWRITES[0]
    result = run("similar", "-", "--cache-dir", str(similar_cache / "seeds"), stdin=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert "same event" in result.output and "去年聊城房地产业" in result.output.replace("\n", "").replace("│", "")
    from rich.cells import cell_len

    widest = max(cell_len(line) for line in result.output.splitlines())
    assert widest <= 80, f"a line is {widest} columns"


def test_similar_on_an_unreadable_file_says_so_in_one_line(similar_cache, tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["similar", str(empty), "--cache-dir", str(similar_cache / "seeds")])
    assert result.exit_code == 1 and "cannot read" in result.output and "empty" in result.output, result.output


def test_duplicates_lists_a_repost_group(seed_copy, tmp_path) -> None:
    body = "　　8月2日，聊城市消防救援支队集结抗洪抢险救援专业编队73名指战员、12辆消防车跨区域增援河北涿州，" \
           "3日8时30分左右抵达涿州市双馨佳园小区，转移疏散被困人员。积水严重的地方水深达到1.5米。"
    for name, title in (("lcrb_2023-08-08_02.txt", "聊城消防驰援涿州"), ("dzrb_2023-08-09_05.txt", "聊城消防驰援河北涿州")):
        (seed_copy / name).write_text(f"{title}\n　　本报记者 于涛\n{body}\n", encoding="utf-8")
    result = run("duplicates", str(seed_copy), "--format", "jsonl", "--cache-dir", str(tmp_path / "cache"))
    assert result.exit_code == 0, result.output
    groups = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    titles = [{a["title"] for a in g["articles"]} for g in groups]
    assert {"聊城消防驰援涿州", "聊城消防驰援河北涿州"} <= set().union(*titles), titles
    table = run("duplicates", str(seed_copy), "--cache-dir", str(tmp_path / "cache"))
    assert "聊城消防驰援" in table.output and "group(s)" in table.output, table.output


def test_markup_and_escape_codes_in_a_draft_never_reach_the_terminal(seeds_service, similar_cache) -> None:
    _source, text = REWRITES[2]
    draft = "[b]涿州[/b]\x1b[31m" + text
    for fmt in ("table", "jsonl"):
        result = run("similar", "-", "--format", fmt, "--cache-dir", str(similar_cache / "seeds"),
                     stdin=draft.encode("utf-8"))
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output, fmt
        assert "same event" in result.output, fmt


def test_the_help_names_the_thresholds_the_scorer_uses() -> None:
    from liaocheng_tui.similar.scoring import RELATED_MIN_SCORE, SAME_EVENT_MIN_SCORE

    result = run("similar", "--help")
    assert f"(score ≥ {SAME_EVENT_MIN_SCORE})" in result.output and f"(≥ {RELATED_MIN_SCORE})" in result.output
