"""Related articles: Whoosh's more-like-this over the body's character bigrams.

Key terms are the bigrams that best tell this article apart (Whoosh's Bo1
model over the index's own statistics); pairs that are only punctuation-glued
halves of words weigh little because they are common.  No jieba needed.
"""

from __future__ import annotations

from whoosh import query

from liaocheng_tui.archive.model import Article


def related_docnums(searcher, docnum: int, article: Article, limit: int) -> list[tuple[int, float]]:
    """(docnum, score) of the articles most like ``article`` (itself excluded), best first."""
    text = "\n".join(x for x in (article.title, article.body) if x)
    if not text.strip():
        return []
    terms = searcher.key_terms_from_text("body_bg", text, numterms=20, normalize=True)
    terms = [(w, weight) for w, weight in terms if len(w) == 2]
    if not terms:
        return []
    q = query.Or([query.Term("body_bg", word, boost=weight) for word, weight in terms])
    results = searcher.search(q, limit=limit, mask={docnum})
    return [(hit.docnum, hit.score) for hit in results]
