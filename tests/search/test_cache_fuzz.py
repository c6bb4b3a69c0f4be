"""Random damage anywhere in the index cache never changes an answer and never escapes as an exception.

Each example copies one warm cache of the seeds, damages one to three of its
files or folders (bytes garbled, a file truncated or deleted, a folder replaced
by a file, a file by a folder, a folder deleted), then opens it: every query
must answer exactly as without a cache (count, hits, order, scores), and the
next open must find nothing left to report.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaocheng_tui.search import analysis
from liaocheng_tui.search.service import open_archive
from liaocheng_tui.seeds import seeds_dir

QUERIES = ["聊城", "技改", "记者:林晨", "标题:聊城", '"高质量发展"', "技改 OR 高唐", "聊城 -技改", "日期:2024-06", "城市"]
FILE_DAMAGE = ("garble", "truncate", "delete", "file to folder")
FOLDER_DAMAGE = ("delete", "folder to file")


def answers(service) -> list[tuple]:
    out = []
    for q in QUERIES:
        results = service.search(q, limit=None)
        out.append((q, results.total, [(h.article.id, round(h.score, 6)) for h in results.hits]))
    return out


@pytest.fixture
def own_jieba(monkeypatch):
    """jieba loaded again from the cache under test (this process's copy is loaded from the session's)."""
    monkeypatch.setattr(analysis, "_jieba_tokenizer", None)
    monkeypatch.setattr(analysis, "_jieba_dir", None)


def _forget_jieba() -> None:
    analysis._jieba_tokenizer = None
    analysis._jieba_dir = None


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """(seeds copy, pristine cache, every path in it, the --no-cache answers)."""
    base = tmp_path_factory.mktemp("fuzz")
    seeds = base / "seeds"
    shutil.copytree(seeds_dir(), seeds)
    _, service = open_archive([seeds], use_cache=False)
    try:
        expected = answers(service)
    finally:
        service.close()
    saved = analysis._jieba_tokenizer, analysis._jieba_dir
    _forget_jieba()  # so the pristine cache gets a jieba folder of its own
    try:
        pristine = base / "pristine"
        _, service = open_archive([seeds], cache_dir=pristine)
        service.close()
    finally:
        analysis._jieba_tokenizer, analysis._jieba_dir = saved
    paths = sorted(str(p.relative_to(pristine)) for p in pristine.rglob("*"))
    assert any(p.endswith(".seg") for p in paths) and any(p.startswith("jieba/") for p in paths), paths
    return seeds, pristine, paths, expected


def damage(path: Path, kind: str, where: int, count: int) -> None:
    if kind == "garble":
        size = path.stat().st_size
        if size:
            with open(path, "r+b") as handle:
                handle.seek(where % size)
                chunk = handle.read(count)
                handle.seek(where % size)
                handle.write(bytes(b ^ 0xA5 for b in chunk))
    elif kind == "truncate":
        size = path.stat().st_size
        os.truncate(path, where % size if size else 0)
    elif kind == "delete":
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    elif kind == "file to folder":
        path.unlink()
        path.mkdir()
    elif kind == "folder to file":
        shutil.rmtree(path)
        path.write_bytes(b"\x00not a folder\n")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_random_damage_never_changes_an_answer(world, own_jieba, tmp_path_factory, data):
    seeds, pristine, paths, expected = world
    cache = tmp_path_factory.mktemp("damaged") / "cache"
    shutil.copytree(pristine, cache, symlinks=True)
    done = []
    for _ in range(data.draw(st.integers(1, 3), label="how many")):
        target = cache / data.draw(st.sampled_from(paths), label="path")
        if not os.path.lexists(target):
            continue  # inside something damaged already
        kinds = FOLDER_DAMAGE if target.is_dir() else FILE_DAMAGE
        kind = data.draw(st.sampled_from(kinds), label="kind")
        where, count = data.draw(st.integers(0, 1 << 22), label="offset"), data.draw(st.integers(1, 64), label="bytes")
        damage(target, kind, where, count)
        done.append(f"{kind} {target.relative_to(cache)}")
    _forget_jieba()

    _, service = open_archive([seeds], cache_dir=cache)
    try:
        got = answers(service)
        warnings = list(service.warnings)
    finally:
        service.close()
    assert got == expected, f"{done}: answers differ from --no-cache (warnings: {warnings})"
    assert all("\n" not in w for w in warnings), f"{done}: a warning of several lines: {warnings}"

    _, service = open_archive([seeds], cache_dir=cache)
    try:
        assert service.warnings == [], f"{done}: not repaired, reported again: {service.warnings}"
        assert answers(service) == expected, f"{done}: answers differ from --no-cache after the repair"
    finally:
        service.close()
    shutil.rmtree(cache.parent, ignore_errors=True)
