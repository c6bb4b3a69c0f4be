"""Give each page one issue date (STUB: to be implemented)."""

from __future__ import annotations

import datetime as dt

from liaocheng_tui.archive.model import DateSource


def date_page(source: str, text: str) -> tuple[dt.date | None, DateSource]:
    return None, DateSource.UNKNOWN
