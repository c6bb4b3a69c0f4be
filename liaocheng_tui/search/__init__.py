"""Search: a Whoosh index over the archive's articles that never misses a verbatim string.

Never imports Textual or the UI, and loads jieba only when it indexes.

* ``service``   the front door: ``open_archive``, ``SearchService``, ``QueryError``
* ``analysis``  folding (OpenCC t2s, width, case), character bigrams, jieba words
* ``schema``    the index fields and how an article becomes a document
* ``indexer``   full builds (segment by segment) and incremental updates
* ``cache``     where the cache lives, locking, atomic publish, damage checks
* ``pagestore`` pages as JSON, so unchanged files are not parsed again
* ``query``     the query language (Whoosh's parser with Chinese field names)
* ``substring`` exact-substring matching on top of the bigram index
* ``fastpath``  posting-list evaluation of a parsed query (Whoosh's matchers as fallback)
* ``highlight`` phrase-exact highlight spans and pinpoint snippets
* ``related``   more-like-this
"""
