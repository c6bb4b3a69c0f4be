"""Related articles: Whoosh's key terms of the body's character bigrams, as a query for the one evaluator.

Key terms are the bigrams that best tell this article apart (Whoosh's Bo1
model over the index's own statistics); pairs that are only punctuation-glued
halves of words weigh little because they are common.  No jieba needed.
"""

from __future__ import annotations

from whoosh import query

from liaocheng_tui.archive.model import Article


def related_query(searcher, article: Article) -> query.Query | None:
    """The query for articles like ``article``: its 20 most telling body bigrams, weighted (None if none)."""
    text = "\n".join(x for x in (article.title, article.body) if x)
    if not text.strip():
        return None
    terms = searcher.key_terms_from_text("body_bg", text, numterms=20, normalize=True)
    terms = [(w, weight) for w, weight in terms if len(w) == 2]
    if not terms:
        return None
    return query.Or([query.Term("body_bg", word, boost=weight) for word, weight in terms])
