"""``Substring`` and ``Pattern``: Whoosh queries that match exactly the documents holding a string.

The bigram index finds the candidates (every bigram of the string present:
a fast term intersection); each candidate is then checked against the
article's own text, folded the same way (``fold`` + letters/digits only), with
a plain ``in``.  That is the precision of a phrase query at the price of a
string search, instead of Whoosh's pure-Python position matching.  Scoring is
Whoosh's (BM25F over the bigram terms) on the documents that pass.

``Pattern`` is the same with wildcards (``聊*城``, ``林?``): the literal parts'
bigrams (and, for one-letter parts, every pair the letter starts) choose the
candidates and a regular expression over the folded text verifies them.

Both hold a *verifier* (a callable bound to the open searcher), so they must
never be deep-copied with it: Whoosh's ``with_boost`` copies queries, and a
searcher holds locks and memory maps.  ``__deepcopy__`` shares the verifier.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from whoosh import matching, query
from whoosh.matching.wrappers import FilterMatcher

#: What a verifier looks for: a folded letters/digits string, or a compiled pattern over folded text.
Needle = str | re.Pattern[str]
# (segment reader, fieldname, local docnum, needle) -> does the field's text hold the needle?
Verifier = Callable[[object, str, int, Needle], bool]


class Substring(query.Query):
    """Documents whose ``fieldname`` text holds ``needle`` (folded letters/digits, ≥ 3 of them)."""

    def __init__(self, fieldname: str, grams: tuple[str, ...], needle: Needle, verifier: Verifier, boost: float = 1.0):
        self.fieldname = fieldname
        self.grams = tuple(grams)
        self.needle = needle
        self.verifier = verifier
        self.boost = boost

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.fieldname!r}, {self._needle_text()!r}, boost={self.boost})"

    def __str__(self) -> str:
        return f'{self.fieldname}:"{self._needle_text()}"' + (f"^{self.boost}" if self.boost != 1 else "")

    def _needle_text(self) -> str:
        return self.needle if isinstance(self.needle, str) else self.needle.pattern

    def __eq__(self, other) -> bool:
        return (
            type(other) is type(self)
            and other.fieldname == self.fieldname
            and other._needle_text() == self._needle_text()
            and other.boost == self.boost
        )

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.fieldname, self._needle_text(), self.boost))

    def __copy__(self):
        return self._replace(self.boost)

    def __deepcopy__(self, memo):
        return self._replace(self.boost)

    def _replace(self, boost: float):
        return Substring(self.fieldname, self.grams, self.needle, self.verifier, boost)

    def is_leaf(self) -> bool:
        return True

    def children(self):
        return iter(())

    def terms(self, phrases: bool = False):
        for gram in dict.fromkeys(self.grams):
            yield (self.fieldname, gram)

    def with_boost(self, boost: float):
        return self._replace(boost)

    def normalize(self):
        return self

    def estimate_size(self, ixreader) -> int:
        return min(ixreader.doc_frequency(self.fieldname, g) for g in self.grams)

    def _terms_query(self, ixreader) -> query.Query:
        grams = sorted(set(self.grams), key=lambda g: ixreader.doc_frequency(self.fieldname, g))
        return query.And([query.Term(self.fieldname, g) for g in grams], boost=self.boost)

    def _present(self, reader) -> bool:
        return all((self.fieldname, g) in reader for g in set(self.grams))

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        if not self._present(reader):
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


class Pattern(Substring):
    """Documents whose folded ``fieldname`` text matches ``regex`` (a wildcard query).

    ``grams``: the bigrams of the literal parts of two letters or more (all must be
    present); ``singles``: the letters of one-letter parts (some pair or single
    starting with each must be present).  At least one of the two is non-empty.
    """

    def __init__(
        self,
        fieldname: str,
        grams: tuple[str, ...],
        singles: tuple[str, ...],
        regex: re.Pattern[str],
        verifier: Verifier,
        boost: float = 1.0,
    ):
        super().__init__(fieldname, grams, regex, verifier, boost)
        self.singles = tuple(singles)

    def _replace(self, boost: float):
        return Pattern(self.fieldname, self.grams, self.singles, self.needle, self.verifier, boost)  # type: ignore[arg-type]

    def estimate_size(self, ixreader) -> int:
        sizes = [ixreader.doc_frequency(self.fieldname, g) for g in self.grams]
        return min(sizes) if sizes else ixreader.doc_count_all()

    def _present(self, reader) -> bool:
        return super()._present(reader) and all(
            next(iter(reader.expand_prefix(self.fieldname, s)), None) is not None for s in set(self.singles)
        )

    def _terms_query(self, ixreader) -> query.Query:
        parts: list[query.Query] = [query.Term(self.fieldname, g) for g in sorted(set(self.grams))]
        parts += [query.Prefix(self.fieldname, s) for s in sorted(set(self.singles))]
        return query.And(parts, boost=self.boost)
