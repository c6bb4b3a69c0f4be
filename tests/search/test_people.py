"""Reporter and correspondent queries on the seeds give exactly the annotated articles; people stats."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from liaocheng_tui.archive.people import CORRESPONDENT, REPORTER, people_stats

ANNOTATIONS = Path(__file__).resolve().parent.parent / "annotations"


def _lead(text: str) -> str:
    """How an untitled item is named in the comparison: its first six non-space characters."""
    return "~" + "".join(text.split())[:6]


def annotated() -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(role, name) -> {(file stem, title)} from the hand annotation of the seeds."""
    wanted: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for path in sorted(ANNOTATIONS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["articles"]:
            key = (path.stem, item.get("title") or _lead(item.get("body_start") or ""))
            for name in item.get("reporters", []):
                wanted[("reporter", name)].add(key)
            for name in item.get("correspondents", []):
                wanted[("correspondent", name)].add(key)
    return wanted


WANTED = annotated()


def got(service, query) -> set[tuple[str, str]]:
    out = set()
    for hit in service.search(query, limit=None).hits:
        a = hit.article
        out.add((Path(a.page.source).stem, a.title or _lead(a.body)))
    return out


@pytest.mark.skipif(not WANTED, reason="no annotations")
@pytest.mark.parametrize("role,name", sorted(WANTED))
def test_exact_result_set_for_each_name(seeds_open, role, name):
    _, service = seeds_open
    field = "记者" if role == "reporter" else "通讯员"
    expected = WANTED[(role, name)]
    assert got(service, f"{field}:{name}") == expected
    assert expected <= got(service, name)  # a bare name finds them too


def test_people_stats_from_built_archive(made):
    archive, _ = made
    rows = {(r.name, r.role): r for r in people_stats(archive)}
    lin = rows[("林晨", REPORTER)]
    assert lin.article_count == 2 and lin.newspapers == ["聊城日报"]
    assert str(lin.first) == "2024-06-20" and str(lin.last) == "2024-06-20"
    assert rows[("俞建华", REPORTER)].article_count == 1
    assert rows[("俞建华", CORRESPONDENT)].article_count == 1
    assert rows[("张凯", CORRESPONDENT)].first is None
    assert rows[("张伟", REPORTER)].newspapers == ["大众日报"]
    ordered = people_stats(archive)
    assert ordered[0].name == "林晨"


def test_people_stats_on_seeds_match_annotations(seeds_open):
    archive, _ = seeds_open
    rows = {(r.role, r.name): r.article_count for r in people_stats(archive)}
    assert rows == {key: len(v) for key, v in WANTED.items()}
