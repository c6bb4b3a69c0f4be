"""Has it been written already?  Same-event matching and the repost pass over the archive.

Imports ``archive`` and ``search`` only (never the UI or the CLI); loads jieba only
when a draft is matched (the repost pass never does).

For a screen that takes a draft (``d``) and shows matches::

    from liaocheng_tui.similar.matching import find_similar
    matches = find_similar(text, service, limit=10)   # service: the SearchService of open_archive
    for m in matches:            # best first; run it in a worker: the first call loads jieba (~1 s)
        m.article, m.score, m.verdict   # verdict: "same event" | "related" | None
        m.evidence.people / places / orgs / dates / numbers / words   # tuples of scoring.Shared
        m.evidence.passages      # tuples of passages.Passage: .draft and .article are (start, end)

``Shared`` holds ``key`` (normalised), ``draft_text`` and ``draft_spans`` (offsets into the
draft), ``article_text`` and ``article_spans`` (offsets into ``scoring.article_text(article)``:
kicker, title, subtitle and body joined by newlines); ``scoring.field_spans(article, spans)``
turns those into ``{"title": [...], "body": [...]}`` as ``highlight_spans`` gives them, for a
side-by-side view.  Thresholds: ``scoring.SAME_EVENT_MIN_SCORE``, ``scoring.RELATED_MIN_SCORE``.

For "also reported" in the article pane::

    shelf, service = open_archive(roots, ..., after_index=reposts.link_new_articles)
    shelf.also_reported(article.id)   # list[search.store_links.LinkRow], "same event" first
    # LinkRow: aid, score, verdict, title, newspaper, issue_date, edition, source (one query)

* ``quantities``    dates and numbers, normalised so that two ways of writing one compare equal
* ``places_table``  Liaocheng's counties, districts, towns, streets and sights (data)
* ``evidence``      what a text names: people, places, organisations, figures, rare words
* ``passages``      verbatim passages two texts share, with offsets in both
* ``signature``     character shingles, MinHash (datasketch), LSH band keys
* ``scoring``       one text against one article: score, verdict, evidence
* ``matching``      ``find_similar``: candidates from the index and the LSH bands, judged
* ``reposts``       the repost pass (new pages only), ``also_reported``, ``duplicates``
"""
