"""Paths → page files: the walk over what the user pointed the reader at.

Users point the reader at folders copied from many places: archives with
symlinks (sometimes looping back on themselves), folders they cannot read,
dead links, ``.git`` and macOS ``._`` litter.  The walk must finish, must be
deterministic (the same order on every machine, so page ids and the index are
stable), and must turn every such path into a ``FileProblem`` naming it and
why, which the loader reports as a warning, instead of raising or hanging.

A root given explicitly is always taken: a file root is yielded whatever its
suffix; a folder root is walked recursively for ``*.txt`` (any case).  Inside
a walk, names starting with a dot are skipped: ``.git``, ``.cache`` and the
``._page.txt`` resource forks macOS leaves next to every copied file.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

PAGE_SUFFIX = ".txt"

#: The largest page file read (20 MB): a printed page is a few hundred kB of text, so
#: anything bigger is not a page, and reading it whole would cost memory for nothing.
MAX_PAGE_BYTES = 20 * 1024 * 1024

_Key = tuple[int, int | str]


class PageTooLarge(ValueError):
    """A page file over MAX_PAGE_BYTES; it is skipped without being read."""


def read_page_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a page file; raises PageTooLarge (over ``limit``, default MAX_PAGE_BYTES:
    checked with ``fstat`` first, and the read is bounded, so a file that grows meanwhile
    or whose size lies is never read whole) or OSError."""
    limit = MAX_PAGE_BYTES if limit is None else limit
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise PageTooLarge(too_large(size, limit))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise PageTooLarge(too_large(None, limit))
    return data


def too_large(size: int | None, limit: int | None = None) -> str:
    """Why a file of ``size`` bytes (None: unknown, it grew while read) is not read as a page."""
    limit = MAX_PAGE_BYTES if limit is None else limit
    mb = 1024 * 1024
    what = f"{size / mb:,.1f} MB" if size is not None else f"over {limit // mb} MB"
    return f"too large for a page file ({what}; the limit is {limit // mb} MB): skipped"


@dataclass(frozen=True)
class FileProblem:
    path: Path
    reason: str


class PageFile(NamedTuple):
    """A page file the walk found, with the size and modification time of its one ``stat``
    (what a start compares with the store: no second ``stat`` per file)."""

    source: str  # ``str`` of the path as ``iter_page_files`` yields it
    size: int
    mtime_ns: int


@dataclass
class _Walk:
    """What one call to walk_page_files has already seen (by device and inode)."""

    files: set[_Key] = field(default_factory=set)
    folders: dict[_Key, Path] = field(default_factory=dict)


def iter_page_files(roots: Iterable[Path]) -> Iterator[Path | FileProblem]:
    """Yield page files under each root (a root may be a single file), in sorted order.

    Within a folder, entries are visited in order of name, a sub-folder's pages
    where its name sorts, so the result is the sorted order of the paths'
    parts.  A file reached twice (a link, or overlapping roots) is yielded once.
    Never raises for a problem with a path: yields ``FileProblem`` instead.
    """
    for item in walk_page_files(roots):
        yield item if isinstance(item, FileProblem) else Path(item.source)


def walk_page_files(roots: Iterable[Path]) -> Iterator[PageFile | FileProblem]:
    """``iter_page_files`` with each file's size and mtime: one ``stat`` per entry, from ``os.scandir``."""
    seen = _Walk()
    for root in roots:
        yield from _visit_root(Path(root), seen)


def _visit_root(root: Path, seen: _Walk) -> Iterator[PageFile | FileProblem]:
    info = _stat(root)
    if isinstance(info, FileProblem):
        yield info
    elif stat.S_ISDIR(info.st_mode):
        yield from _walk_folder(root, info, seen)
    elif stat.S_ISREG(info.st_mode):
        if _first_time(root, info, seen.files):
            yield PageFile(str(root), info.st_size, info.st_mtime_ns)
    else:
        yield FileProblem(root, "not a regular file or folder")


