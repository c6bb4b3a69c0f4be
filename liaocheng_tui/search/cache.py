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

Every file is checked when read: a page record must hash to its name, the
manifest must hold what it should (``checked_manifest``), the index files must
be those the manifest lists (``index_damage``: sizes and changed mtimes on open,
every hash when asked), and anything standing where a folder or a file should be
is replaced (``repair_layout``).  A cache root that cannot be written is swapped
for a per-user temporary one (``usable_cache_root``).
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
import stat
import tempfile
import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from liaocheng_tui.archive.model import source_key
from liaocheng_tui.search.errors import CacheProblem, Cancelled

FORMAT = "lc-reader-index"
ENV_VAR = "LC_READER_CACHE"
STATE_FILE = "state.json"
PAGES_DIR = "pages"
LAYOUT = "page-records-2"  # how state.json and the page records are laid out (2: index files listed)
MANIFEST_KEYS = ("sha1", "digest", "crc", "mtime_ns", "size")  # what state.json keeps per file
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


def checksummed_json(data: dict) -> bytes:
    """``data`` as JSON ending in ``,"checksum":"<sha1 of the same JSON without it>"}``.

    A garble that leaves the JSON valid (a digit, a letter of a file name) still
    breaks the checksum; checking it costs one hash, not a second encoding.
    """
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return body[:-1] + f',"{CHECKSUM_KEY}":"{hashlib.sha1(body).hexdigest()}"}}'.encode()


def checksum_problem(raw: bytes) -> str | None:
    """Why the bytes of a ``checksummed_json`` file are not as written, None when they are."""
    tail = len(f',"{CHECKSUM_KEY}":"') + 40 + 2
    head, digest = raw[:-tail], raw[-tail:]
    if not digest.startswith(f',"{CHECKSUM_KEY}":"'.encode()) or not digest.endswith(b'"}'):
        return "no checksum"
    if hashlib.sha1(head + b"}").hexdigest().encode() != digest[-42:-2]:
        return "checksum does not match"
    return None


def write_bytes_atomic(path: Path, blob: bytes, sync: bool = True) -> None:
    if path.is_dir() and not path.is_symlink():
        remove_path(path)  # a folder where the file goes (damage): os.replace cannot overwrite it
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(blob)
        if sync:
            handle.flush()
            os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_text_atomic(path: Path, text: str) -> None:
    if path.is_dir() and not path.is_symlink():
        remove_path(path)
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
    index_files: dict[str, dict] = field(default_factory=dict)  # file name -> size, mtime_ns, sha1
    stamp: tuple[int, int] | None = None  # state.json's (mtime_ns, size) when read


# ---------------------------------------------------------------- checks of what is read


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_digest(value) -> bool:
    return isinstance(value, str) and _DIGEST.fullmatch(value) is not None


def file_entry_problem(entry) -> str | None:
    """Why a manifest's entry for one page file is unusable, None when it is sound."""
    if not isinstance(entry, dict):
        return f"a file entry is {type(entry).__name__}, not an object"
    if not _is_digest(entry.get("digest")) or ("sha1" in entry and not _is_digest(entry["sha1"])):
        return "a file entry has no valid hash"
    if any(key in entry and not _is_int(entry[key]) for key in ("crc", "mtime_ns", "size")):
        return "a file entry has no valid size, mtime or checksum"
    return None


def index_file_entry_problem(name, entry) -> str | None:
    """Why the listing of one index file is unusable (a name must stay inside its generation)."""
    if not isinstance(name, str) or not name or "/" in name or name.startswith("."):
        return f"bad index file name {str(name)[:40]!r}"
    if not isinstance(entry, dict) or not _is_digest(entry.get("sha1")):
        return f"index file {name} has no valid hash"
    if not _is_int(entry.get("size")) or not _is_int(entry.get("mtime_ns")):
        return f"index file {name} has no valid size or mtime"
    return None


def manifest_problem(data: dict) -> str | None:
    """Why a state.json (already known to be ours) cannot be used, None when every part is sound."""
    files = data.get("files")
    if not isinstance(files, dict):
        return "no file list"
    for entry in files.values():
        problem = file_entry_problem(entry)
        if problem is not None:
            return problem
    if not _is_int(data.get("index_generation")):
        return f"index_generation is {str(data.get('index_generation'))[:20]!r}, not a number"
    listing = data.get("index_files")
    if not isinstance(listing, dict) or not listing:
        return "no index file list"
    for name, entry in listing.items():
        problem = index_file_entry_problem(name, entry)
        if problem is not None:
            return problem
    return None


def _sha1_of_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha1").hexdigest()


def _is_index_file(name: str) -> bool:
    return name != STATE_FILE and not name.startswith(".") and not name.endswith(("_WRITELOCK", ".tmp"))


def index_file_listing(generation: Path, previous: dict[str, dict] | None = None) -> dict[str, dict]:
    """Size, mtime and hash of every index file in ``generation``; hashes of files unchanged since
    ``previous`` (same size and mtime) are taken from it rather than read again."""
    listing: dict[str, dict] = {}
    for name in sorted(os.listdir(generation)):
        path = generation / name
        st = os.lstat(path)
        if not _is_index_file(name) or not stat.S_ISREG(st.st_mode):
            continue
        old = (previous or {}).get(name)
        if isinstance(old, dict) and (old.get("size"), old.get("mtime_ns")) == (st.st_size, st.st_mtime_ns):
            digest = old["sha1"]
        else:
            digest = _sha1_of_file(path)
        listing[name] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha1": digest}
    return listing


