"""The posting-list fast path and Whoosh's own matchers find the same articles."""

from __future__ import annotations

import pytest

QUERIES = [
    "技改", "基层卫生", "聯合", "技改 高唐县", "光氯化 OR 东阿阿胶", "技改 -光氯化", "技改 NOT 光氯化",
    "(光氯化 OR 东阿阿胶) -阿胶", "记者:林晨", "通讯员:俞建华", "日期:2024-06", "日期:2024-06-21..2024-07-01 联合",
    "标题:技改", "报纸:大众日报", "阿", "胶", "类型:photo", "abc公司", "[b]红色[/b]", "律动水城", "俞建华",
    "NOT 技改 联合",
]
SEED_QUERIES = ["技改", "新动能", "聊城市", "记者:林晨", "日期:2024", "发展 -技改", "高质量发展 OR 乡村振兴", "的", "2024年"]


def both(service, q):
    service.engine = "fast"
    fast = service.search(q, limit=None)
    service.engine = "whoosh"
    try:
        slow = service.search(q, limit=None)
    finally:
        service.engine = "fast"
    return fast, slow


@pytest.mark.parametrize("query", QUERIES)
def test_same_hits_on_built_pages(made, query):
    _, service = made
    fast, slow = both(service, query)
    assert {h.article.id for h in fast.hits} == {h.article.id for h in slow.hits}
    assert fast.total == slow.total and fast.per_month == slow.per_month


@pytest.mark.parametrize("query", SEED_QUERIES)
def test_same_hits_on_the_seeds(seeds_open, query):
    _, service = seeds_open
    fast, slow = both(service, query)
    assert {h.article.id for h in fast.hits} == {h.article.id for h in slow.hits}
    assert fast.total == slow.total


def test_fast_path_ranks_title_first(made):
    _, service = made
    assert service.search("技改").hits[0].article.title == "高唐县技改项目复产"
