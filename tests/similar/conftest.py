"""Fixtures for the similar tests: the seeds' search service (repost pass run), drafts in our own words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from liaocheng_tui.seeds import seeds_dir


@pytest.fixture(scope="session")
def similar_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("lc-similar-cache")


@pytest.fixture(autouse=True)
def _isolated_cache(monkeypatch, similar_cache):
    monkeypatch.setenv("LC_READER_CACHE", str(similar_cache))


@pytest.fixture(scope="session")
def seeds_service(similar_cache):
    from liaocheng_tui.search.service import open_search
    from liaocheng_tui.similar.reposts import link_new_articles

    service = open_search([seeds_dir()], cache_dir=similar_cache / "seeds", after_index=link_new_articles)
    yield service
    service.close()


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    folder = tmp_path / "archive"
    shutil.copytree(seeds_dir(), folder)
    return folder
