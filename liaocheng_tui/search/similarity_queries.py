"""What same-event matching asks the index: articles like a text, how rare words are, articles
holding many of a set of strings.

A mixin of :class:`service.SearchService` (its searcher, evaluator and lock);
``liaocheng_tui.similar`` builds its evidence on these answers.  Each reads only
short posting lists: character pairs in too many articles tell little and are
long to read, so they are left out.
"""

from __future__ import annotations

import math
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from liaocheng_tui.search.substring import Needle

T = TypeVar("T")

#: a character pair in more articles than LIKE_TERM_MAX_SHARE of the archive (and than LIKE_TERM_MAX_DF)
#: tells too little to find similar articles by, and its posting list is long to read
LIKE_TERM_MAX_SHARE = 0.02
LIKE_TERM_MAX_DF = 2000
#: character pairs of a string read to find the articles holding it (its rarest)
STRING_PAIRS_READ = 3


class SimilarityQueries(ABC):
    """like_text / rarity / strings_like over ``self``'s index (mixed into SearchService)."""

    _lock: threading.RLock
    _reader: Any
    _searcher: Any

    @abstractmethod
    def _answer(self, ask: Callable[[], T]) -> T: ...

    @abstractmethod
    def _fast(self) -> Any: ...

    @abstractmethod
    def _best(self, scores: dict[int, float], limit: int | None) -> list[tuple[int, float]]: ...

    @abstractmethod
    def _aid(self, docnum: int) -> str: ...

    @abstractmethod
    def _verify_one(self, reader, fieldname: str, docnum: int, needle: Needle) -> bool: ...

    def like_text(self, text: str, limit: int = 30) -> list[tuple[str, float]]:
        """(aid, score) of the ``limit`` articles most like ``text``: Whoosh's key terms of its body
        bigrams (as ``more_like``), those in few enough articles (LIKE_TERM_MAX_*), evaluated
        by the one evaluator; best first."""
        return self._answer(lambda: self._like_text(text, limit))

    def _like_text(self, text: str, limit: int) -> list[tuple[str, float]]:
        from whoosh import query as wq

        with self._lock:
            if not text.strip():
                return []
            most = max(LIKE_TERM_MAX_DF, int(self._reader.doc_count() * LIKE_TERM_MAX_SHARE))
            terms = self._searcher.key_terms_from_text("body_bg", text, numterms=20, normalize=True)
            kept = [wq.Term("body_bg", w, boost=weight) for w, weight in terms
                    if len(w) == 2 and self._reader.doc_frequency("body_bg", w) <= most]
            if not kept:
                return []
            top = self._best(self._fast().evaluate(wq.Or(kept)), limit)
            return [(self._aid(d), float(score)) for d, score in top]

    def rarity(self, words: Iterable[str]) -> dict[str, float]:
        """How rare each word is in the archive, 0..1: log(N / df) / log(N + 1), df the number of
        articles whose body has its rarest character pair (an upper bound of the word's own)."""
        from liaocheng_tui.search.analysis import query_bigrams

        with self._lock:
            n = max(1, self._reader.doc_count())
            out: dict[str, float] = {}
            for word in words:
                pairs = query_bigrams(word)
                if len(pairs) == 0 or len(pairs[0]) < 2:
                    continue
                df = min(self._reader.doc_frequency("body_bg", p) for p in pairs)
                out[word] = max(0.0, math.log(n / max(1, df)) / math.log(n + 1))
            return out

    def strings_like(self, strings: Iterable[str], limit: int = 30) -> list[tuple[str, float]]:
        """(aid, score) of the ``limit`` articles whose body has most of ``strings``, best first.

        Only the string's STRING_PAIRS_READ rarest character pairs are read from the
        index (the store's letters then verify the whole string), and strings whose
        rarest pair is in too many articles (LIKE_TERM_MAX_*) are left out — so no
        long posting list is read.
        """
        return self._answer(lambda: self._strings_like(strings, limit))

    def _strings_like(self, strings: Iterable[str], limit: int) -> list[tuple[str, float]]:
        from whoosh import query as wq

        from liaocheng_tui.search.analysis import letters_only, query_bigrams
        from liaocheng_tui.search.substring import Substring

        with self._lock:
            reader = self._reader
            most = max(LIKE_TERM_MAX_DF, int(reader.doc_count() * LIKE_TERM_MAX_SHARE))
            parts: list[wq.Query] = []
            for text in dict.fromkeys(strings):
                pairs = {g: reader.doc_frequency("body_bg", g) for g in query_bigrams(text) if len(g) == 2}
                rarest = sorted((g for g, df in pairs.items() if df), key=pairs.__getitem__)[:STRING_PAIRS_READ]
                if len(rarest) >= 2 and pairs[rarest[0]] <= most:
                    # the rarest pairs choose the candidates, the store's letters verify the whole string
                    parts.append(Substring("body_bg", tuple(rarest), letters_only(text), self._verify_one))
            if not parts:
                return []
            scores = self._fast().evaluate(wq.Or(parts))
            return [(self._aid(d), float(score)) for d, score in self._best(scores, limit)]
