"""``find_similar``: the archive's articles most likely to report the event a text is about.

Candidates come from the index and the LSH bands, never from a scan of the archive:

* the topic: Whoosh's key terms of the text's character pairs (``SearchService.like_text``,
  the ``more_like`` of a text), :data:`TOPIC_CANDIDATES` of them;
* the names and rare words: one OR of the text's most telling people, towns, landmarks,
  organisations and rare words as verbatim strings (``SearchService.strings_like``),
  :data:`NAMED_CANDIDATES`;
* the wording: articles sharing LSH bands with the text (``signature``), :data:`WORDING_CANDIDATES`,
  and articles printing the text's longest clauses word for word (:data:`PROBE_CLAUSES` of them
  as verbatim strings, ``probe_clauses``), :data:`PROBE_CANDIDATES`.

Each candidate is read from the store and judged (``scoring``); the best ``limit`` come
back as :class:`Match` objects, best first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from liaocheng_tui.archive.folding import fold
from liaocheng_tui.archive.model import Article
from liaocheng_tui.search.errors import QueryError
from liaocheng_tui.search.store import ArticleStore
from liaocheng_tui.similar.evidence import ORG, PERSON, PLACE, WORD, Tagger, TextEvidence, extract, jieba_tagger
from liaocheng_tui.similar.quantities import dates, numbers
from liaocheng_tui.similar.scoring import DraftMatcher, Evidence, article_text
from liaocheng_tui.similar.signature import Shingles, band_keys, shingles

TOPIC_CANDIDATES = 30
#: the text's first characters its key terms are taken from (a pasted book chapter stays fast)
TOPIC_TEXT_CHARS = 4000
NAMED_CANDIDATES = 40
WORDING_CANDIDATES = 20
PROBE_CANDIDATES = 30
#: articles judged per text, the best of each list first
JUDGED_MAX = 48
#: clauses of the text searched word for word: the longest ones, cut to PROBE_CHARS characters
PROBE_CLAUSES = 8
PROBE_MIN_CHARS = 10
PROBE_CHARS = 16
#: named things searched as strings: the most telling ones, each at least this telling
NAMED_STRINGS_MAX = 24
NAMED_STRING_MIN_WEIGHT = 1.0


class MatchSource(Protocol):
    """What matching asks of the search layer (``search.service.SearchService`` answers it)."""

    @property
    def store(self) -> ArticleStore: ...

    def like_text(self, text: str, limit: int = 30) -> list[tuple[str, float]]: ...

    def rarity(self, words: Iterable[str]) -> dict[str, float]: ...

    def strings_like(self, strings: Iterable[str], limit: int = 30) -> list[tuple[str, float]]: ...


@dataclass(frozen=True)
class Match:
    """An archive article for a text: ``score`` 0..1, ``verdict`` "same event" / "related" / None,
    and what they share (article spans are offsets into ``scoring.article_text(article)``)."""

    article: Article
    score: float
    verdict: str | None
    evidence: Evidence

    @property
    def aid(self) -> str:
        return self.article.id


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    return jieba_tagger()


def known_names(store: ArticleStore) -> frozenset[str]:
    """Every name the archive credits (the people table)."""
    return frozenset(row.name for row in store.people())


def article_facts(text: str, folded: str | None = None) -> TextEvidence:
    """An article's dates and numbers (its names are looked for as the text's strings)."""
    folded = fold(text) if folded is None else folded
    found = dates(text, folded)
    return TextEvidence(text, dates=found, numbers=numbers(text, folded, found))


def credited(article: Article) -> list[str]:
    return [*article.reporters, *article.correspondents]


def draft_evidence(text: str, source: MatchSource, tagger: Tagger | None = None) -> TextEvidence:
    """What ``text`` names, with jieba's tags and the index's rarities."""
    return extract(text, names=known_names(source.store), tagger=tagger or default_tagger(), rarity=source.rarity)


def candidates(text: str, evidence: TextEvidence, source: MatchSource, own: Shingles | None = None) -> list[str]:
    """Ids of the articles worth judging for ``text``: the best of each way of finding them
    (topic, names and words, clauses, LSH bands) taken in turn, at most JUDGED_MAX."""
    lists: list[list[str]] = [[aid for aid, _score in source.like_text(text[:TOPIC_TEXT_CHARS], TOPIC_CANDIDATES)]]
    telling = sorted((m for m in evidence.mentions if m.kind in (PERSON, PLACE, ORG, WORD)
                      and m.weight >= NAMED_STRING_MIN_WEIGHT), key=lambda m: -m.weight)
    strings = [m.text for m in telling[:NAMED_STRINGS_MAX]]
    for wanted, limit in ((strings, NAMED_CANDIDATES), (probe_clauses(text), PROBE_CANDIDATES)):
        try:
            lists.append([aid for aid, _score in source.strings_like(wanted, limit)])
        except QueryError:  # a string the query language refuses: the other candidates stand
            continue
    keys = band_keys(own if own is not None else text)
    lists.append([aid for _row, aid, _bands in source.store.band_matches(keys, WORDING_CANDIDATES)])
    found: dict[str, None] = {}
    for rank in range(max(len(x) for x in lists)):
        for ranked in lists:
            if rank < len(ranked):
                found.setdefault(ranked[rank])
    return list(found)[:JUDGED_MAX]


def probe_clauses(text: str) -> list[str]:
    """The text's longest clauses (between punctuation), each cut to PROBE_CHARS characters."""
    clauses = [c.strip() for c in re.split(r"[，,。；;！!？?、：:“”\"（）()《》\n]", text)]
    longest = sorted((c for c in clauses if len(c) >= PROBE_MIN_CHARS), key=len, reverse=True)
    return [c[:PROBE_CHARS] for c in longest[:PROBE_CLAUSES]]


def find_similar(text: str, source: MatchSource, limit: int = 10, *, tagger: Tagger | None = None) -> list[Match]:
    """The ``limit`` articles most likely to report what ``text`` reports, best first.

    Every candidate judged is returned if fewer; a score of 0 (nothing shared) is
    left out.  Raises nothing for odd input: an empty text has no matches.
    """
    if not text.strip():
        return []
    evidence = draft_evidence(text, source, tagger)
    own = shingles(text)
    matcher = DraftMatcher(evidence, own)
    aids = candidates(text, evidence, source, own)
    articles = source.store.articles(aids)
    judged: list[tuple[tuple[float, float], Article, str, str, Shingles, TextEvidence]] = []
    for aid in aids:
        article = articles.get(aid)
        if article is None:
            continue
        body = article_text(article)
        folded = fold(body)
        article_shingles = shingles(body, folded)
        facts = article_facts(body, folded)
        result = matcher.judge(body, credited(article), facts, folded=folded, article_shingles=article_shingles,
                               passages=False)
        if result.score > 0:
            judged.append((result.rank, article, body, folded, article_shingles, facts))
    judged.sort(key=lambda item: (-item[0][0], -item[0][1]))
    out = []
    for _rank, article, body, folded, article_shingles, facts in judged[:limit]:
        # the passages to show, for the matches shown only (the score does not need them)
        result = matcher.judge(body, credited(article), facts, folded=folded, article_shingles=article_shingles)
        out.append(Match(article, result.score, result.verdict, result.evidence))
    return out
