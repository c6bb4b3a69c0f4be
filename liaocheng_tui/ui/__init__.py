"""The terminal reader: a Textual app over the archive model and the search layer.

Only this package imports Textual.  Modules here that hold no widgets
(``catalog``, ``people_index``, ``safe_text``, ``article_text``) stay free of
Textual too, so they can be tested and reused without a terminal.
"""