def index_damage(generation: Path, listing: dict[str, dict], thorough: bool = False) -> str | None:
    """Why the index files in ``generation`` are not those ``listing`` names, None when they are.

    Cheap (on every open): each file is there with its size, and a file whose
    mtime changed still has its hash.  ``thorough``: every file's hash is checked.
    """
    for name, entry in listing.items():
        path = generation / name
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):
                return f"index file {name} is not a file"
            if st.st_size != entry["size"]:
                return f"index file {name} has {st.st_size} bytes, not {entry['size']}"
            if (thorough or st.st_mtime_ns != entry["mtime_ns"]) and _sha1_of_file(path) != entry["sha1"]:
                return f"index file {name} does not match its hash"
        except FileNotFoundError:
            return f"index file {name} missing"
        except OSError as exc:
            return f"index file {name} unreadable ({exc.strerror or exc})"
    return None


def record_crc(blob: bytes) -> int:
    """The checksum of a page record kept in the manifest: checked on every read, 3× cheaper than its sha1."""
    return zlib.crc32(blob)


def record_damage(digest: str, blob: bytes, crc: int | None = None) -> str | None:
    """Why a page record's bytes are not the record named ``digest``, None when they are.

    Checked by the manifest's ``crc`` when it has one, else by the hash that names the record."""
    if (record_crc(blob) != crc) if crc is not None else (hashlib.sha1(blob).hexdigest() != digest):
        return f"page record {digest[:12]}… does not match its hash"
    return None


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
                raw = handle.read()
            data = json.loads(raw)
        except FileNotFoundError:
            raise CacheProblem(f"index cache at {self.folder} is damaged ({gen.name}/{STATE_FILE} missing)") from None
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            msg = (exc.strerror if isinstance(exc, OSError) and exc.strerror else " ".join(str(exc).split()))[:80]
            raise CacheProblem(f"index cache at {self.folder} is damaged ({STATE_FILE}: {msg})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise CacheProblem(f"index cache at {self.folder} is not an lc-reader index (foreign files)")
        if data.get("fingerprint") != self.fingerprint or data.get("layout") != LAYOUT:
            raise CacheProblem(
                f"index cache at {self.folder} was built by another version of lc-reader "
                f"({data.get('fingerprint', '?')!s:.8} ≠ {self.fingerprint:.8})"
            )
        roots = data.get("roots")
        if not isinstance(roots, list) or sorted(map(str, roots)) != sorted(self.roots):
            raise CacheProblem(f"index cache at {self.folder} belongs to another archive ({str(roots)[:80]})")
        problem = manifest_problem(data) or checksum_problem(raw)
        if problem is not None:
            raise CacheProblem(f"index cache at {self.folder} is damaged ({STATE_FILE}: {problem})")
        return CacheState(
            gen, data["files"], data["index_generation"], data["index_files"], (st.st_mtime_ns, st.st_size)
        )

    def unchanged_since(self, state: CacheState) -> bool:
        """Is ``state`` still what the cache holds (same live generation, same state.json)?"""
        try:
            if self.current_generation() != state.generation:
                return False
            st = os.stat(state.generation / STATE_FILE)
        except (OSError, CacheProblem):
            return False
        return state.stamp == (st.st_mtime_ns, st.st_size)

    def read_record(self, digest: str, crc: int | None = None) -> bytes:
        """The stored record of the page with ``digest``, its checksum (``crc``, else its hash) checked.

        FileNotFoundError when there is none; ValueError when its bytes are not
        the record of that name (edited or damaged on disk); OSError otherwise.
        """
        if not _is_digest(digest):
            raise ValueError(f"bad page digest {str(digest)[:40]!r}")
        with open(self.folder / PAGES_DIR / f"{digest}.json", "rb") as handle:
            blob = handle.read()
        problem = record_damage(digest, blob, crc)
        if problem is not None:
            raise ValueError(problem)
        return blob

    def record_intact(self, digest: str) -> bool:
        try:
            self.read_record(digest)  # by its sha1: a full build checks what it keeps as thoroughly as it can
        except (OSError, ValueError):
            return False
        return True

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

    def save_state(
        self,
        generation: Path,
        files: dict[str, dict],
        index_generation: int,
        *,
        previous: dict[str, dict] | None = None,
        full: bool = False,
        page_blob: Callable[[str], bytes] | None = None,
        previous_index_files: dict[str, dict] | None = None,
    ) -> dict[str, dict]:
        """Store the page records ``files`` brings, then the manifest naming them; sweep unnamed records.
        Returns the manifest's listing of the index files.

        An entry with a ``blob`` (a freshly parsed page) has its record written
        unless one is there already (``full``: always, so a damaged one is
        replaced); an entry without was read from its record.  ``previous`` is
        the manifest this one replaces in ``generation`` (its records are kept
        for readers that still use it); ``page_blob(source)`` serializes a page
        whose record went missing (full builds check).
        """
        store = self.folder / PAGES_DIR
        ensure_folder(store, self.root)
        manifest: dict[str, dict] = {}
        for source, entry in files.items():
            digest = entry["digest"]
            path = store / f"{digest}.json"
            blob = entry.get("blob")
            if blob is None and full and page_blob is not None and not self.record_intact(digest):
                blob = page_blob(source)
            if blob is not None and (full or entry.get("rewrite") or not path.is_file()):
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
            "index_files": index_file_listing(generation, previous_index_files),
        }
        write_bytes_atomic(generation / STATE_FILE, checksummed_json(data))
        self.sweep_records(generation, manifest, previous)
        return data["index_files"]

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
        ensure_folder(self.folder, self.root)
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
                remove_path(child)
            elif child.name.startswith("build-"):
                pid = _build_pid(child)
                if pid is None or pid == os.getpid() or not _pid_alive(pid):
                    remove_path(child)

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
