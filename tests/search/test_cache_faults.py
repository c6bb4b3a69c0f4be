"""Damage to every kind of file in the index cache: reported in one line, repaired, answers as --no-cache.

Each test damages a copy of one warm cache of the seeds and compares what the
service (or the CLI) answers with what it answers without a cache.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from liaocheng_tui.cli import main
from liaocheng_tui.search.cache import ArchiveCache
from liaocheng_tui.search.service import open_archive
from liaocheng_tui.seeds import seeds_dir
from liaocheng_tui.search.store import STORE_FILE
from tests.support.damage import garble, live_generation, posting_bytes

QUERIES = ["聊城", "技改", "记者:林晨", "标题:聊城", '"高质量发展"', "技改 OR 高唐", "聊城 -技改", "日期:2024", "聊域"]


def answers(service) -> list[tuple]:
    """What every query of QUERIES answers: count, then (id, score) of every hit in order."""
    out = []
    for q in QUERIES:
        results = service.search(q, limit=None)
        out.append((q, results.total, [(h.article.id, round(h.score, 6)) for h in results.hits]))
    return out


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive") / "seeds"
    shutil.copytree(seeds_dir(), folder)
    return folder


@pytest.fixture(scope="module")
def expected(seeds) -> list[tuple]:
    _, service = open_archive([seeds], use_cache=False)
    try:
        return answers(service)
    finally:
        service.close()


@pytest.fixture(scope="module")
def pristine(seeds, tmp_path_factory) -> Path:
    """A warm cache of the seeds, never damaged: each test damages a copy."""
    root = tmp_path_factory.mktemp("pristine") / "cache"
    _, service = open_archive([seeds], cache_dir=root)
    service.close()
    return root


@pytest.fixture
def cache(pristine, tmp_path) -> Path:
    root = tmp_path / "cache"
    shutil.copytree(pristine, root, symlinks=True)
    return root


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """A TMPDIR of the test's own, so a fallback cache lands there."""
    import tempfile

    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def archive_folder(seeds: Path, cache: Path) -> Path:
    return ArchiveCache([str(seeds)], cache).folder


def open_answers(seeds: Path, cache: Path) -> tuple[list[str], list[tuple]]:
    _, service = open_archive([seeds], cache_dir=cache)
    try:
        got = answers(service)
        return list(service.warnings), got
    finally:
        service.close()


def assert_one_line(warnings: list[str], *needles: str, item: str) -> None:
    assert len(warnings) == 1, f"{item}: {warnings}"
    assert "\n" not in warnings[0], f"{item}: {warnings[0]!r}"
    for needle in needles:
        assert needle in warnings[0], f"{item}: {needle!r} not in {warnings[0]!r}"


def assert_repaired(seeds: Path, cache: Path, expected, item: str) -> None:
    warnings, got = open_answers(seeds, cache)
    assert warnings == [], f"{item}: still reported on the next open: {warnings}"
    assert got == expected, f"{item}: answers after the repair differ from --no-cache"


# ---------------------------------------------------------------- the article store


def _store(seeds: Path, cache: Path):
    import sqlite3

    return sqlite3.connect(archive_folder(seeds, cache) / STORE_FILE)


def test_an_edited_article_row_is_caught_by_its_checksum_and_read_again(seeds, cache, expected):
    db = _store(seeds, cache)
    with db:
        db.execute("UPDATE articles SET paragraphs = replace(paragraphs, '聊城', '聊域')"
                   " WHERE id IN (SELECT article_id FROM letters WHERE instr(l_body, '聊城') > 0)")
        db.execute("UPDATE letters SET l_body = replace(l_body, '聊城', '聊域') WHERE instr(l_body, '聊城') > 0")
    db.close()
    generation = live_generation([seeds], cache)
    _, service = open_archive([seeds], cache_dir=cache)
    try:
        got = answers(service)
        warnings = list(service.warnings)
    finally:
        service.close()
    assert warnings and all("damaged" in w and "checksum" in w for w in warnings), warnings
    assert got == expected, "edited rows: answers differ from --no-cache (the edit was served)"
    assert live_generation([seeds], cache) == generation, "edited rows: the whole index was rebuilt"
    assert_repaired(seeds, cache, expected, "edited rows")


