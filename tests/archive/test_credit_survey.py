"""Credit formats met on real pages (tests/archive/credit_survey.csv), each printed in
every export style the seeds show, parse to the expected items field by field.

The pages are composed by tests/support/credit_pages.py from the survey rows; a fifth
of the rows is held out (tests/archive/heldout/, scored by benchmarks/score_credits.py)
and no rule is written against them: here they are only checked for losing nothing.
"""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest

from liaocheng_tui.archive.cjk import squeeze
from liaocheng_tui.archive.loader import parse_page

from support.credit_pages import (
    HELD_OUT_FOLDER,
    STYLES,
    SURVEY,
    expectation,
    held_out_pages,
    load_rows,
    pages_for,
    split_rows,
)

TUNED, HELD = split_rows()
PAGES = {p.name: p for p in pages_for(TUNED, "")}
FIELDS = ("kind", "title", "reporters", "correspondents", "credits", "body_start", "body_end")

# What the parser still gets wrong, by page (the reason says which class).
PHOTO_CREDIT_LINES = (
    "a photo credit on lines of its own under a caption (■ 本报记者 X / 本报通讯员 Y), followed by text "
    "with no credit of its own or by a headline, is read as the byline of what follows"
)
CAPTION_OR_LEAD_IN = (
    "a photo credit wrapped onto a line of its own (□聊城日报全媒体记者 X 通讯员 Y) above a dateline without "
    "a credit reads like 大众日报's byline over its dateline: the caption above is taken for a lead-in"
)
KNOWN_WRONG: dict[str, str] = {
    **{
        name: PHOTO_CREDIT_LINES
        for name in ("s33_feature-credit-first", "s32_dazhong-columns", "s47_dazhong-columns")
    },
    "s52_pdf-body-then-headline": CAPTION_OR_LEAD_IN,
}


def observed(article) -> dict:
    body = squeeze(article.body)
    return {
        "kind": article.kind.value,
        "title": article.title,
        "reporters": article.reporters,
        "correspondents": article.correspondents,
        "credits": article.credits,
        "body_start": body[:12],
        "body_end": body[-12:],
    }


def problems_of(name: str, text: str, want: dict) -> list[str]:
    page = parse_page(text, f"{name}.txt")
    got = [observed(a) for a in page.articles]
    items = want["articles"]
    problems = []
    if len(got) != len(items):
        problems.append(f"{len(got)} items, expected {len(items)}: {[g['title'] or g['body_start'] for g in got]}")
    for i, (g, w) in enumerate(zip(got, items)):
        for key in FIELDS:
            if g[key] != w[key]:
                problems.append(f"item {i} ({w['title'] or w['body_start']}) {key}: got {g[key]!r}, want {w[key]!r}")
    if page.issue_date is not None and page.issue_date.isoformat() != want["issue_date"]:
        problems.append(f"dated {page.issue_date}, want {want['issue_date']}")
    return problems


def test_survey_covers_the_sources_and_placements() -> None:
    rows = load_rows()
    with SURVEY.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == ["id", "class", "pattern", "where", "source", "region", "articles", "example"]
    assert len({r.id for r in rows}) == len(rows) >= 50
    assert sum(r.articles for r in rows if r.region == "liaocheng") >= 50
    assert len({r.source for r in rows}) >= 5
    wheres = {r.where.split("+")[0] for r in rows}
    assert {"lead", "top", "trailing-bracket", "trailing-line", "photo-inline", "photo-line"} <= wheres
    assert len(HELD) == len(rows) // 5 and not {r.id for r in HELD} & {r.id for r in TUNED}


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[n])) if n in KNOWN_WRONG else n for n in PAGES],
)
def test_survey_page_parses_to_expectation(name: str) -> None:
    page = PAGES[name]
    problems = problems_of(name, page.text, expectation(page))
    assert not problems, f"{name} (rows {page.rows}):\n  " + "\n  ".join(problems) + "\n--- text ---\n" + page.text


def test_every_row_is_printed_in_every_style() -> None:
    for row in TUNED:
        styles = {name.split("_", 1)[1] for name in PAGES if name.startswith(f"{row.id}_")}
        assert styles == {s.name for s in STYLES}, row.id


def _lossless(name: str, text: str) -> None:
    page = parse_page(text, f"{name}.txt")
    got = Counter(squeeze("".join(page.raw_pieces())))
    want = Counter(squeeze(text))
    assert got - want == Counter(), f"{name}: invented {dict(got - want)}"
    assert want - got == Counter(), f"{name}: lost {''.join((want - got).elements())!r}"


@pytest.mark.parametrize("name", list(PAGES))
def test_survey_page_loses_and_invents_nothing(name: str) -> None:
    _lossless(name, PAGES[name].text)


def test_held_out_folder_is_the_generator_output() -> None:
    pages = held_out_pages()
    on_disk = sorted(p.name for p in HELD_OUT_FOLDER.glob("*.txt"))
    assert on_disk == sorted(f"{p.name}.txt" for p in pages)
    for page in pages:
        assert (HELD_OUT_FOLDER / f"{page.name}.txt").read_text(encoding="utf-8") == page.text, page.name
        saved = json.loads((HELD_OUT_FOLDER / f"{page.name}.json").read_text(encoding="utf-8"))
        assert saved == expectation(page), page.name


@pytest.mark.parametrize("page", held_out_pages(), ids=lambda p: p.name)
def test_held_out_page_loses_and_invents_nothing(page) -> None:
    _lossless(page.name, page.text)
