"""What the reader keeps for its user: bookmarks, history, the last position, settings.

Kept apart from the index cache (deleting the cache loses nothing of the
user's) and below the UI: the reader and the CLI both read it.
"""
