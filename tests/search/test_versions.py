"""A change to the parser, the analysis or the store layout must come with a version bump.

Otherwise a warm cache keeps serving what the old code made (the first version
hashed ``archive/*.py`` but missed ``archive/dating/`` and ``people.py``: a
changed dating rule kept the old dates).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.version_digests import PACKAGE, SOURCES, current

RECORDED = Path(__file__).with_name("version_digests.json")
BUMP = {"parser": "PARSER_VERSION", "index": "INDEX_VERSION", "store": "STORE_LAYOUT"}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_sources_changed_only_with_a_version_bump(name):
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))[name]
    (version, digest), = current()[name].items()
    assert version in recorded, (
        f"{BUMP[name]} = {version} has no recorded digest: run `python tests/support/version_digests.py` "
        f"and add it to {RECORDED.name}"
    )
    assert recorded[version] == digest, (
        f"the sources behind {BUMP[name]} changed but {BUMP[name]} is still {version}: bump it in "
        f"liaocheng_tui/search/versions.py and record the new digest in {RECORDED.name}"
    )


def test_dating_rules_and_people_are_covered_by_the_parser_version():
    files = {p.relative_to(PACKAGE).as_posix() for p in SOURCES["parser"]()}
    assert "archive/dating/year_clues.py" in files and "archive/people.py" in files, sorted(files)
