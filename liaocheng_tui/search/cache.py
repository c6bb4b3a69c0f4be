"""Where an archive's cache lives, and the lock its writers take turns with.

Layout under the cache root (``--cache-dir``, else ``$LC_READER_CACHE``, else
``platformdirs.user_cache_dir("lc-reader")``)::

    jieba/                       jieba's dictionary cache (and the hashes it is checked by)
    archives/<key>/              one folder per archive (key: hash of the roots)
        store.sqlite             the article store (``store.py``): files, pages, articles, people
        gen-<id>/                the live Whoosh index generation (named in the store's meta)
        build-<pid>-<id>/        a generation being built (renamed when done)
        lock                     flock'ed while writing; holds the writer's pid

Writers hold an exclusive ``flock`` on ``lock``; the kernel drops it when a
process dies, and the pid left in the file tells the next writer that one was
killed.  Anything standing where a folder or a file should be is replaced
(``repair_layout``), and a cache root that cannot be written is swapped for a
per-user temporary one (``usable_cache_root``).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import socket
import stat
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from liaocheng_tui.archive.model import source_key
from liaocheng_tui.search.errors import CacheProblem, Cancelled

ENV_VAR = "LC_READER_CACHE"
LOCK_WAIT_SECONDS = 300.0


def default_cache_root() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("lc-reader"))


def resolve_cache_root(cache_dir: Path | str | None) -> Path:
    return Path(cache_dir).expanduser() if cache_dir else default_cache_root()


def usable_cache_root(root: Path) -> tuple[Path, str | None]:
    """``root`` when the cache can live there; else a per-user temporary cache and a one-line warning."""
    problem = unusable_reason(root)
    if problem is None:
        return root, None
    fallback = fallback_cache_root()
    return fallback, f"cache folder {root} is unusable ({problem}); using a temporary cache at {fallback}"


def unusable_reason(root: Path) -> str | None:
    """Why the cache cannot be written under ``root`` (created if missing), None when it can."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return "it is a file, not a folder"
    except OSError as exc:
        return exc.strerror or str(exc)
    if not root.is_dir():
        return "it is not a folder"
    if not os.access(root, os.W_OK | os.X_OK):
        return "not writable"
    return None


def fallback_cache_root() -> Path:
    """``$TMPDIR/lc-reader-cache-<uid>`` (ours alone: owned by us, mode 0700), else a fresh temporary folder."""
    path = Path(tempfile.gettempdir()) / f"lc-reader-cache-{os.getuid()}"
    with contextlib.suppress(FileExistsError, OSError):
        path.mkdir(mode=0o700)
    try:
        st = os.lstat(path)
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077 and unusable_reason(path) is None:
            return path
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="lc-reader-cache-"))


def remove_path(path: Path) -> None:
    """Remove whatever is at ``path`` (file, link or folder tree); nothing there is fine."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(st.st_mode):
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)


def ensure_folder(path: Path, top: Path) -> bool:
    """Make ``path`` a folder, replacing a file (or anything else) in its way below ``top``; True if
    something was replaced.  ``top`` (the cache root) and what lies above it are never touched."""
    if path == top or top not in path.parents:
        raise ValueError(f"{path} is not inside {top}")
    try:
        path.mkdir(parents=True, exist_ok=True)
        return False
    except FileExistsError:
        pass
    except NotADirectoryError:  # a parent is a file: fix the parents first
        if path.parent == top:
            raise
        ensure_folder(path.parent, top)
    remove_path(path)
    path.mkdir(parents=True, exist_ok=True)
    return True


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` (created; a folder in its place is replaced) while the block runs."""
    if path.is_dir() and not path.is_symlink():
        remove_path(path)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing drops the lock


def archive_key(roots: list[str]) -> str:
    norm = sorted(os.path.realpath(os.path.abspath(r)) for r in roots)
    return hashlib.sha256(json.dumps(norm).encode()).hexdigest()[:20]


def write_json_atomic(path: Path, data: dict) -> None:
    if path.is_dir() and not path.is_symlink():
        remove_path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    # json.dumps uses the C encoder in one shot; json.dump to a file runs the pure-Python one (10× slower)
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(blob)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


CHECKSUM_KEY = "checksum"


# ---------------------------------------------------------------- checks of what is read


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

    # ---------------------------------------------------------------- reading


    def repair_layout(self) -> list[tuple[str, str]]:
        """Put right what stands where a folder or a file of the cache should be: (part, one-line note) per repair.

        Runs on every open (a few ``lstat``): the article store and ``lock``
        must be files.  Nothing that is in the wrong place can
        be in use, so it is replaced without the lock.
        """
        notes = []
        if self.folder.exists() and not self.folder.is_dir() or _blocked_by_a_file(self.folder, self.root):
            ensure_folder(self.folder, self.root)
            where = self.folder.relative_to(self.root)
            return [("folder", f"index cache at {self.folder} is damaged ({where} was not a folder); rebuilt")]
        for name, want_dir in (("store.sqlite", False), ("store.sqlite-wal", False), ("lock", False)):
            path = self.folder / name
            try:
                is_dir = stat.S_ISDIR(os.lstat(path).st_mode)
            except FileNotFoundError:
                continue
            except OSError as exc:
                notes.append((name, f"index cache at {self.folder} is damaged ({name} unreadable: {exc.strerror or exc}); rebuilt"))
                continue
            if is_dir != want_dir:
                what = "a file" if want_dir else "a folder"
                remove_path(path)
                done = "replaced it" if name == "lock" else "rebuilt"
                notes.append((name, f"index cache at {self.folder} is damaged ({name} is {what}); {done}"))
        return notes


    # ---------------------------------------------------------------- writing

    def new_build_dir(self) -> Path:
        ensure_folder(self.folder, self.root)
        path = self.folder / f"build-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        path.mkdir()
        return path


    @contextlib.contextmanager
    def writer_lock(
        self,
        cancelled: Callable[[], bool] | None = None,
        waiting: Callable[[], None] | None = None,
        timeout: float = LOCK_WAIT_SECONDS,
    ) -> Iterator[str | None]:
        """Hold the archive's write lock; yields a one-line warning if the last writer died mid-build."""
        ensure_folder(self.folder, self.root)
        lock = self.folder / "lock"
        if lock.is_dir() and not lock.is_symlink():
            remove_path(lock)  # damage (repair_layout reports it): a folder cannot be locked
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
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


def _blocked_by_a_file(path: Path, top: Path) -> bool:
    """Does something that is not a folder stand in place of a folder between ``top`` and ``path``?"""
    for parent in path.parents:
        if parent == top or top not in parent.parents:
            return False
        if os.path.lexists(parent) and not parent.is_dir():
            return True
    return False


def _build_pid(path: Path) -> int | None:
    parts = path.name.split("-")
    try:
        return int(parts[1])
    except (IndexError, ValueError):
        return None


