"""Page text → articles: the layout pipeline in one call.

reflow (lines → paragraphs) → classify (paragraph roles) → assemble
(roles → articles).  Each step lives in its own module; this one only wires
them and guarantees the result accounts for every character.
"""

from __future__ import annotations

from collections.abc import Collection

from liaocheng_tui.archive.assemble import assemble
from liaocheng_tui.archive.classify import classify_all
from liaocheng_tui.archive.model import Article
from liaocheng_tui.archive.reflow import reflow


def parse_text(text: str, item_ends: Collection[str] = ()) -> tuple[list[Article], list[str]]:
    """Return the page's articles in page order and any unattributed residue; a paragraph
    whose last line is one of ``item_ends`` (an editor credit was printed under it) ends its item."""
    paras = reflow(text)
    if item_ends:
        for para in paras:
            para.closes_item = para.lines[-1].strip() in item_ends
    units = classify_all(paras)
    articles, residue = assemble(units)
    kept = [a for a in articles if a.raw_pieces()]
    return kept, residue
