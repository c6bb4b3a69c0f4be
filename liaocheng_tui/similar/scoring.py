"""One text against one article: what they share, a score in 0..1, and a verdict.

The score combines two kinds of evidence, either of which can carry it:

* **named things** — the weight (``evidence`` module) of the people, places,
  organisations, dates, numbers and rare words both name, taken as an amount
  (``shared / (shared + EVIDENCE_HALF_WEIGHT)``: a few telling facts shared already
  count) times the square root of the share of what the text names (``shared / named``:
  an article sharing the official and the date of 3 of 30 facts is another event of
  that day);
* **wording** — the geometric mean of two shares: of the text's wording the article
  prints too (its 8-letter shingles, ``signature.wording_shares``), and of the article's
  wording the text has (one sentence of boilerplate, or a long round-up quoting one
  paragraph of the text, is not the text's event), full at :data:`PASSAGE_COVERAGE_FULL`.  The passages themselves (``passages``,
  with offsets) are the evidence shown.

``score = 1 − (1 − facts)(1 − wording)``.  Verdicts:

* ``"same event"`` at :data:`SAME_EVENT_MIN_SCORE` or more;
* ``"related"`` at :data:`RELATED_MIN_SCORE` or more (the same subject, people or
  place: a follow-up, a background piece);
* ``None`` below.

The thresholds were set on rewrites made by ``benchmarks/bench_similar.py`` from one
set of its generator's seeds and checked on held-out seeds (README: "Has it been
written already?").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from liaocheng_tui.archive.folding import fold
from liaocheng_tui.archive.model import Article
from liaocheng_tui.similar.evidence import ORG, PERSON, PLACE, WORD, TextEvidence, date_weight, number_weight
from liaocheng_tui.similar.passages import Passage, SeedIndex
from liaocheng_tui.similar.signature import Shingles, shingles, wording_shares
from liaocheng_tui.similar.quantities import NumberMention, Span

SAME_EVENT = "same event"
RELATED = "related"
#: at or above: the article reports the event the text is about
SAME_EVENT_MIN_SCORE = 0.45
#: at or above (and below SAME_EVENT_MIN_SCORE): the article shares the subject, not surely the event
RELATED_MIN_SCORE = 0.25
#: shared weight at which the amount of shared facts counts half
EVIDENCE_HALF_WEIGHT = 8.0
#: the text names at least this much weight, for the share of it that is shared (a short note is not
#: "all shared" because it names one thing)
MIN_NAMED_WEIGHT = 8.0
#: geometric mean of the two texts' shares of wording the other has at which wording alone says "same"
PASSAGE_COVERAGE_FULL = 0.5


@dataclass(frozen=True)
class Shared:
    """One thing both name: its kind, key, and where it is written in the text and in the article."""

    kind: str  # person, place, org, date, number, word
    key: str  # normalised: 张三, 3月12日, 1400名, 38155000000元
    draft_text: str
    draft_spans: tuple[Span, ...]
    article_text: str
    article_spans: tuple[Span, ...]
    weight: float


@dataclass(frozen=True)
class Evidence:
    """What a text and an article share; article spans are offsets into ``article_text(article)``."""

    people: tuple[Shared, ...] = ()
    places: tuple[Shared, ...] = ()
    orgs: tuple[Shared, ...] = ()
    dates: tuple[Shared, ...] = ()
    numbers: tuple[Shared, ...] = ()
    words: tuple[Shared, ...] = ()
    passages: tuple[Passage, ...] = ()

    def as_dict(self) -> dict:
        """JSON-ready: lists of {key, draft, article, draft_spans, article_spans}; passages with both spans."""
        def items(shared: tuple[Shared, ...]) -> list[dict]:
            return [{"key": s.key, "draft": s.draft_text, "article": s.article_text,
                     "draft_spans": [list(x) for x in s.draft_spans],
                     "article_spans": [list(x) for x in s.article_spans]} for s in shared]

        return {
            "people": items(self.people), "places": items(self.places), "orgs": items(self.orgs),
            "dates": items(self.dates), "numbers": items(self.numbers), "words": items(self.words),
            "passages": [{"text": p.text, "draft_span": list(p.draft), "article_span": list(p.article)}
                         for p in self.passages],
        }


@dataclass(frozen=True)
class Judgement:
    score: float
    verdict: str | None
    evidence: Evidence
    shared_weight: float
    named_weight: float
    passage_coverage: float  # share of the text's wording the article has
    article_coverage: float  # share of the article's wording the text has

    @property
    def rank(self) -> tuple[float, float]:
        """Best first: the score, then (among equal scores: a text fully inside two articles) the
        article most of whose text the passages cover."""
        return (self.score, self.passage_coverage + self.article_coverage
                + min(1.0, self.shared_weight / max(self.named_weight, 1.0)))


def article_text(article: Article) -> str:
    """The text an article is matched on: its heading lines (kicker, title, subtitle) then its body.

    Article spans in :class:`Evidence` are offsets into this string; ``field_spans``
    turns them into spans per field.
    """
    head = [x for x in (article.kicker, article.title, article.subtitle) if x]
    return "\n".join([*head, article.body])


def field_spans(article: Article, spans: list[Span]) -> dict[str, list[Span]]:
    """Spans into ``article_text(article)`` as spans into each field (kicker, title, subtitle, body)."""
    out: dict[str, list[Span]] = {}
    at = 0
    for name in ("kicker", "title", "subtitle", "body"):
        value = getattr(article, name)
        if name != "body" and not value:
            continue
        end = at + len(value)
        for s, e in spans:
            if s < end and e > at:
                out.setdefault(name, []).append((max(s, at) - at, min(e, end) - at))
        at = end + 1
    return out


def verdict_for(score: float) -> str | None:
    if score >= SAME_EVENT_MIN_SCORE:
        return SAME_EVENT
    if score >= RELATED_MIN_SCORE:
        return RELATED
    return None


class DraftMatcher:
    """A text's evidence, ready to be compared with many articles."""

    def __init__(self, evidence: TextEvidence, text_shingles: Shingles | None = None):
        self.evidence = evidence
        self.shingles = text_shingles if text_shingles is not None else shingles(evidence.text)
        self._seeds: SeedIndex | None = None
        self.named = evidence.total_weight

    def judge(self, text: str, credited: list[str], facts: TextEvidence, *, folded: str | None = None,
              article_shingles: Shingles | None = None, passages: bool = True) -> Judgement:
        """Compare with an article's ``text`` (``article_text``), its credited names and its figures
        (``folded``, ``article_shingles``: ``fold(text)`` and ``shingles(text)`` when the caller has
        them; ``passages``: find the shared passages to show — the score does not need them)."""
        draft = self.evidence
        folded = fold(text) if folded is None else folded
        credited_folded = {fold(n) for n in credited}
        groups: dict[str, list[Shared]] = {PERSON: [], PLACE: [], ORG: [], WORD: [], "date": [], "number": []}
        for m in draft.mentions:
            spans = _spans_of(folded, m.key)
            if not spans and not (m.kind == PERSON and m.key in credited_folded):
                continue
            written = text[spans[0][0]:spans[0][1]] if spans else m.text
            groups[m.kind].append(Shared(m.kind, m.key, m.text, m.spans, written, spans, m.weight))
        mine: dict[str, list[NumberMention]] = {}
        for n in facts.numbers:
            mine.setdefault(n.key, []).append(n)
        seen_numbers: set[str] = set()
        for n in draft.numbers:
            if n.key in seen_numbers or n.key not in mine:
                continue
            seen_numbers.add(n.key)
            theirs = mine[n.key]
            draft_spans = tuple(x.span for x in draft.numbers if x.key == n.key)
            groups["number"].append(Shared("number", n.key, n.text, draft_spans, theirs[0].text,
                                           tuple(x.span for x in theirs), number_weight(n)))
        seen_dates: set = set()
        for d in draft.dates:
            if d.key in seen_dates:
                continue
            same_day = [x for x in facts.dates if d.key.same(x.key)]
            if not same_day:
                continue
            seen_dates.add(d.key)
            draft_spans = tuple(x.span for x in draft.dates if x.key == d.key)
            groups["date"].append(Shared("date", d.key.label, d.text, draft_spans, same_day[0].text,
                                         tuple(x.span for x in same_day), date_weight(d)))
        found: tuple[Passage, ...] = ()
        if passages:
            if self._seeds is None:
                self._seeds = SeedIndex(draft.text)
            found = tuple(self._seeds.shared(text))
        coverage, article_coverage = wording_shares(
            self.shingles, article_shingles if article_shingles is not None else shingles(text))
        shared_weight = sum(s.weight for group in groups.values() for s in group)
        score = combine(shared_weight, self.named, math.sqrt(coverage * article_coverage))
        evidence = Evidence(
            people=tuple(groups[PERSON]), places=tuple(groups[PLACE]), orgs=tuple(groups[ORG]),
            dates=tuple(groups["date"]), numbers=tuple(groups["number"]), words=tuple(groups[WORD]),
            passages=found,
        )
        return Judgement(score, verdict_for(score), evidence, shared_weight, self.named, coverage, article_coverage)


def combine(shared_weight: float, named_weight: float, passage_coverage: float) -> float:
    """The score in 0..1 from the shared facts' weight, the text's named weight and the two texts'
    shared wording (the geometric mean of each one's share the other has)."""
    amount = shared_weight / (shared_weight + EVIDENCE_HALF_WEIGHT)
    share = min(1.0, shared_weight / max(named_weight, MIN_NAMED_WEIGHT))
    facts = amount * math.sqrt(share)
    wording = min(1.0, passage_coverage / PASSAGE_COVERAGE_FULL)
    return round(1.0 - (1.0 - facts) * (1.0 - wording), 4)


def _spans_of(text: str, needle: str) -> tuple[Span, ...]:
    spans, start = [], text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return tuple(spans)
