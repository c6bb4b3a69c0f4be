"""Snapshots of the main screens at 120x36, 80x24 and 60x20 (on top of the Pilot tests, not instead).

Regenerate after a deliberate visual change with ``pytest tests/ui/test_snapshots.py --snapshot-update``
and look at the report before committing.
"""

from __future__ import annotations

import pytest

SIZES = [pytest.param((120, 36), id="120x36"), pytest.param((80, 24), id="80x24")]


async def _steady(pilot) -> None:
    """No blinking cursor, no scroll still animating, footer and layout refreshed."""
    for widget in pilot.app.screen.query("Input"):
        widget.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.2)
    await pilot.pause()


async def _browse(pilot, ready, waiter) -> None:
    app = pilot.app
    await ready(pilot)
    issue = next(i for i in app.catalog.issues if i.date and i.date.isoformat() == "2024-12-28")
    app.browse.open_issue(issue)
    await waiter(pilot, lambda: app.browse.issue is issue)
    await pilot.press("j")  # the article with kicker-less subtitle and subheads
    await waiter(pilot, lambda: app.browse.extras_for is app.browse.article_view.article)
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_browsing(snap_compare, make_app, ready, waiter, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=lambda p: _browse(p, ready, waiter))


async def _search(pilot, ready, waiter) -> None:
    app = pilot.app
    await ready(pilot)
    await pilot.press("slash", *"聊城", "enter")
    await waiter(pilot, lambda: app.browse.mode == "search")
    await pilot.press("j")  # the second hit: hits highlighted in its text
    await waiter(pilot, lambda: app.browse.extras_for is app.browse.article_view.article)
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_search_results_and_highlighted_article(snap_compare, make_app, ready, waiter, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=lambda p: _search(p, ready, waiter))


async def _settled(pilot, ready, waiter) -> None:
    """Loaded, and the first article's related list in place (it shows behind dialogs)."""
    app = pilot.app
    await ready(pilot)
    await waiter(pilot, lambda: app.browse.extras_for is app.browse.article_view.article)


async def _reporters(pilot, ready, waiter) -> None:
    await _settled(pilot, ready, waiter)
    await pilot.press("r")
    await pilot.pause()
    await pilot.press(*"记者")
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_reporters(snap_compare, make_app, ready, waiter, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=lambda p: _reporters(p, ready, waiter))


async def _help(pilot, ready, waiter) -> None:
    await _settled(pilot, ready, waiter)
    await pilot.press("question_mark")
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_help(snap_compare, make_app, ready, waiter, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=lambda p: _help(p, ready, waiter))


ALL_SIZES = [*SIZES, pytest.param((60, 20), id="60x20")]


async def _full_screen(pilot, ready, waiter) -> None:
    await _browse(pilot, ready, waiter)
    await pilot.press("f")
    await _steady(pilot)


@pytest.mark.parametrize("size", ALL_SIZES)
def test_snapshot_full_screen_reading(snap_compare, make_app, ready, waiter, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=lambda p: _full_screen(p, ready, waiter))


async def _this_day(pilot, ready, waiter) -> None:
    await _browse(pilot, ready, waiter)
    await pilot.press("D")
    await waiter(pilot, lambda: pilot.app.browse.mode == "days")
    await _steady(pilot)


@pytest.mark.parametrize("size", ALL_SIZES)
def test_snapshot_this_day_in_every_year(snap_compare, make_app, ready, waiter, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=lambda p: _this_day(p, ready, waiter))


@pytest.mark.parametrize("size", [pytest.param((60, 20), id="60x20")])
def test_snapshot_browsing_small(snap_compare, make_app, ready, waiter, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=lambda p: _browse(p, ready, waiter))


async def _bookmarks(pilot, ready, waiter) -> None:
    app = pilot.app
    await _settled(pilot, ready, waiter)
    issue = next(i for i in app.catalog.issues if i.date and i.date.isoformat() == "2024-06-21")
    app.browse.open_issue(issue)
    await waiter(pilot, lambda: app.browse.issue is issue)
    await pilot.press("m")
    await waiter(pilot, lambda: len(app.keeper.store.bookmarks()) == 1)
    await pilot.press("right_square_bracket")
    await waiter(pilot, lambda: app.browse.article_list.highlighted == 1)
    await pilot.press("m")
    await waiter(pilot, lambda: len(app.keeper.store.bookmarks()) == 2)
    app.clear_notifications()
    await pilot.press("M")
    await waiter(pilot, lambda: type(app.screen).__name__ == "KeptScreen")
    await _steady(pilot)


@pytest.mark.parametrize("size", [*SIZES, pytest.param((60, 20), id="60x20")])
def test_snapshot_bookmarks(snap_compare, make_app, ready, waiter, size, monkeypatch):
    import datetime as dt

    import liaocheng_tui.userdata.store as store

    monkeypatch.setattr(store, "now", lambda: dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone.utc))
    assert snap_compare(make_app(), terminal_size=size, run_before=lambda p: _bookmarks(p, ready, waiter))
