"""The repost pass: after indexing, link each new article to the archive's articles on the same event.

Runs over the store's ``links_pending`` articles only (those of pages stored since
it last ran), in store order: each is signed (``signature.band_keys``), its band
keys looked up (the articles sharing most bands, at most :data:`PASS_CANDIDATES`),
its own keys added (so a later new article finds it), and each candidate judged
by the same scorer as a draft (``scoring``; jieba is not loaded: names from the
people table and the byline, places from the table, dates and numbers; the
passages to show are not looked for — the score does not need them).  Pairs
with a verdict become ``event_links`` rows.  Old articles are never judged again:
adding a page costs that page's articles.

The reader asks ``also_reported(store, aid)`` (or ``Shelf.also_reported``): one
indexed query.  ``duplicates(store)`` gives the linked groups ("same event" links,
connected).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from liaocheng_tui.archive.folding import fold
from liaocheng_tui.search.backend import Progress
from liaocheng_tui.search.errors import Cancelled
from liaocheng_tui.search.store import ArticleStore
from liaocheng_tui.search.store_links import LinkRow
from liaocheng_tui.similar.evidence import TextEvidence, extract
from liaocheng_tui.similar.matching import article_facts, credited, known_names
from liaocheng_tui.similar.scoring import SAME_EVENT, DraftMatcher, article_text
from liaocheng_tui.similar.signature import SIGNATURE_VERSION, Shingles, band_keys, shingles

#: candidates judged per new article (those sharing most LSH bands)
PASS_CANDIDATES = 3
#: new articles read and written per transaction
PASS_BATCH = 500
#: an item with fewer characters (a caption, a brief) is signed but not linked: too little to tell
PASS_MIN_LETTERS = 80
SIGNATURE_META = "links_signature"
#: candidates kept read during a pass
CANDIDATES_KEPT = 2000


def link_new_articles(store: ArticleStore, progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> int:
    """Run the pass over the pending articles; returns how many were judged (0: nothing new)."""
    if store.meta(SIGNATURE_META) != SIGNATURE_VERSION:
        with store.transaction():
            store.relink_everything()
            store.set_meta(SIGNATURE_META, SIGNATURE_VERSION)
    total = store.pending_link_count()
    if not total:
        return 0
    names = known_names(store)
    seen = Candidates()  # candidates come back often (a repeated text is everyone's candidate)
    done = 0
    while True:
        pending = store.pending_links(PASS_BATCH)
        if not pending:
            break
        articles = store.articles([aid for _row, aid in pending])
        with store.transaction():
            for row, aid in pending:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                article = articles.get(aid)
                if article is not None:
                    _link_one(store, row, article, names, seen)
                done += 1
            store.done_linking(row for row, _aid in pending)
        if progress is not None:
            progress("link", done, total)
    return done


def _link_one(store: ArticleStore, row: int, article, names: frozenset[str], seen: Candidates) -> None:
    text = article_text(article)
    folded = fold(text)
    own = shingles(text, folded)
    keys = band_keys(own)
    short = len("".join(text.split())) < PASS_MIN_LETTERS
    matches = [] if short else store.band_matches(keys, PASS_CANDIDATES)
    store.put_bands(row, keys)
    me = Candidate(text, folded, credited(article), own)
    seen.put(article.id, me)  # a later new article sharing its wording judges it from memory
    if not matches:
        return
    evidence = extract(text, names=names, credited=me.credited, folded=folded)
    me.facts = TextEvidence(text, dates=evidence.dates, numbers=evidence.numbers)
    matcher = DraftMatcher(evidence, own)
    wanted = [aid for _row, aid, _n in matches if seen.get(aid) is None]
    for aid, other in store.articles(wanted).items():
        seen.put(aid, Candidate.of(other))
    links = []
    for other_row, other_aid, _bands in matches:
        candidate = seen.get(other_aid)
        if candidate is None:
            continue
        judged = matcher.judge(candidate.text, candidate.credited, candidate.evidence(), folded=candidate.folded,
                               article_shingles=candidate.shingles, passages=False)
        if judged.verdict is not None:
            links.append((row, other_row, judged.score, judged.verdict))
    store.put_links(links)


class Candidate:
    """What judging an article against others needs of it, kept while the pass runs (its dates and
    numbers found when first needed: most articles are never anyone's candidate)."""

    __slots__ = ("text", "folded", "credited", "shingles", "facts")

    def __init__(self, text: str, folded: str, credited: list[str], own: Shingles,
                 facts: TextEvidence | None = None) -> None:
        self.text, self.folded, self.credited, self.shingles, self.facts = text, folded, credited, own, facts

    @classmethod
    def of(cls, article) -> Candidate:
        text = article_text(article)
        folded = fold(text)
        return cls(text, folded, credited(article), shingles(text, folded))

    def evidence(self) -> TextEvidence:
        if self.facts is None:
            self.facts = article_facts(self.text, self.folded)
        return self.facts


class Candidates:
    """The last :data:`CANDIDATES_KEPT` articles signed or judged, least recently used out first:
    the articles a repeated text makes everyone's candidate stay in memory."""

    def __init__(self, size: int = CANDIDATES_KEPT) -> None:
        self.size = size
        self._kept: OrderedDict[str, Candidate] = OrderedDict()

    def get(self, aid: str) -> Candidate | None:
        found = self._kept.get(aid)
        if found is not None:
            self._kept.move_to_end(aid)
        return found

    def put(self, aid: str, candidate: Candidate) -> None:
        self._kept[aid] = candidate
        self._kept.move_to_end(aid)
        if len(self._kept) > self.size:
            self._kept.popitem(last=False)


def also_reported(store: ArticleStore, aid: str) -> list[LinkRow]:
    """The articles linked to ``aid`` ("same event" first, best first): one indexed query, no text read."""
    return store.links_of(aid)


def duplicates(store: ArticleStore) -> list[list[str]]:
    """Groups of articles linked as "same event" (connected), each in store order, largest groups first."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _score in store.link_pairs(SAME_EVENT):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(root(x), []).append(x)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))
