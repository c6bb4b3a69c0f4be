"""A cold build on both cores indexes exactly what a build in one process does.

The build counts each field's bigrams in one pass (``analysis.bigram_counts``)
instead of a Token per pair, and hands documents to two Whoosh writer
processes, each writing segments of its own.  Neither may change a hit: the
counts equal the tokenizer's terms for any text, and the two builds answer
every query of the corpus with the same articles, scores and order.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liaocheng_tui.search import indexer
from liaocheng_tui.search.analysis import BigramTokenizer, bigram_counts
from liaocheng_tui.search.errors import CacheProblem

#: Printed text as the pages have it: CJK (simplified and traditional), Latin, digits,
#: full-width forms, punctuation of both scripts, spaces and line breaks.
TEXT = st.text(alphabet=st.sampled_from(list("聊城市基層卫生聯合技改高唐县發展ABCxyz0123４５６ＡＢ，。！？、（）—…·-_ \n\t")) | st.characters(),
               max_size=80)

CORPUS = ["技改", "聊城", "聊城市", "基层卫生", "记者:林晨", "通讯员:俞建华", "日期:2024-06", "标题:技改", "报纸:大众日报",
          "阿", "胶", "类型:photo", "聊*城", "记者:林*", "技改 -光氯化", "光氯化 OR 东阿阿胶", "NOT 技改 联合",
          '"高质量发展"', "律动水城", "文件:lcrb"]


def _benchmark_queries() -> list[str]:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_search.py"
    spec = importlib.util.spec_from_file_location("bench_search_queries", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [ours for ours, _naive, _fts in module.QUERIES]


@given(TEXT)
def test_bigram_counts_are_the_tokenizers_terms(text):
    assert bigram_counts(text) == Counter(token.text for token in BigramTokenizer()(text)), text


def test_bigram_counts_of_a_value_past_the_position_limit_follow_the_tokenizer(monkeypatch):
    from liaocheng_tui.search import analysis

    monkeypatch.setattr(analysis, "EVERY_POSITION_LETTERS", 6)
    text = "聊城聊城聊城 技改聊城技改"
    assert bigram_counts(text) == Counter(token.text for token in BigramTokenizer()(text))
    assert bigram_counts(text)["聊城"] == 4  # 3 within the limit, the repeat past it once


def _answers(service) -> dict[str, tuple[int, list[tuple[str, float]]]]:
    return {q: (r.total, [(h.article.id, h.score) for h in r.hits])
            for q in [*CORPUS, *_benchmark_queries()] for r in [service.search(q, limit=None)]}


def _segments(service) -> int:
    return len(service._reader.leaf_readers()) if service.article_count else 0


def test_a_build_on_two_processes_answers_every_query_as_one_process_does(seeds_dir_path, tmp_path, monkeypatch):
    from liaocheng_tui.search.service import open_search

    monkeypatch.setattr(indexer, "PARALLEL_MIN_ARTICLES", 10**9)
    with open_search([seeds_dir_path], cache_dir=tmp_path / "one") as service:
        assert _segments(service) == 1
        one = _answers(service)
    monkeypatch.setattr(indexer, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(indexer, "BUILD_BATCH", 10)  # the seeds' 44 articles reach both processes
    with open_search([seeds_dir_path], cache_dir=tmp_path / "two") as service:
        assert _segments(service) == 2, "the build did not run on two processes"
        two = _answers(service)
    for query in one:
        assert two[query] == one[query], query
    assert sum(total for total, _ in one.values()) > 0


@pytest.fixture
def seeds_dir_path() -> Path:
    from liaocheng_tui.seeds import seeds_dir

    return seeds_dir()


def test_a_writer_process_that_dies_fails_the_build_instead_of_leaving_a_gap(seeds_dir_path, tmp_path, monkeypatch):
    from liaocheng_tui.archive.loader import load_archive
    from liaocheng_tui.search import schema
    from liaocheng_tui.search.store import STORE_FILE, ArticleStore

    archive = load_archive([seeds_dir_path])
    store = ArticleStore(tmp_path / STORE_FILE)
    with store.transaction():
        for page in archive.pages:
            store.put_page(page, size=None, mtime_ns=None, sha1=None, digest="")
        store.refresh_people()
    monkeypatch.setattr(indexer, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(indexer, "BUILD_BATCH", 10)
    original = schema.BigramText.index
    victim = archive.articles[-1].body

    def index(self, value, **kwargs):
        if value == victim:
            raise OSError("disk gone in a writer process")
        return original(self, value, **kwargs)

    monkeypatch.setattr(schema.BigramText, "index", index)  # inherited by the writer processes
    (tmp_path / "index").mkdir()
    ix = indexer.create_index(tmp_path / "index")
    try:
        with pytest.raises(CacheProblem, match=r"wrote \d+ of 44 articles"):
            indexer.build_from_store(ix, store)
    finally:
        ix.close()
        store.close()
