"""What a headline looks like, as opposed to a paragraph of body text.

Asked by reflow (never heal a column break after a headline) and by the
paragraph classifier.
"""

from __future__ import annotations

import re

from liaocheng_tui.archive.cjk import CLAUSE_OPEN, ideograph_count, squeeze

# Longest headline we accept (001 has 45-character one-line titles).
MAX_HEADLINE_CHARS = 64
# Headlines are at most this many printed lines.
MAX_HEADLINE_LINES = 3


# Interview turns (记者：… / 问：… / 答：…) and lists after a colon (入选人员为：王建军 孙立新) are body.
SPEAKER_RE = re.compile(r"^\s*(?:记者|本报记者|问|答|主持人|[\u4e00-\u9fff]{2,4}(?=[：:].*[？?。]$))\s*[：:]")
COLON_LIST_RE = re.compile(r"[：:]\s*\S{2,4}(?:\s+\S{2,4}){1,}")


# A notice's signature ends with its date: 聊城市人民政府 / 2024年6月20日.
SIGNED_DATE_RE = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def looks_like_headline(text: str, n_lines: int) -> bool:
    """Short, no sentence inside, no clause left open: a headline or subhead."""
    if SPEAKER_RE.match(text) or COLON_LIST_RE.search(text) or SIGNED_DATE_RE.search(text.strip()):
        return False
    text = squeeze(text)
    if not (2 <= len(text) <= MAX_HEADLINE_CHARS) or n_lines > MAX_HEADLINE_LINES:
        return False
    if ideograph_count(text) < 2:
        return False  # "……", "1.", a stray number
    if "。" in text or (text[-1] in ".!?;；,，、：:" + CLAUSE_OPEN and not text.endswith("——")):
        return False
    return not text.endswith(("！", "？")) or len(text) <= 24
