"""Evaluate a parsed query over whole posting lists at once, instead of doc-by-doc matchers.

Whoosh's query matchers combine postings one Python call per document and
per clause; a query here touches several fields and many bigrams, so a search
took 100+ ms that way.  Here each posting list is read once through Whoosh's
public reader API (``reader.postings(field, text)``, stepped with ``is_active``
/ ``id`` / ``weight`` / ``next``) into a ``{docnum: tf}`` dict, cached, and the
query tree is evaluated with dict and set operations; scores are BM25 (k1=1.2,
no length normalisation) times the query's boosts.  This is the only
evaluator: a query node it does not know raises ``Unsupported`` (never a
silent second path), and a test runs the project's query corpus through it.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import math
from array import array
from collections import OrderedDict
from collections.abc import Callable, Collection

from whoosh import query as wq

from liaocheng_tui.search.substring import Needle, Substring

K1 = 1.2
#: Postings stepped over per document looked up with ``skip_to`` (half a 128-posting block, with
#: the block's ids decoded): a term is read among an AND's few documents, not whole, when
#: those documents times this is below its document frequency.
SKIP_COST = 48
CACHE_TERMS = 4000
#: Postings kept across queries, all terms together (~100 bytes each): memory stays bounded at any size.
CACHE_ENTRIES = 1_000_000


#: The class of Whoosh's ``NullQuery`` singleton (its copies, e.g. boosted, are instances of it).
_NULL_QUERY = type(wq.NullQuery)


class Unsupported(Exception):
    """The query holds a node the fast path does not evaluate."""


Scores = dict[int, float]


class FastEvaluator:
    """Posting-list evaluation over one open searcher (global docnums)."""

    def __init__(
        self,
        searcher,
        verify: Callable[[str, list[int], Needle], set[int]],
        month_codes: Callable[[], tuple[array, list[str]] | None] = lambda: None,
    ):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.verify = verify  # (fieldname, global docnums, needle) -> those whose text holds it
        # (docnum -> month code, month terms "YYYY-MM") once a query has read them, else None
        self.month_codes = month_codes
        self.n_docs = max(1, self.reader.doc_count())
        self._postings: OrderedDict[tuple[str, str], dict[int, float]] = OrderedDict()
        self._cached_entries = 0
        self._live: set[int] | None = None

    # ------------------------------------------------------------ postings

    def postings(self, fieldname: str, text: str) -> dict[int, float]:
        """{global docnum: term frequency} for one term, read block by block."""
        key = (fieldname, text)
        cached = self._postings.get(key)
        if cached is not None:
            self._postings.move_to_end(key)
            return cached
        out: dict[int, float] = {}
        for segreader, offset in self.reader.leaf_readers():
            if (fieldname, text) not in segreader:
                continue
            # the matcher's public stepping API (deleted documents already filtered out);
            # bound methods: this loop runs once per posting
            m = segreader.postings(fieldname, text)
            active, ident, weight, step = m.is_active, m.id, m.weight, m.next
            while active():
                out[offset + ident()] = weight()
                step()
        self._postings[key] = out
        self._cached_entries += len(out)
        while self._postings and (len(self._postings) > CACHE_TERMS or self._cached_entries > CACHE_ENTRIES):
            _, dropped = self._postings.popitem(last=False)
            self._cached_entries -= len(dropped)
        return out

    def postings_among(self, fieldname: str, text: str, within: Collection[int]) -> tuple[dict[int, float], int] | None:
        """({docnum: tf} of the term's documents among ``within``, its document frequency), read with
        the matcher's ``skip_to`` (blocks without one of them are never decoded); None when a segment
        holding the term has deletions (its live frequency needs the whole list)."""
        found: dict[int, float] = {}
        frequency = 0
        targets = sorted(within)
        for segreader, offset in self.reader.leaf_readers():
            if (fieldname, text) not in segreader:
                continue
            if segreader.has_deletions():
                return None
            frequency += segreader.doc_frequency(fieldname, text)
            first = bisect.bisect_left(targets, offset)
            last = bisect.bisect_left(targets, offset + segreader.doc_count_all())
            if first == last:
                continue
            m = segreader.postings(fieldname, text)
            for target in targets[first:last]:
                local = target - offset
                m.skip_to(local)
                if not m.is_active():
                    break
                if m.id() == local:
                    found[target] = m.weight()
        return found, frequency

    def _read(self, fieldname: str, text: str, within: Collection[int] | None) -> tuple[dict[int, float], int]:
        """The term's postings (all, or only among ``within`` when that is cheaper) and its document frequency."""
        if within is not None and (fieldname, text) not in self._postings:
            if len(within) * SKIP_COST < self.reader.doc_frequency(fieldname, text):
                among = self.postings_among(fieldname, text, within)
                if among is not None:
                    return among
        posts = self.postings(fieldname, text)
        return posts, len(posts)

    def live_docs(self) -> set[int]:
        if self._live is None:
            self._live = set(self.reader.all_doc_ids())  # undeleted docnums, segment by segment
        return self._live

    def _term_scores(self, fieldname: str, text: str, boost: float, within: Collection[int] | None) -> Scores:
        posts, frequency = self._read(fieldname, text, within)
        return self._bm25(posts, boost, frequency)

    def _bm25(self, posts: dict[int, float], boost: float, frequency: int | None = None) -> Scores:
        """BM25 (no length normalisation) of one posting list {docnum: tf} (``frequency``: the term's
        document frequency when ``posts`` holds only some of its documents)."""
        if not posts:
            return {}
        factor = self._bm25_factor(len(posts) if frequency is None else frequency, boost)
        return {d: factor * tf / (tf + K1) for d, tf in posts.items()}

    def _bm25_factor(self, doc_frequency: int, boost: float) -> float:
        idf = math.log(1.0 + (self.n_docs - doc_frequency + 0.5) / (doc_frequency + 0.5))
        return idf * (K1 + 1.0) * boost

    # ------------------------------------------------------------ evaluation

    def evaluate(self, q, within: Collection[int] | None = None) -> Scores:
        """{docnum: score} of every document matching ``q``.

        ``within``: only these documents matter to the caller, so the result is
        exact on them and may leave others out.  An AND passes what is still in
        on to its string children, so a common string next to a rare word is
        verified against the store only where the rare word is.
        """
        boost = getattr(q, "boost", 1.0) or 1.0
        if q is wq.NullQuery or isinstance(q, _NULL_QUERY):
            return {}
        if isinstance(q, Substring):
            return self._substring(q, boost, within)
        if isinstance(q, wq.Term):
            return self._term_scores(q.fieldname, q.text, boost, within)
        if isinstance(q, wq.Prefix):
            # one character: the tf of every pair it starts, scored as one term
            return self._bm25(self._prefix_tfs(q.fieldname, q.text), boost)
        if isinstance(q, wq.Every):
            # 记者:* — every article with any value in the field (all live articles without a field)
            if not q.fieldname:
                return {d: 0.0 for d in self.live_docs()}
            every: dict[int, float] = {}
            for text in self.reader.lexicon(q.fieldname):
                text = text.decode("utf-8") if isinstance(text, bytes) else text
                for d in self.postings(q.fieldname, text):
                    every[d] = 0.0
            return every
        if isinstance(q, (wq.Wildcard, wq.FuzzyTerm)):
            # names: every term the pattern expands to, scored as one term
            tfs: dict[int, float] = {}
            for fieldname, text in q.expanded_terms(self.reader):
                text = text.decode("utf-8") if isinstance(text, bytes) else text
                for d, tf in self.postings(fieldname, text).items():
                    tfs[d] = tfs.get(d, 0.0) + tf
            return self._bm25(tfs, boost)
        if isinstance(q, wq.DateRange):
            return self._dates(q)
        if isinstance(q, wq.AndMaybe):
            must = self.evaluate(q.a, within)
            should = self.evaluate(q.b, set(must))
            return {d: (s + should.get(d, 0.0)) * boost for d, s in must.items()}
        if isinstance(q, wq.AndNot):
            pos = self.evaluate(q.a, within)
            neg = self.evaluate(q.b, set(pos))
            return {d: s * boost for d, s in pos.items() if d not in neg}
        if isinstance(q, wq.Not):
            neg = self.evaluate(q.query, within)
            return {d: 0.0 for d in self.live_docs() if d not in neg}
        if isinstance(q, wq.Or) and not isinstance(q, wq.DisjunctionMax):
            out: Scores = {}
            for child in q.subqueries:
                for d, s in self.evaluate(child, within).items():
                    out[d] = out.get(d, 0.0) + s
            return {d: s * boost for d, s in out.items()} if boost != 1.0 else out
        if isinstance(q, wq.And):
            out = self._and(q, within)
            return {d: s * boost for d, s in out.items()} if boost != 1.0 else out
        raise Unsupported(type(q).__name__)

    def _and(self, q, within: Collection[int] | None) -> Scores:
        """Children without strings first (whole posting lists), then each string child,
        the rarest first, only over the documents still in; NOT children last."""
        positives = [c for c in q.subqueries if not isinstance(c, wq.Not)]
        negatives = [c.query for c in q.subqueries if isinstance(c, wq.Not)]
        dated = [c for c in positives if isinstance(c, wq.DateRange)]
        plain = [c for c in positives if not _verifies(c) and not isinstance(c, wq.DateRange)]
        checked = sorted((c for c in positives if _verifies(c)), key=lambda c: c.estimate_size(self.reader))
        out: Scores | None = None
        # the smallest first: each later child is read only among the documents still in
        for child in sorted(plain, key=lambda c: c.estimate_size(self.reader)):
            part = self.evaluate(child, within if out is None else out.keys())
            out = dict(part) if out is None else {d: s + part[d] for d, s in out.items() if d in part}
            if not out:
                return {}
        for date_q in dated:
            part = self._dates(date_q, None if out is None else out.keys())
            out = dict(part) if out is None else {d: s for d, s in out.items() if d in part}
            if not out:
                return {}
        for child in checked:
            part = self.evaluate(child, within if out is None else set(out))
            out = dict(part) if out is None else {d: s + part[d] for d, s in out.items() if d in part}
            if not out:
                return {}
        if out is None:
            out = {d: 0.0 for d in self.live_docs()}
        for neg in negatives:
            if not out:
                break
            excluded = self.evaluate(neg, set(out))
            out = {d: s for d, s in out.items() if d not in excluded}
        return out

    def _prefix_tfs(self, fieldname: str, char: str) -> dict[int, float]:
        """{docnum: summed tf} of every term starting with ``char`` (one letter: its pairs and single)."""
        tfs: dict[int, float] = {}
        for text in self.reader.expand_prefix(fieldname, char):
            text = text.decode("utf-8") if isinstance(text, bytes) else text
            for d, tf in self.postings(fieldname, text).items():
                tfs[d] = tfs.get(d, 0.0) + tf
        return tfs

    def _substring(self, q: Substring, boost: float, within: Collection[int] | None = None) -> Scores:
        lists, candidates = self._candidates(q, within)
        if not candidates:
            return {}
        return self._verified_scores(lists, self.verify(q.fieldname, candidates, q.needle), boost)

    def _candidates(
        self, q: Substring, within: Collection[int] | None
    ) -> tuple[list[tuple[dict[int, float], int]], list[int]]:
        """The posting lists of ``q``'s pairs (and singles) with their document frequencies, and the
        documents holding all of them; the rarest pair is read first and each next one only among
        the documents still in, where that is cheaper than the whole list."""
        field = q.fieldname
        grams = sorted(set(q.grams), key=lambda g: self.reader.doc_frequency(field, g))
        singles = [self._prefix_tfs(field, c) for c in sorted(set(getattr(q, "singles", ())))]
        lists: list[tuple[dict[int, float], int]] = []
        candidates: Collection[int] | None = within
        for gram in grams:
            posts, frequency = self._read(field, gram, candidates)
            lists.append((posts, frequency))
            candidates = posts.keys() if candidates is None else [d for d in candidates if d in posts]
            if not candidates:
                return lists, []
        for tfs in sorted(singles, key=len):
            lists.append((tfs, len(tfs)))
            candidates = tfs.keys() if candidates is None else [d for d in candidates if d in tfs]
            if not candidates:
                return lists, []
        if not lists or candidates is None:
            return lists, []
        return lists, list(candidates)

    def _verified_scores(self, lists: list[tuple[dict[int, float], int]], verified: set[int], boost: float) -> Scores:
        """BM25 of each pair (and single) over the verified documents only."""
        keep = sorted(verified)
        if not keep:
            return {}
        total: Scores = dict.fromkeys(keep, 0.0)
        for posts, frequency in lists:
            factor = self._bm25_factor(frequency, boost)
            for d in keep:
                tf = posts.get(d)
                if tf:
                    total[d] += factor * tf / (tf + K1)
        return total

    def _dates(self, q, among: Collection[int] | None = None) -> Scores:
        """Every live document dated inside the range (of ``among``, when given), unscored.

        Whoosh's own numeric-range matcher over the ``date`` field's trie terms reads every
        document of the range; among the few documents an AND's other parts left in, once
        the month codes are loaded (``doc_values``), a whole month is decided by its code
        and only a month the range cuts is read by the matcher."""
        codes = self.month_codes() if among is not None else None
        if codes is None or among is None:
            return dict.fromkeys(q.docs(self.searcher), 0.0)
        by_doc, names = codes
        start = q.startdate.date() if q.startdate is not None else None
        end = q.enddate.date() if q.enddate is not None else None
        whole: set[int] = set()
        cut: list[wq.Query] = []
        for code, name in enumerate(names):
            first, last = _month_bounds(name)
            if first is None or last is None:
                continue  # undated: never inside a range
            lo = first if start is None else max(first, start)
            hi = last if end is None else min(last, end)
            if lo > hi:
                continue
            if (lo, hi) == (first, last):
                whole.add(code)
            else:
                cut.append(wq.DateRange(q.fieldname, dt.datetime(lo.year, lo.month, lo.day),
                                        dt.datetime(hi.year, hi.month, hi.day)))
        found = {d for d in among if by_doc[d] in whole}
        for part in cut:
            found.update(d for d in part.docs(self.searcher) if d in among)
        return dict.fromkeys(found, 0.0)


def _month_bounds(name: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of a month term ``YYYY-MM`` (None, None for any other)."""
    try:
        year, month = int(name[:4]), int(name[5:7])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    except (ValueError, IndexError):
        return None, None


def _verifies(q) -> bool:
    """Does evaluating ``q`` check strings against the store (a Substring or Pattern among its leaves)?"""
    return any(isinstance(leaf, Substring) for leaf in q.leaves())
