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
from collections import Counter
from dataclasses import dataclass

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
    "DateReport",
    "DateMention",
    "YearClue",
    "YearEvidence",
    "best_year",
    "date_from_path",
    "date_page",
    "date_report",
    "find_mentions",
    "flatten",
    "infer_date",
    "infer_report",
    "latest_event",
    "year_evidence",
    "year_from_path",
]


#: Clues strong enough to be constraints, not votes: an explicit 今年（2024年）, an
#: anniversary, a year in the path, a reported date printed with its year.  The chosen
#: year must agree with every one of them, or the page stays undated.
HARD_CLUE_WEIGHT = 3
HARD_CLUES = ("year of a date",)


@dataclass(frozen=True)
class DateReport:
    """A page's date, how it was obtained, the evidence for it, and why there is none."""

    date: dt.date | None
    source: DateSource
    evidence: tuple[str, ...] = ()
    refused: str | None = None  # why the page is left undated (a warning), if it is


def infer_report(text: str, path_year: int | None = None) -> DateReport:
    """The issue date the text implies: the latest reported event + 1 day, in the year
    every hard clue agrees on — or no date, and why.

    ``path_year`` is a year the file's folder names (``archive/2024/…``): it
    outweighs the text's own clues.
    """
    flat = flatten(text)
    mentions = find_mentions(flat)
    if not any(m.reported for m in mentions):
        return DateReport(None, DateSource.UNKNOWN, refused="no reported event date (M月D日) in the text")
    evidence = year_evidence(flat, mentions)
    if path_year is not None:
        evidence.append(YearEvidence(Bound.IS, path_year, PATH_YEAR_WEIGHT, "year in the path"))
    year = best_year(evidence)
    if year is None:
        return DateReport(None, DateSource.UNKNOWN, refused="no year clue in the text")
    conflicts = [e for e in evidence if _is_hard(e) and not _agrees(year, e)]
    said = _summary(evidence)
    if not _pinned(year, evidence):
        bounds = ", ".join(dict.fromkeys(f"{_BOUND_SIGNS[e.bound]}{e.year}" for e in evidence))
        return DateReport(None, DateSource.UNKNOWN, said, refused=f"no clue says which year (only {bounds})")
    if conflicts:
        listed = "; ".join(f"{e.clue} says {e.bound.value} {e.year}" for e in conflicts)
        return DateReport(None, DateSource.UNKNOWN, said, refused=f"year clues disagree (best {year}, but {listed})")
    month_day = latest_event(mentions, year)
    if month_day is None:
        return DateReport(None, DateSource.UNKNOWN, said, refused=f"no reported event of {year}")
    event = make_date(year, *month_day)
    if event is None and month_day == (2, 29):
        event = make_date(year, 2, 28)  # 2月29日 in a common year
    if event is None:
        return DateReport(None, DateSource.UNKNOWN, said, refused=f"{year}-{month_day} is no date")
    reason = (f"latest reported event {month_day[0]}月{month_day[1]}日 + 1 day", f"year {year}", *said)
    return DateReport(event + dt.timedelta(days=1), DateSource.INFERRED, reason)


_BOUND_SIGNS = {Bound.IS: "=", Bound.AT_LEAST: "≥", Bound.AT_MOST: "≤", Bound.BEFORE: "<"}


def _summary(evidence: list[YearEvidence]) -> tuple[str, ...]:
    """What the clues say, one line per clue: ``any-year ≥2024, ≥2020 ×2``."""
    by_clue: dict[str, Counter[str]] = {}
    for e in evidence:
        by_clue.setdefault(e.clue, Counter())[f"{_BOUND_SIGNS[e.bound]}{e.year}"] += 1
    return tuple(
        f"{clue} " + ", ".join(f"{said} ×{n}" if n > 1 else said for said, n in counts.items())
        for clue, counts in by_clue.items()
    )


def _pinned(year: int, evidence: list[YearEvidence]) -> bool:
    """Does some clue name this year — a clue that says the year *is* it, a reported date
    printed with it — or do bounds leave no other year (≥2024 and <2025)?  Bounds alone
    (在2018年… says only that the page is not older) do not make a year known."""
    if any(e.year == year and (e.bound is Bound.IS or e.clue in HARD_CLUES) for e in evidence):
        return True
    floor = max((e.year for e in evidence if e.bound is Bound.AT_LEAST), default=None)
    ceiling = min(
        [e.year for e in evidence if e.bound is Bound.AT_MOST] + [e.year - 1 for e in evidence if e.bound is Bound.BEFORE],
        default=None,
    )
    return floor == ceiling == year


def _is_hard(item: YearEvidence) -> bool:
    return item.weight >= HARD_CLUE_WEIGHT or item.clue in HARD_CLUES


def _agrees(year: int, item: YearEvidence) -> bool:
    if item.bound is Bound.IS:
        return year == item.year
    if item.bound is Bound.AT_LEAST:
        return year >= item.year
    if item.bound is Bound.AT_MOST:
        return year <= item.year
    return year < item.year  # Bound.BEFORE


def infer_date(text: str, path_year: int | None = None) -> dt.date | None:
    """The inferred issue date, or None (see ``infer_report`` for the evidence and refusals)."""
    return infer_report(text, path_year).date


def date_report(source: str, text: str) -> DateReport:
    """The page's issue date: from its file/folder name, else inferred from its text
    (in the year its folder names, if one does), with the evidence for it."""
    from_name = date_from_path(source)
    if from_name is not None:
        return DateReport(from_name, DateSource.FILENAME, ("date in the file or folder name",))
    return infer_report(text, year_from_path(source))


def date_page(source: str, text: str) -> tuple[dt.date | None, DateSource]:
    """``date_report`` as (date, how it was obtained)."""
    report = date_report(source, text)
    return report.date, report.source
