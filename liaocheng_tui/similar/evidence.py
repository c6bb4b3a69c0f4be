"""What a text names that survives rewording: people, places, organisations, dates, numbers, rare words.

A reporter rewriting a story changes its sentences but keeps who, where, when and
how much.  ``extract`` finds those in a text, each as a :class:`Mention` with a
normalised key, its spans and a weight (how telling it is that another text names
it too: a person or a town much more than 聊城 or a round number):

* people: names the archive credits (the store's ``people`` table) found in the
  text, names credited to it, and — with a tagger — jieba's ``nr`` words that
  start with a common surname;
* places: the Liaocheng table (``places_table``) and jieba's ``ns`` words;
* organisations: jieba's ``nt`` words;
* dates and numbers: ``quantities`` (written any way, compared by value);
* rare words: with a ``rarity`` (0..1, from the index's document frequencies, capped
  by how rare jieba's dictionary says the word is in the language: a small archive
  finds 会议 rare), the text's other words of at least :data:`RARE_WORD_MIN_RARITY`.

Without a tagger (the repost pass over the archive) only the table look-ups and
the figures are used: no jieba, a fraction of a millisecond per article.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from liaocheng_tui.archive.folding import fold
from liaocheng_tui.archive.surnames import COMPOUND_SURNAMES, starts_with_surname
from liaocheng_tui.similar import places_table
from liaocheng_tui.similar.quantities import DateMention, NumberMention, Span, dates, numbers

PERSON, PLACE, ORG, WORD = "person", "place", "org", "word"

#: How telling a shared mention is, by kind (the score adds the weights of what is shared)
PERSON_WEIGHT = 3.0
TAGGED_PERSON_WEIGHT = 2.0  # a jieba ``nr`` word the archive never credits: often right, sometimes not a name
PLACE_WEIGHTS = {places_table.CITY: 0.0, places_table.COUNTY: 0.5, places_table.TOWN: 2.0,
                 places_table.LANDMARK: 1.5}
TAGGED_PLACE_WEIGHT = 1.0
ORG_WEIGHT = 1.5
#: a date naming month and day; a day alone; a month or a year alone
DAY_DATE_WEIGHT = 2.0
LONE_DAY_WEIGHT = 0.5
MONTH_OR_YEAR_WEIGHT = 0.2
#: a number: this much per significant digit, at most NUMBER_MAX_WEIGHT; a unitless small number weighs little
NUMBER_WEIGHT_PER_DIGIT = 0.7
NUMBER_MAX_WEIGHT = 3.0
BARE_NUMBER_WEIGHT = 0.2
#: a rare word: WORD_WEIGHT × its rarity² (rarity: 1 = in one article of the archive, 0 = in all)
WORD_WEIGHT = 2.0
RARE_WORD_MIN_RARITY = 0.55
RARE_WORDS_MAX = 40  # the rarest words of a text kept
#: a word jieba's dictionary counts this often is common in the language (general_rarity 0)
COMMON_WORD_FREQ = 2000
#: a mention weighing less is not kept (城市, 中国: in most articles, telling nothing)
MIN_MENTION_WEIGHT = 0.15
NAME_LENGTHS_LONGEST_FIRST = (4, 3, 2)

#: text → (word, jieba flag, start, how often jieba's dictionary saw the word: 0 for a word it does not know)
Tagger = Callable[[str], Iterable[tuple[str, str, int, int]]]


@dataclass(frozen=True)
class Mention:
    """One thing a text names: its kind, normalised key, the text as first written, where, and its weight."""

    kind: str
    key: str
    text: str
    spans: tuple[Span, ...]
    weight: float


@dataclass
class TextEvidence:
    """All a text names: names and words (looked for as strings in another text), dates and numbers."""

    text: str
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)

    @property
    def total_weight(self) -> float:
        """The weight of everything named, once per key (what a perfect match would share)."""
        total = sum(m.weight for m in self.mentions)
        total += sum(number_weight(n) for n in {n.key: n for n in self.numbers}.values())
        total += sum(date_weight(d) for d in {d.key: d for d in self.dates}.values())
        return total


def number_weight(mention: NumberMention) -> float:
    if not mention.unit and mention.significant_digits <= 2:
        return BARE_NUMBER_WEIGHT
    return min(NUMBER_MAX_WEIGHT, NUMBER_WEIGHT_PER_DIGIT * mention.significant_digits)


def date_weight(mention: DateMention) -> float:
    key = mention.key
    if key.day is not None and key.month is not None:
        return DAY_DATE_WEIGHT
    if key.day is not None:
        return LONE_DAY_WEIGHT
    return MONTH_OR_YEAR_WEIGHT


@lru_cache(maxsize=1)
def _place_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One regex of every place name (longest first) and name → (canonical name, level)."""
    known: dict[str, tuple[str, str]] = {name: (name, level) for name, level, _county in places_table.PLACES}
    for short, full in places_table.SHORT_NAMES.items():
        known.setdefault(short, (full, known.get(full, (full, places_table.COUNTY))[1]))
    names = sorted(known, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names)), known


