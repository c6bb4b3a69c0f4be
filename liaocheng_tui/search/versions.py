"""The versions of what the cache holds: bump one when the code that makes it changes.

The cache keeps parsed pages (the article store) and the search index.  Both
are the output of code: pages of the parser (``liaocheng_tui/archive/``,
dating and people included), the index of the analysis (``search/analysis.py``,
``search/schema.py``).  A cache made by other code is stale, so:

* ``PARSER_VERSION`` changes → every page is parsed again into the store;
* ``INDEX_VERSION`` changes → the index is rebuilt from the store (no parsing);
* ``STORE_LAYOUT`` changes → the store's tables are made anew (then both of the above).

``tests/search/test_versions.py`` keeps a digest of those sources per version
and fails when a source changed without a bump.  This module imports nothing
of the project, so every layer can read it.
"""

PARSER_VERSION = 12
INDEX_VERSION = 11
STORE_LAYOUT = 8
