"""Where the index cache lives and how it is read, locked, swapped and checked.

Layout under the cache root (``--cache-dir``, else ``$LC_READER_CACHE``, else
``platformdirs.user_cache_dir("lc-reader")``)::

    jieba/jieba.cache            jieba's dictionary cache
    archives/<key>/              one folder per archive (key: hash of the roots)
        lock                     flock'ed while writing; holds the writer's pid
        CURRENT                  name of the live generation folder
        gen-<id>/                a Whoosh index + state.json (the manifest: every
                                 file's size, mtime, hash and page digest)
        build-<id>/              a generation being built (renamed when done)
        pages/<digest>.json      one record per parsed page (``pagestore``), named
                                 by the hash of its bytes, shared by generations

A full build goes into ``build-*`` and is published by renaming it and then
replacing ``CURRENT`` (both atomic), so a crash never leaves a half index in use.
Incremental updates commit into the live generation (Whoosh commits are atomic:
the new table of contents is renamed into place) and then replace state.json.
Page records are written (atomically) before the manifest that names them and
never change afterwards; a record is deleted only once neither the manifest
just written, the one it replaced, nor any other generation's names it, so a
reader that read a manifest finds its records.  The manifest stays small (no
page text), so a warm open reads it plus one record per page, and adding a page
writes that page's record and the manifest, not the whole archive again.
Writers hold an exclusive ``flock`` on ``lock``; the kernel drops it when a
process dies, and the pid left in the file tells the next writer that a build
was interrupted.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from liaocheng_tui.archive.model import source_key
from liaocheng_tui.search.errors import CacheProblem, Cancelled

FORMAT = "lc-reader-index"
ENV_VAR = "LC_READER_CACHE"
STATE_FILE = "state.json"
PAGES_DIR = "pages"
LAYOUT = "page-records-1"  # how state.json and the page records are laid out
MANIFEST_KEYS = ("sha1", "digest", "mtime_ns", "size")  # what state.json keeps per file
_DIGEST = re.compile(r"[0-9a-f]{40}")
LOCK_WAIT_SECONDS = 300.0


def default_cache_root() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("lc-reader"))


def resolve_cache_root(cache_dir: Path | str | None) -> Path:
    return Path(cache_dir).expanduser() if cache_dir else default_cache_root()


def archive_key(roots: list[str]) -> str:
    norm = sorted(os.path.realpath(os.path.abspath(r)) for r in roots)
    return hashlib.sha256(json.dumps(norm).encode()).hexdigest()[:20]


def code_fingerprint() -> str:
    """Hash of the code whose output the cache holds: the archive parser and the analysis.

    When the parser or the analysis changes, cached pages and indexes are stale.
    """
    import liaocheng_tui.archive as archive_pkg
    import liaocheng_tui.search.analysis as analysis
    import liaocheng_tui.search.pagestore as pagestore
    import liaocheng_tui.search.schema as schema

    h = hashlib.sha256()
    files = sorted(Path(archive_pkg.__file__).parent.glob("*.py"))
    files = [f for f in files if f.name != "people.py"]
    files += [Path(analysis.__file__), Path(pagestore.__file__), Path(schema.__file__)]
    for path in files:
        h.update(path.name.encode())
        with contextlib.suppress(OSError):
            h.update(path.read_bytes())
    from liaocheng_tui.search.schema import INDEX_VERSION

    h.update(str(INDEX_VERSION).encode())
    return h.hexdigest()[:24]


def write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    # json.dumps uses the C encoder in one shot; json.dump to a file runs the pure-Python one (10× slower)
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(blob)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_bytes_atomic(path: Path, blob: bytes, sync: bool = True) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(blob)
        if sync:
            handle.flush()
            os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_text_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


@dataclass
class CacheState:
    """What state.json of the live generation says."""

    generation: Path
    files: dict[str, dict] = field(default_factory=dict)
    index_generation: int = -1
    stamp: tuple[int, int] | None = None  # state.json's (mtime_ns, size) when read


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ArchiveCache:
    """The cache folder of one archive (one set of roots)."""

    def __init__(self, roots: list[str], cache_root: Path):
        # as keys: a root whose name is not UTF-8 must still be written to state.json
        self.roots = [source_key(os.path.realpath(os.path.abspath(r))) for r in roots]
        self.root = cache_root
        self.key = archive_key(self.roots)
        self.folder = cache_root / "archives" / self.key
        self.fingerprint = code_fingerprint()

    # ---------------------------------------------------------------- reading

    def current_generation(self) -> Path | None:
        try:
            name = (self.folder / "CURRENT").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise CacheProblem(f"index cache at {self.folder} is damaged (CURRENT unreadable: {exc})") from None
        if not name.startswith("gen-") or "/" in name:
            raise CacheProblem(f"index cache at {self.folder} is damaged (CURRENT holds {name[:40]!r})")
        return self.folder / name

    def load_state(self) -> CacheState | None:
        """The live generation's state, None when there is no cache yet; raises CacheProblem."""
        gen = self.current_generation()
        if gen is None:
            return None
        try:
            with open(gen / STATE_FILE, "rb") as handle:
                st = os.fstat(handle.fileno())
                data = json.loads(handle.read())
        except FileNotFoundError:
            raise CacheProblem(f"index cache at {self.folder} is damaged ({gen.name}/{STATE_FILE} missing)") from None
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            msg = " ".join(str(exc).split())[:80]
            raise CacheProblem(f"index cache at {self.folder} is damaged ({STATE_FILE}: {msg})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise CacheProblem(f"index cache at {self.folder} is not an lc-reader index (foreign files)")
        if data.get("fingerprint") != self.fingerprint or data.get("layout") != LAYOUT:
            raise CacheProblem(
                f"index cache at {self.folder} was built by another version of lc-reader "
                f"({data.get('fingerprint', '?')!s:.8} ≠ {self.fingerprint:.8})"
            )
        if sorted(data.get("roots", [])) != sorted(self.roots):
            raise CacheProblem(f"index cache at {self.folder} belongs to another archive ({data.get('roots')})")
        files = data.get("files")
        if not isinstance(files, dict):
            raise CacheProblem(f"index cache at {self.folder} is damaged (no file list)")
        return CacheState(gen, files, int(data.get("index_generation", -1)), (st.st_mtime_ns, st.st_size))

    def unchanged_since(self, state: CacheState) -> bool:
        """Is ``state`` still what the cache holds (same live generation, same state.json)?"""
        try:
            if self.current_generation() != state.generation:
                return False
            st = os.stat(state.generation / STATE_FILE)
        except (OSError, CacheProblem):
            return False
        return state.stamp == (st.st_mtime_ns, st.st_size)

    def read_record(self, digest: str) -> bytes:
        """The stored record of the page with ``digest``; FileNotFoundError when there is none."""
        if not isinstance(digest, str) or not _DIGEST.fullmatch(digest):
            raise ValueError(f"bad page digest {str(digest)[:40]!r}")
        with open(self.folder / PAGES_DIR / f"{digest}.json", "rb") as handle:
            return handle.read()

    def save_state(
        self,
        generation: Path,
        files: dict[str, dict],
        index_generation: int,
        *,
        previous: dict[str, dict] | None = None,
        full: bool = False,
        page_blob: Callable[[str], bytes] | None = None,
    ) -> None:
        """Store the page records ``files`` brings, then the manifest naming them; sweep unnamed records.

        An entry with a ``blob`` (a freshly parsed page) has its record written
        unless one is there already (``full``: always, so a damaged one is
        replaced); an entry without was read from its record.  ``previous`` is
        the manifest this one replaces in ``generation`` (its records are kept
        for readers that still use it); ``page_blob(source)`` serializes a page
        whose record went missing (full builds check).
        """
        store = self.folder / PAGES_DIR
        store.mkdir(parents=True, exist_ok=True)
        manifest: dict[str, dict] = {}
        for source, entry in files.items():
            digest = entry["digest"]
            path = store / f"{digest}.json"
            blob = entry.get("blob")
            if blob is None and full and page_blob is not None and not path.exists():
                blob = page_blob(source)
            if blob is not None and (full or not path.exists()):
                write_bytes_atomic(path, blob)
            manifest[source] = {k: entry[k] for k in MANIFEST_KEYS if k in entry}
        data = {
            "format": FORMAT,
            "layout": LAYOUT,
            "fingerprint": self.fingerprint,
            "roots": self.roots,
            "index_generation": index_generation,
            "written": time.time(),
            "files": manifest,
        }
        write_json_atomic(generation / STATE_FILE, data)
        self.sweep_records(generation, manifest, previous)

    def sweep_records(self, generation: Path, current: dict[str, dict], previous: dict[str, dict] | None) -> None:
        """Delete page records that no manifest names any more (and temp files of dead writers)."""
        keep = {e.get("digest") for e in current.values()}
        if previous:
            keep.update(e.get("digest") for e in previous.values() if isinstance(e, dict))
        with contextlib.suppress(OSError):
            for child in self.folder.iterdir():
                if child.name.startswith(("gen-", "build-")) and child != generation:
                    names = _manifest_digests(child / STATE_FILE)
                    if names is None and child.name.startswith("build-"):
                        continue
                    if names is None and child.name.startswith("gen-") and (child / STATE_FILE).exists():
                        return  # a manifest we cannot read: keep everything rather than guess
                    keep.update(names or ())
        store = self.folder / PAGES_DIR
        try:
            names = os.listdir(store)
        except OSError:
            return
        for name in names:
            if name.endswith(".json"):
                if name[:-5] in keep:
                    continue
            elif name.endswith(".tmp"):
                pid = _tmp_pid(name)
                if pid is not None and pid != os.getpid() and _pid_alive(pid):
                    continue
            else:
                continue
            with contextlib.suppress(OSError):
                os.remove(store / name)

    # ---------------------------------------------------------------- writing

    def new_build_dir(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"build-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        path.mkdir()
        return path

    def publish(self, build_dir: Path) -> Path:
        """Rename a finished build into a generation and make it the live one."""
        gen = self.folder / f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
        os.rename(build_dir, gen)
        previous = None
        with contextlib.suppress(CacheProblem):
            previous = self.current_generation()
        write_text_atomic(self.folder / "CURRENT", gen.name + "\n")
        self._sweep(keep={gen, previous} if previous else {gen})
        return gen

    def _sweep(self, keep: set[Path]) -> None:
        """Remove old generations (the previous one stays for readers that still use it) and dead builds."""
        for child in self.folder.iterdir():
            if child in keep:
                continue
            if child.name.startswith("gen-"):
                shutil.rmtree(child, ignore_errors=True)
            elif child.name.startswith("build-"):
                pid = _build_pid(child)
                if pid is None or pid == os.getpid() or not _pid_alive(pid):
                    shutil.rmtree(child, ignore_errors=True)

    def discard(self) -> None:
        """Forget the live generation (after it was found damaged)."""
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.folder / "CURRENT")

    @contextlib.contextmanager
    def writer_lock(
        self,
        cancelled: Callable[[], bool] | None = None,
        waiting: Callable[[], None] | None = None,
        timeout: float = LOCK_WAIT_SECONDS,
    ) -> Iterator[str | None]:
        """Hold the archive's write lock; yields a one-line warning if the last writer died mid-build."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + timeout
            told = False
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                        raise
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if time.monotonic() > deadline:
                    raise CacheProblem(f"index cache at {self.folder} stayed locked by another lc-reader for {timeout:.0f}s")
                if waiting is not None and not told:
                    waiting()
                    told = True
                time.sleep(0.05)
            previous = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            warning = None
            if previous:
                warning = f"index cache at {self.folder}: stale lock left by a killed lc-reader ({previous}); its work was redone"
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%H:%M:%S')}".encode(), 0)
            os.fsync(fd)
            try:
                yield warning
            finally:
                os.ftruncate(fd, 0)
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _manifest_digests(path: Path) -> set[str] | None:
    """The page digests a generation's manifest names, None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read())
        return {e["digest"] for e in data["files"].values() if isinstance(e, dict) and "digest" in e}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _tmp_pid(name: str) -> int | None:
    """The writer's pid in a temp file name ``.<digest>.json.<pid>.<random>.tmp``."""
    parts = name.split(".")
    try:
        return int(parts[-3])
    except (IndexError, ValueError):
        return None


def _build_pid(path: Path) -> int | None:
    parts = path.name.split("-")
    try:
        return int(parts[1])
    except (IndexError, ValueError):
        return None


def file_signature(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def file_hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()
