"""The index cache: warm starts, incremental updates, damage, other versions, stale locks, two writers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from liaocheng_tui.search import indexer
from liaocheng_tui.search.cache import ArchiveCache
from liaocheng_tui.search.service import open_archive, open_search
from tests.support.opened import opened_archive
from liaocheng_tui.search.store import STORE_FILE, ArticleStore

UNIQUE = "独一无二测试词"


@pytest.fixture
def counted(monkeypatch):
    """Counts of pages parsed and of full/incremental index writes."""
    import liaocheng_tui.archive.loader as loader

    calls = {"parse": 0, "build": 0, "update": 0}
    real_read, real_build, real_update = loader.read_page, indexer.build_from_store, indexer.update_from_store

    def read_page(path):
        calls["parse"] += 1
        return real_read(path)

    def build(*a, **k):
        calls["build"] += 1
        return real_build(*a, **k)

    def update(*a, **k):
        calls["update"] += 1
        return real_update(*a, **k)

    monkeypatch.setattr(loader, "read_page", read_page)
    monkeypatch.setattr(indexer, "build_from_store", build)
    monkeypatch.setattr(indexer, "update_from_store", update)
    return calls


def open_and_close(root, cache, **kw):
    archive, service = opened_archive([root], cache_dir=cache, **kw)
    service.close()
    return archive, service


def store_of(root: Path, cache: Path) -> ArticleStore:
    return ArticleStore(ArchiveCache([str(root)], cache).folder / STORE_FILE)


def live_generation(root: Path, cache: Path) -> str:
    store = store_of(root, cache)
    try:
        return str(store.meta("generation"))
    finally:
        store.close()


def test_warm_start_reparses_and_reindexes_nothing(seed_copy, tmp_path, counted):
    cache = tmp_path / "cache"
    archive, _ = open_and_close(seed_copy, cache)
    assert counted == {"parse": 5, "build": 1, "update": 0}
    generation = live_generation(seed_copy, cache)
    archive2, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert counted == {"parse": 5, "build": 1, "update": 0}
        assert live_generation(seed_copy, cache) == generation
        assert service.warnings == []
        assert [a.title for a in archive2.articles] == [a.title for a in archive.articles]
        assert [a.id for a in archive2.articles] == [a.id for a in archive.articles]
        assert service.search("技改").total > 0
    finally:
        service.close()
    lean = open_search([seed_copy], cache_dir=cache)  # the CLI's path: same answers, no Archive
    try:
        assert counted == {"parse": 5, "build": 1, "update": 0}
        assert [h.article.id for h in lean.search("技改", limit=None).hits] == [
            h.article.id for h in service_hits(seed_copy, cache, "技改")]
    finally:
        lean.close()


def service_hits(root, cache, q):
    archive, service = opened_archive([root], cache_dir=cache)
    try:
        return service.search(q, limit=None).hits
    finally:
        service.close()


def test_touched_but_unchanged_file_is_not_reparsed(seed_copy, tmp_path, counted):
    cache = tmp_path / "cache"
    open_and_close(seed_copy, cache)
    path = sorted(seed_copy.glob("*.txt"))[0]
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    open_and_close(seed_copy, cache)
    assert counted == {"parse": 5, "build": 1, "update": 0}


def test_file_changed_in_place_with_the_same_size_is_read_again(seed_copy, tmp_path, counted):
    """A same-size edit (one character for another of as many bytes) is seen by its new mtime."""
    cache = tmp_path / "cache"
    open_and_close(seed_copy, cache)
    path = sorted(seed_copy.glob("*.txt"))[0]
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "白文斌" in text
    path.write_text(text.replace("白文斌", "黑文斌"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 2_000_000_000))
    assert path.stat().st_size == before.st_size
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert counted == {"parse": 6, "build": 1, "update": 1}
        assert {Path(h.article.page.source).name for h in service.search("黑文斌", limit=None).hits} == {path.name}
        assert service.search("白文斌").total == 0
    finally:
        service.close()


def test_incremental_add_change_delete(seed_copy, tmp_path, counted):
    cache = tmp_path / "cache"
    _, service = open_and_close(seed_copy, cache)
    files = sorted(seed_copy.glob("*.txt"))

    # add: a copy of a page under another name doubles that page's hits
    (seed_copy / "zz_added.txt").write_bytes(files[0].read_bytes())
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert counted == {"parse": 6, "build": 1, "update": 1}
        sources = {Path(h.article.page.source).name for h in service.search("白文斌", limit=None).hits}
        assert sources == {files[0].name, "zz_added.txt"}
    finally:
        service.close()

    # change: a new word appears, only in the changed file
    with open(files[1], "a", encoding="utf-8") as handle:
        handle.write(f"\n\n补充一段，其中有{UNIQUE}。\n")
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert counted == {"parse": 7, "build": 1, "update": 2}
        hits = service.search(UNIQUE).hits
        assert [Path(h.article.page.source).name for h in hits] == [files[1].name]
    finally:
        service.close()

    # delete: its articles are gone
    files[1].unlink()
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert counted == {"parse": 7, "build": 1, "update": 3}
        assert service.search(UNIQUE).total == 0
        assert files[1].name not in {p.name for p in archive.pages}
        assert service.article_count == len(archive.articles)
    finally:
        service.close()


def _one_warning(service, *needles):
    assert len(service.warnings) == 1, service.warnings
    warning = service.warnings[0]
    assert "\n" not in warning
    for needle in needles:
        assert needle in warning, warning


def _works(service, archive):
    assert service.article_count == len(archive.articles)
    assert service.search("技改").total > 0


@pytest.mark.parametrize("how", ["index files", "index folder gone", "store garbled", "store truncated"])
def test_damaged_cache_is_reported_and_rebuilt(seed_copy, tmp_path, how):
    cache = tmp_path / "cache"
    open_and_close(seed_copy, cache)
    folder = ArchiveCache([str(seed_copy)], cache).folder
    gen = folder / live_generation(seed_copy, cache)
    if how == "index files":
        for f in gen.iterdir():
            f.write_bytes(os.urandom(300))
    elif how == "index folder gone":
        shutil.rmtree(gen)
    elif how == "store garbled":
        (folder / STORE_FILE).write_bytes(os.urandom(4096))
    else:
        with open(folder / STORE_FILE, "r+b") as handle:
            handle.truncate(100)
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        if how != "index folder gone":
            _one_warning(service, "damaged", "rebuilt")
        _works(service, archive)
    finally:
        service.close()
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert service.warnings == []
        _works(service, archive)
    finally:
        service.close()


def test_a_damaged_index_met_while_adding_a_page_is_reported_and_rebuilt(seed_copy, tmp_path, counted):
    """With a page to add the live index is first opened under the writer lock: damage found
    there is still one warning and a full build (never an update of a damaged index)."""
    cache = tmp_path / "cache"
    open_and_close(seed_copy, cache)
    gen = ArchiveCache([str(seed_copy)], cache).folder / live_generation(seed_copy, cache)
    for f in gen.iterdir():
        f.write_bytes(os.urandom(300))
    files = sorted(seed_copy.glob("*.txt"))
    (seed_copy / "zz_added.txt").write_bytes(files[0].read_bytes())
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        _one_warning(service, "index at", "damaged", "rebuilt")
        assert counted == {"parse": 6, "build": 2, "update": 0}
        assert {Path(h.article.page.source).name for h in service.search("白文斌", limit=None).hits} == {
            files[0].name, "zz_added.txt"}
        _works(service, archive)
    finally:
        service.close()


def test_a_new_parser_version_parses_again_and_a_new_index_version_only_reindexes(seed_copy, tmp_path, counted):
    cache = tmp_path / "cache"
    open_and_close(seed_copy, cache)
    store = store_of(seed_copy, cache)
    store.set_meta("index_version", "0")
    store.close()
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert counted == {"parse": 5, "build": 2, "update": 0}
        _works(service, archive)
    finally:
        service.close()
    store = store_of(seed_copy, cache)
    store.set_meta("parser_version", "0")
    store.close()
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert counted["parse"] == 10 and counted["build"] + counted["update"] == 3
        _works(service, archive)
    finally:
        service.close()


def test_pages_stored_but_not_indexed_are_indexed_at_the_next_start(seed_copy, tmp_path, counted):
    """A crash between the store's commit and the index's: the next start indexes what is missing."""
    from liaocheng_tui.search.sync import bring_store_up_to_date

    cache = tmp_path / "cache"
    open_and_close(seed_copy, cache)
    (seed_copy / "zz_new.txt").write_text(f"新的一页：{UNIQUE}。\n", encoding="utf-8")
    store = store_of(seed_copy, cache)
    bring_store_up_to_date(store, [seed_copy], None, None, None, [])  # parsed and stored, then "killed"
    store.close()
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert counted == {"parse": 6, "build": 1, "update": 1}
        assert service.search(UNIQUE).total == 1
    finally:
        service.close()


def test_stale_lock_is_reported_and_the_work_resumed(seed_copy, tmp_path, counted):
    cache = tmp_path / "cache"
    open_and_close(seed_copy, cache)
    c = ArchiveCache([str(seed_copy)], cache)
    before = service_hits(seed_copy, cache, "白文斌")
    (c.folder / "lock").write_text("pid 999999 on elsewhere since 01:02:03")
    (seed_copy / "zz_new.txt").write_bytes(sorted(seed_copy.glob("*.txt"))[0].read_bytes())
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        _one_warning(service, "stale lock", "killed")
        _works(service, archive)
        assert service.search("白文斌").total == 2 * len(before)
    finally:
        service.close()


KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from liaocheng_tui.search.cache import ArchiveCache
c = ArchiveCache([sys.argv[1]], Path(sys.argv[2]))
with c.writer_lock():
    c.new_build_dir()
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_writer_killed_mid_build(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    open_and_close(seed_copy, cache)
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(seed_copy), str(cache)])
    assert proc.returncode == -signal.SIGKILL
    c = ArchiveCache([str(seed_copy)], cache)
    assert any(p.name.startswith("build-") for p in c.folder.iterdir())
    (seed_copy / "zz_new.txt").write_text("新的一页：测试杀死的进程之后。\n", encoding="utf-8")
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        _one_warning(service, "stale lock", "killed")
        _works(service, archive)
        assert service.search("杀死的进程").total == 1
    finally:
        service.close()
    assert not any(p.name.startswith("build-") for p in c.folder.iterdir())


REFRESH = """
import sys
from pathlib import Path
from liaocheng_tui.search.service import open_archive
archive, service = open_archive([Path(sys.argv[1])], cache_dir=Path(sys.argv[2]))
print(service.article_count, sum(len(p.articles) for p in archive.iter_pages()), service.search("技改").total,
      len(service.warnings))
