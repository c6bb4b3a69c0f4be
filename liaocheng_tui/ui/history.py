"""Where the reader has been: a back stack like a browser's (Backspace / Ctrl+O back, Ctrl+F forward).

A :class:`Place` is everything needed to show a view again: what the middle
list showed (an issue, results, a person's articles, 历史上的今天), which entry
was highlighted, where the article pane was scrolled and which pane had the
focus.  Jumps (a related article, a palette command, results, a person's
list, another paper) push the place being left; stepping through a list
(`j`/`k`, `[`/`]`, `{`/`}`) does not.  UI-free: no Textual import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

#: Places kept each way (older ones are forgotten).
MAX_PLACES = 100


@dataclass
class Place:
    mode: str  # browse | search | person | days (browse_moves' constants)
    issue: Any = None  # catalog.Issue while browsing
    index: int | None = None  # the highlighted entry of the list
    scroll: float = 0.0  # the article pane's scroll offset
    focus_id: str | None = None
    query: str = ""
    results: Any = None  # SearchResults of the query
    person: Any = None  # PersonRow
    day: dt.date | None = None


class History:
    """Two stacks of places: ``back`` (most recent last) and ``forward``."""

    def __init__(self) -> None:
        self.back_places: list[Place] = []
        self.forward_places: list[Place] = []

    def push(self, place: Place) -> None:
        """A jump is leaving ``place``: it goes on the back stack; the forward stack is dropped."""
        self.back_places.append(place)
        del self.back_places[:-MAX_PLACES]
        self.forward_places.clear()

    def back(self, current: Place) -> Place | None:
        """The place to go back to (``current`` kept for forward), or None when there is none."""
        if not self.back_places:
            return None
        self.forward_places.append(current)
        return self.back_places.pop()

    def forward(self, current: Place) -> Place | None:
        if not self.forward_places:
            return None
        self.back_places.append(current)
        return self.forward_places.pop()
