"""Ways to damage an index cache on disk, for the cache-fault tests.

``posting_bytes`` is the one place that reads Whoosh's private layout (where a
term's postings sit inside a compound segment file); ``test_cache_faults``
checks that garbling there really breaks Whoosh's own read of that term, so a
Whoosh that lays files out otherwise fails that test rather than passing by luck.
"""

from __future__ import annotations

import os
from pathlib import Path

from liaocheng_tui.search.cache import ArchiveCache
from liaocheng_tui.search.store import STORE_FILE


def live_generation(roots: list[Path], cache_root: Path) -> Path:
    """The folder of the live index generation (named in the article store)."""
    import sqlite3

    folder = ArchiveCache([str(r) for r in roots], cache_root).folder
    db = sqlite3.connect(f"file:{folder / STORE_FILE}?mode=ro", uri=True)
    try:
        (name,) = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    finally:
        db.close()
    return folder / name


def garble(path: Path, offset: int, count: int = 50, keep_mtime: bool = False) -> None:
    """Flip the bits of ``count`` bytes from ``offset`` in place (``keep_mtime``: as bit rot would, mtime kept)."""
    st = path.stat()
    with open(path, "r+b") as handle:
        handle.seek(offset)
        chunk = handle.read(count)
        handle.seek(offset)
        handle.write(bytes(b ^ 0xFF for b in chunk))
    if keep_mtime:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def posting_bytes(generation: Path, fieldname: str, text: str) -> tuple[Path, int, int]:
    """(segment file, offset, length) of the postings of ``fieldname:text`` in the generation's index."""
    from liaocheng_tui.search import indexer

    ix = indexer.open_index(generation)
    try:
        with ix.reader() as reader:
            segment = reader.segment()
            info = reader.term_info(fieldname, text)
            compound = segment.open_compound_file(ix.storage)
            postings = next(name for name in compound.list() if name.endswith(".pst"))
            start = compound._dir[postings]["offset"] + info._offset
            length = info._length[0] if isinstance(info._length, tuple) else info._length
            compound.close()
            return generation / segment.make_filename(".seg"), start, length
    finally:
        ix.close()
