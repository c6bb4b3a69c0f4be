"""Give each page one issue date, and say how it was obtained.

Exported pages rarely carry their date inside the text: the masthead is not
part of the export.  A date in the file or folder name is taken when there is
one (``DateSource.FILENAME``).  Otherwise the date is *inferred* from what the
page reports (``DateSource.INFERRED``): a paper comes out on or shortly after
the latest event it reports, so the issue date is the latest reported
month/day plus one day, and the year comes from clues the text carries
(explicit years, anniversaries, 今年/去年, the stage of the five-year plan,
plans "到2025年" that lie ahead).

The rules are data: ``paths.FILENAME_PATTERNS`` for names,
``mentions.FUTURE_MARKERS`` for dates that are announced rather than
reported, and ``year_clues.YEAR_CLUES`` for the year, each with a comment
naming the layout or phrase it handles.  ``flat_text`` joins wrapped lines,
``mentions`` finds the dates, ``years`` scores candidate years against the
clues; this module puts them together.
"""

from __future__ import annotations

import datetime as dt

from liaocheng_tui.archive.dating.flat_text import flatten
from liaocheng_tui.archive.dating.mentions import FUTURE_MARKERS, DateMention, find_mentions, latest_event
from liaocheng_tui.archive.dating.paths import (
    FILENAME_PATTERNS,
    FOLDER_PATTERNS,
    PATH_YEAR_WEIGHT,
    YEAR_IN_NAME,
    date_from_path,
    year_from_path,
)
from liaocheng_tui.archive.dating.valid_date import MAX_YEAR, MIN_YEAR, make_date
from liaocheng_tui.archive.dating.year_clues import YEAR_CLUES, Bound, YearClue
from liaocheng_tui.archive.dating.years import YearEvidence, best_year, year_evidence
from liaocheng_tui.archive.model import DateSource

__all__ = [
    "FILENAME_PATTERNS",
    "FOLDER_PATTERNS",
    "FUTURE_MARKERS",
    "MAX_YEAR",
    "MIN_YEAR",
    "PATH_YEAR_WEIGHT",
    "YEAR_CLUES",
    "YEAR_IN_NAME",
    "Bound",
    "DateMention",
    "YearClue",
    "YearEvidence",
    "best_year",
    "date_from_path",
    "date_page",
    "find_mentions",
    "flatten",
    "infer_date",
    "latest_event",
    "year_evidence",
    "year_from_path",
]


def infer_date(text: str, path_year: int | None = None) -> dt.date | None:
    """The issue date the text implies: the latest reported event + 1 day, in the clued year.

    ``path_year`` is a year the file's folder names (``archive/2024/…``): it
    outweighs the text's own clues.
    """
    flat = flatten(text)
    mentions = find_mentions(flat)
    if not any(m.reported for m in mentions):
        return None
    evidence = year_evidence(flat, mentions)
    if path_year is not None:
        evidence.append(YearEvidence(Bound.IS, path_year, PATH_YEAR_WEIGHT, "year in the path"))
    year = best_year(evidence)
    if year is None:
        return None
    month_day = latest_event(mentions, year)
    if month_day is None:
        return None
    event = make_date(year, *month_day)
    if event is None and month_day == (2, 29):
        event = make_date(year, 2, 28)  # 2月29日 in a common year
    return event + dt.timedelta(days=1) if event is not None else None


def date_page(source: str, text: str) -> tuple[dt.date | None, DateSource]:
    """The page's issue date: from its file/folder name, else inferred from its text
    (in the year its folder names, if one does)."""
    from_name = date_from_path(source)
    if from_name is not None:
        return from_name, DateSource.FILENAME
    inferred = infer_date(text, year_from_path(source))
    if inferred is not None:
        return inferred, DateSource.INFERRED
    return None, DateSource.UNKNOWN
