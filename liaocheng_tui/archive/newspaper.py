"""Attribute a page to its newspaper (STUB: to be implemented)."""

from __future__ import annotations

from liaocheng_tui.archive.model import Page


def attribute_newspaper(page: Page) -> str | None:
    return None
