"""Reporters and correspondents for the reporters screen and the palette.

The numbers come from :mod:`liaocheng_tui.archive.people` (one row per name
and role); this module only adds what the screen needs on top: filtering as
you type.  UI-free: no Textual import.
"""

from __future__ import annotations

from liaocheng_tui.archive.model import Archive
from liaocheng_tui.archive.people import PersonStats, people_stats

Person = PersonStats


def build_people(archive: Archive) -> list[PersonStats]:
    """Everyone named in a byline, one row per (name, role), most articles first."""
    return people_stats(archive)


def span(person: PersonStats) -> str:
    """``2024-06-21 – 2025-03-17``, one date when first and last agree, or ``—``."""
    if person.first is None or person.last is None:
        return "—"
    return person.first.isoformat() if person.first == person.last else f"{person.first} – {person.last}"


def filter_people(people: list[PersonStats], needle: str) -> list[PersonStats]:
    """People whose name, role (记者/通讯员/reporter/correspondent) or newspaper contains ``needle``."""
    needle = needle.strip().lower()
    if not needle:
        return list(people)
    return [
        p for p in people
        if needle in p.name.lower() or needle in p.role_label or needle in p.role
        or any(needle in paper.lower() for paper in p.newspapers)
    ]
