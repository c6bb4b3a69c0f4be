"""Digests of the sources behind each cache version (see ``liaocheng_tui/search/versions.py``).

``python tests/support/version_digests.py`` prints the current digests to record in
``tests/search/version_digests.json`` after bumping a version.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "liaocheng_tui"

#: version name → the sources whose output that version stamps
SOURCES = {
    "parser": lambda: sorted((PACKAGE / "archive").rglob("*.py")),
    "index": lambda: [PACKAGE / "search" / "analysis.py", PACKAGE / "search" / "schema.py"],
    "store": lambda: [PACKAGE / "search" / name for name in ("store.py", "store_rows.py", "store_people.py", "store_links.py")],
}


def digest(name: str) -> str:
    h = hashlib.sha256()
    for path in SOURCES[name]():
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes().replace(b"\r\n", b"\n"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def current() -> dict[str, dict[str, str]]:
    from liaocheng_tui.search import versions

    numbers = {"parser": versions.PARSER_VERSION, "index": versions.INDEX_VERSION, "store": versions.STORE_LAYOUT}
    return {name: {str(numbers[name]): digest(name)} for name in SOURCES}


if __name__ == "__main__":
    print(json.dumps(current(), indent=2))