def _spans_of(text: str, needle: str) -> tuple[Span, ...]:
    spans, start = [], text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return tuple(spans)


@lru_cache(maxsize=4)
def _first_letters(names: frozenset[str]) -> re.Pattern[str] | None:
    """A pattern of the characters names start with: the text is scanned in C, names checked at hits."""
    firsts = sorted({name[0] for name in names if name})
    return re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None


def known_names_in(text: str, names: frozenset[str], folded: str | None = None) -> dict[str, tuple[Span, ...]]:
    """Names of ``names`` written in ``text`` (the longest at each place), with their spans."""
    found: dict[str, list[Span]] = {}
    folded = fold(text) if folded is None else folded
    starts = _first_letters(names)
    if starts is None:
        return {}
    after = 0
    for m in starts.finditer(folded):
        i = m.start()
        if i < after:
            continue
        for size in NAME_LENGTHS_LONGEST_FIRST:
            piece = folded[i : i + size]
            if len(piece) == size and piece in names:
                found.setdefault(piece, []).append((i, i + size))
                after = i + size
                break
    return {name: tuple(spans) for name, spans in found.items()}


def extract(text: str, *, names: frozenset[str] = frozenset(), credited: Iterable[str] = (),
            tagger: Tagger | None = None, rarity: Callable[[Collection[str]], dict[str, float]] | None = None,
            folded: str | None = None) -> TextEvidence:
    """Everything ``text`` names (see the module's docstring); ``credited``: names its byline credits;
    ``folded``: ``fold(text)`` when the caller has it."""
    folded = fold(text) if folded is None else folded
    found_dates = dates(text, folded)
    out = TextEvidence(text, dates=found_dates, numbers=numbers(text, folded, found_dates))
    seen: dict[tuple[str, str], Mention] = {}

    def add(kind: str, key: str, written: str, spans: tuple[Span, ...], weight: float) -> None:
        if (kind, key) not in seen and weight >= MIN_MENTION_WEIGHT:
            seen[(kind, key)] = Mention(kind, key, written, spans, weight)

    for name, spans in known_names_in(text, names, folded).items():
        add(PERSON, name, text[spans[0][0]:spans[0][1]], spans, PERSON_WEIGHT)
    for name in credited:
        add(PERSON, fold(name), name, _spans_of(folded, fold(name)), PERSON_WEIGHT)
    pattern, places = _place_pattern()
    by_place: dict[str, list[Span]] = {}
    for m in pattern.finditer(folded):
        by_place.setdefault(m.group(), []).append(m.span())
    for written, where in by_place.items():
        _canonical, level = places[written]
        add(PLACE, written, text[where[0][0]:where[0][1]], tuple(where), PLACE_WEIGHTS[level])
    if tagger is not None:
        _tagged(folded, text, tagger, rarity, add)
    out.mentions = list(seen.values())
    return out


