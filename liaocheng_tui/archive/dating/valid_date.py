"""The years an issue date may fall in, and building a date only when it exists.

Every source of a date (a name, a month/day mention, a clued year) goes
through ``make_date`` so that "2月30日" or a year 3024 is dropped, not raised.
"""

from __future__ import annotations

import datetime as dt

MIN_YEAR, MAX_YEAR = 1900, 2099


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist or lies outside MIN_YEAR–MAX_YEAR."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
