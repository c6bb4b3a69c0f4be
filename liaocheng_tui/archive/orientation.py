"""Which side of its article a page prints each headline on.

PDF exports of 聊城日报 and 大众日报 print a headline after its article's body;
web-style exports print it before.  The page's first and last paragraphs
usually tell; when they don't, each headline votes for the neighbour it shares
more words with.
"""

from __future__ import annotations

from liaocheng_tui.archive.classify import Role, Unit
from liaocheng_tui.archive.items import is_start


def headline_first(units: list[Unit]) -> bool:
    """Does this page print each headline above its article?"""
    if not units:
        return False
    score = 0
    first, last = units[0], units[-1]
    if is_start(first):
        score -= 2
    elif first.role is Role.HEADLINE and any(is_start(u) for u in units[1:4]):
        score += 2
    if last.role is Role.HEADLINE:
        score -= 2
    elif last.role is Role.BODY and not (last.credit is not None and last.credit.is_photo):
        score += 1
    if score == 0:
        score = _similarity_vote(units)
    return score > 0


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _similarity_vote(units: list[Unit]) -> int:
    """Headlines share words with their own article: vote by which neighbour each run resembles."""
    vote = 0
    i = 0
    while i < len(units):
        if units[i].role is not Role.HEADLINE:
            i += 1
            continue
        j = i
        while j < len(units) and units[j].role is Role.HEADLINE:
            j += 1
        heading = _bigrams("".join(u.text for u in units[i:j]))
        before = _bigrams("".join(u.text for u in units[max(0, i - 3) : i]))
        after = _bigrams("".join(u.text for u in units[j : j + 3]))
        vote += (len(heading & after) > len(heading & before)) - (len(heading & before) > len(heading & after))
        i = j
    return vote
