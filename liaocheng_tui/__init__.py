"""lc-reader: read and search the archive of Liaocheng's newspapers from a terminal.

Layers: ``archive`` (files → pages → articles), ``search`` (index, analyzers,
queries) and ``ui`` (the Textual app).  ``archive`` and ``search`` never import
the UI.
"""

__version__ = "0.1.0"
