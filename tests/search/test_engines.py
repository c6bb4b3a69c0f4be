"""One evaluator, one ranking: every query of the project's corpus is answered by the posting-list evaluator.

The first version had a second path (Whoosh's own matchers) that the fast one
fell back to silently and that ranked differently; now an unknown query node
raises ``Unsupported`` instead of taking another path, so running the corpus
proves that none does, and the order is the evaluator's scores.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

QUERIES = [
    "技改", "基层卫生", "聯合", "技改 高唐县", "光氯化 OR 东阿阿胶", "技改 -光氯化", "技改 NOT 光氯化",
    "(光氯化 OR 东阿阿胶) -阿胶", "记者:林晨", "通讯员:俞建华", "日期:2024-06", "日期:2024-06-21..2024-07-01 联合",
    "标题:技改", "报纸:大众日报", "阿", "胶", "类型:photo", "abc公司", "[b]红色[/b]", "律动水城", "俞建华",
    "NOT 技改 联合", "聊*城", "记者:林*", "记者:林辰~", "技改^2", "文件:lcrb", "date:[2024-06-01 to 2024-06-30]",
]


def _benchmark_queries() -> list[str]:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_search.py"
    spec = importlib.util.spec_from_file_location("bench_search_queries", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [ours for ours, _naive, _fts in module.QUERIES]


@pytest.mark.parametrize("query", QUERIES)
def test_every_query_is_answered_by_the_one_evaluator_in_score_order(made, query):
    _, service = made
    scores = service.evaluate(query)  # raises Unsupported if a node would need another path
    results = service.search(query, limit=None)
    assert results.total == len(scores)
    assert service.article_ids(query) == {h.article.id for h in results.hits}, query
    assert [h.score for h in results.hits] == sorted((h.score for h in results.hits), reverse=True)
    assert sorted(h.score for h in results.hits) == pytest.approx(sorted(scores.values()))


def test_the_benchmark_corpus_takes_the_same_path(seeds_open):
    _, service = seeds_open
    for query in _benchmark_queries():
        assert service.search(query, limit=10).total == len(service.evaluate(query)), query


def test_title_hits_rank_first(made):
    _, service = made
    assert service.search("技改").hits[0].article.title == "高唐县技改项目复产"


def _private_names_defined_by_us() -> set[str]:
    """Every ``_name`` the package itself defines (methods, and attributes it assigns on any object)."""
    import ast

    package = Path(__file__).resolve().parents[2] / "liaocheng_tui"
    names: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names.update(t.attr for t in targets if isinstance(t, ast.Attribute))
    return {n for n in names if n.startswith("_")}


def test_the_search_layer_reads_no_private_attribute_of_whoosh():
    """Whoosh's internals (``_ids``, ``_read_ids``, ``_NullQuery``, ``_segments`` …) pinned it to one version."""
    import ast

    ours = _private_names_defined_by_us()
    package = Path(__file__).resolve().parents[2] / "liaocheng_tui" / "search"
    foreign = []
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                    and node.attr not in ours):
                foreign.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    assert foreign == [], foreign


AND_PAIRS = [("聊城市", "技改"), ("基层卫生", "俞建华"), ("律动水城", "音乐"), ("聊*城", "美景"), ("聯合", "检查"),
             ("技改", "高唐县"), ("记者:林晨", "城市"), ("日期:2024-06", "卫生工作")]


@pytest.mark.parametrize(("a", "b"), AND_PAIRS)
def test_an_and_matches_and_scores_as_its_two_parts_together(made, a, b):
    _, service = made
    both, left, right = service.evaluate(f"{a} {b}"), service.evaluate(a), service.evaluate(b)
    assert set(both) == set(left) & set(right), (a, b)
    assert both == pytest.approx({d: left[d] + right[d] for d in both}), (a, b)


def test_a_string_beside_a_word_is_verified_only_where_the_word_is(mk):
    """A common string next to a rare word: the store checks the string only in the word's articles."""
    from liaocheng_tui.search.service import SearchService

    articles = [mk.article(f"第{i}篇", f"聊城市今年第{i}次会议召开。" + ("会上谈到技改。" if i % 4 == 0 else ""))
                for i in range(12)]
    archive = mk.archive([mk.page("/constructed/lcrb_2024-06-20.txt", "2024-06-20", articles)])
    with SearchService.open(archive) as service:
        evaluator = service._fast()
        word_hits = set(service.evaluate("技改"))
        seen: list[int] = []
        verify = evaluator.verify

        def spy(fieldname, docnums, needle):
            seen.extend(docnums)
            return verify(fieldname, docnums, needle)

        evaluator.verify = spy
        hits = service.evaluate("聊城市 技改")
        evaluator.verify = verify
        assert len(service.evaluate("聊城市")) == 12 and len(word_hits) == 3
        assert set(hits) == word_hits
        assert set(seen) == word_hits, sorted(seen)


def test_ids_and_months_read_per_document_or_whole_give_the_same_answers(made, monkeypatch):
    """A few hits read their ids and months one by one, many read the whole column: same results."""
    from liaocheng_tui.search import doc_values
    from liaocheng_tui.search.service import SearchService

    archive, _ = made
    answers = []
    for fraction in (0.0, 2.0):  # always the whole column; always one by one
        monkeypatch.setattr(doc_values, "COLUMN_WHOLE_FRACTION", fraction)
        with SearchService.open(archive) as fresh:
            answers.append({q: (r.total, r.per_month, [(h.article.id, h.score) for h in r.hits], fresh.article_ids(q))
                            for q in QUERIES for r in [fresh.search(q, limit=None)]})
            assert (fresh._values.all_aids is None) == (fraction == 2.0), fraction
    for query in QUERIES:
        assert answers[0][query] == answers[1][query], query


def _tied_archive(mk):
    """Articles with the same score for 技改 on pages of three months, one undated, several a page."""
    pages = []
    for n, date in enumerate(["2024-05-02", "2024-07-09", None, "2024-07-01", "2023-12-30"]):
        articles = [mk.article(f"第{n}版第{i}篇", f"会上谈到技改{i}。") for i in range(3)]
        pages.append(mk.page(f"/constructed/lcrb_{date or 'undated'}_{n}.txt", date, articles))
    return mk.archive(pages)


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 7, 9, 12, 14, 15])
def test_equal_scores_cut_at_the_limit_keep_the_full_ranking_order(mk, monkeypatch, limit):
    """Ties cut at ``limit`` are the first ``limit`` of the unlimited ranking: newest month first, then page
    order, undated last — whether months are read per document or as the whole column."""
    from liaocheng_tui.search import doc_values
    from liaocheng_tui.search.service import SearchService

    for fraction in (0.0, 2.0):
        monkeypatch.setattr(doc_values, "COLUMN_WHOLE_FRACTION", fraction)
        with SearchService.open(_tied_archive(mk)) as service:
            full = [h.article.id for h in service.search("技改", limit=None).hits]
            cut = [h.article.id for h in service.search("技改", limit=limit).hits]
        assert len({h for h in full}) == 15, full
        months = [a.split("_")[1][:7] for a in full]
        assert months[:6] == ["2024-07"] * 6 and months[-3:] == ["undated"] * 3, (fraction, full)
        assert full[:3] == [f"/constructed/lcrb_2024-07-01_3.txt#{i}" for i in range(3)], (fraction, full)
        assert cut == full[:limit], (fraction, limit, cut)

