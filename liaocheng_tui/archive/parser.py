"""Page text → articles (STUB while the layout modules are written)."""

from __future__ import annotations

from liaocheng_tui.archive.model import Article, Paragraph


def parse_text(text: str) -> tuple[list[Article], list[str]]:
    """Return the page's articles in page order and any unattributed residue."""
    paras = [Paragraph(b.strip()) for b in text.split("\n\n") if b.strip()]
    return ([Article(paragraphs=paras)] if paras else []), []
