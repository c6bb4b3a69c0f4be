"""The letters-key column read whole holds every value written (and equals Whoosh's value-by-value
reads), over several segments, a segment without the column and values left at the default; and a term read among a few
documents (``skip_to``) equals the whole posting list cut to them."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import columns, fields
from whoosh.filedb.filestore import RamStorage

from liaocheng_tui.search.fastpath import FastEvaluator
from liaocheng_tui.search.whole_columns import whole_numbers


def _index(batches: list[list[tuple[str, int | None]]]):
    schema = fields.Schema(
        word=fields.KEYWORD(scorable=True), sid=fields.COLUMN(columns.NumericColumn("q"))
    )
    ix = RamStorage().create_index(schema)
    for batch in batches:  # one commit per batch: one segment each (merge=False)
        w = ix.writer()
        for words, sid in batch:
            doc = {"word": words}
            if sid is not None:
                doc["sid"] = sid
            w.add_document(**doc)
        w.commit(merge=False)
    return ix


values = st.one_of(st.none(), st.integers(min_value=-(2**63), max_value=2**63 - 1))
batches = st.lists(st.lists(st.tuples(st.sampled_from(["a", "a b", "b", "c"]), values), min_size=1, max_size=40),
                   min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(batches)
def test_whole_column_equals_each_value(docs):
    ix = _index(docs)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        expected = [0 if sid is None else sid for batch in docs for _, sid in batch]  # 0: the column's default
        assert list(whole_numbers(reader, "sid", "q")) == expected
        if all(sid for batch in docs for _, sid in batch):  # Whoosh's own reader, where it reads every value
            assert expected == [reader.column_reader("sid")[d] for d in range(reader.doc_count_all())]


@settings(max_examples=60, deadline=None)
@given(batches, st.randoms(use_true_random=False))
def test_term_among_few_documents_equals_whole_list(docs, rnd: random.Random):
    ix = _index(docs)
    with ix.searcher() as searcher:
        fast = FastEvaluator(searcher, verify=lambda f, d, n: set(d))
        total = searcher.reader().doc_count_all()
        within = set(rnd.sample(range(total), rnd.randint(0, total)))
        whole = fast.postings("word", "a")
        among = FastEvaluator(searcher, verify=lambda f, d, n: set(d)).postings_among("word", "a", within)
        assert among is not None
        found, frequency = among
        assert found == {d: tf for d, tf in whole.items() if d in within}
        assert frequency == len(whole)