def _tagged(folded: str, text: str, tagger: Tagger, rarity, add) -> None:
    """jieba's names, places and organisations (weighed by how rare they are), and the rarest other words."""
    words: dict[str, tuple[str, int]] = {}
    place_names = _place_pattern()[1]
    seen_often: dict[str, int] = {}
    for word, flag, start, freq in tagger(folded):
        if len(word) >= 2 and re.search(r"[^\W\d_]", word) and word not in words and word not in place_names:
            words[word] = (flag, start)
            seen_often[word] = freq
    rare = rarity(list(words)) if rarity is not None else {}
    # an archive of a few pages finds every word rare: the language's own frequency caps it
    rare = {w: min(r, general_rarity(seen_often.get(w, 0))) for w, r in rare.items()}
    plain = []
    for word, (flag, start) in words.items():
        spans = _spans_of(folded, word)
        written = text[start:start + len(word)]
        how_rare = rare.get(word, 1.0 if rarity is None else 0.0)
        if flag == "nr" and len(word) >= 3 and starts_with_surname(word):
            add(PERSON, word, written, spans, TAGGED_PERSON_WEIGHT * how_rare)
        elif flag == "ns":
            add(PLACE, word, written, spans, TAGGED_PLACE_WEIGHT * how_rare)
        elif flag == "nt":
            add(ORG, word, written, spans, ORG_WEIGHT * how_rare)
        elif flag not in ("m", "t", "x", "eng", "r", "p", "c", "u", "d") and how_rare >= RARE_WORD_MIN_RARITY:
            plain.append((how_rare, word, written, spans))
    if rarity is None:
        return
    for how_rare, word, written, spans in sorted(plain, key=lambda x: -x[0])[:RARE_WORDS_MAX]:
        add(WORD, word, written, spans, WORD_WEIGHT * how_rare**2)


#: endings of a word jieba does not know that make it a place or an organisation
PLACE_ENDINGS = ("省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "路", "街", "河", "湖", "山", "园")
ORG_ENDINGS = ("局", "委", "办", "厅", "部", "院", "所", "校", "学校", "大学", "医院", "公司", "集团", "协会", "中心",
               "银行", "厂", "站", "队", "会", "馆", "社", "合作社", "基地")


def general_rarity(freq: int) -> float:
    """How rare a word is in the language, 0..1, from jieba's dictionary count (0: a word it does not know)."""
    if freq <= 0:
        return 1.0
    return max(0.0, 1.0 - math.log1p(freq) / math.log1p(COMMON_WORD_FREQ))


def jieba_tagger() -> Tagger:
    """Words of the project's jieba (the archive's names added as ``nr``), tagged fast.

    A word of jieba's dictionary takes its dictionary tag (``jieba.posseg``'s table);
    a word jieba's HMM found (not in the dictionary) is a name when it is three
    characters starting with a common surname (four with a compound one), a place or
    an organisation by its ending, else untagged.  (``posseg``'s own HMM tags cost
    ten times more and call 智能化 and 蓝图 names.)
    """
    import jieba.posseg

    from liaocheng_tui.search.analysis import jieba_tokenizer

    tokenizer = jieba_tokenizer()
    tags = jieba.posseg.POSTokenizer(tokenizer).word_tag_tab

    def tag(text: str) -> Iterable[tuple[str, str, int, int]]:
        at = 0
        for word in tokenizer.cut(text, HMM=True):
            start, at = at, at + len(word)
            known = tags.get(word)
            # jieba's dictionary calls words like 智能化 and 明珠 names: only names it did not know count
            flag = (known if known != "nr" else "n") if known else _unknown_word_tag(word)
            yield word, flag, start, int(tokenizer.FREQ.get(word) or 0)

    return tag


def _unknown_word_tag(word: str) -> str:
    if not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return "x"
    if (len(word) == 3 and starts_with_surname(word)) or (len(word) == 4 and word[:2] in COMPOUND_SURNAMES):
        return "nr"
    if word.endswith(PLACE_ENDINGS) and len(word) >= 3:
        return "ns"
    if word.endswith(ORG_ENDINGS) and len(word) >= 3:
        return "nt"
    return "n"
