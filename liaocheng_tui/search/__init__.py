"""Search: a Whoosh index over the archive's articles that never misses a verbatim string.

Never imports Textual or the UI, and loads jieba only when it indexes.

* ``service``      the front door: ``open_search``, ``open_archive``, ``SearchService``
* ``backend``      the front door as a Protocol, with its typed results
* ``store``        the article store in SQLite (files, pages, articles, people)
* ``sync``         files → store at every start (only what changed)
* ``index_sync``   store → the live index generation (page-sized updates, builds beside it)
* ``analysis``     folding, character bigrams, jieba words
* ``schema``       the index fields and how an article becomes a document
* ``indexer``      full builds from the store (segment by segment) and page-sized updates
* ``cache``        where the cache lives, the writer lock, layout repairs
* ``versions``     parser / index / store versions
* ``query``        the query language (Whoosh's parser with Chinese field names);
  ``query_checks`` what is read and refused before Whoosh sees a query
* ``substring``    exact-substring and wildcard matching on top of the bigram index
* ``fastpath``     the one evaluator: posting lists, BM25
* ``highlight``    phrase-exact highlight spans and snippets
* ``related``      more-like-this
"""
