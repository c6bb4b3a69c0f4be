"""Dates and years written in file and folder names.

A date in the name is the surest date a page has (the masthead is not part
of an export), so it is looked for before the text is read at all.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from liaocheng_tui.archive.dating.valid_date import make_date

#: Date layouts looked for in the file name, then in each parent folder's name.
FILENAME_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"), "ISO dashes: 2024-06-21"),
    (re.compile(r"(?<!\d)(?P<y>\d{4})_(?P<m>\d{1,2})_(?P<d>\d{1,2})(?!\d)"), "underscores: 2024_06_21"),
    (re.compile(r"(?<!\d)(?P<y>\d{4})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})(?!\d)"), "dots: 2024.06.21"),
    (re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"), "Chinese: 2024年6月21日"),
    (re.compile(r"(?<!\d)(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?!\d)"), "compact: 20240621, lcrb20240621_03"),
)

#: Date layouts spread over folders, matched on the path joined with "/".
FOLDER_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![^/])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![^/_\-. ])"), "folders 2024/06/21/…"),
    (re.compile(r"(?<![^/])(?P<y>\d{4})/(?P<m>\d{2})(?P<d>\d{2})(?![^/_\-. ])"), "folders 2024/0621/…"),
    (re.compile(r"(?<![^/])(?P<y>\d{4})[-_](?P<m>\d{1,2})/(?P<d>\d{1,2})(?![^/_\-. ])"), "folders 2024-06/21…"),
)

# A content hash in a name ("000_83967fa1bd91df59.txt") may hold a digit run
# that looks like a date; such runs are blanked before matching.
_HASH_RUN = re.compile(r"[0-9a-fA-F]{16,}")


def date_from_path(source: str) -> dt.date | None:
    """The date written in the file name or its folders' names, if any."""
    path = PurePath(source)
    names = [_HASH_RUN.sub("#", part) for part in path.parent.parts]
    stem = _HASH_RUN.sub("#", path.stem)
    for pattern, _layout in FILENAME_PATTERNS:
        found = _first_valid(pattern, stem)
        if found:
            return found
    joined = "/".join([*names, stem])
    for pattern, _layout in FOLDER_PATTERNS:
        found = _first_valid(pattern, joined)
        if found:
            return found
    for name in reversed(names):  # nearest folder first
        for pattern, _layout in FILENAME_PATTERNS:
            found = _first_valid(pattern, name)
            if found:
                return found
    return None


#: A folder name that gives the year only ("2024", "2024-06", "202406",
#: "2024年6月", "lcrb_2024"): not an issue date, but the strongest year clue.
#: (File names are not read this way: "1999.txt" is as likely a page number.)
YEAR_IN_NAME = re.compile(
    r"^(?:[A-Za-z]+[-_ ]?)?(?P<y>(?:19|20)\d\d)"
    r"(?:年(?:(?:0?[1-9]|1[0-2])月)?|[-_.]?(?:0?[1-9]|1[0-2])月?)?$"
)
PATH_YEAR_WEIGHT = 5


def year_from_path(source: str) -> int | None:
    """The year a folder name states on its own, nearest folder first."""
    for name in reversed(PurePath(source).parent.parts):
        match = YEAR_IN_NAME.match(name.strip())
        if match:
            return int(match["y"])
    return None


def _first_valid(pattern: re.Pattern[str], text: str) -> dt.date | None:
    for match in pattern.finditer(text):
        found = make_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if found:
            return found
    return None
