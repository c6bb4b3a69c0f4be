"""A date range inside an AND, decided by month codes among the other parts' documents, answers
exactly what Whoosh's range matcher answers (and reads the matcher only for months it cuts)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from whoosh import query as wq

from liaocheng_tui.search.service import open_search
from liaocheng_tui.seeds import seeds_dir

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import make_archive  # noqa: E402

QUERIES = [
    "发展 日期:2001-01",                      # one whole month
    "发展 日期:2001-01-15..2001-02-10",       # cuts two months
    "技改 日期:2001-02",
    "聊城 日期:2001",                          # a whole year: every month whole
    "产业 日期:[2001-01-05 to 2001-02-03]",
    "聊城市 日期:2001-02-28..",                # open end
    "发展 日期:..2001-01-03",                  # open start
    "记者:林晨 日期:2001-02",
    "(发展 OR 技改) 日期:2001-01-20..2001-01-31 -产业",
    "发展 日期:2002",                          # nothing that year
]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    root = tmp_path_factory.mktemp("dated")
    make_archive(root / "archive", 120, seeds_dir())  # two pages a day from 2001-01-01: Jan–Feb
    with open_search([root / "archive"], cache_dir=root / "cache") as svc:
        yield svc


def test_month_codes_answer_as_the_range_matcher_does(service, monkeypatch):
    assert service._values.month_codes_if_loaded() is None
    by_matcher = {q: service.evaluate(q) for q in QUERIES}
    assert sum(1 for r in by_matcher.values() if r) >= len(QUERIES) - 1, by_matcher
    assert by_matcher["发展 日期:2002"] == {}
    service._values.months_loaded(range(service._reader.doc_count_all()))  # as a query with many hits does
    assert service._values.month_codes_if_loaded() is not None
    calls: list[tuple] = []
    real = wq.DateRange.docs

    def counted(self, searcher):
        calls.append((self.startdate, self.enddate))
        return real(self, searcher)

    monkeypatch.setattr(wq.DateRange, "docs", counted)
    for q in QUERIES:
        calls.clear()
        assert service.evaluate(q) == by_matcher[q], q
        if q in ("发展 日期:2001-01", "聊城 日期:2001", "技改 日期:2001-02"):
            assert calls == [], f"{q}: whole months were read through the range matcher"
    calls.clear()
    service.evaluate("发展 日期:2001-01-15..2001-02-10")
    assert len(calls) == 2, "only the two months the range cuts are read by the matcher"