def _walk_folder(top: Path, top_info: os.stat_result, seen: _Walk) -> Iterator[PageFile | FileProblem]:
    """Depth-first over ``top`` with an explicit stack (no recursion limit on deep trees)."""
    top_key = _key(top, top_info)
    if top_key in seen.folders:
        return  # the same folder given twice, or inside another root: already read
    seen.folders[top_key] = top
    # Each frame: the entries of one folder still to visit (reversed, to pop
    # in name order), the prefix of their paths and the folder keys from the root down to it.
    listing = _list_folder(top)
    if isinstance(listing, FileProblem):
        yield listing
        return
    stack: list[tuple[list[os.DirEntry[str]], str, frozenset[_Key]]] = [(listing, _prefix(top), frozenset({top_key}))]
    files_seen = seen.files
    while stack:
        entries, prefix, ancestors = stack[-1]
        while entries:  # this folder's entries, until a sub-folder is entered (then its own first)
            entry = entries.pop()
            name = entry.name
            source = prefix + name  # == str(folder / name), without a Path per file
            try:
                info = entry.stat()  # follows links, as _stat
            except OSError as exc:
                yield _problem(Path(source), exc)
                continue
            if stat.S_ISREG(info.st_mode):
                if name.lower().endswith(PAGE_SUFFIX):
                    key = _key(source, info)
                    if key not in files_seen:
                        files_seen.add(key)
                        yield PageFile(source, info.st_size, info.st_mtime_ns)
            elif stat.S_ISDIR(info.st_mode):
                key = _key(source, info)
                path = Path(source)
                if key in ancestors:
                    yield FileProblem(path, f"symlink loop (leads back to {seen.folders[key]})")
                elif key not in seen.folders:
                    seen.folders[key] = path
                    listing = _list_folder(path)
                    if isinstance(listing, FileProblem):
                        yield listing
                    else:
                        stack.append((listing, _prefix(path), ancestors | {key}))
                        break
                # else: a second way into a folder already read; its pages are not repeated
        else:
            stack.pop()


def _prefix(folder: Path) -> str:
    """What ``str(folder / name)`` puts before ``name`` (``Path(".") / "a"`` is ``a``)."""
    text = str(folder)
    return "" if text == "." else os.path.join(text, "")


def _list_folder(folder: Path) -> list[os.DirEntry[str]] | FileProblem:
    """The folder's visible entries, reversed name order (so ``pop()`` gives name order)."""
    try:
        with os.scandir(folder) as it:
            entries = [entry for entry in it if not entry.name.startswith(".")]
    except OSError as exc:
        return FileProblem(folder, f"cannot open folder ({_describe(exc)})")
    entries.sort(key=_name, reverse=True)
    return entries


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _stat(path: Path) -> os.stat_result | FileProblem:
    """``stat`` following links, with a dead link, a loop or a missing path as a FileProblem."""
    try:
        return os.stat(path)
    except OSError as exc:
        return _problem(path, exc)


def _problem(path: Path, exc: OSError) -> FileProblem:
    """Why ``stat`` of ``path`` failed, as the walk reports it."""
    if exc.errno == errno.ELOOP:
        return FileProblem(path, "symlink loop (the link never resolves)")
    if os.path.islink(path):
        return FileProblem(path, "broken symlink (its target does not exist)")
    if exc.errno == errno.ENOENT:
        return FileProblem(path, "no such file or folder")
    return FileProblem(path, f"cannot read ({_describe(exc)})")


def _key(path: Path | str, info: os.stat_result) -> _Key:
    """Identity of a file or folder: device and inode, or the real path where
    the file system reports no inode numbers."""
    if info.st_ino:
        return (info.st_dev, info.st_ino)
    return (info.st_dev, os.path.realpath(path))


def _first_time(path: Path | str, info: os.stat_result, seen: set[_Key]) -> bool:
    key = _key(path, info)
    if key in seen:
        return False
    seen.add(key)
    return True


def _describe(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()
