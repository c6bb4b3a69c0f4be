"""Reporters and correspondents for the reporters screen and the palette.

The rows come from the shelf (the store's people table: one row per name and
role, counted after the role pass); this module only adds what the screen
needs on top: labels and filtering as you type.  UI-free: no Textual import.
"""

from __future__ import annotations

from liaocheng_tui.search.shelf import PersonRow

Person = PersonRow


def span(person: PersonRow) -> str:
    """``2024-06-21 – 2025-03-17``, one date when first and last agree, or ``—``."""
    if person.first is None or person.last is None:
        return "—"
    return person.first.isoformat() if person.first == person.last else f"{person.first} – {person.last}"


def filter_people(people: list[PersonRow], needle: str) -> list[PersonRow]:
    """People whose name, role (记者/通讯员/reporter/correspondent) or newspaper contains ``needle``."""
    needle = needle.strip().lower()
    if not needle:
        return list(people)
    return [
        p for p in people
        if needle in p.name.lower() or needle in p.role_label or needle in p.role
        or any(needle in paper.lower() for paper in p.papers)
    ]
