"""Related articles: Whoosh's more-like-this over the jieba word field."""

from __future__ import annotations

from whoosh import query

from liaocheng_tui.archive.model import Article


def related_docnums(searcher, docnum: int, article: Article, limit: int) -> list[tuple[int, float]]:
    """(docnum, score) of the articles most like ``article`` (itself excluded), best first.

    Key terms come from the article's title and body analysed like the index
    (jieba words), so the first call loads jieba.
    """
    text = "\n".join(x for x in (article.title, article.body) if x)
    if not text.strip():
        return []
    terms = searcher.key_terms_from_text("body_w", text, numterms=12, normalize=True)
    terms = [(w, weight) for w, weight in terms if len(w) > 1] or terms
    if not terms:
        return []
    q = query.Or([query.Term("body_w", word, boost=weight) for word, weight in terms])
    results = searcher.search(q, limit=limit, mask={docnum})
    return [(hit.docnum, hit.score) for hit in results]
