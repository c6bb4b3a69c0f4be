"""Per-document values that ranking, counting and string checks need: each docnum's article id,
the key of its letters in the store, and its month.

A hit list orders equal scores newest month first, then in page order (the
article id), and counts hits per month.  Reading a Whoosh column value costs
~7 µs a document, so a query with tens of thousands of hits spent most of its
time there.  Here:

* months are small codes in an ``array`` (2 bytes a document), filled once
  from the ``month`` field's posting lists (one term per month: ~0.6 µs a
  document) when a query has many hits; few hits read their months one by one;
* among hits tied at the cut-off score only those in the months that can
  still make the cut have their ids read (``newest_first``).

Nothing here holds article text; the id list is read whole only when a query
has more hits than ``COLUMN_WHOLE_FRACTION`` of the archive (~90 bytes a document).
"""

from __future__ import annotations

import heapq
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from whoosh.reading import IndexReader

from liaocheng_tui.search.whole_columns import whole_numbers

#: Below this share of the archive, ids and months are read per document, not the whole column
#: (a one-shot ``lc-reader search`` with a few hundred hits need not read 100k of each).  A value
#: read alone costs ~7 µs, the whole month column ~0.6 µs a document and the id column ~0.8 µs
#: (kept for the process's later queries), so past ~1/12 of the archive the whole is cheaper
#: even for one query.
COLUMN_WHOLE_FRACTION = 1 / 32
#: The month term of undated articles (``schema.month_key``); it sorts after every "YYYY-MM".
UNDATED = "none"


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


class DocValues:
    """Article ids and months of one open reader's documents (global docnums)."""

    def __init__(self, reader: IndexReader) -> None:
        self._reader = reader
        self._count = reader.doc_count_all()
        self._columns: dict[str, Sequence] = {}  # opened on first use (not by a warm open)
        self.all_aids: list[str] | None = None
        self._all_sids: array | None = None  # signed 64-bit keys
        self._codes: array | None = None  # docnum -> index into self._names
        self._names: list[str] = []  # month terms in order ("none" last)

    def _column(self, name: str) -> Sequence:
        """The reader's column ``name``; opening one reads every segment's offsets (~20 ms at 100k)."""
        column = self._columns.get(name)
        if column is None:
            column = self._columns[name] = self._reader.column_reader(name) if self._count else []
        return column

    @property
    def _aids(self) -> Sequence[bytes | str]:
        return self._column("aid")

    @property
    def _months(self) -> Sequence[bytes | str]:
        return self._column("month")

    # ------------------------------------------------------------ ids

    def few(self, docnums: Collection[int]) -> bool:
        """Are ``docnums`` few enough to read their values one by one rather than the whole column?"""
        return len(docnums) < self._count * COLUMN_WHOLE_FRACTION

    def aid(self, docnum: int) -> str:
        if self.all_aids is not None:
            return self.all_aids[docnum]
        return _text(self._aids[docnum])

    def aids_of(self, docnums: Collection[int]) -> list[str]:
        if self.all_aids is None and self.few(docnums):
            return [_text(self._aids[d]) for d in docnums]
        if self.all_aids is None:
            self.all_aids = [_text(a) for a in self._aids]
        every = self.all_aids
        return [every[d] for d in docnums]

    def sids_of(self, docnums: Collection[int]) -> list[int]:
        """The keys of ``docnums``' letters in the store (``schema.letters_key``): one by one when few,
        else from the whole column (8 bytes a document, kept for later queries)."""
        if self._count and not self._reader.has_column("sid"):
            raise LookupError("this index has no letters keys (built before INDEX_VERSION 10)")
        sids = self._column("sid")
        if self._all_sids is None and self.few(docnums):
            return [sids[d] for d in docnums]
        if self._all_sids is None:
            self._all_sids = whole_numbers(self._reader, "sid", "q")
        every = self._all_sids
        return [every[d] for d in docnums]

    # ------------------------------------------------------------ months

    def _month_codes(self) -> tuple[array, list[str]]:
        """docnum -> month code, from the month field's postings (deleted documents keep code of "none")."""
        if self._codes is None:
            names = sorted(_text(t) for t in self._reader.lexicon("month"))
            if UNDATED in names:
                names.remove(UNDATED)
            names.append(UNDATED)
            codes = array("H", [len(names) - 1]) * self._count
            for code, name in enumerate(names):
                for segment, offset in self._reader.leaf_readers():
                    if ("month", name) not in segment:
                        continue
                    for d in segment.postings("month", name).all_ids():
                        codes[offset + d] = code
            self._codes, self._names = codes, names
        return self._codes, self._names

    def month(self, docnum: int) -> str:
        if self._codes is not None:
            return self._names[self._codes[docnum]]
        return _text(self._months[docnum])

    def month_codes_if_loaded(self) -> tuple[array, list[str]] | None:
        """(docnum -> month code, the month terms) if a query already read them, else None."""
        return (self._codes, self._names) if self._codes is not None else None

    def months_loaded(self, docnums: Collection[int]) -> bool:
        """Load the month codes if ``docnums`` are many; True if they are loaded."""
        if self._codes is None and not self.few(docnums):
            self._month_codes()
        return self._codes is not None

    def month_counts(self, docnums: Collection[int]) -> dict[str, int]:
        """{month: hits} over ``docnums``, months in order, undated hits left out."""
        if self.months_loaded(docnums):
            codes, names = self._month_codes()
            by_code = Counter(map(codes.__getitem__, docnums))
            counts = {names[c]: n for c, n in sorted(by_code.items())}
        else:
            counts = dict(sorted(Counter(self.month(d) for d in docnums).items()))
        counts.pop(UNDATED, None)
        counts.pop("", None)
        return counts

    def _recency(self, docnums: Collection[int]) -> dict[int, tuple]:
        """docnum -> a key that sorts newer months first and undated last."""
        if self.months_loaded(docnums):
            codes, names = self._month_codes()
            last = len(names) - 1
            return {d: ((1,) if (c := codes[d]) == last else (0, -c)) for d in docnums}
        out = {}
        for d in docnums:
            month = self.month(d)
            out[d] = (1,) if month in (UNDATED, "") else (0, tuple(-ord(ch) for ch in month))
        return out

    # ------------------------------------------------------------ order of equal scores

    def tie_key(self, docnum: int, recency: tuple) -> tuple:
        source, _, index = self.aid(docnum).rpartition("#")
        return recency, source, int(index) if index.isdigit() else 0

    def newest_first(self, docnums: Iterable[int], keep: int | None = None) -> list[int]:
        """``docnums`` (equal scores) newest month first, then in page order; only the first ``keep``.

        Ids are read only for the documents in the months that can still be among the first ``keep``.
        """
        docnums = list(docnums)
        recency = self._recency(docnums)
        if keep is not None and len(docnums) > keep:
            if keep <= 0:
                return []
            bound = heapq.nsmallest(keep, recency.values())[-1]
            docnums = [d for d in docnums if recency[d] <= bound]
        docnums.sort(key=lambda d: self.tie_key(d, recency[d]))
        return docnums[:keep] if keep is not None else docnums
