"""Names printed without a role take the role the archive prints them with elsewhere
(an archive-wide pass after parsing), else reporter; the export says which roles were
printed."""

from __future__ import annotations

from pathlib import Path

from liaocheng_tui.archive.loader import load_archive, parse_page
from liaocheng_tui.archive.model import Archive
from liaocheng_tui.archive.people import assign_roles
from liaocheng_tui.export import article_record

PRINTED = "本报讯（记者 韩雪 通讯员 孙亚飞）6月3日，全市夏粮收购工作会议召开。\n\n全市夏粮收购工作会议召开\n"
UNPRINTED = "6月4日，市民在广场上观看民俗表演。（孙亚飞 高田）\n\n民俗表演进广场\n"


def archive_of(*texts: str) -> Archive:
    archive = Archive(roots=["x"])
    archive.pages = [parse_page(text, f"page{i}.txt") for i, text in enumerate(texts)]
    return archive


def test_roleless_name_takes_the_role_printed_elsewhere() -> None:
    archive = archive_of(PRINTED, UNPRINTED)
    credited = archive.pages[1].articles[0]
    assert (credited.reporters, credited.correspondents) == (["孙亚飞", "高田"], []), "parsed alone: reporters"
    assert assign_roles(archive) == 1
    assert (credited.reporters, credited.correspondents) == (["高田"], ["孙亚飞"])
    assert credited.credits == [
        {"name": "高田", "role": "reporter", "printed": False},
        {"name": "孙亚飞", "role": "correspondent", "printed": False},
    ]


def test_printed_roles_are_never_changed() -> None:
    archive = archive_of(PRINTED, "本报讯（记者 孙亚飞）6月5日，展会开幕。\n\n展会开幕\n", UNPRINTED)
    assert assign_roles(archive) == 0  # 孙亚飞 is printed once as each: the default (reporter) stands
    first = archive.pages[0].articles[0]
    assert (first.reporters, first.correspondents) == (["韩雪"], ["孙亚飞"])


def test_load_archive_runs_the_pass_and_export_lists_credits(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PRINTED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNPRINTED, encoding="utf-8")
    archive = load_archive([tmp_path])
    records = {Path(r["source"]).name: r for r in (article_record(a) for a in archive.articles)}
    assert records["b.txt"]["correspondents"] == ["孙亚飞"]
    assert records["b.txt"]["credits"] == [
        {"name": "高田", "role": "reporter", "printed": False},
        {"name": "孙亚飞", "role": "correspondent", "printed": False},
    ]
    assert records["a.txt"]["credits"] == [
        {"name": "韩雪", "role": "reporter", "printed": True},
        {"name": "孙亚飞", "role": "correspondent", "printed": True},
    ]