service.close()
"""


def test_two_concurrent_refreshes_leave_a_usable_index(seed_copy, tmp_path):
    cache = tmp_path / "cache"
    procs = [
        subprocess.Popen([sys.executable, "-c", REFRESH, str(seed_copy), str(cache)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=240) for p in procs]
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
        n_index, n_articles, hits, n_warnings = map(int, out.split())
        assert n_index == n_articles and hits > 0 and n_warnings == 0
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert service.warnings == []
        _works(service, archive)
    finally:
        service.close()
    # and again while files change underneath: add a page, two refreshes at once
    (seed_copy / "zz_more.txt").write_text("并发刷新时新增的一页：双进程测试。\n", encoding="utf-8")
    procs = [
        subprocess.Popen([sys.executable, "-c", REFRESH, str(seed_copy), str(cache)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
    archive, service = opened_archive([seed_copy], cache_dir=cache)
    try:
        assert service.search("双进程测试").total == 1
        _works(service, archive)
    finally:
        service.close()


QUIET = """
import sys
from pathlib import Path
from liaocheng_tui.search.service import open_archive
archive, service = open_archive([Path(sys.argv[1])], cache_dir=Path(sys.argv[2]))
service.more_like(next(archive.iter_pages()).articles[0])
service.close()
"""


def test_jieba_cache_lives_under_the_cache_dir_and_jieba_is_silent(seed_copy, tmp_path):
    cache = tmp_path / "fresh-cache"
    env = {k: v for k, v in os.environ.items() if k != "LC_READER_CACHE"}
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    proc = subprocess.run([sys.executable, "-c", QUIET, str(seed_copy), str(cache)],
                          capture_output=True, text=True, env=env, timeout=240)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and proc.stdout == ""
    assert (cache / "jieba" / "jieba.cache").is_file()
    assert not any("jieba" in p.name for p in (tmp_path / "tmp").iterdir())


JIEBA_ALONE = """
import sys
from pathlib import Path
from liaocheng_tui.search.analysis import configure_jieba, jieba_tokenizer
configure_jieba(Path(sys.argv[1]))
words = [w for w, _, _ in jieba_tokenizer().tokenize("聊城市技改项目推进会召开")]
print(" ".join(words))
print("pkg_resources" in sys.modules)
"""


def test_jieba_loads_its_dictionary_without_pkg_resources(tmp_path):
    """jieba's own data files are opened from its folder (``import pkg_resources`` cost ~0.1 s
    of a page add's start): the same words, built fresh and then from the cache."""
    for attempt in ("fresh", "cached"):
        proc = subprocess.run([sys.executable, "-c", JIEBA_ALONE, str(tmp_path / "jieba")],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        words, loaded = proc.stdout.splitlines()
        assert words.split() == ["聊", "城市", "技改", "项目", "推进", "会", "召开"], attempt
        assert loaded == "False", attempt
    assert (tmp_path / "jieba" / "jieba.cache").is_file()


def test_no_cache_writes_nothing(seed_copy, tmp_path):
    cache = tmp_path / "unused"
    archive, service = opened_archive([seed_copy], cache_dir=cache, use_cache=False)
    try:
        _works(service, archive)
    finally:
        service.close()
    assert not cache.exists()


def test_search_layer_imports_neither_textual_nor_jieba():
    code = textwrap.dedent("""
        import sys
        import liaocheng_tui.search.service, liaocheng_tui.search.query, liaocheng_tui.search.cache
        import liaocheng_tui.search.highlight, liaocheng_tui.search.indexer, liaocheng_tui.archive.people
        import liaocheng_tui.cli.search_cmds
        bad = [m for m in ("textual", "jieba", "liaocheng_tui.ui") if m in sys.modules]
        print(",".join(bad))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_empty_and_missing_archives(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    for _ in range(2):
        archive, service = opened_archive([empty], cache_dir=tmp_path / "c")
        try:
            assert archive.articles == [] and service.search("技改").total == 0
            assert service.search("记者:林晨 -技改").total == 0
        finally:
            service.close()
    archive, service = opened_archive([tmp_path / "missing"], cache_dir=tmp_path / "c")
    try:
        assert service.search("技改").total == 0
        assert any("no such file" in w for w in archive.warnings)
    finally:
        service.close()
