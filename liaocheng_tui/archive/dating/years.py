"""The issue year: collect what the clues say about it and pick the year they agree on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from liaocheng_tui.archive.dating.mentions import DateMention
from liaocheng_tui.archive.dating.valid_date import MAX_YEAR, MIN_YEAR
from liaocheng_tui.archive.dating.year_clues import YEAR_CLUES, YEAR_NUMBER, Bound


@dataclass(frozen=True)
class YearEvidence:
    """One thing the text says about the issue year, and which clue said it."""

    bound: Bound
    year: int
    weight: int
    clue: str


def year_evidence(flat: str, mentions: list[DateMention]) -> list[YearEvidence]:
    """Everything the flattened text says about its issue year."""
    used: set[int] = set()  # start offsets of year numbers already accounted for
    evidence: list[YearEvidence] = []
    for mention in mentions:  # "2025年1月2日…将…": announced; "2024年6月20日": reported
        if mention.year is not None and mention.year_span is not None and MIN_YEAR <= mention.year <= MAX_YEAR:
            used.add(mention.year_span[0])
            bound = Bound.AT_MOST if mention.future else Bound.AT_LEAST
            evidence.append(YearEvidence(bound, mention.year, 2, "year of a date"))
    for clue in YEAR_CLUES:
        for match in clue.pattern.finditer(flat):
            if "y" in match.re.groupindex and match["y"] is not None:
                if match.start("y") in used:
                    continue
                used.add(match.start("y"))
            dated = not clue.names_the_year_only_with_a_date or _dated_sentence(flat, match, mentions)
            for bound, years_of, weight in clue.effects:
                if bound is Bound.IS and not dated:
                    continue  # 2023年汉诺威工业展上… with no date: a past event, a lower bound only
                for year in years_of(match):
                    if MIN_YEAR <= year <= MAX_YEAR:
                        evidence.append(YearEvidence(bound, year, weight, clue.name))
            for group in ("more", "y2"):
                if group in match.re.groupindex and match[group]:
                    offset = match.start(group)
                    used.update(offset + m.start() for m in YEAR_NUMBER.finditer(match[group]))
    return evidence


_SENTENCE_ENDS = "。！？；!?;\n"


# …观摩举行 / …马拉松赛开赛: the event named is being held (a headline of the page's own news).
_HELD = re.compile(r"[^，,。！？；\n]{0,20}?(?:举行|举办|召开|开幕|启动|开赛|开展|落幕|闭幕|开工|揭晓|开班|开营)")


def _dated_sentence(flat: str, match, mentions: list[DateMention]) -> bool:
    """Is the event named that of the page's news: held in the same sentence as a reported
    month/day, or said to be held (…观摩举行)?"""
    if _HELD.match(flat, match.end()):
        return True
    start = max(flat.rfind(c, 0, match.start()) for c in _SENTENCE_ENDS) + 1
    ends = [i for i in (flat.find(c, match.end()) for c in _SENTENCE_ENDS) if i >= 0]
    end = min(ends) if ends else len(flat)
    return any(start <= m.start <= end and m.reported for m in mentions)


def _score(year: int, evidence: list[YearEvidence]) -> int:
    score = 0
    for item in evidence:
        if item.bound is Bound.IS:
            score += item.weight if year == item.year else 0
        elif item.bound is Bound.AT_LEAST:
            score -= item.weight if year < item.year else 0
        elif item.bound is Bound.AT_MOST:
            score -= item.weight if year > item.year else 0
        else:  # Bound.BEFORE
            score -= item.weight if year >= item.year else 0
    return score


def best_year(evidence: list[YearEvidence]) -> int | None:
    """The year the evidence agrees on best; on a tie the earliest (the fewest
    assumptions: a page mentioning only 2023 is most likely of 2023)."""
    if not evidence:
        return None
    candidates = sorted({e.year + shift for e in evidence for shift in (-1, 0, 1)})
    return max(candidates, key=lambda year: (_score(year, evidence), -year))
