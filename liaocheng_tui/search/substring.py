"""``Substring``: a Whoosh query that matches exactly the documents holding a string.

The bigram index finds the candidates (every bigram of the string present:
a fast term intersection); each candidate is then checked against the
article's own text, folded the same way (``fold`` + letters/digits only), with
a plain ``in``.  That is the precision of a phrase query at the price of a
string search, instead of Whoosh's pure-Python position matching.  Scoring is
Whoosh's (BM25F over the bigram terms) on the documents that pass.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh import matching, query
from whoosh.matching.wrappers import FilterMatcher

# (segment reader, fieldname, local docnum, needle) -> does the field's text hold the needle?
Verifier = Callable[[object, str, int, str], bool]


class Substring(query.Query):
    """Documents whose ``fieldname`` text holds ``needle`` (folded letters/digits, ≥ 3 of them)."""

    def __init__(self, fieldname: str, grams: tuple[str, ...], needle: str, verifier: Verifier, boost: float = 1.0):
        self.fieldname = fieldname
        self.grams = tuple(grams)
        self.needle = needle
        self.verifier = verifier
        self.boost = boost

    def __repr__(self) -> str:
        return f"Substring({self.fieldname!r}, {self.needle!r}, boost={self.boost})"

    def __str__(self) -> str:
        return f'{self.fieldname}:"{self.needle}"' + (f"^{self.boost}" if self.boost != 1 else "")

    def __eq__(self, other) -> bool:
        return (
            type(other) is type(self)
            and other.fieldname == self.fieldname
            and other.needle == self.needle
            and other.boost == self.boost
        )

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.fieldname, self.needle, self.boost))

    def is_leaf(self) -> bool:
        return True

    def children(self):
        return iter(())

    def terms(self, phrases: bool = False):
        for gram in dict.fromkeys(self.grams):
            yield (self.fieldname, gram)

    def with_boost(self, boost: float):
        return Substring(self.fieldname, self.grams, self.needle, self.verifier, boost)

    def normalize(self):
        return self

    def estimate_size(self, ixreader) -> int:
        return min(ixreader.doc_frequency(self.fieldname, g) for g in self.grams)

    def _terms_query(self, ixreader) -> query.Query:
        grams = sorted(set(self.grams), key=lambda g: ixreader.doc_frequency(self.fieldname, g))
        return query.And([query.Term(self.fieldname, g) for g in grams], boost=self.boost)

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        if any((self.fieldname, g) not in reader for g in set(self.grams)):
            return matching.NullMatcher()
        terms_q = self._terms_query(reader)
        candidates = terms_q.matcher(searcher, searcher.boolean_context())
        keep = set()
        if candidates.is_active():
            for docnum in candidates.all_ids():
                if self.verifier(reader, self.fieldname, docnum, self.needle):
                    keep.add(docnum)
        if not keep:
            return matching.NullMatcher()
        return FilterMatcher(terms_q.matcher(searcher, context), frozenset(keep))
