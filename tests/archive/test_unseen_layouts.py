"""Pages in layouts and exports the parser was not built from (tests/archive/layouts/).

Each ``<name>.txt`` is a page composed by hand in the style of a real 聊城日报 /
大众日报 page, exported the way users really get them (e-paper web pages, PDF
viewer copies, WeChat articles, GBK files, CRLF …); ``<name>.json`` is the
editor's expectation, with the same conventions as tests/annotations/*.json.
Pages the parser gets wrong stay here, marked xfail(strict) with what goes wrong.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from liaocheng_tui.archive.cjk import squeeze
from liaocheng_tui.archive.decoding import decode_bytes
from liaocheng_tui.archive.loader import parse_page

LAYOUTS = Path(__file__).resolve().parent / "layouts"
PAGES = sorted(p.name[: -len(".txt")] for p in LAYOUTS.glob("*.txt"))
FIELDS = ("kind", "title", "kicker", "subtitle", "reporters", "correspondents", "subheads", "body_start", "body_end")


def read_text(name: str) -> str:
    path = LAYOUTS / f"{name}.txt"
    if path.name.endswith(".gbk.txt"):
        return decode_bytes(path.read_bytes()).text
    return path.read_text(encoding="utf-8")


def load(name: str):
    return parse_page(read_text(name), f"{name}.txt")


def expectation(name: str) -> dict:
    return json.loads((LAYOUTS / f"{name}.json").read_text(encoding="utf-8"))


def observed(article) -> dict:
    body = squeeze(article.body)
    return {
        "kind": article.kind.value,
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "reporters": article.reporters,
        "correspondents": article.correspondents,
        "subheads": article.subheads,
        "body_start": body[:12],
        "body_end": body[-12:],
    }


def differences(got: list[dict], want: list[dict]) -> list[str]:
    problems = []
    if len(got) != len(want):
        problems.append(f"{len(got)} items, expected {len(want)}: {[g['title'] or g['body_start'] for g in got]}")
    for i, (g, w) in enumerate(zip(got, want)):
        for field in FIELDS:
            if g[field] != w[field]:
                problems.append(f"item {i} ({w['title'] or w['body_start']}) {field}: got {g[field]!r}, want {w[field]!r}")
    return problems


# What the parser gets wrong on each page (found by this test; see the report in the commit message).
KNOWN_WRONG: dict[str, str] = {
}


def _marked(names: list[str], known: dict[str, str]) -> list:
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=known[n])) if n in known else n for n in names]


@pytest.mark.parametrize("name", _marked(PAGES, KNOWN_WRONG))
def test_unseen_layout_parses_to_expectation(name: str) -> None:
    page = load(name)
    want = expectation(name)
    problems = differences([observed(a) for a in page.articles], want["articles"])
    for key in ("newspaper", "issue_date"):
        if key in want:
            got = getattr(page, key)
            got = got.isoformat() if key == "issue_date" and got is not None else got
            if got != want[key]:
                problems.append(f"page {key}: got {got!r}, want {want[key]!r}")
    assert not problems, f"{name}:\n  " + "\n  ".join(problems) + f"\n  residue: {page.residue!r}\n  furniture: {page.furniture!r}"


KNOWN_LOSSY: dict[str, str] = {}


@pytest.mark.parametrize("name", _marked(PAGES, KNOWN_LOSSY))
def test_unseen_layout_loses_and_invents_nothing(name: str) -> None:
    text = read_text(name)
    page = parse_page(text, f"{name}.txt")
    got = Counter(squeeze("".join(page.raw_pieces())))
    want = Counter(squeeze(text))
    assert got - want == Counter(), f"{name}: invented {dict(got - want)}"
    assert want - got == Counter(), f"{name}: lost {''.join((want - got).elements())!r}"


def test_every_page_has_an_expectation() -> None:
    assert len(PAGES) >= 12
    for name in PAGES:
        assert (LAYOUTS / f"{name}.json").exists(), name
