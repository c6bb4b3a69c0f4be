"""The archive: files of raw page text → pages → articles.

Never imports Textual or the UI; a test proves it.
"""

from liaocheng_tui.archive.model import (
    Archive,
    Article,
    ArticleKind,
    DateSource,
    Page,
    Paragraph,
)

__all__ = ["Archive", "Article", "ArticleKind", "DateSource", "Page", "Paragraph"]
