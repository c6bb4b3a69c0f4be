"""The parser checked against the hand annotation of the five seed pages.

``tests/annotations/<seed stem>.json`` is an independent, hand-made reading of
each seed page, made by reading the raw text the way a newspaper editor
would. It is the ground truth. For every item on a page it records the
kind, title, kicker, subtitle, reporters, correspondents, section subheads,
and the first and last 12 non-whitespace characters of the body. Its
top-level ``notes`` explain the ambiguous calls.

``test_seed_matches_annotation`` is the strict check: every field of every
item must match exactly. ``test_annotation_summary`` prints a per-field
accuracy table, which helps while the parser is incomplete, and only
requires the per-page item counts to match (run it with ``-s`` to see the
table when it passes).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from liaocheng_tui.archive.loader import read_page
from liaocheng_tui.seeds import seeds_dir

ANNOTATIONS_DIR = Path(__file__).resolve().parent.parent / "annotations"

#: The per-item fields compared, in report order.
ITEM_FIELDS = (
    "kind",
    "title",
    "kicker",
    "subtitle",
    "reporters",
    "correspondents",
    "subheads",
    "body_start",
    "body_end",
)

EDGE = 12  # body_start / body_end length, in non-whitespace characters


def _annotation_stems() -> list[str]:
    return sorted(p.stem for p in ANNOTATIONS_DIR.glob("*.json"))


def _load_annotation(stem: str) -> dict:
    return json.loads((ANNOTATIONS_DIR / f"{stem}.json").read_text(encoding="utf-8"))


@cache
def _parse(stem: str):
    return read_page(seeds_dir() / f"{stem}.txt")


def _squeeze(text: str | None) -> str:
    """Remove every whitespace character (hard line breaks, spaces, U+3000)."""
    return "".join((text or "").split())


def _observed(article) -> dict:
    """The annotated fields, as read off a parsed Article."""
    kind = getattr(article.kind, "value", article.kind)
    body = _squeeze(article.body)
    return {
        "kind": kind,
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "reporters": list(article.reporters),
        "correspondents": list(article.correspondents),
        "subheads": list(article.subheads),
        "body_start": body[:EDGE],
        "body_end": body[-EDGE:] if body else "",
    }


def _label(index: int, item: dict) -> str:
    name = item.get("title") or f"{item['kind']} «{item['body_start']}…»"
    return f"item #{index} ({name})"


def _page_fields(page) -> dict:
    return {
        "newspaper": page.newspaper,
        "issue_date": page.issue_date.isoformat() if page.issue_date is not None else None,
    }


def test_every_seed_is_annotated():
    seeds = sorted(p.stem for p in seeds_dir().glob("*.txt"))
    assert seeds, f"no seed pages found in {seeds_dir()}"
    assert _annotation_stems() == seeds, (
        f"annotations {_annotation_stems()} do not cover exactly the seeds {seeds}"
    )


@pytest.mark.parametrize("stem", _annotation_stems())
def test_seed_matches_annotation(stem: str):
    expected = _load_annotation(stem)
    page = _parse(stem)
    problems: list[str] = []

    got_page = _page_fields(page)
    for field in ("newspaper", "issue_date"):
        if got_page[field] != expected[field]:
            problems.append(
                f"page.{field}: expected {expected[field]!r}, got {got_page[field]!r}"
            )

    want_items = expected["articles"]
    got_items = [_observed(a) for a in page.articles]
    if len(got_items) != len(want_items):
        problems.append(
            f"number of items: expected {len(want_items)}, got {len(got_items)} "
            f"(parsed: {[a.get('title') or a['body_start'] for a in got_items]})"
        )

    for index, (want, got) in enumerate(zip(want_items, got_items)):
        for field in ITEM_FIELDS:
            if got[field] != want[field]:
                problems.append(
                    f"{_label(index, want)} field {field!r}: "
                    f"expected {want[field]!r}, got {got[field]!r}"
                )
    for index in range(len(got_items), len(want_items)):
        problems.append(f"{_label(index, want_items[index])}: missing from the parse")
    for index in range(len(want_items), len(got_items)):
        extra = got_items[index]
        problems.append(
            f"item #{index}: unexpected extra {extra['kind']} "
            f"title={extra['title']!r} body_start={extra['body_start']!r}"
        )

    assert not problems, f"{stem}: {len(problems)} difference(s) from the annotation:\n  " + (
        "\n  ".join(problems)
    )


def _align(want_items: list[dict], got_items: list[dict]) -> list[dict | None]:
    """Pair each annotated item with a parsed one, for the summary table only.

    The parsed item with the same body_start is preferred (so one merged or
    split item does not shift every later one); otherwise the item at the same
    index, if it has not been used yet.
    """
    used: set[int] = set()
    pairs: list[dict | None] = []
    for index, want in enumerate(want_items):
        match = next(
            (
                j
                for j, got in enumerate(got_items)
                if j not in used and got["body_start"] == want["body_start"]
            ),
            None,
        )
        if match is None and index < len(got_items) and index not in used:
            match = index
        if match is not None:
            used.add(match)
            pairs.append(got_items[match])
        else:
            pairs.append(None)
    return pairs


def test_annotation_summary():
    stems = _annotation_stems()
    columns = ("items",) + ITEM_FIELDS + ("newspaper", "issue_date")
    totals = dict.fromkeys(columns, 0)
    total_expected = 0
    rows: list[tuple[str, dict, int]] = []
    count_problems: list[str] = []

    for stem in stems:
        expected = _load_annotation(stem)
        page = _parse(stem)
        want_items = expected["articles"]
        got_items = [_observed(a) for a in page.articles]
        row = dict.fromkeys(columns, 0)
        row["items"] = len(got_items)
        for want, got in zip(want_items, _align(want_items, got_items)):
            for field in ITEM_FIELDS:
                if got is not None and got[field] == want[field]:
                    row[field] += 1
        got_page = _page_fields(page)
        row["newspaper"] = int(got_page["newspaper"] == expected["newspaper"])
        row["issue_date"] = int(got_page["issue_date"] == expected["issue_date"])
        rows.append((stem, row, len(want_items)))
        total_expected += len(want_items)
        for column in columns:
            totals[column] += row[column]
        if len(got_items) != len(want_items):
            count_problems.append(
                f"{stem}: expected {len(want_items)} items, parsed {len(got_items)}"
            )

    headers = ("page",) + columns
    widths = [max(len(h), 22 if h == "page" else 7) for h in headers]

    def line(cells) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths))

    def cells_for(name: str, row: dict, n_items: int, n_pages: int) -> list[str]:
        out = [name]
        for column in columns:
            denominator = n_pages if column in ("newspaper", "issue_date") else n_items
            out.append(f"{row[column]}/{denominator}")
        return out

    print()
    print("Parser vs hand annotation: matching items per field (items = parsed/expected)")
    print(line(headers))
    print(line("-" * w for w in widths))
    for stem, row, n_items in rows:
        print(line(cells_for(stem, row, n_items, 1)))
    print(line("-" * w for w in widths))
    print(line(cells_for("TOTAL", totals, total_expected, len(rows))))
    field_total = total_expected * len(ITEM_FIELDS)
    field_hits = sum(totals[f] for f in ITEM_FIELDS)
    if field_total:
        print(f"item fields correct: {field_hits}/{field_total} ({100 * field_hits / field_total:.1f}%)")

    assert not count_problems, "item counts differ from the annotation:\n  " + "\n  ".join(
        count_problems
    )