@pytest.mark.parametrize("where", [0.02, 0.3, 0.5, 0.7, 0.95])
def test_garbled_store_bytes_never_change_an_answer(seeds, cache, expected, where):
    path = archive_folder(seeds, cache) / STORE_FILE
    garble(path, int(path.stat().st_size * where), 50)
    _, service = open_archive([seeds], cache_dir=cache)
    try:
        got = answers(service)
        warnings = list(service.warnings)
    finally:
        service.close()
    assert got == expected, f"store garbled at {where:.0%}: answers differ from --no-cache ({warnings})"
    assert all("damaged" in w for w in warnings) and all("\n" not in w for w in warnings), warnings
    assert_repaired(seeds, cache, expected, f"store garbled at {where:.0%}")


# ---------------------------------------------------------------- index segments


def test_garbling_the_postings_breaks_whooshs_own_read(pristine, seeds, tmp_path):
    """The test below damages the right bytes: Whoosh itself fails to read that term afterwards."""
    from liaocheng_tui.search import indexer

    root = tmp_path / "cache"
    shutil.copytree(pristine, root)
    segment, offset, length = posting_bytes(live_generation([seeds], root), "body_bg", "聊城")
    garble(segment, offset + length // 3)
    ix = indexer.open_index(segment.parent)
    try:
        with ix.searcher() as searcher, pytest.raises(Exception):  # noqa: B017,PT011 - any read error
            list(searcher.postings("body_bg", "聊城").all_ids())
    finally:
        ix.close()


def test_garbled_segment_read_error_at_query_time_is_repaired_and_the_query_answered(seeds, cache, expected):
    segment, offset, length = posting_bytes(live_generation([seeds], cache), "body_bg", "聊城")
    garble(segment, offset + length // 3, keep_mtime=True)  # bit rot: nothing to see on open
    _, service = open_archive([seeds], cache_dir=cache)
    try:
        assert service.warnings == [], "garbled segment: the cheap open check cannot see bit rot"
        got = answers(service)
        assert_one_line(service.warnings, "damaged", "rebuilt", item="garbled segment")
        assert got == expected, "garbled segment: answers differ from --no-cache"
        assert len(service.warnings) == 1, "garbled segment: reported more than once"
    finally:
        service.close()
    assert_repaired(seeds, cache, expected, "garbled segment")


def test_garbled_segment_is_caught_on_open_when_its_mtime_changed(seeds, cache, expected):
    segment, offset, _ = posting_bytes(live_generation([seeds], cache), "body_bg", "技改")
    garble(segment, offset)
    warnings, got = open_answers(seeds, cache)
    assert_one_line(warnings, "damaged", "rebuilt", item="rewritten segment")
    assert got == expected, "rewritten segment: answers differ from --no-cache"
    assert_repaired(seeds, cache, expected, "rewritten segment")


@pytest.mark.parametrize("how", ["truncated", "deleted", "a folder"])
def test_truncated_deleted_or_replaced_segment(seeds, cache, expected, how):
    generation = live_generation([seeds], cache)
    segment = next(generation.glob("*.seg"))
    if how == "truncated":
        with open(segment, "r+b") as handle:
            handle.truncate(segment.stat().st_size // 2)
    elif how == "deleted":
        segment.unlink()
    else:
        segment.unlink()
        segment.mkdir()
    warnings, got = open_answers(seeds, cache)
    assert_one_line(warnings, "damaged", "rebuilt", item=f"segment {how}")
    assert got == expected, f"segment {how}: answers differ from --no-cache"
    assert_repaired(seeds, cache, expected, f"segment {how}")


def cli(*args: str, env: dict | None = None):
    return CliRunner(env=env).invoke(main, list(args), catch_exceptions=False)


def warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_search_command_survives_a_garbled_segment_with_the_no_cache_answer(seeds, cache):
    segment, offset, length = posting_bytes(live_generation([seeds], cache), "body_bg", "聊城")
    garble(segment, offset + length // 3, keep_mtime=True)
    plain = cli("search", "聊城", str(seeds), "--format", "jsonl", "-n", "100", "--no-cache")
    result = cli("search", "聊城", str(seeds), "--format", "jsonl", "-n", "100", "--cache-dir", str(cache))
    assert result.exit_code == 0, f"garbled segment: exit {result.exit_code}: {result.stderr}"
    assert result.stdout == plain.stdout, "garbled segment: search output differs from --no-cache"
    lines = warning_lines(result.stderr)
    assert len(lines) == 1 and "damaged" in lines[0] and "rebuilt" in lines[0], f"garbled segment: {lines}"


def test_index_command_checks_every_index_file_and_rebuilds_a_damaged_one(seeds, cache, expected):
    generation = live_generation([seeds], cache)
    segment, offset, length = posting_bytes(generation, "body_bg", "聊城")
    garble(segment, offset + length // 3, keep_mtime=True)
    result = cli("index", str(seeds), "--cache-dir", str(cache))
    assert result.exit_code == 0, result.stderr
    lines = warning_lines(result.stderr)
    assert len(lines) == 3 and "indexed 5 page(s)" in lines[1], f"index: {lines}"
    assert lines[2].strip() == str(cache / "archives") or lines[2].strip().startswith(str(cache)), lines[2]
    assert "damaged" in lines[0] and "rebuilt" in lines[0], lines[0]
    assert live_generation([seeds], cache) != generation, "index: the damaged generation is still live"
    assert_repaired(seeds, cache, expected, "index --verify")
    again = cli("index", str(seeds), "--cache-dir", str(cache))
    assert warning_lines(again.stderr)[0].startswith("indexed 5 page(s)"), again.stderr


# ---------------------------------------------------------------- folders and files out of place


def _replace_with_file(path: Path) -> None:
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    path.write_text("not what belongs here\n")


def _replace_with_folder(path: Path) -> None:
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    (path / "inside").mkdir(parents=True)


@pytest.mark.parametrize("item,where,damage,needle", [
    ("store is a folder", "store.sqlite", _replace_with_folder, "store.sqlite is a folder"),
    ("lock is a folder", "lock", _replace_with_folder, "lock is a folder"),
    ("archive folder is a file", ".", _replace_with_file, "was not a folder"),
    ("archives is a file", "..", _replace_with_file, "was not a folder"),
    ("generation is a file", "GEN", _replace_with_file, "not a folder"),
    ("a segment is a folder", "SEGMENT", _replace_with_folder, "damaged"),
])
def test_misplaced_files_and_folders_are_reported_and_replaced(seeds, cache, expected, item, where, damage, needle):
    folder = archive_folder(seeds, cache)
    generation = live_generation([seeds], cache)
    path = {
        "GEN": generation,
        "SEGMENT": next(generation.glob("*.seg"), generation),
    }.get(where, folder / where)
    damage(path.resolve() if where in (".", "..") else path)
    warnings, got = open_answers(seeds, cache)
    assert_one_line(warnings, "damaged", needle, item=item)
    assert got == expected, f"{item}: answers differ from --no-cache"
    assert_repaired(seeds, cache, expected, item)


# ---------------------------------------------------------------- the cache location


def test_cache_dir_that_is_a_file_falls_back_to_a_temporary_cache(seeds, tmp_path, private_tmp):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file\n")
    plain = cli("search", "技改", str(seeds), "--format", "jsonl", "--no-cache")
    for item, args, env in [
        ("--cache-dir FILE", ["--cache-dir", str(blocker)], None),
        ("--cache-dir FILE/sub", ["--cache-dir", str(blocker / "sub")], None),
        ("LC_READER_CACHE=FILE", [], {"LC_READER_CACHE": str(blocker)}),
    ]:
        result = cli("search", "技改", str(seeds), "--format", "jsonl", *args, env=env)
        assert result.exit_code == 0, f"{item}: exit {result.exit_code}: {result.output}"
        assert result.stdout == plain.stdout, f"{item}: answers differ from --no-cache"
        lines = warning_lines(result.stderr)
        assert len(lines) == 1, f"{item}: {lines}"
        assert "unusable" in lines[0] and "temporary cache" in lines[0] and str(private_tmp) in lines[0], lines[0]
    assert blocker.read_text() == "a file\n", "the file in the cache's place was touched"


def test_read_only_cache_folder_falls_back_to_a_temporary_cache(seeds, tmp_path, private_tmp, monkeypatch, expected):
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    real_access = os.access

    def access(path, mode, **kw):  # root may write anywhere: answer as for a normal user
        if Path(path) == read_only and mode & os.W_OK:
            return False
        return real_access(path, mode, **kw)

    monkeypatch.setattr(os, "access", access)
    try:
        warnings, got = open_answers(seeds, read_only)
        assert_one_line(warnings, "unusable (not writable)", "temporary cache", item="read-only cache folder")
        assert got == expected, "read-only cache folder: answers differ from --no-cache"
        assert list(read_only.iterdir()) == [], "read-only cache folder: written to"
        warnings, _ = open_answers(seeds, read_only)
        assert_one_line(warnings, "temporary cache", item="read-only, second open")
    finally:
        read_only.chmod(0o755)


# ---------------------------------------------------------------- rebuild beside the live generation

PAUSED_REBUILD = """
import sys, time
from pathlib import Path
from liaocheng_tui.search import indexer
real_build = indexer.build_from_store
def paused_build(*args, **kwargs):
    Path(sys.argv[3]).write_text("building")
    while not Path(sys.argv[4]).exists():
        time.sleep(0.02)
    return real_build(*args, **kwargs)
indexer.build_from_store = paused_build
from liaocheng_tui.cli import main
main(["index", "--rebuild", sys.argv[1], "--cache-dir", sys.argv[2]])
"""


def test_rebuild_leaves_the_live_generation_serving_until_the_swap(seeds, cache, expected, tmp_path):
    before = live_generation([seeds], cache)
    building, release = tmp_path / "building", tmp_path / "release"
    proc = subprocess.Popen([sys.executable, "-c", PAUSED_REBUILD, str(seeds), str(cache), str(building), str(release)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while not building.exists():
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.02)
        waited = []
        archive, service = open_archive(
            [seeds], cache_dir=cache,
            progress=lambda stage, done, total: waited.append(stage) if (done, total) == (0, 0) else None,
            cancelled=lambda: bool(waited),  # waiting for the rebuild's lock: give up rather than hang
        )
        try:
            assert waited == [], "rebuild: a search had to wait for the rebuild"
            assert service.warnings == []
            assert answers(service) == expected, "rebuild: answers from the live generation differ"
        finally:
            service.close()
    finally:
        release.write_text("go")
        out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err
    after = live_generation([seeds], cache)
    assert after != before, "rebuild: no new generation was swapped in"
    assert_repaired(seeds, cache, expected, "rebuild")


# ---------------------------------------------------------------- jieba's dictionary cache

def _lc_reader(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "liaocheng_tui", *args], capture_output=True, text=True,
                          env=env, timeout=240)


def _subprocess_env(tmp: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "LC_READER_CACHE"}
    env["TMPDIR"] = str(tmp)
    return env


@pytest.fixture(scope="module")
def pristine_with_jieba(seeds, tmp_path_factory) -> Path:
    """A warm cache whose jieba folder was written by its own process (this one's jieba is loaded already)."""
    root = tmp_path_factory.mktemp("pristine-jieba") / "cache"
    built = _lc_reader("index", str(seeds), "--cache-dir", str(root), env=_subprocess_env(root.parent))
    assert built.returncode == 0, built.stderr
    assert (root / "jieba" / "jieba.cache").is_file() and (root / "jieba" / "dict.min50.txt").is_file()
    return root


@pytest.fixture(scope="module")
def plain_city(seeds, tmp_path_factory) -> str:
    env = _subprocess_env(tmp_path_factory.mktemp("plain"))
    plain = _lc_reader("search", "城市", str(seeds), "--format", "jsonl", "-n", "100", "--no-cache", env=env)
    assert plain.returncode == 0, plain.stderr
    return plain.stdout


@pytest.mark.parametrize("item,name,damage", [
    ("dictionary garbled", "dict.min50.txt", lambda p: garble(p, p.stat().st_size // 2)),
    ("dictionary truncated", "dict.min50.txt", lambda p: os.truncate(p, p.stat().st_size // 3)),
    ("jieba.cache garbled", "jieba.cache", lambda p: garble(p, p.stat().st_size // 2, 200)),
    ("jieba.cache a folder", "jieba.cache", _replace_with_folder),
    ("jieba folder a file", "was not a folder", lambda p: _replace_with_file(p.parent)),
])
def test_damaged_jieba_dictionary_cache_is_reported_and_rebuilt(seeds, pristine_with_jieba, plain_city, tmp_path,
                                                                item, name, damage):
    cache = tmp_path / "cache"
    shutil.copytree(pristine_with_jieba, cache)
    damage(cache / "jieba" / name)
    env = _subprocess_env(tmp_path)
    rebuilt = _lc_reader("index", "--rebuild", str(seeds), "--cache-dir", str(cache), env=env)
    assert rebuilt.returncode == 0, f"{item}: {rebuilt.stderr}"
    lines = warning_lines(rebuilt.stderr)
    assert len(lines) == 3 and "jieba dictionary cache" in lines[0] and "damaged" in lines[0], f"{item}: {lines}"
    assert lines[1].startswith("indexed 5 page(s)") and lines[2].strip().startswith(str(cache)), f"{item}: {lines}"
    assert name in lines[0] and "rebuilt" in lines[0], f"{item}: {lines[0]}"
    cached = _lc_reader("search", "城市", str(seeds), "--format", "jsonl", "-n", "100", "--cache-dir", str(cache), env=env)
    assert cached.returncode == 0 and cached.stderr == "", f"{item}: {cached.stderr}"
    assert cached.stdout == plain_city, f"{item}: the rebuilt index ranks words otherwise than --no-cache"
