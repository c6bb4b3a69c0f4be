"""Paths → page files: walk folders recursively (STUB: to be implemented)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileProblem:
    path: Path
    reason: str


def iter_page_files(roots: Iterable[Path]) -> Iterator[Path | FileProblem]:
    """Yield page files under each root (a root may be a single file), in sorted order."""
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from sorted(root.rglob("*.txt"))
        else:
            yield FileProblem(root, "no such file or folder")
