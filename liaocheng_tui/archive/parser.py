"""Page text → articles: the layout pipeline in one call.

reflow (lines → paragraphs) → classify (paragraph roles) → assemble
(roles → articles).  Each step lives in its own module; this one only wires
them and guarantees the result accounts for every character.
"""

from __future__ import annotations

from liaocheng_tui.archive.assemble import assemble
from liaocheng_tui.archive.classify import classify_all
from liaocheng_tui.archive.model import Article
from liaocheng_tui.archive.reflow import reflow


def parse_text(text: str) -> tuple[list[Article], list[str]]:
    """Return the page's articles in page order and any unattributed residue."""
    units = classify_all(reflow(text))
    articles, residue = assemble(units)
    kept = [a for a in articles if a.raw_pieces()]
    return kept, residue
